//! The weekly report, as a planner would make it: a few weeks of dated
//! readings, owners, a note, then `report` on a day in December 2023, in
//! both languages, as Markdown and HTML (golden files), and its promises
//! (grouping, the period of changes, nothing from outside the page).

use crate::common;

use common::Sandbox;

/// Runs the binary at `now` (a local time in Dongguan).
fn at(sb: &Sandbox, now: &str, args: &[&str]) -> String {
    sb.ok_at(now, args)
}

/// `--lang zh report` with `extra`, at `now`, written to `name` in the
/// sandbox (its extension choosing the format); where it is.
fn report_file(sb: &Sandbox, now: &str, name: &str, extra: &[&str]) -> std::path::PathBuf {
    let path = sb.path(name);
    let mut args = vec!["--lang", "zh", "report"];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["-o", path.to_str().unwrap()]);
    at(sb, now, &args);
    path
}

/// The 2023 plan with readings over the autumn, owners and a note; the
/// last week's work entered on 1 and 4 December.
fn autumn() -> Sandbox {
    let sb = Sandbox::with_plan();
    let early = "2023-11-20T09:00:00+08:00";
    for (id, value, day) in [
        ("19", "150", "2023-03-31"),
        ("19", "300", "2023-06-30"),
        ("19", "420", "2023-09-30"),
        ("36", "120", "2023-05-31"),
        ("36", "260", "2023-09-30"),
    ] {
        at(
            &sb,
            early,
            &["milestone", "set", id, "--current", value, "--as-of", day],
        );
    }
    at(
        &sb,
        early,
        &["project", "set", "17", "--owner", "经发局/张三"],
    );
    at(
        &sb,
        early,
        &["project", "set", "30", "--owner", "经信局/李四"],
    );
    at(
        &sb,
        early,
        &["project", "set", "16", "--areas", "就业、教育"],
    );
    let week = "2023-12-01T15:30:00+08:00";
    at(
        &sb,
        week,
        &[
            "milestone",
            "set",
            "19",
            "--current",
            "450",
            "--note",
            "11月新增认定30家,待市科技局复核",
        ],
    );
    at(
        &sb,
        "2023-12-04T10:00:00+08:00",
        &[
            "milestone",
            "set",
            "33",
            "--status",
            "done",
            "--as-of",
            "2023-03-20",
        ],
    );
    sb
}

const NOW: &str = "2023-12-05T10:00:00+08:00";

#[test]
fn golden_reports_in_both_languages() {
    let sb = autumn();
    for lang in ["zh", "en"] {
        for format in ["markdown", "html"] {
            let text = at(&sb, NOW, &["--lang", lang, "report", "--format", format]);
            insta::assert_snapshot!(format!("report_{lang}_{format}"), text);
        }
    }
}

#[test]
fn the_report_says_where_the_plan_stands_and_what_changed() {
    let sb = autumn();
    let md = at(&sb, NOW, &["--lang", "zh", "report"]);
    assert!(md.contains("截至日期:2023-12-05"), "{md}");
    // 本周进展: the last seven days only, with who and when (local time).
    assert!(
        md.contains("三、本周进展(2023-11-28 至 2023-12-05)"),
        "{md}"
    );
    assert!(md.contains("2023-12-01 15:30 | root | 国家级高新技术企业 › 国家级高新技术企业突破600家 | 完成值: 420 → 450"), "{md}");
    assert!(
        !md.contains("责任单位: — → 经发局"),
        "20 November is before the week: {md}"
    );
    // 存在问题 names the unit and the person; 下步计划 says who answers
    // for what falls due.
    let (problems, next) = md
        .split("## 四、存在问题")
        .nth(1)
        .unwrap()
        .split_once("## 五、下步计划")
        .unwrap();
    assert!(
        problems.contains("| 规上工业企业数字化转型 › 规上工业企业完成数字化评估 | 500家 | 260家 | 52% | 93% | 红灯 | 2023-12-31 | 经信局 | 李四 |"),
        "{problems}"
    );
    assert!(
        next.contains("| 国家级高新技术企业突破600家 | 2023-12-31 | 75% | 黄灯 | 经发局 | 张三 |"),
        "{next}"
    );
    // A task named by what is done says whose.
    assert!(md.contains("| 生益电子四期 › 年内投产 |"), "{md}");
    // --since widens the window; --as-of judges another day.
    let since = at(
        &sb,
        NOW,
        &["--lang", "zh", "report", "--since", "2023-11-01"],
    );
    assert!(since.contains("责任单位: — → 经发局"), "{since}");
    let june = at(
        &sb,
        NOW,
        &["--lang", "zh", "report", "--as-of", "2023-06-30"],
    );
    assert!(june.contains("截至日期:2023-06-30"), "{june}");
    assert!(
        june.contains("| 300家 |") && !june.contains("450家"),
        "the value on that day, not today's: {june}"
    );
    assert!(
        june.contains("本期无变动"),
        "nothing after the report's day: {june}"
    );
}

#[test]
fn grouped_by_direction_area_or_owner_and_narrowed_to_one_owner() {
    let sb = autumn();
    let by_area = at(&sb, NOW, &["--lang", "zh", "report", "--by", "area"]);
    assert!(
        by_area.contains("### （一）就业(") && by_area.contains("### （二）教育("),
        "{by_area}"
    );
    assert!(
        by_area.contains("其他(完成率"),
        "projects linked to no area: {by_area}"
    );
    let by_owner = at(&sb, NOW, &["--lang", "zh", "report", "--by", "owner"]);
    assert!(
        by_owner.contains("）经发局(") && by_owner.contains("）未指定责任单位("),
        "{by_owner}"
    );
    let mine = at(&sb, NOW, &["--lang", "zh", "report", "--owner", "张三"]);
    assert!(mine.contains("共 1 项目标任务"), "{mine}");
    let by_direction = at(&sb, NOW, &["--lang", "en", "report", "--by", "direction"]);
    assert!(
        by_direction.contains("### New Industry ("),
        "{by_direction}"
    );
    // The default: each direction a section with its 工程 inside, numbered
    // as an office numbers them; nothing of a direction lands in 其他.
    let sections = at(&sb, NOW, &["--lang", "zh", "report"]);
    let headings: Vec<&str> = sections
        .lines()
        .filter(|l| l.starts_with("### ") || l.starts_with("#### "))
        .map(|l| l.split('(').next().unwrap())
        .collect();
    assert_eq!(
        headings,
        [
            "### （一）新城市",
            "### （二）新产业",
            "#### 1. 科技创新培优工程",
            "#### 2. 产业发展强基工程",
            "#### 3. 产业立新柱攻坚工程",
            "#### 4. 招商引资提升工程",
            "#### 5. 数字转型赋能工程",
            "#### 6. 其他重点项目",
            "### （三）新生态",
        ],
        "{sections}"
    );
    let by_program = at(&sb, NOW, &["--lang", "en", "report", "--by", "program"]);
    assert!(
        by_program.contains("### Industrial Foundation Program ("),
        "{by_program}"
    );
    assert!(
        by_program.contains("### Other ("),
        "projects outside every program: {by_program}"
    );
}

#[test]
fn the_html_is_one_page_that_asks_nothing_of_the_network() {
    let sb = autumn();
    let path = sb.path("report.html");
    at(
        &sb,
        NOW,
        &["report", "--format", "html", "-o", path.to_str().unwrap()],
    );
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@page{size:A4"), "prints on A4");
    assert!(
        html.contains("thead{display:table-header-group}"),
        "headers repeat on each page"
    );
    for outside in ["http:", "https:", "src=", "href=", "@import", "url("] {
        assert!(!html.contains(outside), "{outside} in the page");
    }
    assert!(
        html.contains("<td class=\"red\">"),
        "red cells are coloured"
    );
}

/// The files inside a workbook or document, by name.
fn unzip(path: &std::path::Path) -> std::collections::HashMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = std::collections::HashMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut text = String::new();
        if std::io::Read::read_to_string(&mut f, &mut text).is_ok() {
            out.insert(f.name().unwrap().to_string(), text);
        }
    }
    out
}

#[test]
fn the_workbook_has_a_sheet_per_group_frozen_headers_and_coloured_lights() {
    let sb = autumn();
    let path = report_file(&sb, NOW, "工作进展.xlsx", &["--format", "xlsx"]);
    let parts = unzip(&path);
    let book = &parts["xl/workbook.xml"];
    for sheet in [
        "总体情况",
        "新城市",
        "科技创新培优工程",
        "产业发展强基工程",
        "其他重点项目",
        "新生态",
        "本周进展",
        "存在问题",
        "下步计划",
    ] {
        assert!(
            book.contains(&format!("name=\"{sheet}\"")),
            "no sheet {sheet}: {book}"
        );
    }
    // Every table sheet: A4 landscape, its header frozen and repeated.
    let table = &parts["xl/worksheets/sheet4.xml"];
    assert!(
        table.contains("paperSize=\"9\"") && table.contains("orientation=\"landscape\""),
        "{table}"
    );
    assert!(
        table.contains("state=\"frozen\"") && table.contains("ySplit=\"1\""),
        "{table}"
    );
    assert!(
        book.contains("_xlnm.Print_Titles"),
        "header rows repeat on each printed page: {book}"
    );
    // Every sheet prints landscape on A4, one page wide (the item sheets
    // are narrow enough to stay readable that way).
    let sheets = book.matches("<sheet ").count();
    for n in 1..=sheets {
        let sheet = &parts[&format!("xl/worksheets/sheet{n}.xml")];
        assert!(
            sheet.contains("orientation=\"landscape\"") && sheet.contains("paperSize=\"9\""),
            "sheet {n}: {sheet}"
        );
    }
    assert!(table.contains("fitToPage=\"1\"") && table.contains("fitToHeight=\"0\""));
    // A sheet import-values reads back (an item table, with its marks) is
    // open; one it does not (总体情况, 本周进展) is protected.
    assert!(!table.contains("<sheetProtection"), "{table}");
    let overview = &parts["xl/worksheets/sheet1.xml"];
    let changes = &parts[&format!("xl/worksheets/sheet{}.xml", sheets - 2)];
    for sheet in [overview, changes] {
        assert!(sheet.contains("<sheetProtection"), "{sheet}");
    }
    // A long name wraps onto lines its row is tall enough to show.
    assert!(
        table.contains("customHeight=\"1\"") && table.contains("ht=\"30\""),
        "{table}"
    );
    // The high-tech target: its id, its value as a number, red as a colour
    // with the word in the cell.
    assert!(
        table.contains("<v>450</v>") && table.contains("<v>19</v>"),
        "{table}"
    );
    let styles = &parts["xl/styles.xml"];
    assert!(styles.contains("FFF4C7C3"), "the red fill: {styles}");
    assert!(
        table.contains(">红灯<") || parts.values().any(|p| p.contains("红灯")),
        "the word beside the colour"
    );
    // A terminal gets no binary: -o is asked for (stdout here is a pipe, so
    // it is written there instead).
    let piped = sb
        .cmd()
        .env("PLAN_COCKPIT_NOW", NOW)
        .args(["report", "--format", "xlsx"])
        .output()
        .unwrap();
    assert!(piped.status.success());
    assert!(piped.stdout.starts_with(b"PK"), "a zip on the pipe");
}

#[test]
fn the_document_is_a4_with_repeating_table_headers_and_shaded_lights() {
    let sb = autumn();
    let path = report_file(&sb, NOW, "工作进展.docx", &["--format", "docx"]);
    let parts = unzip(&path);
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
    ] {
        assert!(parts.contains_key(part), "no {part}");
    }
    let doc = &parts["word/document.xml"];
    assert!(
        doc.contains(r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#),
        "A4 landscape"
    );
    assert!(
        doc.contains("<w:tblHeader/>"),
        "header rows repeat on each page"
    );
    assert!(
        doc.contains(r#"w:fill="F4C7C3""#) && doc.contains(">红灯<"),
        "red shaded, the word in it"
    );
    assert!(doc.contains("一、总体情况") && doc.contains("五、下步计划"));
    assert!(doc.contains("11月新增认定30家,待市科技局复核"));
    // Fonts every office suite resolves: the English names the styles use,
    // each with its Chinese name and the GB2312 charset in the font table.
    let styles = &parts["word/styles.xml"];
    assert!(
        styles.contains(r#"w:eastAsia="SimSun""#) && styles.contains(r#"w:eastAsia="SimHei""#),
        "{styles}"
    );
    let fonts = &parts["word/fontTable.xml"];
    for (name, zh) in [("SimSun", "宋体"), ("SimHei", "黑体")] {
        assert!(
            fonts.contains(&format!(
                r#"<w:font w:name="{name}"><w:altName w:val="{zh}"/><w:charset w:val="86"/>"#
            )),
            "{fonts}"
        );
    }
    // 第 X 页 共 Y 页 from the page fields, and the title and 截至日期 above.
    let footer = &parts["word/footer1.xml"];
    assert!(
        footer.contains(r#"w:instr=" PAGE ""#) && footer.contains(r#"w:instr=" NUMPAGES ""#),
        "{footer}"
    );
    assert!(
        footer.contains(">第 <") && footer.contains("> 页 共 <"),
        "{footer}"
    );
    assert!(parts["word/header1.xml"].contains("截至日期:2023-12-05"));
    assert!(
        doc.contains(r#"<w:footerReference w:type="default" r:id="rId3"/>"#)
            && parts["word/_rels/document.xml.rels"].contains(r#"Target="footer1.xml""#)
    );
    // Only header rows keep whole: a long row may run on to the next page.
    assert_eq!(
        doc.matches("<w:cantSplit/>").count(),
        doc.matches("<w:tblHeader/>").count()
    );
    // Markup in stored text stays text.
    at(
        &sb,
        NOW,
        &["milestone", "set", "19", "--note", "<b>&\"引号\"</b>"],
    );
    at(
        &sb,
        NOW,
        &["report", "--format", "docx", "-o", path.to_str().unwrap()],
    );
    let doc = &unzip(&path)["word/document.xml"];
    assert!(
        doc.contains("&lt;b&gt;&amp;&quot;引号&quot;&lt;/b&gt;"),
        "escaped"
    );
}

/// `R` in the cockpit: a menu of formats, then the report is written by
/// the worker (here, by hand, as the worker does) and the cockpit says where.
#[test]
fn r_writes_this_weeks_report_and_says_where() {
    use plan_cockpit::app::overlay::Overlay;
    let (sb, mut app) = common::cockpit(plan_cockpit::i18n::Lang::Zh);
    common::press(&mut app, "R");
    assert!(matches!(app.overlays.last(), Some(Overlay::Menu(_))));
    common::press(&mut app, "j<Enter>");
    assert!(
        app.overlays.is_empty(),
        "the screen is free while it is written"
    );
    assert!(app.flash.as_ref().unwrap().text.contains("正在生成报告"));
    let mut ask = app.report_wanted().expect("a report asked for");
    assert!(app.report_wanted().is_none(), "asked once");
    assert_eq!(ask.format, plan_cockpit::report::ReportFormat::Xlsx);
    ask.folder = sb.dir.path().to_owned();
    let store = common::open_store(&sb.db);
    let clock = common::test_clock();
    let first = plan_cockpit::report::write_report(&store, &ask, &clock).unwrap();
    let second = plan_cockpit::report::write_report(&store, &ask, &clock).unwrap();
    assert!(first.ends_with("工作进展报告-2026-11-29.xlsx"), "{first:?}");
    assert!(
        second.ends_with("工作进展报告-2026-11-29-2.xlsx"),
        "never over another: {second:?}"
    );
    assert!(
        app.handle(plan_cockpit::app::event::Event::ReportWritten(Ok(
            first.clone()
        )))
    );
    let flash = &app.flash.as_ref().unwrap().text;
    assert!(
        flash.contains("报告已写入") && flash.contains(first.to_str().unwrap()),
        "{flash}"
    );
    // A folder that cannot take it: the reason, in words, and no file.
    ask.folder = sb.dir.path().join("no-such-folder");
    let failed = plan_cockpit::report::write_report(&store, &ask, &clock).unwrap_err();
    app.handle(plan_cockpit::app::event::Event::ReportWritten(Err(
        failed.said(ask.lang, &clock)
    )));
    assert!(app.flash.as_ref().unwrap().error);
}

/// Baselines: saved once under a name, listed, and a report against one
/// says which targets and time limits moved, by how much and by whom.
#[test]
fn a_report_against_a_baseline_says_what_moved_and_who_moved_it() {
    let sb = autumn();
    let out = at(
        &sb,
        "2023-10-01T09:00:00+08:00",
        &["--lang", "zh", "baseline", "save", "年中调整前"],
    );
    assert!(out.contains("已保存基线“年中调整前”:55 项"), "{out}");
    let again = sb
        .cmd()
        .env("PLAN_COCKPIT_NOW", NOW)
        .args(["--lang", "zh", "baseline", "save", "年中调整前"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("已有名为“年中调整前”的基线"));
    at(
        &sb,
        "2023-11-02T09:00:00+08:00",
        &["milestone", "set", "19", "--target", "650"],
    );
    at(
        &sb,
        "2023-11-03T09:00:00+08:00",
        &["milestone", "set", "33", "--due", "2023-06-30"],
    );
    let list = at(&sb, NOW, &["--lang", "zh", "baseline", "list"]);
    assert!(
        list.starts_with("年中调整前  2023-10-01 09:00  root  55 项目标任务"),
        "{list}"
    );
    let md = at(
        &sb,
        NOW,
        &["--lang", "zh", "report", "--baseline", "年中调整前"],
    );
    let section = md.split("## 六、与基线“年中调整前”比较").nth(1).expect(&md);
    assert!(section.contains("国家级高新技术企业 › 国家级高新技术企业突破600家 | 600 → 650 (+50) 家 | 2023-12-31 | root"), "{section}");
    assert!(
        section.contains(
            "京东MALL › 落户东城台商大厦(环球经贸中心) | — | 2023-03-31 → 2023-06-30 | root"
        ),
        "{section}"
    );
    assert_eq!(
        section.matches(" | root |").count(),
        2,
        "only what moved: {section}"
    );
    let none = sb
        .cmd()
        .env("PLAN_COCKPIT_NOW", NOW)
        .args(["--lang", "zh", "report", "--baseline", "没有这个"])
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&none.stderr).contains("baseline list"));
}

mod counts;

mod notes;

mod render;

mod year_end;

mod brief;
