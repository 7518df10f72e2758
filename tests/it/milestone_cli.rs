//! `milestone list` and `milestone set`: listing, filtering, every edit and
//! its refusal, history, and concurrent relative updates.

use crate::common;

use common::{Sandbox, assert_no_control};
use serde_json::Value;

const HIGH_TECH: &str = "国家级高新技术企业突破600家";

fn rows(sb: &Sandbox, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["milestone", "list", "--json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&sb.ok(&args)).expect("list --json is JSON")
}

fn by_title(sb: &Sandbox, title: &str) -> Value {
    rows(sb, &[])
        .into_iter()
        .find(|r| r["title"] == title)
        .expect("milestone by title")
}

fn history(sb: &Sandbox, id: i64) -> Vec<(String, String, Option<String>, Option<String>)> {
    let c = rusqlite::Connection::open(&sb.db).unwrap();
    let mut st = c
        .prepare("SELECT author, field, old, new FROM history WHERE entity = 'milestone' AND entity_id = ?1 ORDER BY id")
        .unwrap();
    st.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn list_shows_every_milestone_with_its_place() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let out = sb.ok(&["--lang", "zh", "milestone", "list"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 56, "{out}");
    assert!(
        lines[0].contains("编号") && lines[0].contains("方向 › 项目 › 目标任务"),
        "{}",
        lines[0]
    );
    let ht = lines.iter().find(|l| l.contains(HIGH_TECH)).unwrap();
    assert!(ht.contains("新产业 › 国家级高新技术企业 › "), "{ht}");
    assert!(ht.contains("—/600家 0%"), "{ht}");
    assert!(ht.contains("进行中"), "{ht}");
    assert_no_control("list", &out);
    let en = sb.ok(&["--lang", "en", "milestone", "list"]);
    assert!(en.contains("New Industry › 国家级高新技术企业"), "{en}");
}

#[test]
fn list_json_has_the_promised_fields() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let all = rows(&sb, &[]);
    assert_eq!(all.len(), 55);
    let ht = by_title(&sb, HIGH_TECH);
    for key in [
        "id", "title", "current", "target", "unit", "due", "status", "version",
    ] {
        assert!(ht.get(key).is_some(), "missing {key}");
    }
    assert_eq!(ht["target"], 600.0);
    assert_eq!(ht["unit"], "家");
    assert_eq!(ht["status"], "active");
    assert_eq!(ht["version"], 1);
    assert!(ht["current"].is_null());
}

#[test]
fn list_filters_by_direction_in_any_of_its_names() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let n = rows(&sb, &["--direction", "新产业"]).len();
    assert_eq!(rows(&sb, &["--direction", "new-industry"]).len(), n);
    assert_eq!(rows(&sb, &["--direction", "new industry"]).len(), n);
    assert!(
        rows(&sb, &["--direction", "新产业"])
            .iter()
            .all(|r| r["direction"] == "新产业")
    );
    assert_eq!(
        rows(&sb, &["--direction", "新城市"]).len()
            + n
            + rows(&sb, &["--direction", "新生态"]).len(),
        55
    );
    let r = sb.run(&["milestone", "list", "--direction", "旧城市"]);
    assert_eq!(r.code(), 2);
    assert!(
        r.stderr().contains("no direction is called \"旧城市\""),
        "{}",
        r.stderr()
    );
    assert!(r.stderr().contains("新城市 (new-city)"), "{}", r.stderr());
}

#[test]
fn overdue_lists_open_milestones_past_their_date() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let overdue = rows(&sb, &["--overdue"]);
    // Every seeded date is in 2023 or 2025, before today (2026 or later).
    let dated_open = rows(&sb, &[])
        .into_iter()
        .filter(|r| !r["due"].is_null() && r["status"] != "done" && r["status"] != "dropped")
        .count();
    assert_eq!(overdue.len(), dated_open);
    assert!(overdue.len() >= 15);
    let mall = rows(&sb, &[])
        .into_iter()
        .find(|r| r["project"] == "京东MALL")
        .unwrap();
    sb.ok(&[
        "milestone",
        "set",
        &mall["id"].to_string(),
        "--status",
        "done",
    ]);
    assert_eq!(rows(&sb, &["--overdue"]).len(), dated_open - 1);
    sb.ok(&[
        "milestone",
        "set",
        &mall["id"].to_string(),
        "--status",
        "active",
        "--due",
        "2999-01-01",
    ]);
    assert_eq!(rows(&sb, &["--overdue"]).len(), dated_open - 1);
}

#[test]
fn set_current_add_status_due_and_note_with_history() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let id = by_title(&sb, HIGH_TECH)["id"].as_i64().unwrap();
    let ids = id.to_string();
    let out = sb.ok(&["milestone", "set", &ids, "--current", "512"]);
    assert!(out.contains("current: — → 512"), "{out}");
    let out = sb.ok(&["milestone", "set", &ids, "--add", "5"]);
    assert!(out.contains("current: 512 → 517"), "{out}");
    sb.ok(&["milestone", "set", &ids, "--add", "-2"]);
    sb.ok(&[
        "milestone",
        "set",
        &ids,
        "--status",
        "有风险",
        "--due",
        "2024-06-30",
    ]);
    sb.ok(&[
        "milestone",
        "set",
        &ids,
        "--note",
        "第三季度新增认定 5 家\n待复核",
    ]);
    let m = by_title(&sb, HIGH_TECH);
    assert_eq!(m["current"], 515.0);
    assert_eq!(m["status"], "at_risk");
    assert_eq!(m["due"], "2024-06-30");
    assert_eq!(m["version"], 5);
    assert_eq!(m["progress"], 85);

    let user = plan_cockpit::user::unix_user();
    let h = history(&sb, id);
    let fields: Vec<(&str, Option<&str>, Option<&str>)> = h
        .iter()
        .map(|(_, f, o, n)| (f.as_str(), o.as_deref(), n.as_deref()))
        .collect();
    assert_eq!(
        fields,
        [
            ("current", None, Some("512")),
            ("current", Some("512"), Some("517")),
            ("current", Some("517"), Some("515")),
            ("status", Some("active"), Some("at_risk")),
            ("due", Some("2023-12-31"), Some("2024-06-30")),
        ]
    );
    assert!(h.iter().all(|(a, ..)| *a == user));

    // The value changes recorded today's reading (one per day, the last).
    let json = sb.export_json();
    let doc: Value = serde_json::from_str(&json).unwrap();
    let exported = doc["projects"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["milestones"].as_array().cloned().unwrap_or_default())
        .find(|m| m["title"] == HIGH_TECH)
        .unwrap();
    let readings = exported["readings"].as_array().unwrap();
    assert_eq!(readings.len(), 1);
    assert_eq!(readings[0]["value"], 515);
    assert_eq!(readings[0]["source"], "cli");
    let notes = exported["notes"].as_array().unwrap();
    assert_eq!(notes[0]["body"], "第三季度新增认定 5 家\n待复核");
    assert_eq!(notes[0]["author"], user.as_str());
}

/// Each refusal: exit 2, a message naming the problem, nothing changed.
#[test]
fn bad_edits_are_refused_and_change_nothing() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let id = by_title(&sb, HIGH_TECH)["id"].to_string();
    let yes_no = rows(&sb, &[])
        .into_iter()
        .find(|r| r["kind"] == "yes_no")
        .unwrap()["id"]
        .to_string();
    let before = sb.export_json();
    let cases: &[(&[&str], &str)] = &[
        (&["--current", "12a"], "--current: \"12a\" is not a number"),
        (&["--current", "NaN"], "is not a number"),
        (&["--add", ""], "--add: a number is needed"),
        (
            &["--status", "finished"],
            "--status: unknown status \"finished\"",
        ),
        (
            &["--due", "2023-02-30"],
            "--due: 2023-02-30 is not a real calendar date",
        ),
        (
            &["--due", "next week"],
            "is not a date; type e.g. 2023-12-31",
        ),
        (&["--note", " \u{7}\n "], "the note is empty"),
        (&[], "nothing to change"),
    ];
    for (args, expect) in cases {
        let mut all = vec!["milestone", "set", id.as_str()];
        all.extend_from_slice(args);
        let r = sb.run(&all);
        assert_eq!(r.code(), 2, "{args:?}: {}", r.stderr());
        assert!(r.stderr().contains(expect), "{args:?}: {}", r.stderr());
        assert_no_control("stderr", &r.stderr());
    }
    let r = sb.run(&["milestone", "set", &yes_no, "--current", "3"]);
    assert_eq!(r.code(), 2);
    assert!(r.stderr().contains("yes/no deliverable"), "{}", r.stderr());
    let r = sb.run(&["milestone", "set", "99999", "--status", "done"]);
    assert_eq!(r.code(), 2);
    assert!(
        r.stderr().contains("no milestone has id 99999"),
        "{}",
        r.stderr()
    );
    let r = sb.run(&["milestone", "set", &id, "--current", "1", "--add", "1"]);
    assert_eq!(r.code(), 2, "clap refuses --current with --add");
    let r = sb.run(&["milestone", "set", &id, "--status", "x\u{1b}]0;title\u{7}"]);
    assert_eq!(r.code(), 2);
    assert_no_control("hostile status", &r.stderr());
    assert_eq!(sb.export_json(), before);
}

#[test]
fn stale_version_is_a_conflict_naming_who_and_when() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let m = by_title(&sb, HIGH_TECH);
    let id = m["id"].to_string();
    sb.ok(&[
        "milestone",
        "set",
        &id,
        "--expect-version",
        "1",
        "--current",
        "10",
    ]);
    let r = sb.run(&[
        "milestone",
        "set",
        &id,
        "--expect-version",
        "1",
        "--current",
        "20",
    ]);
    assert_eq!(r.code(), 3, "changed by someone else: {}", r.stderr());
    let user = plan_cockpit::user::unix_user();
    assert!(
        r.stderr().contains(&format!("was changed by {user} at")),
        "{}",
        r.stderr()
    );
    assert!(
        r.stderr().contains("version 2, you had version 1"),
        "{}",
        r.stderr()
    );
    assert_eq!(by_title(&sb, HIGH_TECH)["current"], 10.0);
}

/// Two planners each add 1, many times, at the same moment: every add that
/// reported success is counted.
#[test]
fn concurrent_adds_lose_nothing() {
    const EACH: usize = 150;
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let id = by_title(&sb, HIGH_TECH)["id"].to_string();
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    (0..EACH)
                        .filter(|_| sb.run(&["milestone", "set", &id, "--add", "1"]).code() == 0)
                        .count()
                })
            })
            .collect();
        let succeeded: usize = workers.into_iter().map(|w| w.join().unwrap()).sum();
        assert_eq!(
            succeeded,
            2 * EACH,
            "every add should succeed within the busy timeout"
        );
    });
    assert_eq!(by_title(&sb, HIGH_TECH)["current"], (2 * EACH) as f64);
    assert_eq!(history(&sb, id.parse().unwrap()).len(), 2 * EACH);
}

/// The readings of a milestone, oldest first: (day, value).
fn readings(sb: &Sandbox, id: i64) -> Vec<(String, f64)> {
    let c = rusqlite::Connection::open(&sb.db).unwrap();
    let mut st = c
        .prepare("SELECT as_of, value FROM reading WHERE milestone_id = ?1 ORDER BY as_of")
        .unwrap();
    st.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_figure_entered_late_is_dated_the_day_it_was_true() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let id = by_title(&sb, HIGH_TECH)["id"].as_i64().unwrap();
    let id_s = id.to_string();
    sb.ok(&["milestone", "set", &id_s, "--current", "530"]);
    let v1 = by_title(&sb, HIGH_TECH)["version"].as_i64().unwrap();
    // June's figure, typed in November: recorded for June; the current
    // value stays November's, and the row's version moves (others see it).
    let out = sb.ok(&[
        "milestone",
        "set",
        &id_s,
        "--current",
        "480",
        "--as-of",
        "2026-06-30",
    ]);
    assert!(out.contains("reading: — → 2026-06-30 480"), "{out}");
    let row = by_title(&sb, HIGH_TECH);
    assert_eq!(row["current"].as_f64(), Some(530.0));
    assert!(row["version"].as_i64().unwrap() > v1);
    assert_eq!(
        readings(&sb, id),
        [
            ("2026-06-30".to_owned(), 480.0),
            ("2026-11-29".to_owned(), 530.0)
        ]
    );
    let fields: Vec<String> = history(&sb, id).into_iter().map(|h| h.1).collect();
    assert_eq!(fields, ["current", "reading"]);
    // Corrected the same day: the reading is replaced, not doubled.
    sb.ok(&[
        "milestone",
        "set",
        &id_s,
        "--current",
        "485",
        "--as-of",
        "2026-06-30",
    ]);
    assert_eq!(readings(&sb, id)[0], ("2026-06-30".to_owned(), 485.0));
    // Today's date is today's reading, and sets the current value.
    sb.ok(&[
        "milestone",
        "set",
        &id_s,
        "--current",
        "540",
        "--as-of",
        "2026-11-29",
    ]);
    assert_eq!(by_title(&sb, HIGH_TECH)["current"].as_f64(), Some(540.0));
    assert_eq!(readings(&sb, id).len(), 2);

    // Refused, and nothing changes: a day to come, an addition dated in
    // the past, a date with no value, a date that is not one.
    let before = sb.export_json();
    for (args, says) in [
        (
            vec!["--current", "1", "--as-of", "2026-11-30"],
            "after today",
        ),
        (
            vec!["--add", "1", "--as-of", "2026-06-30"],
            "addition counts on today",
        ),
        (
            vec!["--status", "done", "--as-of", "2026-06-30"],
            "goes with a value",
        ),
        (vec!["--current", "1", "--as-of", "2026-02-30"], "--as-of"),
    ] {
        let mut all = vec!["milestone", "set", id_s.as_str()];
        all.extend(args);
        let r = sb.run(&all);
        assert_eq!(r.code(), 2, "{all:?}: {}", r.stderr());
        assert!(r.stderr().contains(says), "{all:?}: {}", r.stderr());
    }
    assert_eq!(sb.export_json(), before);
    let zh = sb.run(&[
        "--lang",
        "zh",
        "milestone",
        "set",
        &id_s,
        "--current",
        "1",
        "--as-of",
        "2026-12-01",
    ]);
    assert!(
        zh.stderr()
            .contains("填报日期 2026-12-01 晚于今天(2026-11-29)"),
        "{}",
        zh.stderr()
    );
}

/// 责任单位/责任人: set on a project and on a milestone from the CLI; a
/// milestone naming no one answers to its project's; `--owner` lists the
/// work a unit or person answers for, in the agenda too.
#[test]
fn owners_are_set_inherited_and_filtered() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let out = sb.ok(&[
        "--lang",
        "zh",
        "project",
        "set",
        "17",
        "--owner",
        "经发局／张三",
    ]);
    assert!(out.contains("责任单位: — → 经发局"), "{out}");
    assert!(out.contains("责任人: — → 张三"), "{out}");
    let ht = by_title(&sb, HIGH_TECH);
    assert_eq!(
        (ht["owner"].as_str(), ht["lead"].as_str()),
        (Some("经发局"), Some("张三"))
    );
    assert_eq!(ht["owner_inherited"], true);
    // Its own owner wins over the project's.
    let id = ht["id"].as_i64().unwrap().to_string();
    sb.ok(&["milestone", "set", &id, "--owner", "科技局/李四"]);
    let ht = by_title(&sb, HIGH_TECH);
    assert_eq!(
        (ht["owner"].as_str(), ht["owner_inherited"].as_bool()),
        (Some("科技局"), Some(false))
    );
    assert_eq!(rows(&sb, &["--owner", "李四"]).len(), 1);
    assert!(
        rows(&sb, &["--owner", "张三"]).is_empty(),
        "the milestone left 张三"
    );
    assert_eq!(
        rows(&sb, &["--owner", "科技局", "--due-within", "30"]).len(),
        1
    );
    let text = sb.ok(&["--lang", "zh", "milestone", "list", "--owner", "科技"]);
    assert!(
        text.contains("责任单位/责任人") && text.contains("科技局/李四"),
        "{text}"
    );
    // An empty owner hands it back to the project's.
    sb.ok(&["milestone", "set", &id, "--owner", ""]);
    assert_eq!(by_title(&sb, HIGH_TECH)["owner"], "经发局");
    // A refused owner names the flag and changes nothing.
    let long = "长".repeat(301);
    let r = sb.run(&["--lang", "zh", "project", "set", "17", "--owner", &long]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(
        r.stderr().contains("--owner") && r.stderr().contains("责任单位"),
        "{}",
        r.stderr()
    );
    assert_eq!(by_title(&sb, HIGH_TECH)["owner"], "经发局");
    // The history says who changed it.
    let r = sb.run(&["project", "set", "999", "--owner", "x"]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
}

/// A yes/no task done on a past day keeps that day; a numeric one is
/// refused a date without a value.
#[test]
fn a_task_is_done_on_the_day_given() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let out = sb.ok(&[
        "--lang",
        "zh",
        "milestone",
        "set",
        "33",
        "--status",
        "done",
        "--as-of",
        "2023-03-20",
    ]);
    assert!(out.contains("完成日期: — → 2023-03-20"), "{out}");
    let r = sb.run(&[
        "--lang",
        "zh",
        "milestone",
        "set",
        "30",
        "--status",
        "done",
        "--as-of",
        "2023-03-20",
    ]);
    assert_eq!(r.code(), 2);
    assert!(r.stderr().contains("填报日期要和完成值"), "{}", r.stderr());
}

/// A target where the milestone starts leaves nothing to reach: refused
/// at entry, in words, the milestone as it was.
#[test]
fn a_target_of_zero_is_refused() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let r = sb.run(&["--lang", "zh", "milestone", "set", "19", "--target", "0"]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(r.stderr().contains("目标值 0 等于起点"), "{}", r.stderr());
    assert_eq!(by_title(&sb, HIGH_TECH)["target"], 600.0);
    // A baseline of 9 listed companies: a target of 9 is refused too.
    let r = sb.run(&["milestone", "set", "26", "--target", "9"]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(r.stderr().contains("nothing to reach"), "{}", r.stderr());
    sb.ok(&["milestone", "set", "26", "--target", "12"]);
}

/// A weight makes a milestone count more in its project's progress and in
/// what pulls the project down; a weight that cannot be one is refused.
#[test]
fn a_weight_counts_in_the_rollup() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    // 人才东城: three targets; the first reached, the others untouched.
    sb.ok(&["milestone", "set", "16", "--current", "1"]);
    let store = common::open_store(&sb.db);
    assert!((store.project(16).unwrap().rollup.progress.unwrap() - 1.0 / 3.0).abs() < 1e-9);
    let out = sb.ok(&["--lang", "zh", "milestone", "set", "16", "--weight", "2"]);
    assert!(out.contains("权重: 1 → 2"), "{out}");
    let p = store.project(16).unwrap();
    assert!(
        (p.rollup.progress.unwrap() - 0.5).abs() < 1e-9,
        "{:?}",
        p.rollup
    );
    for bad in ["0", "-1", "1001", "abc"] {
        let r = sb.run(&["--lang", "zh", "milestone", "set", "16", "--weight", bad]);
        assert_eq!(r.code(), 2, "{bad}: {}", r.stderr());
        assert!(
            r.stderr().contains("weight") || r.stderr().contains("权重"),
            "{bad}: {}",
            r.stderr()
        );
    }
    // Exported only when not 1, and back in exactly.
    let json = sb.export_json();
    assert_eq!(json.matches("\"weight\"").count(), 1);
    let b = Sandbox::new();
    let file = b.write("plan.json", &json);
    b.ok(&["import", "--replace", file.to_str().unwrap()]);
    assert_eq!(b.export_json(), json);
}

/// Amounts as planners type them, read in the milestone's unit; days in
/// the forms they write, a day without a year in the plan's.
#[test]
fn chinese_amounts_and_days_are_read_in_every_entry_field() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    sb.ok(&["milestone", "set", "18", "--current", "1.5万"]);
    sb.ok(&[
        "milestone",
        "set",
        "23",
        "--current",
        "5000万",
        "--due",
        "2023年6月30日",
    ]);
    sb.ok(&[
        "milestone",
        "set",
        "22",
        "--target",
        "120亿元",
        "--due",
        "年底",
    ]);
    sb.ok(&[
        "milestone",
        "set",
        "36",
        "--current",
        "3,000",
        "--as-of",
        "6月30日",
    ]);
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&sb.ok(&["milestone", "list", "--json"])).unwrap();
    let m = |id: i64| json.iter().find(|r| r["id"] == id).unwrap().clone();
    assert_eq!(m(18)["current"], 15000.0);
    assert_eq!(m(23)["current"], 0.5, "5000万 of a target in 亿元");
    assert_eq!(m(23)["due"], "2023-06-30");
    assert_eq!(
        (m(22)["target"].clone(), m(22)["due"].clone()),
        (120.0.into(), "2023-12-31".into())
    );
    assert!(
        sb.export_json().contains("\"as_of\": \"2023-06-30\""),
        "6月30日 of the plan year"
    );
    let r = sb.run(&["--lang", "zh", "milestone", "set", "23", "--current", "5家"]);
    assert_eq!(r.code(), 2);
    assert!(
        r.stderr().contains("与本项的单位“亿元”不符"),
        "{}",
        r.stderr()
    );
}
