//! 最新备注 is the newest progress note by the day it speaks of: a late
//! figure's note typed today speaks of its own day, and the plan's quotes
//! of its source (原文) are never progress.

use super::{Sandbox, at};

#[test]
fn the_latest_note_is_the_newest_progress_note_by_its_day() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    at(
        &sb,
        "2023-11-01T10:00:00+08:00",
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
    // Typed later, about September: not the latest.
    at(
        &sb,
        "2023-11-27T10:00:00+08:00",
        &[
            "milestone",
            "set",
            "19",
            "--current",
            "520",
            "--as-of",
            "2023-09-30",
            "--note",
            "三季度认定批次",
        ],
    );
    let md = at(
        &sb,
        "2023-11-27T10:00:00+08:00",
        &["--lang", "zh", "report"],
    );
    let row = md
        .lines()
        .find(|l| l.contains("国家级高新技术企业突破600家 |"))
        .unwrap();
    assert!(row.ends_with("| （11-01）十月新增认定 |"), "{row}");
    assert!(
        !md.contains("原文:"),
        "no quote of the source as progress:\n{md}"
    );
    // The JSON keeps what each note is.
    let json = at(
        &sb,
        "2023-11-27T10:00:00+08:00",
        &["export", "--format", "json"],
    );
    assert!(
        json.contains("\"kind\": \"source\""),
        "the quotes stay marked"
    );
    assert!(
        json.contains("\"as_of\": \"2023-09-30\""),
        "the late note's day"
    );
}

/// `--quotes`: the source quotes go once each into an appendix, with every
/// item that cites them; without it, nowhere.
#[test]
fn quotes_go_once_into_an_appendix_when_asked() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let now = "2023-11-27T10:00:00+08:00";
    let plain = at(&sb, now, &["--lang", "zh", "report"]);
    assert!(!plain.contains("附:原文摘录") && !plain.contains("原文:"));
    let md = at(&sb, now, &["--lang", "zh", "report", "--quotes"]);
    let appendix = md.split("## 附:原文摘录").nth(1).expect("an appendix");
    let long = "原文:东城将以创建高质量发展基层改革创新实验区为抓手";
    assert_eq!(appendix.matches(long).count(), 1, "once: {appendix}");
    let row = appendix.lines().find(|l| l.contains(long)).unwrap();
    assert!(
        row.contains("拓空间先行先试") && row.contains("为投资“松绑”先行先试"),
        "every item citing it: {row}"
    );
    // None outside the appendix.
    assert!(!md.split("## 附:原文摘录").next().unwrap().contains("原文:"));
    let xlsx = sb.path("q.xlsx");
    at(
        &sb,
        now,
        &[
            "--lang",
            "zh",
            "report",
            "--quotes",
            "-o",
            xlsx.to_str().unwrap(),
        ],
    );
    assert!(super::unzip(&xlsx)["xl/workbook.xml"].contains("name=\"原文摘录\""));
}
