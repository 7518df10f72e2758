//! Drafts: the text of a note being typed, saved while typing and offered
//! again after a crash or a dropped link.

use crate::app::overlay::{Confirm, Confirmed, Editor, NoteTarget, Overlay};
use crate::app::{App, DRAFT_DELAY};
use std::time::Instant;
impl App {
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
                let msg = format!(
                    "{}: {};{kept}",
                    self.ui().draft_not_saved,
                    self.lang.error(&err, Some(self.store.clock()))
                );
                if let Some(e) = self.editor_mut() {
                    e.typed_at = None;
                    e.error = Some(msg);
                }
            }
        }
    }

    pub(super) fn drop_draft(&mut self, id: Option<i64>) {
        if let Some(id) = id
            && let Err(e) = self.store.delete_draft(id)
        {
            self.failed(&e);
        }
    }

    /// Offers the newest draft left by an earlier session (a crash, a
    /// dropped link) that this session has not offered yet.
    pub(super) fn offer_draft(&mut self) {
        self.keep_stray_drafts();
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
            .lang
            .restore_draft(&self.store.clock().local_minute(&d.updated_at), &preview);
        self.overlays.push(Overlay::Confirm(Confirm {
            question,
            on_yes: Confirmed::RestoreDraft(d),
        }));
    }

    /// Drafts left for a plan that has been replaced since (their rows
    /// are gone, their ids may mean other rows now): each is written to a
    /// kept file, then removed from the database; the planner is told where.
    fn keep_stray_drafts(&mut self) {
        let Ok(stray) = self.store.stray_drafts() else {
            return;
        };
        let mut last = None;
        let mut n = 0;
        for (id, was_for, body, at) in stray {
            let what = format!("{was_for} ({})", self.store.clock().local_minute(&at));
            match crate::kept::keep(self.store.clock(), &what, &body) {
                Ok(path) => {
                    if self.store.delete_draft(id).is_ok() {
                        n += 1;
                        last = Some(path);
                    }
                }
                Err(e) => {
                    return self.fail(format!("{}: {}", self.ui().text_not_kept, self.lang.io(&e)));
                }
            }
        }
        if let Some(path) = last {
            let folder = path.parent().unwrap_or(&path).display().to_string();
            let said = self.lang.stray_drafts_kept(n, &folder);
            self.fail(said);
        }
    }

    pub(super) fn restore_draft(&mut self, d: crate::store::Draft) {
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
}
