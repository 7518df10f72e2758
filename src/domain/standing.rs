//! One honest standing per item: the one judgement every view shows (list
//! rows, agenda, detail, headings, `x`/`X`, lenses, reports, `milestone
//! list`). From one milestone's row alone (its value, target, 基数, yearly
//! steps, time limit, status, who set the status, and the sums of its
//! readings' line) and the day and plan year judged, it gives a verdict, a
//! light and the pace behind them. Nothing else decides a light.
//!
//! The rules, in order (the README's table says the same):
//! 1. 已取消 is out of every count; no time limit or no target is not
//!    judged.
//! 2. A target due after the plan year is judged by that year's step
//!    (分年度目标), from its 基数, over the plan year; without a step it
//!    waits for one (未设年度目标, grey).
//! 3. A target with no value waits for its first reading (暂无填报, grey),
//!    owed by the end of the first quarter of its period; once its period
//!    is over it is overdue (red) like any other.
//! 4. Otherwise the numbers: reached, overdue, the readings' line at the
//!    period's end, or 序时进度.
//! 5. The planner's status counts over all of it: 已完成 is done, 受阻
//!    red, 有风险 at least yellow.

use super::pace::{LIGHTS, Light, Pace, Verdict, days_between, elapsed};
use super::progress::Measure;
use super::status::{Kind, Status};
use super::trend::Trend;
use super::yearly::YearSteps;
use jiff::civil::Date;

/// Who last set the status and when (an RFC 3339 instant, as stored).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Said {
    pub at: String,
    pub by: String,
}

/// Everything about one milestone its standing is made of.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub measure: Measure,
    pub due: Option<Date>,
    pub steps: &'a YearSteps,
    pub trend: &'a Trend,
}

/// The day judged and the plan's year. The year judged is the plan's, or
/// the day's once the plan's year is over (a 2023 plan still open in 2024
/// judges a 2025 target by its 2024 step).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Judging {
    pub today: Date,
    pub year: i16,
}

impl Judging {
    pub fn judged_year(&self) -> i16 {
        self.year.max(self.today.year())
    }
}

/// What an item is judged against this plan year: the target, or the
/// year's step of a target that runs longer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Goal {
    pub value: f64,
    /// 基数: where the period starts from.
    pub base: f64,
    pub start: Date,
    pub end: Date,
    /// Set when `value` is the step of this year, not the whole target.
    pub step_of: Option<i16>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    pub verdict: Verdict,
    pub light: Light,
    pub pace: Option<Pace>,
    pub goal: Option<Goal>,
    /// The planner's status decided it (受阻, 有风险, 已完成 over the numbers):
    /// the reason then names who set it and when.
    pub by_status: bool,
}

impl Standing {
    fn plain(verdict: Verdict, light: Light) -> Standing {
        Standing {
            verdict,
            light,
            pace: None,
            goal: None,
            by_status: false,
        }
    }

    /// How far behind, in points of 序时进度 times the item's weight: what
    /// `x`/`X` rank by. An overdue task lacks all of it; work that is not
    /// behind lacks nothing.
    pub fn lag(&self, weight: f64) -> f64 {
        let points = match (self.verdict, self.pace) {
            (Verdict::Reached, _) => 0.0,
            (_, Some(p)) => (-p.gap_points).max(0.0),
            (Verdict::Overdue, None) => 100.0,
            _ => 0.0,
        };
        points * weight
    }

    /// Where `x`/`X` put it: judged items first, then those waiting for a
    /// first reading, then those waiting for a yearly step, then the rest.
    pub fn group(&self) -> u8 {
        match self.verdict {
            Verdict::NoData { .. } if self.light == Light::Grey => 1,
            Verdict::NoStep { .. } if self.light == Light::Grey => 2,
            Verdict::Cancelled | Verdict::Undated | Verdict::NoTarget => 3,
            _ => 0,
        }
    }

    /// A first reading owed and not given: a problem to chase, though not
    /// a red light.
    pub fn reading_late(&self) -> bool {
        matches!(self.verdict, Verdict::NoData { late: true, .. })
    }
}

/// The standing of one milestone on `on.today`, judged for `on.year`.
pub fn judge(f: &Facts<'_>, on: Judging) -> Standing {
    let m = &f.measure;
    if m.status == Status::Dropped {
        return Standing::plain(Verdict::Cancelled, Light::Off);
    }
    let Some(due) = f.due else {
        return Standing::plain(Verdict::Undated, Light::Off);
    };
    let judged = match m.kind {
        Kind::YesNo => task(due, on.today),
        Kind::Numeric => match m.target {
            None => return Standing::plain(Verdict::NoTarget, Light::Off),
            Some(target) => numeric(f, target, due, on),
        },
    };
    as_the_planner_says(m.status, judged)
}

/// The planner's own status counts, over what the numbers say: 已完成 is
/// done whatever the values (the planner knows the work is finished), 受阻
/// is red, 有风险 at least yellow (an overdue or far-behind one stays red,
/// with that reason). The numbers' pace is kept for the detail.
fn as_the_planner_says(status: Status, judged: Standing) -> Standing {
    let said = |verdict, light| Standing {
        verdict,
        light,
        by_status: true,
        ..judged
    };
    match status {
        Status::Done if judged.verdict == Verdict::Reached => judged,
        Status::Done => said(Verdict::Reached, Light::Green),
        Status::Blocked if judged.verdict == Verdict::Overdue => judged,
        Status::Blocked => said(Verdict::Blocked, Light::Red),
        Status::AtRisk if judged.light == Light::Red => judged,
        Status::AtRisk => said(Verdict::AtRisk, Light::Yellow),
        _ => judged,
    }
}

fn task(due: Date, today: Date) -> Standing {
    if today > due {
        return Standing::plain(Verdict::Overdue, Light::Red);
    }
    let days = days_between(today, due);
    if days <= LIGHTS.due_soon_days {
        Standing::plain(Verdict::DueSoon { days }, Light::Yellow)
    } else {
        Standing::plain(Verdict::Open, Light::Green)
    }
}

/// The period judged: the target by its time limit, or, for a target due
/// after the plan year, the year's step by the year's end. None when the
/// year has no step.
fn goal_of(f: &Facts<'_>, target: f64, due: Date, on: Judging) -> Result<Goal, Verdict> {
    let (year, today) = (on.judged_year(), on.today);
    let first = Date::new(year, 1, 1).map_err(|_| Verdict::Undated)?;
    let last = Date::new(year, 12, 31).map_err(|_| Verdict::Undated)?;
    let base = f.measure.baseline.unwrap_or(0.0);
    // Within the plan year, or past its time limit altogether: the target.
    if due <= last || today > due {
        return Ok(Goal {
            value: target,
            base,
            start: first.min(due),
            end: due,
            step_of: None,
        });
    }
    match f.steps.get(year) {
        Some(value) => Ok(Goal {
            value,
            base,
            start: first,
            end: last,
            step_of: Some(year),
        }),
        None => Err(Verdict::NoStep { year }),
    }
}

fn numeric(f: &Facts<'_>, target: f64, due: Date, on: Judging) -> Standing {
    let goal = match goal_of(f, target, due, on) {
        Ok(goal) => goal,
        Err(verdict) => return Standing::plain(verdict, Light::Grey),
    };
    let Some(current) = f.measure.current else {
        if on.today > goal.end {
            // Its period is over with nothing reported: overdue, like any,
            // with none of the way done.
            return Standing {
                goal: Some(goal),
                pace: Some(Pace {
                    elapsed: 1.0,
                    done: 0.0,
                    gap_points: -100.0,
                    forecast: None,
                }),
                ..Standing::plain(Verdict::Overdue, Light::Red)
            };
        }
        let by = goal
            .start
            .checked_add(jiff::Span::new().months(LIGHTS.first_reading_months))
            .and_then(jiff::civil::Date::yesterday)
            .map_or(goal.end, |d| d.min(goal.end));
        let verdict = Verdict::NoData {
            by,
            late: on.today > by,
        };
        return Standing {
            goal: Some(goal),
            ..Standing::plain(verdict, Light::Grey)
        };
    };
    let span = goal.value - goal.base;
    let reached = if span >= 0.0 {
        current >= goal.value
    } else {
        current <= goal.value
    };
    let done = if span == 0.0 {
        if reached { 1.0 } else { 0.0 }
    } else {
        (current - goal.base) / span
    };
    let elapsed = elapsed(goal.start, goal.end, on.today);
    let forecast = f.trend.at(goal.end);
    let pace = Pace {
        elapsed,
        done,
        gap_points: (done - elapsed) * 100.0,
        forecast,
    };
    let behind = |by: f64, at_due: bool, points: f64| {
        let light = if points > LIGHTS.red_points {
            Light::Red
        } else {
            Light::Yellow
        };
        (Verdict::Behind { by, at_due }, light)
    };
    let (verdict, light) = if reached {
        (Verdict::Reached, Light::Green)
    } else if on.today > goal.end {
        (Verdict::Overdue, Light::Red)
    } else if let Some(at_end) = forecast {
        // The readings' own line says more than the calendar alone.
        let short = (goal.value - at_end) * span.signum();
        let points = if span == 0.0 {
            0.0
        } else {
            short / span.abs() * 100.0
        };
        if points <= LIGHTS.on_track_points {
            (Verdict::OnTrack, Light::Green)
        } else {
            behind(short, true, points)
        }
    } else {
        let points = -pace.gap_points;
        if points > LIGHTS.on_track_points {
            behind((pace.elapsed - pace.done) * span.abs(), false, points)
        } else if -points > LIGHTS.on_track_points {
            (Verdict::Ahead, Light::Green)
        } else {
            (Verdict::OnTrack, Light::Green)
        }
    };
    Standing {
        verdict,
        light,
        pace: Some(pace),
        goal: Some(goal),
        by_status: false,
    }
}

#[cfg(test)]
#[path = "standing_tests.rs"]
mod tests;
