//! What the plans side by side do: read every plan of the database with
//! where it stands, and leave this plan for another (the cockpit is opened
//! again on it by whoever started it: `App::switch_to`).

use crate::app::App;
use crate::app::layers::plans::{PlanRow, PlansView};
use crate::app::overlay::Overlay;

impl App {
    /// `P`: the plans, this one first, then by unit and year.
    pub(in crate::app) fn open_plans(&mut self) {
        let today = self.today.to_string();
        let read = match &self.plans_folder {
            Some(dir) => crate::store::folder_standings(dir, self.store.path(), &today),
            None => self.store.plan_standings(&today),
        };
        let mut all = match read {
            Ok(all) => all,
            Err(e) => return self.failed(&e),
        };
        all.sort_by(|a, b| {
            (a.place.is_some(), &a.plan.unit, a.plan.year).cmp(&(
                b.place.is_some(),
                &b.plan.unit,
                b.plan.year,
            ))
        });
        let rows = all
            .iter()
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
            .collect();
        self.plan_places = all.into_iter().map(|s| s.place).collect();
        self.overlays.push(Overlay::Plans(PlansView::new(rows)));
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
        let today = self.today.to_string();
        let read = match &self.plans_folder {
            Some(dir) => crate::store::folder_standings(dir, self.store.path(), &today),
            None => self.store.plan_standings(&today),
        };
        let all = match read {
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
        let Some(Some(place)) = self.plan_places.get(row).cloned() else {
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
