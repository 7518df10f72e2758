//! The cockpit as a state machine: a key becomes an action through the key
//! table, the action updates this state (writing through the store), and
//! the UI draws from the state. No terminal here, and no SQL.

mod commands;
mod drafts;
pub mod event;
pub mod guard;
pub mod keymap;
mod layers;
pub mod lights;
mod load;
pub mod look;
mod navigate;
mod next;
pub mod overlay;
pub mod pane;
pub mod plans_read;
mod router;
mod text;
mod undo;
pub mod window;

use crate::domain::MilestoneChange;
use crate::domain::lens::Lens;
use crate::i18n::{Lang, Ui};
use crate::report;
use crate::store::{self, Access, Store};
use keymap::Action;
use layers::conflict::conflict_text;
use overlay::{Editor, Overlay};
use pane::Pane;
use std::time::Duration;
use undo::Undo;

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

/// What the planner set in the config file for the cockpit's own views.
#[derive(Debug, Clone, Copy)]
pub struct Prefs {
    /// The agenda's first window of "due soon", in days (one of
    /// `domain::agenda::WINDOWS`); None: to the end of next month.
    pub agenda_days: Option<i64>,
    /// The format `R` offers first.
    pub report_format: report::ReportFormat,
}

impl Default for Prefs {
    fn default() -> Prefs {
        Prefs {
            agenda_days: None,
            report_format: report::ReportFormat::Docx,
        }
    }
}

pub struct App {
    store: Store,
    pub lang: Lang,
    pub title: String,
    /// Targets' periods start on this year's 1 January (序时进度).
    pub plan_year: i16,
    /// What the panes group projects by (`L`).
    pub lens: Lens,
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
    /// Ctrl-Z: the loop is to suspend the program (and redraw on return).
    pub suspend: bool,
    /// `y`: text for the terminal's clipboard, not yet written.
    clipboard: Option<String>,
    /// The report `R` just wrote, while its path is on the status line:
    /// `y` then copies the path. Any other action forgets it.
    last_report: Option<std::path::PathBuf>,
    /// Where the cockpit is to be opened again when it quits: another plan
    /// chosen in the plans side by side (`P`).
    pub switch_to: Option<crate::store::Location>,
    /// With `switch_to`: the item to show there (`O`, a carried item's
    /// origin in the earlier plan).
    pub then_go_to: Option<i64>,
    /// The folder of plans this plan file was chosen from (`--db FOLDER`),
    /// whose plans `P` lists; None for a lone file or a server.
    pub plans_folder: Option<std::path::PathBuf>,
    /// Colours and ASCII mode, chosen at start.
    pub look: look::Look,
    /// The keys in force: the table's, with the planner's own in place.
    pub keymap: keymap::Keymap,
    /// The planner's settings for the agenda and `R`.
    pub prefs: Prefs,
    /// The database's data_version when we last read it.
    seen: i64,
    /// The panes' red and yellow counts, and the last question asked.
    lights: Option<lights::LightCounts>,
    lights_asked: Option<lights::Ask>,
    /// The plans worker's question not yet sent, and its last answer.
    plans_asked: Option<plans_read::PlansAsk>,
    plans_known: Option<Vec<crate::store::PlanStanding>>,
    /// The plan this one was carried over from, as last read: the detail
    /// of a carried item says where it stood there.
    pub earlier: Option<plans_read::EarlierPlan>,
    lights_failed: Option<lights::Ask>,
    /// This week's report, asked for with `R`, until the worker takes it.
    report_wanted: Option<report::ReportAsk>,
    /// Drafts already offered for restoring in this session.
    offered: Vec<i64>,
    /// The tallest the terminal has been: lists keep this many rows loaded
    /// either side of the selection.
    height: usize,
    /// The database file was deleted, replaced or hard-linked underneath.
    file_lost: bool,
    /// The project of the milestone this planner just saved: the next
    /// reload after the write rereads only the panes listing it.
    saved_in: Option<i64>,
    /// How many writes this cockpit made: the lights are asked again after
    /// each (the data version moves only for other connections' writes).
    wrote: u64,
    /// The names logins are shown by (`user set`), read with the panes.
    pub names: crate::domain::people::Names,
    /// The planner's day, from the program's clock: what "overdue" is
    /// measured against. Read at each wake-up, never by render.
    pub today: jiff::civil::Date,
}

impl App {
    pub fn new(store: Store, lang: Lang) -> store::Result<App> {
        let read_only = match store.access() {
            Access::ReadOnly(why) => Some(lang.read_only(why)),
            Access::ReadWrite => None,
        };
        let today = store.clock().today();
        let mut app = App {
            title: store.plan_title().unwrap_or_default(),
            plan_year: store.plan_year().unwrap_or(2023),
            store,
            lang,
            lens: Lens::Directions,
            panes: Vec::new(),
            focus: 0,
            zoomed: false,
            overlays: Vec::new(),
            flash: None,
            read_only,
            page: 10,
            undo: Vec::new(),
            quit: false,
            suspend: false,
            clipboard: None,
            last_report: None,
            switch_to: None,
            then_go_to: None,
            plans_folder: None,
            look: look::Look::default(),
            keymap: keymap::Keymap::default(),
            prefs: Prefs::default(),
            seen: 0,
            lights: None,
            lights_asked: None,
            plans_asked: None,
            plans_known: None,
            earlier: None,
            lights_failed: None,
            report_wanted: None,
            offered: Vec::new(),
            height: 0,
            file_lost: false,
            saved_in: None,
            wrote: 0,
            today,
            names: Default::default(),
        };
        app.seen = app.store.data_version()?;
        app.reload()?;
        app.offer_draft();
        Ok(app)
    }

    pub fn ui(&self) -> &'static Ui {
        self.lang.ui()
    }

    pub fn focused(&self) -> Option<&Pane> {
        self.panes.get(self.focus)
    }

    fn focused_mut(&mut self) -> Option<&mut Pane> {
        self.panes.get_mut(self.focus)
    }

    pub fn resize(&mut self, _width: u16, height: u16) {
        self.page = (height as usize).saturating_sub(8).max(1);
        for overlay in &mut self.overlays {
            overlay.resized();
        }
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
        let why = store::ReadOnlyWhy::QuickCheck {
            verdict: verdict.to_owned(),
        };
        self.read_only = Some(self.lang.read_only(&why));
        self.store.set_read_only(why);
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
        let today = self.store.clock().today();
        if today != self.today {
            self.today = today;
            moved = true;
        }
        match self.store.data_version() {
            Ok(v) if v != self.seen => {
                self.seen = v;
                match self.store.plan_check() {
                    Ok(store::PlanCheck::Replaced(now)) => self.plan_was_replaced(now),
                    same => {
                        if let Ok(store::PlanCheck::Same(Some(now))) = same {
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

    /// Where the plan is kept, for the helpers that open it again.
    pub fn location(&self) -> &store::Location {
        self.store.location()
    }

    pub fn author(&self) -> &str {
        self.store.author()
    }

    /// The program's one clock.
    pub fn clock(&self) -> &crate::domain::Clock {
        self.store.clock()
    }

    /// The day judged and its plan year: every standing on screen is
    /// judged on this.
    pub fn judging(&self) -> crate::domain::standing::Judging {
        crate::domain::standing::Judging {
            today: self.today,
            year: self.plan_year,
        }
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

    /// A store error in the planner's words, with the store's detail.
    fn failed(&mut self, e: &store::Error) {
        match e {
            store::Error::PlanReplaced(now) => return self.plan_was_replaced(now.clone()),
            store::Error::FileLost { .. } if !self.file_lost => {
                self.watch_file();
                return;
            }
            _ => {}
        }
        let text = match e {
            store::Error::Conflict(c) => conflict_text(self.lang, self.store.clock(), c),
            e => self.said(e),
        };
        self.fail(text);
    }

    /// A store error in the planner's language, times in their zone; a
    /// failure that is not a refusal says first that nothing was saved.
    fn said(&self, e: &store::Error) -> String {
        let words = self.lang.error(e, Some(self.store.clock()));
        match e {
            store::Error::Invalid(_) | store::Error::ReadOnly(_) | store::Error::Busy => words,
            _ => format!("{}: {words}", self.ui().not_saved),
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
        self.saved_in = Some(saved.project_id);
        if saved.version != version {
            self.undo.push(Undo::Milestone {
                id,
                version: saved.version,
                was: version,
                before: saved.before,
                reading: saved.reading,
            });
        }
        if let (Some(id), Some(version)) = (saved.note_id, saved.note_version) {
            self.undo.push(Undo::NoteAdded { id, version });
        }
        Ok(self.ui().saved.to_owned())
    }

    fn after_write(&mut self, message: String) {
        self.wrote += 1;
        let reloaded = match self.saved_in.take() {
            Some(project) => self.reload_project(project),
            None => self.reload(),
        };
        match reloaded {
            Ok(()) => self.say(message),
            Err(e) => self.failed(&e),
        }
    }
}
