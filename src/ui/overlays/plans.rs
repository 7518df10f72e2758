//! The plans side by side: every plan, two lines each (whose, which year,
//! its title; then its items, done, overdue and mean completion), the open
//! one marked; or, with `c`, the city — the open plan's year as a table, a
//! unit a row, with each direction's mean completion beside its counts.

use crate::app::App;
use crate::app::overlay::PlansView;
use crate::ui::theme::Theme;
use crate::ui::width::{pad, pad_left, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

fn percent(p: Option<f64>) -> String {
    p.map_or_else(|| "—".to_owned(), |p| format!("{:.0}%", p * 100.0))
}

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect, view: &PlansView) {
    let popup = crate::ui::centered(
        area,
        area.width.saturating_sub(2).min(100),
        area.height.saturating_sub(2),
    );
    let title = if view.city {
        app.lang
            .city_view_title(view.year().unwrap_or_default(), view.shown.len())
    } else {
        app.lang.plans_view_title(view.rows.len())
    };
    let inner = crate::ui::boxed(frame, popup, &title, theme);
    let cells = usize::from(inner.width);
    if view.loading {
        let said = Line::styled(app.lang.plans_loading(), theme.dim());
        frame.render_widget(Paragraph::new(vec![said]), inner);
        return;
    }
    let (mut lines, selected_line) = if view.city {
        city_lines(app, theme, view, cells)
    } else {
        plan_lines(app, theme, view, cells)
    };
    let height = usize::from(inner.height.max(1));
    let top = selected_line.saturating_sub(height.saturating_sub(3));
    lines = lines.into_iter().skip(top).collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn plan_lines(
    app: &App,
    theme: Theme,
    view: &PlansView,
    cells: usize,
) -> (Vec<Line<'static>>, usize) {
    let mut lines = Vec::new();
    let mut selected_line = 0;
    for (i, r) in view.shown.iter().map(|&i| &view.rows[i]).enumerate() {
        let unit = if r.unit.is_empty() { "—" } else { &r.unit };
        let now = if r.current {
            app.lang.plan_open_now()
        } else {
            ""
        };
        let head = Line::raw(truncate(
            &format!("{unit} {} {}{now}", r.year, r.title),
            cells,
        ));
        if i == view.sel {
            selected_line = lines.len();
            lines.push(head.style(theme.selected()));
        } else {
            lines.push(head);
        }
        let said = app
            .lang
            .plan_standing_line(r.items, r.done, r.overdue, &percent(r.progress));
        lines.push(Line::styled(
            truncate(&format!("  {said}"), cells),
            theme.dim(),
        ));
    }
    (lines, selected_line)
}

/// The city's table: the open plan's directions are the columns; a unit
/// whose plan has no such direction shows a dash.
fn city_lines(
    app: &App,
    theme: Theme,
    view: &PlansView,
    cells: usize,
) -> (Vec<Line<'static>>, usize) {
    let heads = app.lang.city_heads();
    let directions: Vec<&str> = view
        .rows
        .iter()
        .find(|r| r.current)
        .map(|r| r.directions.iter().map(|(d, _, _)| d.as_str()).collect())
        .unwrap_or_default();
    let row_of = |first: String, rest: Vec<String>| {
        let mut line = pad(&truncate(&first, 12), 12);
        for (n, cell) in rest.iter().enumerate() {
            let w = if n < 4 { 7 } else { 9 };
            line.push_str(&pad_left(&truncate(cell, w - 1), w));
        }
        truncate(&line, cells)
    };
    let mut head: Vec<String> = heads[1..].iter().map(|h| (*h).to_owned()).collect();
    head.extend(directions.iter().map(|d| (*d).to_owned()));
    let mut lines = vec![Line::styled(row_of(heads[0].to_owned(), head), theme.dim())];
    let mut selected_line = 0;
    for (i, r) in view.shown.iter().map(|&i| &view.rows[i]).enumerate() {
        let mut rest = vec![
            r.items.to_string(),
            r.done.to_string(),
            r.overdue.to_string(),
            percent(r.progress),
        ];
        for d in &directions {
            let p = r.directions.iter().find(|(name, _, _)| name == d);
            rest.push(p.map_or_else(
                || "—".to_owned(),
                |(_, n, p)| {
                    if *n == 0 {
                        "—".to_owned()
                    } else {
                        percent(*p)
                    }
                },
            ));
        }
        let unit = if r.unit.is_empty() {
            "—".to_owned()
        } else {
            r.unit.clone()
        };
        let line = Line::raw(row_of(unit, rest));
        if i == view.sel {
            selected_line = lines.len();
            lines.push(line.style(theme.selected()));
        } else {
            lines.push(line);
        }
    }
    (lines, selected_line)
}
