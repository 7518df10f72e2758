//! Why a project's progress is what it is: each measured milestone's share
//! of the way still to go, worst first. The roll-up rule: a numeric
//! target counts min(value/target, 1) from its baseline, a yes/no task 0
//! or 1, past figures and dropped work not at all; the project's progress
//! is the mean over what counts, weighted by each milestone's weight (1
//! unless set), so each item's share of the shortfall is its weighted
//! shortfall over the sum of them.

use super::rows::MilestoneRow;

#[derive(Debug, Clone, PartialEq)]
pub struct Pull {
    pub row: MilestoneRow,
    /// Its own progress, 0..=1.
    pub progress: f64,
    /// Its share of what the project still lacks, 0..=1.
    pub share: f64,
}

/// The milestones that hold the project below 100 %, worst first (ties in
/// plan order), and the project's progress by the same rule.
pub fn pulling_down(rows: Vec<MilestoneRow>) -> (Option<f64>, Vec<Pull>) {
    let measured: Vec<(MilestoneRow, f64)> = rows
        .into_iter()
        .filter_map(|m| m.measure().progress().map(|p| (m, p)))
        .collect();
    if measured.is_empty() {
        return (None, Vec::new());
    }
    let weight: f64 = measured.iter().map(|(m, _)| m.weight).sum();
    let mean = measured.iter().map(|(m, p)| m.weight * p).sum::<f64>() / weight;
    let lacking: f64 = measured.iter().map(|(m, p)| m.weight * (1.0 - p)).sum();
    (
        Some(mean),
        pulls_of(measured.into_iter().map(|(m, _)| m), lacking),
    )
}

/// The pulls of `rows` (any order, any subset of a group's measured
/// milestones: a pane's worst few hundred), worst first, each with its
/// share of `lacking`, the whole group's shortfall: the sum over all its
/// measured milestones of 1 − progress.
/// Among pulls of an equal share, the ones in more trouble first: `alarm`
/// ranks each (a red light above a yellow one above none); plan order
/// stays among equals. Twenty untouched tasks all lack the same share: the
/// overdue ones are what a planner chases first.
pub fn alarming_first(pulls: &mut [Pull], alarm: impl Fn(&MilestoneRow) -> u8) {
    pulls.sort_by(|a, b| {
        b.share
            .total_cmp(&a.share)
            .then_with(|| alarm(&b.row).cmp(&alarm(&a.row)))
    });
}

pub fn pulls_of(rows: impl IntoIterator<Item = MilestoneRow>, lacking: f64) -> Vec<Pull> {
    let mut pulls: Vec<Pull> = rows
        .into_iter()
        .filter_map(|row| {
            let progress = row.measure().progress()?;
            (progress < 1.0 && lacking > 0.0).then(|| Pull {
                share: row.weight * (1.0 - progress) / lacking,
                row,
                progress,
            })
        })
        .collect();
    // Stable: equal shares stay in plan order.
    pulls.sort_by(|a, b| b.share.total_cmp(&a.share));
    pulls
}
