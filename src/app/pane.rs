//! One pane (a direction's, or a 工程's, an area's, an owner's in another
//! lens) and its drill-down: projects → milestones → detail.
//! Each level remembers its selection, so going back lands where you were.

use super::window::Window;
use crate::store::{Detail, GroupRow, MilestoneRow, NoteRow, ProjectRow};

#[derive(Debug, Clone)]
pub struct Pane {
    /// The direction, 工程, area or owner whose projects it lists.
    pub group: GroupRow,
    pub projects: Window<ProjectRow>,
    pub open: Option<OpenProject>,
}

#[derive(Debug, Clone)]
pub struct OpenProject {
    pub project: ProjectRow,
    pub description: String,
    /// The project's own notes (the seeded plan quotes its source here).
    pub notes: Vec<NoteRow>,
    pub milestones: Window<MilestoneRow>,
    pub open: Option<OpenMilestone>,
}

#[derive(Debug, Clone)]
pub struct OpenMilestone {
    pub detail: Detail,
    /// The selected note, newest first.
    pub note_sel: usize,
}

/// How deep a pane is drilled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    Projects,
    Milestones,
    Detail,
}

/// Keeps `sel` on the item with id `want` after a reload, else clamps it.
pub fn reselect<T>(items: &[T], id: impl Fn(&T) -> i64, want: Option<i64>, sel: usize) -> usize {
    want.and_then(|w| items.iter().position(|x| id(x) == w))
        .unwrap_or_else(|| sel.min(items.len().saturating_sub(1)))
}

pub fn moved(sel: usize, len: usize, by: isize) -> usize {
    if len == 0 {
        return 0;
    }
    sel.saturating_add_signed(by).min(len - 1)
}

impl Pane {
    pub fn depth(&self) -> Depth {
        match &self.open {
            None => Depth::Projects,
            Some(p) if p.open.is_none() => Depth::Milestones,
            Some(_) => Depth::Detail,
        }
    }

    pub fn selected_project(&self) -> Option<&ProjectRow> {
        match &self.open {
            Some(p) => Some(&p.project),
            None => self.projects.selected(),
        }
    }

    /// The milestone the edit keys act on: the selected one in the list, or
    /// the one whose detail is open.
    pub fn selected_milestone(&self) -> Option<&MilestoneRow> {
        let p = self.open.as_ref()?;
        match &p.open {
            Some(m) => Some(&m.detail.milestone),
            None => p.milestones.selected(),
        }
    }

    pub fn open_detail(&self) -> Option<&OpenMilestone> {
        self.open.as_ref()?.open.as_ref()
    }

    /// The selected note when a milestone's detail is open.
    pub fn selected_note(&self) -> Option<&NoteRow> {
        let m = self.open_detail()?;
        m.detail.notes.get(m.note_sel)
    }

    pub fn back(&mut self) -> bool {
        match &mut self.open {
            None => false,
            Some(p) if p.open.is_some() => {
                p.open = None;
                true
            }
            Some(_) => {
                self.open = None;
                true
            }
        }
    }
}
