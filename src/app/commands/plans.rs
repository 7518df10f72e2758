//! What the plans side by side do: ask the plans worker for every plan of
//! the store with where it stands (see `plans_read`), show its answers, and
//! leave this plan for another (the cockpit is opened again on it by whoever
//! started it: `App::switch_to`).

use crate::app::App;
use crate::app::layers::plans::{PlanRow, PlansView};
use crate::app::overlay::Overlay;
use crate::app::plans_read::{PlansAsk, PlansRead};
use crate::store::PlanStanding;

impl App {
    fn plans_ask(&self) -> PlansAsk {
        PlansAsk {
            today: self.today.to_string(),
            folder: self.plans_folder.clone(),
            open: self.store.path().to_path_buf(),
            earlier: true,
        }
    }

    /// A store of many plans is asked about once at start, so that `P`
    /// has an answer to show at once.
    pub fn ask_plans_early(&mut self) {
        if self.plans_folder.is_some() || self.store.location().is_server() {
            self.plans_asked = Some(self.plans_ask());
        }
    }

    /// The question for the plans worker, once.
    pub fn plans_wanted(&mut self) -> Option<PlansAsk> {
        self.plans_asked.take()
    }

    /// `P`: the last answer at once (or a word that it is coming), and a
    /// fresh one asked for.
    pub(in crate::app) fn open_plans(&mut self) {
        let rows = self.plans_known.as_deref().map(plan_rows);
        let loading = rows.is_none();
        let mut view = PlansView::new(rows.unwrap_or_default());
        view.loading = loading;
        self.overlays.push(Overlay::Plans(view));
        self.plans_asked = Some(self.plans_ask());
    }

    /// The worker's answer: kept, and shown if the plans are open (where
    /// the planner was in them kept).
    pub(in crate::app) fn plans_read(&mut self, read: Result<PlansRead, String>) -> bool {
        let all = match read {
            Ok(PlansRead { mut all, earlier }) => {
                self.earlier = earlier;
                sort(&mut all);
                all
            }
            Err(why) => {
                if matches!(self.overlays.last(), Some(Overlay::Plans(_))) {
                    self.fail(&why);
                    return true;
                }
                return false;
            }
        };
        let rows = plan_rows(&all);
        self.plans_known = Some(all);
        if let Some(Overlay::Plans(view)) = self.overlays.last_mut() {
            view.refill(rows);
            return true;
        }
        false
    }

    /// `O` on a carried item: the earlier plan it came from, opened at it
    /// (its history there is `H` away), when the store holds that plan.
    pub(in crate::app) fn open_origin(&mut self) {
        let origin = self
            .focused()
            .and_then(|p| p.selected_milestone())
            .map(|m| m.origin.clone())
            .unwrap_or_default();
        let Some((identity, id)) = origin
            .rsplit_once('#')
            .and_then(|(i, id)| Some((i.to_owned(), id.parse::<i64>().ok()?)))
        else {
            return self.fail(self.lang.not_carried());
        };
        let known = self.plans_known.clone().map(Ok);
        let all = match known.unwrap_or_else(|| {
            // The plans alone, here and now: the earlier items are not needed.
            let none = |_: &crate::store::Location| -> crate::store::Result<crate::store::Store> {
                Err(crate::store::Error::Internal("not asked".into()))
            };
            let ask = PlansAsk {
                earlier: false,
                ..self.plans_ask()
            };
            crate::app::plans_read::answer(Some(&self.store), &ask, &none).map(|r| r.all)
        }) {
            Ok(all) => all,
            Err(e) => return self.failed(&e),
        };
        match all.into_iter().find(|s| s.plan.identity == identity) {
            Some(s) => match s.place {
                Some(place) => {
                    self.switch_to = Some(place);
                    self.then_go_to = Some(id);
                    if self.has_unsaved_text() {
                        self.switch_to = None;
                    } else {
                        self.quit = true;
                    }
                }
                None => self.go_to_milestone(id),
            },
            None => self.fail(self.lang.origin_elsewhere()),
        }
    }

    /// Opened again at an item (`then_go_to`): it is shown, selected.
    pub fn open_at(&mut self, id: i64) {
        self.go_to_milestone(id);
    }

    /// Enter on another plan: the cockpit closes, as `q` would (never over
    /// typed text), and is opened again on it.
    pub(in crate::app) fn open_plan_at(&mut self, row: usize) {
        // The rows are the known plans, in the order kept.
        let place = self
            .plans_known
            .as_ref()
            .and_then(|all| all.get(row)?.place.clone());
        let Some(place) = place else {
            return;
        };
        self.overlays.pop();
        self.switch_to = Some(place);
        if self.has_unsaved_text() {
            self.switch_to = None;
            return;
        }
        self.quit = true;
    }
}

/// This plan first, then by unit and year.
fn sort(all: &mut [PlanStanding]) {
    all.sort_by(|a, b| {
        (a.place.is_some(), &a.plan.unit, a.plan.year).cmp(&(
            b.place.is_some(),
            &b.plan.unit,
            b.plan.year,
        ))
    });
}

fn plan_rows(all: &[PlanStanding]) -> Vec<PlanRow> {
    all.iter()
        .map(|s| PlanRow {
            unit: s.plan.unit.clone(),
            year: s.plan.year,
            title: s.plan.title.clone(),
            items: s.items,
            done: s.done,
            overdue: s.overdue,
            progress: s.progress,
            directions: s.directions.clone(),
            current: s.place.is_none(),
        })
        .collect()
}
