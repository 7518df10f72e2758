//! A folder of plan files as a store of many plans: each plan a file of its
//! own, named by its unit and year (`dongchengjiedao_2023.db`), as each is
//! a schema on a server. Every guarantee of a plan file holds per plan as it
//! is (ids, versions, identity, history, drafts, the lock, backups, the
//! upgrade in place), and two planners in two plans never wait for each
//! other. Read here without opening a store: each file read-only, once.

use crate::domain::indicators::IndicatorSum;
use crate::store::error::{Error, Result};
use crate::store::location::Location;
use crate::store::plan_rows::{
    PlanStanding, PlanSummary, directions_sql, indicators_sql, standing_sql,
};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// Whether `path` names a folder of plans rather than a plan file.
pub fn is_plan_folder(path: &Path) -> bool {
    path.is_dir()
}

/// The plan files of `dir`: `*.db`, not hidden (a plan being written is),
/// by name.
fn plan_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.extension().is_some_and(|e| e == "db")
                        && p.file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| !n.starts_with('.'))
                        && p.is_file()
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn read_only(path: &Path) -> Result<Connection> {
    let c = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(Error::sql(format!("reading {}", path.display())))?;
    c.busy_timeout(std::time::Duration::from_secs(5))
        .map_err(Error::sql(format!("reading {}", path.display())))?;
    Ok(c)
}

/// The plan a file holds, or None for a file that is not a plan (another
/// program's database beside the plans is passed over, not refused).
fn plan_of(c: &Connection, path: &Path) -> Option<PlanSummary> {
    let ours: i32 = c
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .ok()?;
    if ours != super::schema::APPLICATION_ID {
        return None;
    }
    // A file not yet upgraded has no `unit`: read through json so the
    // query does not depend on it.
    c.query_row(
        "SELECT identity, title, year, coalesce(json_extract(json_object('u', unit), '$.u'), ''),
                coalesce(replaced_at, ''), coalesce(replaced_by, '')
           FROM plan ORDER BY id LIMIT 1",
        [],
        |r| {
            Ok(PlanSummary {
                identity: r.get(0)?,
                title: r.get(1)?,
                year: r.get(2)?,
                unit: r.get(3)?,
                since: r.get(4)?,
                by: r.get(5)?,
                schema: name_in_folder(path),
            })
        },
    )
    .or_else(|_| {
        c.query_row(
            "SELECT identity, title, year FROM plan ORDER BY id LIMIT 1",
            [],
            |r| {
                Ok(PlanSummary {
                    identity: r.get(0)?,
                    title: r.get(1)?,
                    year: r.get(2)?,
                    schema: name_in_folder(path),
                    ..PlanSummary::default()
                })
            },
        )
    })
    .ok()
}

fn name_in_folder(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Every plan of the folder, with its file.
pub fn folder_plans(dir: &Path) -> Result<Vec<(PathBuf, PlanSummary)>> {
    let mut all = Vec::new();
    for path in plan_files(dir) {
        let c = read_only(&path)?;
        if let Some(plan) = plan_of(&c, &path) {
            all.push((path, plan));
        }
    }
    Ok(all)
}

/// Every plan of the folder with where it stands on `today`; `open` (the
/// file open now) has no place to go to. A file kept by an older version
/// (not yet upgraded: it is, when opened) is listed without its counts.
pub fn folder_standings(dir: &Path, open: &Path, today: &str) -> Result<Vec<PlanStanding>> {
    let open = std::fs::canonicalize(open).unwrap_or_else(|_| open.to_path_buf());
    let mut all = Vec::new();
    for path in plan_files(dir) {
        let here = std::fs::canonicalize(&path).is_ok_and(|p| p == open);
        if let Some(mut s) = remembered(&path, today, |p| standing_of(p, today))? {
            s.place = (!here).then(|| Location::File(path.clone()));
            all.push(s);
        }
    }
    Ok(all)
}

/// What a file and its write-ahead log look like from outside: changed by
/// any commit (the log grows, or a checkpoint writes the file).
type Look = [(u64, i128); 2];

fn look(path: &Path) -> Look {
    let of = |p: &Path| {
        std::fs::metadata(p).map_or((0, 0), |m| {
            let at = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| i128::try_from(d.as_nanos()).unwrap_or(i128::MAX));
            (m.len(), at)
        })
    };
    [
        of(path),
        of(&crate::store::sqlite::beside::sibling(path, "-wal")),
    ]
}

/// Each plan file's standing as last read, kept while the file looks the
/// same: the city's view is read again each time `P` is pressed, and most
/// of a file's time is opening it (its schema read), not counting.
#[allow(clippy::type_complexity)]
static REMEMBERED: std::sync::Mutex<
    Option<std::collections::HashMap<PathBuf, (Look, String, Option<PlanStanding>)>>,
> = std::sync::Mutex::new(None);

fn remembered(
    path: &Path,
    today: &str,
    read: impl FnOnce(&Path) -> Result<Option<PlanStanding>>,
) -> Result<Option<PlanStanding>> {
    let now = look(path);
    if let Ok(kept) = REMEMBERED.lock()
        && let Some((was, day, standing)) = kept.as_ref().and_then(|m| m.get(path))
        && *was == now
        && day == today
    {
        return Ok(standing.clone());
    }
    let standing = read(path)?;
    if let Ok(mut kept) = REMEMBERED.lock() {
        kept.get_or_insert_with(Default::default).insert(
            path.to_path_buf(),
            (now, today.to_owned(), standing.clone()),
        );
    }
    Ok(standing)
}

/// One file's plan and standing; None for a file that is not a plan.
fn standing_of(path: &Path, today: &str) -> Result<Option<PlanStanding>> {
    let c = read_only(path)?;
    let Some(plan) = plan_of(&c, path) else {
        return Ok(None);
    };
    let version: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(Error::sql(format!("reading {}", path.display())))?;
    let counted = if version == super::schema::latest_version() {
        counts(&c, today).map_err(Error::sql(format!("reading {}", path.display())))?
    } else {
        Counted::default()
    };
    Ok(Some(PlanStanding {
        plan,
        items: counted.items,
        done: counted.done,
        overdue: counted.overdue,
        progress: counted.progress,
        directions: counted.directions,
        indicators: counted.indicators,
        max_id: counted.max_id,
        place: None,
    }))
}

#[derive(Default)]
struct Counted {
    items: i64,
    done: i64,
    overdue: i64,
    progress: Option<f64>,
    max_id: i64,
    directions: Vec<(String, i64, Option<f64>)>,
    indicators: Vec<IndicatorSum>,
}

fn counts(c: &Connection, today: &str) -> rusqlite::Result<Counted> {
    let (items, done, overdue, progress, max_id) =
        c.query_row(&standing_sql(""), [today], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
    let directions = c
        .prepare(&directions_sql(""))?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let indicators = c
        .prepare(&indicators_sql(""))?
        .query_map([], |r| {
            Ok(IndicatorSum {
                indicator: r.get(0)?,
                unit: r.get(1)?,
                items: r.get(2)?,
                target: r.get(3)?,
                current: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Counted {
        items,
        done,
        overdue,
        progress,
        max_id,
        directions,
        indicators,
    })
}
