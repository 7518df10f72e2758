//! Sheets sent back carelessly or from elsewhere (issue 23): each case
//! either lands in exactly the rows it names or is refused with the cell
//! named and nothing changed.

#![allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]

use crate::common;

use common::{Sandbox, without_results};

const T0: &str = "2023-11-01T09:00:00+08:00";
const T1: &str = "2023-11-02T09:00:00+08:00";

fn rows_of(path: &std::path::Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{FEFF}').as_bytes())
        .records()
        .map(|x| x.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn export_csv(sb: &Sandbox, now: &str) -> Vec<Vec<String>> {
    let path = sb.path("sheet.csv");
    sb.ok_at(
        now,
        &["--lang", "zh", "export", "-o", path.to_str().unwrap()],
    );
    rows_of(&path)
}

fn save(sb: &Sandbox, name: &str, rows: &[Vec<String>]) -> std::path::PathBuf {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.write_record(r).unwrap();
    }
    let mut bytes = "\u{FEFF}".as_bytes().to_vec();
    bytes.extend(w.into_inner().unwrap());
    sb.write(name, bytes)
}

fn row_mut<'a>(rows: &'a mut [Vec<String>], id: &str) -> &'a mut Vec<String> {
    rows.iter_mut().find(|r| r[0] == id).unwrap()
}

fn import(sb: &Sandbox, file: &std::path::Path, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["--lang", "zh", "import-values"];
    args.extend(extra);
    args.push(file.to_str().unwrap());
    let out = sb.run_at(T1, &args);
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn current(sb: &Sandbox, id: i64) -> serde_json::Value {
    let list: Vec<serde_json::Value> =
        serde_json::from_str(&sb.ok_at(T1, &["milestone", "list", "--json"])).unwrap();
    list.into_iter().find(|m| m["id"] == id).unwrap()["current"].clone()
}

/// Another planner saves a row in the very second of the export (the
/// clock pinned: it used to be lost every time): the sheet never edited
/// that row, so their save stands, and the row the sheet did edit lands.
#[test]
fn a_save_in_the_same_second_as_the_export_is_never_overwritten() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let mut rows = export_csv(&sb, T0);
    sb.ok_at(T0, &["milestone", "set", "19", "--current", "500"]);
    row_mut(&mut rows, "36")[8] = "260".into();
    let file = save(&sb, "edited.csv", &rows);
    let (code, out, err) = import(&sb, &file, &[]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("已更新 1 项,冲突 0 项"), "{out}");
    assert_eq!(current(&sb, 19), 500.0, "theirs stands");
    assert_eq!(current(&sb, 36), 260.0);
}

/// A sheet exported from one plan is refused by another (another file, or
/// the same file after a replace), naming the cell; nothing changes.
#[test]
fn a_sheet_of_another_plan_is_refused() {
    let a = Sandbox::with_plan();
    let mut rows = export_csv(&a, T0);
    row_mut(&mut rows, "19")[8] = "480".into();
    let b = Sandbox::with_plan();
    b.ok_at(T0, &["check"]);
    let before = b.export_json();
    let file = save(&b, "theirs.csv", &rows);
    let (code, _, err) = import(&b, &file, &[]);
    assert_eq!(code, 2, "{err}");
    // The first row's 导出校验 cell (column S) is named.
    assert!(
        err.contains("导出自另一份计划") && err.contains("S2"),
        "{err}"
    );
    assert_eq!(b.export_json(), before);
    // The same file, its plan replaced since the export.
    let json = a.write("plan.json", a.export_json());
    a.ok_at(T0, &["import", "--replace", json.to_str().unwrap()]);
    let file = save(&a, "edited.csv", &rows);
    let (code, _, err) = import(&a, &file, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("另一份计划"), "{err}");
}

/// The 编号 column sorted on its own puts ids beside other titles: refused
/// with the cell named, before any row is written.
#[test]
fn an_id_column_sorted_on_its_own_is_refused() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let mut rows = export_csv(&sb, T0);
    let before = sb.export_json();
    row_mut(&mut rows, "19")[8] = "480".into();
    let mut ids: Vec<String> = rows[1..].iter().map(|r| r[0].clone()).collect();
    ids.reverse();
    for (r, id) in rows[1..].iter_mut().zip(ids) {
        r[0] = id;
    }
    let file = save(&sb, "sorted.csv", &rows);
    let (code, _, err) = import(&sb, &file, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("A2") && err.contains("已不是导出时的同一行"),
        "{err}"
    );
    assert_eq!(sb.export_json(), before);
}

/// Amounts are read as the cockpit reads them, in the target's unit.
#[test]
fn amounts_in_wan_yi_and_percent_are_read_in_the_milestones_unit() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    sb.ok_at(
        T0,
        &["milestone", "set", "36", "--unit", "%", "--target", "100"],
    );
    let mut rows = export_csv(&sb, T0);
    row_mut(&mut rows, "19")[8] = "0.0523万".into();
    row_mut(&mut rows, "23")[8] = "35.2亿元".into();
    row_mut(&mut rows, "24")[8] = "5000万".into();
    row_mut(&mut rows, "36")[8] = "60%".into();
    let file = save(&sb, "amounts.csv", &rows);
    let (code, out, err) = import(&sb, &file, &[]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(current(&sb, 19), 523.0);
    assert_eq!(current(&sb, 23), 35.2);
    assert_eq!(current(&sb, 24), 0.5, "5000万 of 亿元");
    assert_eq!(current(&sb, 36), 60.0);
}

/// What Excel on a Chinese Windows saves as "CSV" (GBK) is named, with
/// how to save it as UTF-8.
#[test]
fn a_gbk_sheet_says_how_to_save_it_as_utf8() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let rows = export_csv(&sb, T0);
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in &rows {
        w.write_record(r).unwrap();
    }
    let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let file = sb.write("gbk.csv", &gbk);
    let (code, _, err) = import(&sb, &file, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("GBK") && err.contains("CSV UTF-8"), "{err}");
}

/// A value for a day before the newest reading is filed as history, and
/// the preview says so instead of "360 → 300".
#[test]
fn a_late_reading_is_previewed_as_history_and_filed_as_such() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let mut rows = export_csv(&sb, T0);
    sb.ok_at(T0, &["milestone", "set", "36", "--current", "360"]);
    let mut fresh = export_csv(&sb, T0);
    row_mut(&mut fresh, "36")[8] = "300".into();
    let file = save(&sb, "late.csv", &fresh);
    let (code, out, _) = import(&sb, &file, &["--dry-run", "--as-of", "2023-09-30"]);
    assert_eq!(code, 0);
    assert!(out.contains("补记 2023-09-30 填报记录 300"), "{out}");
    let (code, out, _) = import(&sb, &file, &["--as-of", "2023-09-30"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(current(&sb, 36), 360.0, "the newest stays current");
    // The same late value on a row in conflict: not applied, and the way to
    // file it as history is said.
    row_mut(&mut rows, "36")[8] = "250".into();
    let file = save(&sb, "stale.csv", &rows);
    let (code, out, _) = import(&sb, &file, &["--as-of", "2023-08-31"]);
    assert_eq!(code, 3, "changed since the export: {out}");
    assert!(
        out.contains("milestone set 36 --current 250 --as-of 2023-08-31"),
        "{out}"
    );
}

/// A 状态 the store would refuse is refused by the dry run too, naming the
/// cell; what a dry run says will change is what the real run changes.
#[test]
fn the_dry_run_and_the_real_run_agree() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let mut rows = export_csv(&sb, T0);
    row_mut(&mut rows, "19")[12] = "已完成".into();
    row_mut(&mut rows, "20")[8] = "5".into();
    let file = save(&sb, "agree.csv", &rows);
    let (code, _, err) = import(&sb, &file, &["--dry-run"]);
    assert_eq!(code, 2, "a yes/no task has no value: {err}");
    assert!(
        err.contains(&format!(
            "I{}",
            rows.iter().position(|r| r[0] == "20").unwrap() + 1
        )),
        "{err}"
    );
    row_mut(&mut rows, "20")[8] = String::new();
    row_mut(&mut rows, "20")[12] = "已完成".into();
    let file = save(&sb, "agree.csv", &rows);
    let (code, dry, _) = import(&sb, &file, &["--dry-run"]);
    assert_eq!(code, 0, "{dry}");
    let (code, real, _) = import(&sb, &file, &[]);
    assert_eq!(code, 0, "{real}");
    let lines = |s: &str| {
        s.lines()
            .filter(|l| l.starts_with("  #"))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(lines(&dry), lines(&real));
    assert_eq!(lines(&real).len(), 2, "{real}");
}

/// The plan database given as the sheet is refused by name, untouched.
#[test]
fn the_database_itself_is_not_a_sheet() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    sb.ok_at(T0, &["check"]);
    let before = common::bytes(&sb.db);
    let (code, _, err) = import(&sb, &sb.db.clone(), &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("不是表格"), "{err}");
    assert_eq!(common::bytes(&sb.db), before);
}

/// The report's workbook, rewritten cell by cell as Excel saves it, with
/// `edit(sheet, row, col, cell)` deciding each cell (None: as it was), and
/// `shift` columns inserted before column `shift.0` on every item sheet.
fn rewritten(
    sb: &Sandbox,
    name: &str,
    shift: Option<u16>,
    edit: impl Fn(&str, u32, u16, &calamine::Data) -> Option<Cell>,
) -> std::path::PathBuf {
    use calamine::{Data, Reader, Xlsx};
    let path = sb.path("report.xlsx");
    sb.ok_at(
        T0,
        &["--lang", "zh", "report", "-o", path.to_str().unwrap()],
    );
    let mut book: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let mut out = rust_xlsxwriter::Workbook::new();
    for sheet in book.sheet_names() {
        let range = book.worksheet_range(&sheet).unwrap();
        let ws = out.add_worksheet();
        ws.set_name(&sheet).unwrap();
        let items = matches!(range.get_value((0, 0)), Some(Data::String(s)) if s == "编号");
        for (r, row) in range.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                let at = match shift {
                    Some(s) if items && c >= s => c + 1,
                    _ => c,
                };
                let edited = edit(&sheet, r, c, cell);
                match edited {
                    Some(Cell::Formula(f)) => {
                        // As a program that does not calculate saves it:
                        // no result beside the formula.
                        let f = rust_xlsxwriter::Formula::new(f).set_result("");
                        ws.write_formula(r, at, f).unwrap();
                    }
                    Some(Cell::Text(t)) => {
                        ws.write_string(r, at, t).unwrap();
                    }
                    None => match cell {
                        Data::Float(f) => {
                            ws.write_number(r, at, *f).unwrap();
                        }
                        Data::String(s) => {
                            ws.write_string(r, at, s).unwrap();
                        }
                        _ => {}
                    },
                }
            }
        }
    }
    let edited = sb.path(name);
    out.save(&edited).unwrap();
    edited
}

enum Cell {
    Formula(&'static str),
    Text(&'static str),
}

/// Columns inserted, renamed or swapped on an item sheet: refused with the
/// header cell named (such a workbook used to apply "0 changed", exit 0).
#[test]
fn a_workbook_with_moved_or_renamed_columns_is_refused() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let inserted = rewritten(&sb, "inserted.xlsx", Some(3), |_, _, _, _| None);
    let renamed = rewritten(&sb, "renamed.xlsx", None, |_, r, c, _| {
        (r == 0 && c == 4).then_some(Cell::Text("本月完成"))
    });
    for (file, cell) in [(inserted, "!D1"), (renamed, "!E1")] {
        let before = sb.export_json();
        let (code, _, err) = import(&sb, &file, &[]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(cell) && err.contains("列被移动"), "{err}");
        assert_eq!(sb.export_json(), before);
    }
}

/// A formula the file holds no result for is refused; one edit on 存在问题
/// (not read back) is refused, naming its cell.
#[test]
fn formulas_without_values_and_edits_on_repeat_sheets_are_refused() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    // The first item row of the first group sheet gets a formula in 完成值.
    let items = |s: &str| !["总体情况", "存在问题", "下步计划", "本周进展"].contains(&s);
    let formula = rewritten(&sb, "formula.xlsx", None, |sheet, r, c, _| {
        (items(sheet) && r == 1 && c == 4).then_some(Cell::Formula("=D2*2"))
    });
    without_results(&formula);
    let (code, _, err) = import(&sb, &formula, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("E2") && err.contains("没有计算结果的公式"),
        "{err}"
    );
    let repeat = rewritten(&sb, "repeat.xlsx", None, |sheet, r, c, _| {
        (sheet == "存在问题" && r == 1 && c == 9).then_some(Cell::Text("已完成"))
    });
    let (code, _, err) = import(&sb, &repeat, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("存在问题!J2") && err.contains("不读回"),
        "{err}"
    );
}

/// A workbook that unpacks to more than any plan's sheet is refused by
/// what it really unpacks to, before it is read.
#[test]
fn a_zip_bomb_is_refused_in_words() {
    use std::io::Write;
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    sb.ok_at(T0, &["check"]);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..300 {
        zip.write_all(&zeros).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 2 << 20, "{}", bytes.len());
    let file = sb.write("bomb.xlsx", &bytes);
    let (code, _, err) = import(&sb, &file, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("解压后") && err.contains("268435456"), "{err}");
}
