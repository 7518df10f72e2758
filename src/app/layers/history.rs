//! The history layer: one milestone's changes, everything changed under a
//! project (or its whole pane), or the whole plan's log over a period and
//! by one person; newest first, who and when (and where).

use crate::app::keymap::{Action, Layer};
use crate::app::next::{Layered, Next};
use crate::app::overlay::{Overlay, scrolled};
use crate::app::pane::Depth;
use crate::app::{App, HISTORY_LIMIT};
use crate::domain::dates::Period;
use crate::domain::report::ChangeLine;
use crate::store;

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

impl App {
    /// `H` on a milestone: its history; on a project in the list: every
    /// change to it and under it.
    pub(in crate::app) fn open_history(&mut self) {
        let Some(pane) = self.focused() else { return };
        if pane.depth() == Depth::Projects {
            let Some(p) = pane.projects.selected().map(|p| (p.id, p.name.clone())) else {
                return self.fail(self.ui().choose_project);
            };
            let filter = store::LogFilter {
                project: Some(p.0),
                limit: Some(HISTORY_LIMIT),
                ..store::LogFilter::default()
            };
            let group = pane.group.group.clone();
            return match self.store.changes(&filter) {
                Ok(rows) => self.overlays.push(Overlay::History(History {
                    pane: Some(group),
                    title: p.1,
                    rows,
                    scroll: 0,
                    log: None,
                })),
                Err(e) => self.failed(&e),
            };
        }
        let Some((id, title)) = pane.selected_milestone().map(|m| (m.id, m.title.clone())) else {
            return self.fail(self.ui().choose_milestone);
        };
        let rows = self.store.history_of(id, HISTORY_LIMIT).map(|rows| {
            rows.into_iter()
                .map(|h| ChangeLine {
                    at: h.at,
                    author: h.author,
                    place: String::new(),
                    field: h.field,
                    old: h.old,
                    new: h.new,
                })
                .collect()
        });
        match rows {
            Ok(rows) => self.overlays.push(Overlay::History(History {
                pane: None,
                title,
                rows,
                scroll: 0,
                log: None,
            })),
            Err(e) => self.failed(&e),
        }
    }

    /// `a` in a project's history: every change under the whole pane.
    pub(in crate::app) fn open_pane_history(&mut self) {
        let Some(Overlay::History(h)) = self.overlays.last() else {
            return;
        };
        let Some(group) = h.pane.clone() else { return };
        let name = self
            .panes
            .iter()
            .find(|p| p.group.group == group)
            .map(|p| self.pane_name(&p.group))
            .unwrap_or_default();
        let filter = store::LogFilter {
            group: Some(group),
            limit: Some(HISTORY_LIMIT),
            ..store::LogFilter::default()
        };
        match self.store.changes(&filter) {
            Ok(rows) => {
                if let Some(Overlay::History(h)) = self.overlays.last_mut() {
                    *h = History {
                        pane: None,
                        title: name,
                        rows,
                        scroll: 0,
                        log: None,
                    };
                }
            }
            Err(e) => self.failed(&e),
        }
    }

    /// `C`: the whole plan's changes since this week's Monday.
    pub(in crate::app) fn open_plan_log(&mut self) {
        self.overlays.push(Overlay::History(History {
            pane: None,
            title: String::new(),
            rows: Vec::new(),
            scroll: 0,
            log: Some(PlanLog {
                period: Period::ThisWeek,
                person: None,
                people: Vec::new(),
                since: None,
            }),
        }));
        self.reload_plan_log();
    }

    /// The plan-wide log read again for its period and person (after `d`
    /// or `p`), newest first, the newest `HISTORY_LIMIT` of them.
    pub(in crate::app) fn reload_plan_log(&mut self) {
        let Some(Overlay::History(History { log: Some(log), .. })) = self.overlays.last() else {
            return;
        };
        let mut log = log.clone();
        let today = self.today.parse::<jiff::civil::Date>().ok();
        log.since = today.and_then(|t| log.period.since(t));
        let filter = store::LogFilter {
            since: log.since.map(|d| self.clock().start_of(d)),
            user: log.person.clone(),
            limit: Some(HISTORY_LIMIT),
            ..store::LogFilter::default()
        };
        let rows = match self.store.changes(&filter) {
            Ok(rows) => rows,
            Err(e) => return self.failed(&e),
        };
        if log.person.is_none() {
            log.people.clear();
            for r in &rows {
                if !log.people.contains(&r.author) {
                    log.people.push(r.author.clone());
                }
            }
        }
        if let Some(Overlay::History(h)) = self.overlays.last_mut() {
            h.rows = rows;
            h.scroll = 0;
            h.log = Some(log);
        }
    }
}
