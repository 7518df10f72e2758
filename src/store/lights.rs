//! What a pane heading's light counts are made of: every open milestone
//! with a time limit, with the pane(s) of a lens it sits in and, for a
//! numeric target, its readings. Read in one pass in milestone order (the
//! readings merged in by id), handed to the caller one at a time, so that
//! a city-sized plan is judged without holding it. The judging is the
//! domain's; this only reads.

use super::Store;
use super::error::{Error, Result};
use super::sql::Cells;
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

/// The first nine columns both engines' statements return: id, the
/// pane's number and owner, kind, status, baseline, target, current, due.
const COLUMNS: &str =
    "m.id, {group}, m.kind, m.status, m.baseline, m.target, m.current, m.due_date";

/// One row of `COLUMNS` as the lights judge it, with its readings; a row
/// of an unknown kind or status is passed over.
fn judge_row(
    lens: Lens,
    r: &dyn Cells,
    readings: &[(String, f64)],
    judge: &mut dyn FnMut(Judged<'_>),
) -> Result<()> {
    let (n, owner) = (r.int(1)?, r.text(2)?);
    let (kind, status) = (r.text(3)?, r.text(4)?);
    let (Some(kind), Ok(status)) = (Kind::from_code(&kind), status.parse::<Status>()) else {
        return Ok(());
    };
    let group = match lens {
        Lens::Directions => Group::Direction(n),
        Lens::Programs => Group::Program(n),
        Lens::Areas => Group::Area(n),
        Lens::Owners => Group::Owner(owner),
    };
    let due = r.text(8)?;
    judge(Judged {
        group: &group,
        measure: Measure {
            kind,
            status,
            baseline: r.opt_real(5)?,
            target: r.opt_real(6)?,
            current: r.opt_real(7)?,
        },
        due: &due,
        readings,
    });
    Ok(())
}

/// The open milestones with a time limit, and the join that puts each in
/// its panes, for `lens`.
fn open_in(lens: Lens) -> (String, String) {
    let (group, only) = group_column(lens);
    let areas = if lens == Lens::Areas {
        "JOIN project_area pa ON pa.project_id = p.id"
    } else {
        ""
    };
    let open = "m.status NOT IN ('done', 'dropped') AND m.due_date IS NOT NULL";
    (
        format!(
            "{} FROM milestone m JOIN project p ON p.id = m.project_id {areas} WHERE {open}{only}",
            COLUMNS.replace("{group}", group)
        ),
        open.to_owned(),
    )
}

impl Store {
    /// Calls `judge` once per open milestone with a time limit in each
    /// pane of `lens` it belongs to (an area's project may serve several).
    pub fn each_judged(&self, lens: Lens, mut judge: impl FnMut(Judged<'_>)) -> Result<()> {
        let (select, open) = open_in(lens);
        let conn = match self.file() {
            Ok(conn) => conn,
            Err(_) => {
                // The server hands each milestone's readings with it, in
                // one statement streamed row by row.
                let sql = select.replacen(
                    " FROM milestone m",
                    ", (SELECT string_agg(r.as_of || '=' || r.value::text, ';' ORDER BY r.as_of)
                        FROM reading r WHERE r.milestone_id = m.id
                         AND m.kind = 'numeric' AND m.target IS NOT NULL)
                     FROM milestone m",
                    1,
                );
                return self.db().each(
                    "judging the lights",
                    &format!("SELECT {sql} ORDER BY m.id"),
                    &[],
                    &mut |r| {
                        let readings = super::postgres::readings_of(r.opt_text(9)?.as_deref())?;
                        judge_row(lens, r, &readings, &mut judge)
                    },
                );
            }
        };
        let readings_sql = format!(
            "SELECT r.milestone_id, r.as_of, r.value FROM reading r
             JOIN milestone m ON m.id = r.milestone_id
             WHERE {open} AND m.kind = 'numeric' AND m.target IS NOT NULL
             ORDER BY r.milestone_id, r.as_of"
        );
        let bad = |e: rusqlite::Error| Error::sql("judging the lights")(e);
        let mut st = conn
            .prepare(&format!("SELECT {select} ORDER BY m.id"))
            .map_err(&bad)?;
        let mut rst = conn.prepare(&readings_sql).map_err(&bad)?;
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
            let cells = super::sqlite::cells(r, "judging the lights");
            judge_row(lens, &cells, &mine, &mut judge)?;
        }
        Ok(())
    }
}
