//! What an edited sheet asks for, decided in full before anything is
//! written: each edited row becomes an edit (with the exact words of what it
//! will do) or a conflict; anything unreadable refuses the whole sheet with
//! its cell named.

use crate::domain::change::{MilestoneChange, ValueChange};
use crate::domain::refusal::Refusal;
use crate::domain::sheet::{SheetFault, SheetRow};
pub use crate::domain::sheet_steps::{Clash, Edit, Said, Step};
use crate::domain::typed_forms::parse_amount;
use crate::domain::{Kind, Status};
use crate::i18n::Lang;
use crate::store::{Error, MilestoneRow, Store};
use jiff::civil::Date;

/// The steps for `rows`, read against the plan whose identity is `plan`.
pub fn plan(
    store: &Store,
    rows: &[SheetRow],
    plan: &str,
    as_of: Option<Date>,
    today: Date,
) -> Result<Vec<Step>, SheetFault> {
    let mut steps = Vec::new();
    let day = as_of.unwrap_or(today);
    for r in rows {
        if r.mark.plan != plan {
            return Err(SheetFault::OtherPlan {
                cell: r.cell(r.cols.mark),
            });
        }
        // Only an edited row asks the database anything: a sheet of a
        // city's plan is mostly rows nobody touched.
        if !r.holds_together() {
            return Err(SheetFault::RowChanged {
                cell: r.cell(r.cols.id),
                id: r.id,
                found: r.title.clone(),
                title: milestone(store, r.id)?.map(|m| m.title),
            });
        }
        let edited = r.edited();
        if !edited.any() {
            continue;
        }
        if !r.read_back {
            let col = if edited.value {
                r.cols.value
            } else if edited.status {
                r.cols.status
            } else {
                r.cols.note.unwrap_or(r.cols.value)
            };
            return Err(SheetFault::NotReadBack { cell: r.cell(col) });
        }
        let Some(m) = milestone(store, r.id)? else {
            steps.push(Step::Clash(Clash {
                id: r.id,
                title: r.title.clone(),
                said: Vec::new(),
                by: None,
            }));
            continue;
        };
        let (change, said) = row_change(store, r, &m, edited, day, today)?;
        // What the sheet says is what the plan holds already (applied
        // before, or the same change made by someone else): nothing to do.
        let emptied = said.iter().any(|s| matches!(s, Said::Emptied { .. }));
        if change.is_empty() && !emptied {
            continue;
        }
        if m.version != r.version {
            steps.push(Step::Clash(Clash {
                id: m.id,
                title: m.title.clone(),
                said,
                by: Some((m.updated_by.clone(), m.updated_at.clone())),
            }));
        } else {
            steps.push(Step::Edit(Box::new(Edit {
                id: m.id,
                title: m.title.clone(),
                version: m.version,
                change,
                said,
            })));
        }
    }
    Ok(steps)
}

/// Milestone `id` as the database holds it now; None when it is gone.
fn milestone(store: &Store, id: i64) -> Result<Option<MilestoneRow>, SheetFault> {
    match store.milestone(id) {
        Ok(m) => Ok(Some(m)),
        Err(Error::NotFound { .. }) => Ok(None),
        Err(e) => Err(SheetFault::Unreadable { why: e.to_string() }),
    }
}

/// The change a row's edited cells ask of milestone `m`, checked as the
/// store will check it, and its words.
fn row_change(
    store: &Store,
    r: &SheetRow,
    m: &MilestoneRow,
    edited: crate::domain::sheet::Edited,
    day: Date,
    today: Date,
) -> Result<(MilestoneChange, Vec<Said>), SheetFault> {
    let cell_fault = |col: usize| {
        move |refusal: Refusal| SheetFault::Cell {
            cell: r.cell(col),
            refusal,
        }
    };
    // Its notes (is the typed one new?) and readings (is the day late?),
    // read once.
    let detail = store
        .detail(m.id)
        .map_err(|e| SheetFault::Unreadable { why: e.to_string() })?;
    let mut change = MilestoneChange::default();
    let mut said = Vec::new();
    let emptied = |col: usize, said: &mut Vec<Said>| {
        said.push(Said::Emptied { cell: r.cell(col) });
    };
    if edited.status {
        if r.status.is_empty() {
            emptied(r.cols.status, &mut said);
        } else {
            let s = r
                .status
                .parse::<Status>()
                .map_err(cell_fault(r.cols.status))?;
            change.status = Some(s).filter(|s| *s != m.status);
        }
    }
    if edited.value {
        let typed = r.value.as_str();
        let done = [Lang::Zh, Lang::En].map(|l| l.report().done);
        let open = [Lang::Zh, Lang::En].map(|l| l.report().open);
        if typed.is_empty() {
            emptied(r.cols.value, &mut said);
        } else if m.kind == Kind::YesNo {
            // A yes/no task's 完成值 cell says 已完成 or 未完成.
            let to = if done.contains(&typed) {
                Status::Done
            } else if open.contains(&typed) {
                Status::Active
            } else {
                return Err(cell_fault(r.cols.value)(Refusal::YesNoHasNoValue));
            };
            let now = change.status.unwrap_or(m.status);
            if (to == Status::Done) != (now == Status::Done) {
                change.status = Some(to);
            }
        } else {
            let v = parse_amount(typed, &m.unit).map_err(cell_fault(r.cols.value))?;
            if Some(v) != m.current {
                change.value = Some(ValueChange::Set(v));
            }
        }
    }
    if edited.note
        && let Some(note) = r.note.as_deref().map(str::trim)
    {
        if note.is_empty() {
            emptied(r.cols.note.unwrap_or(r.cols.value), &mut said);
        } else if !detail.notes.iter().any(|n| n.body.trim() == note) {
            change.note = Some(note.to_owned());
        }
    }
    // The day a value was true (the workbook's 截至日期, or --as-of), and
    // the day a yes/no task was done.
    let done_task = m.kind == Kind::YesNo && change.status == Some(Status::Done);
    if change.value.is_some() || done_task {
        change.as_of = Some(day);
    }
    if change.is_empty() {
        return Ok((change, said));
    }
    let col = if change.value.is_some() {
        r.cols.value
    } else {
        r.cols.status
    };
    let change = change.checked(m.kind, today).map_err(cell_fault(col))?;
    if let Some(ValueChange::Set(v)) = change.value {
        let newest = detail
            .readings
            .iter()
            .filter_map(|x| x.as_of.parse::<Date>().ok())
            .max();
        if newest.is_some_and(|n| day < n) {
            said.push(Said::LateReading { day, value: v });
        } else {
            said.push(Said::Value {
                from: m.current,
                to: v,
                day,
            });
        }
    }
    if let Some(to) = change.status {
        said.push(Said::Status { from: m.status, to });
    }
    if let Some(n) = &change.note {
        said.push(Said::Note(n.clone()));
    }
    Ok((change, said))
}
