//! The panes of each lens: the directions, the 工程, the areas or the
//! owners, each with its project count and roll-up (a sum over one row per
//! project, never a read of the milestones); where a project sits in a
//! lens; and linking projects to areas, which the source never does.

use super::edit::unchanged;
use super::error::Result;
use super::handle::Store;
use super::history::{Change, record};
use super::lineage::next_version;
use super::sql::{self, args};
use super::view::count;
use crate::domain::lens::{Group, Lens};
use crate::domain::rows::{GroupRow, Rollup};

/// The sums every pane heading shows, over the projects `p` joined to
/// their roll-up rows `r`: a real 0 over no rows, in words both engines
/// read alike (SQLite's `total`, but standard).
fn sums() -> String {
    let total = |column: &str| format!("CAST(coalesce(sum({column}), 0) AS DOUBLE PRECISION)");
    format!(
        "count(p.id), {}, {}, {}, {}",
        total("r.milestones"),
        total("r.done"),
        total("r.progress_sum"),
        total("r.measured")
    )
}

fn groups_sql(lens: Lens) -> String {
    let sums = sums();
    match lens {
        Lens::Directions => format!(
            "SELECT d.id, d.code, d.name, d.name_en, {sums}
             FROM direction d
             LEFT JOIN project p ON p.direction_id = d.id
             LEFT JOIN project_rollup r ON r.project_id = p.id
             GROUP BY d.id ORDER BY d.position, d.id"
        ),
        Lens::Programs => format!(
            "SELECT g.id, g.code, g.name, g.name_en, {sums}
             FROM program g
             LEFT JOIN project p ON p.program_id = g.id
             LEFT JOIN project_rollup r ON r.project_id = p.id
             GROUP BY g.id ORDER BY g.position, g.id"
        ),
        Lens::Areas => format!(
            "SELECT a.id, a.code, a.name, a.name_en, {sums}
             FROM area a
             LEFT JOIN project_area pa ON pa.area_id = a.id
             LEFT JOIN project p ON p.id = pa.project_id
             LEFT JOIN project_rollup r ON r.project_id = p.id
             GROUP BY a.id ORDER BY a.position, a.id"
        ),
        // Named owners in order; projects with none named last.
        Lens::Owners => format!(
            "SELECT 0, '', p.owner, p.owner, {sums}
             FROM project p
             LEFT JOIN project_rollup r ON r.project_id = p.id
             GROUP BY p.owner ORDER BY p.owner = '', p.owner"
        ),
    }
}

impl Store {
    /// The panes of `lens`, in order, with their counts and roll-ups.
    pub fn groups(&self, lens: Lens) -> Result<Vec<GroupRow>> {
        sql::rows(
            self.db(),
            "reading the panes",
            &groups_sql(lens),
            &[],
            |r| {
                let id = r.int(0)?;
                let name = r.text(2)?;
                let group = match lens {
                    Lens::Directions => Group::Direction(id),
                    Lens::Programs => Group::Program(id),
                    Lens::Areas => Group::Area(id),
                    Lens::Owners => Group::Owner(name.clone()),
                };
                Ok(GroupRow {
                    group,
                    code: r.text(1)?,
                    name,
                    name_en: r.text(3)?,
                    projects: count(r.int(4)?),
                    rollup: Rollup::from_sums(r.real(5)?, r.real(6)?, r.real(7)?, r.real(8)?),
                })
            },
        )
    }

    /// The directions in order: the default lens.
    pub fn directions(&self) -> Result<Vec<GroupRow>> {
        self.groups(Lens::Directions)
    }

    /// The panes of `lens` project `id` sits in (none, one, or several
    /// areas): where a jump to it goes.
    pub fn groups_of_project(&self, lens: Lens, id: i64) -> Result<Vec<Group>> {
        let sql = match lens {
            Lens::Directions => "SELECT direction_id, '' FROM project WHERE id = ?1",
            Lens::Programs => {
                "SELECT program_id, '' FROM project WHERE id = ?1 AND program_id IS NOT NULL"
            }
            Lens::Areas => {
                "SELECT area_id, '' FROM project_area WHERE project_id = ?1 ORDER BY position"
            }
            Lens::Owners => "SELECT 0, owner FROM project WHERE id = ?1",
        };
        sql::rows(
            self.db(),
            &format!("finding project {id} in the panes"),
            sql,
            args![id],
            |r| {
                let (n, owner) = (r.int(0)?, r.text(1)?);
                Ok(match lens {
                    Lens::Directions => Group::Direction(n),
                    Lens::Programs => Group::Program(n),
                    Lens::Areas => Group::Area(n),
                    Lens::Owners => Group::Owner(owner),
                })
            },
        )
    }

    /// The areas (id, code, name, English name), in order: what a link
    /// may name.
    pub fn areas(&self) -> Result<Vec<(i64, String, String, String)>> {
        sql::rows(
            self.db(),
            "reading the areas",
            "SELECT id, code, name, name_en FROM area ORDER BY position, id",
            &[],
            |r| Ok((r.int(0)?, r.text(1)?, r.text(2)?, r.text(3)?)),
        )
    }

    /// Links project `id` to exactly `areas` (ids, in order), if nobody
    /// changed the project since `expected_version`; returns the areas it
    /// had and the project's version now. One history row says both.
    pub fn set_project_areas(
        &mut self,
        id: i64,
        expected_version: i64,
        areas: &[i64],
    ) -> Result<(Vec<i64>, i64)> {
        let now = self.clock.now_text();
        let author = self.author.clone();
        self.write_any("linking the project to areas", |tx| {
            unchanged(tx, "project", id, expected_version)?;
            let names = |ids: &[i64]| -> Result<String> {
                let mut out = Vec::new();
                for a in ids {
                    let name = sql::one(
                        tx,
                        &format!("reading area {a}"),
                        "SELECT name FROM area WHERE id = ?1",
                        args![*a],
                        |r| r.text(0),
                    )?
                    .unwrap_or_default();
                    out.push(name);
                }
                Ok(out.join("、"))
            };
            let old = sql::rows(
                tx,
                "reading the project's areas",
                "SELECT area_id FROM project_area WHERE project_id = ?1 ORDER BY position",
                args![id],
                |r| r.int(0),
            )?;
            if old == areas {
                return Ok((old, expected_version));
            }
            let (was, now_names) = (names(&old)?, names(areas)?);
            tx.exec(
                "unlinking the project's areas",
                "DELETE FROM project_area WHERE project_id = ?1",
                args![id],
            )?;
            for (i, a) in areas.iter().enumerate() {
                tx.exec(
                    &format!("linking the project to area {a}"),
                    "INSERT INTO project_area (project_id, area_id, position) VALUES (?1, ?2, ?3)",
                    args![id, *a, i64::try_from(i).unwrap_or(i64::MAX)],
                )?;
            }
            let version = next_version(tx)?;
            tx.exec(
                "linking the project to areas",
                "UPDATE project SET version = ?1, updated_at = ?2, updated_by = ?3 WHERE id = ?4",
                args![version, &now, &author, id],
            )?;
            let some = |s: String| (!s.is_empty()).then_some(s);
            let change = Change {
                entity: "project",
                entity_id: id,
                field: "areas",
                old: some(was),
                new: some(now_names),
            };
            record(tx, &now, &author, change)?;
            Ok((old, version))
        })
    }
}
