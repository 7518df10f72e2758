//! The 台账 on disk: the empty template an office fills in (a workbook with
//! the columns, a list to pick 类型 from and a sheet that says what each
//! column takes, or a CSV file with the columns and an example row), and a
//! filled one read back as the rows `domain::ledger` makes a plan of.

use super::values::csv_records;
use super::values_xlsx::{MAX_UNPACKED, unpacked_within};
use crate::domain::ledger::{Column, EXAMPLE, KIND_WORDS, LedgerSheet};
use crate::domain::sheet::SheetFault;
use crate::i18n::Lang;
use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{DataValidation, Format, Workbook, XlsxError};
use std::io::Cursor;

/// Rows the 类型 list is offered on: far more than a unit's plan has.
const LIST_ROWS: u32 = 5000;

/// The sheet's name, which problems name cells by.
pub fn sheet_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "台账",
        Lang::En => "Ledger",
    }
}

/// The empty template as a workbook: the headings frozen on top, 类型 picked
/// from a list, every cell text (so `2024-06-30` and `600` stay as typed,
/// not turned into a date number), and 填写说明 saying what each column
/// takes, with the example row.
pub fn template_xlsx(lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let head = Format::new()
        .set_bold()
        .set_background_color("#D9E1F2")
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let text = Format::new().set_num_format("@");
    let ws = book.add_worksheet();
    ws.set_name(sheet_name(lang))?;
    for (i, c) in Column::ALL.iter().enumerate() {
        let col = u16::try_from(i).unwrap_or(0);
        let width = if matches!(c, Column::Item | Column::Source | Column::Project) {
            30.0
        } else {
            12.0
        };
        ws.set_column_width(col, width)?;
        ws.set_column_format(col, &text)?;
        ws.write_string_with_format(0, col, lang.ledger_heading(*c), &head)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let kinds: Vec<&str> = KIND_WORDS.iter().take(2).map(|(w, _)| *w).collect();
    let kind_col = u16::try_from(
        Column::ALL
            .iter()
            .position(|c| *c == Column::Kind)
            .unwrap_or(0),
    )
    .unwrap_or(0);
    ws.add_data_validation(
        1,
        kind_col,
        LIST_ROWS,
        kind_col,
        &DataValidation::new().allow_list_strings(&kinds)?,
    )?;

    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;

    // What each column takes, beside the example row's cell for it.
    let help = book.add_worksheet();
    help.set_name(match lang {
        Lang::Zh => "填写说明",
        Lang::En => "How to fill",
    })?;
    let wrap = Format::new().set_text_wrap();
    help.set_column_width(0, 14.0)?;
    help.set_column_width(1, 70.0)?;
    help.set_column_width(2, 34.0)?;
    help.write_string_with_format(0, 0, lang.ledger_column_heading(), &head)?;
    help.write_string_with_format(0, 1, lang.ledger_help_heading(), &head)?;
    help.write_string_with_format(0, 2, lang.ledger_example_heading(), &head)?;
    for (i, (c, example)) in Column::ALL.iter().zip(EXAMPLE).enumerate() {
        let row = u32::try_from(i).unwrap_or(0) + 1;
        help.write_string_with_format(row, 0, lang.ledger_heading(*c), &head)?;
        help.write_string_with_format(row, 1, lang.ledger_column_help(*c), &wrap)?;
        help.write_string_with_format(row, 2, example, &wrap)?;
    }
    help.set_landscape();
    help.set_print_fit_to_pages(1, 0);
    book.save_to_buffer()
}

/// The empty template as CSV (UTF-8 with a byte-order mark, so that Excel
/// and WPS show Chinese): the headings and the example row, which an office
/// replaces with its own (left in, it is refused on import).
pub fn template_csv(lang: Lang) -> Vec<u8> {
    let mut out = "\u{FEFF}".as_bytes().to_vec();
    let mut w = csv::Writer::from_writer(&mut out);
    let _ = w.write_record(Column::ALL.iter().map(|c| lang.ledger_heading(*c)));
    let _ = w.write_record(EXAMPLE);
    drop(w);
    out
}

/// A filled 台账: a workbook (its sheet named 台账 or Ledger, else its first)
/// or a CSV file, told apart by their first bytes, not the file's name.
pub fn read(bytes: &[u8]) -> Result<LedgerSheet, SheetFault> {
    if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes, MAX_UNPACKED)
    } else {
        read_csv(bytes)
    }
}

fn read_csv(bytes: &[u8]) -> Result<LedgerSheet, SheetFault> {
    let mut reader = csv_records(bytes)?;
    let mut rows = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let r = record.map_err(|e| SheetFault::Unreadable { why: e.to_string() })?;
        rows.push((n + 1, r.iter().map(str::to_owned).collect::<Vec<_>>()));
    }
    let mut rows = rows.into_iter();
    let header = rows.next().map(|(_, h)| h).unwrap_or_default();
    Ok(LedgerSheet {
        // One sheet, with no name: its cells are named as `G5`.
        name: String::new(),
        header,
        rows: rows.collect(),
    })
}

pub(crate) fn read_xlsx(bytes: &[u8], limit: u64) -> Result<LedgerSheet, SheetFault> {
    unpacked_within(bytes, limit)?;
    let unreadable = |e: &dyn std::fmt::Display| SheetFault::Unreadable { why: e.to_string() };
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let names = book.sheet_names();
    let name = names
        .iter()
        .find(|n| *n == sheet_name(Lang::Zh) || *n == sheet_name(Lang::En))
        .or_else(|| names.first())
        .cloned()
        .ok_or_else(|| SheetFault::Unreadable {
            why: "no sheet".into(),
        })?;
    let range = book.worksheet_range(&name).map_err(|e| unreadable(&e))?;
    // A formula whose result the file does not hold (a program that writes
    // formulas without calculating them) says nothing that can be read:
    // refused, not taken as an empty cell.
    if let Ok(formulas) = book.worksheet_formula(&name) {
        let (r0, c0) = formulas.start().unwrap_or((0, 0));
        for (r, c, formula) in formulas.used_cells() {
            let at = (
                r0 + u32::try_from(r).unwrap_or(0),
                c0 + u32::try_from(c).unwrap_or(0),
            );
            let no_result = match range.get_value(at) {
                None | Some(Data::Empty) => true,
                Some(Data::String(s)) => s.is_empty(),
                Some(_) => false,
            };
            if !formula.is_empty() && no_result {
                let (row, col) = (
                    usize::try_from(at.0).unwrap_or(0) + 1,
                    usize::try_from(at.1).unwrap_or(0),
                );
                return Err(SheetFault::FormulaWithoutValue {
                    cell: format!("{name}!{}", crate::domain::sheet::cell_name(col, row)),
                });
            }
        }
    }
    // Row numbers as the spreadsheet shows them: the range may start below
    // row 1 when the top rows are empty.
    let first = range.start().map_or(0, |(r, _)| r);
    let first_col = range.start().map_or(0, |(_, c)| c);
    let pad = usize::try_from(first_col).unwrap_or(0);
    let mut rows = range.rows().enumerate().map(|(i, r)| {
        let number = usize::try_from(first).unwrap_or(0) + i + 1;
        let mut cells = vec![String::new(); pad];
        cells.extend(r.iter().map(cell_text));
        (number, cells)
    });
    let header = rows.next().map(|(_, h)| h).unwrap_or_default();
    Ok(LedgerSheet {
        name,
        header,
        rows: rows.collect(),
    })
}

/// A cell as text: a number as planners write it, a date Excel made of
/// what was typed (`2024/6/30`) as the day it shows.
fn cell_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => crate::domain::progress::format_value(*f),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(t) if t.is_datetime() => {
            serial_day(t.as_f64()).unwrap_or_else(|| d.to_string())
        }
        Data::DateTimeIso(s) => s.split('T').next().unwrap_or(s).to_owned(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// Excel's day number (1900 system: day 1 is 1900-01-01, counted from
/// 1899-12-30 because of Lotus's leap day) as `YYYY-MM-DD`.
fn serial_day(serial: f64) -> Option<String> {
    if !serial.is_finite() || !(1.0..3_000_000.0).contains(&serial) {
        return None;
    }
    // Within the range checked above, so the cast is exact.
    #[allow(clippy::cast_possible_truncation)]
    let days = serial.floor() as i64;
    jiff::civil::date(1899, 12, 30)
        .checked_add(jiff::Span::new().days(days))
        .ok()
        .map(|d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_templates_read_back_as_their_headings() {
        for lang in [Lang::Zh, Lang::En] {
            let book = read(&template_xlsx(lang).unwrap()).unwrap();
            assert_eq!(book.name, sheet_name(lang));
            assert_eq!(book.header.len(), 13);
            assert!(book.rows.is_empty(), "the workbook's 台账 has no example");
            let csv = read(&template_csv(lang)).unwrap();
            assert_eq!(csv.header, book.header);
            assert_eq!(csv.rows.len(), 1, "the CSV's example row");
        }
    }

    #[test]
    fn an_excel_day_number_is_the_day_it_shows() {
        assert_eq!(serial_day(45473.0).as_deref(), Some("2024-06-30"));
        assert_eq!(serial_day(f64::NAN), None);
        assert_eq!(serial_day(-1.0), None);
    }
}
