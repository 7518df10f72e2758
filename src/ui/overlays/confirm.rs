//! A yes/no question, drawn over whatever it asks about.

use crate::app::App;
use crate::app::overlay::Confirm;
use crate::ui::theme::Theme;
use crate::ui::width::wrap;
use crate::ui::{boxed, centered};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect, c: &Confirm) {
    let ui = app.ui();
    let w = area.width.saturating_sub(4).min(56);
    let lines = wrap(&c.question, w.saturating_sub(2) as usize);
    let popup = centered(area, w, crate::ui::cells(lines.len()).saturating_add(4));
    let inner = boxed(frame, popup, ui.confirm_title, theme);
    let mut text: Vec<Line> = lines.into_iter().map(Line::raw).collect();
    text.push(Line::raw(""));
    text.push(Line::styled("y / n", theme.key()));
    frame.render_widget(Paragraph::new(text), inner);
}
