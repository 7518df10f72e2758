//! The year-end 考核 (`report --year-end`): every item of the year with
//! its year's goal, what it achieved and 完成/未完成, counted by direction
//! and 工程, judged on 31 December with what was known by then; golden
//! Markdown and HTML in both languages, the Word and Excel files through
//! their XML.

use super::{at, autumn, unzip};

/// A week into the next year: the assessment is of the year's last day.
const JANUARY: &str = "2024-01-05T10:00:00+08:00";

#[test]
fn golden_year_end_reports_in_both_languages() {
    let sb = autumn();
    for lang in ["zh", "en"] {
        for format in ["markdown", "html"] {
            let text = at(
                &sb,
                JANUARY,
                &["--lang", lang, "report", "--year-end", "--format", format],
            );
            insta::assert_snapshot!(format!("year_end_{lang}_{format}"), text);
        }
    }
}

#[test]
fn the_year_end_counts_what_it_lists_and_judges_the_year() {
    let sb = autumn();
    let md = at(&sb, JANUARY, &["--lang", "zh", "report", "--year-end"]);
    assert!(md.contains("截至日期:2023-12-31"), "{md}");
    let rows: Vec<&str> = md
        .split("## 三、逐项考核")
        .nth(1)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| 指标/任务"))
        .collect();
    let count = |word: &str| {
        rows.iter()
            .filter(|l| l.contains(&format!("| {word} |")))
            .count()
    };
    let total = md.lines().find(|l| l.starts_with("| 全年合计 |")).unwrap();
    // 完成率: done of those judged (an item with no step is not judged).
    let (done, not_done) = (count("完成"), count("未完成"));
    #[allow(clippy::cast_precision_loss)]
    let rate = (done as f64 / (done + not_done) as f64 * 100.0).round();
    assert_eq!(
        total,
        format!(
            "| 全年合计 | {} | {done} | {not_done} | {} | {rate}% |",
            rows.len(),
            count("未设年度目标"),
        ),
        "{md}"
    );
    assert!(
        count("完成") > 0,
        "the autumn plan finished something: {md}"
    );
    // A 2025 target with no 2023 step is listed, not judged, and its whole
    // target is not given as the year's goal.
    let talent = rows
        .iter()
        .find(|l| l.contains("引育本科学历人才"))
        .unwrap();
    assert!(talent.contains("| — | — | 未设年度目标 |"), "{talent}");
    // Cancelled work is not the year's.
    sb.ok_at(JANUARY, &["milestone", "set", "7", "--status", "dropped"]);
    let after = at(&sb, JANUARY, &["--lang", "zh", "report", "--year-end"]);
    assert!(!after.contains("提升东莞大道门户形象 |"), "{after}");
    // Another year: nothing of 2022 in the 2023 plan.
    let before = at(
        &sb,
        JANUARY,
        &["--lang", "zh", "report", "--year-end", "--year", "2022"],
    );
    assert!(before.contains("本年度没有需考核的目标任务"), "{before}");
    // --year without --year-end, or with --as-of, is refused.
    assert_eq!(
        super::common::Run(sb.run_at(JANUARY, &["report", "--year", "2023"])).code(),
        2
    );
    assert_eq!(
        super::common::Run(sb.run_at(JANUARY, &["report", "--year-end", "--as-of", "2023-06-30"]))
            .code(),
        2
    );
}

#[test]
fn the_year_end_documents_print_as_the_weekly_report_does() {
    let sb = autumn();
    let docx = sb.path("考核.docx");
    let xlsx = sb.path("考核.xlsx");
    for f in [&docx, &xlsx] {
        at(
            &sb,
            JANUARY,
            &[
                "--lang",
                "zh",
                "report",
                "--year-end",
                "-o",
                f.to_str().unwrap(),
            ],
        );
    }
    let parts = unzip(&docx);
    let doc = &parts["word/document.xml"];
    assert!(doc.contains("三、逐项考核") && doc.contains("<w:tblHeader/>"));
    assert!(parts["word/footer1.xml"].contains(r#"w:instr=" NUMPAGES ""#));
    assert!(parts["word/header1.xml"].contains("截至日期:2023-12-31"));
    let book = unzip(&xlsx);
    let names = &book["xl/workbook.xml"];
    for sheet in ["完成情况", "分组完成情况", "逐项考核"] {
        assert!(names.contains(&format!("name=\"{sheet}\"")), "{names}");
    }
    let items = &book["xl/worksheets/sheet3.xml"];
    assert!(items.contains("orientation=\"landscape\"") && items.contains(">未设年度目标<"));
    assert!(
        items.contains("<sheetProtection"),
        "nothing of the 考核 is read back"
    );
}
