//! The explain popup: the project's progress, then what pulls it down,
//! worst first: its share of the shortfall, its own progress, its title.

use crate::app::App;
use crate::app::overlay::ExplainView;
use crate::domain::progress::{format_value, percent};
use crate::ui::theme::Theme;
use crate::ui::width::{truncate, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect, view: &ExplainView) {
    let ui = app.ui();
    let popup = crate::ui::centered(
        area,
        area.width.saturating_sub(2).min(100),
        area.height.saturating_sub(2),
    );
    let title = format!("{} · {}", ui.explain_title, view.project);
    let inner = crate::ui::boxed(frame, popup, &title, theme);
    let cells = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    let progress = view
        .progress
        .map_or_else(|| "—".to_owned(), |p| format!("{}%", percent(p)));
    for l in wrap(&app.lang.explain_progress(&progress, view.pane), cells) {
        lines.push(Line::styled(l, theme.title()));
    }
    for l in wrap(ui.explain_rule, cells) {
        lines.push(Line::styled(l, theme.dim()));
    }
    if view.pulls.is_empty() {
        lines.push(Line::styled(ui.explain_none, theme.dim()));
    }
    let head = lines.len();
    for (i, p) in view.pulls.iter().enumerate() {
        let light = p.standing.light;
        let mark = crate::ui::theme::light_mark(light);
        let who = p.row.responsible();
        let owner = if who.unit.is_empty() {
            String::new()
        } else {
            format!(" · {}", who.unit)
        };
        let title = if p.name_project {
            format!("{}({})", p.row.title, p.row.project)
        } else {
            p.row.title.clone()
        };
        // Points behind, then done against 序时进度; what waits for a
        // reading or a step says so instead.
        let figures = match p.standing.pace {
            Some(pace) if p.standing.group() == 0 => format!(
                "{:>5}  {:>4}%/{:>3}%",
                format_value((p.lag * 10.0).round() / 10.0),
                percent(pace.done.max(0.0)),
                percent(pace.elapsed)
            ),
            _ if p.standing.group() == 0 => format!("{:>5}  {:>10}", format_value(p.lag), ""),
            _ => app.lang.verdict(p.standing.verdict, &p.row.unit),
        };
        let text = format!("{figures}  {title}{owner}");
        let line = Line::from(vec![
            ratatui::text::Span::styled(format!("{mark} "), theme.light(light)),
            ratatui::text::Span::raw(truncate(&text, cells.saturating_sub(2))),
        ]);
        lines.push(if i == view.sel {
            line.style(theme.selected())
        } else {
            line
        });
    }
    let height = usize::from(inner.height.max(1)).saturating_sub(head).max(1);
    let top = view.sel / height * height;
    // The two heading lines stay; the list scrolls under them.
    let mut shown: Vec<Line> = lines[..head].to_vec();
    shown.extend(lines.into_iter().skip(head + top));
    frame.render_widget(Paragraph::new(shown), inner);
}
