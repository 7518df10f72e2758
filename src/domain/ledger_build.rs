//! A 台账 made a plan document: its heading row checked against the
//! template's columns, then its rows read in order (`ledger_rows`). Every
//! problem names its cell (`台账!G5`); one problem refuses the whole sheet,
//! and all of them are listed.

use super::ledger::{Column, EXAMPLE, LedgerProblem, LedgerSheet};
use super::ledger_rows::Builder;
use super::plan::PlanDoc;
use super::plan::PlanHead;
use super::sheet::cell_name;
use std::collections::HashMap;

/// The sheet's columns found in its heading row.
fn columns(sheet: &LedgerSheet) -> Result<HashMap<Column, usize>, Vec<LedgerProblem>> {
    let mut found = HashMap::new();
    let mut problems = Vec::new();
    for (i, heading) in sheet.header.iter().enumerate() {
        if heading.trim().is_empty() {
            continue;
        }
        let cell = cell_at(&sheet.name, &cell_name(i, 1));
        match Column::named(heading) {
            Some(c) if found.contains_key(&c) => {
                problems.push(LedgerProblem::RepeatedColumn { cell, column: c });
            }
            Some(c) => {
                found.insert(c, i);
            }
            None => problems.push(LedgerProblem::UnknownColumn {
                cell,
                heading: heading.trim().to_owned(),
            }),
        }
    }
    for c in Column::ALL {
        if !found.contains_key(&c) {
            problems.push(LedgerProblem::MissingColumn {
                sheet: sheet.name.clone(),
                column: c,
            });
        }
    }
    if problems.is_empty() {
        Ok(found)
    } else {
        Err(problems)
    }
}

/// A cell named as the spreadsheet does: `台账!G5` in a workbook, `G5` in
/// a CSV file (which has one sheet, with no name).
pub(super) fn cell_at(sheet: &str, cell: &str) -> String {
    if sheet.is_empty() {
        cell.to_owned()
    } else {
        format!("{sheet}!{cell}")
    }
}

/// Builds the plan the sheet describes: directions, 工程 and 方面 in the
/// order they first appear, a project per (方向, 项目), a 目标任务 per row
/// that names one. Nothing is invented: what the sheet leaves empty stays
/// empty. All problems are listed, in row order.
pub fn build(sheet: &LedgerSheet, head: &PlanHead) -> Result<PlanDoc, Vec<LedgerProblem>> {
    let at = columns(sheet)?;
    let mut b = Builder::new(head);
    let mut problems = Vec::new();
    for (row, cells) in &sheet.rows {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |c: Column| -> (String, String) {
            let i = at[&c];
            let text = cells.get(i).map_or("", |s| s.trim()).to_owned();
            (cell_at(&sheet.name, &cell_name(i, *row)), text)
        };
        if Column::ALL
            .iter()
            .zip(EXAMPLE)
            .all(|(c, example)| cell(*c).1 == example)
        {
            problems.push(LedgerProblem::Example {
                sheet: sheet.name.clone(),
                row: *row,
            });
            continue;
        }
        b.row(&cell, &mut problems);
    }
    let doc = b.finish();
    if doc.projects.is_empty() && problems.is_empty() {
        problems.push(LedgerProblem::NoRows {
            sheet: sheet.name.clone(),
        });
    }
    if problems.is_empty() {
        Ok(doc)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
#[path = "ledger_tests.rs"]
mod tests;
