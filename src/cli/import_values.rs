//! `plan-cockpit import-values FILE.csv`: a tracking sheet exported with
//! `export --format csv`, edited in Excel or WPS, applied back as ordinary
//! edits (version-checked, with history, the day's reading). A row changed
//! in the database since the sheet was exported is a conflict: reported,
//! never overwritten. A sheet that cannot be read wholly is refused with
//! the cell named, and nothing changes.

use super::commands::{Context, open_seeded};
use super::{Failure, Outcome, output};
use crate::domain::change::{MilestoneChange, ValueChange};
use crate::domain::dates::parse_date;
use crate::domain::progress::format_value;
use crate::domain::refusal::Refusal;
use crate::domain::sheet::SheetFault;
use crate::domain::text::for_terminal;
use crate::domain::{Kind, Status};
use crate::store::Error;
use std::path::Path;

/// Sheets larger than this are not tracking sheets of a plan.
const MAX_SHEET_BYTES: u64 = 256 * 1024 * 1024;

pub fn run(ctx: &Context, file: &Path, dry_run: bool, as_of: Option<&str>) -> Outcome {
    let lang = ctx.lang;
    let as_of = as_of
        .map(parse_date)
        .transpose()
        .map_err(|e| Failure::Input(lang.bad_flag("as-of", &e)))?;
    let size = std::fs::metadata(file)
        .map_err(|e| Failure::Input(lang.file_failed(file, &e)))?
        .len();
    if size > MAX_SHEET_BYTES {
        return Err(Failure::Input(lang.sheet_fault(
            file,
            &SheetFault::Unreadable {
                why: format!("{size} bytes"),
            },
        )));
    }
    let bytes = std::fs::read(file).map_err(|e| Failure::Input(lang.file_failed(file, &e)))?;
    // A workbook is a zip; anything else is read as CSV. A workbook's
    // values were true on its 截至日期, unless --as-of says otherwise.
    let workbook = bytes.starts_with(b"PK");
    let as_of = as_of.or_else(|| {
        workbook
            .then(|| crate::formats::values::workbook_as_of(&bytes))
            .flatten()
    });
    let today = ctx.clock.today();
    if let Some(day) = as_of.filter(|d| *d > today) {
        let refusal = Refusal::AsOfInFuture { day, today };
        return Err(Failure::Input(lang.bad_flag("as-of", &refusal)));
    }
    let rows = if workbook {
        crate::formats::values::read_xlsx(&bytes)
    } else {
        crate::formats::values::read_csv(&bytes)
    }
    .map_err(|f| Failure::Input(lang.sheet_fault(file, &f)))?;
    let mut store = open_seeded(ctx, !dry_run)?;
    // Everything is checked before anything is written.
    let mut plan = Vec::new();
    for r in &rows {
        let m = match store.milestone(r.id) {
            Ok(m) => m,
            Err(Error::NotFound { .. }) => {
                let fault = SheetFault::UnknownId {
                    cell: r.cell(0),
                    id: r.id,
                };
                return Err(Failure::Input(lang.sheet_fault(file, &fault)));
            }
            Err(e) => return Err(e.into()),
        };
        if m.kind == Kind::YesNo && r.current.is_some() {
            let fault = SheetFault::Cell {
                cell: r.cell(r.value_col),
                refusal: Refusal::YesNoHasNoValue,
            };
            return Err(Failure::Input(lang.sheet_fault(file, &fault)));
        }
        let value = r.current.filter(|v| Some(*v) != m.current);
        let status = r.status.filter(|s| *s != m.status);
        // A 最新备注 typed over is a new note.
        let note = match &r.note {
            Some(n) => {
                let newest = store.detail(m.id)?.notes.first().map(|x| x.body.clone());
                Some(n.clone()).filter(|n| Some(n.trim()) != newest.as_deref().map(str::trim))
            }
            None => None,
        };
        if value.is_none() && status.is_none() && note.is_none() {
            continue;
        }
        plan.push((r.clone(), m, value, status, note));
    }
    let mut said = String::new();
    let (mut applied, mut conflicts) = (0usize, 0usize);
    for (row, m, value, status, note) in plan {
        let mut parts = Vec::new();
        if let Some(v) = value {
            let was = m.current.map(format_value);
            parts.push(lang.change("current", was.as_deref(), Some(&format_value(v))));
        }
        if let Some(s) = status {
            parts.push(lang.change("status", Some(m.status.code()), Some(s.code())));
        }
        if let Some(n) = &note {
            parts.push(lang.change("body", None, Some(n)));
        }
        let what = format!("#{} {}: {}", m.id, m.title, parts.join(";"));
        let changed_since = match row.version {
            Some(v) => v != m.version,
            None => m.updated_at != row.updated_at,
        };
        // Someone's change since the export wins: said, never overwritten.
        let mut conflict = |by: &str, at: &str| {
            conflicts += 1;
            said.push_str(&lang.sheet_conflict(&what, by, &ctx.clock.local_minute(at)));
            said.push('\n');
        };
        if changed_since {
            conflict(&m.updated_by, &m.updated_at);
            continue;
        }
        if !dry_run {
            let change = MilestoneChange {
                value: value.map(ValueChange::Set),
                status,
                note,
                as_of: as_of.filter(|_| value.is_some() || status == Some(Status::Done)),
                ..MilestoneChange::default()
            };
            match store.update_milestone(m.id, Some(m.version), change, "sheet") {
                Ok(_) => {}
                Err(Error::Conflict(c)) => {
                    conflict(&c.by, &c.at);
                    continue;
                }
                Err(e) => return Err(e.into()),
            }
        }
        applied += 1;
        said.push_str(&format!("  {what}\n"));
    }
    said.push_str(&lang.sheet_summary(applied, conflicts, dry_run));
    said.push('\n');
    output::stdout(lang, &for_terminal(&said, true))
}
