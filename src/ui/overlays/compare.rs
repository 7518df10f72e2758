//! The baseline comparison: each target or time limit that moved, two
//! lines each (where; then → now and who), the selected one in view.

use crate::app::App;
use crate::app::overlay::CompareView;
use crate::ui::theme::Theme;
use crate::ui::width::{truncate, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect, view: &CompareView) {
    let ui = app.ui();
    let popup = crate::ui::centered(
        area,
        area.width.saturating_sub(2).min(110),
        area.height.saturating_sub(2),
    );
    let Some(info) = view.baselines.get(view.at) else {
        return;
    };
    let title = app.lang.compare_title(
        &info.name,
        &app.clock().local_minute(&info.saved_at),
        &info.saved_by,
        view.moved.len(),
        view.at + 1,
        view.baselines.len(),
    );
    let inner = crate::ui::boxed(frame, popup, &title, theme);
    let cells = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    if view.moved.is_empty() {
        lines.push(Line::styled(ui.empty, theme.dim()));
    }
    let mut selected_line = 0;
    for (i, m) in view.moved.iter().enumerate() {
        let [place, target, due, by] = m.cells();
        let head = Line::raw(truncate(&place, cells));
        if i == view.sel {
            selected_line = lines.len();
            lines.push(head.style(theme.selected()));
        } else {
            lines.push(head);
        }
        // Only what moved: a time limit moved leaves the target unsaid.
        let said = app.lang.moved_line(
            (m.target_was != m.target).then_some(target.as_str()),
            (m.due_was != m.due).then_some(due.as_str()),
            &by,
        );
        for l in wrap(&format!("  {said}"), cells) {
            lines.push(Line::styled(l, theme.dim()));
        }
    }
    // A page at a time, so the selected item's two lines show together.
    let height = usize::from(inner.height.max(1));
    let top = selected_line.saturating_sub(height.saturating_sub(3));
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(top).collect::<Vec<_>>()),
        inner,
    );
}
