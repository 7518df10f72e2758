//! Search: the query, what was found, and the hits two lines each.

use super::text_field;
use crate::app::App;
use crate::app::overlay::Search;
use crate::domain::rows::HitKind;
use crate::ui::theme::Theme;
use crate::ui::width::{truncate, width};
use crate::ui::{boxed, centered};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// `caret`: this is the top layer, whose field has the terminal cursor.
pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect, s: &Search, caret: bool) {
    let ui = app.ui();
    let popup = centered(
        area,
        area.width.saturating_sub(4).min(100),
        area.height.saturating_sub(2),
    );
    let inner = boxed(frame, popup, ui.search_title, theme);
    if inner.height == 0 {
        return;
    }
    let [input, info, results] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    text_field(frame, &s.input, input, caret);
    let status = match &s.error {
        Some(e) => e.clone(),
        None if s.query().trim().is_empty() => ui.search_prompt.to_owned(),
        None => {
            let found = if s.hits.is_empty() {
                ui.no_results.to_owned()
            } else {
                format!("{} {}", s.hits.len(), ui.results_n)
            };
            if s.query().trim().chars().count() < crate::domain::rows::NOTE_QUERY_MIN {
                format!("{found} · {}", ui.notes_need_more)
            } else {
                found
            }
        }
    };
    frame.render_widget(
        Paragraph::new(Line::styled(
            truncate(&status, info.width as usize),
            theme.dim(),
        )),
        info,
    );
    let cells = results.width as usize;
    let fit = (results.height as usize / 2).max(1);
    let first = (s.sel + 1).saturating_sub(fit);
    let mut lines = Vec::new();
    for (i, h) in s.hits.iter().enumerate().skip(first).take(fit) {
        let kind = match h.kind {
            HitKind::Project => ui.hit_project,
            HitKind::Milestone => ui.hit_milestone,
            HitKind::Note => ui.hit_note,
        };
        let text: String = h.text.lines().next().unwrap_or("").to_owned();
        let mut a = Line::from(vec![
            Span::styled(format!("[{kind}] "), theme.key()),
            Span::raw(truncate(&text, cells.saturating_sub(width(kind) + 3))),
        ]);
        let mut b = Line::styled(truncate(&format!("  {}", h.path), cells), theme.dim());
        if i == s.sel {
            a = a.patch_style(theme.selected());
            b = b.patch_style(theme.selected());
        }
        lines.push(a);
        lines.push(b);
    }
    frame.render_widget(Paragraph::new(lines), results);
}
