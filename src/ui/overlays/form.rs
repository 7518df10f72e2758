//! A one-line form (a value, a day, a target, an owner…) with its help
//! or its refusal under it.

use super::text_field;
use crate::app::App;
use crate::app::overlay::{Form, Purpose};
use crate::i18n::Ui;
use crate::ui::theme::Theme;
use crate::ui::width::wrap;
use crate::ui::{boxed, centered};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// `caret`: this is the top layer, whose field has the terminal cursor.
pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect, f: &Form, caret: bool) {
    let ui = app.ui();
    let (title, help) = form_words(ui, &f.purpose);
    let w = area.width.saturating_sub(4).min(60);
    let (text, style) = match &f.error {
        Some(e) => (format!("✕ {e}"), theme.error()),
        None => (help.to_owned(), theme.dim()),
    };
    // As tall as its help or refusal needs (examples are the point
    // of it), up to six lines.
    let wrapped: Vec<Line> = wrap(&text, w.saturating_sub(2) as usize)
        .into_iter()
        .take(6)
        .map(|l| Line::styled(l, style))
        .collect();
    let popup = centered(area, w, 4 + crate::ui::cells(wrapped.len()));
    let inner = boxed(frame, popup, title, theme);
    if inner.height == 0 {
        return;
    }
    let [input, _gap, note] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    text_field(frame, &f.input, input, caret);
    frame.render_widget(Paragraph::new(wrapped), note);
}

fn form_words(ui: &'static Ui, p: &Purpose) -> (&'static str, &'static str) {
    match p {
        Purpose::Value { .. } => (ui.form_value, ui.form_value_help),
        Purpose::Due { .. } => (ui.form_due, ui.form_due_help),
        Purpose::DoneOn { .. } => (ui.form_done_on, ui.form_done_on_help),
        Purpose::Target { .. } => (ui.form_target, ui.form_target_help),
        Purpose::RenameMilestone { .. } => (ui.form_rename_milestone, ""),
        Purpose::RenameProject { .. } => (ui.form_rename_project, ""),
        Purpose::OwnerMilestone { .. } => (ui.form_owner, ui.form_owner_milestone_help),
        Purpose::OwnerProject { .. } => (ui.form_owner, ui.form_owner_help),
        Purpose::Areas { .. } => (ui.areas, ui.form_areas_help),
        Purpose::AddProject { .. } => (ui.form_add_project, ""),
        Purpose::AddMilestone { .. } => (ui.form_add_milestone, ""),
    }
}
