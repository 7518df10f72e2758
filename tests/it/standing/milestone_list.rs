//! `milestone list` shows the one standing: `--light` keeps the lights
//! asked for (either language's names; a wrong one refused in words,
//! nothing listed), and `--csv` gives the same rows with each reason for
//! a spreadsheet.

use super::common::{self, Sandbox};

/// Late November 2023: the plan year, so a 2025 target waits for a reading
/// and a blocked item is red for being blocked.
const NOV: &str = "2023-11-27T09:00:00+08:00";

fn ids(text: &str) -> Vec<i64> {
    text.lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next()?.parse().ok())
        .collect()
}

#[test]
fn light_keeps_the_lights_asked_for_in_either_language() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    sb.ok_at(NOV, &["milestone", "set", "19", "--current", "100"]);
    let all: Vec<serde_json::Value> =
        serde_json::from_str(&sb.ok_at(NOV, &["milestone", "list", "--json"])).unwrap();
    let want = |lights: &[&str]| -> Vec<i64> {
        all.iter()
            .filter(|m| lights.contains(&m["light"].as_str().unwrap()))
            .map(|m| m["id"].as_i64().unwrap())
            .collect()
    };
    let grey = ids(&sb.ok_at(NOV, &["milestone", "list", "--light", "grey"]));
    assert_eq!(grey, want(&["grey"]));
    assert!(!grey.is_empty(), "the 2025 targets wait for a reading");
    let zh = ids(&sb.ok_at(
        NOV,
        &["--lang", "zh", "milestone", "list", "--light", "红灯、暂无"],
    ));
    assert_eq!(zh, want(&["red", "grey"]));
    let r = common::Run(sb.run_at(
        NOV,
        &["--lang", "zh", "milestone", "list", "--light", "red,紫灯"],
    ));
    assert_eq!(r.code(), 2);
    assert!(r.stdout().is_empty(), "nothing listed: {}", r.stdout());
    assert!(r.stderr().contains("“紫灯”不是亮灯"), "{}", r.stderr());
}

#[test]
fn csv_lists_the_same_rows_with_each_reason_for_a_spreadsheet() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    sb.ok_at(NOV, &["milestone", "set", "6", "--status", "blocked"]);
    sb.ok_at(
        NOV,
        &["milestone", "set", "6", "--owner", "=HYPERLINK(\"x\")/李华"],
    );
    let text = sb.ok_at(
        NOV,
        &["--lang", "zh", "milestone", "list", "--light", "red"],
    );
    let csv = sb.ok_at(
        NOV,
        &[
            "--lang",
            "zh",
            "milestone",
            "list",
            "--light",
            "red",
            "--csv",
        ],
    );
    assert!(csv.starts_with('\u{FEFF}'), "a BOM for Excel and WPS");
    let mut sheet = csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
    let head: Vec<String> = sheet.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(head[0], "编号");
    assert_eq!(head[2], "亮灯");
    assert_eq!(head.last().unwrap(), "进度判断");
    let rows: Vec<csv::StringRecord> = sheet.records().map(Result::unwrap).collect();
    let csv_ids: Vec<i64> = rows.iter().map(|r| r[0].parse().unwrap()).collect();
    assert_eq!(csv_ids, ids(&text), "the same rows as the text list");
    let blocked = rows.iter().find(|r| &r[0] == "6").unwrap();
    assert_eq!(&blocked[2], "红灯");
    assert!(blocked[7].contains("标记为受阻"), "{blocked:?}");
    assert!(
        blocked[5].starts_with("'=HYPERLINK"),
        "a formula kept as text: {blocked:?}"
    );
    let r = common::Run(sb.run_at(NOV, &["milestone", "list", "--csv", "--json"]));
    assert_eq!(r.code(), 2, "one format at a time: {}", r.stderr());
}
