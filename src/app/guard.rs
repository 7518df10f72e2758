//! What the cockpit does when the ground moves under it: the database file
//! deleted, replaced or hard-linked, or the plan in it replaced by an
//! import. Nothing is written anywhere after that, what the planner was
//! typing is kept in a file of its own, and the screen says what happened.

use super::App;
use super::overlay::{ConflictView, Overlay};
use crate::store::{self, PlanIdentity};

/// What a last-resort saver (the watchdog, on a dead terminal) must check
/// before it writes a draft through a connection of its own: the same
/// file, and the same plan, as this cockpit's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftGuard {
    pub file: store::FileId,
    pub plan: Option<String>,
    /// The file was already seen deleted, replaced or hard-linked.
    pub lost: bool,
    /// What a kept file says the text was, in the planner's language.
    pub what: String,
}

impl App {
    pub fn draft_guard(&self) -> DraftGuard {
        DraftGuard {
            file: self.store.file_id(),
            plan: self.store.plan_seen().map(|p| p.identity.clone()),
            lost: self.file_lost,
            what: format!("{} · {}", self.title, self.ui().draft_on_hangup),
        }
    }

    /// At every wake-up and before acting on a key: is the file under us
    /// still the one opened? Returns true when the screen must change.
    pub fn watch_file(&mut self) -> bool {
        if self.file_lost {
            return false;
        }
        let Err(store::Error::FileLost { loss, .. }) = self.store.check_file() else {
            return false;
        };
        self.file_lost = true;
        let why = store::ReadOnlyWhy::FileLost(loss);
        self.read_only = Some(self.lang.read_only(&why));
        self.store.set_read_only(why);
        // The text stays where it is (the planner may go on reading it),
        // and is also put where it survives this session.
        if let Some((what, text, _, _)) = self.pending_input() {
            let said = self.keep_text(&what, &text);
            self.fail(said);
        }
        true
    }

    /// Writes typed text to a kept file; says where, in the planner's words.
    pub(super) fn keep_text(&mut self, what: &str, text: &str) -> String {
        let context = format!("{} · {what}", self.title);
        let into = self.editor().and_then(|e| e.kept.clone());
        let ui = self.ui();
        match crate::kept::keep_into(self.store.clock(), into.as_deref(), &context, text) {
            Ok(path) => {
                if let Some(e) = self.editor_mut() {
                    e.kept = Some(path.clone());
                }
                self.lang.text_kept_in(&path)
            }
            Err(e) => format!("{}: {}", ui.text_not_kept, self.lang.io(&e)),
        }
    }

    /// The file now holds another plan than the one on screen (an import,
    /// `generate --replace`, `init --force`). Whatever was being typed for
    /// the old plan is kept in a file and shown, never saved into a row of
    /// the new plan (its ids may mean other things there); the undo log,
    /// which speaks of the old plan's rows, is dropped; panes start afresh.
    pub(super) fn plan_was_replaced(&mut self, now: PlanIdentity) {
        let pending = self.pending_input();
        let kept = pending
            .as_ref()
            .map(|(what, text, _, _)| self.keep_text(what, text));
        self.overlays.clear();
        self.undo.clear();
        let _ = self.store.follow_plan();
        self.title = now.title.clone();
        self.plan_year = self.store.plan_year().unwrap_or(self.plan_year);
        self.panes.clear();
        self.focus = 0;
        if let Err(e) = self.reload() {
            self.failed(&e);
        }
        let message = self.lang.plan_replaced(
            &now.by,
            &self.store.clock().local_minute(&now.since),
            &now.title,
        );
        match (pending, kept) {
            (Some((what, mine, _, _)), Some(kept)) => {
                self.overlays.push(Overlay::Conflict(ConflictView {
                    what,
                    theirs: format!("{message}\n\n{kept}"),
                    by: now.by.clone(),
                    at: now.since.clone(),
                    mine,
                    found_version: 0,
                    replaced: true,
                }));
                self.fail(kept);
            }
            _ => self.fail(message),
        }
    }
}
