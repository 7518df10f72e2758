//! The menus: a milestone's status (`s`), or which report to write (`R`).

use crate::app::App;
use crate::app::overlay::{Menu, MenuOf};
use crate::ui::theme::{Theme, mark};
use crate::ui::width::pad;
use crate::ui::{boxed, centered};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect, m: &Menu) {
    match m.of {
        MenuOf::Report => reports(app, theme, frame, area, m),
        MenuOf::Status { .. } => statuses(app, theme, frame, area, m),
    }
}

fn reports(app: &App, theme: Theme, frame: &mut Frame, area: Rect, m: &Menu) {
    let ui = app.ui();
    // In the order of `menu::REPORT_CHOICES`.
    let names = ui.report_choices;
    let popup = centered(area, 34, crate::ui::cells(names.len()).saturating_add(2));
    let inner = boxed(frame, popup, ui.report_title, theme);
    let lines: Vec<Line> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let text = pad(name, inner.width as usize);
            if i == m.sel {
                Line::styled(text, theme.selected())
            } else {
                Line::raw(text)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn statuses(app: &App, theme: Theme, frame: &mut Frame, area: Rect, m: &Menu) {
    let ui = app.ui();
    let choices = Menu::choices();
    let popup = centered(area, 24, crate::ui::cells(choices.len()).saturating_add(2));
    let inner = boxed(frame, popup, ui.status_title, theme);
    let lines: Vec<Line> = choices
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let text = pad(
                &format!("{} {}", mark(*s), app.lang.status(*s)),
                inner.width as usize,
            );
            if i == m.sel {
                Line::styled(text, theme.selected())
            } else {
                Line::styled(text, theme.status(*s))
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
