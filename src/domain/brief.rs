//! The one-page 领导版 (a brief for the 党工委 meeting): what of the weekly
//! report fits a page — the headline counts, the worst red items and what
//! falls due next, each list cut to a few with how many more there are.

use super::pace::Light;
use super::report::Report;

/// How many red items and coming items a page holds beside its chart.
pub const TOP_RED: usize = 5;
pub const TOP_NEXT: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brief {
    /// The worst red items, as 存在问题 orders them (overdue first).
    pub red: Vec<usize>,
    /// Red items beyond those shown.
    pub red_more: usize,
    /// 存在问题's other items (flagged, owing a reading, not red).
    pub other_problems: usize,
    /// The first items of 下步计划 not in `red`, by time limit and the
    /// worst first among those due on one day.
    pub next: Vec<usize>,
    pub next_more: usize,
}

/// The brief of `r`: indexes into its items.
pub fn brief(r: &Report) -> Brief {
    let red: Vec<usize> = r
        .problems
        .iter()
        .copied()
        .filter(|&i| r.items[i].light() == Light::Red)
        .collect();
    let other_problems = r.problems.len() - red.len();
    let red_more = red.len().saturating_sub(TOP_RED);

    // The year's last weeks bring tens of items due on one day: those in
    // trouble first among them.
    // What the red list shows already is not said twice.
    let shown: Vec<usize> = red.iter().copied().take(TOP_RED).collect();
    let mut next: Vec<usize> = r
        .next
        .iter()
        .copied()
        .filter(|i| !shown.contains(i))
        .collect();
    next.sort_by(|&a, &b| {
        let (a, b) = (&r.items[a], &r.items[b]);
        a.row
            .due
            .cmp(&b.row.due)
            .then_with(|| b.light().alarm().cmp(&a.light().alarm()))
    });
    let next_more = next.len().saturating_sub(TOP_NEXT);
    Brief {
        red: shown,
        red_more,
        other_problems,
        next: next.into_iter().take(TOP_NEXT).collect(),
        next_more,
    }
}
