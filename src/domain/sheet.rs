//! A tracking sheet coming back: the rows of an exported sheet as edited
//! in Excel/WPS, and what can be wrong with it, named by its cell (`C17`)
//! the way a spreadsheet names it.
//!
//! Every row we export for editing carries a mark (`导出校验`): the plan's
//! identity and a fingerprint of the cells a planner may change, as they
//! were exported. Read back, a row whose cells still give its fingerprint
//! was not edited, whatever happened in the database since; a mark of
//! another plan refuses the sheet. Versions, never times, tell a change
//! made in the database since the export.

use super::progress::format_value;
use super::refusal::Refusal;
use super::status::Status;
use sha2::{Digest, Sha256};

/// One row of an edited sheet, as its cells say.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    /// The row's number in the sheet (the header is row 1).
    pub row: usize,
    pub id: i64,
    /// The 指标/任务 cell, checked against the id's title.
    pub title: String,
    /// The 完成值 cell as typed (`523`, `1.5万`, `60%`): read in the
    /// milestone's unit once it is known. Empty: says nothing.
    pub value: String,
    /// The 状态 cell as typed; empty says nothing.
    pub status: String,
    /// The newest note as the sheet now has it (the workbook's 最新备注).
    pub note: Option<String>,
    /// The version it had when exported.
    pub version: i64,
    /// The mark: whose plan, and the cells' fingerprint as exported.
    pub mark: Mark,
    /// The sheet it is on, in a workbook; where its cells are named.
    pub sheet: Option<String>,
    /// Where its cells are: value, status, note, title (their places
    /// differ between the CSV and the workbook).
    pub cols: Cols,
    /// False on a sheet that repeats rows of others (存在问题, 下步计划):
    /// an edit there is refused, since it is not read back.
    pub read_back: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cols {
    pub id: usize,
    pub title: usize,
    pub value: usize,
    pub status: usize,
    pub note: Option<usize>,
    pub version: usize,
    pub mark: usize,
}

/// A row's `导出校验` cell: `PC-{plan identity}-{row}{value}{status}{note}`,
/// a fingerprint of each part as exported (6 hex digits apiece). The
/// letters first keep Excel from reading it as a number or a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub plan: String,
    /// What ties the row to its milestone: id, version and title together.
    row: String,
    value: String,
    status: String,
    note: String,
}

/// Which of the cells a planner may change differ from their export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Edited {
    pub value: bool,
    pub status: bool,
    pub note: bool,
}

impl Edited {
    pub fn any(self) -> bool {
        self.value || self.status || self.note
    }
}

const PART: usize = 6;

impl Mark {
    const PREFIX: &'static str = "PC-";

    /// The mark of a row as it is exported.
    pub fn of(plan: &str, c: &Cells<'_>) -> Mark {
        let [row, value, status, note] = parts(plan, c);
        Mark {
            plan: plan.to_owned(),
            row,
            value,
            status,
            note,
        }
    }

    pub fn parse(cell: &str) -> Option<Mark> {
        let rest = cell.trim().strip_prefix(Self::PREFIX)?;
        let (plan, print) = rest.rsplit_once('-')?;
        let hex = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit());
        if !hex(plan) || !hex(print) || print.len() != 4 * PART {
            return None;
        }
        let part = |i: usize| print[i * PART..(i + 1) * PART].to_owned();
        Some(Mark {
            plan: plan.to_owned(),
            row: part(0),
            value: part(1),
            status: part(2),
            note: part(3),
        })
    }

    /// Whether id, version and title are still the ones exported together.
    pub fn holds_row(&self, c: &Cells<'_>) -> bool {
        parts(&self.plan, c)[0] == self.row
    }

    /// Which of `c`'s changeable cells differ from what was exported.
    pub fn edited(&self, c: &Cells<'_>) -> Edited {
        let [_, value, status, note] = parts(&self.plan, c);
        Edited {
            value: value != self.value,
            status: status != self.status,
            note: note != self.note,
        }
    }
}

impl std::fmt::Display for Mark {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (p, r, v, s, n) = (&self.plan, &self.row, &self.value, &self.status, &self.note);
        write!(f, "{}{p}-{r}{v}{s}{n}", Self::PREFIX)
    }
}

/// The cells a mark covers, as text: what a planner may change (value,
/// status, note) and what ties the row to its milestone (id, version,
/// title).
#[derive(Debug, Clone, Copy)]
pub struct Cells<'a> {
    pub id: i64,
    pub version: i64,
    pub title: &'a str,
    pub value: &'a str,
    pub status: &'a str,
    pub note: &'a str,
}

/// Each part's fingerprint, the same for what a spreadsheet shows the
/// same: `523` and `523.0`, 进行中 and `active`, surrounding spaces.
fn parts(plan: &str, c: &Cells<'_>) -> [String; 4] {
    let value = match super::change::parse_number(c.value.trim()) {
        Ok(v) => format_value(v),
        Err(_) => c.value.trim().to_owned(),
    };
    let status = match c.status.trim().parse::<Status>() {
        Ok(s) => s.code().to_owned(),
        Err(_) => c.status.trim().to_owned(),
    };
    let id = c.id.to_string();
    let version = c.version.to_string();
    let row = hash(plan, "row", &[&id, &version, c.title.trim()]);
    [
        row,
        hash(plan, &id, &["value", &value]),
        hash(plan, &id, &["status", &status]),
        hash(plan, &id, &["note", c.note.trim()]),
    ]
}

fn hash(plan: &str, what: &str, parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for part in [plan, what].iter().chain(parts) {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    h.finalize()[..PART / 2]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
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

    /// The row's cells as the mark covers them.
    pub fn cells(&self) -> Cells<'_> {
        Cells {
            id: self.id,
            version: self.version,
            title: &self.title,
            value: &self.value,
            status: &self.status,
            note: self.note.as_deref().unwrap_or(""),
        }
    }

    /// Which cells the planner changed since the export.
    pub fn edited(&self) -> Edited {
        self.mark.edited(&self.cells())
    }

    /// Whether 编号, 版本 and 指标 still stand together as exported.
    pub fn holds_together(&self) -> bool {
        self.mark.holds_row(&self.cells())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum SheetFault {
    /// Not a sheet this program wrote: a header cell is not the one export
    /// writes there (columns moved, inserted, renamed or missing).
    Header {
        cell: String,
        expected: String,
        found: String,
    },
    /// A cell that cannot be read as what its column holds.
    Cell { cell: String, refusal: Refusal },
    /// The same milestone on two rows.
    SameIdTwice {
        cell: String,
        id: i64,
        first: String,
    },
    /// The row's 导出校验 is missing or not one we write.
    NoMark { cell: String },
    /// The sheet was exported from another plan (another file, or the plan
    /// before a replace).
    OtherPlan { cell: String },
    /// The row's 编号, 版本 and 指标 are not the ones exported together
    /// (the 编号 column sorted on its own, a row pasted from elsewhere, a
    /// title or version typed over): `title` is the id's title now.
    RowChanged {
        cell: String,
        id: i64,
        found: String,
        title: Option<String>,
    },
    /// An edit on a sheet that is not read back (存在问题, 下步计划).
    NotReadBack { cell: String },
    /// A formula whose value the file does not hold (saved by a program
    /// that does not calculate): what it says is unknown.
    FormulaWithoutValue { cell: String },
    /// A CSV in a Chinese Windows encoding rather than UTF-8.
    NotUtf8 { encoding: &'static str },
    /// The file is larger, or unpacks larger, than any sheet of a plan.
    TooLarge { bytes: u64, limit: u64 },
    /// The file is not a sheet this program can read.
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
    use super::*;

    #[test]
    fn cells_are_named_as_a_spreadsheet_names_them() {
        assert_eq!(cell_name(0, 1), "A1");
        assert_eq!(cell_name(2, 17), "C17");
        assert_eq!(cell_name(25, 2), "Z2");
        assert_eq!(cell_name(26, 3), "AA3");
        assert_eq!(cell_name(27, 3), "AB3");
    }

    #[test]
    fn a_mark_tells_which_cells_were_edited_as_a_spreadsheet_shows_them() {
        let cells = Cells {
            id: 19,
            version: 812,
            title: "国家级高新技术企业突破600家",
            value: "523",
            status: "进行中",
            note: "",
        };
        let mark = Mark::of("00ff", &cells);
        let text = mark.to_string();
        assert!(text.starts_with("PC-00ff-"), "{text}");
        assert_eq!(Mark::parse(&text), Some(mark.clone()));
        let same = Cells {
            value: "523.0",
            status: "active",
            ..cells
        };
        assert!(!mark.edited(&same).any() && mark.holds_row(&same));
        let value = mark.edited(&Cells {
            value: "524",
            ..cells
        });
        assert_eq!(
            value,
            Edited {
                value: true,
                ..Edited::default()
            }
        );
        assert!(
            mark.edited(&Cells {
                status: "已完成",
                ..cells
            })
            .status
        );
        assert!(
            mark.edited(&Cells {
                note: "新",
                ..cells
            })
            .note
        );
        for moved in [
            Cells { id: 20, ..cells },
            Cells {
                version: 813,
                ..cells
            },
            Cells {
                title: "另一项",
                ..cells
            },
        ] {
            assert!(!mark.holds_row(&moved), "{moved:?}");
        }
        assert_eq!(Mark::parse("PC-00ff-abc"), None);
        assert_eq!(Mark::parse("1.23E+11"), None);
    }
}
