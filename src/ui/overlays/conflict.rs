//! A conflict: what another planner saved beside what this one typed
//! (or the plan replaced under the cockpit), side by side.

use crate::app::App;
use crate::app::overlay::ConflictView;
use crate::ui::theme::Theme;
use crate::ui::width::{truncate, wrap};
use crate::ui::{boxed, centered};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect, c: &ConflictView) {
    let ui = app.ui();
    let popup = centered(
        area,
        area.width.saturating_sub(2).min(100),
        area.height.saturating_sub(2).min(20),
    );
    let title = if c.replaced {
        ui.plan_replaced_title
    } else {
        ui.conflict_title
    };
    let inner = boxed(frame, popup, title, theme);
    let when = app.clock().local_minute(&c.at);
    let theirs_head = if c.replaced {
        ui.plan_replaced_title.to_owned()
    } else {
        format!("{} · {} ({}, {when})", c.what, ui.theirs, c.by)
    };
    let heads = [
        (theirs_head, &c.theirs),
        (format!("{} · {}", c.what, ui.mine), &c.mine),
    ];
    let columns = if inner.width >= 40 {
        Layout::horizontal([Constraint::Ratio(1, 2), Constraint::Ratio(1, 2)])
            .split(inner)
            .to_vec()
    } else {
        Layout::vertical([Constraint::Ratio(1, 2), Constraint::Ratio(1, 2)])
            .split(inner)
            .to_vec()
    };
    for ((head, text), col) in heads.iter().zip(columns.iter()) {
        let w = col.width.saturating_sub(1) as usize;
        let mut lines = vec![Line::styled(truncate(head, w), theme.key())];
        lines.extend(wrap(text, w).into_iter().map(Line::raw));
        frame.render_widget(Paragraph::new(lines), *col);
    }
}
