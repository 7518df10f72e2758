//! A tracking sheet coming back: the rows of an exported sheet as edited
//! in Excel/WPS, and what can be wrong with it, named by its cell (`C17`)
//! the way a spreadsheet names it.

use super::refusal::Refusal;
use super::status::Status;

/// One row of an edited sheet: which milestone, the value and status it
/// now says, and what the milestone looked like when it was exported.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    /// The row's number in the sheet (the header is row 1).
    pub row: usize,
    pub id: i64,
    /// Empty cells say nothing: the value or status stays as it is.
    pub current: Option<f64>,
    pub status: Option<Status>,
    /// When the milestone was last changed, as exported: a different one
    /// in the database means someone changed it since.
    pub updated_at: String,
    /// The version it had when exported (the workbook says it): a surer
    /// sign of a change since than the time, which counts whole seconds.
    pub version: Option<i64>,
    /// The newest note as the sheet now has it (the workbook's 最新备注).
    pub note: Option<String>,
    /// The sheet it is on, in a workbook; where its cells are named.
    pub sheet: Option<String>,
    /// The column of the value (its place differs between sheets).
    pub value_col: usize,
}

impl SheetRow {
    /// A cell of this row, named as the spreadsheet names it (with its
    /// sheet, in a workbook: `科技创新培优工程!E5`).
    pub fn cell(&self, col: usize) -> String {
        match &self.sheet {
            Some(s) => format!("{s}!{}", cell_name(col, self.row)),
            None => cell_name(col, self.row),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum SheetFault {
    /// Not a sheet this program wrote: a header cell is not the one export
    /// writes there (columns moved, renamed or missing).
    Header {
        cell: String,
        expected: String,
        found: String,
    },
    /// A cell that cannot be read as what its column holds.
    Cell { cell: String, refusal: Refusal },
    /// An id no milestone of the plan has.
    UnknownId { cell: String, id: i64 },
    /// The same milestone on two rows.
    SameIdTwice {
        cell: String,
        id: i64,
        first: String,
    },
    /// The file is not a CSV this program can read.
    Unreadable { why: String },
}

/// `C17`: the spreadsheet's name of column `col` (from 0) in `row`.
pub fn cell_name(col: usize, row: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{row}", letters.into_iter().collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::cell_name;

    #[test]
    fn cells_are_named_as_a_spreadsheet_names_them() {
        assert_eq!(cell_name(0, 1), "A1");
        assert_eq!(cell_name(2, 17), "C17");
        assert_eq!(cell_name(25, 2), "Z2");
        assert_eq!(cell_name(26, 3), "AA3");
        assert_eq!(cell_name(27, 3), "AB3");
    }
}
