//! Where a target stands against the calendar, as types: the lights, the
//! verdicts a standing gives, 序时进度 (the share of its period that has
//! passed) and where the lights change. The judging itself is
//! `domain::standing`; nothing here is stored, so the planner's own status
//! is never overwritten by it.

use jiff::civil::Date;

/// Where the lights change, in one place (the README's table says the
/// same). Points are percentage points of the target.
pub struct Thresholds {
    /// Completion this far behind 序时进度, or less, is on track.
    pub on_track_points: f64,
    /// Further behind than this is red; between the two, yellow.
    pub red_points: f64,
    /// A task due within this many days and not done is yellow.
    pub due_soon_days: i32,
    /// A target with no value yet owes its first reading by the end of
    /// this many months of its period (the first quarter).
    pub first_reading_months: i8,
}

pub const LIGHTS: Thresholds = Thresholds {
    on_track_points: 5.0,
    red_points: 15.0,
    due_soon_days: 14,
    first_reading_months: 3,
};

/// What a planner sees beside an item. `Grey` waits for something a
/// planner must give (a first reading, a yearly step); `Off` is not judged
/// (cancelled, no time limit, a past figure). Neither is counted as red,
/// yellow or green.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Light {
    Green,
    Yellow,
    Red,
    Grey,
    Off,
}

impl Light {
    /// Red 2, yellow 1, anything else 0: how much trouble, for sorting.
    pub fn alarm(self) -> u8 {
        match self {
            Light::Red => 2,
            Light::Yellow => 1,
            _ => 0,
        }
    }

    /// The code scripts read (`milestone list --json`'s `light`).
    pub fn code(self) -> &'static str {
        match self {
            Light::Red => "red",
            Light::Yellow => "yellow",
            Light::Green => "green",
            Light::Grey => "grey",
            Light::Off => "off",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    /// The target (or the year's step) is met, or the planner says done.
    Reached,
    /// The time limit has passed and it is not met.
    Overdue,
    /// At or near 序时进度 (or forecast to reach the target in time).
    OnTrack,
    /// Ahead of 序时进度 by more than the on-track margin.
    Ahead,
    /// Short by this much, in the target's unit: of 序时进度 now, or
    /// (`at_due`) of the target at the time limit, by the readings' line.
    Behind { by: f64, at_due: bool },
    /// A yes/no task not done and not yet due.
    Open,
    /// A yes/no task due within the yellow window.
    DueSoon { days: i32 },
    /// The planner marked it 受阻: red, whatever the numbers say.
    Blocked,
    /// The planner marked it 有风险: at least yellow.
    AtRisk,
    /// A numeric target with no value yet: the first reading is owed by
    /// `by`, and `late` once that day has passed.
    NoData { by: Date, late: bool },
    /// A target due after the plan year with no step for that year
    /// (未设年度目标): nothing honest to judge it by this year.
    NoStep { year: i16 },
    /// 已取消: out of every count.
    Cancelled,
    /// No time limit: nothing to judge against.
    Undated,
    /// A figure with no target (a past value the plan quotes).
    NoTarget,
}

/// A numeric target's position against its period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pace {
    /// Share of the period from its start to its end that has passed,
    /// 0..=1: 序时进度.
    pub elapsed: f64,
    /// Share of the way from 基数 to the goal reached (may pass 1).
    pub done: f64,
    /// `done - elapsed`, in percentage points.
    pub gap_points: f64,
    /// The value the readings' straight line reaches at the period's end;
    /// None with fewer than two readings on different days.
    pub forecast: Option<f64>,
}

/// 序时进度: the share of `start..=due` that has passed on `today`.
pub fn elapsed(start: Date, due: Date, today: Date) -> f64 {
    let period = days_between(start, due);
    if period <= 0 {
        return if today >= due { 1.0 } else { 0.0 };
    }
    (f64::from(days_between(start, today)) / f64::from(period)).clamp(0.0, 1.0)
}

/// Whole days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i32 {
    // Between civil dates the span's largest unit is days by default.
    a.until(b).map_or(0, |span| span.get_days())
}
