//! The history layer: changes newest first, each as who and when, where,
//! and from what to what; the plan-wide log says its period and person in
//! its title.

use crate::app::App;
use crate::app::overlay::History;
use crate::ui::theme::Theme;
use crate::ui::width::{truncate, width, wrap};
use crate::ui::{boxed, centered};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect, h: &History) {
    let ui = app.ui();
    let popup = centered(
        area,
        area.width.saturating_sub(2).min(110),
        area.height.saturating_sub(2),
    );
    let title = match &h.log {
        None => format!("{} · {}", ui.history, h.title),
        Some(log) => app.lang.log_title(
            log.period,
            log.since,
            log.person.as_deref().map(|p| app.names.said(p)).as_deref(),
            h.rows.len(),
        ),
    };
    let inner = boxed(frame, popup, &title, theme);
    let cells = inner.width as usize;
    let mut lines = Vec::new();
    if h.rows.is_empty() {
        lines.push(Line::styled(ui.empty, theme.dim()));
    }
    for c in &h.rows {
        let when = app.clock().local_minute(&c.at);
        let who = app.names.said(&c.author);
        lines.push(Line::from(vec![
            Span::styled(format!("{when} "), theme.dim()),
            Span::styled(format!("{who} "), theme.key()),
            Span::raw(truncate(
                &c.place,
                cells.saturating_sub(width(&when) + width(&who) + 2),
            )),
        ]));
        let change = format!(
            "  {}",
            app.lang
                .change(&c.field, c.old.as_deref(), c.new.as_deref())
        );
        lines.extend(wrap(&change, cells).into_iter().map(Line::raw));
    }
    let max = crate::ui::cells(lines.len()).saturating_sub(inner.height);
    frame.render_widget(Paragraph::new(lines).scroll((h.scroll.min(max), 0)), inner);
}
