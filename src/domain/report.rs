//! The weekly 工作进展 report as a government office writes it: where the
//! plan stands on a day (截至日期), grouped by 工程 (or direction, area,
//! owner), what changed since the last report, what is in trouble and what
//! falls due next. Built here from plain rows; the formats only lay it out.

use super::pace::{Light, Verdict, elapsed};
use super::rows::{MilestoneRow, Rollup};
use super::standing::{Judging, Standing};
use super::status::{Kind, Status};
use super::time_limit::TimeLimit;
use jiff::civil::Date;
use std::collections::HashMap;

pub use super::changes::{ChangeRow, change_rows};
pub use super::quotes::{Quote, quotes};

/// The newest note of a milestone, as the report quotes it.
#[derive(Debug, Clone, PartialEq)]
pub struct LatestNote {
    pub body: String,
    pub author: String,
    /// An instant, as stored.
    pub at: String,
    /// The day it speaks of (`2023-09-30`).
    pub day: String,
}

/// One line of a group's table: the milestone, its standing on the
/// report's day, and its newest note.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub row: MilestoneRow,
    pub standing: Standing,
    /// 序时进度 of its period on the report's day, when it has a time limit.
    pub elapsed: Option<f64>,
    pub note: Option<LatestNote>,
}

impl Item {
    pub fn light(&self) -> Light {
        self.standing.light
    }

    fn reached(&self) -> bool {
        self.row.status == Status::Done || self.standing.verdict == Verdict::Reached
    }

    fn overdue(&self) -> bool {
        self.standing.verdict == Verdict::Overdue
    }

    /// In trouble: red, overdue, marked 受阻 or 有风险, or owing its first
    /// reading.
    fn problem(&self) -> bool {
        self.light() == Light::Red
            || self.overdue()
            || (self.standing.by_status && self.light() == Light::Yellow)
            || self.standing.reading_late()
    }

    /// Open work with no time limit: what 总体情况 counts as 未设完成时限
    /// and the tables mark so (a past figure is never due; done or
    /// cancelled work needs no time limit any more).
    pub fn undated(&self) -> bool {
        let open = !matches!(self.row.status, Status::Done | Status::Dropped);
        open && self.row.due.is_none() && !self.past_figure()
    }

    /// A past figure: a value with no target, never judged.
    fn past_figure(&self) -> bool {
        self.row.kind == Kind::Numeric && self.row.target.is_none()
    }
}

/// One group (a 工程, a direction, an area, an owner): its items, as
/// indexes into the report's one list of items (a city plan's 100,000
/// items are held once, whatever groups and sections show them).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub name: String,
    pub members: Vec<usize>,
    /// Completion by the roll-up rule (weighted mean progress).
    pub completion: Option<f64>,
    /// The mean 序时进度 of its items that have a time limit.
    pub elapsed: Option<f64>,
    /// 0: a section of its own; 1: a part of the section before it (a
    /// 工程 inside its direction).
    pub depth: u8,
    /// Its items are shown in the parts that follow it, not under it: the
    /// section shows its heading and figures only.
    pub parted: bool,
}

/// 总体情况: how many items by light and by state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub items: usize,
    pub red: usize,
    pub yellow: usize,
    pub green: usize,
    /// Grey: waiting for a first reading or a yearly step.
    pub waiting: usize,
    /// 已取消: out of every other count.
    pub cancelled: usize,
    /// Not judged (no light): a past figure, no target, no time limit.
    pub unjudged: usize,
    pub reached: usize,
    pub overdue: usize,
    /// Open work with no time limit.
    pub undated: usize,
}

/// One change from the history, where it was made and by whom.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeLine {
    /// An instant, as stored.
    pub at: String,
    pub author: String,
    /// Project › milestone, or the project, as it reads now.
    pub place: String,
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A saved baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct BaselineInfo {
    pub name: String,
    /// An instant, as stored.
    pub saved_at: String,
    pub saved_by: String,
    pub items: usize,
}

/// A target or time limit that moved since a baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    pub milestone: i64,
    pub place: String,
    pub unit: String,
    pub target_was: Option<f64>,
    pub target: Option<f64>,
    pub due_was: Option<TimeLimit>,
    pub due: Option<TimeLimit>,
    /// Who changed it last since the baseline, when the history says.
    pub by: Option<String>,
}

impl Moved {
    /// The report's four cells (and the cockpit's line): where, the target
    /// then → now with its change, the time limit then → now, and who.
    pub fn cells(&self) -> [String; 4] {
        use super::progress::format_value;
        let m = self;
        let num = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), format_value);
        let target = if m.target_was == m.target {
            num(m.target)
        } else {
            let delta = match (m.target_was, m.target) {
                (Some(a), Some(b)) => {
                    let d = b - a;
                    format!(" ({}{})", if d >= 0.0 { "+" } else { "" }, format_value(d))
                }
                _ => String::new(),
            };
            format!(
                "{} → {}{delta} {}",
                num(m.target_was),
                num(m.target),
                m.unit
            )
            .trim()
            .to_owned()
        };
        let day =
            |d: &Option<TimeLimit>| d.as_ref().map_or_else(|| "—".into(), ToString::to_string);
        let due = if m.due_was == m.due {
            day(&m.due)
        } else {
            format!("{} → {}", day(&m.due_was), day(&m.due))
        };
        [
            m.place.clone(),
            target,
            due,
            m.by.clone().unwrap_or_else(|| "—".into()),
        ]
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub plan_title: String,
    /// The identity of the plan it was made from: its workbook's rows carry
    /// it, so that one sent back is never applied to another plan.
    pub plan: String,
    /// 截至日期: the day the plan is judged on.
    pub as_of: Date,
    /// 本周进展 starts here.
    pub since: Date,
    /// Who produced it, and when (an instant, as stored).
    pub made_by: String,
    pub made_at: String,
    pub summary: Summary,
    /// Every item, in plan order; the rest point into it.
    pub items: Vec<Item>,
    /// Each direction's, then each 工程's, completion and 序时进度.
    pub directions: Vec<Group>,
    pub programs: Vec<Group>,
    /// The chosen grouping, in plan order.
    pub groups: Vec<Group>,
    /// 本周进展: one row per save, grouped by item.
    pub changes: Vec<ChangeRow>,
    /// 存在问题: red and overdue items, worst first.
    pub problems: Vec<usize>,
    /// 下步计划: open items due after the report's day, within the
    /// period's `next_days`.
    pub next: Vec<usize>,
    /// With `--baseline`: the baseline and what moved since it.
    pub baseline: Option<(BaselineInfo, Vec<Moved>)>,
    /// With `--quotes`: the plan's source quotes (原文), each once, with
    /// where it is quoted.
    pub quotes: Vec<Quote>,
}

/// The report's day and period.
pub struct Period {
    pub as_of: Date,
    pub since: Date,
    pub plan_year: i16,
    pub next_days: i64,
}

impl Period {
    /// A week's report judged on `as_of`: its changes since `since` (the
    /// seven days before, by default), 下步计划 `ahead` days on (see
    /// `ahead_days`). The one place a report's period is reckoned, for
    /// the command line and the cockpit's `R` alike.
    pub fn weekly(as_of: Date, plan_year: i16, since: Option<Date>, ahead: Option<i64>) -> Period {
        let week_before = as_of
            .checked_sub(jiff::Span::new().days(7))
            .unwrap_or(as_of);
        Period {
            as_of,
            since: since.unwrap_or(week_before),
            plan_year,
            next_days: ahead_days(as_of, plan_year, ahead),
        }
    }

    /// The year-end 考核 of `year`: judged on its last day, or on `today`
    /// before it.
    pub fn year_end(year: i16, today: Date) -> Period {
        let as_of = Date::new(year, 12, 31).map_or(today, |last| last.min(today));
        Period {
            as_of,
            since: as_of,
            plan_year: year,
            next_days: 0,
        }
    }
}

/// How far 下步计划 looks from `as_of`: `asked` days, or to the end of
/// next month (as the agenda); in the plan year's last quarter always to
/// its year end, so the year's closing items are never left out.
pub fn ahead_days(as_of: Date, plan_year: i16, asked: Option<i64>) -> i64 {
    let days = asked.unwrap_or_else(|| super::agenda::soon_days(as_of));
    let year_end = Date::new(plan_year, 12, 31).ok();
    match year_end {
        Some(end) if as_of.year() == plan_year && as_of.month() >= 10 => {
            let to_end = as_of.until(end).map_or(0, |s| i64::from(s.get_days()));
            days.max(to_end)
        }
        _ => days,
    }
}

/// Judges `item` on the report's day: its one standing.
pub fn item(row: MilestoneRow, note: Option<LatestNote>, p: &Period) -> Item {
    let standing = row.standing(Judging {
        today: p.as_of,
        year: p.plan_year,
    });
    let start = Date::new(p.plan_year, 1, 1).unwrap_or(p.as_of);
    let due = row.due_date();
    let elapsed = match (standing.pace, standing.goal) {
        // Nothing honest to count time against without the year's step.
        _ if matches!(standing.verdict, Verdict::NoStep { .. }) => None,
        (Some(pace), _) => Some(pace.elapsed),
        (None, Some(goal)) => Some(elapsed(goal.start, goal.end, p.as_of)),
        (None, None) => due.map(|d| elapsed(start.min(d), d, p.as_of)),
    };
    Item {
        row,
        standing,
        elapsed,
        note,
    }
}

/// Group `members` of `items` with its completion and mean 序时进度.
pub fn group(name: String, members: Vec<usize>, items: &[Item]) -> Group {
    let of = || members.iter().filter_map(|&i| items.get(i));
    let measures: Vec<_> = of().map(|i| (i.row.measure(), i.row.weight)).collect();
    let completion = Rollup::weighted(measures.iter().map(|(m, w)| (m, *w))).progress;
    let (sum, n) = of()
        .filter_map(|i| i.elapsed)
        .fold((0.0, 0.0), |(s, n), e| (s + e, n + 1.0));
    Group {
        name,
        members,
        completion,
        elapsed: (n > 0.0).then(|| sum / n),
        depth: 0,
        parted: false,
    }
}

/// Each of `outer` (the directions) with the parts its items fall into by
/// `key` (their 工程) after it, in `order`; its items under no name in a
/// last part `other`. A section none of whose items has a name keeps its
/// items itself. So nothing of a direction lands outside it.
pub fn nested(
    items: &[Item],
    outer: Vec<Group>,
    order: &[String],
    key: impl Fn(&Item) -> Option<String>,
    other: &str,
) -> Vec<Group> {
    let mut out = Vec::new();
    for mut section in outer {
        let mut by: HashMap<String, Vec<usize>> = HashMap::new();
        let mut rest = Vec::new();
        for &i in &section.members {
            match items.get(i).and_then(&key) {
                Some(name) => by.entry(name).or_default().push(i),
                None => rest.push(i),
            }
        }
        if by.is_empty() {
            out.push(section);
            continue;
        }
        let mut parts: Vec<Group> = order
            .iter()
            .filter_map(|n| by.remove(n).map(|m| group(n.clone(), m, items)))
            .collect();
        // A name `order` does not know still gets its part, after the rest.
        let mut unknown: Vec<_> = by.into_iter().collect();
        unknown.sort();
        parts.extend(unknown.into_iter().map(|(n, m)| group(n, m, items)));
        if !rest.is_empty() {
            parts.push(group(other.to_owned(), rest, items));
        }
        section.parted = true;
        out.push(section);
        out.extend(parts.into_iter().map(|mut p| {
            p.depth = 1;
            p
        }));
    }
    out
}

/// Counts by light and state over every item.
pub fn summary<'a>(items: impl IntoIterator<Item = &'a Item>) -> Summary {
    let mut s = Summary::default();
    for i in items {
        s.items += 1;
        match i.light() {
            Light::Red => s.red += 1,
            Light::Yellow => s.yellow += 1,
            Light::Green => s.green += 1,
            Light::Grey => s.waiting += 1,
            Light::Off if i.standing.verdict == Verdict::Cancelled => s.cancelled += 1,
            Light::Off => s.unjudged += 1,
        }
        if i.reached() {
            s.reached += 1;
        }
        if i.overdue() {
            s.overdue += 1;
        }
        if i.undated() {
            s.undated += 1;
        }
    }
    s
}

/// Items in trouble (red, overdue, marked 受阻 or 有风险, owing a first
/// reading): overdue first, then red before the rest, then by time limit,
/// in plan order among equals.
pub fn problems(items: &[Item]) -> Vec<usize> {
    let mut out: Vec<usize> = (0..items.len()).filter(|&i| items[i].problem()).collect();
    out.sort_by(|&a, &b| {
        let (a, b) = (&items[a], &items[b]);
        b.overdue()
            .cmp(&a.overdue())
            .then_with(|| b.light().alarm().cmp(&a.light().alarm()))
            .then_with(|| a.row.due.cmp(&b.row.due))
    });
    out
}

/// Open items due after the report's day and within `days` of it, by time
/// limit.
pub fn next(items: &[Item], p: &Period) -> Vec<usize> {
    let until = p
        .as_of
        .checked_add(jiff::Span::new().days(p.next_days))
        .unwrap_or(p.as_of);
    let due = |i: usize| items[i].row.due_date();
    let mut out: Vec<usize> = (0..items.len())
        .filter(|&i| !matches!(items[i].row.status, Status::Done | Status::Dropped))
        .filter(|&i| due(i).is_some_and(|d| d > p.as_of && d <= until))
        .collect();
    out.sort_by(|&a, &b| items[a].row.due.cmp(&items[b].row.due));
    out
}

/// Splits items into named groups kept in the order `order` gives, each
/// item under the name `key` gives it (several for an area's project);
/// items with no name go last under `other`, if any.
pub fn grouped(
    items: &[Item],
    order: &[String],
    key: impl Fn(&Item) -> Vec<String>,
    other: &str,
) -> Vec<Group> {
    let mut by: HashMap<String, Vec<usize>> = HashMap::new();
    let mut rest = Vec::new();
    for (index, i) in items.iter().enumerate() {
        let names = key(i);
        if names.is_empty() {
            rest.push(index);
        }
        for n in names {
            by.entry(n).or_default().push(index);
        }
    }
    let mut out: Vec<Group> = order
        .iter()
        .filter_map(|n| by.remove(n).map(|members| group(n.clone(), members, items)))
        .collect();
    if !rest.is_empty() {
        out.push(group(other.to_owned(), rest, items));
    }
    out
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
