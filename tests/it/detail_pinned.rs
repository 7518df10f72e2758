//! 80×24 keeps the verdict in sight (issue 24): a milestone with twenty
//! readings and ten notes still shows its standing, pace and forecast at the
//! top of its detail, whichever note is selected; readings and notes scroll
//! below. Snapshots at 80×24 and 120×40 in both languages.

use crate::common;

use plan_cockpit::domain::{MilestoneChange, ValueChange};
use plan_cockpit::i18n::Lang;

/// The high-tech target due at the end of the pinned year, with a reading
/// a fortnight for twenty fortnights and ten notes.
fn busy_plan(db: &std::path::Path) {
    let mut s = common::open_store(db);
    let start: jiff::civil::Date = "2026-01-05".parse().unwrap();
    let due = "2026-12-31".parse().unwrap();
    let version = s.milestone(19).unwrap().version;
    s.update_milestone(
        19,
        Some(version),
        MilestoneChange {
            due: Some(due),
            ..Default::default()
        },
        "cli",
    )
    .unwrap();
    for i in 0..20i32 {
        let day = start
            .checked_add(jiff::Span::new().days(i64::from(i) * 14))
            .unwrap();
        s.update_milestone(
            19,
            None,
            MilestoneChange {
                value: Some(ValueChange::Set(f64::from(20 * i + 100))),
                as_of: Some(day),
                ..Default::default()
            },
            "cli",
        )
        .unwrap();
    }
    for i in 1..=10 {
        s.update_milestone(
            19,
            None,
            MilestoneChange {
                note: Some(format!("第{i}次调度:新增认定企业,待区科技局复核")),
                ..Default::default()
            },
            "cli",
        )
        .unwrap();
    }
}

#[test]
fn the_standing_stays_in_sight_with_many_readings_and_notes() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            let sb = common::Sandbox::new();
            busy_plan(&sb.db);
            let store = common::open_store(&sb.db);
            let mut app = plan_cockpit::app::App::new(store, lang).unwrap();
            app.resize(w, h);
            common::to_high_tech(&mut app);
            common::press(&mut app, "<Enter>");
            let standing = app.ui().standing;
            let pace = match lang {
                Lang::Zh => "序时进度",
                Lang::En => "elapsed",
            };
            let first = common::screen(&app, w, h);
            assert!(first.contains(standing), "{first}");
            // Down through every note: the verdict stays at the top.
            for n in 0..10 {
                common::press(&mut app, "j");
                let screen = common::screen(&app, w, h);
                assert!(
                    screen.contains(standing) && screen.to_lowercase().contains(pace),
                    "after {} × j:\n{screen}",
                    n + 1
                );
            }
            insta::assert_snapshot!(
                format!("detail_pinned_{lang:?}_{w}x{h}").to_lowercase(),
                common::screen(&app, w, h)
            );
        }
    }
}
