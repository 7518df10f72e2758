//! The agenda layer (`A`): overdue work first, then what falls due within
//! the soon window, then what has no time limit, across the whole plan;
//! Enter goes to the item in its pane.

use super::next::Command;
use super::*;
use crate::domain::agenda::{Agenda, SECTION_LIMIT, SOON_DAYS};
use crate::domain::scope::Scope;

pub struct AgendaView {
    pub agenda: Agenda,
    pub sel: usize,
}

impl Layered for AgendaView {
    fn layer(&self) -> Layer {
        Layer::Agenda
    }

    fn update(&mut self, action: Action) -> Next {
        let n = self.agenda.len();
        let page = 10;
        match action {
            Action::Cancel => return Next::Close,
            Action::Down => self.sel = pane::moved(self.sel, n, 1),
            Action::Up => self.sel = pane::moved(self.sel, n, -1),
            Action::PageDown => self.sel = pane::moved(self.sel, n, page),
            Action::PageUp => self.sel = pane::moved(self.sel, n, -page),
            Action::Top => self.sel = 0,
            Action::Bottom => self.sel = n.saturating_sub(1),
            Action::Submit => {
                if let Some((_, m)) = self.agenda.items().nth(self.sel) {
                    return Next::Do(Command::GoToMilestone(m.id));
                }
            }
            _ => {}
        }
        Next::Stay
    }
}

impl App {
    /// `A` on the panes.
    pub(super) fn open_agenda(&mut self) {
        match self
            .store
            .agenda(&self.today, SOON_DAYS, &Scope::everything(), SECTION_LIMIT)
        {
            Ok(agenda) => self
                .overlays
                .push(Overlay::Agenda(AgendaView { agenda, sel: 0 })),
            Err(e) => self.failed(&e),
        }
    }

    /// Opens the milestone's direction pane, drilled down to it, selected.
    pub(super) fn go_to_milestone(&mut self, id: i64) {
        let found = self.store.milestone(id).and_then(|m| {
            let project = self.store.project(m.project_id)?;
            Ok((m, project))
        });
        match found {
            Ok((m, project)) => self.jump(&store::Hit {
                kind: store::HitKind::Milestone,
                direction_id: project.direction_id,
                project_id: project.id,
                milestone_id: Some(m.id),
                note_id: None,
                path: String::new(),
                text: m.title,
            }),
            Err(e) => self.failed(&e),
        }
    }
}
