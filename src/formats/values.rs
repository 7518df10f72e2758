//! An exported CSV sheet, edited in Excel or WPS, read back for
//! `import-values`: the header must be the one export writes (in either
//! language), and every id, value and status must read, or the whole sheet
//! is refused with the cell named.

use super::csv::{CURRENT_COL, ID_COL, STATUS_COL, UPDATED_COL, header};
use crate::domain::change::parse_number;
use crate::domain::refusal::Refusal;
use crate::domain::sheet::{SheetFault, SheetRow, cell_name};
use crate::domain::status::Status;
use crate::i18n::Lang;

/// A cell as the sheet holds it: a text cell export guarded with a leading
/// apostrophe (a formula-like start) comes back without it.
fn unguarded(s: &str) -> &str {
    s.trim().strip_prefix('\'').unwrap_or(s.trim())
}

pub fn read_csv(bytes: &[u8]) -> Result<Vec<SheetRow>, SheetFault> {
    let bytes = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
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
    // Either language's header, cell for cell; the first that differs from
    // the nearer one is named.
    let expected = [header(Lang::Zh), header(Lang::En)];
    let fits = |h: &[&str; 17]| (0..17).all(|i| head.get(i).map(str::trim) == Some(h[i]));
    if !expected.iter().any(fits) {
        let h = if head.get(0).map(str::trim) == Some(header(Lang::En)[0]) {
            header(Lang::En)
        } else {
            header(Lang::Zh)
        };
        let i = (0..17)
            .find(|&i| head.get(i).map(str::trim) != Some(h[i]))
            .unwrap_or(0);
        return Err(SheetFault::Header {
            cell: cell_name(i, 1),
            expected: h[i].to_owned(),
            found: head.get(i).unwrap_or("").to_owned(),
        });
    }
    let mut rows = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for (n, record) in records.enumerate() {
        let row = n + 2;
        let r = record.map_err(|e| SheetFault::Unreadable { why: e.to_string() })?;
        if r.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |col: usize| r.get(col).map(unguarded).unwrap_or("");
        let id_text = cell(ID_COL);
        let id: i64 = id_text.parse().map_err(|_| SheetFault::Cell {
            cell: cell_name(ID_COL, row),
            refusal: Refusal::NotANumber {
                typed: id_text.to_owned(),
            },
        })?;
        if let Some(first) = seen.insert(id, cell_name(ID_COL, row)) {
            return Err(SheetFault::SameIdTwice {
                cell: cell_name(ID_COL, row),
                id,
                first,
            });
        }
        let current = match cell(CURRENT_COL) {
            "" => None,
            typed => Some(parse_number(typed).map_err(|refusal| SheetFault::Cell {
                cell: cell_name(CURRENT_COL, row),
                refusal,
            })?),
        };
        let status = match cell(STATUS_COL) {
            "" => None,
            typed => Some(
                typed
                    .parse::<Status>()
                    .map_err(|refusal| SheetFault::Cell {
                        cell: cell_name(STATUS_COL, row),
                        refusal,
                    })?,
            ),
        };
        rows.push(SheetRow {
            row,
            id,
            current,
            status,
            updated_at: cell(UPDATED_COL).to_owned(),
            version: None,
            note: None,
            sheet: None,
            value_col: CURRENT_COL,
        });
    }
    Ok(rows)
}

/// The item sheets of a workbook `report --format xlsx` wrote, edited in
/// Excel or WPS: every sheet whose first row is the item table's header
/// (in either language), but 存在问题 and 下步计划, which repeat rows of the
/// group sheets. A milestone on two group sheets (an area's project) must
/// say the same on both.
pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<SheetRow>, SheetFault> {
    use calamine::{Data, Reader, Xlsx};
    let unreadable = |e: &dyn std::fmt::Display| SheetFault::Unreadable { why: e.to_string() };
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let heads = [
        super::report_xlsx::item_columns(Lang::Zh).map(|c| c.0),
        super::report_xlsx::item_columns(Lang::En).map(|c| c.0),
    ];
    let repeats = [
        Lang::Zh.report().problems_sheet,
        Lang::Zh.report().next_sheet,
        Lang::En.report().problems_sheet,
        Lang::En.report().next_sheet,
    ];
    let text = |d: Option<&Data>| match d {
        Some(Data::String(s)) => unguarded(s).to_owned(),
        Some(Data::Float(f)) => crate::domain::progress::format_value(*f),
        Some(Data::Int(i)) => i.to_string(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    };
    let mut rows: Vec<SheetRow> = Vec::new();
    let mut any = false;
    for name in book.sheet_names() {
        if repeats.contains(&name.as_str()) {
            continue;
        }
        let range = book.worksheet_range(&name).map_err(|e| unreadable(&e))?;
        let mut it = range.rows();
        let Some(head) = it.next() else { continue };
        let head: Vec<String> = head.iter().map(|d| text(Some(d))).collect();
        if !heads.iter().any(|h| {
            h.iter()
                .enumerate()
                .all(|(i, c)| head.get(i).map(String::as_str) == Some(*c))
        }) {
            continue;
        }
        any = true;
        let done_words = [Lang::Zh.report().done, Lang::En.report().done];
        for (n, cells) in it.enumerate() {
            let row = n + 2;
            let at = |col: usize| format!("{name}!{}", cell_name(col, row));
            let get = |col: usize| text(cells.get(col));
            if cells.iter().all(|c| matches!(c, Data::Empty)) {
                continue;
            }
            let id_text = get(0);
            let id: i64 = id_text.parse().map_err(|_| SheetFault::Cell {
                cell: at(0),
                refusal: Refusal::NotANumber {
                    typed: id_text.clone(),
                },
            })?;
            // 完成值: a number, or a yes/no task's 已完成 / 未完成 (which
            // the 状态 column says already).
            let value_text = get(4);
            let current = if value_text.is_empty()
                || done_words.contains(&value_text.as_str())
                || [Lang::Zh.report().open, Lang::En.report().open].contains(&value_text.as_str())
            {
                None
            } else {
                Some(
                    parse_number(&value_text).map_err(|refusal| SheetFault::Cell {
                        cell: at(4),
                        refusal,
                    })?,
                )
            };
            let status = match get(9).as_str() {
                "" => None,
                typed => Some(
                    typed
                        .parse::<Status>()
                        .map_err(|refusal| SheetFault::Cell {
                            cell: at(9),
                            refusal,
                        })?,
                ),
            };
            let version_text = get(12);
            let version = version_text.parse::<i64>().map_err(|_| SheetFault::Cell {
                cell: at(12),
                refusal: Refusal::NotANumber {
                    typed: version_text.clone(),
                },
            })?;
            let note = Some(get(11)).filter(|n| !n.trim().is_empty());
            let this = SheetRow {
                row,
                id,
                current,
                status,
                updated_at: String::new(),
                version: Some(version),
                note,
                sheet: Some(name.clone()),
                value_col: 4,
            };
            match rows.iter().find(|r| r.id == id) {
                Some(first)
                    if (first.current, first.status, &first.note)
                        != (this.current, this.status, &this.note) =>
                {
                    return Err(SheetFault::SameIdTwice {
                        cell: at(0),
                        id,
                        first: first.cell(0),
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
    Ok(rows)
}

/// The 截至日期 a workbook of `report --format xlsx` says (its 总体情况
/// sheet, third line): the day its values were true.
pub fn workbook_as_of(bytes: &[u8]) -> Option<jiff::civil::Date> {
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).ok()?;
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
