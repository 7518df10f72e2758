//! Replacing the whole plan with a document, in one transaction: a failure
//! anywhere leaves the database exactly as it was.

use super::error::{Error, Result};
use super::history::{Change, record};
use super::lineage::{self, Table};
use super::{Counts, Store};
use crate::domain::plan::{Note, PlanDoc};
use rusqlite::{OptionalExtension, Transaction, params};

impl Store {
    /// Replaces the plan with `doc`, which must have passed
    /// `domain::validate::prepare`. Ids and order are kept, so that an
    /// export re-imports to the same plan. History is kept; one history row
    /// records the import.
    pub fn replace_plan(&mut self, doc: &PlanDoc, source: &str) -> Result<Counts> {
        let before = if self.is_empty()? {
            None
        } else {
            Some(self.counts()?.summary())
        };
        let now = self.clock.now_text();
        let author = self.author.clone();
        // A whole plan is one transaction of hundreds of megabytes: with
        // the default 2 MB cache SQLite spills pages to the WAL mid-way and
        // writes a statement journal to a temporary file for each bulk
        // statement. Both cost more than the work; memory is released after.
        self.tune_for_bulk(true);
        // Into a file with no plan, nobody's work can be in the way: write
        // the pages once, through a rollback journal, rather than into the
        // WAL and then again into the file (commit 4.6 → 2.0 s measured).
        let journal_set_aside = before.is_none() && self.set_journal_mode("DELETE");
        // Every milestone, reading and note takes its parent from where it
        // sits in the document, so checking each row's foreign keys proves
        // nothing; the references written as numbers are checked once below.
        let _ = self.conn.pragma_update(None, "foreign_keys", "OFF");
        let identity = lineage::new_identity();
        let written = self.write("the import", |tx| {
            let triggers =
                super::schema::begin_bulk_load(tx).map_err(Error::sql("starting the import"))?;
            keep_drafts(tx, &now)?;
            let stamp = Stamp {
                version: lineage::next_version(tx)?,
                first_reading: lineage::fresh_id(tx, Table::Reading)?,
                identity: &identity,
                now: &now,
                author: &author,
            };
            for table in [
                "draft",
                "note",
                "reading",
                "milestone",
                "project_area",
                "project",
                "program",
                "area",
                "direction",
                "plan",
            ] {
                tx.execute(&format!("DELETE FROM {table}"), [])
                    .map_err(|e| Error::sql(format!("clearing {table}"))(e))?;
            }
            insert_doc(tx, doc, &stamp).map_err(|e| match e {
                // Validation makes these impossible; if one slips through,
                // say which rule the database enforced.
                Error::Sql { context, source } => {
                    Error::Invalid(crate::domain::refusal::Refusal::RuleBroken {
                        detail: format!("{context}: {source}"),
                    })
                }
                e => e,
            })?;
            check_references(tx)?;
            lineage::mark_ids(tx)?;
            super::schema::end_bulk_load(tx, triggers)
                .map_err(Error::sql("indexing the imported plan"))?;
            let after = format!(
                "{} directions, {} projects, {} milestones, {} notes from {source}",
                doc.directions.len(),
                doc.projects.len(),
                doc.milestone_count(),
                doc.note_count()
            );
            record(
                tx,
                &now,
                &author,
                Change {
                    entity: "plan",
                    entity_id: 1,
                    field: "import",
                    old: before,
                    new: Some(after),
                },
            )?;
            Ok(())
        });
        let _ = self.conn.pragma_update(None, "foreign_keys", "ON");
        if journal_set_aside {
            // Planners read while one writes only in WAL mode. Should another
            // connection have opened the file meanwhile, the switch waits
            // for it; failing that, the next `open` switches (see open.rs).
            self.set_journal_mode("WAL");
        }
        self.tune_for_bulk(false);
        written?;
        self.follow_plan()?;
        self.counts()
    }

    /// Switches the journal mode; true when the file is now in `mode`. It
    /// fails, harmlessly, while another connection has the file open.
    fn set_journal_mode(&self, mode: &str) -> bool {
        self.conn
            .pragma_update_and_check(None, "journal_mode", mode, |r| r.get::<_, String>(0))
            .is_ok_and(|now| now.eq_ignore_ascii_case(mode))
    }

    /// Memory for a bulk load, or back to the everyday settings. Failing
    /// to tune only costs time, so errors are ignored.
    fn tune_for_bulk(&self, bulk: bool) {
        let (cache, temp) = if bulk {
            (BULK_CACHE_KIB, "MEMORY")
        } else {
            (2000, "DEFAULT")
        };
        let _ = self.conn.pragma_update(None, "cache_size", -cache);
        let _ = self.conn.pragma_update(None, "temp_store", temp);
    }
}

/// The foreign keys an import writes from numbers in the document rather
/// than from its nesting (a project's direction, program and areas, a
/// program's direction): validation already refused dangling ones, and this
/// proves it before the commit.
fn check_references(tx: &Transaction<'_>) -> Result<()> {
    for table in ["project", "program", "project_area"] {
        let dangling: Option<(i64, String)> = tx
            .query_row(
                "SELECT rowid, parent FROM pragma_foreign_key_check(?1)",
                [table],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(Error::sql("checking references"))?;
        if let Some((row, parent)) = dangling {
            return Err(Error::Invalid(crate::domain::refusal::Refusal::Dangling {
                table: table.to_owned(),
                row,
                parent,
            }));
        }
    }
    Ok(())
}

/// Page cache for a bulk load, in KiB: enough to hold a large plan's
/// working set while it is written.
const BULK_CACHE_KIB: i64 = 256 * 1024;

/// A place in a list of the document, as stored.
fn position(i: usize) -> i64 {
    i64::try_from(i).unwrap_or(i64::MAX)
}

fn or<'a>(v: &'a Option<String>, fallback: &'a str) -> &'a str {
    v.as_deref().unwrap_or(fallback)
}

/// What every row an import writes shares: one version above all before
/// it, the new plan's identity, and who and when.
struct Stamp<'a> {
    version: i64,
    /// Readings carry no ids in a document; they take fresh ones from here.
    first_reading: i64,
    identity: &'a str,
    now: &'a str,
    author: &'a str,
}

/// Drafts belong to rows of the plan being replaced and go with it; their
/// text is kept in the history (who typed it, on what), never dropped.
fn keep_drafts(tx: &Transaction<'_>, now: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO history (at, author, entity, entity_id, field, old, new)
         SELECT ?1, author, 'draft', id,
                CASE WHEN note_id IS NULL THEN 'kept at replace: new note on milestone ' || milestone_id
                     ELSE 'kept at replace: edit of note ' || note_id END,
                NULL, body
         FROM draft",
        [now],
    )
    .map_err(Error::sql("keeping the drafts of the replaced plan"))?;
    Ok(())
}

fn insert_doc(tx: &Transaction<'_>, doc: &PlanDoc, stamp: &Stamp<'_>) -> Result<()> {
    let (now, author, version) = (stamp.now, stamp.author, stamp.version);
    let p = &doc.plan;
    tx.execute(
        "INSERT INTO plan (id, title, year, locale, description, source, format_version,
                           identity, replaced_at, replaced_by)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            p.title,
            p.year,
            p.locale,
            p.description,
            p.source,
            doc.format_version,
            stamp.identity,
            now,
            author
        ],
    )
    .map_err(Error::sql("plan"))?;

    for (table, list) in [("direction", &doc.directions), ("area", &doc.areas)] {
        let mut st = tx
            .prepare(&format!(
                "INSERT INTO {table} (id, code, name, name_en, description, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
            ))
            .map_err(Error::sql(table))?;
        for (i, d) in list.iter().enumerate() {
            st.execute(params![
                d.id,
                d.code,
                d.name,
                d.name_en,
                d.description,
                position(i)
            ])
            .map_err(|e| Error::sql(format!("{table} {}", d.id))(e))?;
        }
    }
    let mut st = tx
        .prepare(
            "INSERT INTO program (id, code, name, name_en, description, direction_id, position)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )
        .map_err(Error::sql("program"))?;
    for (i, g) in doc.programs.iter().enumerate() {
        st.execute(params![
            g.id,
            g.code,
            g.name,
            g.name_en,
            g.description,
            g.direction,
            position(i)
        ])
        .map_err(|e| Error::sql(format!("program {}", g.id))(e))?;
    }

    let mut project = tx
        .prepare(
            "INSERT INTO project (id, direction_id, program_id, name, description, owner, status,
                start_date, due_date, position, created_at, created_by, updated_at, updated_by,
                version, lead)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        )
        .map_err(Error::sql("project"))?;
    let mut tag = tx
        .prepare("INSERT INTO project_area (project_id, area_id, position) VALUES (?1, ?2, ?3)")
        .map_err(Error::sql("project_area"))?;
    let mut milestone = tx
        .prepare(
            "INSERT INTO milestone (id, project_id, title, kind, unit, baseline, target, current,
                due_date, status, owner, position, created_at, created_by, updated_at, updated_by,
                version, lead, weight)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
        )
        .map_err(Error::sql("milestone"))?;
    let mut reading = tx
        .prepare(
            "INSERT INTO reading (id, milestone_id, as_of, value, author, source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .map_err(Error::sql("reading"))?;
    let mut note = tx
        .prepare(
            "INSERT INTO note (id, project_id, milestone_id, body, author, created_at, updated_at,
                version)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .map_err(Error::sql("note"))?;
    let mut add_note = |n: &Note, project: Option<i64>, milestone: Option<i64>| -> Result<()> {
        let author = if n.author.is_empty() {
            author
        } else {
            &n.author
        };
        note.execute(params![
            n.id,
            project,
            milestone,
            n.body,
            author,
            or(&n.created_at, now),
            or(&n.updated_at, now),
            version
        ])
        .map_err(|e| Error::sql(format!("note {}", n.id))(e))?;
        Ok(())
    };

    let mut reading_id = stamp.first_reading;
    for (i, pr) in doc.projects.iter().enumerate() {
        project
            .execute(params![
                pr.id,
                pr.direction,
                pr.program,
                pr.name,
                pr.description,
                pr.owner,
                pr.status.code(),
                pr.start,
                pr.due,
                position(i),
                or(&pr.created_at, now),
                or(&pr.created_by, author),
                or(&pr.updated_at, now),
                or(&pr.updated_by, author),
                version,
                pr.lead,
            ])
            .map_err(|e| Error::sql(format!("project {}", pr.id))(e))?;
        for (k, a) in pr.areas.iter().enumerate() {
            tag.execute(params![pr.id, a, position(k)])
                .map_err(|e| Error::sql(format!("project {} area {a}", pr.id))(e))?;
        }
        for (j, m) in pr.milestones.iter().enumerate() {
            milestone
                .execute(params![
                    m.id,
                    pr.id,
                    m.title,
                    m.kind.code(),
                    m.unit,
                    m.baseline,
                    m.target,
                    m.current,
                    m.due,
                    m.status.code(),
                    m.owner,
                    position(j),
                    or(&m.created_at, now),
                    or(&m.created_by, author),
                    or(&m.updated_at, now),
                    or(&m.updated_by, author),
                    version,
                    m.lead,
                    m.weight.unwrap_or(1.0),
                ])
                .map_err(|e| Error::sql(format!("milestone {}", m.id))(e))?;
            for r in &m.readings {
                reading
                    .execute(params![
                        reading_id, m.id, r.as_of, r.value, r.author, r.source
                    ])
                    .map_err(|e| {
                        Error::sql(format!("reading {} of milestone {}", r.as_of, m.id))(e)
                    })?;
                reading_id += 1;
            }
            for n in &m.notes {
                add_note(n, None, Some(m.id))?;
            }
        }
        for n in &pr.notes {
            add_note(n, Some(pr.id), None)?;
        }
    }
    Ok(())
}
