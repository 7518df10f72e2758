//! The agenda popup: a heading per section with its count, then one line
//! per item: light, time limit, title, where it sits. The selection is
//! reversed; the view follows it.

use super::theme::{Theme, light_mark};
use super::width::{pad, truncate, width};
use crate::app::App;
use crate::app::overlay::AgendaView;
use crate::domain::agenda::Section;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect, view: &AgendaView) {
    let ui = app.ui();
    let popup = super::centered(
        area,
        area.width.saturating_sub(2).min(120),
        area.height.saturating_sub(2),
    );
    let inner = super::boxed(frame, popup, ui.agenda_title, theme);
    let cells = inner.width as usize;
    let a = &view.agenda;
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    let mut index = 0;
    for section in Section::ALL {
        let (name, items) = (section_name(app, section, a.soon_days), a.section(section));
        let shown = if items.len() < a.total(section) {
            ui.agenda_shown
                .replace("{shown}", &items.len().to_string())
                .replace("{all}", &a.total_text(section))
        } else {
            a.total_text(section)
        };
        lines.push(Line::styled(format!("── {name} ({shown})"), theme.title()));
        for m in items {
            let light = super::standing(app, m, &[]);
            let mark = light.map_or("  ", |s| light_mark(s.light));
            let due = m.due.clone().unwrap_or_else(|| ui.no_due.to_owned());
            let place = format!(
                "{} › {}",
                app.lang.name(&m.direction, &m.direction_en),
                m.project
            );
            let head = format!(" {} {}  ", mark, pad(&due, 10));
            let rest = cells.saturating_sub(width(&head));
            let text = truncate(&format!("{} · {place}", m.title), rest);
            let mut line = Line::from(vec![
                Span::styled(head, light.map_or(theme.dim(), |s| theme.light(s.light))),
                Span::raw(text),
            ]);
            if index == view.sel {
                line = line.style(theme.selected());
                selected_line = lines.len();
            }
            lines.push(line);
            index += 1;
        }
    }
    if a.is_empty() {
        lines.push(Line::styled(ui.agenda_empty, theme.dim()));
    }
    // Keep the selection in view: scroll by whole screens, like the panes.
    let height = usize::from(inner.height.max(1));
    let top = selected_line / height * height;
    let top = super::cells(top.min(lines.len().saturating_sub(1)));
    frame.render_widget(Paragraph::new(lines).scroll((top, 0)), inner);
}

fn section_name(app: &App, section: Section, soon_days: i64) -> String {
    let ui = app.ui();
    match section {
        Section::Overdue => ui.agenda_overdue.to_owned(),
        Section::Soon => ui.agenda_soon.replace("{days}", &soon_days.to_string()),
        Section::Undated => ui.no_due.to_owned(),
    }
}
