//! What holds a project or a pane back, in the order a planner chases it
//! (`x`, `X`): by each item's one standing, the items in trouble first (red,
//! then yellow), each group by its real lag — how many points it is behind
//! 序时进度 (or its year's step), times its weight — ties by lag, then by
//! time limit; below them the items that wait for a first reading, then
//! those that wait for a yearly step. Reached, cancelled and unjudged work
//! is not listed.

use super::pace::Verdict;
use super::rows::MilestoneRow;
use super::standing::{Judging, Standing};
use super::time_limit::TimeLimit;
use std::cmp::Ordering;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Pull {
    pub row: MilestoneRow,
    pub standing: Standing,
    /// Points behind 序时进度 times the weight.
    pub lag: f64,
    /// Its title repeats in the list: say its project with it.
    pub name_project: bool,
}

/// Where `standing` ranks, as a key that sorts the worst first; None when
/// it is not listed at all.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rank {
    group: u8,
    alarm: u8,
    lag: f64,
}

impl Rank {
    pub fn of(standing: &Standing, weight: f64) -> Option<Rank> {
        let group = standing.group();
        if group > 2 || standing.verdict == Verdict::Reached {
            return None;
        }
        Some(Rank {
            group,
            alarm: standing.light.alarm(),
            lag: standing.lag(weight),
        })
    }

    /// Worst first: the group, then red before yellow before the rest, then
    /// the larger lag.
    pub fn worse_first(&self, other: &Rank) -> Ordering {
        self.group
            .cmp(&other.group)
            .then_with(|| other.alarm.cmp(&self.alarm))
            .then_with(|| other.lag.total_cmp(&self.lag))
    }
}

/// The listed rows of `rows`, judged `on`, worst first (by time limit among
/// equals, undated last, then in the order given).
pub fn ranked(rows: impl IntoIterator<Item = MilestoneRow>, on: Judging) -> Vec<Pull> {
    let mut pulls: Vec<(Rank, Pull)> = rows
        .into_iter()
        .filter_map(|row| {
            let standing = row.standing(on);
            let rank = Rank::of(&standing, row.weight)?;
            Some((
                rank,
                Pull {
                    lag: rank.lag,
                    standing,
                    row,
                    name_project: false,
                },
            ))
        })
        .collect();
    // Stable: equal ranks stay in the order given (plan order).
    pulls.sort_by(|(a, pa), (b, pb)| {
        a.worse_first(b)
            .then_with(|| due_order(pa.row.due.as_ref(), pb.row.due.as_ref()))
    });
    let mut pulls: Vec<Pull> = pulls.into_iter().map(|(_, p)| p).collect();
    name_repeated_titles(&mut pulls);
    pulls
}

/// Earlier time limits first; no time limit last.
pub fn due_order(a: Option<&TimeLimit>, b: Option<&TimeLimit>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// `加快推进项目建设进度` ×3 says nothing until each says its project.
fn name_repeated_titles(pulls: &mut [Pull]) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for p in pulls.iter() {
        *seen.entry(p.row.title.as_str()).or_default() += 1;
    }
    let repeated: Vec<bool> = pulls
        .iter()
        .map(|p| seen[p.row.title.as_str()] > 1)
        .collect();
    for (p, r) in pulls.iter_mut().zip(repeated) {
        p.name_project = r;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::standing::Said;
    use crate::domain::trend::Trend;
    use crate::domain::yearly::YearSteps;
    use crate::domain::{Kind, Status};

    fn row(id: i64, title: &str, current: Option<f64>, target: f64, due: &str) -> MilestoneRow {
        MilestoneRow {
            id,
            direction: "新产业".into(),
            direction_en: String::new(),
            program: None,
            project: format!("项目{id}"),
            title: title.into(),
            kind: Kind::Numeric,
            unit: String::new(),
            baseline: None,
            target: Some(target),
            current,
            due: Some(TimeLimit::from_stored(due.into())),
            status: Status::Active,
            version: 1,
            updated_at: String::new(),
            updated_by: String::new(),
            owner: String::new(),
            lead: String::new(),
            project_owner: String::new(),
            project_lead: String::new(),
            weight: 1.0,
            project_id: id,
            position: id,
            steps: YearSteps::default(),
            said: Said::default(),
            trend: Trend::default(),
            origin: String::new(),
            indicator: String::new(),
        }
    }

    /// 新产业 on 11-27: the 2025 targets without a 2023 step and the
    /// targets with no reading rank below the real laggards, whose order is
    /// their lag; a repeated title names its project.
    #[test]
    fn the_real_laggards_come_first() {
        let on = Judging {
            today: "2023-11-27".parse().unwrap(),
            year: 2023,
        };
        let task = MilestoneRow {
            kind: Kind::YesNo,
            target: None,
            current: None,
            ..row(7, "年内投产", None, 0.0, "2025-12-31")
        };
        let rows = vec![
            row(1, "高新技术企业", Some(100.0), 600.0, "2025-12-31"),
            row(2, "储能产业产值", Some(35.2), 50.0, "2023-12-31"),
            row(3, "数字化评估", Some(360.0), 500.0, "2023-12-31"),
            row(4, "数字化改造", Some(130.0), 220.0, "2023-12-31"),
            row(5, "加快推进项目建设进度", None, 10.0, "2023-12-31"),
            row(6, "加快推进项目建设进度", Some(10.0), 10.0, "2023-12-31"),
            task,
        ];
        let pulls = ranked(rows, on);
        let ids: Vec<i64> = pulls.iter().map(|p| p.row.id).collect();
        // 改造 59 % (lag ~31), 储能 70 % (~19), 评估 72 % (~18): all red;
        // the open task is green; then no data; then no step. Reached: gone.
        assert_eq!(ids, vec![4, 2, 3, 7, 5, 1]);
        assert!(pulls[0].lag > pulls[1].lag && pulls[1].lag > pulls[2].lag);
        let named: Vec<bool> = pulls.iter().map(|p| p.name_project).collect();
        assert_eq!(named, vec![false, false, false, false, false, false]);
    }

    #[test]
    fn repeated_titles_name_their_project() {
        let on = Judging {
            today: "2023-11-27".parse().unwrap(),
            year: 2023,
        };
        let rows = vec![
            row(1, "年内投产", Some(1.0), 10.0, "2023-12-31"),
            row(2, "年内投产", Some(2.0), 10.0, "2023-12-31"),
            row(3, "其他", Some(3.0), 10.0, "2023-12-31"),
        ];
        let named: Vec<bool> = ranked(rows, on).iter().map(|p| p.name_project).collect();
        assert_eq!(named, vec![true, true, false]);
    }
}
