//! 总体情况 says what the tables show: each count of the overview line is
//! the number of rows of 二、分项推进情况 that carry that light (or 未设时限),
//! in Markdown, HTML, Word and Excel alike.

use super::{NOW, at, autumn, unzip};

/// The overview line's number after `word`.
fn said(line: &str, word: &str) -> usize {
    let at = line
        .find(word)
        .unwrap_or_else(|| panic!("no {word} in {line}"))
        + word.len();
    line[at..]
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap()
}

/// How often `cell` is a whole cell's text in `text` between `from` and `to`.
fn cells(text: &str, from: &str, to: &str, open: &str, cell: &str, close: &str) -> usize {
    let a = text.find(from).expect("section start");
    let b = a + text[a..].find(to).expect("section end");
    text[a..b].matches(&format!("{open}{cell}{close}")).count()
}

#[test]
fn the_overview_counts_what_the_tables_show_in_every_format() {
    let sb = autumn();
    let md = at(&sb, NOW, &["--lang", "zh", "report"]);
    let line = md
        .lines()
        .find(|l| l.starts_with("共 "))
        .unwrap()
        .to_owned();
    let s = |w: &str| said(&line, w);
    let (first, second) = ("## 二、", "## 三、");
    let rows = md[md.find(first).unwrap()..md.find(second).unwrap()]
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| 指标/任务"))
        .count();
    assert_eq!(rows, s("共"), "each item once in 二: {line}");
    assert_eq!(
        s("红灯")
            + s("黄灯")
            + s("绿灯")
            + s("暂无填报或未设年度目标")
            + s("不评价(历史数据、无目标值或未设时限)")
            + s("已取消"),
        s("共"),
        "the lights add up: {line}"
    );
    // Not a comparison of zeros: the autumn plan has red items, and past
    // figures without a time limit that are not 未设时限.
    assert!(
        s("红灯") > 0 && s("不评价(历史数据、无目标值或未设时限)") > 0,
        "{line}"
    );
    let html = at(&sb, NOW, &["--lang", "zh", "report", "--format", "html"]);
    let docx = sb.path("r.docx");
    let xlsx = sb.path("r.xlsx");
    at(
        &sb,
        NOW,
        &["--lang", "zh", "report", "-o", docx.to_str().unwrap()],
    );
    at(
        &sb,
        NOW,
        &["--lang", "zh", "report", "-o", xlsx.to_str().unwrap()],
    );
    let document = unzip(&docx)["word/document.xml"].clone();
    let book = unzip(&xlsx);
    // The group sheets: after 总体情况, before 本周进展, 存在问题, 下步计划.
    let sheets = book["xl/workbook.xml"].matches("<sheet ").count();
    let group_sheets: String = (2..=sheets - 3)
        .map(|n| book[&format!("xl/worksheets/sheet{n}.xml")].clone())
        .collect();
    let words = [
        ("红灯", "红灯"),
        ("黄灯", "黄灯"),
        ("绿灯", "绿灯"),
        ("暂无填报或未设年度目标", "暂无"),
        ("未设完成时限", "未设时限"),
    ];
    for (word, cell) in words {
        let n = s(word);
        assert_eq!(
            cells(&md, first, second, "| ", cell, " |"),
            n,
            "Markdown {word}"
        );
        assert_eq!(
            cells(
                &html,
                "二、分项推进情况",
                "三、本周进展",
                ">",
                cell,
                "</td>"
            ),
            n,
            "HTML {word}"
        );
        assert_eq!(
            cells(
                &document,
                "二、分项推进情况",
                "三、本周进展",
                ">",
                cell,
                "</w:t>"
            ),
            n,
            "Word {word}"
        );
        assert_eq!(
            group_sheets.matches(&format!("<t>{cell}</t>")).count(),
            n,
            "Excel {word}"
        );
    }
}
