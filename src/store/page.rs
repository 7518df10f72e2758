//! Lists are read a window at a time. A direction may hold thousands of
//! projects; the cockpit asks for the rows around what is on screen, by
//! keyset on (position, id) — the order lists are shown in, and the order
//! of the indexes `project_by_direction` and `milestone_by_project` — so a
//! page costs the same wherever it is in the list.

use super::error::{Error, Result};
use super::handle::Store;
use super::milestone_read::{ROW_SQL, row};
use super::sql::{self, Arg, Cells};
use super::view::{PROJECT_SQL, project_row};
use crate::domain::lens::Group;
use crate::domain::rows::{MilestoneRow, ProjectRow};

/// Where an item sits in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    pub position: i64,
    pub id: i64,
}

impl Key {
    pub const FIRST: Key = Key {
        position: i64::MIN,
        id: i64::MIN,
    };
    pub const LAST: Key = Key {
        position: i64::MAX,
        id: i64::MAX,
    };
}

/// Which rows to read, always returned in list order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// Rows at or after the key.
    From(Key),
    /// Rows strictly after the key.
    After(Key),
    /// Rows strictly before the key (the nearest ones).
    Before(Key),
}

/// Which list: the projects of a pane's group (a direction, a 工程, an
/// area, an owner) or the milestones of a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum List {
    Projects { group: Group },
    Milestones { project: i64 },
}

impl List {
    fn parent(&self) -> Arg<'_> {
        match self {
            List::Projects { group } => group_key(group),
            List::Milestones { project } => Arg::Int(*project),
        }
    }

    /// The table, its alias, and the condition (on `?1`) that makes a row
    /// one of the list's. Each has an index that yields rows in list order
    /// (`project_by_direction`, `project_by_program`, `project_by_owner`,
    /// `milestone_by_project`); an area's few projects are sorted.
    fn table(&self) -> (&'static str, &'static str, &'static str) {
        match self {
            List::Projects { group } => ("project", "p", member_sql(group)),
            List::Milestones { .. } => ("milestone", "m", "m.project_id = ?1"),
        }
    }
}

/// The condition on `?1` that makes project `p` one of `group`'s.
pub(super) fn member_sql(group: &Group) -> &'static str {
    match group {
        Group::Direction(_) => "p.direction_id = ?1",
        Group::Program(_) => "p.program_id = ?1",
        Group::Area(_) => "p.id IN (SELECT project_id FROM project_area WHERE area_id = ?1)",
        Group::Owner(_) => "p.owner = ?1",
    }
}

/// `group`'s key as the `?1` of `member_sql`.
pub(super) fn group_key(group: &Group) -> Arg<'_> {
    match group {
        Group::Direction(id) | Group::Program(id) | Group::Area(id) => Arg::Int(*id),
        Group::Owner(name) => Arg::Text(name),
    }
}

/// Rows of either list.
pub trait Listed: Sized {
    fn key(&self) -> Key;
    fn read(store: &Store, list: &List, page: Page, limit: usize) -> Result<Vec<Self>>;
}

fn page_sql(select: &str, alias: &str, member: &str, page: Page) -> (String, Key) {
    let (cmp, order, key) = match page {
        Page::From(k) => (">=", "ASC", k),
        Page::After(k) => (">", "ASC", k),
        Page::Before(k) => ("<", "DESC", k),
    };
    (
        format!(
            "{select} WHERE {member} AND ({alias}.position, {alias}.id) {cmp} (?2, ?3)
             ORDER BY {alias}.position {order}, {alias}.id {order} LIMIT ?4"
        ),
        key,
    )
}

fn read_page<T>(
    store: &Store,
    list: &List,
    page: Page,
    limit: usize,
    select: &str,
    map: fn(&dyn Cells) -> Result<T>,
) -> Result<Vec<T>> {
    let (_, alias, member) = list.table();
    let (sql, key) = page_sql(select, alias, member, page);
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let mut rows = sql::rows(
        store.db(),
        "reading a page of a list",
        &sql,
        &[
            list.parent(),
            Arg::Int(key.position),
            Arg::Int(key.id),
            Arg::Int(limit),
        ],
        map,
    )?;
    if matches!(page, Page::Before(_)) {
        rows.reverse();
    }
    Ok(rows)
}

impl Listed for ProjectRow {
    fn key(&self) -> Key {
        Key {
            position: self.position,
            id: self.id,
        }
    }
    fn read(store: &Store, list: &List, page: Page, limit: usize) -> Result<Vec<Self>> {
        read_page(store, list, page, limit, PROJECT_SQL, project_row)
    }
}

impl Listed for MilestoneRow {
    fn key(&self) -> Key {
        Key {
            position: self.position,
            id: self.id,
        }
    }
    fn read(store: &Store, list: &List, page: Page, limit: usize) -> Result<Vec<Self>> {
        read_page(store, list, page, limit, ROW_SQL, row)
    }
}

impl Store {
    /// Rows of `list`, at most `limit`, in list order.
    pub fn page<T: Listed>(&self, list: &List, page: Page, limit: usize) -> Result<Vec<T>> {
        T::read(self, list, page, limit)
    }

    /// How many items the list holds.
    pub fn count(&self, list: &List) -> Result<usize> {
        self.rank(list, Key::LAST)
    }

    /// How many items of the list come before `key`: the index the item at
    /// `key` has, or would have. Counted on the index, not the rows.
    pub fn rank(&self, list: &List, key: Key) -> Result<usize> {
        let (table, alias, member) = list.table();
        let n = sql::one(
            self.db(),
            "counting a list",
            &format!(
                "SELECT count(*) FROM {table} {alias}
                 WHERE {member} AND ({alias}.position, {alias}.id) < (?2, ?3)"
            ),
            &[list.parent(), Arg::Int(key.position), Arg::Int(key.id)],
            |r| r.int(0),
        )?;
        Ok(sql::count(n.unwrap_or(0)))
    }

    /// Where item `id` sits in `list`, if it is there.
    pub fn key_of(&self, list: &List, id: i64) -> Result<Option<Key>> {
        let (table, alias, member) = list.table();
        sql::one(
            self.db(),
            "finding an item in a list",
            &format!(
                "SELECT {alias}.position, {alias}.id FROM {table} {alias}
                 WHERE {member} AND {alias}.id = ?2"
            ),
            &[list.parent(), Arg::Int(id)],
            |r| {
                Ok(Key {
                    position: r.int(0)?,
                    id: r.int(1)?,
                })
            },
        )
    }

    /// Runs `f` inside one read transaction, so that a window's count and
    /// its rows come from the same moment even while others write.
    pub fn snapshot<R>(&self, f: impl FnOnce(&Store) -> Result<R>) -> Result<R> {
        let mut f = Some(f);
        let mut out = None;
        self.engine.snapshot(&mut || {
            if let Some(f) = f.take() {
                out = Some(f(self)?);
            }
            Ok(())
        })?;
        out.ok_or_else(|| Error::Internal("a read that read nothing".into()))
    }
}
