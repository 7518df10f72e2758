//! An exported CSV sheet, edited in Excel or WPS, read back for
//! `import-values`: the header must be the one export writes (in either
//! language), every row must carry its id, version and mark, or the whole
//! sheet is refused with the cell named. What a cell means (a value in the
//! milestone's unit, a status) is decided once the milestone is known.

use super::csv::{COLS, header};
use crate::domain::refusal::Refusal;
use crate::domain::sheet::{Cols, Mark, SheetFault, SheetRow, cell_name};
use crate::i18n::Lang;

pub use super::values_xlsx::{read_xlsx, workbook_as_of};

/// A cell as the sheet holds it: a text cell export guarded with a leading
/// apostrophe (a formula-like start) comes back without it.
pub(super) fn unguarded(s: &str) -> &str {
    s.trim().strip_prefix('\'').unwrap_or(s.trim())
}

/// Text that is not UTF-8, named for what it most likely is: Excel on a
/// Chinese Windows saves "CSV" in GB18030/GBK unless told "CSV UTF-8".
fn not_utf8(bytes: &[u8]) -> SheetFault {
    if crate::domain::text::utf16(bytes).is_some() {
        return SheetFault::NotUtf8 { encoding: "UTF-16" };
    }
    let (_, _, bad) = encoding_rs::GB18030.decode(bytes);
    if bad {
        let e = std::str::from_utf8(bytes).err();
        let at = e.map_or(0, |e| e.valid_up_to());
        SheetFault::Unreadable {
            why: format!("byte {at} is not UTF-8"),
        }
    } else {
        SheetFault::NotUtf8 {
            encoding: "GBK/GB18030",
        }
    }
}

/// A CSV sheet's rows as records, the headings among them: UTF-8 (a
/// byte-order mark dropped), or refused for what it most likely is.
pub(super) fn csv_records(bytes: &[u8]) -> Result<csv::Reader<&[u8]>, SheetFault> {
    let bytes = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(bytes);
    if std::str::from_utf8(bytes).is_err() {
        return Err(not_utf8(bytes));
    }
    Ok(csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes))
}

pub fn read_csv(bytes: &[u8]) -> Result<Vec<SheetRow>, SheetFault> {
    let mut reader = csv_records(bytes)?;
    let mut records = reader.records();
    let head = match records.next() {
        Some(Ok(r)) => r,
        Some(Err(e)) => return Err(SheetFault::Unreadable { why: e.to_string() }),
        None => {
            return Err(SheetFault::Unreadable {
                why: "empty".into(),
            });
        }
    };
    let head: Vec<&str> = head.iter().map(str::trim).collect();
    check_header(&head, &[header(Lang::Zh), header(Lang::En)], None)?;
    let mut rows = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for (n, record) in records.enumerate() {
        let row = n + 2;
        let r = record.map_err(|e| SheetFault::Unreadable { why: e.to_string() })?;
        if r.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let this = sheet_row(row, None, COLS, true, |col| {
            r.get(col).map_or("", unguarded).to_owned()
        })?;
        if let Some(first) = seen.insert(this.id, this.cell(COLS.id)) {
            return Err(SheetFault::SameIdTwice {
                cell: this.cell(COLS.id),
                id: this.id,
                first,
            });
        }
        rows.push(this);
    }
    Ok(rows)
}

/// A header that is one of `expected` cell for cell, or the first cell
/// that differs from the nearer one (by its first cell's language), named.
/// Nothing may follow the last column either: a column inserted at the end
/// would not be read.
pub(super) fn check_header<const N: usize>(
    head: &[&str],
    expected: &[[&str; N]; 2],
    sheet: Option<&str>,
) -> Result<(), SheetFault> {
    let fits = |h: &[&str; N]| {
        (0..N).all(|i| head.get(i).copied() == Some(h[i]))
            && head[N.min(head.len())..].iter().all(|c| c.is_empty())
    };
    if expected.iter().any(fits) {
        return Ok(());
    }
    let h = if head.first().copied() == Some(expected[1][0]) {
        &expected[1]
    } else {
        &expected[0]
    };
    let i = (0..N.max(head.len()))
        .find(|&i| head.get(i).copied().unwrap_or("") != h.get(i).copied().unwrap_or(""))
        .unwrap_or(0);
    let at = cell_name(i, 1);
    Err(SheetFault::Header {
        cell: sheet.map_or(at.clone(), |s| format!("{s}!{at}")),
        expected: h.get(i).copied().unwrap_or("").to_owned(),
        found: head.get(i).copied().unwrap_or("").to_owned(),
    })
}

/// One row from its cells (`get` gives a cell's text by column): the id,
/// version and mark must read; the rest is taken as typed.
pub(super) fn sheet_row(
    row: usize,
    sheet: Option<&str>,
    cols: Cols,
    read_back: bool,
    get: impl Fn(usize) -> String,
) -> Result<SheetRow, SheetFault> {
    let at = |col: usize| {
        let c = cell_name(col, row);
        sheet.map_or(c.clone(), |s| format!("{s}!{c}"))
    };
    let whole = |col: usize| {
        let typed = get(col);
        typed.trim().parse::<i64>().map_err(|_| SheetFault::Cell {
            cell: at(col),
            refusal: Refusal::NotANumber { typed },
        })
    };
    let id = whole(cols.id)?;
    let version = whole(cols.version)?;
    let mark = Mark::parse(&get(cols.mark)).ok_or_else(|| SheetFault::NoMark {
        cell: at(cols.mark),
    })?;
    Ok(SheetRow {
        row,
        id,
        title: get(cols.title).trim().to_owned(),
        value: get(cols.value).trim().to_owned(),
        status: get(cols.status).trim().to_owned(),
        note: cols.note.map(&get),
        version,
        mark,
        sheet: sheet.map(str::to_owned),
        cols,
        read_back,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gbk_file_is_named_as_such_and_utf16_too() {
        let (gbk, _, _) = encoding_rs::GBK.encode("编号,方向\n19,新产业\n");
        assert_eq!(
            read_csv(&gbk),
            Err(SheetFault::NotUtf8 {
                encoding: "GBK/GB18030"
            })
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("编号".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(
            read_csv(&utf16),
            Err(SheetFault::NotUtf8 { encoding: "UTF-16" })
        );
    }

    #[test]
    fn a_column_added_after_the_last_is_refused() {
        let h = ["a", "b"];
        assert_eq!(check_header(&["a", "b"], &[h, h], None), Ok(()));
        assert_eq!(check_header(&["a", "b", ""], &[h, h], None), Ok(()));
        let Err(SheetFault::Header { cell, .. }) = check_header(&["a", "b", "新列"], &[h, h], None)
        else {
            panic!()
        };
        assert_eq!(cell, "C1");
        let Err(SheetFault::Header { cell, found, .. }) =
            check_header(&["b", "a"], &[h, h], Some("表"))
        else {
            panic!()
        };
        assert_eq!((cell.as_str(), found.as_str()), ("表!A1", "b"));
    }
}
