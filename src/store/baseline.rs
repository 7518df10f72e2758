//! Baselines: the targets and time limits as they stood on a day, kept
//! under a name, so that a later report can say what moved since.

use super::Store;
use super::error::{Error, Result};
use crate::domain::refusal::{Field, Refusal};
use crate::domain::report::{BaselineInfo, Moved};
use crate::domain::validate::typed_name;
use rusqlite::{OptionalExtension, params};

impl Store {
    /// Saves every milestone's target and time limit under `name`; a name
    /// already used is refused (each baseline stays as it was saved).
    pub fn save_baseline(&mut self, name: &str) -> Result<BaselineInfo> {
        let name = typed_name(name, Field::Title).map_err(Error::Invalid)?;
        let now = self.clock.now_text();
        let author = self.author.clone();
        self.write("saving the baseline", |tx| {
            let taken: Option<i64> = tx
                .query_row("SELECT id FROM baseline WHERE name = ?1", [&name], |r| r.get(0))
                .optional()
                .map_err(Error::sql("reading the baselines"))?;
            if taken.is_some() {
                return Err(Error::Invalid(Refusal::BaselineExists { name: name.clone() }));
            }
            tx.execute(
                "INSERT INTO baseline (name, saved_at, saved_by) VALUES (?1, ?2, ?3)",
                params![name, now, author],
            )
            .map_err(Error::sql("saving the baseline"))?;
            let id = tx.last_insert_rowid();
            let items = tx
                .execute(
                    "INSERT INTO baseline_item (baseline_id, milestone_id, title, unit, target, due_date)
                     SELECT ?1, id, title, unit, target, due_date FROM milestone",
                    [id],
                )
                .map_err(Error::sql("saving the baseline"))?;
            Ok(BaselineInfo {
                name: name.clone(),
                saved_at: now.clone(),
                saved_by: author.clone(),
                items,
            })
        })
    }

    /// Every baseline, oldest first.
    pub fn baselines(&self) -> Result<Vec<BaselineInfo>> {
        self.file()?
            .prepare(
                "SELECT b.name, b.saved_at, b.saved_by, count(i.milestone_id)
                 FROM baseline b LEFT JOIN baseline_item i ON i.baseline_id = b.id
                 GROUP BY b.id ORDER BY b.saved_at, b.id",
            )
            .and_then(|mut st| {
                st.query_map([], |r| {
                    Ok(BaselineInfo {
                        name: r.get(0)?,
                        saved_at: r.get(1)?,
                        saved_by: r.get(2)?,
                        items: usize::try_from(r.get::<_, i64>(3)?).unwrap_or(0),
                    })
                })?
                .collect()
            })
            .map_err(Error::sql("reading the baselines"))
    }

    /// The targets and time limits that differ from baseline `name`, with
    /// who changed each last since it was saved; milestones added or
    /// deleted since are left out (the change log has them).
    pub fn moved_since(&self, name: &str) -> Result<(BaselineInfo, Vec<Moved>)> {
        let info = self
            .baselines()?
            .into_iter()
            .find(|b| b.name == name)
            .ok_or_else(|| {
                Error::Invalid(Refusal::NoSuchBaseline {
                    name: name.to_owned(),
                })
            })?;
        let mut st = self
            .file()?
            .prepare(
                "SELECT m.id, p.name || ' › ' || m.title, m.unit, i.target, m.target, i.due_date,
                        m.due_date,
                        (SELECT h.author FROM history h
                         WHERE h.entity = 'milestone' AND h.entity_id = m.id
                           AND h.field IN ('target', 'due') AND h.at >= b.saved_at
                         ORDER BY h.at DESC, h.id DESC LIMIT 1)
                 FROM baseline b
                 JOIN baseline_item i ON i.baseline_id = b.id
                 JOIN milestone m ON m.id = i.milestone_id
                 JOIN project p ON p.id = m.project_id
                 WHERE b.name = ?1
                   AND (i.target IS NOT m.target OR i.due_date IS NOT m.due_date)
                 ORDER BY m.id",
            )
            .map_err(Error::sql("comparing with the baseline"))?;
        let moved = st
            .query_map([name], |r| {
                Ok(Moved {
                    milestone: r.get(0)?,
                    place: r.get(1)?,
                    unit: r.get(2)?,
                    target_was: r.get(3)?,
                    target: r.get(4)?,
                    due_was: r.get(5)?,
                    due: r.get(6)?,
                    by: r.get(7)?,
                })
            })
            .and_then(|it| it.collect())
            .map_err(Error::sql("comparing with the baseline"))?;
        Ok((info, moved))
    }
}
