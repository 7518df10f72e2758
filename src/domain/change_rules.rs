//! What a checked change does to a milestone: the plan's rules for the
//! fields it leaves, a reading entered for a past day, and a task marked
//! done. The store applies them inside its write; they live here so that
//! every engine, and every reader, has them in one place.

use super::change::MilestoneChange;
use super::rows::Fields;
use super::status::{Kind, Status};
use super::time_limit::TimeLimit;
use jiff::civil::Date;

impl MilestoneChange {
    /// A reading for a day before the milestone's newest one fills in the
    /// past: it is recorded, but the current value stays the newest
    /// reading's.
    pub fn backdated(value: Option<f64>, day: Date, newest: Option<Date>) -> bool {
        value.is_some() && newest.is_some_and(|n| day < n)
    }

    /// A yes/no task marked done (or its done day moved) records the day it
    /// was done as a reading of 1, so that its date survives and undo can
    /// take it back.
    pub fn done_on(&self, kind: Kind, was: Status) -> bool {
        kind == Kind::YesNo
            && self.status == Some(Status::Done)
            && (was != Status::Done || self.as_of.is_some())
    }

    /// The fields after this change: what it sets, the rest as `before`;
    /// `value` as the new current value unless it is `backdated`.
    pub fn fields_after(&self, before: &Fields, value: Option<f64>, backdated: bool) -> Fields {
        Fields {
            title: self.title.clone().unwrap_or_else(|| before.title.clone()),
            unit: self.unit.clone().unwrap_or_else(|| before.unit.clone()),
            target: self.target.or(before.target),
            current: value.filter(|_| !backdated).or(before.current),
            status: self.status.unwrap_or(before.status),
            due: self.due.map(TimeLimit::Day).or_else(|| before.due.clone()),
            owner: self
                .owner
                .as_ref()
                .map_or_else(|| before.owner.clone(), |o| o.0.clone()),
            lead: self
                .owner
                .as_ref()
                .map_or_else(|| before.lead.clone(), |o| o.1.clone()),
            weight: self.weight.unwrap_or(before.weight),
            baseline: self.baseline.or(before.baseline),
            steps: self
                .steps
                .iter()
                .fold(before.steps.clone(), |s, (year, v)| s.with(*year, *v)),
            indicator: self
                .indicator
                .clone()
                .unwrap_or_else(|| before.indicator.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reading_before_the_newest_fills_in_the_past() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let june = d("2023-06-30");
        assert!(MilestoneChange::backdated(
            Some(1.0),
            june,
            Some(d("2023-09-30"))
        ));
        assert!(!MilestoneChange::backdated(Some(1.0), june, Some(june)));
        assert!(!MilestoneChange::backdated(Some(1.0), june, None));
        assert!(!MilestoneChange::backdated(
            None,
            june,
            Some(d("2023-09-30"))
        ));
    }

    #[test]
    fn a_task_marked_done_records_its_day_once() {
        let done = MilestoneChange {
            status: Some(Status::Done),
            ..MilestoneChange::default()
        };
        assert!(done.done_on(Kind::YesNo, Status::Active));
        assert!(!done.done_on(Kind::YesNo, Status::Done), "already done");
        assert!(
            !done.done_on(Kind::Numeric, Status::Active),
            "a value is its own reading"
        );
        let moved = MilestoneChange {
            as_of: "2023-03-20".parse().ok(),
            ..done
        };
        assert!(
            moved.done_on(Kind::YesNo, Status::Done),
            "its done day moved"
        );
    }
}
