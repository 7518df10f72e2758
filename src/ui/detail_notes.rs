//! A milestone's detail below its fields: each note (the selected one
//! marked) and the recent history, laid out a block at a time.

use super::theme::Theme;
use crate::app::App;
use crate::ui::width::{truncate, wrap};
use ratatui::text::Line;

pub(super) fn note_lines(
    app: &App,
    theme: Theme,
    n: &crate::domain::rows::NoteRow,
    chosen: bool,
    focused: bool,
    cells: usize,
) -> Vec<Line<'static>> {
    let head = format!(
        "{}{} · {}",
        if chosen { "▶ " } else { "  " },
        app.names.said(&n.author),
        app.clock().local_minute(&n.created_at)
    );
    let head_style = if chosen && focused {
        theme.selected()
    } else {
        theme.dim()
    };
    let mut lines = vec![Line::styled(truncate(&head, cells), head_style)];
    for l in wrap(&n.body, cells.saturating_sub(2)) {
        lines.push(Line::raw(format!("  {l}")));
    }
    lines
}

pub(super) fn history_lines(
    app: &App,
    theme: Theme,
    d: &crate::domain::rows::Detail,
    cells: usize,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if !d.history.is_empty() {
        lines.push(Line::styled(
            format!("── {}", app.ui().history),
            theme.dim(),
        ));
        for h in &d.history {
            let (old, new) = (one_line(h.old.as_deref()), one_line(h.new.as_deref()));
            let change = app.lang.change(&h.field, old.as_deref(), new.as_deref());
            let when = app.clock().local_minute(&h.at);
            let text = format!("{when} {} {change}", app.names.said(&h.author));
            lines.push(Line::raw(truncate(&text, cells)));
        }
    }
    lines
}

/// The first line of a long value, marked when more follows.
pub(super) fn one_line(s: Option<&str>) -> Option<String> {
    let s = s?;
    let first = s.lines().next().unwrap_or("");
    Some(if s.contains('\n') {
        format!("{first}…")
    } else {
        first.to_owned()
    })
}
