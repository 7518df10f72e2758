//! The item sheets of a workbook `report --format xlsx` wrote, edited in
//! Excel or WPS, read back for `import-values`. Every sheet that holds item
//! rows is read: the group sheets are read back, and an edit on 存在问题 or
//! 下步计划 (which repeat rows of the group sheets) is refused, since it
//! would not count. Before anything is unpacked, the archive's real sizes
//! are counted within a bound: a zip bomb is refused, not inflated.

use super::report_xlsx::{ITEM_COLS, item_columns};
use super::values::{check_header, sheet_row, unguarded};
use crate::domain::sheet::{SheetFault, SheetRow, cell_name};
use crate::i18n::Lang;
use calamine::{Data, Reader, Xlsx};
use std::io::{Cursor, Read};

/// What a workbook may unpack to, all parts together: a city plan's report
/// (100,000 items) unpacks to about 60 MB.
pub const MAX_UNPACKED: u64 = 256 * 1024 * 1024;

/// Counts what each part of the archive really unpacks to (not what its
/// directory claims), stopping at the bound.
pub(super) fn unpacked_within(bytes: &[u8], limit: u64) -> Result<(), SheetFault> {
    let unreadable = |e: &dyn std::fmt::Display| SheetFault::Unreadable { why: e.to_string() };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let mut total = 0u64;
    let mut buf = vec![0u8; 1 << 16];
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| unreadable(&e))?;
        loop {
            let n = part.read(&mut buf).map_err(|e| unreadable(&e))?;
            if n == 0 {
                break;
            }
            total = total.saturating_add(n as u64);
            if total > limit {
                return Err(SheetFault::TooLarge {
                    bytes: total,
                    limit,
                });
            }
        }
    }
    Ok(())
}

fn text(d: Option<&Data>) -> String {
    match d {
        Some(Data::String(s)) => unguarded(s).to_owned(),
        Some(Data::Float(f)) => crate::domain::progress::format_value(*f),
        Some(Data::Int(i)) => i.to_string(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<SheetRow>, SheetFault> {
    read_xlsx_within(bytes, MAX_UNPACKED)
}

pub(crate) fn read_xlsx_within(bytes: &[u8], limit: u64) -> Result<Vec<SheetRow>, SheetFault> {
    unpacked_within(bytes, limit)?;
    let unreadable = |e: &dyn std::fmt::Display| SheetFault::Unreadable { why: e.to_string() };
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let heads = [
        item_columns(Lang::Zh).map(|c| c.0),
        item_columns(Lang::En).map(|c| c.0),
    ];
    let repeats = [
        Lang::Zh.report().problems_sheet,
        Lang::Zh.report().next_sheet,
        Lang::En.report().problems_sheet,
        Lang::En.report().next_sheet,
    ];
    let mut rows: Vec<SheetRow> = Vec::new();
    let mut repeated: Vec<SheetRow> = Vec::new();
    let mut any = false;
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| unreadable(&e))?;
        let mut it = range.rows();
        let Some(head) = it.next() else { continue };
        let head: Vec<String> = head.iter().map(|d| text(Some(d))).collect();
        let head: Vec<&str> = head.iter().map(|s| s.trim()).collect();
        // A sheet of items begins with 编号 (or says 导出校验 somewhere):
        // its header must then be ours exactly, or the sheet is refused;
        // any other sheet (总体情况, 本周进展) holds no values.
        let ours = heads.iter().any(|h| head.first() == Some(&h[0]))
            || heads.iter().any(|h| head.contains(&h[13]));
        if !ours {
            continue;
        }
        check_header(&head, &heads, Some(&name))?;
        any = true;
        let formulas = book.worksheet_formula(&name).ok();
        let read_back = !repeats.contains(&name.as_str());
        for (n, cells) in it.enumerate() {
            let row = n + 2;
            if cells.iter().all(|c| matches!(c, Data::Empty)) {
                continue;
            }
            // A formula whose result the file does not hold says nothing
            // we can read: refused rather than taken as empty.
            for col in [ITEM_COLS.value, ITEM_COLS.status, 11] {
                let formula = formulas.as_ref().and_then(|f| {
                    let (r, c) = (u32::try_from(row - 1).ok()?, u32::try_from(col).ok()?);
                    f.get_value((r, c)).filter(|s| !s.is_empty())
                });
                if formula.is_some() && matches!(cells.get(col), None | Some(Data::Empty)) {
                    return Err(SheetFault::FormulaWithoutValue {
                        cell: format!("{name}!{}", cell_name(col, row)),
                    });
                }
            }
            let this = sheet_row(row, Some(&name), ITEM_COLS, read_back, |col| {
                text(cells.get(col))
            })?;
            if !read_back {
                repeated.push(this);
                continue;
            }
            match rows.iter().find(|r| r.id == this.id) {
                // An area's project sits on several group sheets: they must
                // say the same.
                Some(first)
                    if (&first.value, &first.status, &first.note)
                        != (&this.value, &this.status, &this.note) =>
                {
                    return Err(SheetFault::SameIdTwice {
                        cell: this.cell(ITEM_COLS.id),
                        id: this.id,
                        first: first.cell(ITEM_COLS.id),
                    });
                }
                Some(_) => {}
                None => rows.push(this),
            }
        }
    }
    if !any {
        return Err(SheetFault::Header {
            cell: "A1".into(),
            expected: heads[0].join(", "),
            found: String::new(),
        });
    }
    rows.extend(repeated);
    Ok(rows)
}

/// The 截至日期 a workbook of `report --format xlsx` says (its 总体情况
/// sheet, third line): the day its values were true.
pub fn workbook_as_of(bytes: &[u8]) -> Option<jiff::civil::Date> {
    unpacked_within(bytes, MAX_UNPACKED).ok()?;
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).ok()?;
    for lang in [Lang::Zh, Lang::En] {
        let w = lang.report();
        let Ok(range) = book.worksheet_range(w.overview_sheet) else {
            continue;
        };
        if let Some(Data::String(line)) = range.get_value((2, 0)) {
            let day = line
                .strip_prefix(w.as_of)?
                .trim_start_matches([':', ':', ' ']);
            return day.trim().parse().ok();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A part that claims little and unpacks to much is stopped at the
    /// bound, having held one buffer.
    #[test]
    fn a_zip_bomb_is_refused_by_what_it_really_unpacks_to() {
        use std::io::Write;
        let mut out = Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut out);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            w.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
            let zeros = vec![0u8; 1 << 20];
            for _ in 0..8 {
                w.write_all(&zeros).unwrap();
            }
            w.finish().unwrap();
        }
        let bytes = out.into_inner();
        assert!(bytes.len() < 64 * 1024, "{}", bytes.len());
        let Err(SheetFault::TooLarge { limit, .. }) = read_xlsx_within(&bytes, 1 << 20) else {
            panic!("not refused")
        };
        assert_eq!(limit, 1 << 20);
    }
}
