//! Popups over the panes, one file each, drawn bottom-up: a question
//! shows over the editor it asks about. Only the top one has the keyboard,
//! so only its text field places the real terminal cursor — at the caret,
//! so that a Chinese input method opens its window in the right place.

mod agenda;
mod compare;
mod confirm;
mod conflict;
mod editor;
mod explain;
mod form;
mod help;
mod history;
mod menu;
mod plans;
mod search;

use crate::app::App;
use crate::app::overlay::Overlay;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use tui_textarea::TextArea;

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let count = app.overlays.len();
    for (n, overlay) in app.overlays.iter().enumerate() {
        let top = n + 1 == count;
        match overlay {
            Overlay::Help(h) => help::render(app, theme, frame, area, h.scroll),
            Overlay::Agenda(a) => agenda::render(app, theme, frame, area, a),
            Overlay::Explain(x) => explain::render(app, theme, frame, area, x),
            Overlay::Compare(c) => compare::render(app, theme, frame, area, c),
            Overlay::Plans(p) => plans::render(app, theme, frame, area, p),
            Overlay::Conflict(c) => conflict::render(app, theme, frame, area, c),
            Overlay::History(h) => history::render(app, theme, frame, area, h),
            Overlay::Search(s) => search::render(app, theme, frame, area, s, top),
            Overlay::Form(f) => form::render(app, theme, frame, area, f, top),
            Overlay::Menu(m) => menu::render(app, theme, frame, area, m),
            Overlay::Editor(e) => editor::render(app, theme, frame, area, e, top),
            Overlay::Confirm(c) => confirm::render(app, theme, frame, area, c),
        }
    }
}

/// Draws a text field and, when it has the keyboard (`caret`), puts the
/// terminal cursor on its caret.
fn text_field(frame: &mut Frame, input: &TextArea<'static>, area: Rect, caret: bool) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    frame.render_widget(input, area);
    if !caret {
        return;
    }
    let caret = input.screen_cursor();
    let (top, left) = input.scroll_offset();
    let x = crate::ui::cells(caret.col)
        .saturating_sub(left)
        .min(area.width - 1);
    let y = crate::ui::cells(caret.row)
        .saturating_sub(top)
        .min(area.height - 1);
    frame.set_cursor_position(Position {
        x: area.x + x,
        y: area.y + y,
    });
}
