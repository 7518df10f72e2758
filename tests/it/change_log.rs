//! The plan-wide change log: `plan-cockpit log` against a scripted
//! history, and `H` on a project in the cockpit.

use crate::common;

use common::{Sandbox, cockpit, press};
use plan_cockpit::app::keymap::Layer;
use plan_cockpit::app::overlay::Overlay;
use plan_cockpit::domain::change::MilestoneChange;
use plan_cockpit::i18n::Lang;

fn at(sb: &Sandbox, now: &str, args: &[&str]) -> String {
    sb.ok_at(now, args)
}

#[test]
fn log_lists_every_change_newest_first_and_filters_by_day_user_and_direction() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    at(
        &sb,
        "2023-11-01T09:00:00+08:00",
        &["milestone", "set", "19", "--current", "300"],
    );
    at(
        &sb,
        "2023-11-20T09:00:00+08:00",
        &["milestone", "set", "4", "--status", "active"],
    );
    at(
        &sb,
        "2023-12-01T15:30:00+08:00",
        &[
            "milestone",
            "set",
            "19",
            "--current",
            "450",
            "--note",
            "新增认定",
        ],
    );
    let all = at(&sb, "2023-12-05T10:00:00+08:00", &["--lang", "zh", "log"]);
    let lines: Vec<&str> = all.lines().collect();
    assert_eq!(lines.len(), 4, "{all}");
    assert!(
        lines[0].starts_with(
            "2023-12-01 15:30  root  国家级高新技术企业 › 国家级高新技术企业突破600家"
        ),
        "{all}"
    );
    assert!(
        lines.iter().any(|l| l.contains("完成值: 300 → 450")),
        "{all}"
    );
    assert!(lines[3].contains("完成值: — → 300"), "oldest last: {all}");
    let since = at(
        &sb,
        "2023-12-05T10:00:00+08:00",
        &["log", "--since", "2023-11-15"],
    );
    assert_eq!(since.lines().count(), 3, "{since}");
    let city = at(
        &sb,
        "2023-12-05T10:00:00+08:00",
        &["--lang", "zh", "log", "--direction", "新城市"],
    );
    assert_eq!(city.lines().count(), 1, "{city}");
    assert!(
        city.contains("国金大厦 › 动工建设") && city.contains("状态: 计划中 → 进行中"),
        "{city}"
    );
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&at(&sb, "2023-12-05T10:00:00+08:00", &["log", "--json"])).unwrap();
    assert_eq!(json.len(), 4);
    assert_eq!(json[0]["local"], "2023-12-01 15:30");
    assert_eq!(
        json[0]["field"], "body",
        "a note's text, as its own history row"
    );
    let nobody = at(
        &sb,
        "2023-12-05T10:00:00+08:00",
        &["log", "--user", "nobody"],
    );
    assert!(nobody.is_empty(), "{nobody}");
    let r = sb.run(&["--lang", "zh", "log", "--since", "2023-13-01"]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(r.stderr().contains("--since"), "{}", r.stderr());
}

#[test]
fn h_on_a_project_shows_every_change_under_it() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    press(
        &mut app,
        "/国家级高新技术企业突破<Enter>e<C-u>300<Enter>n认定中<C-s><Esc><Esc>",
    );
    press(&mut app, "o经发局<Enter>H");
    assert_eq!(app.layer(), Layer::History);
    let Some(Overlay::History(h)) = app.overlays.last() else {
        panic!()
    };
    assert_eq!(h.title, "国家级高新技术企业");
    let fields: Vec<&str> = h.rows.iter().map(|r| r.field.as_str()).collect();
    assert_eq!(fields, ["owner", "body", "current"], "newest first");
    assert!(h.rows[2].place.contains("国家级高新技术企业突破600家"));
}

#[test]
fn a_in_a_projects_history_widens_to_the_whole_pane() {
    let (_sb, mut app) = cockpit(Lang::Zh);
    press(&mut app, "/国家级高新技术企业突破<Enter>e<C-u>300<Enter>");
    press(
        &mut app,
        "/规上工业企业完成数字化评估<Enter>e<C-u>120<Enter><Esc><Esc>H",
    );
    let Some(Overlay::History(h)) = app.overlays.last() else {
        panic!()
    };
    assert_eq!(h.rows.len(), 1, "the project's own");
    press(&mut app, "a");
    assert_eq!(app.layer(), Layer::History);
    let Some(Overlay::History(h)) = app.overlays.last() else {
        panic!()
    };
    assert_eq!(h.title, "新产业");
    assert_eq!(h.rows.len(), 2, "both projects of the pane: {:?}", h.rows);
    assert!(h.rows[0].place.contains("数字化评估"), "newest first");
    press(&mut app, "a<Esc>");
    assert_eq!(app.layer(), Layer::Panes);
}

/// `C`: the whole plan's changes since this week's Monday; `d` widens to
/// the month and to all time, `p` keeps one person's (then everyone's).
#[test]
fn c_shows_the_plan_s_changes_since_monday_by_person() {
    let sb = Sandbox::new();
    // Two planners, each through a store of their own name and day.
    let by = |who: &str, now: &str, id: i64, change: MilestoneChange| {
        let zone = jiff::tz::TimeZone::get("Asia/Shanghai").unwrap();
        let clock = plan_cockpit::domain::Clock::fixed_in(now.parse().unwrap(), zone);
        let mut store = common::open_as(&sb.db, who, clock);
        store.update_milestone(id, None, change, "test").unwrap();
    };
    let value = |v: f64| MilestoneChange {
        value: Some(plan_cockpit::domain::change::ValueChange::Set(v)),
        ..MilestoneChange::default()
    };
    // 2023-11-27 is a Monday; the cockpit looks on Wednesday the 29th.
    by("lihua", "2023-10-30T10:00:00+08:00", 19, value(540.0));
    let blocked = MilestoneChange {
        status: Some(plan_cockpit::domain::Status::Blocked),
        ..MilestoneChange::default()
    };
    by("wangfang", "2023-11-20T10:00:00+08:00", 6, blocked);
    by("lihua", "2023-11-27T10:00:00+08:00", 23, value(35.2));
    by("wangfang", "2023-11-28T10:00:00+08:00", 36, value(360.0));
    let zone = jiff::tz::TimeZone::get("Asia/Shanghai").unwrap();
    let clock =
        plan_cockpit::domain::Clock::fixed_in("2023-11-29T09:00:00+08:00".parse().unwrap(), zone);
    let mut app =
        plan_cockpit::app::App::new(common::open_store_at(&sb.db, clock), Lang::Zh).unwrap();
    let shown = |app: &plan_cockpit::app::App| -> Vec<(String, String)> {
        match app.overlays.last() {
            Some(Overlay::History(h)) => h
                .rows
                .iter()
                .map(|r| (r.author.clone(), r.field.clone()))
                .collect(),
            _ => panic!("no history open"),
        }
    };
    press(&mut app, "C");
    assert_eq!(app.layer(), Layer::Log);
    assert_eq!(
        shown(&app),
        [
            ("wangfang".into(), "current".into()),
            ("lihua".into(), "current".into())
        ],
        "since Monday, newest first"
    );
    let text = common::screen(&app, 80, 24);
    assert!(text.contains("本周(11-27 起)"), "{text}");
    press(&mut app, "d");
    assert_eq!(shown(&app).len(), 3, "this month");
    assert!(common::screen(&app, 80, 24).contains("本月(11-01 起)"));
    press(&mut app, "p");
    assert_eq!(
        shown(&app),
        [
            ("wangfang".into(), "current".into()),
            ("wangfang".into(), "status".into())
        ],
        "the month's newest author first"
    );
    assert!(common::screen(&app, 80, 24).contains("wangfang"));
    press(&mut app, "p");
    assert!(shown(&app).iter().all(|(who, _)| who == "lihua"));
    press(&mut app, "p");
    assert_eq!(shown(&app).len(), 3, "everyone again");
    press(&mut app, "d");
    assert_eq!(shown(&app).len(), 4, "all time");
    assert!(common::screen(&app, 80, 24).contains("全部时间"));
    press(&mut app, "<Esc>");
    assert_eq!(app.layer(), Layer::Panes);
}

/// `B`: the targets and time limits that moved since the newest baseline,
/// `b` the baseline before, Enter goes to the item; no baseline says how
/// to save one.
#[test]
fn b_compares_with_the_newest_baseline_and_steps_back() {
    let (sb, mut app) = cockpit(Lang::Zh);
    press(&mut app, "B");
    assert_eq!(app.layer(), Layer::Panes);
    assert!(common::screen(&app, 80, 24).contains("尚未保存基线"));
    sb.ok_at("2023-03-01T09:00:00+08:00", &["baseline", "save", "年初"]);
    sb.ok_at(
        "2023-06-01T09:00:00+08:00",
        &["milestone", "set", "19", "--target", "620"],
    );
    sb.ok_at("2023-07-01T09:00:00+08:00", &["baseline", "save", "年中"]);
    sb.ok_at(
        "2023-08-01T09:00:00+08:00",
        &["milestone", "set", "23", "--due", "2024-06-30"],
    );
    press(&mut app, "B");
    assert_eq!(app.layer(), Layer::Compare);
    let moved = |app: &plan_cockpit::app::App| match app.overlays.last() {
        Some(Overlay::Compare(c)) => c.moved.iter().map(|m| m.milestone).collect::<Vec<_>>(),
        _ => panic!("no comparison open"),
    };
    assert_eq!(moved(&app), [23], "since 年中: the time limit");
    let text = common::screen(&app, 80, 24);
    assert!(text.contains("与基线比较 · 年中"), "{text}");
    assert!(text.contains("2023-12-31 → 2024-06-30"), "{text}");
    press(&mut app, "b");
    assert_eq!(moved(&app), [19, 23], "since 年初: both");
    let text = common::screen(&app, 120, 40);
    assert!(text.contains("600 → 620 (+20) 家"), "{text}");
    press(&mut app, "<Enter>");
    assert_eq!(app.layer(), Layer::Panes);
    let m = app.focused().unwrap().selected_milestone().unwrap();
    assert_eq!(m.id, 19, "Enter went to the item");
}

/// `user set` names a login: reports, the log and the cockpit's history say
/// 李华, and who made a report is 李华(经济发展局); a login nobody named
/// reads as itself; a login left empty is refused, naming the field.
#[test]
fn people_are_shown_by_name_in_reports_history_and_log() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let me = plan_cockpit::user::unix_user();
    let now = "2023-11-27T10:00:00+08:00";
    at(
        &sb,
        now,
        &[
            "milestone",
            "set",
            "19",
            "--current",
            "540",
            "--note",
            "十月新增认定",
        ],
    );
    let said = at(
        &sb,
        now,
        &[
            "--lang",
            "zh",
            "user",
            "set",
            &me,
            "--name",
            "李华",
            "--unit",
            "经济发展局",
        ],
    );
    assert!(said.contains("显示为“李华”(经济发展局)"), "{said}");
    let list = at(&sb, now, &["user", "list", "--json"]);
    let people: Vec<serde_json::Value> = serde_json::from_str(&list).unwrap();
    assert_eq!(people[0]["name"], "李华");
    let md = at(&sb, now, &["--lang", "zh", "report"]);
    assert!(md.contains("填报人:李华(经济发展局)"), "{md}");
    assert!(md.contains("| 李华 | 国家级高新技术企业"), "{md}");
    let log = at(&sb, now, &["--lang", "zh", "log"]);
    assert!(log.contains("  李华  国家级高新技术企业"), "{log}");
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&at(&sb, now, &["log", "--json"])).unwrap();
    assert_eq!(
        (json[0]["author"].as_str(), json[0]["name"].as_str()),
        (Some(me.as_str()), Some("李华"))
    );
    // The cockpit's history says the name too.
    let mut app = plan_cockpit::app::App::new(common::open_store(&sb.db), Lang::Zh).unwrap();
    press(&mut app, "/国家级高新技术企业突破<Enter>H");
    let text = common::screen(&app, 120, 40);
    assert!(text.contains("李华"), "{text}");
    // A login left empty names nothing.
    let r = common::Run(sb.run_at(now, &["--lang", "zh", "user", "set", " ", "--name", "x"]));
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(r.stderr().contains("登录名"), "{}", r.stderr());
}
