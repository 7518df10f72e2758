//! One clock: `PLAN_COCKPIT_NOW` runs the whole program at a moment, and
//! "today" is the planner's local day (TZ), not UTC's.

use crate::common;

use common::Sandbox;

fn reading_day(sb: &Sandbox) -> String {
    let c = rusqlite::Connection::open(&sb.db).unwrap();
    c.query_row(
        "SELECT as_of FROM reading WHERE milestone_id = 19 ORDER BY id DESC LIMIT 1",
        [],
        |r| r.get(0),
    )
    .unwrap()
}

fn last_change_at(sb: &Sandbox) -> String {
    let c = rusqlite::Connection::open(&sb.db).unwrap();
    c.query_row("SELECT at FROM history ORDER BY id DESC LIMIT 1", [], |r| {
        r.get(0)
    })
    .unwrap()
}

#[test]
fn plan_cockpit_now_runs_the_program_at_that_moment_in_the_local_day() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    // 00:30 on 1 July in Dongguan is still 30 June in UTC: the reading is
    // dated by the planner's day.
    let out = sb
        .cmd()
        .env("PLAN_COCKPIT_NOW", "2023-06-30T16:30:00Z")
        .env("TZ", "Asia/Shanghai")
        .args(["milestone", "set", "19", "--current", "300"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(reading_day(&sb), "2023-07-01");
    assert_eq!(last_change_at(&sb), "2023-06-30T16:30:00Z", "stored in UTC");
    // The same moment for a planner in UTC is still the 30th.
    let out = sb
        .cmd()
        .env("PLAN_COCKPIT_NOW", "2023-06-30T16:30:00Z")
        .env("TZ", "UTC")
        .args(["milestone", "set", "19", "--current", "310"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(reading_day(&sb), "2023-06-30");
    // Overdue is measured against that day too: in mid-2023 the food
    // industry's 2025 target (milestone 22) is not overdue yet; at the
    // pinned test date it is.
    let list = |now: &str| {
        let out = sb
            .cmd()
            .env("PLAN_COCKPIT_NOW", now)
            .args(["milestone", "list", "--overdue", "--json"])
            .output()
            .unwrap();
        let v: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        v.into_iter().any(|m| m["id"] == 22)
    };
    assert!(!list("2023-06-30T09:00:00+08:00"));
    assert!(list("2026-11-29T09:00:00+08:00"));
}

#[test]
fn a_plan_cockpit_now_that_is_not_an_instant_is_refused_with_an_example() {
    let sb = Sandbox::new();
    let out = sb
        .cmd()
        .env("PLAN_COCKPIT_NOW", "next monday")
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2023-11-27T09:00:00+08:00"), "{err}");
    assert!(!sb.db.exists(), "nothing was created");
}
