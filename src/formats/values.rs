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
        });
    }
    Ok(rows)
}
