//! Baselines: the targets and time limits as they stood on a day, kept
//! under a name, so that a later report can say what moved since.

use super::error::{Error, Result};
use super::handle::Store;
use super::sql::{self, Db, args};
use crate::domain::refusal::{Field, Refusal};
use crate::domain::report::{BaselineInfo, Moved};
use crate::domain::validate::typed_name;

impl Store {
    /// Saves every milestone's target and time limit under `name`; a name
    /// already used is refused (each baseline stays as it was saved).
    pub fn save_baseline(&mut self, name: &str) -> Result<BaselineInfo> {
        let name = typed_name(name, Field::BaselineName).map_err(Error::Invalid)?;
        let now = self.clock.now_text();
        let author = self.author.clone();
        self.write_any("saving the baseline", |tx| {
            match whose(tx, &name)? {
                Some(Whose::ThisPlan) => {
                    return Err(Error::Invalid(Refusal::BaselineExists { name: name.clone() }));
                }
                Some(Whose::ReplacedPlan) => {
                    return Err(Error::Invalid(Refusal::BaselineOfReplacedPlan {
                        name: name.clone(),
                    }));
                }
                None => {}
            }
            let id = sql::one(
                tx,
                "saving the baseline",
                "INSERT INTO baseline (name, saved_at, saved_by) VALUES (?1, ?2, ?3) RETURNING id",
                args![&name, &now, &author],
                |r| r.int(0),
            )?
            .ok_or_else(|| Error::Internal("a new baseline returned no id".into()))?;
            let items = tx.exec(
                "saving the baseline",
                "INSERT INTO baseline_item (baseline_id, milestone_id, title, unit, target, due_date)
                 SELECT ?1, id, title, unit, target, due_date FROM milestone",
                args![id],
            )?;
            Ok(BaselineInfo {
                name: name.clone(),
                saved_at: now.clone(),
                saved_by: author.clone(),
                items: usize::try_from(items).unwrap_or(usize::MAX),
            })
        })
    }

    /// Every baseline, oldest first.
    pub fn baselines(&self) -> Result<Vec<BaselineInfo>> {
        sql::rows(
            self.db(),
            "reading the baselines",
            "SELECT b.name, b.saved_at, b.saved_by, count(i.milestone_id)
             FROM baseline b LEFT JOIN baseline_item i ON i.baseline_id = b.id
             WHERE b.plan = (SELECT identity FROM plan)
             GROUP BY b.id, b.name, b.saved_at, b.saved_by ORDER BY b.saved_at, b.id",
            &[],
            |r| {
                Ok(BaselineInfo {
                    name: r.text(0)?,
                    saved_at: r.text(1)?,
                    saved_by: r.text(2)?,
                    items: sql::count(r.int(3)?),
                })
            },
        )
    }

    /// The targets and time limits that differ from baseline `name`, with
    /// who changed each last since it was saved; milestones added or
    /// deleted since are left out (the change log has them).
    pub fn moved_since(&self, name: &str) -> Result<(BaselineInfo, Vec<Moved>)> {
        let info = self
            .baselines()?
            .into_iter()
            .find(|b| b.name == name)
            .ok_or_else(|| self.no_baseline(name))?;
        let moved = sql::rows(
            self.db(),
            "comparing with the baseline",
            "SELECT m.id, p.name || ' › ' || m.title, m.unit, i.target, m.target, i.due_date,
                        m.due_date,
                        (SELECT h.author FROM history h
                         WHERE h.entity = 'milestone' AND h.entity_id = m.id
                           AND h.plan = b.plan
                           AND h.field IN ('target', 'due') AND h.at >= b.saved_at
                         ORDER BY h.at DESC, h.id DESC LIMIT 1)
                 FROM baseline b
                 JOIN baseline_item i ON i.baseline_id = b.id
                 JOIN milestone m ON m.id = i.milestone_id
                 JOIN project p ON p.id = m.project_id
                 WHERE b.name = ?1 AND b.plan = (SELECT identity FROM plan)
                   AND (i.target IS DISTINCT FROM m.target OR i.due_date IS DISTINCT FROM m.due_date)
                 ORDER BY m.id",
            args![name],
            |r| {
                Ok(Moved {
                    milestone: r.int(0)?,
                    place: r.text(1)?,
                    unit: r.text(2)?,
                    target_was: r.opt_real(3)?,
                    target: r.opt_real(4)?,
                    due_was: r.time_limit(5)?,
                    due: r.time_limit(6)?,
                    by: r.opt_text(7)?,
                })
            },
        )?;
        Ok((info, moved))
    }

    /// Why there is no baseline `name` to compare with: none by that name,
    /// or one saved for the plan this one replaced (its milestones are not
    /// this plan's, though their ids may be the same).
    fn no_baseline(&self, name: &str) -> Error {
        let name = name.to_owned();
        match whose(self.db(), &name) {
            Ok(Some(Whose::ReplacedPlan)) => {
                Error::Invalid(Refusal::BaselineOfReplacedPlan { name })
            }
            _ => Error::Invalid(Refusal::NoSuchBaseline { name }),
        }
    }
}

/// Whose the baseline called `name` is, if there is one: names are unique
/// in the file, across the plans it has held.
enum Whose {
    ThisPlan,
    ReplacedPlan,
}

fn whose(db: &dyn Db, name: &str) -> Result<Option<Whose>> {
    let this = sql::one(
        db,
        "reading the baselines",
        // A number on both engines (PostgreSQL's `=` gives a boolean).
        "SELECT CASE WHEN plan = (SELECT identity FROM plan) THEN 1 ELSE 0 END
         FROM baseline WHERE name = ?1",
        args![name],
        |r| r.int(0),
    )?;
    Ok(this.map(|this| {
        if this == 1 {
            Whose::ThisPlan
        } else {
            Whose::ReplacedPlan
        }
    }))
}
