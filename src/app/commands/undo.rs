//! What `u` does: the last change of this session taken back, if it is still as it was left.

use crate::app::App;
use crate::app::undo::{ProjectWas, Row, Undo, expects};
use crate::store::{self, Added};

impl App {
    pub(in crate::app) fn undo_last(&mut self) {
        let ui = self.ui();
        let Some(entry) = self.undo.pop() else {
            return self.fail(ui.nothing_to_undo);
        };
        // Undoing a change gives its row a new version. The next older
        // entry for the same row was written against the state just
        // restored (the version this entry's change started from, `was`),
        // so from now on it expects the version the undo produced.
        let result: store::Result<Option<(Row, i64, i64)>> = match &entry {
            Undo::Milestone {
                id,
                version,
                was,
                before,
                reading,
            } => self
                .store
                .restore_milestone(*id, *version, before.clone(), reading.clone())
                .map(|s| Some((Row::Milestone(*id), *was, s.version))),
            Undo::NoteEdited {
                id,
                version,
                was,
                before,
            } => self
                .store
                .update_note(*id, *version, before)
                .map(|(_, now)| Some((Row::Note(*id), *was, now))),
            Undo::Project {
                id,
                version,
                was,
                before,
            } => match before {
                ProjectWas::Name(name) => {
                    self.store.rename_project(*id, *version, name).map(|r| r.1)
                }
                ProjectWas::Owner(unit, lead) => self
                    .store
                    .set_project_owner(*id, *version, unit, lead)
                    .map(|r| r.1),
                ProjectWas::Areas(areas) => self
                    .store
                    .set_project_areas(*id, *version, areas)
                    .map(|r| r.1),
            }
            .map(|now| Some((Row::Project(*id), *was, now))),
            Undo::NoteDeleted(snapshot) => self
                .store
                .restore_note(snapshot)
                .map(|now| Some((Row::Note(snapshot.note.id), snapshot.note.version, now))),
            Undo::NoteAdded { id, version } => self
                .store
                .remove_added(Added::Note, *id, *version)
                .map(|_| None),
            Undo::ProjectAdded { id, version } => self
                .store
                .remove_added(Added::Project, *id, *version)
                .map(|_| None),
            Undo::MilestoneAdded { id, version } => self
                .store
                .remove_added(Added::Milestone, *id, *version)
                .map(|_| None),
        };
        match result {
            Ok(bump) => {
                if let Some((row, from, to)) = bump
                    && let Some((_, v)) = self
                        .undo
                        .iter_mut()
                        .rev()
                        .filter_map(expects)
                        .find(|(r, _)| *r == row)
                    && *v == from
                {
                    *v = to;
                }
                self.after_write(ui.undone.to_owned());
            }
            Err(e) => {
                let _ = self.reload();
                self.failed(&e);
            }
        }
    }
}
