//! Popups over the panes. Text fields place the real terminal cursor at the
//! caret, so a Chinese input method opens its window in the right place.

use super::theme::{Theme, mark};
use super::{boxed, centered, describe};
use crate::app::App;
use crate::app::keymap::{EVERY, Layer, TEXT, keys_label, keys_label_ascii};
use crate::app::overlay::{Menu, NoteTarget, Overlay, Purpose};
use crate::domain::rows::HitKind;
use crate::i18n::Ui;
use crate::ui::width::{pad, truncate, width, wrap};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_textarea::TextArea;

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    // Only the top layer is drawn: it is the one with the keyboard.
    let Some(top) = app.overlays.last() else {
        return;
    };
    let ui = app.ui();
    match top {
        Overlay::Help(h) => help(app, theme, frame, area, h.scroll),
        Overlay::Agenda(a) => super::agenda::render(app, theme, frame, area, a),
        Overlay::Explain(x) => super::explain::render(app, theme, frame, area, x),
        Overlay::Compare(c) => super::compare::render(app, theme, frame, area, c),
        Overlay::Conflict(c) => {
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
        Overlay::History(h) => super::history::render(app, theme, frame, area, h),
        Overlay::Search(s) => {
            let popup = centered(
                area,
                area.width.saturating_sub(4).min(100),
                area.height.saturating_sub(2),
            );
            let inner = boxed(frame, popup, ui.search_title, theme);
            if inner.height == 0 {
                return;
            }
            let [input, info, results] = Layout::vertical([
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Min(0),
            ])
            .areas(inner);
            text_field(frame, &s.input, input);
            let status = match &s.error {
                Some(e) => e.clone(),
                None if s.query().trim().is_empty() => ui.search_prompt.to_owned(),
                None => {
                    let found = if s.hits.is_empty() {
                        ui.no_results.to_owned()
                    } else {
                        format!("{} {}", s.hits.len(), ui.results_n)
                    };
                    if s.query().trim().chars().count() < crate::domain::rows::NOTE_QUERY_MIN {
                        format!("{found} · {}", ui.notes_need_more)
                    } else {
                        found
                    }
                }
            };
            frame.render_widget(
                Paragraph::new(Line::styled(
                    truncate(&status, info.width as usize),
                    theme.dim(),
                )),
                info,
            );
            let cells = results.width as usize;
            let fit = (results.height as usize / 2).max(1);
            let first = (s.sel + 1).saturating_sub(fit);
            let mut lines = Vec::new();
            for (i, h) in s.hits.iter().enumerate().skip(first).take(fit) {
                let kind = match h.kind {
                    HitKind::Project => ui.hit_project,
                    HitKind::Milestone => ui.hit_milestone,
                    HitKind::Note => ui.hit_note,
                };
                let text: String = h.text.lines().next().unwrap_or("").to_owned();
                let mut a = Line::from(vec![
                    Span::styled(format!("[{kind}] "), theme.key()),
                    Span::raw(truncate(&text, cells.saturating_sub(width(kind) + 3))),
                ]);
                let mut b = Line::styled(truncate(&format!("  {}", h.path), cells), theme.dim());
                if i == s.sel {
                    a = a.patch_style(theme.selected());
                    b = b.patch_style(theme.selected());
                }
                lines.push(a);
                lines.push(b);
            }
            frame.render_widget(Paragraph::new(lines), results);
        }
        Overlay::Form(f) => {
            let (title, help) = form_words(ui, &f.purpose);
            let w = area.width.saturating_sub(4).min(60);
            let (text, style) = match &f.error {
                Some(e) => (format!("✕ {e}"), theme.error()),
                None => (help.to_owned(), theme.dim()),
            };
            // As tall as its help or refusal needs (examples are the point
            // of it), up to six lines.
            let wrapped: Vec<Line> = wrap(&text, w.saturating_sub(2) as usize)
                .into_iter()
                .take(6)
                .map(|l| Line::styled(l, style))
                .collect();
            let popup = centered(area, w, 4 + super::cells(wrapped.len()));
            let inner = boxed(frame, popup, title, theme);
            if inner.height == 0 {
                return;
            }
            let [input, _gap, note] = Layout::vertical([
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Min(0),
            ])
            .areas(inner);
            text_field(frame, &f.input, input);
            frame.render_widget(Paragraph::new(wrapped), note);
        }
        Overlay::Menu(m) if m.of == crate::app::overlay::MenuOf::Report => {
            // In the order of `menu::REPORT_CHOICES`.
            let names = ui.report_choices;
            let popup = centered(area, 34, super::cells(names.len()).saturating_add(2));
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
        Overlay::Menu(m) => {
            let choices = Menu::choices();
            let popup = centered(area, 24, super::cells(choices.len()).saturating_add(2));
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
        Overlay::Editor(e) => {
            let title = match e.target {
                NoteTarget::New { .. } => ui.editor_new,
                NoteTarget::Edit { .. } => ui.editor_edit,
            };
            let popup = centered(
                area,
                area.width.saturating_sub(4).min(100),
                area.height.saturating_sub(4).max(3),
            );
            let inner = boxed(frame, popup, title, theme);
            if inner.height == 0 {
                return;
            }
            let [text, foot] =
                Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
            text_field(frame, &e.input, text);
            if let Some(err) = &e.error {
                frame.render_widget(
                    Paragraph::new(Line::styled(
                        truncate(&format!("✕ {err}"), foot.width as usize),
                        theme.error(),
                    )),
                    foot,
                );
            }
        }
        Overlay::Confirm(c) => {
            let w = area.width.saturating_sub(4).min(56);
            let lines = wrap(&c.question, w.saturating_sub(2) as usize);
            let popup = centered(area, w, super::cells(lines.len()).saturating_add(4));
            let inner = boxed(frame, popup, ui.confirm_title, theme);
            let mut text: Vec<Line> = lines.into_iter().map(Line::raw).collect();
            text.push(Line::raw(""));
            text.push(Line::styled("y / n", theme.key()));
            frame.render_widget(Paragraph::new(text), inner);
        }
    }
}

/// Draws a text field and puts the terminal cursor on its caret.
fn text_field(frame: &mut Frame, input: &TextArea<'static>, area: Rect) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    frame.render_widget(input, area);
    let caret = input.screen_cursor();
    let (top, left) = input.scroll_offset();
    let x = super::cells(caret.col)
        .saturating_sub(left)
        .min(area.width - 1);
    let y = super::cells(caret.row)
        .saturating_sub(top)
        .min(area.height - 1);
    frame.set_cursor_position(Position {
        x: area.x + x,
        y: area.y + y,
    });
}

fn form_words(ui: &'static Ui, p: &Purpose) -> (&'static str, &'static str) {
    match p {
        Purpose::Value { .. } => (ui.form_value, ui.form_value_help),
        Purpose::Due { .. } => (ui.form_due, ui.form_due_help),
        Purpose::DoneOn { .. } => (ui.form_done_on, ui.form_done_on_help),
        Purpose::Target { .. } => (ui.form_target, ui.form_target_help),
        Purpose::RenameMilestone { .. } => (ui.form_rename_milestone, ""),
        Purpose::RenameProject { .. } => (ui.form_rename_project, ""),
        Purpose::OwnerMilestone { .. } => (ui.form_owner, ui.form_owner_milestone_help),
        Purpose::OwnerProject { .. } => (ui.form_owner, ui.form_owner_help),
        Purpose::Areas { .. } => (ui.areas, ui.form_areas_help),
        Purpose::AddProject { .. } => (ui.form_add_project, ""),
        Purpose::AddMilestone { .. } => (ui.form_add_milestone, ""),
    }
}

/// Every key of every layer, drawn from the key table that dispatches them.
fn help(app: &App, theme: Theme, frame: &mut Frame, area: Rect, scroll: u16) {
    let ui = app.ui();
    let popup = centered(
        area,
        area.width.saturating_sub(2).min(72),
        area.height.saturating_sub(2),
    );
    let inner = boxed(frame, popup, ui.help_title, theme);
    let mut lines = Vec::new();
    let key_cells = 22.min(inner.width as usize / 2);
    // A section per layer, then the keys every text field shares and the
    // ones that hold everywhere, each listed once.
    let singles = Layer::ALL.map(|l| ([l], layer_name(ui, l)));
    let sections = singles
        .iter()
        .map(|(l, name)| (&l[..], *name))
        .chain([(TEXT, ui.layer_text), (EVERY, ui.layer_every)]);
    for (layers, name) in sections {
        lines.push(Line::styled(format!("── {name}"), theme.title()));
        for (b, keys) in app.keymap.bindings().filter(|(b, _)| b.layers == layers) {
            lines.push(Line::from(vec![
                Span::styled(
                    pad(
                        &truncate(
                            &if app.look.ascii {
                                keys_label_ascii(keys)
                            } else {
                                keys_label(keys)
                            },
                            key_cells,
                        ),
                        key_cells,
                    ),
                    theme.key(),
                ),
                Span::raw(truncate(
                    describe(app.lang, b),
                    (inner.width as usize).saturating_sub(key_cells),
                )),
            ]));
        }
    }
    let max = super::cells(lines.len()).saturating_sub(inner.height);
    frame.render_widget(Paragraph::new(lines).scroll((scroll.min(max), 0)), inner);
}

fn layer_name(ui: &Ui, layer: Layer) -> &'static str {
    match layer {
        Layer::Panes => ui.layer_panes,
        Layer::Search => ui.layer_search,
        Layer::Form => ui.layer_form,
        Layer::Menu => ui.layer_menu,
        Layer::Editor => ui.layer_editor,
        Layer::Confirm => ui.layer_confirm,
        Layer::Help => ui.layer_help,
        Layer::History => ui.history,
        Layer::Conflict => ui.conflict_title,
        Layer::Replaced => ui.plan_replaced_title,
        Layer::Agenda => ui.agenda_title,
        Layer::Explain => ui.explain_title,
        Layer::Compare => ui.compare_layer,
        Layer::Log => ui.log_layer,
    }
}
