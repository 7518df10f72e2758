//! One milestone in full: every field, readings over time, notes newest
//! first (the selected one marked), and its recent history.

use super::panes::{is_overdue, value_text};
use super::theme::Theme;
use crate::app::App;
use crate::app::pane::OpenMilestone;
use crate::domain::progress::format_value;
use crate::width::{truncate, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(
    app: &App,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
    open: &OpenMilestone,
    focused: bool,
) {
    let ui = app.ui();
    let d = &open.detail;
    let m = &d.milestone;
    let cells = area.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    let field = |lines: &mut Vec<Line>, label: &str, value: String| {
        for (i, l) in wrap(&format!("{label}: {value}"), cells)
            .into_iter()
            .enumerate()
        {
            if i == 0 && l.starts_with(label) {
                let rest = l[label.len()..].to_owned();
                lines.push(Line::from(vec![
                    Span::styled(label.to_owned(), theme.dim()),
                    Span::raw(rest),
                ]));
            } else {
                lines.push(Line::raw(l));
            }
        }
    };
    for l in wrap(&m.title, cells) {
        lines.push(Line::styled(l, theme.title()));
    }
    field(
        &mut lines,
        ui.status,
        format!(
            "{} {}",
            super::theme::mark(m.status),
            app.lang.status(m.status)
        ),
    );
    field(&mut lines, ui.kind, app.lang.kind(m.kind).to_owned());
    let pct = m
        .measure()
        .percent()
        .map(|p| format!(" ({p}%)"))
        .unwrap_or_default();
    field(
        &mut lines,
        &format!("{}/{}", ui.current, ui.target),
        format!("{}{pct}", value_text(app, m)),
    );
    if let Some(b) = m.baseline {
        field(&mut lines, ui.baseline, format_value(b));
    }
    let due = match &m.due {
        Some(due) if is_overdue(m) => format!("{due} ({})", ui.overdue),
        Some(due) => due.clone(),
        None => ui.no_due.to_owned(),
    };
    field(&mut lines, ui.due, due);
    if !m.owner.is_empty() {
        field(&mut lines, ui.owner, m.owner.clone());
    }
    field(
        &mut lines,
        ui.updated,
        format!(
            "{} {} · {} {}",
            m.updated_by,
            short_time(&m.updated_at),
            ui.version,
            m.version
        ),
    );

    if !d.readings.is_empty() {
        lines.push(Line::styled(
            format!("── {} ({})", ui.readings, d.readings.len()),
            theme.dim(),
        ));
        for r in d.readings.iter().rev() {
            lines.push(Line::raw(truncate(
                &format!("{}  {}  {}", r.as_of, format_value(r.value), r.author),
                cells,
            )));
        }
    }
    lines.push(Line::styled(
        format!("── {} ({})", ui.notes, d.notes.len()),
        theme.dim(),
    ));
    let mut selected_line = 0;
    for (i, n) in d.notes.iter().enumerate() {
        let chosen = i == open.note_sel;
        if chosen {
            selected_line = lines.len();
        }
        let head = format!(
            "{}{} · {}",
            if chosen { "▶ " } else { "  " },
            n.author,
            short_time(&n.created_at)
        );
        let head_style = if chosen && focused {
            theme.selected()
        } else {
            theme.dim()
        };
        lines.push(Line::styled(truncate(&head, cells), head_style));
        for l in wrap(&n.body, cells.saturating_sub(2)) {
            lines.push(Line::raw(format!("  {l}")));
        }
    }
    if !d.history.is_empty() {
        lines.push(Line::styled(format!("── {}", ui.history), theme.dim()));
        for h in &d.history {
            let text = format!(
                "{} {} {}: {} → {}",
                short_time(&h.at),
                h.author,
                h.field,
                one_line(h.old.as_deref()),
                one_line(h.new.as_deref())
            );
            lines.push(Line::raw(truncate(&text, cells)));
        }
    }
    // Keep the selected note in view.
    let height = area.height as usize;
    let scroll = (selected_line + 4)
        .saturating_sub(height)
        .min(lines.len().saturating_sub(height));
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), area);
}

/// `2023-06-30 08:00` from a stored instant.
fn short_time(at: &str) -> String {
    at.get(..16).unwrap_or(at).replace('T', " ")
}

fn one_line(s: Option<&str>) -> String {
    match s {
        None => "—".into(),
        Some(s) => {
            let first = s.lines().next().unwrap_or("");
            if s.contains('\n') {
                format!("{first}…")
            } else {
                first.to_owned()
            }
        }
    }
}
