//! Where a target stands against the calendar: 序时进度 (the share of its
//! period that has passed), the straight-line forecast from its readings,
//! a verdict and a light. Pure arithmetic on a milestone's fields, its
//! readings and the planner's day; computed for what is on screen, never
//! stored, so the planner's own status is never overwritten by it.

use super::progress::Measure;
use super::status::{Kind, Status};
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
}

pub const LIGHTS: Thresholds = Thresholds {
    on_track_points: 5.0,
    red_points: 15.0,
    due_soon_days: 14,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Light {
    Green,
    Yellow,
    Red,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    /// The target is met.
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
}

/// A numeric target's position against its period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pace {
    /// Share of the period from its start to its time limit that has
    /// passed, 0..=1: 序时进度.
    pub elapsed: f64,
    /// Share of the way from baseline to target reached (may pass 1).
    pub done: f64,
    /// `done - elapsed`, in percentage points.
    pub gap_points: f64,
    /// The value the readings' straight line reaches at the time limit;
    /// None with fewer than two readings on different days.
    pub forecast: Option<f64>,
}

/// Everything the light of one milestone is made of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    pub pace: Option<Pace>,
    pub verdict: Verdict,
    pub light: Light,
}

/// The standing of a milestone on `today`, with its period starting on
/// `start` (the plan year's 1 January unless the project says otherwise).
/// None when there is nothing to judge: no time limit, no target (a past
/// figure), or dropped work.
pub fn standing(
    m: &Measure,
    due: Option<Date>,
    start: Date,
    today: Date,
    readings: &[(Date, f64)],
) -> Option<Standing> {
    if m.status == Status::Dropped {
        return None;
    }
    let due = due?;
    let judged = match m.kind {
        Kind::YesNo => task(m.status, due, today),
        Kind::Numeric => numeric(m, due, start, today, readings)?,
    };
    Some(as_the_planner_says(m.status, judged))
}

/// The planner's own status counts, over what the numbers say: 已完成 is
/// done whatever the values (the planner knows the work is finished), 受阻
/// is red, 有风险 at least yellow (an overdue or far-behind one stays red,
/// with that reason). The numbers' pace is kept for the detail.
fn as_the_planner_says(status: Status, judged: Standing) -> Standing {
    let said = |verdict, light| Standing {
        verdict,
        light,
        ..judged
    };
    match status {
        Status::Done => said(Verdict::Reached, Light::Green),
        Status::Blocked if judged.verdict == Verdict::Overdue => judged,
        Status::Blocked => said(Verdict::Blocked, Light::Red),
        Status::AtRisk if judged.light == Light::Red => judged,
        Status::AtRisk => said(Verdict::AtRisk, Light::Yellow),
        _ => judged,
    }
}

fn task(status: Status, due: Date, today: Date) -> Standing {
    let (verdict, light) = if status == Status::Done {
        (Verdict::Reached, Light::Green)
    } else if today > due {
        (Verdict::Overdue, Light::Red)
    } else {
        let days = days_between(today, due);
        if days <= LIGHTS.due_soon_days {
            (Verdict::DueSoon { days }, Light::Yellow)
        } else {
            (Verdict::Open, Light::Green)
        }
    };
    Standing {
        pace: None,
        verdict,
        light,
    }
}

fn numeric(
    m: &Measure,
    due: Date,
    start: Date,
    today: Date,
    readings: &[(Date, f64)],
) -> Option<Standing> {
    let target = m.target?;
    let base = m.baseline.unwrap_or(0.0);
    let span = target - base;
    let current = m.current.unwrap_or(base);
    let reached = if span >= 0.0 {
        current >= target
    } else {
        current <= target
    };
    let done = if span == 0.0 {
        if reached { 1.0 } else { 0.0 }
    } else {
        (current - base) / span
    };
    let elapsed = elapsed(start, due, today);
    let forecast = forecast(readings, due);
    let pace = Pace {
        elapsed,
        done,
        gap_points: (done - elapsed) * 100.0,
        forecast,
    };
    let (verdict, light) = if reached {
        (Verdict::Reached, Light::Green)
    } else if today > due {
        (Verdict::Overdue, Light::Red)
    } else if let Some(at_due) = forecast {
        // The readings' own line says more than the calendar alone.
        let short = (target - at_due) * span.signum();
        let points = if span == 0.0 {
            0.0
        } else {
            short / span.abs() * 100.0
        };
        if points <= LIGHTS.on_track_points {
            (Verdict::OnTrack, Light::Green)
        } else if points > LIGHTS.red_points {
            (
                Verdict::Behind {
                    by: short,
                    at_due: true,
                },
                Light::Red,
            )
        } else {
            (
                Verdict::Behind {
                    by: short,
                    at_due: true,
                },
                Light::Yellow,
            )
        }
    } else {
        let behind = -pace.gap_points;
        if behind > LIGHTS.red_points {
            (
                Verdict::Behind {
                    by: shortfall(&pace, span),
                    at_due: false,
                },
                Light::Red,
            )
        } else if behind > LIGHTS.on_track_points {
            (
                Verdict::Behind {
                    by: shortfall(&pace, span),
                    at_due: false,
                },
                Light::Yellow,
            )
        } else if -behind > LIGHTS.on_track_points {
            (Verdict::Ahead, Light::Green)
        } else {
            (Verdict::OnTrack, Light::Green)
        }
    };
    Some(Standing {
        pace: Some(pace),
        verdict,
        light,
    })
}

/// How far the value is from where 序时进度 says it should be, in units.
fn shortfall(pace: &Pace, span: f64) -> f64 {
    (pace.elapsed - pace.done) * span.abs()
}

/// 序时进度: the share of `start..=due` that has passed on `today`.
pub fn elapsed(start: Date, due: Date, today: Date) -> f64 {
    let period = days_between(start, due);
    if period <= 0 {
        return if today >= due { 1.0 } else { 0.0 };
    }
    (f64::from(days_between(start, today)) / f64::from(period)).clamp(0.0, 1.0)
}

/// The least-squares straight line through the readings, at `due`. None
/// with fewer than two distinct days: one point gives no pace.
pub fn forecast(readings: &[(Date, f64)], due: Date) -> Option<f64> {
    let first = readings.iter().map(|r| r.0).min()?;
    let points: Vec<(f64, f64)> = readings
        .iter()
        .map(|(d, v)| (f64::from(days_between(first, *d)), *v))
        .collect();
    let n = f64::from(u32::try_from(points.len()).ok()?);
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    if sxx == 0.0 {
        return None;
    }
    let sxy: f64 = points.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    let slope = sxy / sxx;
    let x = f64::from(days_between(first, due));
    Some(mean_y + slope * (x - mean_x))
}

/// Whole days from `a` to `b` (negative when `b` is earlier).
fn days_between(a: Date, b: Date) -> i32 {
    // Between civil dates the span's largest unit is days by default.
    a.until(b).map_or(0, |span| span.get_days())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn numeric(current: Option<f64>, target: f64) -> Measure {
        Measure {
            kind: Kind::Numeric,
            status: Status::Active,
            baseline: None,
            target: Some(target),
            current,
        }
    }

    const START: &str = "2023-01-01";
    const DUE: &str = "2023-12-31";

    fn at(m: &Measure, today: &str, readings: &[(&str, f64)]) -> Standing {
        let readings: Vec<(Date, f64)> = readings.iter().map(|(d, v)| (day(d), *v)).collect();
        standing(m, Some(day(DUE)), day(START), day(today), &readings).unwrap()
    }

    #[test]
    fn half_the_year_gone_and_half_the_target_is_on_track() {
        let s = at(&numeric(Some(300.0), 600.0), "2023-07-02", &[]);
        let pace = s.pace.unwrap();
        assert!((pace.elapsed - 0.5).abs() < 0.01, "{pace:?}");
        assert!((pace.done - 0.5).abs() < 1e-9);
        assert_eq!((s.verdict, s.light), (Verdict::OnTrack, Light::Green));
    }

    #[test]
    fn behind_by_points_is_yellow_then_red_and_says_by_how_much() {
        // 序时进度 50 %: 40 % done is 10 points behind (yellow), 30 % red.
        let s = at(&numeric(Some(240.0), 600.0), "2023-07-02", &[]);
        assert_eq!(s.light, Light::Yellow);
        let Verdict::Behind { by, at_due: false } = s.verdict else {
            panic!("{s:?}")
        };
        assert!((by - 60.0).abs() < 2.0, "{by}");
        assert_eq!(
            at(&numeric(Some(180.0), 600.0), "2023-07-02", &[]).light,
            Light::Red
        );
        assert_eq!(
            at(&numeric(Some(420.0), 600.0), "2023-07-02", &[]).verdict,
            Verdict::Ahead
        );
    }

    /// The planner's status over the numbers: 已完成 done, 受阻 red, 有风险
    /// at least yellow (red stays red), 已取消 not judged at all; for
    /// numeric targets and yes/no tasks alike.
    #[test]
    fn the_planners_status_counts_over_the_numbers() {
        let with = |status, current| Measure {
            status,
            ..numeric(Some(current), 600.0)
        };
        let on_track = with(Status::Active, 300.0);
        assert_eq!(at(&on_track, "2023-07-02", &[]).light, Light::Green);
        let blocked = at(&with(Status::Blocked, 300.0), "2023-07-02", &[]);
        assert_eq!(
            (blocked.verdict, blocked.light),
            (Verdict::Blocked, Light::Red)
        );
        assert!(blocked.pace.is_some(), "the numbers' pace is kept");
        let risky = at(&with(Status::AtRisk, 300.0), "2023-07-02", &[]);
        assert_eq!(
            (risky.verdict, risky.light),
            (Verdict::AtRisk, Light::Yellow)
        );
        let far_behind = at(&with(Status::AtRisk, 100.0), "2023-07-02", &[]);
        assert_eq!(far_behind.light, Light::Red, "red stays red");
        assert!(matches!(far_behind.verdict, Verdict::Behind { .. }));
        let done = at(&with(Status::Done, 100.0), "2023-07-02", &[]);
        assert_eq!((done.verdict, done.light), (Verdict::Reached, Light::Green));
        let overdue = at(&with(Status::Blocked, 100.0), "2024-01-15", &[]);
        assert_eq!(
            (overdue.verdict, overdue.light),
            (Verdict::Overdue, Light::Red)
        );
        let task = |status| Measure {
            kind: Kind::YesNo,
            status,
            baseline: None,
            target: None,
            current: None,
        };
        assert_eq!(
            at(&task(Status::Blocked), "2023-03-01", &[]).light,
            Light::Red
        );
        assert_eq!(
            at(&task(Status::AtRisk), "2023-03-01", &[]).light,
            Light::Yellow
        );
        let dropped = standing(
            &task(Status::Dropped),
            Some(day(DUE)),
            day(START),
            day("2023-03-01"),
            &[],
        );
        assert_eq!(dropped, None);
    }

    #[test]
    fn reached_overdue_and_nothing_to_judge() {
        assert_eq!(
            at(&numeric(Some(612.0), 600.0), "2023-05-01", &[]).verdict,
            Verdict::Reached
        );
        let late = at(&numeric(Some(590.0), 600.0), "2024-01-02", &[]);
        assert_eq!((late.verdict, late.light), (Verdict::Overdue, Light::Red));
        let past_figure = Measure {
            target: None,
            ..numeric(Some(9.0), 0.0)
        };
        assert_eq!(
            standing(
                &past_figure,
                Some(day(DUE)),
                day(START),
                day("2023-06-01"),
                &[]
            ),
            None
        );
        assert_eq!(
            standing(
                &numeric(None, 600.0),
                None,
                day(START),
                day("2023-06-01"),
                &[]
            ),
            None
        );
    }

    #[test]
    fn the_forecast_needs_two_days_and_judges_by_the_line() {
        assert_eq!(forecast(&[], day(DUE)), None);
        assert_eq!(forecast(&[(day("2023-03-31"), 400.0)], day(DUE)), None);
        assert_eq!(
            forecast(
                &[(day("2023-03-31"), 400.0), (day("2023-03-31"), 410.0)],
                day(DUE)
            ),
            None
        );
        // +10 a month from 400 at the end of March: about 490 by year end,
        // short of 600 by 18 % of the target: red, whatever 序时进度 says.
        let m = numeric(Some(430.0), 600.0);
        let s = at(
            &m,
            "2023-07-01",
            &[("2023-03-31", 400.0), ("2023-06-30", 430.0)],
        );
        let f = s.pace.unwrap().forecast.unwrap();
        assert!((f - 489.0).abs() < 3.0, "{f}");
        assert_eq!(s.light, Light::Red);
        assert!(
            matches!(s.verdict, Verdict::Behind { by, at_due: true } if (by - 111.0).abs() < 3.0)
        );
    }

    #[test]
    fn a_task_is_yellow_two_weeks_before_its_time_limit_and_red_after() {
        let task = Measure {
            kind: Kind::YesNo,
            ..numeric(None, 0.0)
        };
        let due = Some(day("2023-03-31"));
        let on = |today: &str| standing(&task, due, day(START), day(today), &[]).unwrap();
        assert_eq!(on("2023-03-01").light, Light::Green);
        assert_eq!(on("2023-03-17").verdict, Verdict::DueSoon { days: 14 });
        assert_eq!(on("2023-04-01").light, Light::Red);
        let done = Measure {
            status: Status::Done,
            ..task
        };
        assert_eq!(
            standing(&done, due, day(START), day("2023-04-01"), &[])
                .unwrap()
                .light,
            Light::Green
        );
    }

    proptest::proptest! {
        /// A steady pace that reaches the target exactly at the time limit
        /// is on track on every day of the period, judged by the calendar
        /// and by the readings' line alike.
        #[test]
        fn a_steady_pace_that_lands_on_the_target_is_on_track(
            target in 1.0f64..1e7,
            period in 30i64..1500,
            first in 1i64..20,
            step in 7i64..60,
        ) {
            let start = day(START);
            let due = start.checked_add(jiff::Span::new().days(period)).unwrap();
            let value_on = |d: i64| target * (d as f64) / (period as f64);
            let mut readings = Vec::new();
            let mut d = first;
            while d < period {
                let today = start.checked_add(jiff::Span::new().days(d)).unwrap();
                readings.push((today, value_on(d)));
                let m = numeric(Some(value_on(d)), target);
                let s = standing(&m, Some(due), start, today, &[]).unwrap();
                proptest::prop_assert_eq!(s.verdict, Verdict::OnTrack, "calendar, day {}", d);
                let s = standing(&m, Some(due), start, today, &readings).unwrap();
                proptest::prop_assert_eq!(s.light, Light::Green, "forecast, day {}", d);
                d += step;
            }
        }
    }
}
