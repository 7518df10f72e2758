//! Drawing: `render(&App, &mut Frame)` and nothing else. Reads state, never
//! changes it, never touches the database.

pub mod ascii;
mod chart;
mod detail;
mod detail_notes;
mod heading;
mod list;
mod overlays;
mod panes;
pub mod theme;
/// Display width of text in terminal cells (CJK and emoji take two).
pub mod width;

use crate::app::App;
use crate::domain::pace::Light;
use crate::i18n::Lang;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use theme::Theme;
use width::{truncate, width};

/// Below this width one pane is shown at a time, with direction tabs.
pub const NARROW: u16 = 60;

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < 4 || area.height < 3 {
        // Too small for anything useful; say so if even that fits.
        let text = truncate(app.ui().too_small, area.width as usize);
        frame.render_widget(Paragraph::new(text), area);
        return;
    }
    let theme = Theme {
        palette: app.look.palette,
    };
    let [top, body, status, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    title_bar(app, theme, frame, top);
    panes::render(app, theme, frame, body);
    status_line(app, theme, frame, status);
    hint_bar(app, theme, frame, hints);
    overlays::render(app, theme, frame, area);
    width::mend_cut_wide(frame.buffer_mut());
    if app.look.ascii {
        ascii::flatten(frame.buffer_mut());
    }
}

fn title_bar(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let ui = app.ui();
    let mut spans = vec![Span::styled(format!(" {} ", ui.app), theme.title())];
    let lens = match app.lens {
        crate::domain::lens::Lens::Directions => None,
        crate::domain::lens::Lens::Programs => Some(ui.by_program),
        crate::domain::lens::Lens::Areas => Some(ui.by_area),
        crate::domain::lens::Lens::Owners => Some(ui.by_owner),
    };
    if let Some(lens) = lens {
        // The owner lens totals its units' lights: what the office answers
        // for in all.
        let mut totals = String::new();
        if app.lens == crate::domain::lens::Lens::Owners
            && let Some(t) = app.light_totals()
        {
            totals = format!(" · {}", ui.lens_totals);
            for (n, light) in [
                (t.red, Light::Red),
                (t.yellow, Light::Yellow),
                (t.waiting, Light::Grey),
            ] {
                if n > 0 {
                    totals.push_str(&format!(" {}{n}", theme::light_mark(light)));
                }
            }
        }
        spans.push(Span::styled(format!("[{lens}{totals}] "), theme.selected()));
    }
    if let Some(why) = &app.read_only {
        spans.push(Span::styled(
            format!("[{}: {why}] ", ui.read_only),
            theme.error(),
        ));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    spans.push(Span::raw(truncate(
        &app.title,
        (area.width as usize).saturating_sub(used),
    )));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn status_line(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    if let Some(f) = &app.flash {
        let (mark, style) = if f.error {
            ("✕ ", theme.error())
        } else {
            ("✓ ", theme.ok())
        };
        let text = truncate(&format!("{mark}{}", f.text), area.width as usize);
        frame.render_widget(Paragraph::new(Span::styled(text, style)), area);
    }
}

/// The main keys of the current layer, from the key table.
fn hint_bar(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    use crate::app::keymap::Action;
    let layer = app.layer();
    // How to leave and how to learn the rest stay whatever else is dropped:
    // they are shown last, after as many of the others as fit.
    let hints: Vec<(String, &str, bool)> = app
        .keymap
        .bindings()
        .filter(|(b, _)| b.holds_in(layer) && b.hint)
        .map(|(b, keys)| {
            let key = keys
                .first()
                .map(|k| {
                    if app.look.ascii {
                        crate::app::keymap::key_label_ascii(k)
                    } else {
                        crate::app::keymap::key_label(k)
                    }
                })
                .unwrap_or_default();
            let kept = matches!(b.action, Action::Quit | Action::Help);
            (key, describe(app.lang, b), kept)
        })
        .collect();
    let cost = |(k, d, _): &(String, &str, bool)| width(k) + width(d) + 3;
    let mut room =
        (area.width as usize).saturating_sub(hints.iter().filter(|h| h.2).map(cost).sum());
    let mut shown: Vec<&(String, &str, bool)> = Vec::new();
    for h in hints.iter().filter(|h| !h.2) {
        if cost(h) > room {
            break;
        }
        room -= cost(h);
        shown.push(h);
    }
    shown.extend(hints.iter().filter(|h| h.2));
    let mut spans = Vec::new();
    for (key, desc, _) in shown {
        spans.push(Span::styled(key.clone(), theme.key()));
        spans.push(Span::raw(format!(" {desc}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn describe(lang: Lang, b: &crate::app::keymap::Binding) -> &'static str {
    match lang {
        Lang::Zh => b.zh,
        Lang::En => b.en,
    }
}

/// Clears `area`, draws a titled border, returns the inside.
pub(crate) fn boxed(frame: &mut Frame, area: Rect, title: &str, theme: Theme) -> Rect {
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(theme.focused_border())
        .title(Span::styled(
            truncate(&format!(" {title} "), area.width.saturating_sub(2) as usize),
            theme.title(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// A rectangle of at most `w`×`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A count of rows or columns as a terminal length, saturating: a list
/// longer than 65,535 rows is still drawn, clipped, never wrapped around.
pub fn cells(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// A value as planners read it: `512/600 家`, or the yes/no word.
pub(crate) fn value_text(app: &App, m: &crate::domain::rows::MilestoneRow) -> String {
    match m.kind {
        crate::domain::Kind::YesNo => app.ui().task_value(m.status).to_owned(),
        crate::domain::Kind::Numeric => app.lang.value_against_target(m.current, m.target, &m.unit),
    }
}

/// A milestone's one standing on the cockpit's day: the domain's single
/// judgement, from the row alone, the same in every view.
pub(crate) fn standing(
    app: &App,
    m: &crate::domain::rows::MilestoneRow,
) -> crate::domain::standing::Standing {
    m.standing(app.judging())
}

/// The domain's rule, on the cockpit's idea of today (from its clock).
pub(crate) fn is_overdue(app: &App, m: &crate::domain::rows::MilestoneRow) -> bool {
    crate::domain::progress::is_overdue(m.status, m.due_date(), app.today)
}
