//! The plans side by side: two lines a plan (whose, which year, its title;
//! then its items, done, overdue and mean completion), the open one marked.

use crate::app::App;
use crate::app::overlay::PlansView;
use crate::ui::theme::Theme;
use crate::ui::width::truncate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect, view: &PlansView) {
    let popup = crate::ui::centered(
        area,
        area.width.saturating_sub(2).min(100),
        area.height.saturating_sub(2),
    );
    let title = app.lang.plans_view_title(view.rows.len());
    let inner = crate::ui::boxed(frame, popup, &title, theme);
    let cells = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    for (i, r) in view.rows.iter().enumerate() {
        let unit = if r.unit.is_empty() { "—" } else { &r.unit };
        let now = if r.current {
            app.lang.plan_open_now()
        } else {
            ""
        };
        let head = Line::raw(truncate(
            &format!("{unit} {} {}{now}", r.year, r.title),
            cells,
        ));
        if i == view.sel {
            selected_line = lines.len();
            lines.push(head.style(theme.selected()));
        } else {
            lines.push(head);
        }
        let progress = r
            .progress
            .map_or_else(|| "—".to_owned(), |p| format!("{:.0}%", p * 100.0));
        let said = app
            .lang
            .plan_standing_line(r.items, r.done, r.overdue, &progress);
        lines.push(Line::styled(
            truncate(&format!("  {said}"), cells),
            theme.dim(),
        ));
    }
    let height = usize::from(inner.height.max(1));
    let top = selected_line.saturating_sub(height.saturating_sub(3));
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(top).collect::<Vec<_>>()),
        inner,
    );
}
