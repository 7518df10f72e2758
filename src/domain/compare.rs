//! Years side by side: a plan against an earlier one of its unit — each
//! 方向's and 工程's year-end counts in both years, and every target carried
//! from the earlier plan with each year's goal, achievement and outcome.
//! The link is the carried item's `origin` (the earlier plan's identity
//! and the item's id there), never a title that may have been reworded.

use super::report::Report;
use super::year_end::{Outcome, Tally, YearEnd, outcome};
use std::collections::HashMap;

/// One group's counts in both years; None where the year has no such group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearPair {
    pub name: String,
    pub earlier: Option<Tally>,
    pub later: Option<Tally>,
}

/// One side of a target followed across years.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Side {
    /// Into its report's items.
    pub item: usize,
    /// That year's goal (its step of a multi-year target, else the target).
    pub goal: Option<f64>,
    pub outcome: Outcome,
}

/// A target carried over: the later plan's item and, when the earlier
/// plan still holds it, where it stood there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linked {
    pub later: Side,
    pub earlier: Option<Side>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub earlier_year: i16,
    pub later_year: i16,
    pub total: YearPair,
    /// The later plan's directions and 工程 in its order, then those only
    /// the earlier plan had.
    pub groups: Vec<YearPair>,
    pub linked: Vec<Linked>,
}

/// `later` (its year-end so far) against `earlier` (its year-end), the
/// earlier plan being `earlier_identity`.
pub fn compare(
    earlier: (&Report, &YearEnd),
    earlier_identity: &str,
    later: (&Report, &YearEnd),
) -> Comparison {
    let (er, eye) = earlier;
    let (lr, lye) = later;
    let mut groups: Vec<YearPair> = lye
        .tallies
        .iter()
        .map(|t| YearPair {
            name: t.name.clone(),
            earlier: eye.tallies.iter().find(|e| e.name == t.name).cloned(),
            later: Some(t.clone()),
        })
        .collect();
    for t in &eye.tallies {
        if !groups.iter().any(|g| g.name == t.name) {
            groups.push(YearPair {
                name: t.name.clone(),
                earlier: Some(t.clone()),
                later: None,
            });
        }
    }
    groups.retain(|g| {
        g.earlier.as_ref().is_some_and(|t| t.items > 0)
            || g.later.as_ref().is_some_and(|t| t.items > 0)
    });
    let side = |r: &Report, ye: &YearEnd, item: usize| {
        let assessed = ye.rows.iter().find(|a| a.item == item);
        let i = &r.items[item];
        Side {
            item,
            goal: assessed.map_or_else(
                || i.standing.goal.map(|g| g.value).or(i.row.target),
                |a| a.goal,
            ),
            outcome: assessed.map_or_else(|| outcome(i), |a| a.outcome),
        }
    };
    let by_id: HashMap<i64, usize> = er
        .items
        .iter()
        .enumerate()
        .map(|(n, i)| (i.row.id, n))
        .collect();
    let prefix = format!("{earlier_identity}#");
    let linked = lr
        .items
        .iter()
        .enumerate()
        .filter_map(|(n, i)| {
            let id: i64 = i.row.origin.strip_prefix(&prefix)?.parse().ok()?;
            Some(Linked {
                later: side(lr, lye, n),
                earlier: by_id.get(&id).map(|&e| side(er, eye, e)),
            })
        })
        .collect();
    Comparison {
        earlier_year: eye.year,
        later_year: lye.year,
        total: YearPair {
            name: lye.total.name.clone(),
            earlier: Some(eye.total.clone()),
            later: Some(lye.total.clone()),
        },
        groups,
        linked,
    }
}
