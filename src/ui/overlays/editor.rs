//! The note editor: the text, and a refusal under it.

use super::text_field;
use crate::app::App;
use crate::app::overlay::{Editor, NoteTarget};
use crate::ui::theme::Theme;
use crate::ui::width::truncate;
use crate::ui::{boxed, centered};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// `caret`: this is the top layer, whose text has the terminal cursor.
pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect, e: &Editor, caret: bool) {
    let ui = app.ui();
    let title = match e.target {
        NoteTarget::New { .. } => ui.editor_new,
        NoteTarget::Edit { .. } => ui.editor_edit,
    };
    let popup = centered(
        area,
        area.width.saturating_sub(4).min(100),
        area.height.saturating_sub(4).max(3),
    );
    let inner = boxed(frame, popup, title, theme);
    if inner.height == 0 {
        return;
    }
    let [text, foot] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    text_field(frame, &e.input, text, caret);
    if let Some(err) = &e.error {
        frame.render_widget(
            Paragraph::new(Line::styled(
                truncate(&format!("✕ {err}"), foot.width as usize),
                theme.error(),
            )),
            foot,
        );
    }
}
