//! The plan's structure edited from the cockpit: projects and milestones
//! added, renamed and deleted, and what a planner added taken back by
//! undo. Each is one transaction with its history rows.

use super::edit::unchanged;
use super::error::{Error, Result};
use super::handle::Store;
use super::history::{Change, record};
use super::lineage::{Table, fresh_id, next_version};
use super::sql::{self, Db, args};
use crate::domain::refusal::{Field, Refusal};
use crate::domain::validate::typed_name;

/// A check run inside a delete's transaction, before anything is deleted.
type Guard = dyn Fn(&dyn Db) -> Result<()>;

/// What a planner added and undo may take back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    Project,
    Milestone,
    Note,
}

fn name(text: &str, field: Field) -> Result<String> {
    typed_name(text, field).map_err(Error::Invalid)
}

impl Store {
    /// Adds a project at the end of the plan; returns its id and version.
    pub fn add_project(&mut self, direction_id: i64, project_name: &str) -> Result<(i64, i64)> {
        let project_name = name(project_name, Field::ProjectName)?;
        let now = self.clock.now_text();
        let author = self.author.clone();
        self.write_any("adding the project", |tx| {
            let id = fresh_id(tx, Table::Project)?;
            let version = next_version(tx)?;
            tx.exec(
                "adding the project",
                "INSERT INTO project (id, direction_id, name, status, position, created_at, created_by, updated_at, updated_by, version)
                 VALUES (?5, ?1, ?2, 'active', (SELECT coalesce(max(position), -1) + 1 FROM project), ?3, ?4, ?3, ?4, ?6)",
                args![direction_id, &project_name, &now, &author, id, version],
            )?;
            record(tx, &now, &author, Change { entity: "project", entity_id: id, field: "created", old: None, new: Some(project_name.clone()) })?;
            Ok((id, version))
        })
    }

    /// A new numeric milestone without a target, at the end of the project;
    /// returns its id and version.
    pub fn add_milestone(&mut self, project_id: i64, title: &str) -> Result<(i64, i64)> {
        let title = name(title, Field::MilestoneTitle)?;
        let now = self.clock.now_text();
        let author = self.author.clone();
        self.write_any("adding the milestone", |tx| {
            let id = fresh_id(tx, Table::Milestone)?;
            let version = next_version(tx)?;
            tx.exec(
                "adding the milestone",
                "INSERT INTO milestone (id, project_id, title, kind, status, position, created_at, created_by, updated_at, updated_by, version)
                 VALUES (?5, ?1, ?2, 'numeric', 'active',
                         (SELECT coalesce(max(position), -1) + 1 FROM milestone WHERE project_id = ?1), ?3, ?4, ?3, ?4, ?6)",
                args![project_id, &title, &now, &author, id, version],
            )?;
            record(tx, &now, &author, Change { entity: "milestone", entity_id: id, field: "created", old: None, new: Some(title.clone()) })?;
            Ok((id, version))
        })
    }

    /// Renames a project if nobody changed it since `expected_version`;
    /// returns the old name and the version the project has now.
    pub fn rename_project(
        &mut self,
        id: i64,
        expected_version: i64,
        new_name: &str,
    ) -> Result<(String, i64)> {
        let new_name = name(new_name, Field::ProjectName)?;
        let now = self.clock.now_text();
        let author = self.author.clone();
        self.write_any("renaming the project", |tx| {
            unchanged(tx, "project", id, expected_version)?;
            let old = sql::one(
                tx,
                "reading the project",
                "SELECT name FROM project WHERE id = ?1",
                args![id],
                |r| r.text(0),
            )?
            .ok_or(Error::NotFound {
                what: "project",
                id,
            })?;
            let version = next_version(tx)?;
            tx.exec(
                "renaming the project",
                "UPDATE project SET name = ?1, version = ?5, updated_at = ?2, updated_by = ?3 WHERE id = ?4",
                args![&new_name, &now, &author, id, version],
            )?;
            record(tx, &now, &author, Change { entity: "project", entity_id: id, field: "name", old: Some(old.clone()), new: Some(new_name.clone()) })?;
            Ok((old, version))
        })
    }

    /// Deletes a project with its milestones, readings and notes.
    /// With `seen`, only if nobody changed the project itself since that
    /// version (the planner confirmed deleting what they saw).
    pub fn delete_project(&mut self, id: i64, seen: Option<i64>) -> Result<String> {
        let guard = seen.map(|v| move |tx: &dyn Db| unchanged(tx, "project", id, v));
        self.delete_entity(
            "project",
            id,
            "SELECT name FROM project WHERE id = ?1",
            "DELETE FROM project WHERE id = ?1",
            guard.as_ref().map(|g| g as &Guard),
        )
    }

    /// Deletes a milestone with its readings and notes.
    /// With `seen`, only if nobody changed it since that version.
    pub fn delete_milestone(&mut self, id: i64, seen: Option<i64>) -> Result<String> {
        let guard = seen.map(|v| move |tx: &dyn Db| unchanged(tx, "milestone", id, v));
        self.delete_entity(
            "milestone",
            id,
            "SELECT title FROM milestone WHERE id = ?1",
            "DELETE FROM milestone WHERE id = ?1",
            guard.as_ref().map(|g| g as &Guard),
        )
    }

    /// Takes back something this planner added (undo), only while it is
    /// still as added: the same version, and nothing put under it since by
    /// anyone. Otherwise undo would silently delete another planner's work,
    /// so it is refused and nothing is deleted.
    pub fn remove_added(&mut self, what: Added, id: i64, version: i64) -> Result<()> {
        let (entity, read, delete, under): (&'static str, &str, &str, &str) = match what {
            Added::Project => (
                "project",
                "SELECT name FROM project WHERE id = ?1",
                "DELETE FROM project WHERE id = ?1",
                "SELECT (SELECT count(*) FROM milestone WHERE project_id = ?1)
                      + (SELECT count(*) FROM note WHERE project_id = ?1)",
            ),
            Added::Milestone => (
                "milestone",
                "SELECT title FROM milestone WHERE id = ?1",
                "DELETE FROM milestone WHERE id = ?1",
                "SELECT (SELECT count(*) FROM note WHERE milestone_id = ?1)
                      + (SELECT count(*) FROM reading WHERE milestone_id = ?1)",
            ),
            Added::Note => (
                "note",
                "SELECT body FROM note WHERE id = ?1",
                "DELETE FROM note WHERE id = ?1",
                // Nothing hangs under a note.
                "SELECT 0 * ?1",
            ),
        };
        let guard = move |tx: &dyn Db| -> Result<()> {
            unchanged(tx, entity, id, version)?;
            let since = sql::one(
                tx,
                &format!("reading what is under {entity} {id}"),
                under,
                args![id],
                |r| r.int(0),
            )?
            .unwrap_or(0);
            if since > 0 {
                return Err(Error::Invalid(Refusal::AddedUnderSince {
                    entity,
                    id,
                    since,
                }));
            }
            Ok(())
        };
        self.delete_entity(entity, id, read, delete, Some(&guard))
            .map(|_| ())
    }

    fn delete_entity(
        &mut self,
        entity: &'static str,
        id: i64,
        read: &str,
        delete: &str,
        guard: Option<&Guard>,
    ) -> Result<String> {
        let now = self.clock.now_text();
        let author = self.author.clone();
        self.write_any("deleting", |tx| {
            let old = sql::one(
                tx,
                &format!("reading {entity} {id}"),
                read,
                args![id],
                |r| r.text(0),
            )?
            .ok_or(Error::NotFound { what: entity, id })?;
            if let Some(guard) = guard {
                guard(tx)?;
            }
            tx.exec(&format!("deleting {entity} {id}"), delete, args![id])?;
            record(
                tx,
                &now,
                &author,
                Change {
                    entity,
                    entity_id: id,
                    field: "deleted",
                    old: Some(old.clone()),
                    new: None,
                },
            )?;
            Ok(old)
        })
    }
}
