//! `u`: the inverse of this session's changes, newest first, each one
//! version-checked like any edit. Taking back an addition is refused once
//! anyone has put something under it or changed it, so an undo never
//! deletes another planner's work.

use crate::store::{self, Fields};

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
pub(in crate::app) enum Row {
    Project(i64),
    Milestone(i64),
    Note(i64),
}

/// The row an entry is about and the version it expects that row to have.
pub(in crate::app) fn expects(e: &mut Undo) -> Option<(Row, &mut i64)> {
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
