//! What a pane heading's light counts are made of: every open milestone
//! with a time limit, with the pane(s) of a lens it sits in and, for a
//! numeric target, its readings. Read in one pass in milestone order (the
//! readings merged in by id), handed to the caller one at a time, so that
//! a city-sized plan is judged without holding it. The judging is the
//! domain's; this only reads.

use super::Store;
use super::error::{Error, Result};
use crate::domain::lens::{Group, Lens};
use crate::domain::progress::Measure;
use crate::domain::status::{Kind, Status};

/// One milestone as the lights judge it.
pub struct Judged<'a> {
    pub group: &'a Group,
    pub measure: Measure,
    pub due: &'a str,
    /// (day, value), oldest first; only for numeric targets.
    pub readings: &'a [(String, f64)],
}

fn group_column(lens: Lens) -> (&'static str, &'static str) {
    match lens {
        Lens::Directions => ("p.direction_id, ''", ""),
        Lens::Programs => ("p.program_id, ''", " AND p.program_id IS NOT NULL"),
        Lens::Areas => ("pa.area_id, ''", ""),
        Lens::Owners => ("0, p.owner", ""),
    }
}

impl Store {
    /// Calls `judge` once per open milestone with a time limit in each
    /// pane of `lens` it belongs to (an area's project may serve several).
    pub fn each_judged(&self, lens: Lens, mut judge: impl FnMut(Judged<'_>)) -> Result<()> {
        let (group, only) = group_column(lens);
        let areas = if lens == Lens::Areas {
            "JOIN project_area pa ON pa.project_id = p.id"
        } else {
            ""
        };
        let open = "m.status NOT IN ('done', 'dropped') AND m.due_date IS NOT NULL";
        let sql = format!(
            "SELECT m.id, {group}, m.kind, m.status, m.baseline, m.target, m.current, m.due_date
             FROM milestone m JOIN project p ON p.id = m.project_id {areas}
             WHERE {open}{only} ORDER BY m.id"
        );
        let readings_sql = format!(
            "SELECT r.milestone_id, r.as_of, r.value FROM reading r
             JOIN milestone m ON m.id = r.milestone_id
             WHERE {open} AND m.kind = 'numeric' AND m.target IS NOT NULL
             ORDER BY r.milestone_id, r.as_of"
        );
        let bad = |e: rusqlite::Error| Error::sql("judging the lights")(e);
        let mut st = self.file()?.prepare(&sql).map_err(&bad)?;
        let mut rst = self.file()?.prepare(&readings_sql).map_err(&bad)?;
        let mut readings = rst
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, f64>(2)?,
                ))
            })
            .map_err(&bad)?
            .peekable();
        let mut rows = st.query([]).map_err(&bad)?;
        let mut mine: Vec<(String, f64)> = Vec::new();
        let mut mine_of = i64::MIN;
        while let Some(r) = rows.next().map_err(&bad)? {
            let id: i64 = r.get(0).map_err(&bad)?;
            let (n, owner): (i64, String) = (r.get(1).map_err(&bad)?, r.get(2).map_err(&bad)?);
            let kind: String = r.get(3).map_err(&bad)?;
            let status: String = r.get(4).map_err(&bad)?;
            let (Some(kind), Ok(status)) = (Kind::from_code(&kind), status.parse::<Status>())
            else {
                continue;
            };
            // An area's milestone comes once per area: its readings once.
            if mine_of != id {
                mine.clear();
                mine_of = id;
                loop {
                    match readings.peek() {
                        Some(Ok((m, ..))) if *m <= id => {}
                        Some(Err(_)) => {
                            if let Some(Err(e)) = readings.next() {
                                return Err(bad(e));
                            }
                        }
                        _ => break,
                    }
                    if let Some(Ok((m, day, v))) = readings.next()
                        && m == id
                    {
                        mine.push((day, v));
                    }
                }
            }
            let group = match lens {
                Lens::Directions => Group::Direction(n),
                Lens::Programs => Group::Program(n),
                Lens::Areas => Group::Area(n),
                Lens::Owners => Group::Owner(owner),
            };
            let due: String = r.get(8).map_err(&bad)?;
            judge(Judged {
                group: &group,
                measure: Measure {
                    kind,
                    status,
                    baseline: r.get(5).map_err(&bad)?,
                    target: r.get(6).map_err(&bad)?,
                    current: r.get(7).map_err(&bad)?,
                },
                due: &due,
                readings: &mine,
            });
        }
        Ok(())
    }
}
