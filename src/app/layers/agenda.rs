//! The agenda layer (`A`): overdue work first, then what falls due within
//! the soon window, then what has no time limit, across the whole plan;
//! Enter goes to the item in its pane.

use crate::app::keymap::{Action, Layer};
use crate::app::next::{Command, Layered, Next};
use crate::app::pane;
use crate::domain::agenda::{Agenda, Narrow};
use crate::domain::lens::Group;
use crate::domain::scope::Scope;
use crate::store;

pub struct AgendaView {
    pub agenda: Agenda,
    pub sel: usize,
    /// What it is narrowed to, and those narrowings in words for its title.
    pub scope: Scope,
    pub narrowed: Vec<String>,
    /// `r`: only what shows a red or yellow light.
    pub alarming: bool,
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
            Action::ByDirection => return Next::Do(Command::NarrowAgenda(Narrow::Direction)),
            Action::ByProgram => return Next::Do(Command::NarrowAgenda(Narrow::Program)),
            Action::ByOwner => return Next::Do(Command::NarrowAgenda(Narrow::Owner)),
            Action::SoonWindow => return Next::Do(Command::NarrowAgenda(Narrow::Window)),
            Action::AlarmingOnly => return Next::Do(Command::NarrowAgenda(Narrow::Alarming)),
            _ => {}
        }
        Next::Stay
    }
}

/// The ids of direction or 工程 panes, in order.
pub(in crate::app) fn all_ids(groups: &[store::GroupRow]) -> Vec<i64> {
    groups
        .iter()
        .filter_map(|g| match g.group {
            Group::Direction(id) | Group::Program(id) => Some(id),
            _ => None,
        })
        .collect()
}

/// The one after `now` in `all`: the first when there is none, none after
/// the last (the whole plan again).
pub(in crate::app) fn next_of(all: &[i64], now: Option<i64>) -> Option<i64> {
    match now {
        None => all.first().copied(),
        Some(n) => all.iter().skip_while(|i| **i != n).nth(1).copied(),
    }
}
