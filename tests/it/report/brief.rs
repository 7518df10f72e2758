//! The one-page 领导版 (`report --summary`, and `R` in the cockpit): the
//! counts by standing, the chart of each direction and 工程 against 序时进度,
//! the worst red items with who answers for them, what falls due next;
//! golden Markdown and HTML in both languages, the Word file through its
//! XML, and the same chart in the full report's HTML, Word and Excel.

use super::{NOW, at, autumn, report_file, unzip};

#[test]
fn golden_briefs_in_both_languages() {
    let sb = autumn();
    for lang in ["zh", "en"] {
        for format in ["markdown", "html"] {
            let text = at(
                &sb,
                NOW,
                &["--lang", lang, "report", "--summary", "--format", format],
            );
            insta::assert_snapshot!(format!("brief_{lang}_{format}"), text);
        }
    }
}

#[test]
fn the_brief_counts_agree_and_says_red_items_once() {
    let sb = autumn();
    // A second red item with its owner, and one flagged at risk.
    at(&sb, NOW, &["milestone", "set", "37", "--current", "10"]);
    at(&sb, NOW, &["milestone", "set", "4", "--status", "at_risk"]);
    let md = at(&sb, NOW, &["--lang", "zh", "report", "--summary"]);
    let full = at(&sb, NOW, &["--lang", "zh", "report"]);
    // The headline row adds up to the items, and matches the full report.
    let counts = md
        .lines()
        .skip_while(|l| !l.starts_with("| 目标任务 |"))
        .nth(2)
        .unwrap();
    let n: Vec<usize> = counts
        .trim_matches('|')
        .split('|')
        .map(|c| c.trim().parse().unwrap())
        .collect();
    assert_eq!(n[0], n[1] + n[2] + n[3] + n[4] + n[5], "{counts}");
    assert!(
        full.contains(&format!(
            "共 {} 项目标任务:红灯 {} 项,黄灯 {} 项",
            n[0], n[1], n[2]
        )),
        "{counts}\n{full}"
    );
    // Red items are listed under 三 and not again under 四.
    let red = md
        .split("## 三、")
        .nth(1)
        .unwrap()
        .split("## 四、")
        .next()
        .unwrap();
    let next = md.split("## 四、").nth(1).unwrap();
    assert!(red.contains("完成数字化改造项目"), "{red}");
    assert!(!next.contains("完成数字化改造项目"), "{next}");
    assert!(
        next.contains("国金大厦"),
        "the flagged item is due next: {next}"
    );
    // The chart's table has a row per direction and 工程.
    for group in ["新城市", "新产业", "新生态", "科技创新培优工程"] {
        assert!(md.contains(&format!("| {group} | ")), "{group}: {md}");
    }
}

#[test]
fn the_brief_in_word_is_one_upright_page_with_its_chart() {
    let sb = autumn();
    let path = report_file(&sb, NOW, "简报.docx", &["--summary"]);
    let bytes = std::fs::read(&path).unwrap();
    let parts = unzip(&path);
    let doc = &parts["word/document.xml"];
    assert!(
        doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#),
        "A4 upright"
    );
    assert!(
        parts["[Content_Types].xml"]
            .contains(r#"<Default Extension="png" ContentType="image/png"/>"#)
    );
    assert!(parts["word/_rels/document.xml.rels"].contains(r#"Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png""#));
    assert!(doc.contains(r#"<a:blip r:embed="rId10"/>"#), "{doc}");
    assert!(
        doc.contains("descr=\"图:实心条为完成率"),
        "the picture is described"
    );
    // The picture is a PNG, stored whole.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut png = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name("word/media/image1.png").unwrap(), &mut png)
        .unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // Its figures: drawn in it, or — where this machine has no font for
    // its words — given in the table after it, and said so.
    let unlabelled = doc.contains("图中文字从略");
    assert_eq!(doc.contains(">差距<"), unlabelled, "{doc}");
    for heading in [
        "一、总体情况",
        "二、各方向、工程完成情况",
        "三、重点问题(红灯事项)",
        "四、近期到期事项",
    ] {
        assert!(doc.contains(heading), "{heading}");
    }
}

#[test]
fn the_full_report_carries_the_same_chart() {
    let sb = autumn();
    let html = at(&sb, NOW, &["--lang", "zh", "report", "--format", "html"]);
    let svg = html
        .split("<figure class=\"chart\">")
        .nth(1)
        .expect("a chart");
    assert!(svg.starts_with("<svg"), "{svg}");
    assert!(svg.contains("\n科技创新培优工程\n"), "{svg}");
    let docx = report_file(&sb, NOW, "周报.docx", &[]);
    let xlsx = report_file(&sb, NOW, "周报.xlsx", &[]);
    assert!(unzip(&docx)["word/document.xml"].contains(r#"<a:blip r:embed="rId10"/>"#));
    let book = unzip(&xlsx);
    assert!(
        book.keys().any(|k| k.starts_with("xl/drawings/drawing")),
        "the overview sheet has its picture: {:?}",
        book.keys()
    );
}

#[test]
fn the_brief_refuses_what_it_does_not_show() {
    let sb = autumn();
    for clash in [
        ["--summary", "--year-end"],
        ["--summary", "--quotes"],
        ["--summary", "--week"],
    ] {
        let out = sb.run_at(NOW, &["--lang", "zh", "report", clash[0], clash[1]]);
        assert_eq!(out.status.code(), Some(2), "{clash:?}");
    }
}

/// `R` offers the 领导版 and the year-end 考核 beside the weekly report.
#[test]
fn r_writes_the_brief_and_the_year_end() {
    use plan_cockpit::report::{ReportFormat, ReportKind, write_report};
    let (sb, mut app) = super::common::cockpit(plan_cockpit::i18n::Lang::Zh);
    let store = super::common::open_store(&sb.db);
    let clock = super::common::test_clock();
    for (downs, kind, format, stem) in [
        (
            4,
            ReportKind::Brief,
            ReportFormat::Docx,
            "工作进展简报-2026-11-29.docx",
        ),
        (
            5,
            ReportKind::Brief,
            ReportFormat::Html,
            "工作进展简报-2026-11-29.html",
        ),
        (
            6,
            ReportKind::YearEnd,
            ReportFormat::Docx,
            "年度考核-2023.docx",
        ),
        (
            7,
            ReportKind::YearEnd,
            ReportFormat::Xlsx,
            "年度考核-2023.xlsx",
        ),
    ] {
        super::common::press(&mut app, "R");
        // From the first choice (the planner's usual: weekly, Word).
        super::common::press(&mut app, &format!("{}<Enter>", "j".repeat(downs)));
        let mut ask = app.report_wanted().expect("a report asked for");
        assert_eq!((ask.kind, ask.format), (kind, format));
        ask.folder = sb.dir.path().to_owned();
        let path = write_report(&store, &ask, &clock).unwrap();
        assert!(path.ends_with(stem), "{path:?}");
        assert!(std::fs::metadata(&path).unwrap().len() > 1000);
    }
}

/// `PLAN_COCKPIT_FONT` naming something that is not a font — a device
/// that never ends, a folder, the database — is passed over: the brief is
/// written all the same.
#[test]
fn a_garbage_font_setting_is_passed_over() {
    let sb = autumn();
    let path = sb.path("简报.docx");
    let db = sb.db.to_str().unwrap().to_owned();
    for garbage in ["/dev/zero", "/", db.as_str(), "", "/no/such/font.ttf"] {
        let out = sb
            .cmd()
            .env("PLAN_COCKPIT_NOW", NOW)
            .env("PLAN_COCKPIT_FONT", garbage)
            .args(["report", "--summary", "-o", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(out.status.success(), "{garbage}: {out:?}");
        assert!(unzip(&path)["word/document.xml"].contains(r#"<a:blip r:embed="rId10"/>"#));
    }
}
