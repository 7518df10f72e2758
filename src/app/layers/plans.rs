//! The plans side by side (`P`): every plan of the database the planner may
//! read — a city's units and each unit's years, on a server; the one plan
//! of a file — with where each stands; Enter leaves this plan for the one
//! chosen. Counted by the database, so a city of 96 plans answers at once.

use crate::app::keymap::{Action, Layer};
use crate::app::next::{Command, Layered, Next};
use crate::app::pane;

/// One plan as the layer shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRow {
    pub unit: String,
    pub year: i64,
    pub title: String,
    pub items: i64,
    pub done: i64,
    pub overdue: i64,
    /// Mean completion, 0–1.
    pub progress: Option<f64>,
    /// Each direction's items and mean completion.
    pub directions: Vec<(String, i64, Option<f64>)>,
    /// The plan open now.
    pub current: bool,
}

pub struct PlansView {
    pub rows: Vec<PlanRow>,
    /// The rows shown, into `rows`: every plan, or (the 城市 view) the open
    /// plan's year, a unit each.
    pub shown: Vec<usize>,
    pub sel: usize,
    /// `c`: the city — the open plan's year, unit by unit, direction by
    /// direction.
    pub city: bool,
    /// No answer yet: the worker is reading.
    pub loading: bool,
}

impl PlansView {
    pub fn new(rows: Vec<PlanRow>) -> PlansView {
        let shown = (0..rows.len()).collect();
        PlansView {
            rows,
            shown,
            sel: 0,
            city: false,
            loading: false,
        }
    }

    /// A fresh answer in place of the one shown: the view (all plans or
    /// the city) and the selection kept as far as they still fit.
    pub fn refill(&mut self, rows: Vec<PlanRow>) {
        let (city, sel) = (self.city, self.sel);
        self.rows = rows;
        self.loading = false;
        self.city = false;
        self.shown = (0..self.rows.len()).collect();
        if city {
            self.toggle_city();
        }
        self.sel = sel.min(self.shown.len().saturating_sub(1));
    }

    /// The open plan's year.
    pub fn year(&self) -> Option<i64> {
        self.rows.iter().find(|r| r.current).map(|r| r.year)
    }

    fn toggle_city(&mut self) {
        self.city = !self.city;
        let year = self.year();
        let mut shown: Vec<usize> = (0..self.rows.len())
            .filter(|&i| !self.city || Some(self.rows[i].year) == year)
            .collect();
        if self.city {
            shown.sort_by(|&a, &b| self.rows[a].unit.cmp(&self.rows[b].unit));
        }
        self.shown = shown;
        self.sel = 0;
    }
}

impl Layered for PlansView {
    fn layer(&self) -> Layer {
        Layer::Plans
    }

    fn update(&mut self, action: Action) -> Next {
        let n = self.shown.len();
        let row = self.shown.get(self.sel).copied();
        match action {
            Action::Cancel => return Next::Close,
            Action::Down => self.sel = pane::moved(self.sel, n, 1),
            Action::Up => self.sel = pane::moved(self.sel, n, -1),
            Action::City => self.toggle_city(),
            Action::Submit => match row {
                Some(i) if self.rows[i].current => return Next::Close,
                Some(i) => return Next::Do(Command::OpenPlan(i)),
                None => {}
            },
            _ => {}
        }
        Next::Stay
    }
}
