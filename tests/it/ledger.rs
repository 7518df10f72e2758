//! A new plan without JSON (issue 27): `plan template` writes the 台账 an
//! office fills in; a workbook filled as Excel fills it (a day typed into
//! 完成时限 becomes a date number, 600 a number) comes back through `plan
//! import` as the plan it describes; a careless sheet is refused cell by
//! cell in the planner's language, and nothing is made.

use crate::common;

use common::Sandbox;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;

/// The 台账 of 南城街道, filled into the template's workbook the way Excel
/// stores what was typed: numbers as numbers, a day as a date.
fn filled_workbook(sb: &Sandbox) -> std::path::PathBuf {
    let template = sb.path("台账模板.xlsx");
    let r = sb.run(&[
        "--lang",
        "zh",
        "plan",
        "template",
        "-o",
        template.to_str().unwrap(),
    ]);
    assert_eq!(r.code(), 0, "{}", r.stderr());
    // The template's headings, read back from it.
    let heads = plan_cockpit::formats::ledger::read(&std::fs::read(&template).unwrap())
        .unwrap()
        .header;
    assert_eq!(heads[0], "方向");
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("台账").unwrap();
    for (i, h) in heads.iter().enumerate() {
        ws.write_string(0, u16::try_from(i).unwrap(), h).unwrap();
    }
    let day = Format::new().set_num_format("yyyy/m/d");
    let rows: [[&str; 13]; 3] = [
        [
            "新产业",
            "产业发展强基工程",
            "就业",
            "专精特新产业园",
            "专精特新企业达到50家",
            "定量",
            "",
            "家",
            "",
            "",
            "经发局",
            "李四",
            "推动专精特新企业集聚",
        ],
        [
            "新产业",
            "产业发展强基工程",
            "就业",
            "专精特新产业园",
            "完成园区规划",
            "定性",
            "",
            "",
            "",
            "年底",
            "规划局",
            "",
            "",
        ],
        [
            "新生态",
            "",
            "",
            "公园城市",
            "",
            "",
            "",
            "",
            "",
            "",
            "城管局",
            "赵六",
            "建设公园城市",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r).unwrap() + 1;
        for (c, text) in row.iter().enumerate() {
            ws.write_string(r, u16::try_from(c).unwrap(), *text)
                .unwrap();
        }
    }
    // Typed into Excel: a number, and a day that became a date.
    ws.write_number(1, 6, 50).unwrap();
    ws.write_number(1, 8, 30).unwrap();
    ws.write_datetime_with_format(1, 9, ExcelDateTime::from_ymd(2024, 9, 30).unwrap(), &day)
        .unwrap();
    let path = sb.path("南城台账.xlsx");
    book.save(&path).unwrap();
    path
}

#[test]
fn a_filled_template_becomes_the_plan_it_describes() {
    let sb = Sandbox::new();
    let file = filled_workbook(&sb);
    let import = |extra: &[&str]| {
        let mut args = vec!["--lang", "zh", "plan", "import", file.to_str().unwrap()];
        args.extend_from_slice(&["--year", "2024", "--unit", "南城街道"]);
        args.extend_from_slice(extra);
        sb.run(&args)
    };
    let dry = import(&["--dry-run"]);
    assert_eq!(dry.code(), 0, "{}", dry.stderr());
    assert!(
        dry.stdout().contains("2 个方向、2 个项目、2 项目标任务"),
        "{}",
        dry.stdout()
    );
    assert!(!sb.db.exists(), "a dry run makes nothing");

    let made = import(&[]);
    assert_eq!(made.code(), 0, "{}", made.stderr());
    let doc: Value = serde_json::from_str(&sb.export_json()).unwrap();
    assert_eq!(doc["plan"]["title"], "南城街道2024年发展工作计划");
    assert_eq!(doc["plan"]["year"], 2024);
    let park = &doc["projects"][0];
    assert_eq!(park["name"], "专精特新产业园");
    let item = &park["milestones"][0];
    assert_eq!(item["target"], 50.0);
    assert_eq!(item["baseline"], 30.0);
    assert_eq!(
        item["due"], "2024-09-30",
        "the date Excel made is the day it shows"
    );
    assert_eq!(item["owner"], "经发局");
    assert_eq!(item["notes"][0]["kind"], "source");
    assert_eq!(park["milestones"][1]["due"], "2024-12-31");
    assert_eq!(doc["projects"][1]["lead"], "赵六");

    // Over the plan now there: only with --replace, after a backup.
    let again = import(&[]);
    assert_eq!(again.code(), 2);
    assert!(again.stderr().contains("已有计划"), "{}", again.stderr());
    let replaced = import(&["--replace"]);
    assert_eq!(replaced.code(), 0, "{}", replaced.stderr());
    assert!(replaced.stdout().contains(".bak"), "{}", replaced.stdout());
}

#[test]
fn a_careless_sheet_is_refused_cell_by_cell_and_nothing_is_made() {
    let sb = Sandbox::new();
    let sheet = "方向,工程,方面,项目,目标任务,类型,目标值,单位,基数,完成时限,责任单位,责任人,原文\n\
                 新产业,,,园区,企业达到50家,定量,很多,家,,,,,\n\
                 新产业,,,园区,完成规划,大概,,,,2024-02-30,,,\n\
                 ,,,无方向,任务,,,,,,,,\n";
    let file = sb.write("bad.csv", sheet);
    for (lang, says) in [
        ("zh", ["G2:", "F3:", "类型“大概”", "A4:", "未作任何修改"]),
        (
            "en",
            ["G2:", "F3:", "the kind “大概”", "A4:", "nothing changed"],
        ),
    ] {
        let r = sb.run(&[
            "--lang",
            lang,
            "plan",
            "import",
            file.to_str().unwrap(),
            "--year",
            "2024",
        ]);
        assert_eq!(r.code(), 2, "{}", r.stderr());
        for s in says {
            assert!(r.stderr().contains(s), "{lang}: {s} in {}", r.stderr());
        }
        assert!(!sb.db.exists(), "nothing was made");
    }
    // The template as written, its example row left in: refused.
    let template = sb.path("t.csv");
    sb.ok(&[
        "plan",
        "template",
        "--format",
        "csv",
        "-o",
        template.to_str().unwrap(),
    ]);
    let r = sb.run(&[
        "plan",
        "import",
        template.to_str().unwrap(),
        "--year",
        "2024",
    ]);
    assert_eq!(r.code(), 2);
    assert!(r.stderr().contains("example row"), "{}", r.stderr());
    // The plan database itself is no 台账.
    sb.ok(&["init"]);
    let r = sb.run(&[
        "plan",
        "import",
        sb.db.to_str().unwrap(),
        "--year",
        "2024",
        "--replace",
    ]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
}

#[test]
fn the_template_is_never_written_over_a_file_or_the_plan() {
    let sb = Sandbox::with_plan();
    let r = sb.run(&["plan", "template", "-o", sb.db.to_str().unwrap()]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    // Without -o: a fresh name in the folder it runs in.
    for _ in 0..2 {
        let r = common::Run(
            sb.cmd()
                .args(["plan", "template"])
                .current_dir(sb.dir.path())
                .output()
                .unwrap(),
        );
        assert_eq!(r.code(), 0, "{}", r.stderr());
    }
    assert!(sb.path("ledger-template.xlsx").exists());
    assert!(sb.path("ledger-template-2.xlsx").exists());
}

/// The template needs no plan: with the plan on a server (or none made
/// yet) it is written all the same, and nothing else is made; `plan new`
/// and `plan import` say they are for a plan file.
#[test]
fn the_template_needs_no_plan_and_a_plan_for_a_server_is_made_there() {
    let sb = Sandbox::new();
    let data = sb.path("data");
    let run = |args: &[&str]| {
        common::Run(
            std::process::Command::new(common::BIN)
                .args(["--lang", "zh", "--db", "postgres://li@nohost/plans"])
                .args(args)
                .current_dir(sb.dir.path())
                .env("XDG_DATA_HOME", &data)
                .env("XDG_STATE_HOME", sb.path("state"))
                .env("XDG_CONFIG_HOME", sb.path("config"))
                .output()
                .unwrap(),
        )
    };
    let r = run(&["plan", "template"]);
    assert_eq!(r.code(), 0, "{}", r.stderr());
    assert!(sb.path("台账模板.xlsx").exists());
    // A plan made for a server is made there: one it cannot reach is
    // named, and nothing is made here instead.
    let r = run(&["plan", "new", "--unit", "南城街道", "--year", "2024"]);
    assert_ne!(r.code(), 0);
    assert!(r.stderr().contains("nohost"), "{}", r.stderr());
    assert!(!data.exists(), "no folder was made for a plan");
}

/// A formula the workbook holds no result for (a script that writes
/// formulas without calculating them) is refused with its cell, not read as
/// an empty 目标值.
#[test]
fn a_formula_without_its_result_is_refused_by_its_cell() {
    let sb = Sandbox::new();
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("台账").unwrap();
    for (i, c) in plan_cockpit::domain::ledger::Column::ALL.iter().enumerate() {
        ws.write_string(0, u16::try_from(i).unwrap(), c.names().0)
            .unwrap();
    }
    for (i, text) in ["新产业", "", "", "园区", "企业数", "定量"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, u16::try_from(i).unwrap(), *text)
            .unwrap();
    }
    ws.write_formula(1, 6, rust_xlsxwriter::Formula::new("=40+10").set_result(""))
        .unwrap();
    let path = sb.path("formula.xlsx");
    book.save(&path).unwrap();
    common::without_results(&path);
    let r = sb.run(&["plan", "import", path.to_str().unwrap(), "--year", "2024"]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(r.stderr().contains("台账!G2"), "{}", r.stderr());
    assert!(!sb.db.exists());
}

/// A 台账 bigger than any unit's (32 MiB) is refused before it is read:
/// the sheet is held whole while the plan is built.
#[test]
fn a_ledger_too_large_for_a_unit_is_refused_before_it_is_read() {
    let sb = Sandbox::new();
    let big = sb.path("big.csv");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(33 * 1024 * 1024).unwrap();
    let r = sb.run(&[
        "--lang",
        "en",
        "plan",
        "import",
        big.to_str().unwrap(),
        "--year",
        "2024",
    ]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(r.stderr().contains("33554432"), "{}", r.stderr());
    assert!(!sb.db.exists());
}
