//! Milestones changed with a version check (their reading is
//! `milestone_read`).

use super::error::{Conflict, Error, Result};
use super::handle::Store;
use super::history::{Change, record};
use super::lineage::{Table, fresh_id, next_version};
use super::milestone_read::find;
use super::sql::{self, Db, args, locked};
use crate::domain::MilestoneChange;
use crate::domain::progress::format_value;
use crate::domain::rows::{Fields, MilestoneRow};

/// What a successful save changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub id: i64,
    /// The project the milestone belongs to: the panes a reload rereads.
    pub project_id: i64,
    pub title: String,
    pub version: i64,
    /// One per changed field: (field, old, new), as the history holds them.
    pub changes: Vec<(&'static str, Option<String>, Option<String>)>,
    pub note_id: Option<i64>,
    /// The added note's version, for undo.
    pub note_version: Option<i64>,
    /// The fields as they were, for undo.
    pub before: Fields,
    /// The reading this save wrote, and what that day held before: undo
    /// puts it back.
    pub reading: Option<ReadingWas>,
}

/// One day's reading before a save changed it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadingWas {
    pub day: String,
    /// None: there was no reading that day.
    pub value: Option<f64>,
}

impl Store {
    /// Applies a planner's change to milestone `id` in one transaction, with
    /// history. With `expected_version`, refuses (with who and when) if
    /// someone saved since that version. A value change also records the
    /// day's reading; `source` says where it came from (cockpit, cli).
    pub fn update_milestone(
        &mut self,
        id: i64,
        expected_version: Option<i64>,
        change: MilestoneChange,
        source: &str,
    ) -> Result<Saved> {
        let now = self.clock.now_text();
        let today = self.clock.today();
        let author = self.author.clone();
        self.write_any("the milestone update", |tx| {
            let old = read_checked(tx, id, expected_version)?;
            let change = change.checked(old.kind, today).map_err(Error::Invalid)?;
            change
                .target_reachable(old.baseline, old.target).map_err(Error::Invalid)?;
            let before = old.fields();
            let value = change.new_value(old.current).map_err(Error::Invalid)?;
            let as_of = change.as_of.unwrap_or(today);
            let day = as_of.to_string();
            // A reading for a day before the newest one fills in the past:
            // the current value stays the newest reading's.
            let newest = sql::one(
                tx,
                &format!("reading the readings of milestone {id}"),
                "SELECT max(as_of) FROM reading WHERE milestone_id = ?1",
                args![id],
                |r| r.opt_text(0),
            )?
            .flatten();
            let newest = newest.and_then(|n| n.parse::<jiff::civil::Date>().ok());
            let backdated = MilestoneChange::backdated(value, as_of, newest);
            let after = change.fields_after(&before, value, backdated);
            let done_on = change.done_on(old.kind, old.status);
            let value = value.or(done_on.then_some(1.0));
            let was = match value {
                Some(_) => Some(reading_on(tx, id, &day)?),
                None => None,
            };
            let filled_in = match (value, was) {
                _ if done_on => Some(("done_on", None, Some(day.clone()))),
                (Some(v), Some(was)) if backdated => Some((
                    "reading",
                    was.map(|w| format!("{day} {}", format_value(w))),
                    Some(format!("{day} {}", format_value(v))),
                )),
                _ => None,
            };
            let mut saved = write_fields(tx, &now, &author, &old, &after, filled_in)?;
            saved.reading = was.map(|value| ReadingWas {
                day: day.clone(),
                value,
            });
            if let Some(value) = value {
                let reading_id = fresh_id(tx, Table::Reading)?;
                tx.exec(
                    &format!("recording the reading of milestone {id}"),
                    "INSERT INTO reading (id, milestone_id, as_of, value, author, source)
                     VALUES (?6, ?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (milestone_id, as_of)
                     DO UPDATE SET value = excluded.value, author = excluded.author,
                                   source = excluded.source",
                    args![id, &day, value, &author, source, reading_id],
                )?;
            }
            if let Some(body) = &change.note {
                let note_day = change.as_of.map(|d| d.to_string());
                let note_id = fresh_id(tx, Table::Note)?;
                let note_version = next_version(tx)?;
                tx.exec(
                    &format!("adding a note to milestone {id}"),
                    "INSERT INTO note (id, milestone_id, body, author, created_at, updated_at, version,
                                       as_of)
                     VALUES (?5, ?1, ?2, ?3, ?4, ?4, ?6, ?7)",
                    // Saved with a figure of an earlier day, it speaks of
                    // that day (the report's latest note is by that day).
                    args![id, body, &author, &now, note_id, note_version, &note_day],
                )?;
                record(
                    tx,
                    &now,
                    &author,
                    Change {
                        entity: "note",
                        entity_id: note_id,
                        field: "body",
                        old: None,
                        new: Some(body.clone()),
                    },
                )?;
                saved.note_id = Some(note_id);
                saved.note_version = Some(note_version);
                saved.changes.push(("note", None, Some(note_id.to_string())));
            }
            Ok(saved)
        })
    }

    /// Puts a milestone's fields back exactly as given (undo), and the
    /// reading the change wrote back to what that day held, if nobody
    /// changed the milestone since `expected_version`.
    pub fn restore_milestone(
        &mut self,
        id: i64,
        expected_version: i64,
        fields: Fields,
        reading: Option<ReadingWas>,
    ) -> Result<Saved> {
        let now = self.clock.now_text();
        let author = self.author.clone();
        self.write_any("the undo", |tx| {
            let old = read_checked(tx, id, Some(expected_version))?;
            let restored = match &reading {
                Some(r) => {
                    let now_value = reading_on(tx, id, &r.day)?;
                    let what = format!("restoring a reading of milestone {id}");
                    match r.value {
                        None => tx.exec(
                            &what,
                            "DELETE FROM reading WHERE milestone_id = ?1 AND as_of = ?2",
                            args![id, &r.day],
                        ),
                        Some(v) => tx.exec(
                            &what,
                            "UPDATE reading SET value = ?3 WHERE milestone_id = ?1 AND as_of = ?2",
                            args![id, &r.day, v],
                        ),
                    }?;
                    let text = |v: Option<f64>| v.map(|v| format!("{} {}", r.day, format_value(v)));
                    (now_value != r.value).then(|| ("reading", text(now_value), text(r.value)))
                }
                None => None,
            };
            write_fields(tx, &now, &author, &old, &fields, restored)
        })
    }
}

/// Reads milestone `id` inside a write transaction and checks its version.
fn read_checked(tx: &dyn Db, id: i64, expected: Option<i64>) -> Result<MilestoneRow> {
    let lock = match locked(tx) {
        "" => "",
        _ => " FOR UPDATE OF m",
    };
    let old = find(tx, id, lock)?;
    match expected {
        Some(v) if v != old.version => Err(Error::Conflict(Conflict {
            entity: "milestone",
            id,
            expected_version: v,
            found_version: old.version,
            by: old.updated_by.clone(),
            at: old.updated_at.clone(),
        })),
        _ => Ok(old),
    }
}

/// Writes `new` over `old`, one history row per changed field, and bumps the
/// version if anything changed.
fn write_fields(
    tx: &dyn Db,
    now: &str,
    author: &str,
    old: &MilestoneRow,
    new: &Fields,
    extra: Option<(&'static str, Option<String>, Option<String>)>,
) -> Result<Saved> {
    let id = old.id;
    let before = old.fields();
    let mut saved = Saved {
        id,
        project_id: old.project_id,
        title: new.title.clone(),
        version: old.version,
        changes: Vec::new(),
        note_id: None,
        note_version: None,
        before: before.clone(),
        reading: None,
    };
    let num = |v: Option<f64>| v.map(format_value);
    let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let pairs = [
        ("title", Some(before.title.clone()), Some(new.title.clone())),
        ("unit", some(&before.unit), some(&new.unit)),
        ("baseline", num(before.baseline), num(new.baseline)),
        ("target", num(before.target), num(new.target)),
        ("current", num(before.current), num(new.current)),
        (
            "status",
            Some(before.status.code().to_owned()),
            Some(new.status.code().to_owned()),
        ),
        (
            "due",
            before.due.as_ref().map(ToString::to_string),
            new.due.as_ref().map(ToString::to_string),
        ),
        ("owner", some(&before.owner), some(&new.owner)),
        ("lead", some(&before.lead), some(&new.lead)),
        ("weight", num(Some(before.weight)), num(Some(new.weight))),
        (
            "steps",
            some(&before.steps.stored()),
            some(&new.steps.stored()),
        ),
        ("indicator", some(&before.indicator), some(&new.indicator)),
    ];
    for (field, was, now_) in pairs.into_iter().chain(extra) {
        if was != now_ {
            saved.changes.push((field, was.clone(), now_.clone()));
            record(
                tx,
                now,
                author,
                Change {
                    entity: "milestone",
                    entity_id: id,
                    field,
                    old: was,
                    new: now_,
                },
            )?;
        }
    }
    if !saved.changes.is_empty() {
        let version = next_version(tx)?;
        // Who set the status and when, kept with it for the standing's reason.
        let (status_at, status_by) = if new.status == before.status {
            (old.said.at.as_str(), old.said.by.as_str())
        } else {
            (now, author)
        };
        let n = tx.exec(
            &format!("updating milestone {id}"),
            "UPDATE milestone SET title = ?1, unit = ?2, target = ?3, current = ?4, status = ?5,
                due_date = ?6, version = ?11, updated_at = ?7, updated_by = ?8,
                owner = ?12, lead = ?13, weight = ?14, baseline = ?15, steps = ?16,
                status_at = ?17, status_by = ?18, indicator = ?19
             WHERE id = ?9 AND version = ?10",
            args![
                &new.title,
                &new.unit,
                new.target,
                new.current,
                new.status.code(),
                &new.due.as_ref().map(ToString::to_string),
                now,
                author,
                id,
                old.version,
                version,
                &new.owner,
                &new.lead,
                new.weight,
                new.baseline,
                new.steps.stored().as_str(),
                status_at,
                status_by,
                &new.indicator
            ],
        )?;
        if n != 1 {
            return Err(Error::Internal(format!(
                "milestone {id} changed while this write held the lock"
            )));
        }
        saved.version = version;
    }
    Ok(saved)
}

/// The value of milestone `id`'s reading on `day`, if there is one.
fn reading_on(tx: &dyn Db, id: i64, day: &str) -> Result<Option<f64>> {
    sql::one(
        tx,
        &format!("reading the reading of milestone {id}"),
        "SELECT value FROM reading WHERE milestone_id = ?1 AND as_of = ?2",
        args![id, day],
        |r| r.real(0),
    )
}
