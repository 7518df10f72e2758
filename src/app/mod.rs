//! The cockpit as a state machine: a key becomes an action through the key
//! table, the action updates this state (writing through the store), and
//! the UI draws from the state. No terminal here, and no SQL.

mod event;
mod guard;
pub use event::Event;
pub use guard::DraftGuard;
pub mod keymap;
pub mod overlay;
pub mod pane;
mod undo;
pub mod window;

use crate::domain::change::parse_number;
use crate::domain::dates::parse_date;
use crate::domain::progress::format_value;
use crate::domain::{Kind, MilestoneChange, ValueChange};
use crate::i18n::{Lang, Ui};
use crate::store::{self, Access, Store};
use crossterm::event::{KeyEvent, KeyEventKind};
use keymap::{Action, Layer, action_for};
use overlay::{
    Confirm, Confirmed, Editor, Form, Menu, NoteTarget, Overlay, Purpose, Search, Undo, line_input,
};
use pane::{Depth, OpenMilestone, OpenProject, Pane, reselect};
use std::time::{Duration, Instant};
use store::{Key, List, Listed};
use window::Window;

const SEARCH_LIMIT: usize = 200;

/// Rows read either side of a list's selection, at least: cheap to read
/// (well under a millisecond) and more than most screens show.
const MIN_SPAN: usize = 64;

/// The history view shows this many changes, newest first.
const HISTORY_LIMIT: i64 = 1000;

/// A note being typed is saved as a draft this long after the last key.
pub const DRAFT_DELAY: Duration = Duration::from_millis(1500);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub text: String,
    pub error: bool,
}

pub struct App {
    store: Store,
    pub lang: Lang,
    pub title: String,
    pub panes: Vec<Pane>,
    pub focus: usize,
    pub zoomed: bool,
    /// Layers over the panes; the last one has the keyboard.
    pub overlays: Vec<Overlay>,
    pub flash: Option<Flash>,
    /// Why the plan cannot be changed, shown as a banner.
    pub read_only: Option<String>,
    /// Rows a page key moves, from the last known terminal height.
    pub page: usize,
    pub undo: Vec<Undo>,
    pub quit: bool,
    /// False under NO_COLOR: the UI then uses no colour at all.
    pub color: bool,
    /// The database's data_version when we last read it.
    seen: i64,
    /// Drafts already offered for restoring in this session.
    offered: Vec<i64>,
    /// The tallest the terminal has been: lists keep this many rows loaded
    /// either side of the selection.
    height: usize,
    /// The database file was deleted, replaced or hard-linked underneath.
    file_lost: bool,
    /// The planner's day, from the program's clock, as ISO text: what
    /// "overdue" is measured against. Read at each wake-up, never by render.
    pub today: String,
}

impl App {
    pub fn new(store: Store, lang: Lang) -> store::Result<App> {
        let read_only = match store.access() {
            Access::ReadOnly(why) => Some(why.clone()),
            Access::ReadWrite => None,
        };
        let mut app = App {
            title: store.plan_title().unwrap_or_default(),
            store,
            lang,
            panes: Vec::new(),
            focus: 0,
            zoomed: false,
            overlays: Vec::new(),
            flash: None,
            read_only,
            page: 10,
            undo: Vec::new(),
            quit: false,
            color: true,
            seen: 0,
            offered: Vec::new(),
            height: 0,
            file_lost: false,
            today: String::new(),
        };
        app.today = app.store.clock().today().to_string();
        app.seen = app.store.data_version()?;
        app.reload()?;
        app.offer_draft();
        Ok(app)
    }

    pub fn ui(&self) -> &'static Ui {
        self.lang.ui()
    }

    pub fn layer(&self) -> Layer {
        self.overlays.last().map_or(Layer::Panes, Overlay::layer)
    }

    pub fn focused(&self) -> Option<&Pane> {
        self.panes.get(self.focus)
    }

    fn focused_mut(&mut self) -> Option<&mut Pane> {
        self.panes.get_mut(self.focus)
    }

    pub fn resize(&mut self, _width: u16, height: u16) {
        self.page = (height as usize).saturating_sub(8).max(1);
        if height as usize > self.span() {
            self.height = height as usize;
            // A screen taller than what is loaded around the selections.
            if let Err(e) = self.reload() {
                self.failed(&e);
            }
        }
    }

    /// Rows a list keeps loaded either side of its selection: more than
    /// a screen, so that every visible row is always in memory.
    fn span(&self) -> usize {
        self.height.max(MIN_SPAN)
    }

    /// Rereads what the panes show, keeping every selection on the same
    /// item (by id), and closing levels whose item is gone. Reads only the
    /// windows around the selections, all from one moment.
    pub fn reload(&mut self) -> store::Result<()> {
        let span = self.span();
        let old = std::mem::take(&mut self.panes);
        let panes = self.store.snapshot(|store| {
            let directions = store.directions()?;
            let mut panes = Vec::with_capacity(directions.len());
            for d in directions {
                let list = List::Projects { direction: d.id };
                let Some(old) = old.iter().find(|p| p.direction.id == d.id) else {
                    let projects = Window::load(store, list, Key::FIRST, span)?;
                    panes.push(Pane {
                        direction: d,
                        projects,
                        open: None,
                    });
                    continue;
                };
                let projects = old.projects.reload(store, span)?;
                let open = match &old.open {
                    Some(op) => reopen_project(store, op, span)?,
                    None => None,
                };
                panes.push(Pane {
                    direction: d,
                    projects,
                    open,
                });
            }
            Ok(panes)
        });
        match panes {
            Ok(panes) => {
                self.panes = panes;
                self.focus = self.focus.min(self.panes.len().saturating_sub(1));
                Ok(())
            }
            Err(e) => {
                self.panes = old;
                Err(e)
            }
        }
    }

    /// The background integrity check's verdict: anything but "ok" makes
    /// the cockpit read-only, with the reason in the banner.
    /// Returns true when that changed what the screen shows: an "ok" must
    /// not cost a redraw, or an idle cockpit would write to the terminal.
    pub fn integrity_checked(&mut self, verdict: &str) -> bool {
        // "ok", or a file already read-only with a better reason (a damaged
        // schema, opened tolerantly, comes with what to do about it).
        if verdict == "ok" || self.read_only.is_some() {
            return false;
        }
        let why = format!("quick_check failed: {verdict}");
        self.store.set_read_only(why.clone());
        self.read_only = Some(why);
        true
    }

    /// Rereads the panes if another planner (another cockpit, a script)
    /// committed since we last looked; selections stay on the same items.
    /// Returns true when something was reloaded and needs drawing.
    /// The file is checked first: a file deleted or replaced underneath
    /// stops all writing before anything else is read from it.
    pub fn refresh_if_changed(&mut self) -> bool {
        let mut moved = self.watch_file();
        // Past midnight, overdue marks change.
        let today = self.store.clock().today().to_string();
        if today != self.today {
            self.today = today;
            moved = true;
        }
        match self.store.data_version() {
            Ok(v) if v != self.seen => {
                self.seen = v;
                match self.store.plan_replaced() {
                    Ok(Some(now)) => self.plan_was_replaced(now),
                    _ => {
                        if let Ok(Some(now)) = self.store.plan_now() {
                            self.title = now.title;
                        }
                        if let Err(e) = self.reload() {
                            self.failed(&e);
                        }
                    }
                }
                true
            }
            _ => moved,
        }
    }

    pub fn db_path(&self) -> &std::path::Path {
        self.store.path()
    }

    pub fn author(&self) -> &str {
        self.store.author()
    }

    /// The program's one clock.
    pub fn clock(&self) -> &crate::domain::Clock {
        self.store.clock()
    }

    fn editor(&self) -> Option<&Editor> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Editor(e) => Some(e),
            _ => None,
        })
    }

    fn editor_mut(&mut self) -> Option<&mut Editor> {
        self.overlays.iter_mut().rev().find_map(|o| match o {
            Overlay::Editor(e) => Some(e),
            _ => None,
        })
    }

    /// When the open editor's latest typing is due to be saved as a draft.
    pub fn draft_due(&self) -> Option<Instant> {
        self.editor()
            .and_then(|e| e.typed_at)
            .map(|t| t + DRAFT_DELAY)
    }

    /// The draft as it stands: what a last-resort saver writes when the
    /// event loop cannot (a dead terminal). None when nothing is unsaved.
    pub fn pending_draft(&self) -> Option<(Option<i64>, crate::store::DraftFor, String)> {
        let e = self.editor()?;
        (e.typed_at.is_some() || (e.draft.is_none() && e.is_dirty()))
            .then(|| (e.draft, e.draft_for(), e.text()))
    }

    /// Saves the editor's text as a draft now, if it changed since the last
    /// draft. A failure (read-only, full disk) is said; the text stays.
    pub fn save_draft(&mut self) {
        let Some((id, target, text)) = self.pending_draft() else {
            return;
        };
        match self.store.save_draft(id, &target, &text) {
            Ok(id) => {
                if let Some(e) = self.editor_mut() {
                    e.draft = Some(id);
                    e.typed_at = None;
                }
            }
            Err(err) => {
                // The database cannot take it: the text goes to a file.
                let what = self.ui().note_text;
                let kept = self.keep_text(what, &text);
                let msg = format!("{}: {err}; {kept}", self.ui().draft_not_saved);
                if let Some(e) = self.editor_mut() {
                    e.typed_at = None;
                    e.error = Some(msg);
                }
            }
        }
    }

    fn drop_draft(&mut self, id: Option<i64>) {
        if let Some(id) = id
            && let Err(e) = self.store.delete_draft(id)
        {
            self.failed(&e);
        }
    }

    /// Offers the newest draft left by an earlier session (a crash, a
    /// dropped link) that this session has not offered yet.
    fn offer_draft(&mut self) {
        let Ok(drafts) = self.store.drafts() else {
            return;
        };
        let Some(d) = drafts.into_iter().find(|d| !self.offered.contains(&d.id)) else {
            return;
        };
        self.offered.push(d.id);
        let first = d.body.lines().next().unwrap_or("");
        // A preview; the question box wraps and fits it to the screen.
        let mut preview: String = first.chars().take(30).collect();
        if first.chars().nth(30).is_some() {
            preview.push('…');
        }
        let question = self
            .ui()
            .restore_draft
            .replace("{at}", &self.store.clock().local_minute(&d.updated_at))
            .replace("{text}", &preview);
        self.overlays.push(Overlay::Confirm(Confirm {
            question,
            on_yes: Confirmed::RestoreDraft(d),
        }));
    }

    fn restore_draft(&mut self, d: crate::store::Draft) {
        let (target, original) = match d.target {
            crate::store::DraftFor::NewNote { milestone } => {
                (NoteTarget::New { milestone }, String::new())
            }
            crate::store::DraftFor::EditNote { note, version } => match self.store.note(note) {
                Ok(n) => (NoteTarget::Edit { note, version }, n.body),
                Err(e) => return self.failed(&e),
            },
        };
        self.overlays.push(Overlay::Editor(Editor::new(
            target,
            &d.body,
            &original,
            Some(d.id),
        )));
    }

    fn say(&mut self, text: impl Into<String>) {
        self.flash = Some(Flash {
            text: text.into(),
            error: false,
        });
    }

    fn fail(&mut self, text: impl Into<String>) {
        self.flash = Some(Flash {
            text: text.into(),
            error: true,
        });
    }

    /// A store error in the planner's words, with the store's detail.
    fn failed(&mut self, e: &store::Error) {
        let ui = self.ui();
        match e {
            store::Error::PlanReplaced(now) => return self.plan_was_replaced(now.clone()),
            store::Error::FileLost { .. } if !self.file_lost => {
                self.watch_file();
                return;
            }
            _ => {}
        }
        let text = match e {
            store::Error::Conflict(c) => conflict_text(ui, self.store.clock(), c),
            store::Error::ReadOnly(why) => format!("{}: {why}", ui.read_only),
            e => format!("{}: {e}", ui.not_saved),
        };
        self.fail(text);
    }

    /// Key event → action (from the key table) → update. Keys the table
    /// does not claim go to the open text field.
    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        let layer = self.layer();
        match action_for(layer, key) {
            Some(action) => self.update(action),
            None if layer.takes_text() => self.type_key(key),
            None => {}
        }
    }

    fn type_key(&mut self, key: KeyEvent) {
        let mut requery = false;
        match self.overlays.last_mut() {
            // One line: Enter is the table's Submit, and LF (Ctrl-J, a
            // pasted line break without bracketed paste) is ignored, never
            // the text field's "delete to the start of the line".
            Some(Overlay::Form(_) | Overlay::Search(_)) if is_line_feed(key) => {}
            Some(Overlay::Form(f)) => {
                f.input.input(key);
                f.error = None;
            }
            Some(Overlay::Editor(e)) => {
                if e.input.input(key) {
                    e.typed_at = Some(Instant::now());
                }
                e.error = None;
            }
            Some(Overlay::Search(s)) => {
                requery = s.input.input(key);
            }
            _ => {}
        }
        if requery {
            self.run_search();
        }
    }

    /// Text arrives already cleaned of control characters by the editor's
    /// own input handling; a bracketed paste goes through the same path.
    pub fn paste(&mut self, text: &str) {
        let clean = if matches!(self.overlays.last(), Some(Overlay::Editor(_))) {
            crate::domain::text::clean_multiline(text).0
        } else {
            crate::domain::text::clean_line(text).0
        };
        let mut requery = false;
        match self.overlays.last_mut() {
            Some(Overlay::Form(f)) => {
                f.input.insert_str(&clean);
            }
            Some(Overlay::Editor(e)) => {
                let changed = e.input.insert_str(&clean);
                e.typed_at = changed.then(Instant::now).or(e.typed_at);
            }
            Some(Overlay::Search(s)) => {
                requery = s.input.insert_str(&clean);
            }
            _ => {}
        }
        if requery {
            self.run_search();
        }
    }

    fn run_search(&mut self) {
        let Some(Overlay::Search(s)) = self.overlays.last() else {
            return;
        };
        let q = s.query();
        let result = self.store.search(&q, SEARCH_LIMIT);
        if let Some(Overlay::Search(s)) = self.overlays.last_mut() {
            match result {
                Ok(hits) => {
                    s.hits = hits;
                    s.error = None;
                }
                Err(e) => s.error = Some(e.to_string()),
            }
            s.sel = 0;
        }
    }

    pub fn update(&mut self, action: Action) {
        if self.layer() == Layer::Panes {
            self.flash = None;
        }
        match self.layer() {
            Layer::Panes => self.on_panes(action),
            Layer::Help => match action {
                Action::Cancel => {
                    self.overlays.pop();
                }
                Action::Down | Action::Up => {
                    if let Some(Overlay::Help { scroll }) = self.overlays.last_mut() {
                        *scroll = if action == Action::Down {
                            scroll.saturating_add(1)
                        } else {
                            scroll.saturating_sub(1)
                        };
                    }
                }
                _ => {}
            },
            Layer::History => match action {
                Action::Cancel => {
                    self.overlays.pop();
                }
                Action::Down | Action::Up => {
                    if let Some(Overlay::History { scroll, .. }) = self.overlays.last_mut() {
                        *scroll = if action == Action::Down {
                            scroll.saturating_add(1)
                        } else {
                            scroll.saturating_sub(1)
                        };
                    }
                }
                _ => {}
            },
            Layer::Search => self.on_search(action),
            Layer::Form => self.on_form(action),
            Layer::Menu => self.on_menu(action),
            Layer::Editor => self.on_editor(action),
            Layer::Confirm => self.on_confirm(action),
            Layer::Conflict => self.on_conflict(action),
            Layer::Replaced => {
                if action == Action::Cancel {
                    self.overlays.pop();
                }
            }
        }
    }

    fn on_panes(&mut self, action: Action) {
        let page = isize::try_from(self.page).unwrap_or(isize::MAX);
        let n = self.panes.len().max(1);
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.overlays.push(Overlay::Help { scroll: 0 }),
            Action::Up => self.move_sel(-1, None),
            Action::Down => self.move_sel(1, None),
            Action::PageUp => self.move_sel(-page, None),
            Action::PageDown => self.move_sel(page, None),
            Action::Top => self.move_sel(0, Some(false)),
            Action::Bottom => self.move_sel(0, Some(true)),
            Action::FocusNext => self.focus = (self.focus + 1) % n,
            Action::FocusPrev => self.focus = (self.focus + n - 1) % n,
            Action::Zoom => self.zoomed = !self.zoomed,
            Action::Open => self.open(),
            Action::Back => {
                if let Some(p) = self.focused_mut() {
                    p.back();
                }
            }
            Action::Search => {
                self.overlays.push(Overlay::Search(Search {
                    input: line_input(""),
                    hits: Vec::new(),
                    sel: 0,
                    error: None,
                }));
            }
            Action::EditValue | Action::EditDue | Action::EditTarget | Action::EditStatus => {
                self.start_milestone_edit(action)
            }
            Action::NewNote => match self
                .focused()
                .and_then(|p| p.selected_milestone())
                .map(|m| m.id)
            {
                Some(id) => self.overlays.push(Overlay::Editor(Editor::new(
                    NoteTarget::New { milestone: id },
                    "",
                    "",
                    None,
                ))),
                None => self.fail(self.ui().choose_milestone),
            },
            Action::EditNote => {
                let note = self.focused().and_then(Pane::selected_note).cloned();
                match note {
                    Some(n) => self.overlays.push(Overlay::Editor(Editor::new(
                        NoteTarget::Edit {
                            note: n.id,
                            version: n.version,
                        },
                        &n.body,
                        &n.body,
                        None,
                    ))),
                    None => self.fail(self.ui().choose_note),
                }
            }
            Action::History => match self
                .focused()
                .and_then(|p| p.selected_milestone())
                .map(|m| (m.id, m.title.clone()))
            {
                Some((id, title)) => match self.store.history_of(id, HISTORY_LIMIT) {
                    Ok(rows) => self.overlays.push(Overlay::History {
                        title,
                        rows,
                        scroll: 0,
                    }),
                    Err(e) => self.failed(&e),
                },
                None => self.fail(self.ui().choose_milestone),
            },
            Action::Add => self.start_add(),
            Action::Rename => self.start_rename(),
            Action::Delete => self.start_delete(),
            Action::Undo => self.undo_last(),
            _ => {}
        }
    }

    fn move_sel(&mut self, by: isize, to_end: Option<bool>) {
        let span = self.span();
        let Some(pane) = self.panes.get_mut(self.focus) else {
            return;
        };
        let moved = match &mut pane.open {
            None => pane.projects.move_by(&self.store, by, to_end, span),
            Some(p) => match &mut p.open {
                None => p.milestones.move_by(&self.store, by, to_end, span),
                Some(m) => {
                    let n = m.detail.notes.len();
                    m.note_sel = match to_end {
                        Some(false) => 0,
                        Some(true) => n.saturating_sub(1),
                        None => pane::moved(m.note_sel, n, by),
                    };
                    Ok(())
                }
            },
        };
        if let Err(e) = moved {
            self.failed(&e);
        }
    }

    fn open(&mut self) {
        let span = self.span();
        let Some(pane) = self.panes.get(self.focus) else {
            return;
        };
        let result = match pane.depth() {
            Depth::Projects => match pane.projects.selected().cloned() {
                Some(project) => open_project(&self.store, project, Key::FIRST, span)
                    .map(|op| self.panes[self.focus].open = Some(op)),
                None => return,
            },
            Depth::Milestones => {
                let Some(m) = pane.selected_milestone() else {
                    return;
                };
                self.store.detail(m.id).map(|detail| {
                    if let Some(op) = self.panes[self.focus].open.as_mut() {
                        op.open = Some(OpenMilestone {
                            detail,
                            note_sel: 0,
                        });
                    }
                })
            }
            Depth::Detail => return,
        };
        if let Err(e) = result {
            self.failed(&e);
        }
    }

    fn start_milestone_edit(&mut self, action: Action) {
        let Some(m) = self.focused().and_then(|p| p.selected_milestone()).cloned() else {
            return self.fail(self.ui().choose_milestone);
        };
        let (milestone, version) = (m.id, m.version);
        if m.kind == Kind::YesNo && matches!(action, Action::EditValue | Action::EditTarget) {
            return self.fail(self.ui().yes_no_has_no_value);
        }
        let overlay = match action {
            Action::EditStatus => Overlay::Menu(Menu {
                milestone,
                version,
                sel: Menu::choices()
                    .iter()
                    .position(|s| *s == m.status)
                    .unwrap_or(0),
            }),
            Action::EditValue => form(
                Purpose::Value { milestone, version },
                &m.current.map(format_value).unwrap_or_default(),
            ),
            Action::EditDue => form(
                Purpose::Due { milestone, version },
                m.due.as_deref().unwrap_or(""),
            ),
            _ => {
                let target = m.target.map(format_value).unwrap_or_default();
                let text = if m.unit.is_empty() {
                    target
                } else {
                    format!("{target} {}", m.unit)
                };
                form(Purpose::Target { milestone, version }, text.trim())
            }
        };
        self.overlays.push(overlay);
    }

    fn start_add(&mut self) {
        let Some(pane) = self.focused() else { return };
        let purpose = match &pane.open {
            None => Purpose::AddProject {
                direction: pane.direction.id,
            },
            Some(p) => Purpose::AddMilestone {
                project: p.project.id,
            },
        };
        self.overlays.push(form(purpose, ""));
    }

    fn start_rename(&mut self) {
        let Some(pane) = self.focused() else { return };
        let (purpose, text) = match pane.depth() {
            Depth::Projects => match pane.projects.selected() {
                Some(p) => (
                    Purpose::RenameProject {
                        project: p.id,
                        version: p.version,
                    },
                    p.name.clone(),
                ),
                None => return,
            },
            _ => match pane.selected_milestone() {
                Some(m) => (
                    Purpose::RenameMilestone {
                        milestone: m.id,
                        version: m.version,
                    },
                    m.title.clone(),
                ),
                None => return self.fail(self.ui().choose_milestone),
            },
        };
        self.overlays.push(form(purpose, &text));
    }

    fn start_delete(&mut self) {
        let ui = self.ui();
        let Some(pane) = self.focused() else { return };
        let (question, on_yes) = match pane.depth() {
            Depth::Projects => match pane.projects.selected() {
                Some(p) => (
                    format!("{} “{}”{}", ui.delete_project, p.name, ui.cannot_undo),
                    Confirmed::DeleteProject {
                        id: p.id,
                        version: p.version,
                    },
                ),
                None => return,
            },
            Depth::Milestones => match pane.selected_milestone() {
                Some(m) => (
                    format!("{} “{}”{}", ui.delete_milestone, m.title, ui.cannot_undo),
                    Confirmed::DeleteMilestone {
                        id: m.id,
                        version: m.version,
                    },
                ),
                None => return,
            },
            Depth::Detail => match pane.selected_note() {
                Some(n) => (
                    format!("{} #{}?", ui.delete_note, n.id),
                    Confirmed::DeleteNote {
                        id: n.id,
                        version: n.version,
                    },
                ),
                None => return self.fail(ui.choose_note),
            },
        };
        self.overlays
            .push(Overlay::Confirm(Confirm { question, on_yes }));
    }

    fn on_search(&mut self, action: Action) {
        let Some(Overlay::Search(s)) = self.overlays.last_mut() else {
            return;
        };
        match action {
            Action::Cancel => {
                self.overlays.pop();
            }
            Action::Down => s.sel = pane::moved(s.sel, s.hits.len(), 1),
            Action::Up => s.sel = pane::moved(s.sel, s.hits.len(), -1),
            Action::ClearLine => {
                s.input = line_input("");
                self.run_search();
            }
            Action::Submit => {
                if let Some(hit) = s.hits.get(s.sel).cloned() {
                    self.overlays.pop();
                    self.jump(&hit);
                }
            }
            _ => {}
        }
    }

    /// Opens the hit's direction pane, drilled down to the hit, selected.
    fn jump(&mut self, hit: &store::Hit) {
        let Some(index) = self
            .panes
            .iter()
            .position(|p| p.direction.id == hit.direction_id)
        else {
            return;
        };
        self.focus = index;
        let span = self.span();
        let pane = &self.panes[index];
        let result = pane
            .projects
            .load_on(&self.store, hit.project_id, span)
            .and_then(|projects| {
                let open = match projects.selected() {
                    Some(p) if p.id == hit.project_id && hit.kind != store::HitKind::Project => {
                        let at = match hit.milestone_id {
                            Some(m) => self
                                .store
                                .key_of(List::Milestones { project: p.id }, m)?
                                .unwrap_or(Key::FIRST),
                            None => Key::FIRST,
                        };
                        let mut op = open_project(&self.store, p.clone(), at, span)?;
                        if hit.kind == store::HitKind::Note
                            && let Some(mid) = hit.milestone_id
                        {
                            let detail = self.store.detail(mid)?;
                            let note_sel = reselect(&detail.notes, |n| n.id, hit.note_id, 0);
                            op.open = Some(OpenMilestone { detail, note_sel });
                        }
                        Some(op)
                    }
                    _ => None,
                };
                Ok((projects, open))
            });
        match result {
            Ok((projects, open)) => {
                let pane = &mut self.panes[index];
                pane.projects = projects;
                pane.open = open;
            }
            Err(e) => self.failed(&e),
        }
    }

    fn on_form(&mut self, action: Action) {
        let Some(Overlay::Form(f)) = self.overlays.last_mut() else {
            return;
        };
        match action {
            Action::Cancel => {
                self.overlays.pop();
            }
            Action::ClearLine => {
                f.input = line_input("");
                f.error = None;
            }
            Action::Submit => {
                let text = f.input.lines().join(" ");
                let purpose = f.purpose.clone();
                match self.submit_form(&purpose, &text) {
                    Ok(message) => {
                        self.overlays.pop();
                        self.after_write(message);
                    }
                    Err(reason) => {
                        if let Some(Overlay::Form(f)) = self.overlays.last_mut() {
                            f.error = Some(reason);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// Writes a form's value. A refusal keeps the form open with the reason.
    fn submit_form(&mut self, purpose: &Purpose, text: &str) -> Result<String, String> {
        let ui = self.ui();
        let change = |c: MilestoneChange| c;
        let (id, version, c) = match *purpose {
            Purpose::Value { milestone, version } => {
                let n = parse_number(text).map_err(|e| format!("{}: {e}", ui.not_a_number))?;
                (
                    milestone,
                    version,
                    change(MilestoneChange {
                        value: Some(ValueChange::Set(n)),
                        ..Default::default()
                    }),
                )
            }
            Purpose::Due { milestone, version } => {
                let d = parse_date(text).map_err(|e| format!("{}: {e}", ui.not_a_date))?;
                (
                    milestone,
                    version,
                    MilestoneChange {
                        due: Some(d),
                        ..Default::default()
                    },
                )
            }
            Purpose::Target { milestone, version } => {
                let t = text.trim();
                let split = t
                    .find(|c: char| {
                        !(c.is_ascii_digit()
                            || matches!(c, '.' | '-' | '+' | ',')
                            || ('０'..='９').contains(&c))
                    })
                    .unwrap_or(t.len());
                let (num, unit) = t.split_at(split);
                let n = parse_number(num).map_err(|e| format!("{}: {e}", ui.not_a_number))?;
                (
                    milestone,
                    version,
                    MilestoneChange {
                        target: Some(n),
                        unit: Some(unit.trim().to_owned()),
                        ..Default::default()
                    },
                )
            }
            Purpose::RenameMilestone { milestone, version } => (
                milestone,
                version,
                MilestoneChange {
                    title: Some(text.to_owned()),
                    ..Default::default()
                },
            ),
            Purpose::RenameProject { project, version } => {
                let (before, now) = self
                    .store
                    .rename_project(project, version, text)
                    .map_err(|e| self.form_error(e))?;
                self.undo.push(Undo::ProjectRenamed {
                    id: project,
                    version: now,
                    was: version,
                    before,
                });
                return Ok(ui.saved.to_owned());
            }
            Purpose::AddProject { direction } => {
                let (id, version) = self
                    .store
                    .add_project(direction, text)
                    .map_err(|e| self.form_error(e))?;
                self.undo.push(Undo::ProjectAdded { id, version });
                self.select_new(Some(id), None);
                return Ok(ui.added.to_owned());
            }
            Purpose::AddMilestone { project } => {
                let (id, version) = self
                    .store
                    .add_milestone(project, text)
                    .map_err(|e| self.form_error(e))?;
                self.undo.push(Undo::MilestoneAdded { id, version });
                self.select_new(None, Some(id));
                return Ok(ui.added.to_owned());
            }
        };
        self.save_milestone(id, version, c)
            .map_err(|e| self.form_error(e))
    }

    /// After adding, keep the new item selected once the pane reloads.
    fn select_new(&mut self, project: Option<i64>, milestone: Option<i64>) {
        let _ = self.reload();
        let span = self.span();
        let Some(pane) = self.panes.get_mut(self.focus) else {
            return;
        };
        let result = (|| -> store::Result<()> {
            if let Some(id) = project {
                pane.projects = pane.projects.load_on(&self.store, id, span)?;
            }
            if let (Some(id), Some(op)) = (milestone, pane.open.as_mut()) {
                op.milestones = op.milestones.load_on(&self.store, id, span)?;
            }
            Ok(())
        })();
        if let Err(e) = result {
            self.failed(&e);
        }
    }

    /// A refused write in the form's words. On a conflict the form keeps
    /// the planner's text; the data is reloaded so they can see theirs.
    fn form_error(&mut self, e: store::Error) -> String {
        let ui = self.ui();
        let text = match &e {
            // The form or editor is closed and its text kept; the view
            // that replaces it says so.
            store::Error::PlanReplaced(_) | store::Error::FileLost { .. } => {
                self.failed(&e);
                return e.to_string();
            }
            store::Error::Conflict(c) => {
                self.show_conflict(c);
                conflict_text(ui, self.store.clock(), c)
            }
            store::Error::Invalid(why) => why.clone(),
            store::Error::ReadOnly(why) => format!("{}: {why}", ui.read_only),
            other => format!("{}: {other}", ui.not_saved),
        };
        let _ = self.reload();
        text
    }

    /// The topmost form or note editor: what a conflict is about.
    fn pending_input(&self) -> Option<(String, String, Option<Purpose>, Option<NoteTarget>)> {
        let ui = self.ui();
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Form(f) => {
                let what = match f.purpose {
                    Purpose::Value { .. } => ui.current,
                    Purpose::Due { .. } => ui.due,
                    Purpose::Target { .. } => ui.target,
                    _ => ui.name,
                };
                Some((
                    what.to_owned(),
                    f.input.lines().join(" "),
                    Some(f.purpose.clone()),
                    None,
                ))
            }
            Overlay::Editor(e) => Some((
                ui.note_text.to_owned(),
                e.text(),
                None,
                Some(e.target.clone()),
            )),
            _ => None,
        })
    }

    /// Shows theirs beside mine; the planner's text stays in the form or
    /// editor underneath until they choose.
    fn show_conflict(&mut self, c: &store::Conflict) {
        let Some((what, mine, purpose, note)) = self.pending_input() else {
            return;
        };
        let none = || "—".to_owned();
        let field = |m: store::Result<store::MilestoneRow>,
                     f: &dyn Fn(&store::MilestoneRow) -> String| {
            m.map(|m| f(&m)).unwrap_or_default()
        };
        let theirs = match (&purpose, &note) {
            (Some(Purpose::Value { milestone, .. }), _) => {
                field(self.store.milestone(*milestone), &|m| {
                    m.current.map(format_value).unwrap_or_else(none)
                })
            }
            (Some(Purpose::Due { milestone, .. }), _) => {
                field(self.store.milestone(*milestone), &|m| {
                    m.due.clone().unwrap_or_else(none)
                })
            }
            (Some(Purpose::Target { milestone, .. }), _) => {
                field(self.store.milestone(*milestone), &|m| {
                    format!(
                        "{} {}",
                        m.target.map(format_value).unwrap_or_else(none),
                        m.unit
                    )
                })
            }
            (Some(Purpose::RenameMilestone { milestone, .. }), _) => {
                field(self.store.milestone(*milestone), &|m| m.title.clone())
            }
            (Some(Purpose::RenameProject { project, .. }), _) => self
                .store
                .project(*project)
                .map(|p| p.name)
                .unwrap_or_default(),
            (_, Some(NoteTarget::Edit { note, .. })) => {
                self.store.note(*note).map(|n| n.body).unwrap_or_default()
            }
            _ => String::new(),
        };
        self.overlays.push(Overlay::Conflict(overlay::ConflictView {
            what,
            theirs,
            by: c.by.clone(),
            at: c.at.clone(),
            mine,
            found_version: c.found_version,
            replaced: false,
        }));
    }

    fn on_conflict(&mut self, action: Action) {
        let Some(Overlay::Conflict(c)) = self.overlays.last() else {
            return;
        };
        let found = c.found_version;
        match action {
            Action::KeepTheirs => {
                self.overlays.pop();
                if let Some(Overlay::Editor(e)) = self.overlays.pop() {
                    self.drop_draft(e.draft);
                }
                self.after_write(self.ui().kept_theirs.to_owned());
            }
            Action::Overwrite => {
                self.overlays.pop();
                self.rebase_open_form(found);
                match self.layer() {
                    Layer::Form => self.on_form(Action::Submit),
                    Layer::Editor => self.on_editor(Action::Save),
                    _ => {}
                }
            }
            Action::EditAgain => {
                self.overlays.pop();
                self.rebase_open_form(found);
            }
            _ => {}
        }
    }

    /// Points the open form or editor at `found`, the version the planner
    /// has now seen, so that saving from it replaces theirs knowingly.
    fn rebase_open_form(&mut self, found: i64) {
        let top = self
            .overlays
            .iter_mut()
            .rev()
            .find(|o| matches!(o, Overlay::Form(_) | Overlay::Editor(_)));
        match top {
            Some(Overlay::Form(f)) => match &mut f.purpose {
                Purpose::Value { version, .. }
                | Purpose::Due { version, .. }
                | Purpose::Target { version, .. }
                | Purpose::RenameMilestone { version, .. }
                | Purpose::RenameProject { version, .. } => *version = found,
                Purpose::AddProject { .. } | Purpose::AddMilestone { .. } => {}
            },
            Some(Overlay::Editor(e)) => {
                if let NoteTarget::Edit { version, .. } = &mut e.target {
                    *version = found;
                }
            }
            _ => {}
        }
    }

    fn save_milestone(
        &mut self,
        id: i64,
        version: i64,
        change: MilestoneChange,
    ) -> store::Result<String> {
        let saved = self
            .store
            .update_milestone(id, Some(version), change, "cockpit")?;
        if saved.version != version {
            self.undo.push(Undo::Milestone {
                id,
                version: saved.version,
                was: version,
                before: saved.before,
            });
        }
        if let (Some(id), Some(version)) = (saved.note_id, saved.note_version) {
            self.undo.push(Undo::NoteAdded { id, version });
        }
        Ok(self.ui().saved.to_owned())
    }

    fn after_write(&mut self, message: String) {
        match self.reload() {
            Ok(()) => self.say(message),
            Err(e) => self.failed(&e),
        }
    }

    fn on_menu(&mut self, action: Action) {
        let Some(Overlay::Menu(m)) = self.overlays.last_mut() else {
            return;
        };
        let n = Menu::choices().len();
        match action {
            Action::Cancel => {
                self.overlays.pop();
            }
            Action::Down => m.sel = pane::moved(m.sel, n, 1),
            Action::Up => m.sel = pane::moved(m.sel, n, -1),
            Action::Submit => {
                let (id, version, status) = (m.milestone, m.version, Menu::choices()[m.sel]);
                self.overlays.pop();
                match self.save_milestone(
                    id,
                    version,
                    MilestoneChange {
                        status: Some(status),
                        ..Default::default()
                    },
                ) {
                    Ok(msg) => self.after_write(msg),
                    Err(e) => {
                        let _ = self.reload();
                        self.failed(&e);
                    }
                }
            }
            _ => {}
        }
    }

    fn on_editor(&mut self, action: Action) {
        let Some(Overlay::Editor(ed)) = self.overlays.last_mut() else {
            return;
        };
        match action {
            Action::Cancel => {
                if ed.is_dirty() {
                    let question = self.ui().discard_note.to_owned();
                    self.overlays.push(Overlay::Confirm(Confirm {
                        question,
                        on_yes: Confirmed::DiscardEditor,
                    }));
                } else {
                    self.overlays.pop();
                }
            }
            Action::Save => {
                let text = ed.text();
                let target = ed.target.clone();
                let draft = ed.draft;
                let result = match target {
                    NoteTarget::New { milestone } => {
                        let version = self.store.milestone(milestone).map(|m| m.version);
                        version.and_then(|v| {
                            self.save_milestone(
                                milestone,
                                v,
                                MilestoneChange {
                                    note: Some(text),
                                    ..Default::default()
                                },
                            )
                        })
                    }
                    NoteTarget::Edit { note, version } => self
                        .store
                        .update_note(note, version, &text)
                        .map(|(before, now)| {
                            if now != version {
                                self.undo.push(Undo::NoteEdited {
                                    id: note,
                                    version: now,
                                    was: version,
                                    before: before.note.body,
                                });
                            }
                            self.ui().saved.to_owned()
                        }),
                };
                match result {
                    Ok(msg) => {
                        self.overlays.pop();
                        self.drop_draft(draft);
                        self.after_write(msg);
                    }
                    Err(e) => {
                        let why = self.form_error(e);
                        if let Some(Overlay::Editor(ed)) = self.overlays.last_mut() {
                            ed.error = Some(why);
                        }
                    }
                }
            }
            Action::NewLine => {
                ed.input.insert_newline();
                ed.typed_at = Some(Instant::now());
                ed.error = None;
            }
            Action::Quit => {
                let question = self.ui().quit_discarding.to_owned();
                self.overlays.push(Overlay::Confirm(Confirm {
                    question,
                    on_yes: Confirmed::QuitDiscarding,
                }));
            }
            _ => {}
        }
    }

    /// True when a note editor holds text that was not saved.
    pub fn has_unsaved_text(&self) -> bool {
        self.overlays
            .iter()
            .any(|o| matches!(o, Overlay::Editor(e) if e.is_dirty()))
    }

    fn on_confirm(&mut self, action: Action) {
        let Some(Overlay::Confirm(c)) = self.overlays.last() else {
            return;
        };
        let on_yes = c.on_yes.clone();
        match action {
            Action::No => {
                self.overlays.pop();
                if let Confirmed::RestoreDraft(d) = on_yes {
                    // Declined: the draft is discarded, and the next is offered.
                    self.drop_draft(Some(d.id));
                    self.offer_draft();
                }
            }
            Action::Yes => {
                self.overlays.pop();
                let ui = self.ui();
                let result = match on_yes {
                    Confirmed::DiscardEditor => {
                        if let Some(Overlay::Editor(e)) = self.overlays.pop() {
                            self.drop_draft(e.draft);
                        }
                        return;
                    }
                    Confirmed::QuitDiscarding => {
                        let draft = self.editor().and_then(|e| e.draft);
                        self.drop_draft(draft);
                        self.quit = true;
                        return;
                    }
                    Confirmed::RestoreDraft(d) => {
                        self.restore_draft(d);
                        return;
                    }
                    Confirmed::DeleteProject { id, version } => {
                        self.store.delete_project(id, Some(version)).map(|_| ())
                    }
                    Confirmed::DeleteMilestone { id, version } => {
                        self.store.delete_milestone(id, Some(version)).map(|_| ())
                    }
                    Confirmed::DeleteNote { id, version } => self
                        .store
                        .delete_note(id, Some(version))
                        .map(|s| self.undo.push(Undo::NoteDeleted(s))),
                };
                match result {
                    Ok(()) => self.after_write(ui.deleted.to_owned()),
                    Err(e) => {
                        // Show what the row is now, so a second answer is
                        // about that.
                        let _ = self.reload();
                        self.failed(&e);
                    }
                }
            }
            _ => {}
        }
    }
}

fn conflict_text(ui: &Ui, clock: &crate::domain::Clock, c: &store::Conflict) -> String {
    ui.conflict
        .replace("{by}", &c.by)
        .replace("{at}", &clock.local_minute(&c.at))
}

fn form(purpose: Purpose, text: &str) -> Overlay {
    Overlay::Form(Form {
        purpose,
        input: line_input(text),
        error: None,
    })
}

/// A project drilled into, with its milestone list on the one at `at`.
fn open_project(
    store: &Store,
    project: store::ProjectRow,
    at: Key,
    span: usize,
) -> store::Result<OpenProject> {
    let list = List::Milestones {
        project: project.id,
    };
    let milestones = Window::load(store, list, at, span)?;
    let (description, notes) = store.project_notes(project.id)?;
    Ok(OpenProject {
        project,
        description,
        notes,
        milestones,
        open: None,
    })
}

/// An open project reread after a change, its milestone list and detail
/// still on the same items; `None` when it has gone.
fn reopen_project(
    store: &Store,
    op: &OpenProject,
    span: usize,
) -> store::Result<Option<OpenProject>> {
    let project = match store.project(op.project.id) {
        Ok(p) => p,
        Err(store::Error::NotFound { .. }) => return Ok(None),
        Err(e) => return Err(e),
    };
    let at = op.milestones.selected().map_or(Key::FIRST, Listed::key);
    let mut reopened = open_project(store, project, at, span)?;
    reopened.open = match &op.open {
        Some(om) => match store.detail(om.detail.milestone.id) {
            Ok(detail) => {
                let want = om.detail.notes.get(om.note_sel).map(|n| n.id);
                let note_sel = reselect(&detail.notes, |n| n.id, want, om.note_sel);
                Some(OpenMilestone { detail, note_sel })
            }
            Err(store::Error::NotFound { .. }) => None,
            Err(e) => return Err(e),
        },
        None => None,
    };
    Ok(Some(reopened))
}

/// The LF byte, as crossterm reports it in raw mode.
fn is_line_feed(key: KeyEvent) -> bool {
    key.code == crossterm::event::KeyCode::Char('j')
        && key.modifiers == crossterm::event::KeyModifiers::CONTROL
}
