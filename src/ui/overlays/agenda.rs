//! The agenda popup: a heading per section with its count, then one line
//! per item: light, time limit, title, where it sits. The selection is
//! reversed; the view follows it.

use crate::app::App;
use crate::app::overlay::AgendaView;
use crate::domain::agenda::{Agenda, Section};
use crate::domain::rows::MilestoneRow;
use crate::ui::theme::{Theme, light_mark};
use crate::ui::width::{pad, truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect, view: &AgendaView) {
    let ui = app.ui();
    let popup = crate::ui::centered(
        area,
        area.width.saturating_sub(2).min(120),
        area.height.saturating_sub(2),
    );
    // What it is narrowed to, or the keys that narrow it.
    let title = if view.narrowed.is_empty() {
        format!("{} [{}]", ui.agenda_title, ui.agenda_narrow_keys)
    } else {
        format!("{} [{}]", ui.agenda_title, view.narrowed.join(" · "))
    };
    let inner = crate::ui::boxed(frame, popup, &title, theme);
    let cells = inner.width as usize;
    let a = &view.agenda;
    // Where every row sits, without formatting any: only the screenful
    // the selection is on is drawn (the agenda may hold 1,500 items).
    let mut rows: Vec<(Section, Option<&MilestoneRow>)> = Vec::new();
    let mut selected_row = 0;
    let mut index = 0;
    for section in Section::ALL {
        rows.push((section, None));
        for m in a.section(section) {
            if index == view.sel {
                selected_row = rows.len();
            }
            rows.push((section, Some(m)));
            index += 1;
        }
    }
    let height = usize::from(inner.height.max(1));
    let top = selected_row / height * height;
    let mut lines: Vec<Line> = rows
        .iter()
        .skip(top)
        .take(height)
        .map(|(section, item)| match item {
            None => heading(app, theme, a, *section),
            Some(m) => item_line(app, theme, m, cells),
        })
        .collect();
    if let Some(line) = selected_row
        .checked_sub(top)
        .and_then(|i| lines.get_mut(i))
        .filter(|_| !a.is_empty())
    {
        *line = std::mem::take(line).style(theme.selected());
    }
    if a.is_empty() {
        lines.push(Line::styled(ui.agenda_empty, theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `── 已逾期 (43)`, or `(列出 500 / 共 1000+)` when not all are shown.
fn heading(app: &App, theme: Theme, a: &Agenda, section: Section) -> Line<'static> {
    let items = a.section(section).len();
    let shown = if items < a.total(section) {
        app.lang.agenda_shown(items, &a.total_text(section))
    } else {
        a.total_text(section)
    };
    let name = section_name(app, section, a.soon_days);
    Line::styled(format!("── {name} ({shown})"), theme.title())
}

/// Light, time limit, title and place of one item.
fn item_line(app: &App, theme: Theme, m: &MilestoneRow, cells: usize) -> Line<'static> {
    let light = crate::ui::standing(app, m).light;
    let mark = light_mark(light);
    let due = m
        .due
        .as_ref()
        .map_or_else(|| app.ui().no_due.to_owned(), ToString::to_string);
    let who = m.responsible();
    let owner = match (who.unit.is_empty(), who.lead.is_empty()) {
        (true, true) => String::new(),
        (false, true) => format!("{} · ", who.unit),
        (true, false) => format!("{} · ", who.lead),
        (false, false) => format!("{}/{} · ", who.unit, who.lead),
    };
    let place = format!(
        "{owner}{} › {}",
        app.lang.name(&m.direction, &m.direction_en),
        m.project
    );
    let head = format!(" {} {}  ", mark, pad(&due, 10));
    let rest = cells.saturating_sub(width(&head));
    let text = truncate(&format!("{} · {place}", m.title), rest);
    Line::from(vec![
        Span::styled(head, theme.light(light)),
        Span::raw(text),
    ])
}

fn section_name(app: &App, section: Section, soon_days: i64) -> String {
    let ui = app.ui();
    match section {
        Section::Overdue => ui.agenda_overdue.to_owned(),
        Section::Soon => app.lang.agenda_soon(soon_days),
        Section::Undated => ui.no_due.to_owned(),
    }
}
