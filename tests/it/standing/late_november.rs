//! Issue 24's scenario drawn: the 2023 plan after two months of weekly
//! readings by two planners, three items marked 受阻/有风险, owners named
//! and a baseline saved, seen on Monday 27 November 2023. The agenda (the
//! year end in view), `X` on 新产业 (the laggards first, the ties below),
//! the owner lens, the week's change log and the baseline comparison, in
//! both languages at 80×24 and 120×40.

use super::common;
use plan_cockpit::app::App;
use plan_cockpit::domain::change::{MilestoneChange, ValueChange};
use plan_cockpit::domain::{Clock, Status};
use plan_cockpit::i18n::Lang;
use std::path::Path;

fn clock(day: &str) -> Clock {
    let zone = jiff::tz::TimeZone::get("Asia/Shanghai").unwrap();
    Clock::fixed_in(format!("{day}T10:00:00+08:00").parse().unwrap(), zone)
}

/// A store as `who`, on `day`.
fn as_of(db: &Path, who: &str, day: &str) -> plan_cockpit::store::Store {
    common::open_as(db, who, clock(day))
}

fn reading(value: f64, day: &str) -> MilestoneChange {
    MilestoneChange {
        value: Some(ValueChange::Set(value)),
        as_of: Some(day.parse().unwrap()),
        ..MilestoneChange::default()
    }
}

fn status(s: Status) -> MilestoneChange {
    MilestoneChange {
        status: Some(s),
        ..MilestoneChange::default()
    }
}

/// Who typed, on which day, which values (milestone, value, day true).
type Week<'a> = (&'a str, &'a str, &'a [(i64, f64, &'a str)]);

/// Two months of use, as the issue tells it.
fn two_months(db: &Path) {
    let weeks: &[Week] = &[
        (
            "lihua",
            "2023-10-09",
            &[
                (19, 520.0, "2023-09-30"),
                (23, 28.0, "2023-09-30"),
                (36, 300.0, "2023-09-30"),
                (37, 100.0, "2023-09-30"),
            ],
        ),
        (
            "wangfang",
            "2023-10-16",
            &[(23, 31.0, "2023-10-15"), (36, 330.0, "2023-10-15")],
        ),
        (
            "wangfang",
            "2023-10-30",
            &[(37, 115.0, "2023-10-29"), (19, 540.0, "2023-10-29")],
        ),
        (
            "lihua",
            "2023-11-13",
            &[
                (23, 35.2, "2023-11-12"),
                (36, 360.0, "2023-11-12"),
                (37, 130.0, "2023-11-12"),
            ],
        ),
        (
            "wangfang",
            "2023-11-28",
            &[(19, 558.0, "2023-11-27"), (24, 42.0, "2023-11-27")],
        ),
    ];
    let mut s = as_of(db, "lihua", "2023-10-01");
    s.save_baseline("十月").unwrap();
    for (who, day, values) in weeks {
        let mut s = as_of(db, who, day);
        for (id, v, on) in *values {
            s.update_milestone(*id, None, reading(*v, on), "test")
                .unwrap();
        }
    }
    let mut s = as_of(db, "lihua", "2023-11-20");
    s.update_milestone(6, None, status(Status::Blocked), "test")
        .unwrap();
    s.update_milestone(4, None, status(Status::AtRisk), "test")
        .unwrap();
    let due = MilestoneChange {
        due: Some("2024-06-30".parse().unwrap()),
        ..MilestoneChange::default()
    };
    s.update_milestone(5, None, due, "test").unwrap();
    let mut s = as_of(db, "wangfang", "2023-11-27");
    s.update_milestone(5, None, status(Status::AtRisk), "test")
        .unwrap();
    for (project, unit) in [(21, "科技局"), (30, "经发局"), (6, "住建局"), (4, "住建局")]
    {
        let v = s.project(project).unwrap().version;
        s.set_project_owner(project, v, unit, "").unwrap();
    }
}

const STATES: &[(&str, &str)] = &[
    ("agenda", "A"),
    ("explain_new_industry", "<Tab>X"),
    ("owners", "LLL"),
    ("log", "C"),
    ("compare", "B"),
];

#[test]
fn late_november_screens() {
    let sb = common::Sandbox::new();
    two_months(&sb.db);
    for lang in [Lang::Zh, Lang::En] {
        for (name, keys) in STATES {
            for (w, h) in [(80, 24), (120, 40)] {
                // Wednesday: the week's log holds Monday's and Tuesday's.
                let mut app = App::new(as_of(&sb.db, "planner", "2023-11-29"), lang).unwrap();
                app.resize(w, h);
                // The headings' counts, as the worker would bring them.
                while let Some(ask) = app.lights_wanted() {
                    let counts = plan_cockpit::app::lights::count(
                        &as_of(&sb.db, "planner", "2023-11-29"),
                        ask,
                    )
                    .unwrap();
                    app.handle(plan_cockpit::app::event::Event::Lights(counts));
                }
                common::press(&mut app, keys);
                while let Some(ask) = app.lights_wanted() {
                    let counts = plan_cockpit::app::lights::count(
                        &as_of(&sb.db, "planner", "2023-11-29"),
                        ask,
                    )
                    .unwrap();
                    app.handle(plan_cockpit::app::event::Event::Lights(counts));
                }
                let screen = common::screen(&app, w, h);
                insta::assert_snapshot!(
                    format!("late_november_{name}_{lang:?}_{w}x{h}").to_lowercase(),
                    screen
                );
            }
        }
    }
}
