//! `u`: the inverse of this session's changes, newest first, each one
//! version-checked like any edit. Taking back an addition is refused once
//! anyone has put something under it or changed it, so an undo never
//! deletes another planner's work.

use super::App;
use crate::store::{self, Added, Fields};

/// What `u` undoes: the inverse of one change this session made. `version`
/// is the version the change gave the row and `was` the one it had before,
/// both as the store returned them: versions come from one file-wide
/// counter, so they cannot be worked out by adding one.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    Milestone {
        id: i64,
        version: i64,
        was: i64,
        before: Fields,
        /// The reading the change wrote, as that day was before.
        reading: Option<store::ReadingWas>,
    },
    NoteAdded {
        id: i64,
        version: i64,
    },
    NoteEdited {
        id: i64,
        version: i64,
        was: i64,
        before: String,
    },
    NoteDeleted(crate::store::NoteSnapshot),
    ProjectAdded {
        id: i64,
        version: i64,
    },
    MilestoneAdded {
        id: i64,
        version: i64,
    },
    /// A project's name, owner or areas as they were.
    Project {
        id: i64,
        version: i64,
        was: i64,
        before: ProjectWas,
    },
}

/// The one thing a project edit changed, as it was.
#[derive(Debug, Clone, PartialEq)]
pub enum ProjectWas {
    Name(String),
    /// 责任单位 and 责任人.
    Owner(String, String),
    /// The areas it was linked to.
    Areas(Vec<i64>),
}

/// The row an undo entry is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    Project(i64),
    Milestone(i64),
    Note(i64),
}

/// The row an entry is about and the version it expects that row to have.
fn expects(e: &mut Undo) -> Option<(Row, &mut i64)> {
    match e {
        Undo::Milestone { id, version, .. } | Undo::MilestoneAdded { id, version } => {
            Some((Row::Milestone(*id), version))
        }
        Undo::NoteAdded { id, version } | Undo::NoteEdited { id, version, .. } => {
            Some((Row::Note(*id), version))
        }
        Undo::ProjectAdded { id, version } | Undo::Project { id, version, .. } => {
            Some((Row::Project(*id), version))
        }
        Undo::NoteDeleted(_) => None,
    }
}

impl App {
    pub(super) fn undo_last(&mut self) {
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
