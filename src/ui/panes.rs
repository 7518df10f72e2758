//! The direction panes side by side (one at a time when narrow or zoomed),
//! each showing its drill-down level.

use super::list::PagedList;
use super::theme::{Theme, bar, light_mark, mark};
use super::{NARROW, detail};
use super::{is_overdue, value_text};
use crate::app::App;
use crate::app::pane::{Depth, Pane};
use crate::domain::rows::{MilestoneRow, ProjectRow};
use crate::i18n::Lang;
use crate::ui::width::{pad, truncate, width, wrap};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    if app.panes.is_empty() || area.height == 0 {
        return;
    }
    let narrow = area.width < NARROW;
    if narrow || app.zoomed {
        let mut area = area;
        if narrow && area.height > 2 {
            let [tabs, rest] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
            direction_tabs(app, theme, frame, tabs);
            area = rest;
        }
        pane(app, theme, frame, area, app.focus);
        return;
    }
    let (first, shown) = super::heading::visible_panes(app.panes.len(), app.focus, area.width);
    let drilled = app.panes[app.focus].open.is_some();
    let n = u32::try_from(shown).unwrap_or(u32::MAX);
    let areas = match pane_widths(area.width, shown, drilled.then(|| app.focus - first)) {
        Some(widths) => Layout::horizontal(widths.into_iter().map(Constraint::Length)).split(area),
        None => Layout::horizontal((0..n).map(|_| Constraint::Ratio(1, n))).split(area),
    };
    for (i, a) in areas.iter().enumerate() {
        pane(app, theme, frame, *a, first + i);
    }
}

/// The widest a drilled pane grows: enough for a milestone's title, value,
/// light and time limit on one line each (a 2023 plan's longest second
/// line is about 40 cells) without starving the panes beside it.
const DRILLED_CELLS: u16 = 64;
/// What a pane beside a drilled one keeps: a mark, a cut name and a percent.
const BESIDE_CELLS: u16 = 16;

/// The widths of `shown` panes across `cells` when a drilled pane (`wide`,
/// its place among those shown) takes up to half the row, so that at 80×24
/// its milestones keep value, light and time limit (40 cells instead of
/// 26) while the other directions stay in sight. `None`: equal shares
/// (nothing drilled, one pane, or the others would get narrower than
/// `BESIDE_CELLS`).
pub fn pane_widths(cells: u16, shown: usize, wide: Option<usize>) -> Option<Vec<u16>> {
    let n = u16::try_from(shown).ok().filter(|&n| n > 1)?;
    let wide = wide?;
    let want = (cells / 2).min(DRILLED_CELLS).max(cells / n);
    let rest = cells - want;
    let others = n - 1;
    if rest / others < BESIDE_CELLS {
        return None;
    }
    // The remainder a cell each to the first ones.
    let mut out: Vec<u16> = (0..others)
        .map(|i| rest / others + u16::from(i < rest % others))
        .collect();
    out.insert(wide.min(out.len()), want);
    Some(out)
}

fn direction_tabs(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    for (i, p) in app.panes.iter().enumerate() {
        let name = app.pane_name(&p.group);
        let text = if i == app.focus {
            format!("[{name}]")
        } else {
            format!(" {name} ")
        };
        let style = if i == app.focus {
            theme.selected()
        } else {
            Style::default()
        };
        spans.push(Span::styled(text, style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn program_name(lang: Lang, p: &ProjectRow) -> Option<&str> {
    p.program
        .as_deref()
        .map(|zh| lang.name(zh, p.program_en.as_deref().unwrap_or("")))
}

/// Where the pane is, in `cells`: the whole path if it fits, else the
/// direction and the deepest part with the middle elided, since the deepest
/// part says most about where you are.
pub fn breadcrumb_fit(app: &App, pane: &Pane, cells: usize) -> String {
    let whole = breadcrumb(app, pane);
    if width(&whole) <= cells {
        return whole;
    }
    let parts: Vec<&str> = whole.split(" › ").collect();
    let last = parts.last().copied().unwrap_or("");
    let short = format!("{} › … › {last}", parts[0]);
    if parts.len() > 2 && width(&short) <= cells {
        return short;
    }
    truncate(&format!("… › {last}"), cells)
}

/// Where the pane is: direction › program › project › milestone.
pub fn breadcrumb(app: &App, pane: &Pane) -> String {
    let lang = app.lang;
    let mut parts = vec![app.pane_name(&pane.group)];
    if let Some(op) = &pane.open {
        if let Some(g) = program_name(lang, &op.project) {
            parts.push(g.to_owned());
        }
        parts.push(op.project.name.clone());
        if let Some(m) = &op.open {
            parts.push(m.detail.milestone.title.clone());
        }
    }
    parts.join(" › ")
}

fn pane(app: &App, theme: Theme, frame: &mut Frame, area: Rect, index: usize) {
    let pane = &app.panes[index];
    let ui = app.ui();
    let focused = index == app.focus;
    let d = &pane.group;
    let title = super::heading::title(app, index, area.width, frame.area().width);
    let block = Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused {
            theme.focused_border()
        } else {
            Style::default()
        })
        .title(Span::styled(title, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let cells = inner.width as usize;
    // The first lines say where the pane is and how far it has come.
    let (crumb, progress, counts) = match &pane.open {
        None => (None, d.rollup.progress, Some(d.rollup)),
        Some(op) => match &op.open {
            None => (
                Some(breadcrumb_fit(app, pane, cells)),
                op.project.rollup.progress,
                Some(op.project.rollup),
            ),
            Some(m) => (
                Some(breadcrumb_fit(app, pane, cells)),
                m.detail.milestone.measure().progress(),
                None,
            ),
        },
    };
    let mut head = Vec::new();
    if let Some(c) = crumb {
        head.push(Line::styled(truncate(&c, cells), theme.dim()));
    }
    // Done / all milestones beside the bar: "✓2/30".
    let tally = counts
        .map(|r| format!(" ✓{}/{}", r.done, r.milestones))
        .unwrap_or_default();
    let bar_text = bar(progress, cells.saturating_sub(width(&tally)));
    if !bar_text.is_empty() || !tally.is_empty() {
        head.push(Line::from(vec![
            Span::styled(bar_text, theme.bar()),
            Span::raw(tally),
        ]));
    }
    let head_h = super::cells(head.len()).min(inner.height);
    let [head_area, list_area] =
        Layout::vertical([Constraint::Length(head_h), Constraint::Min(0)]).areas(inner);
    frame.render_widget(Paragraph::new(head), head_area);

    match pane.depth() {
        Depth::Projects => {
            let item = |p: &ProjectRow| project_line(theme, p, cells);
            // The source links no project to an area: say how to.
            let empty = match pane.group.group {
                crate::domain::lens::Group::Area(_) => ui.no_linked_project,
                _ => ui.empty,
            };
            let hidden = PagedList {
                window: &pane.projects,
                per: 1,
                lines_of: item,
                focused,
                empty,
            }
            .draw(frame, theme, list_area);
            super::list::hidden_marks(frame, theme, area, hidden);
        }
        Depth::Milestones => {
            let Some(op) = &pane.open else { return };
            // The project's description and notes go under its milestones,
            // in whatever room is left.
            let about = project_about(app, theme, op, cells);
            let list_h = super::cells(op.milestones.total.saturating_mul(2))
                .max(1)
                .min(list_area.height);
            let [items, rest] =
                Layout::vertical([Constraint::Length(list_h), Constraint::Min(0)]).areas(list_area);
            let item = |m: &MilestoneRow| milestone_lines(app, theme, m, cells);
            let hidden = PagedList {
                window: &op.milestones,
                per: 2,
                lines_of: item,
                focused,
                empty: ui.empty,
            }
            .draw(frame, theme, items);
            super::list::hidden_marks(frame, theme, area, hidden);
            frame.render_widget(Paragraph::new(about), rest);
        }
        Depth::Detail => {
            if let Some(m) = pane.open_detail() {
                detail::render(app, theme, frame, list_area, m, focused);
            }
        }
    }
}

fn project_about(
    app: &App,
    theme: Theme,
    op: &crate::app::pane::OpenProject,
    cells: usize,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if !op.description.is_empty() {
        lines.push(Line::raw(""));
        lines.extend(wrap(&op.description, cells).into_iter().map(Line::raw));
    }
    if !op.notes.is_empty() {
        lines.push(Line::styled(
            format!("── {} ({})", app.ui().notes, op.notes.len()),
            theme.dim(),
        ));
        for n in &op.notes {
            lines.extend(
                wrap(&n.body, cells)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.dim())),
            );
        }
    }
    lines
}

fn pct(p: Option<f64>) -> String {
    p.map(|p| format!("{:>3}%", crate::domain::progress::percent(p)))
        .unwrap_or_default()
}

fn project_line(theme: Theme, p: &ProjectRow, cells: usize) -> Vec<Line<'static>> {
    let right = pct(p.rollup.progress);
    let left_cells = cells.saturating_sub(width(&right) + 3);
    vec![Line::from(vec![
        Span::styled(format!("{} ", mark(p.status)), theme.status(p.status)),
        Span::raw(pad(&truncate(&p.name, left_cells), left_cells)),
        Span::raw(format!(" {right}")),
    ])]
}

/// Two lines a milestone: its title, then value, percent, due and status.
fn milestone_lines(app: &App, theme: Theme, m: &MilestoneRow, cells: usize) -> Vec<Line<'static>> {
    let ui = app.ui();
    let first = Line::from(vec![
        Span::styled(format!("{} ", mark(m.status)), theme.status(m.status)),
        Span::raw(truncate(&m.title, cells.saturating_sub(2))),
    ]);
    let due = match &m.due {
        Some(d) if is_overdue(app, m) => format!("{d}!{}", ui.overdue),
        Some(d) => d.to_string(),
        None => ui.no_due.to_owned(),
    };
    // Who answers for it comes last: where the line is cut first.
    let who = m.responsible();
    let owner = [who.unit.as_str(), who.lead.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("/");
    // In a narrow pane the parts a planner needs go last: first the owner,
    // then the percent (the bar and value say it), then the status word
    // (the mark says it); the value and the time limit stay.
    let value = value_text(app, m);
    let percent = pct(m.measure().progress());
    let status = app.lang.status(m.status);
    let parts = [
        (value.as_str(), 0),
        (percent.trim(), 3),
        (due.as_str(), 1),
        (status, 2),
        (owner.as_str(), 4),
    ];
    let detail = crate::ui::width::fit_parts(&parts, " · ", cells.saturating_sub(2));
    let style = if is_overdue(app, m) {
        theme.error()
    } else {
        theme.dim()
    };
    // The light leads the second line: a shape and a colour, the item's one
    // standing on the cockpit's day (the same as its detail's).
    let s = super::standing(app, m);
    let light = Span::styled(format!("{} ", light_mark(s.light)), theme.light(s.light));
    vec![first, Line::from(vec![light, Span::styled(detail, style)])]
}

#[cfg(test)]
mod width_tests {
    use super::pane_widths;

    #[test]
    fn a_drilled_pane_takes_half_the_row_and_the_others_share_the_rest() {
        assert_eq!(pane_widths(80, 3, Some(1)), Some(vec![20, 40, 20]));
        assert_eq!(pane_widths(80, 3, Some(0)), Some(vec![40, 20, 20]));
        assert_eq!(pane_widths(81, 3, None), None);
        assert_eq!(
            pane_widths(200, 7, Some(6)).map(|w| w.iter().sum::<u16>()),
            Some(200)
        );
        assert_eq!(pane_widths(200, 7, Some(6)).map(|w| w[6]), Some(64));
        // Too narrow for others to keep a name: equal shares.
        assert_eq!(pane_widths(60, 3, Some(0)), None);
        assert_eq!(pane_widths(80, 1, Some(0)), None);
    }
}
