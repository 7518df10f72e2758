//! 责任单位 and 责任人 of a project (a milestone's travel with its other
//! fields, through `update_milestone`), and the owners a plan names.

use super::edit::unchanged;
use super::error::{Error, Result};
use super::handle::Store;
use super::history::{Change, record};
use super::lineage::next_version;
use super::sql::{self, args};
use crate::domain::refusal::Field;
use crate::domain::validate::typed_party;

impl Store {
    /// Sets project `id`'s 责任单位 and 责任人 if nobody changed the project
    /// since `expected_version`; returns what they were and the version
    /// the project has now. Its milestones that name no one follow it.
    pub fn set_project_owner(
        &mut self,
        id: i64,
        expected_version: i64,
        unit: &str,
        lead: &str,
    ) -> Result<((String, String), i64)> {
        let unit = typed_party(unit, Field::Owner).map_err(Error::Invalid)?;
        let lead = typed_party(lead, Field::Lead).map_err(Error::Invalid)?;
        let now = self.clock.now_text();
        let author = self.author.clone();
        self.write_any("setting the project's owner", |tx| {
            unchanged(tx, "project", id, expected_version)?;
            let (old_unit, old_lead) = sql::one(
                tx,
                "reading the project",
                "SELECT owner, lead FROM project WHERE id = ?1",
                args![id],
                |r| Ok((r.text(0)?, r.text(1)?)),
            )?
            .ok_or(Error::NotFound {
                what: "project",
                id,
            })?;
            if (old_unit.as_str(), old_lead.as_str()) == (unit.as_str(), lead.as_str()) {
                return Ok(((old_unit, old_lead), expected_version));
            }
            let version = next_version(tx)?;
            tx.exec(
                "setting the project's owner",
                "UPDATE project SET owner = ?1, lead = ?2, version = ?3, updated_at = ?4,
                    updated_by = ?5 WHERE id = ?6",
                args![&unit, &lead, version, &now, &author, id],
            )?;
            let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
            for (field, old, new) in [("owner", &old_unit, &unit), ("lead", &old_lead, &lead)] {
                if old != new {
                    let change = Change {
                        entity: "project",
                        entity_id: id,
                        field,
                        old: some(old),
                        new: some(new),
                    };
                    record(tx, &now, &author, change)?;
                }
            }
            Ok(((old_unit, old_lead), version))
        })
    }

    /// Every 责任单位 the plan names, on projects or milestones, in
    /// order: what the agenda's owner filter steps through.
    pub fn owners(&self) -> Result<Vec<String>> {
        let mut owners = sql::rows(
            self.db(),
            "listing the owners",
            "SELECT owner FROM project WHERE owner <> ''
             UNION SELECT owner FROM milestone WHERE owner <> ''",
            &[],
            |r| r.text(0),
        )?;
        // In code points, as the file orders text, whatever the server's
        // collation.
        owners.sort_unstable();
        Ok(owners)
    }
}
