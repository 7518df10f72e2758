//! The year-end 考核: every item the year answers for — due in the year, or
//! a multi-year target judged by the year's step — with its year's goal,
//! what was achieved by the year's last day, and 完成 or 未完成; and the
//! counts by 方向 and 工程. Built from the weekly report's items judged on
//! 31 December (or on the day asked, before it).

use super::pace::Verdict;
use super::report::{Group, Item, Report};
use super::status::{Kind, Status};

/// What the year made of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    NotDone,
    /// A target running past the year with no step for it: not judged.
    NoStep,
}

/// One item of the assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessed {
    /// Into the report's items.
    pub item: usize,
    /// The year's goal: the step of a multi-year target, else its target.
    pub goal: Option<f64>,
    pub outcome: Outcome,
}

/// A direction's or 工程's count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub name: String,
    pub items: usize,
    pub done: usize,
    pub not_done: usize,
    pub no_step: usize,
}

impl Tally {
    /// 完成率: done of those judged (an item with no step is not judged).
    pub fn rate(&self) -> Option<f64> {
        let judged = self.done + self.not_done;
        #[allow(clippy::cast_precision_loss)]
        (judged > 0).then(|| self.done as f64 / judged as f64)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct YearEnd {
    pub year: i16,
    pub rows: Vec<Assessed>,
    /// The whole year, then each direction, then each 工程.
    pub total: Tally,
    pub tallies: Vec<Tally>,
}

/// Whether `item` is the year's: due in `year`, or due later and judged
/// by (or waiting for) the year's step. Cancelled work and past figures
/// are not.
fn of_the_year(item: &Item, year: i16, plan_year: i16) -> bool {
    if item.row.status == Status::Dropped {
        return false;
    }
    match item.row.due_date().map(jiff::civil::Date::year) {
        Some(y) if y == year => true,
        // Due in an earlier year and still in this year's plan (carried
        // over unfinished): the year answers for it.
        Some(y) if y < year => year == plan_year,
        Some(y) if y > year => {
            matches!(item.standing.verdict, Verdict::NoStep { .. })
                || item.standing.goal.is_some_and(|g| g.step_of == Some(year))
        }
        _ => false,
    }
}

pub fn outcome(item: &Item) -> Outcome {
    if matches!(item.standing.verdict, Verdict::NoStep { .. }) {
        Outcome::NoStep
    } else if item.row.status == Status::Done || item.standing.verdict == Verdict::Reached {
        Outcome::Done
    } else {
        Outcome::NotDone
    }
}

fn tally(name: &str, rows: &[Assessed], members: impl Fn(usize) -> bool) -> Tally {
    let mut t = Tally {
        name: name.to_owned(),
        items: 0,
        done: 0,
        not_done: 0,
        no_step: 0,
    };
    for a in rows.iter().filter(|a| members(a.item)) {
        t.items += 1;
        match a.outcome {
            Outcome::Done => t.done += 1,
            Outcome::NotDone => t.not_done += 1,
            Outcome::NoStep => t.no_step += 1,
        }
    }
    t
}

/// The assessment of `year` from `r`'s items, in plan order. A year before
/// the plan's (`plan_year`) has none of its items.
pub fn assess(r: &Report, year: i16, plan_year: i16, total_name: &str) -> YearEnd {
    let rows: Vec<Assessed> = r
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| year >= plan_year && of_the_year(i, year, plan_year))
        .map(|(index, i)| {
            let outcome = outcome(i);
            Assessed {
                item: index,
                // A target with no step for the year has no goal this year:
                // its whole target is not what the year is judged by.
                goal: match (i.row.kind, outcome) {
                    (Kind::YesNo, _) | (_, Outcome::NoStep) => None,
                    (Kind::Numeric, _) => i.standing.goal.map(|g| g.value).or(i.row.target),
                },
                outcome,
            }
        })
        .collect();
    let in_group = |g: &Group| {
        let members: std::collections::HashSet<usize> = g.members.iter().copied().collect();
        move |i: usize| members.contains(&i)
    };
    let tallies = r
        .directions
        .iter()
        .chain(&r.programs)
        .map(|g| tally(&g.name, &rows, in_group(g)))
        .collect();
    YearEnd {
        year,
        total: tally(total_name, &rows, |_| true),
        rows,
        tallies,
    }
}
