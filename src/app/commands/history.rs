//! What the history views' commands do: read a project's, a milestone's or the plan's log.

use crate::app::layers::history::{History, PlanLog};
use crate::app::overlay::Overlay;
use crate::app::pane::Depth;
use crate::app::{App, HISTORY_LIMIT};
use crate::domain::dates::Period;
use crate::domain::report::ChangeLine;
use crate::store;

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
        log.since = log.period.since(self.today);
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
