//! Where a target stands, as the detail shows it: 序时进度, the forecast
//! from dated readings, the verdict and the light, in both languages, on a
//! day inside the plan year.

use crate::common;

use common::{Sandbox, press, screen, to_high_tech};
use plan_cockpit::app::App;
use plan_cockpit::i18n::Lang;

/// A cockpit on 15 July 2023, in Dongguan's zone.
fn in_july(sb: &Sandbox, lang: Lang) -> App {
    let zone = jiff::tz::TimeZone::get("Asia/Shanghai").unwrap();
    let clock =
        plan_cockpit::domain::Clock::fixed_in("2023-07-15T09:00:00+08:00".parse().unwrap(), zone);
    let store = common::open_store_at(&sb.db, clock);
    App::new(store, lang).unwrap()
}

#[test]
fn the_detail_says_where_600_high_tech_firms_stand_in_july() {
    for (lang, light, verdict, pace, forecast) in [
        (
            Lang::Zh,
            "◐ 黄灯",
            "按此趋势到期差 89家",
            "序时进度 54% · 完成 75%",
            "约 511家",
        ),
        (
            Lang::En,
            "◐ yellow",
            "at this pace 89 家 short",
            "time elapsed 54% · done 75%",
            "about 511 家",
        ),
    ] {
        let sb = Sandbox::new();
        let mut app = in_july(&sb, lang);
        to_high_tech(&mut app);
        // March's and June's figures, typed in July.
        press(
            &mut app,
            "e<C-u>420 2023-03-31<Enter>e<C-u>450 2023-06-30<Enter><Enter>",
        );
        let text = screen(&app, 160, 48);
        for want in [light, verdict, pace, forecast] {
            assert!(text.contains(want), "{lang:?}: no {want:?} in\n{text}");
        }
    }
}

#[test]
fn one_reading_gives_no_forecast_and_the_calendar_judges() {
    let sb = Sandbox::new();
    let mut app = in_july(&sb, Lang::Zh);
    to_high_tech(&mut app);
    // 50 % done against 54 % of the year: within 5 points, on track.
    press(&mut app, "e<C-u>300<Enter><Enter>");
    let text = screen(&app, 160, 48);
    assert!(text.contains("◎ 绿灯 · 符合序时进度"), "{text}");
    assert!(
        text.contains("序时进度 54% · 完成 50%(落后 4 个百分点)"),
        "{text}"
    );
    // 42 % done: 12 points behind, 71 firms short of where the year says.
    press(&mut app, "<Esc>e<C-u>250<Enter><Enter>");
    let text = screen(&app, 160, 48);
    assert!(text.contains("◐ 黄灯 · 落后序时进度 71家"), "{text}");
    assert!(text.contains("完成 42%(落后 12 个百分点)"), "{text}");
    assert!(
        !text.contains("按填报趋势"),
        "no forecast from one reading:\n{text}"
    );
}

/// A past figure is shown with the day it was true, and a target where a
/// milestone starts is refused in the cockpit's form too.
#[test]
fn a_past_figure_shows_its_day_and_a_zero_target_is_refused() {
    let (_sb, mut app) = common::cockpit(plan_cockpit::i18n::Lang::Zh);
    common::press(&mut app, "/境内外上市企业<Enter><Enter>");
    let text = common::screen(&app, 120, 40);
    assert!(text.contains("9家 (截至 2022-12-31)"), "{text}");
    common::to_high_tech(&mut app);
    common::press(&mut app, "t<C-u>0 家<Enter>");
    let Some(plan_cockpit::app::overlay::Overlay::Form(f)) = app.overlays.last() else {
        panic!("the form closed on a zero target")
    };
    assert!(f.error.as_deref().unwrap().contains("没有可完成的量"));
}

/// One light in every view: the seed plan with random values, dated
/// readings, statuses, 基数 and yearly steps, judged on a random day, shows
/// each item the same light in its list row, its detail (also recomputed
/// from the detail's own readings), the agenda, the headings' counts, `X`,
/// the report and `milestone list --json`.
mod every_view {
    use super::common;
    use plan_cockpit::app::lights::{self, Ask};
    use plan_cockpit::domain::lens::{Group, Lens};
    use plan_cockpit::domain::pace::Light;
    use plan_cockpit::domain::report::Period;
    use plan_cockpit::domain::scope::Scope;
    use plan_cockpit::domain::standing::{Facts, Judging, judge};
    use plan_cockpit::domain::trend::Trend;
    use plan_cockpit::domain::{Clock, MilestoneChange, Status, ValueChange};
    use plan_cockpit::i18n::Lang;
    use plan_cockpit::report::{By, build};
    use plan_cockpit::store::ListFilter;
    use proptest::prelude::*;
    use std::collections::HashMap;

    fn day(n: i64) -> jiff::civil::Date {
        jiff::civil::date(2023, 1, 1)
            .checked_add(jiff::Span::new().days(n))
            .unwrap()
    }

    fn clock_on(d: jiff::civil::Date) -> Clock {
        let zone = jiff::tz::TimeZone::get("Asia/Shanghai").unwrap();
        Clock::fixed_in(format!("{d}T10:00:00+08:00").parse().unwrap(), zone)
    }

    fn code(light: Light) -> &'static str {
        match light {
            Light::Red => "red",
            Light::Yellow => "yellow",
            Light::Green => "green",
            Light::Grey => "grey",
            Light::Off => "off",
        }
    }

    /// (milestone, value or None, reading day offset, status, base, step).
    type Edit = (usize, Option<f64>, i64, u8, Option<f64>, Option<f64>);

    proptest! {
        #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]
        #[test]
        fn every_view_shows_the_same_light(
            written in 60i64..330,
            later in 0i64..200,
            edits in prop::collection::vec(
                (0usize..55, prop::option::of(0.0f64..2000.0), 0i64..60, 0u8..8,
                 prop::option::of(0.0f64..100.0), prop::option::of(1.0f64..3000.0)),
                5..25),
        ) {
            let sb = common::Sandbox::new();
            let write_day = day(written);
            let mut store = common::open_store_at(&sb.db, clock_on(write_day));
            let ids: Vec<i64> = store
                .milestones(&ListFilter { scope: Scope::default(), overdue_on: None })
                .unwrap()
                .iter()
                .map(|m| m.id)
                .collect();
            let edits: Vec<Edit> = edits;
            for (which, value, back, status, base, step) in edits {
                let m = store.milestone(ids[which % ids.len()]).unwrap();
                let numeric = m.kind == plan_cockpit::domain::Kind::Numeric && m.target.is_some();
                let status = [Status::Active, Status::Blocked, Status::AtRisk, Status::Done,
                              Status::Dropped].get(usize::from(status)).copied();
                let change = MilestoneChange {
                    value: value.filter(|_| numeric).map(ValueChange::Set),
                    as_of: value.filter(|_| numeric).map(|_| day(written - back)),
                    status,
                    baseline: base.filter(|b| numeric && Some(*b) != m.target),
                    steps: step.filter(|_| numeric).map(|s| (2023, Some(s))).into_iter().collect(),
                    ..MilestoneChange::default()
                };
                if change.is_empty() {
                    continue;
                }
                // A change the plan refuses (a 基数 equal to the target) is
                // simply not made.
                let _ = store.update_milestone(m.id, None, change, "cli");
            }
            let today = day(written + later);
            let on = Judging { today, year: 2023 };
            let store = common::open_store_at(&sb.db, clock_on(today));
            let rows = store
                .milestones(&ListFilter { scope: Scope::default(), overdue_on: None })
                .unwrap();
            let row_light: HashMap<i64, Light> =
                rows.iter().map(|m| (m.id, m.standing(on).light)).collect();

            // The detail, and its own readings' line.
            for m in &rows {
                let d = store.detail(m.id).unwrap();
                prop_assert_eq!(d.milestone.standing(on).light, row_light[&m.id]);
                let points: Vec<(jiff::civil::Date, f64)> = d
                    .readings
                    .iter()
                    .map(|r| (r.as_of.parse().unwrap(), r.value))
                    .collect();
                let trend = Trend::of(&points);
                let facts = Facts { trend: &trend, ..d.milestone.facts() };
                prop_assert_eq!(judge(&facts, on).light, row_light[&m.id], "readings of {}", m.id);
            }
            // The agenda.
            let agenda = store.agenda(today, 400, &Scope::everything(), 500).unwrap();
            for (_, m) in agenda.items() {
                prop_assert_eq!(m.standing(on).light, row_light[&m.id]);
            }
            // The headings' counts.
            let counts = lights::count(
                &store,
                Ask { lens: Lens::Directions, today, plan_year: 2023, seen: 0, wrote: 0 },
            )
            .unwrap();
            let mut expect: HashMap<Group, (usize, usize, usize)> = HashMap::new();
            for m in rows.iter().filter(|m| m.due.is_some()) {
                if matches!(m.status, Status::Done | Status::Dropped) {
                    continue;
                }
                let g = Group::Direction(store.project(m.project_id).unwrap().direction_id);
                let slot = expect.entry(g).or_default();
                match row_light[&m.id] {
                    Light::Red => slot.0 += 1,
                    Light::Yellow => slot.1 += 1,
                    Light::Grey => slot.2 += 1,
                    _ => {}
                }
            }
            for (g, c) in &counts.by_group {
                prop_assert_eq!((c.red, c.yellow, c.waiting), expect.remove(g).unwrap_or_default());
            }
            prop_assert!(expect.values().all(|v| *v == (0, 0, 0)));
            // `X`: every open item of a pane, judged from its few columns.
            for d in 1..=3 {
                store
                    .each_judged_in(&Group::Direction(d), |j| {
                        assert_eq!(judge(&j.facts(), on).light, row_light[&j.id], "X, {}", j.id);
                    })
                    .unwrap();
            }
            // The report.
            let period = Period { as_of: today, since: today, plan_year: 2023, next_days: 30 };
            let report = build(&store, Lang::Zh, &period, By::Program, None, store.clock()).unwrap();
            for i in &report.items {
                prop_assert_eq!(i.light(), row_light[&i.row.id], "report, {}", i.row.id);
            }
            // `milestone list --json`, through the binary.
            let json = sb.ok_at(&format!("{today}T10:00:00+08:00"), &["milestone", "list", "--json"]);
            let listed: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(listed.len(), rows.len());
            for l in listed {
                let id = l["id"].as_i64().unwrap();
                prop_assert_eq!(l["light"].as_str().unwrap(), code(row_light[&id]), "list, {}", id);
            }
        }
    }
}

/// `t` on a target that runs past the plan year opens on its line with the
/// year judged asking for a step; the step typed there is stored, and the
/// standing judges the year by it instead of "未设年度目标".
#[test]
fn t_sets_the_yearly_step_a_multi_year_target_asks_for() {
    let sb = Sandbox::new();
    let mut app = in_july(&sb, Lang::Zh);
    press(&mut app, "/超过100亿元<Enter>");
    let m = app.focused().unwrap().selected_milestone().unwrap().clone();
    assert_eq!(
        m.due.as_ref().map(ToString::to_string).as_deref(),
        Some("2025-12-31"),
        "{}",
        m.title
    );
    press(&mut app, "<Enter>");
    let text = screen(&app, 80, 24);
    assert!(text.contains("未设2023年度目标"), "{text}");
    press(&mut app, "t");
    let Some(plan_cockpit::app::overlay::Overlay::Form(f)) = app.overlays.last() else {
        panic!("t opened no form")
    };
    assert_eq!(f.text(), "100亿元 2023=");
    // End keeps the line (the prefill is selected); the step and a base
    // go after it.
    press(&mut app, "<End>40 基数=20<Enter>");
    assert!(app.overlays.is_empty(), "saved: {}", screen(&app, 80, 24));
    let now = common::open_store(&sb.db).milestone(m.id).unwrap();
    assert_eq!(now.steps.get(2023), Some(40.0));
    assert_eq!(now.baseline, Some(20.0));
    assert_eq!(now.target, Some(100.0));
    let text = screen(&app, 80, 24);
    assert!(!text.contains("未设2023年度目标"), "{text}");
    // Deleting the step from the line removes it; the history has both.
    press(&mut app, "t");
    assert_eq!(
        match app.overlays.last() {
            Some(plan_cockpit::app::overlay::Overlay::Form(f)) => f.text(),
            _ => panic!(),
        },
        "100亿元 2023=40 基数=20"
    );
    press(&mut app, "100亿元<Enter>");
    let now = common::open_store(&sb.db).milestone(m.id).unwrap();
    assert!(now.steps.is_empty());
    assert_eq!(now.baseline.unwrap_or(0.0), 0.0);
    let fields: Vec<String> = common::open_store(&sb.db)
        .history_of(m.id, 10)
        .unwrap()
        .into_iter()
        .map(|h| h.field)
        .collect();
    assert!(fields.iter().any(|f| f == "steps"), "{fields:?}");
}

mod late_november;

mod milestone_list;
