//! The report as an Excel/WPS workbook: 总体情况 first, then one sheet per
//! group, then the changes, the problems and the next steps. Each table
//! has a frozen header row repeated on every printed page (A4 landscape),
//! columns wide enough for Chinese, values as numbers, and the light as a
//! cell colour with the word in it. The 编号 and 版本 columns let an edited
//! sheet come back (`import-values`) and be checked against the database.
//! Sheets are written row by row in constant memory.

use super::xlsx_print::{print_setup, row_height, set_height};
use crate::domain::Kind;
use crate::domain::clock::Clock;
use crate::domain::pace::Light;
use crate::domain::report::{Item, Report};
use crate::domain::sheet::{Cells, Cols, Mark};
use crate::domain::text::for_terminal;
use crate::i18n::Lang;
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet, XlsxError};
use std::collections::HashSet;

/// Excel's own limit on a sheet name, and the characters it refuses.
const SHEET_NAME_MAX: usize = 31;
const NOT_IN_SHEET_NAMES: [char; 7] = ['[', ']', ':', '*', '?', '/', '\\'];

/// A sheet name Excel accepts and no other sheet has.
pub(super) fn sheet_name(name: &str, taken: &mut HashSet<String>) -> String {
    let clean: String = name
        .chars()
        .map(|c| {
            if NOT_IN_SHEET_NAMES.contains(&c) {
                '_'
            } else {
                c
            }
        })
        .filter(|c| !c.is_control())
        .collect();
    let clean = clean.trim_matches('\'').trim();
    let base: String = if clean.is_empty() {
        "—".into()
    } else {
        clean.chars().take(SHEET_NAME_MAX).collect()
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while !taken.insert(candidate.to_lowercase()) {
        let suffix = format!(" ({n})");
        let room = SHEET_NAME_MAX - suffix.chars().count();
        candidate = format!("{}{suffix}", base.chars().take(room).collect::<String>());
        n += 1;
    }
    candidate
}

pub(super) struct Formats {
    pub(super) head: Format,
    pub(super) text: Format,
    pub(super) number: Format,
    pub(super) percent: Format,
    pub(super) title: Format,
    pub(super) wrap: Format,
    pub(super) light: [Format; 3],
    /// How many more rows may be given a height (see `set_height`).
    pub(super) heights_left: std::cell::Cell<usize>,
}

pub(super) fn formats() -> Formats {
    let base = Format::new()
        .set_font_name("宋体")
        .set_font_size(10.5)
        .set_border(FormatBorder::Thin)
        .set_text_wrap();
    Formats {
        heights_left: std::cell::Cell::new(super::xlsx_print::MOST_HEIGHTS),
        head: base
            .clone()
            .set_bold()
            .set_background_color(Color::RGB(0xE7E6E6)),
        text: base.clone(),
        number: base.clone().set_num_format("#,##0.##"),
        percent: base.clone().set_num_format("0%"),
        title: Format::new()
            .set_font_name("黑体")
            .set_font_size(16)
            .set_bold()
            .set_text_wrap(),
        wrap: Format::new().set_font_name("宋体").set_text_wrap(),
        light: [
            base.clone().set_background_color(Color::RGB(0xD9EAD3)),
            base.clone().set_background_color(Color::RGB(0xFCE8B2)),
            base.set_background_color(Color::RGB(0xF4C7C3)),
        ],
    }
}

fn light_format(f: &Formats, light: Option<Light>) -> &Format {
    match light {
        Some(Light::Green) => &f.light[0],
        Some(Light::Yellow) => &f.light[1],
        Some(Light::Red) => &f.light[2],
        Some(Light::Grey | Light::Off) | None => &f.text,
    }
}

/// Columns of an item table, and their widths in characters (a Chinese
/// character is two).
pub(super) fn item_columns(lang: Lang) -> [(&'static str, f64); 14] {
    let w = lang.report();
    [
        (w.id, 7.0),
        (w.item, 40.0),
        (w.unit, 7.0),
        (w.target, 10.0),
        (w.value, 10.0),
        (w.rate, 8.0),
        (w.elapsed, 9.0),
        (w.light, 7.0),
        (w.due, 11.0),
        (w.status, 9.0),
        (w.owner, 14.0),
        (w.note, 40.0),
        (w.version, 7.0),
        (w.mark, 12.0),
    ]
}

/// Where `import-values` finds what it reads back on an item sheet.
pub(super) const ITEM_COLS: Cols = Cols {
    id: 0,
    title: 1,
    value: 4,
    status: 9,
    note: Some(11),
    version: 12,
    mark: 13,
};

/// A cell's text: nothing that could drive a terminal, and within Excel's
/// 32,767 characters (UTF-16 units) a cell holds: a longer note is cut, with
/// `…` to say so (the whole note stays in the plan), rather than the whole
/// workbook failing.
pub(super) fn clean(s: &str) -> String {
    const ROOM: usize = 32_767 - 1;
    let s = for_terminal(s, true);
    if s.encode_utf16().count() <= ROOM + 1 {
        return s;
    }
    let mut used = 0;
    let mut out: String = s
        .chars()
        .take_while(|c| {
            used += c.len_utf16();
            used <= ROOM
        })
        .collect();
    out.push('…');
    out
}

/// A sheet for print: A4 landscape, fitted to the page width, its first
/// row frozen and repeated on every page.
pub(super) fn header(
    ws: &mut Worksheet,
    row: u32,
    cols: &[(&str, f64)],
    f: &Formats,
) -> Result<(), XlsxError> {
    for (c, (name, width)) in cols.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(u16::MAX);
        ws.set_column_width(c, *width)?;
        ws.write_string_with_format(row, c, *name, &f.head)?;
    }
    Ok(())
}

fn item_row(
    ws: &mut Worksheet,
    row: u32,
    item: &Item,
    plan: &str,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let w = lang.report();
    let m = &item.row;
    let num = |ws: &mut Worksheet, col: u16, v: Option<f64>| -> Result<(), XlsxError> {
        match v {
            Some(v) if v.is_finite() => ws
                .write_number_with_format(row, col, v, &f.number)
                .map(|_| ()),
            _ => ws
                .write_string_with_format(row, col, "", &f.text)
                .map(|_| ()),
        }
    };
    let what = clean(&super::report::item_name(m));
    let note_text = item
        .note
        .as_ref()
        .map(|n| clean(&n.body))
        .unwrap_or_default();
    // Every wrapped line of the name and the note shows (set before the
    // row's first cell: a constant-memory sheet writes rows as it goes).
    let height = row_height(&[(&what, 40.0), (&note_text, 40.0)]);
    set_height(ws, row, height, &f.heights_left)?;
    #[allow(clippy::cast_precision_loss)]
    ws.write_number_with_format(row, 0, m.id as f64, &f.text)?;
    ws.write_string_with_format(row, 1, &what, &f.text)?;
    ws.write_string_with_format(row, 2, clean(&m.unit), &f.text)?;
    num(ws, 3, m.target)?;
    // The value as the cell shows it, for the row's mark.
    let value = match m.kind {
        Kind::Numeric => {
            num(ws, 4, m.current)?;
            m.current
                .filter(|v| v.is_finite())
                .map(crate::domain::progress::format_value)
                .unwrap_or_default()
        }
        Kind::YesNo => {
            let said = if m.status == crate::domain::Status::Done {
                w.done
            } else {
                w.open
            };
            ws.write_string_with_format(row, 4, said, &f.text)?;
            said.to_owned()
        }
    };
    match m.measure().progress() {
        Some(p) => ws.write_number_with_format(row, 5, p, &f.percent)?,
        None => ws.write_string_with_format(row, 5, "", &f.text)?,
    };
    match item.elapsed {
        Some(e) => ws.write_number_with_format(row, 6, e, &f.percent)?,
        None => ws.write_string_with_format(row, 6, "", &f.text)?,
    };
    let light = super::report::light_word(lang, item.light());
    ws.write_string_with_format(row, 7, &light, light_format(f, Some(item.light())))?;
    ws.write_string_with_format(row, 8, super::report::due_cell(item, lang), &f.text)?;
    ws.write_string_with_format(row, 9, lang.status(m.status), &f.text)?;
    let who = m.responsible();
    ws.write_string_with_format(row, 10, clean(&who.unit), &f.text)?;
    let note = item
        .note
        .as_ref()
        .map(|n| clean(&n.body))
        .unwrap_or_default();
    ws.write_string_with_format(row, 11, &note, &f.text)?;
    #[allow(clippy::cast_precision_loss)]
    ws.write_number_with_format(row, 12, m.version as f64, &f.text)?;
    let mark = Mark::of(
        plan,
        &Cells {
            id: m.id,
            version: m.version,
            title: &what,
            value: &value,
            status: lang.status(m.status),
            note: &note,
        },
    );
    ws.write_string_with_format(row, 13, mark.to_string(), &f.text)?;
    Ok(())
}

fn items_sheet(
    book: &mut Workbook,
    name: &str,
    members: &[usize],
    r: &Report,
    lang: Lang,
    f: &Formats,
    taken: &mut HashSet<String>,
) -> Result<(), XlsxError> {
    let ws = book.add_worksheet_with_constant_memory()?;
    ws.set_name(sheet_name(name, taken))?;
    let columns = item_columns(lang);
    // The last column (the mark) is hidden: it does not print.
    let visible: Vec<f64> = columns[..13].iter().map(|c| c.1).collect();
    print_setup(ws, 0, &visible)?;
    header(ws, 0, &columns, f)?;
    // The 导出校验 mark is for import-values, not for reading or printing.
    ws.set_column_hidden(13)?;
    for (n, &i) in members.iter().enumerate() {
        let row = u32::try_from(n + 1).unwrap_or(u32::MAX);
        item_row(ws, row, &r.items[i], &r.plan, lang, f)?;
    }
    Ok(())
}

pub fn xlsx(
    r: &Report,
    lang: Lang,
    clock: &Clock,
    out: &mut dyn std::io::Write,
) -> Result<(), XlsxError> {
    let w = lang.report();
    let f = formats();
    let mut book = Workbook::new();
    let mut taken = HashSet::new();
    {
        let ws = book.add_worksheet_with_constant_memory()?;
        ws.set_name(sheet_name(w.overview_sheet, &mut taken))?;
        // Shown, never read back by import-values: protected, so an edit
        // made there is not lost unnoticed.
        ws.protect();
        // Landscape like every other sheet: a printed workbook turns no page.
        ws.set_paper_size(9);
        ws.set_landscape();
        ws.set_print_fit_to_pages(1, 0);
        ws.set_column_width(0, 36)?;
        ws.set_column_width(1, 12)?;
        ws.set_column_width(2, 12)?;
        let title = format!("{} {}", r.plan_title, w.title);
        // The title and the summary span the table's width and wrap in it,
        // so the sheet prints on one page across.
        ws.set_row_height(0, 45)?;
        ws.merge_range(0, 0, 0, 2, &clean(&title), &f.title)?;
        ws.write_string(
            1,
            0,
            format!(
                "{}{}{}",
                w.report_date,
                w.colon,
                clock.local_minute(&r.made_at)
            ),
        )?;
        ws.write_string(2, 0, format!("{}{}{}", w.as_of, w.colon, r.as_of))?;
        ws.write_string(
            3,
            0,
            format!("{}{}{}", w.made_by, w.colon, clean(&r.made_by)),
        )?;
        ws.set_row_height(4, 45)?;
        ws.merge_range(4, 0, 4, 2, &super::report::summary_line(r, lang), &f.wrap)?;
        header(
            ws,
            6,
            &[(w.group, 36.0), (w.completion, 12.0), (w.elapsed, 12.0)],
            &f,
        )?;
        let groups = r.directions.iter().chain(r.programs.iter());
        for (n, g) in groups.enumerate() {
            let row = u32::try_from(n + 7).unwrap_or(u32::MAX);
            ws.write_string_with_format(row, 0, clean(&g.name), &f.text)?;
            for (col, v) in [(1, g.completion), (2, g.elapsed)] {
                match v {
                    Some(v) => ws.write_number_with_format(row, col, v, &f.percent)?,
                    None => ws.write_string_with_format(row, col, "", &f.text)?,
                };
            }
        }
        // The chart below the table, as wide as the table's three columns.
        let chart = super::report::chart_of(r, lang).png();
        let below = u32::try_from(r.directions.len() + r.programs.len() + 8).unwrap_or(u32::MAX);
        let wide = 440.0;
        let image = rust_xlsxwriter::Image::new_from_buffer(&chart.bytes)?
            .set_scale_to_size(
                wide,
                wide * f64::from(chart.height) / f64::from(chart.width.max(1)),
                true,
            )
            .set_alt_text(lang.brief().legend);
        ws.insert_image(below, 0, &image)?;
    }
    // A sheet per table: a direction with its 工程 after it has none of
    // its own (the overview sheet gives its figures).
    for g in r.groups.iter().filter(|g| !g.parted) {
        items_sheet(&mut book, &g.name, &g.members, r, lang, &f, &mut taken)?;
    }
    {
        let ws = book.add_worksheet_with_constant_memory()?;
        ws.set_name(sheet_name(w.changes_sheet, &mut taken))?;
        // Shown, never read back by import-values: protected, so an edit
        // made there is not lost unnoticed.
        ws.protect();
        let cols = [
            (w.when, 17.0),
            (w.who, 10.0),
            (w.place, 50.0),
            (w.change, 50.0),
        ];
        print_setup(ws, 0, &cols.map(|c| c.1))?;
        header(ws, 0, &cols, &f)?;
        for (n, c) in r.changes.iter().enumerate() {
            let row = u32::try_from(n + 1).unwrap_or(u32::MAX);
            let cells = super::report::change_cells(c, lang, clock);
            let height = row_height(&[(&cells[2], 50.0), (&cells[3], 50.0)]);
            set_height(ws, row, height, &f.heights_left)?;
            for (col, text) in cells.iter().enumerate() {
                let col = u16::try_from(col).unwrap_or(u16::MAX);
                ws.write_string_with_format(row, col, clean(text), &f.text)?;
            }
        }
    }
    items_sheet(
        &mut book,
        w.problems_sheet,
        &r.problems,
        r,
        lang,
        &f,
        &mut taken,
    )?;
    items_sheet(&mut book, w.next_sheet, &r.next, r, lang, &f, &mut taken)?;
    if let Some((_, moved)) = &r.baseline {
        let ws = book.add_worksheet_with_constant_memory()?;
        ws.set_name(sheet_name(w.baseline_sheet, &mut taken))?;
        // Shown, never read back by import-values: protected, so an edit
        // made there is not lost unnoticed.
        ws.protect();
        let heads = super::report::baseline_heads(lang);
        let cols: Vec<(&str, f64)> = heads
            .iter()
            .copied()
            .zip([50.0, 30.0, 26.0, 12.0])
            .collect();
        print_setup(ws, 0, &[50.0, 30.0, 26.0, 12.0])?;
        header(ws, 0, &cols, &f)?;
        for (n, m) in moved.iter().enumerate() {
            let row = u32::try_from(n + 1).unwrap_or(u32::MAX);
            for (c, text) in m.cells().iter().enumerate() {
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                ws.write_string_with_format(row, c, clean(text), &f.text)?;
            }
        }
    }
    if !r.quotes.is_empty() {
        let ws = book.add_worksheet_with_constant_memory()?;
        ws.set_name(sheet_name(w.quotes_sheet, &mut taken))?;
        // Shown, never read back by import-values: protected, so an edit
        // made there is not lost unnoticed.
        ws.protect();
        let heads = super::report::quote_heads(lang);
        let cols = [(heads[0], 40.0), (heads[1], 80.0)];
        print_setup(ws, 0, &[40.0, 80.0])?;
        header(ws, 0, &cols, &f)?;
        for (n, q) in r.quotes.iter().enumerate() {
            let row = u32::try_from(n + 1).unwrap_or(u32::MAX);
            let cells = super::report::quote_cells(q, lang);
            let height = row_height(&[(&cells[0], 40.0), (&cells[1], 80.0)]);
            set_height(ws, row, height, &f.heights_left)?;
            for (c, text) in cells.iter().enumerate() {
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                ws.write_string_with_format(row, c, clean(text), &f.text)?;
            }
        }
    }
    save(&mut book, out)
}

/// The workbook's zip into `out`: assembled in an unnamed temporary file
/// (rust_xlsxwriter seeks as it writes), not in memory — the city plan's
/// 16 MB workbook held twice over in a growing buffer cost 30 MB of the
/// 200 MB budget.
pub(super) fn save(book: &mut Workbook, out: &mut dyn std::io::Write) -> Result<(), XlsxError> {
    let mut file = tempfile::tempfile().map_err(XlsxError::IoError)?;
    book.save_to_writer(&mut file)?;
    std::io::Seek::rewind(&mut file).map_err(XlsxError::IoError)?;
    std::io::copy(&mut file, out).map_err(XlsxError::IoError)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_cell_holds_at_most_what_excel_takes() {
        let long = "长".repeat(40_000);
        let cut = super::clean(&long);
        assert_eq!(cut.encode_utf16().count(), 32_767);
        assert!(cut.ends_with('…'));
        let emoji = "😀".repeat(20_000);
        assert!(super::clean(&emoji).encode_utf16().count() <= 32_767);
        assert_eq!(super::clean("短"), "短");
    }
}
