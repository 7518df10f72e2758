//! The standing rules with a pinned day: status over numbers, no data,
//! yearly steps, 基数, cancelled work, the forecast and the calendar.

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

fn task(status: Status) -> Measure {
    Measure {
        kind: Kind::YesNo,
        status,
        baseline: None,
        target: None,
        current: None,
    }
}

const DUE: &str = "2023-12-31";

/// `m` due `due`, on `today` of plan year 2023, with `readings` and steps.
fn judged(m: Measure, due: &str, today: &str, readings: &[(&str, f64)], steps: &str) -> Standing {
    let readings: Vec<(Date, f64)> = readings.iter().map(|(d, v)| (day(d), *v)).collect();
    let trend = Trend::of(&readings);
    let steps = YearSteps::from_stored(steps);
    let facts = Facts {
        measure: m,
        due: Some(day(due)),
        steps: &steps,
        trend: &trend,
    };
    judge(
        &facts,
        Judging {
            today: day(today),
            year: 2023,
        },
    )
}

fn at(m: Measure, today: &str, readings: &[(&str, f64)]) -> Standing {
    judged(m, DUE, today, readings, "")
}

#[test]
fn half_the_year_gone_and_half_the_target_is_on_track() {
    let s = at(numeric(Some(300.0), 600.0), "2023-07-02", &[]);
    let pace = s.pace.unwrap();
    assert!((pace.elapsed - 0.5).abs() < 0.01, "{pace:?}");
    assert!((pace.done - 0.5).abs() < 1e-9);
    assert_eq!((s.verdict, s.light), (Verdict::OnTrack, Light::Green));
    assert_eq!(s.lag(1.0), 0.0);
}

#[test]
fn behind_by_points_is_yellow_then_red_and_says_by_how_much() {
    // 序时进度 50 %: 40 % done is 10 points behind (yellow), 30 % red.
    let s = at(numeric(Some(240.0), 600.0), "2023-07-02", &[]);
    assert_eq!(s.light, Light::Yellow);
    let Verdict::Behind { by, at_due: false } = s.verdict else {
        panic!("{s:?}")
    };
    assert!((by - 60.0).abs() < 2.0, "{by}");
    assert!(
        (s.lag(2.0) - 20.0).abs() < 1.0,
        "weighted lag {}",
        s.lag(2.0)
    );
    assert_eq!(
        at(numeric(Some(180.0), 600.0), "2023-07-02", &[]).light,
        Light::Red
    );
    assert_eq!(
        at(numeric(Some(420.0), 600.0), "2023-07-02", &[]).verdict,
        Verdict::Ahead
    );
}

/// The planner's status over the numbers: 已完成 done, 受阻 red, 有风险
/// at least yellow (red stays red), 已取消 not judged at all; for numeric
/// targets and yes/no tasks alike.
#[test]
fn the_planners_status_counts_over_the_numbers() {
    let with = |status, current| Measure {
        status,
        ..numeric(Some(current), 600.0)
    };
    assert_eq!(
        at(with(Status::Active, 300.0), "2023-07-02", &[]).light,
        Light::Green
    );
    let blocked = at(with(Status::Blocked, 300.0), "2023-07-02", &[]);
    assert_eq!(
        (blocked.verdict, blocked.light, blocked.by_status),
        (Verdict::Blocked, Light::Red, true)
    );
    assert!(blocked.pace.is_some(), "the numbers' pace is kept");
    let risky = at(with(Status::AtRisk, 300.0), "2023-07-02", &[]);
    assert_eq!(
        (risky.verdict, risky.light),
        (Verdict::AtRisk, Light::Yellow)
    );
    let far_behind = at(with(Status::AtRisk, 100.0), "2023-07-02", &[]);
    assert_eq!(far_behind.light, Light::Red, "red stays red");
    assert!(matches!(far_behind.verdict, Verdict::Behind { .. }));
    let done = at(with(Status::Done, 100.0), "2023-07-02", &[]);
    assert_eq!(
        (done.verdict, done.light, done.by_status),
        (Verdict::Reached, Light::Green, true)
    );
    let overdue = at(with(Status::Blocked, 100.0), "2024-01-15", &[]);
    assert_eq!(
        (overdue.verdict, overdue.light),
        (Verdict::Overdue, Light::Red)
    );
    assert_eq!(
        at(task(Status::Blocked), "2023-03-01", &[]).light,
        Light::Red
    );
    assert_eq!(
        at(task(Status::AtRisk), "2023-03-01", &[]).light,
        Light::Yellow
    );
    let dropped = at(task(Status::Dropped), "2023-03-01", &[]);
    assert_eq!(
        (dropped.verdict, dropped.light),
        (Verdict::Cancelled, Light::Off)
    );
    let dropped = at(
        Measure {
            status: Status::Dropped,
            ..numeric(Some(1.0), 600.0)
        },
        "2024-03-01",
        &[],
    );
    assert_eq!(dropped.light, Light::Off, "cancelled is never overdue");
}

/// No value yet is its own grey state, never red or green, whatever the
/// calendar says; the first reading is owed by the end of the first
/// quarter. The planner's 受阻 still counts.
#[test]
fn no_data_yet_is_grey_and_says_when_a_reading_is_owed() {
    let early = at(numeric(None, 600.0), "2023-02-01", &[]);
    assert_eq!(early.light, Light::Grey);
    assert_eq!(
        early.verdict,
        Verdict::NoData {
            by: day("2023-03-31"),
            late: false
        }
    );
    assert!(!early.reading_late());
    let late = at(numeric(None, 600.0), "2023-11-27", &[]);
    assert_eq!(late.light, Light::Grey, "never red for want of a reading");
    assert!(late.reading_late());
    assert_eq!(late.group(), 1);
    // Its period over with nothing reported: overdue.
    let over = at(numeric(None, 600.0), "2024-01-02", &[]);
    assert_eq!((over.verdict, over.light), (Verdict::Overdue, Light::Red));
    // A short period owes its reading by its own end.
    let short = judged(numeric(None, 10.0), "2023-02-15", "2023-02-01", &[], "");
    assert_eq!(
        short.verdict,
        Verdict::NoData {
            by: day("2023-02-15"),
            late: false
        }
    );
    let blocked = at(
        Measure {
            status: Status::Blocked,
            ..numeric(None, 600.0)
        },
        "2023-06-01",
        &[],
    );
    assert_eq!(blocked.light, Light::Red);
}

/// A 2025 target is judged in 2023 by its 2023 step, from its 基数, over
/// 2023; without a step it is grey (未设年度目标) and ranked apart.
#[test]
fn a_multi_year_target_is_judged_by_the_years_step_from_its_base() {
    let m = Measure {
        baseline: Some(500.0),
        ..numeric(Some(540.0), 600.0)
    };
    let none = judged(m, "2025-12-31", "2023-11-27", &[], "");
    assert_eq!(
        (none.verdict, none.light),
        (Verdict::NoStep { year: 2023 }, Light::Grey)
    );
    assert_eq!(none.group(), 2);
    let none = judged(m, "2025-12-31", "2023-11-27", &[], "2024=560");
    assert_eq!(none.verdict, Verdict::NoStep { year: 2023 });
    // 2023 → 560 from 500: 40 of 60 done (67 %) at 序时进度 90 %: red.
    let stepped = judged(m, "2025-12-31", "2023-11-27", &[], "2023=560;2024=580");
    let goal = stepped.goal.unwrap();
    assert_eq!(
        (goal.value, goal.base, goal.step_of),
        (560.0, 500.0, Some(2023))
    );
    assert_eq!(goal.end, day("2023-12-31"));
    let pace = stepped.pace.unwrap();
    assert!((pace.done - 40.0 / 60.0).abs() < 1e-9, "{pace:?}");
    assert_eq!(stepped.light, Light::Red);
    // From 0 the same value reads 96 % of 560: the 基数 is what is honest.
    let from_zero = judged(
        Measure {
            baseline: None,
            ..m
        },
        "2025-12-31",
        "2023-11-27",
        &[],
        "2023=560",
    );
    assert_eq!(from_zero.light, Light::Green);
    // The step met is the year's target reached.
    let met = judged(
        Measure {
            current: Some(561.0),
            ..m
        },
        "2025-12-31",
        "2023-06-01",
        &[],
        "2023=560",
    );
    assert_eq!(met.verdict, Verdict::Reached);
}

#[test]
fn reached_overdue_and_nothing_to_judge() {
    assert_eq!(
        at(numeric(Some(612.0), 600.0), "2023-05-01", &[]).verdict,
        Verdict::Reached
    );
    let late = at(numeric(Some(590.0), 600.0), "2024-01-02", &[]);
    assert_eq!((late.verdict, late.light), (Verdict::Overdue, Light::Red));
    assert_eq!(late.group(), 0);
    let past_figure = Measure {
        target: None,
        ..numeric(Some(9.0), 0.0)
    };
    assert_eq!(at(past_figure, "2023-06-01", &[]).light, Light::Off);
    let (steps, trend) = (YearSteps::default(), Trend::default());
    let undated = Facts {
        measure: numeric(None, 600.0),
        due: None,
        steps: &steps,
        trend: &trend,
    };
    let on = Judging {
        today: day("2023-06-01"),
        year: 2023,
    };
    assert_eq!(judge(&undated, on).verdict, Verdict::Undated);
}

#[test]
fn the_forecast_judges_by_the_readings_line() {
    // +10 a month from 400 at the end of March: about 490 by year end,
    // short of 600 by 18 % of the target: red, whatever 序时进度 says.
    let s = at(
        numeric(Some(430.0), 600.0),
        "2023-07-01",
        &[("2023-03-31", 400.0), ("2023-06-30", 430.0)],
    );
    let f = s.pace.unwrap().forecast.unwrap();
    assert!((f - 489.0).abs() < 3.0, "{f}");
    assert_eq!(s.light, Light::Red);
    assert!(matches!(s.verdict, Verdict::Behind { by, at_due: true } if (by - 111.0).abs() < 3.0));
}

#[test]
fn a_task_is_yellow_two_weeks_before_its_time_limit_and_red_after() {
    let on = |today: &str| judged(task(Status::Active), "2023-03-31", today, &[], "");
    assert_eq!(on("2023-03-01").light, Light::Green);
    assert_eq!(on("2023-03-17").verdict, Verdict::DueSoon { days: 14 });
    assert_eq!(on("2023-04-01").light, Light::Red);
    assert_eq!(on("2023-04-01").lag(1.0), 100.0);
    let done = judged(task(Status::Done), "2023-03-31", "2023-04-01", &[], "");
    assert_eq!(done.light, Light::Green);
}

proptest::proptest! {
    /// A steady pace that reaches the target exactly at the time limit is
    /// on track on every day of the period, judged by the calendar and by
    /// the readings' line alike.
    #[test]
    fn a_steady_pace_that_lands_on_the_target_is_on_track(
        target in 1.0f64..1e7,
        period in 30i64..365,
        first in 1i64..20,
        step in 7i64..60,
    ) {
        let start = day("2023-01-01");
        let due = start.checked_add(jiff::Span::new().days(period)).unwrap();
        let value_on = |d: i64| target * (d as f64) / (period as f64);
        let (steps, mut readings) = (YearSteps::default(), Vec::new());
        let mut d = first;
        while d < period {
            let today = start.checked_add(jiff::Span::new().days(d)).unwrap();
            readings.push((today, value_on(d)));
            let on = Judging { today, year: 2023 };
            let none = Trend::default();
            let mut facts = Facts {
                measure: numeric(Some(value_on(d)), target),
                due: Some(due),
                steps: &steps,
                trend: &none,
            };
            let s = judge(&facts, on);
            proptest::prop_assert_eq!(s.verdict, Verdict::OnTrack, "calendar, day {}", d);
            let trend = Trend::of(&readings);
            facts.trend = &trend;
            let s = judge(&facts, on);
            proptest::prop_assert_eq!(s.light, Light::Green, "forecast, day {}", d);
            d += step;
        }
    }
}
