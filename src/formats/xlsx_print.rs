//! How a workbook's sheets print: A4 landscape, the header row repeated,
//! one page wide at a readable scale, and rows tall enough for their
//! wrapped text.

use rust_xlsxwriter::{Worksheet, XlsxError};

/// Below this print scale a sheet is too small to read on paper.
const MIN_SCALE: u16 = 60;

/// A4 landscape, the header row frozen and repeated on every printed
/// page, and one page wide — unless that takes a scale below
/// `MIN_SCALE`: then at that scale, the last columns on pages of their own
/// (fit-to-width alone shrank a wide sheet to about 5 pt).
pub(super) fn print_setup(
    ws: &mut Worksheet,
    header_row: u32,
    widths: &[f64],
) -> Result<(), XlsxError> {
    ws.set_paper_size(9);
    ws.set_landscape();
    if print_scale(widths) > MIN_SCALE {
        ws.set_print_fit_to_pages(1, 0);
    } else {
        ws.set_print_scale(MIN_SCALE);
    }
    ws.set_freeze_panes(header_row + 1, 0)?;
    ws.set_repeat_rows(header_row, header_row)?;
    Ok(())
}

/// The scale (`MIN_SCALE`–100 %) at which columns `widths` wide (in
/// characters of the default font, taken as 8 px each plus 5 px of padding
/// to allow for Chinese text) fit A4 landscape between the default
/// 0.7-inch margins (10.29 in at 96 dpi).
fn print_scale(widths: &[f64]) -> u16 {
    let pixels: f64 = widths.iter().map(|w| w * 8.0 + 5.0).sum();
    let page = 10.29 * 96.0;
    let scale = (page / pixels.max(1.0) * 100.0).floor();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let scale = scale.clamp(f64::from(MIN_SCALE), 100.0) as u16;
    scale
}

/// The height of a row whose wrapped cells hold `texts` in columns
/// `widths` characters wide: every line shows (15 pt a line).
pub(super) fn row_height(cells: &[(&str, f64)]) -> f64 {
    let lines = cells
        .iter()
        .map(|(text, width)| {
            let cells = unicode_width::UnicodeWidthStr::width(*text) as f64;
            (cells / width.max(1.0)).ceil().max(1.0)
        })
        .fold(1.0, f64::max);
    ONE_LINE * lines
}

/// A line of 9–11 pt text, in points: the sheet's default row.
const ONE_LINE: f64 = 15.0;

/// How many rows of a workbook get a height of their own: a unit's
/// report has hundreds; a city plan's 100,000 stay within the memory budget.
pub(super) const MOST_HEIGHTS: usize = 40_000;

/// Sets `row`'s height when it is more than one line, while `left` allows.
/// rust_xlsxwriter keeps every row whose height was set until the workbook
/// is saved, some 450 bytes each even in constant-memory mode: set on each
/// of the city plan's 190,000 item rows that was 85 MB of the 200 MB
/// budget. A one-line row needs none (15 pt is the sheet's own); past the
/// first 40,000 tall rows the spreadsheet's own row heights serve
/// (LibreOffice fits them as it opens the file, Excel on AutoFit).
pub(super) fn set_height(
    ws: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    height: f64,
    left: &std::cell::Cell<usize>,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    if height > ONE_LINE && left.get() > 0 {
        left.set(left.get() - 1);
        ws.set_row_height(row, height)?;
    }
    Ok(())
}
