//! The history layer: one milestone's changes, everything changed under a
//! project (or its whole pane), or the whole plan's log over a period and
//! by one person; newest first, who and when (and where).

use crate::app::keymap::{Action, Layer};
use crate::app::next::scrolled;
use crate::app::next::{Layered, Next};
use crate::domain::dates::Period;
use crate::domain::report::ChangeLine;

pub struct History {
    /// The pane it can widen to (`a`), when opened on a project.
    pub pane: Option<crate::domain::lens::Group>,
    pub title: String,
    pub rows: Vec<ChangeLine>,
    pub scroll: u16,
    /// Opened with `C`: the plan-wide log and what it is narrowed to.
    pub log: Option<PlanLog>,
}

/// What the plan-wide log shows: a period, and maybe one person's changes.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanLog {
    pub period: Period,
    pub person: Option<String>,
    /// Who made the changes of the period, most recent first: what `p`
    /// steps through (taken from the period's log before narrowing).
    pub people: Vec<String>,
    /// The first day shown, when the period has one (for the title).
    pub since: Option<jiff::civil::Date>,
}

impl PlanLog {
    /// The next person `p` offers: each in turn, then everyone again.
    fn next_person(&mut self) {
        let at = self
            .person
            .as_ref()
            .and_then(|p| self.people.iter().position(|q| q == p));
        self.person = match at {
            None => self.people.first().cloned(),
            Some(i) => self.people.get(i + 1).cloned(),
        };
    }
}

impl Layered for History {
    fn layer(&self) -> Layer {
        match self.log {
            Some(_) => Layer::Log,
            None => Layer::History,
        }
    }

    fn update(&mut self, action: Action) -> Next {
        match (action, &self.pane, &mut self.log) {
            (Action::WholePane, Some(_), _) => Next::Do(crate::app::next::Command::PaneHistory),
            (Action::LogPeriod, _, Some(log)) => {
                log.period = log.period.next();
                Next::Do(crate::app::next::Command::ReloadLog)
            }
            (Action::LogPerson, _, Some(log)) => {
                log.next_person();
                Next::Do(crate::app::next::Command::ReloadLog)
            }
            _ => scrolled(&mut self.scroll, action),
        }
    }
}
