//! Tracking sheets back in: export → edit cells → import-values → values
//! changed with history; a row changed since the export is a conflict;
//! a sheet with an unknown id, moved columns or a bad number is refused
//! with the cell named, and nothing changes.

// Test data: small ids and sheet sizes, casts cannot wrap.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_possible_wrap,
    clippy::cast_precision_loss
)]

use crate::common;

use common::Sandbox;

fn at(sb: &Sandbox, now: &str, args: &[&str]) -> std::process::Output {
    sb.run_at(now, args)
}

fn ok(sb: &Sandbox, now: &str, args: &[&str]) -> String {
    sb.ok_at(now, args)
}

/// The sheet `export --format csv` writes, as rows of cells.
fn exported(sb: &Sandbox, now: &str) -> Vec<Vec<String>> {
    let path = sb.path("sheet.csv");
    ok(
        sb,
        now,
        &[
            "--lang",
            "zh",
            "export",
            "--format",
            "csv",
            "-o",
            path.to_str().unwrap(),
        ],
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    r.records()
        .map(|x| x.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// Writes `rows` back as Excel would save them (UTF-8 with a BOM).
fn saved(sb: &Sandbox, rows: &[Vec<String>]) -> std::path::PathBuf {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.write_record(r).unwrap();
    }
    let mut bytes = "\u{FEFF}".as_bytes().to_vec();
    bytes.extend(w.into_inner().unwrap());
    sb.write("edited.csv", bytes)
}

fn set(rows: &mut [Vec<String>], id: &str, col: usize, value: &str) {
    let row = rows.iter_mut().find(|r| r[0] == id).unwrap();
    row[col] = value.to_owned();
}

#[test]
fn edited_values_come_back_as_edits_with_history() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let mut rows = exported(&sb, "2023-11-01T09:00:00+08:00");
    set(&mut rows, "19", 8, "480");
    set(&mut rows, "36", 8, "1,200");
    set(&mut rows, "4", 12, "已完成");
    let file = saved(&sb, &rows);
    let dry = ok(
        &sb,
        "2023-11-02T09:00:00+08:00",
        &[
            "--lang",
            "zh",
            "import-values",
            "--dry-run",
            file.to_str().unwrap(),
        ],
    );
    assert!(
        dry.contains("试运行:将更新 3 项,冲突 0 项;数据库未改动"),
        "{dry}"
    );
    let list = ok(
        &sb,
        "2023-11-02T09:00:00+08:00",
        &["milestone", "list", "--json"],
    );
    assert!(
        !list.contains("\"current\": 480.0"),
        "the dry run changed nothing"
    );
    let out = ok(
        &sb,
        "2023-11-02T09:00:00+08:00",
        &["--lang", "zh", "import-values", file.to_str().unwrap()],
    );
    assert!(
        out.contains("#19 国家级高新技术企业突破600家: 完成值:— → 480(截至 2023-11-02)"),
        "{out}"
    );
    assert!(out.contains("已更新 3 项,冲突 0 项"), "{out}");
    let log = ok(&sb, "2023-11-02T09:00:00+08:00", &["--lang", "zh", "log"]);
    assert!(
        log.contains("完成值: — → 1200") && log.contains("状态: 计划中 → 已完成"),
        "{log}"
    );
    // The same sheet again changes nothing more.
    let again = ok(
        &sb,
        "2023-11-03T09:00:00+08:00",
        &["--lang", "zh", "import-values", file.to_str().unwrap()],
    );
    assert!(again.contains("已更新 0 项"), "{again}");
}

#[test]
fn a_row_changed_since_the_export_is_a_conflict_never_overwritten() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let mut rows = exported(&sb, "2023-11-01T09:00:00+08:00");
    ok(
        &sb,
        "2023-11-01T15:00:00+08:00",
        &["milestone", "set", "19", "--current", "500"],
    );
    set(&mut rows, "19", 8, "480");
    set(&mut rows, "36", 8, "260");
    let file = saved(&sb, &rows);
    let run = at(
        &sb,
        "2023-11-02T09:00:00+08:00",
        &["--lang", "zh", "import-values", file.to_str().unwrap()],
    );
    // A conflict is a failure a script can see, and tell from a fault.
    assert_eq!(run.status.code(), Some(3));
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(out.contains("冲突,未改动 #19"), "{out}");
    assert!(out.contains("2023-11-01 15:00"), "local time: {out}");
    assert!(out.contains("已更新 1 项,冲突 1 项"), "{out}");
    let list = ok(&sb, "2023-11-02T09:00:00+08:00", &["milestone", "list"]);
    assert!(list.contains("500/600 家"), "theirs stays: {list}");
}

#[test]
fn a_bad_sheet_is_refused_with_the_cell_named_and_nothing_changes() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let rows = exported(&sb, "2023-11-01T09:00:00+08:00");
    let before = sb.export_json();
    let row_of = |id: &str| rows.iter().position(|r| r[0] == id).unwrap() + 1;
    // A number that is not one, an unknown id, moved columns.
    let mut bad_number = rows.clone();
    set(&mut bad_number, "19", 8, "四百八");
    let mut unknown = rows.clone();
    set(&mut unknown, "19", 0, "9999");
    set(&mut unknown, "36", 8, "260");
    let mut moved = rows.clone();
    for r in &mut moved {
        r.swap(8, 9);
    }
    for (sheet, cell, says) in [
        (bad_number, format!("I{}", row_of("19")), "四百八"),
        (unknown, format!("A{}", row_of("19")), "9999"),
        (moved, "I1".to_owned(), "完成值"),
    ] {
        let file = saved(&sb, &sheet);
        let out = at(
            &sb,
            "2023-11-02T09:00:00+08:00",
            &["--lang", "zh", "import-values", file.to_str().unwrap()],
        );
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&cell) && err.contains(says) && err.contains("未做任何修改"),
            "{cell}: {err}"
        );
    }
    assert_eq!(sb.export_json(), before, "nothing changed");
}

/// The workbook of `report --format xlsx`, edited (as Excel saves it:
/// every sheet rewritten) and read back: values, statuses and a note typed
/// over the newest one; its 版本 column tells a row changed since.
#[test]
fn the_reports_workbook_comes_back_too() {
    use calamine::{Data, Reader, Xlsx};
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let path = sb.path("report.xlsx");
    ok(
        &sb,
        "2023-11-01T09:00:00+08:00",
        &[
            "--lang",
            "zh",
            "report",
            "--format",
            "xlsx",
            "-o",
            path.to_str().unwrap(),
        ],
    );
    // Someone changes 36 after the export, within the same second's clock.
    ok(
        &sb,
        "2023-11-01T09:00:00+08:00",
        &["milestone", "set", "36", "--current", "100"],
    );
    let mut book: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let mut out = rust_xlsxwriter::Workbook::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        let ws = out.add_worksheet();
        ws.set_name(&name).unwrap();
        // Edited on the group sheets only: 存在问题 and 下步计划 are not
        // read back.
        let repeat = name == "存在问题" || name == "下步计划";
        for (r, row) in range.rows().enumerate() {
            let id = match row.first() {
                Some(Data::Float(f)) if !repeat => Some(*f as i64),
                _ => None,
            };
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                let edited = match (id, c) {
                    (Some(19), 4) => Some(Data::Float(480.0)),
                    (Some(19), 11) => Some(Data::String("10月新增认定20家".into())),
                    (Some(36), 4) => Some(Data::Float(260.0)),
                    (Some(4), 9) => Some(Data::String("已完成".into())),
                    _ => None,
                };
                match edited.as_ref().unwrap_or(cell) {
                    Data::Float(f) => ws.write_number(r, c, *f).map(|_| ()).unwrap(),
                    Data::Int(i) => ws.write_number(r, c, *i as f64).map(|_| ()).unwrap(),
                    Data::String(s) => ws.write_string(r, c, s).map(|_| ()).unwrap(),
                    _ => {}
                }
            }
        }
    }
    let edited = sb.path("edited.xlsx");
    out.save(&edited).unwrap();
    let run = at(
        &sb,
        "2023-11-02T09:00:00+08:00",
        &["--lang", "zh", "import-values", edited.to_str().unwrap()],
    );
    assert_eq!(run.status.code(), Some(3), "a conflict");
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(
        said.contains(
            "#19 国家级高新技术企业突破600家: 完成值:— → 480(截至 2023-11-01); 新增备注:10月新增认定20家"
        ),
        "{said}"
    );
    assert!(
        said.contains("#4 动工建设: 状态: 计划中 → 已完成"),
        "{said}"
    );
    assert!(
        said.contains("冲突,未改动 #36"),
        "the version says it moved: {said}"
    );
    assert!(said.contains("已更新 2 项,冲突 1 项"), "{said}");
    let log = ok(&sb, "2023-11-02T09:00:00+08:00", &["--lang", "zh", "log"]);
    assert!(log.contains("10月新增认定20家"), "{log}");
    // The values were true on the workbook's 截至日期, not the day read in.
    let json = sb.export_json();
    assert!(
        json.contains("\"as_of\": \"2023-11-01\"") && json.contains("\"source\": \"sheet\""),
        "{json}"
    );
}
