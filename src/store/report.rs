//! What a report reads besides the milestone rows: the readings that
//! forecasts are drawn from, each milestone's newest note, the areas of
//! each project, and the history since a day with where each change was.

use super::error::{Error, Result};
use super::handle::Store;
use super::sql::{self, Arg};
use crate::domain::report::{ChangeLine, LatestNote};
use std::collections::HashMap;
use std::ops::ControlFlow;

impl Store {
    /// (day, value) of every numeric target's readings, oldest first.
    pub fn target_readings(&self) -> Result<HashMap<i64, Vec<(String, f64)>>> {
        let mut out: HashMap<i64, Vec<(String, f64)>> = HashMap::new();
        self.db().each(
            "reading the readings",
            "SELECT r.milestone_id, r.as_of, r.value FROM reading r
             JOIN milestone m ON m.id = r.milestone_id
             WHERE m.kind = 'numeric' AND m.target IS NOT NULL
             ORDER BY r.milestone_id, r.as_of",
            &[],
            &mut |r| {
                out.entry(r.int(0)?)
                    .or_default()
                    .push((r.text(1)?, r.real(2)?));
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// The newest note of every milestone that has one.
    pub fn latest_notes(&self) -> Result<HashMap<i64, LatestNote>> {
        let mut out = HashMap::new();
        self.db().each(
            "reading the newest notes",
            // The newest progress note of each milestone by the day it
            // speaks of (the day it was written unless it says another),
            // then by when written; quotes of the source are never one.
            // Each milestone's few notes through its index: no sort of a
            // city's million notes.
            "SELECT m.id, n.body, n.author, n.created_at,
                    coalesce(n.as_of, substr(n.created_at, 1, 10))
             FROM milestone m
             JOIN note n ON n.id = (
                 SELECT o.id FROM note o
                 WHERE o.milestone_id = m.id AND o.kind = 'progress'
                 ORDER BY coalesce(o.as_of, substr(o.created_at, 1, 10)) DESC, o.id DESC
                 LIMIT 1)",
            &[],
            &mut |r| {
                let note = LatestNote {
                    body: r.text(1)?,
                    author: r.text(2)?,
                    at: r.text(3)?,
                    day: r.text(4)?,
                };
                out.insert(r.int(0)?, note);
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// The plan's source quotes (notes of kind `source`), each with where it
    /// is attached (project › milestone, or the project), in plan order.
    pub fn source_quotes(&self) -> Result<Vec<(String, String)>> {
        sql::rows(
            self.db(),
            "reading the source quotes",
            "SELECT coalesce(mp.name || ' › ' || m.title, p.name), n.body
             FROM note n
             LEFT JOIN milestone m ON m.id = n.milestone_id
             LEFT JOIN project mp ON mp.id = m.project_id
             LEFT JOIN project p ON p.id = n.project_id
             LEFT JOIN direction d ON d.id = coalesce(mp.direction_id, p.direction_id)
             WHERE n.kind = 'source'
             ORDER BY d.position, coalesce(mp.position, p.position), coalesce(mp.id, p.id),
                      m.position, n.id",
            &[],
            |r| Ok((r.text(0)?, r.text(1)?)),
        )
    }

    /// The areas each project serves, in order.
    pub fn areas_of_projects(&self) -> Result<HashMap<i64, Vec<i64>>> {
        let mut out: HashMap<i64, Vec<i64>> = HashMap::new();
        self.db().each(
            "reading the areas",
            "SELECT project_id, area_id FROM project_area ORDER BY project_id, position",
            &[],
            &mut |r| {
                out.entry(r.int(0)?).or_default().push(r.int(1)?);
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// Every change from `since` up to (not at) `until` (instants), oldest
    /// first: a report's 本周进展.
    pub fn changes_between(&self, since: &str, until: &str) -> Result<Vec<ChangeLine>> {
        self.changes(&LogFilter {
            since: Some(since.to_owned()),
            until: Some(until.to_owned()),
            oldest_first: true,
            ..LogFilter::default()
        })
    }

    /// The plan-wide change log: every change `filter` keeps, with the
    /// project › milestone it was made to, as they are named now (a
    /// deleted row keeps the history's own words).
    pub fn changes(&self, filter: &LogFilter) -> Result<Vec<ChangeLine>> {
        let mut out = Vec::new();
        self.each_change(filter, |c| {
            out.push(c);
            ControlFlow::Continue(())
        })?;
        Ok(out)
    }

    /// `changes`, handed over one at a time as read: a million-row log is
    /// never held whole; `f` breaks to stop reading (a reader went away).
    pub fn each_change(
        &self,
        filter: &LogFilter,
        mut f: impl FnMut(ChangeLine) -> ControlFlow<()>,
    ) -> Result<()> {
        let order = if filter.oldest_first { "ASC" } else { "DESC" };
        // A pane's projects, by the same condition its list uses (on ?6).
        // Each bare `IS NULL` casts its parameter, as PostgreSQL wants.
        let in_group = match &filter.group {
            Some(g) => format!(
                "coalesce(mp.id, p.id, np.id, npp.id) IN (SELECT p.id FROM project p WHERE {})",
                super::page::member_sql(g).replace("?1", "?6")
            ),
            None => "CAST(?6 AS TEXT) IS NULL".to_owned(),
        };
        // A bound written only when there is one: `?1 IS NULL OR h.at >=
        // ?1` cannot seek the (plan, at) index, and "since Monday" then
        // read a million-row history to its start.
        let since = match filter.since {
            Some(_) => "h.at >= ?1",
            None => "CAST(?1 AS TEXT) IS NULL",
        };
        let until = match filter.until {
            Some(_) => "h.at < ?7",
            None => "CAST(?7 AS TEXT) IS NULL",
        };
        let group_key = filter
            .group
            .as_ref()
            .map_or(Arg::Null, super::page::group_key);
        let sql = format!(
            "SELECT h.at, h.author, h.entity, h.entity_id, h.field, h.old, h.new,
                    coalesce(mp.name || ' › ' || m.title, p.name, np.name || ' › ' || nm.title,
                             npp.name, '')
             FROM history h
             LEFT JOIN milestone m ON h.entity = 'milestone' AND m.id = h.entity_id
             LEFT JOIN project mp ON mp.id = m.project_id
             LEFT JOIN project p ON h.entity = 'project' AND p.id = h.entity_id
             LEFT JOIN note n ON h.entity = 'note' AND n.id = h.entity_id
             LEFT JOIN milestone nm ON nm.id = n.milestone_id
             LEFT JOIN project np ON np.id = nm.project_id
             LEFT JOIN project npp ON npp.id = n.project_id
             WHERE h.entity <> 'plan'
               AND h.plan = (SELECT identity FROM plan)
               AND {since} AND {until}
               AND (CAST(?2 AS TEXT) IS NULL OR h.author = ?2)
               AND (CAST(?3 AS BIGINT) IS NULL
                    OR coalesce(mp.direction_id, p.direction_id, np.direction_id,
                                npp.direction_id) = ?3)
               AND (CAST(?4 AS BIGINT) IS NULL OR coalesce(mp.id, p.id, np.id, npp.id) = ?4)
               AND {in_group}
             ORDER BY h.at {order}, h.id {order} LIMIT ?5"
        );
        let limit = filter.limit.unwrap_or(i64::MAX);
        let mut stopped = false;
        let read = self.db().each(
            "reading the history",
            &sql,
            &[
                Arg::from(&filter.since),
                Arg::from(&filter.user),
                Arg::from(filter.direction),
                Arg::from(filter.project),
                Arg::Int(limit),
                group_key,
                Arg::from(&filter.until),
            ],
            &mut |r| {
                let line = ChangeLine {
                    at: r.text(0)?,
                    author: r.text(1)?,
                    place: r.text(7)?,
                    field: r.text(4)?,
                    old: r.opt_text(5)?,
                    new: r.opt_text(6)?,
                };
                if f(line).is_break() {
                    // Ends the statement; the flag, not this error, is
                    // what the caller hears.
                    stopped = true;
                    return Err(Error::Internal("the reader stopped".into()));
                }
                Ok(())
            },
        );
        match read {
            Err(_) if stopped => Ok(()),
            read => read,
        }
    }
}

/// Which changes the log shows.
#[derive(Debug, Clone, Default)]
pub struct LogFilter {
    /// From this instant on, and before that one.
    pub since: Option<String>,
    pub until: Option<String>,
    /// Made by this user.
    pub user: Option<String>,
    /// Made under this direction, or this project.
    pub direction: Option<i64>,
    pub project: Option<i64>,
    /// Made under any project of this pane (a direction, 工程, area, owner).
    pub group: Option<crate::domain::lens::Group>,
    pub oldest_first: bool,
    pub limit: Option<i64>,
}
