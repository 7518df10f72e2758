//! The schema, as migrations. `user_version` counts applied migrations;
//! `application_id` marks the file as ours so that `--db` pointed at another
//! program's SQLite file is refused instead of "migrated".

use rusqlite_migration::{M, Migrations};

/// "PLNC" in ASCII.
pub const APPLICATION_ID: i32 = 0x504C_4E43;

/// A draft of an edited note remembers the version it was loaded at, so
/// that restoring it after a crash still detects someone else's save.
const V2: &str = "ALTER TABLE draft ADD COLUMN note_version INTEGER;
CREATE INDEX draft_by_author ON draft(author, updated_at);";

/// What a large plan needs to draw a screen without reading a table:
///
/// - `milestone.progress`, the one SQL statement of `Measure::progress`
///   (a property test holds the two equal), so roll-ups can be summed in SQL;
/// - `project_rollup`, one row per project with milestones, kept exact by
///   triggers that recount the one project a milestone change touches (a
///   recount of ~20 rows, not a running sum that drifts); a direction's
///   roll-up is then a sum over its projects' rows;
/// - trigram full-text indexes over project names, milestone titles and note
///   bodies, so a Chinese substring is found without scanning a million notes.
///   They are contentless (the text lives once, in its table) and each text
///   is indexed with two `U+0001` after it, so that every one- and
///   two-character substring, even at the very end, begins some trigram: a
///   short query is then a range over the index's vocabulary.
///
/// Triggers rather than store code keep these right whoever writes the file
/// (the sqlite3 shell included).
const V3: &str = r#"
ALTER TABLE milestone ADD COLUMN progress REAL GENERATED ALWAYS AS (
    CASE
        WHEN status = 'dropped' THEN NULL
        WHEN kind = 'yes_no' THEN CASE WHEN status = 'done' THEN 1.0 ELSE 0.0 END
        WHEN target IS NULL THEN NULL
        WHEN target - coalesce(baseline, 0.0) = 0.0 THEN
            CASE WHEN coalesce(current, baseline, 0.0) >= target THEN 1.0 ELSE 0.0 END
        ELSE max(0.0, min(1.0,
            (coalesce(current, baseline, 0.0) - coalesce(baseline, 0.0))
            / (target - coalesce(baseline, 0.0))))
    END) VIRTUAL;

CREATE TABLE project_rollup (
    project_id   INTEGER PRIMARY KEY,
    milestones   INTEGER NOT NULL,
    done         INTEGER NOT NULL,
    progress_sum REAL    NOT NULL,
    measured     INTEGER NOT NULL
);

-- While it holds its row (only inside an import's transaction), the
-- triggers below stand aside and the import rebuilds everything they keep
-- in one statement per table: FTS5 writes its pending index to disk at the
-- end of every statement, so a million one-row updates would take minutes.
CREATE TABLE bulk_load (id INTEGER PRIMARY KEY CHECK (id = 1));

CREATE TRIGGER milestone_rollup_insert AFTER INSERT ON milestone WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    INSERT OR REPLACE INTO project_rollup
    SELECT NEW.project_id, count(*), count(*) FILTER (WHERE status = 'done'), total(progress), count(progress)
    FROM milestone WHERE project_id = NEW.project_id;
END;

CREATE TRIGGER milestone_rollup_update
AFTER UPDATE OF project_id, kind, status, baseline, target, current ON milestone WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    INSERT OR REPLACE INTO project_rollup
    SELECT NEW.project_id, count(*), count(*) FILTER (WHERE status = 'done'), total(progress), count(progress)
    FROM milestone WHERE project_id = NEW.project_id;
    INSERT OR REPLACE INTO project_rollup
    SELECT OLD.project_id, count(*), count(*) FILTER (WHERE status = 'done'), total(progress), count(progress)
    FROM milestone WHERE project_id = OLD.project_id
    -- HAVING, not WHERE: an aggregate without rows still yields one row,
    -- which would zero the project's counts.
    HAVING OLD.project_id <> NEW.project_id;
END;

-- Also fired by the cascade when a project goes; the project's own trigger
-- then removes its row, whichever runs first.
CREATE TRIGGER milestone_rollup_delete AFTER DELETE ON milestone WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    INSERT OR REPLACE INTO project_rollup
    SELECT OLD.project_id, count(*), count(*) FILTER (WHERE status = 'done'), total(progress), count(progress)
    FROM milestone WHERE project_id = OLD.project_id
    HAVING EXISTS (SELECT 1 FROM project WHERE id = OLD.project_id);
END;

CREATE TRIGGER project_rollup_delete AFTER DELETE ON project WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    DELETE FROM project_rollup WHERE project_id = OLD.id;
END;

CREATE VIRTUAL TABLE project_text USING fts5(
    text, content = '', contentless_delete = 1, tokenize = 'trigram');
CREATE VIRTUAL TABLE milestone_text USING fts5(
    text, content = '', contentless_delete = 1, tokenize = 'trigram');
CREATE VIRTUAL TABLE note_text USING fts5(
    text, content = '', contentless_delete = 1, tokenize = 'trigram');
-- A bulk rebuild keeps up to 64 MiB of index in memory before writing a
-- segment (the default 1 MiB made a million-note rebuild spend half its
-- time merging small segments: 12 s → 7 s measured).
INSERT INTO project_text(project_text, rank) VALUES ('hashsize', 67108864);
INSERT INTO milestone_text(milestone_text, rank) VALUES ('hashsize', 67108864);
INSERT INTO note_text(note_text, rank) VALUES ('hashsize', 67108864);
CREATE VIRTUAL TABLE project_terms USING fts5vocab(project_text, 'row');
CREATE VIRTUAL TABLE milestone_terms USING fts5vocab(milestone_text, 'row');
CREATE VIRTUAL TABLE note_terms USING fts5vocab(note_text, 'row');

CREATE TRIGGER project_text_insert AFTER INSERT ON project WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    INSERT INTO project_text(rowid, text) VALUES (NEW.id, NEW.name || char(1, 1));
END;
CREATE TRIGGER project_text_update AFTER UPDATE OF name ON project WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    DELETE FROM project_text WHERE rowid = OLD.id;
    INSERT INTO project_text(rowid, text) VALUES (NEW.id, NEW.name || char(1, 1));
END;
CREATE TRIGGER project_text_delete AFTER DELETE ON project WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    DELETE FROM project_text WHERE rowid = OLD.id;
END;

CREATE TRIGGER milestone_text_insert AFTER INSERT ON milestone WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    INSERT INTO milestone_text(rowid, text) VALUES (NEW.id, NEW.title || char(1, 1));
END;
CREATE TRIGGER milestone_text_update AFTER UPDATE OF title ON milestone WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    DELETE FROM milestone_text WHERE rowid = OLD.id;
    INSERT INTO milestone_text(rowid, text) VALUES (NEW.id, NEW.title || char(1, 1));
END;
CREATE TRIGGER milestone_text_delete AFTER DELETE ON milestone WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    DELETE FROM milestone_text WHERE rowid = OLD.id;
END;

CREATE TRIGGER note_text_insert AFTER INSERT ON note WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    INSERT INTO note_text(rowid, text) VALUES (NEW.id, NEW.body || char(1, 1));
END;
CREATE TRIGGER note_text_update AFTER UPDATE OF body ON note WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    DELETE FROM note_text WHERE rowid = OLD.id;
    INSERT INTO note_text(rowid, text) VALUES (NEW.id, NEW.body || char(1, 1));
END;
CREATE TRIGGER note_text_delete AFTER DELETE ON note WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    DELETE FROM note_text WHERE rowid = OLD.id;
END;
"#;

/// Recomputes what the V3 triggers keep, from scratch, one statement per
/// table, as V3 kept them (no weights yet): the V3 migration's own step.
/// A shipped migration is never edited; `REBUILD` is today's.
const REBUILD_V3: &str = "
DELETE FROM project_rollup;
INSERT INTO project_rollup
SELECT project_id, count(*), count(*) FILTER (WHERE status = 'done'), total(progress), count(progress)
FROM milestone GROUP BY project_id;
INSERT INTO project_text(project_text) VALUES ('delete-all');
INSERT INTO milestone_text(milestone_text) VALUES ('delete-all');
INSERT INTO note_text(note_text) VALUES ('delete-all');
INSERT INTO project_text(rowid, text) SELECT id, name || char(1, 1) FROM project;
INSERT INTO milestone_text(rowid, text) SELECT id, title || char(1, 1) FROM milestone;
INSERT INTO note_text(rowid, text) SELECT id, body || char(1, 1) FROM note;
";

/// Ids and versions that never come back, and a plan that knows it was
/// replaced (issue "Never the wrong row"):
///
/// - `counter` keeps, per table, the highest id ever handed out in this
///   file, and one file-wide version counter. A new row takes the next id
///   above both that mark and the table's largest id, so a deleted row's id
///   is never given to another row; every write gives the rows it changes
///   the next version, so a version number means one state of one row, for
///   the life of the file, across imports and replaces too. The first marks
///   also count ids that only the history still remembers.
/// - `plan.identity` is new whenever the plan is replaced (import, generate,
///   init --force); every write names the identity it was based on, so a
///   cockpit opened on the old plan cannot save into a row of the new one.
///   `replaced_at`/`replaced_by` say when and by whom, for the message.
/// - Triggers give a row changed by another program without a new version
///   one, so the version check sees that change too.
const V4: &str = r#"
CREATE TABLE counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO counter (name, value) VALUES
  ('project', max((SELECT coalesce(max(id), 0) FROM project),
                  (SELECT coalesce(max(entity_id), 0) FROM history WHERE entity = 'project'))),
  ('milestone', max((SELECT coalesce(max(id), 0) FROM milestone),
                    (SELECT coalesce(max(entity_id), 0) FROM history WHERE entity = 'milestone'))),
  ('note', max((SELECT coalesce(max(id), 0) FROM note),
               (SELECT coalesce(max(entity_id), 0) FROM history WHERE entity = 'note'))),
  ('reading', (SELECT coalesce(max(id), 0) FROM reading)),
  ('version', max((SELECT coalesce(max(version), 0) FROM project),
                  (SELECT coalesce(max(version), 0) FROM milestone),
                  (SELECT coalesce(max(version), 0) FROM note),
                  (SELECT coalesce(max(note_version), 0) FROM draft)));
ALTER TABLE plan ADD COLUMN identity TEXT NOT NULL DEFAULT '';
ALTER TABLE plan ADD COLUMN replaced_at TEXT NOT NULL DEFAULT '';
ALTER TABLE plan ADD COLUMN replaced_by TEXT NOT NULL DEFAULT '';
UPDATE plan SET identity = lower(hex(randomblob(16)));

-- A change written by another program (the sqlite3 shell, a script) that
-- leaves the version as it was still makes it a new state: it gets the
-- next version, so a save based on the old one is refused. plan-cockpit's
-- own writes always set a new version and never fire these.
CREATE TRIGGER project_version_kept AFTER UPDATE ON project
WHEN NEW.version = OLD.version BEGIN
    UPDATE counter SET value = value + 1 WHERE name = 'version';
    UPDATE project SET version = (SELECT value FROM counter WHERE name = 'version')
    WHERE id = NEW.id;
END;
CREATE TRIGGER milestone_version_kept AFTER UPDATE ON milestone
WHEN NEW.version = OLD.version BEGIN
    UPDATE counter SET value = value + 1 WHERE name = 'version';
    UPDATE milestone SET version = (SELECT value FROM counter WHERE name = 'version')
    WHERE id = NEW.id;
END;
CREATE TRIGGER note_version_kept AFTER UPDATE ON note
WHEN NEW.version = OLD.version BEGIN
    UPDATE counter SET value = value + 1 WHERE name = 'version';
    UPDATE note SET version = (SELECT value FROM counter WHERE name = 'version')
    WHERE id = NEW.id;
END;
"#;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(super::schema_v1::V1).foreign_key_check(),
        M::up(V2),
        M::up_with_hook(V3, |tx: &rusqlite::Transaction| {
            Ok(tx.execute_batch(REBUILD_V3)?)
        }),
        M::up(V4),
        M::up(super::schema_v5::V5),
        M::up(super::schema_v6::V6),
        M::up(super::schema_v7::V7),
        M::up_with_hook(super::schema_v8::V8, |tx: &rusqlite::Transaction| {
            Ok(tx.execute_batch(super::schema_v8::REBUILD_TREND)?)
        }),
        M::up(super::schema_v9::V9),
        M::up(super::schema_v10::V10),
        M::up(super::schema_v11::V11),
    ])
}

/// The schema version this build writes; a file with a larger one is newer.
pub fn latest_version() -> i64 {
    11
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        // (`validate()` would run them on a connection without the
        // functions the schema calls: this is the same check with them.)
        let mut c = rusqlite::Connection::open_in_memory().unwrap();
        super::super::schema_v6::register_functions(&c).unwrap();
        migrations().to_latest(&mut c).unwrap();
        let v: i64 = c
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, latest_version());
    }

    /// A plan written before v3 gains its roll-ups and search indexes in
    /// the upgrade, and they then match what the triggers keep.
    #[test]
    fn upgrading_to_v3_builds_rollups_and_indexes() {
        let mut c = rusqlite::Connection::open_in_memory().unwrap();
        super::super::schema_v6::register_functions(&c).unwrap();
        c.pragma_update(None, "foreign_keys", "ON").unwrap();
        migrations().to_version(&mut c, 2).unwrap();
        c.execute_batch(
            "INSERT INTO direction (id, code, name, position) VALUES (1, 'city', '新城市', 0);
             INSERT INTO project (id, direction_id, name, status, position, created_at, created_by, updated_at, updated_by)
               VALUES (1, 1, '高新技术企业培育', 'active', 0, 't', 'a', 't', 'a');
             INSERT INTO milestone (id, project_id, title, kind, target, current, status, position, created_at, created_by, updated_at, updated_by)
               VALUES (1, 1, '高新技术企业600家', 'numeric', 600, 300, 'active', 0, 't', 'a', 't', 'a'),
                      (2, 1, '出台扶持办法', 'yes_no', NULL, NULL, 'done', 1, 't', 'a', 't', 'a');
             INSERT INTO note (id, milestone_id, body, author, created_at, updated_at)
               VALUES (1, 1, '已认定五百二十三家', 'a', 't', 't');",
        )
        .unwrap();
        migrations().to_latest(&mut c).unwrap();
        let rollup: (i64, i64, f64, i64) = c
            .query_row(
                "SELECT milestones, done, progress_sum, measured FROM project_rollup WHERE project_id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        assert_eq!(rollup, (2, 1, 1.5, 2));
        let found = |table: &str, q: &str| -> i64 {
            c.query_row(
                &format!("SELECT count(*) FROM {table} WHERE {table} MATCH ?1"),
                [q],
                |r| r.get(0),
            )
            .unwrap()
        };
        assert_eq!(found("project_text", "\"技术企\""), 1);
        assert_eq!(found("milestone_text", "\"600\""), 1);
        assert_eq!(found("note_text", "\"五百二十\""), 1);
        // And the triggers keep them from here on.
        c.execute("UPDATE milestone SET current = 600 WHERE id = 1", [])
            .unwrap();
        let sum: f64 = c
            .query_row(
                "SELECT progress_sum FROM project_rollup WHERE project_id = 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(sum, 2.0);
        assert_eq!(
            c.query_row("SELECT count(*) FROM bulk_load", [], |r| r.get::<_, i64>(0))
                .unwrap(),
            0
        );
    }

    /// A plan file of schema v6 (2023's first releases) upgrades in place to
    /// a plan of a store of many: whose it is and where an item came from
    /// left empty rather than guessed, no indicator linked, and the city's
    /// view answered from the roll-ups and the new partial indexes.
    #[test]
    fn a_v6_file_upgrades_in_place_to_a_plan_of_a_store_of_many() {
        let mut c = rusqlite::Connection::open_in_memory().unwrap();
        super::super::schema_v6::register_functions(&c).unwrap();
        c.pragma_update(None, "foreign_keys", "ON").unwrap();
        migrations().to_version(&mut c, 6).unwrap();
        c.execute_batch(
            "INSERT INTO plan (id, title, year, locale, format_version) VALUES (1, '东城街道2023年计划', 2023, 'zh-CN', 1);
             INSERT INTO direction (id, code, name, position) VALUES (1, 'city', '新城市', 0);
             INSERT INTO project (id, direction_id, name, status, position, created_at, created_by, updated_at, updated_by)
               VALUES (1, 1, '高新技术企业培育', 'active', 0, 't', 'a', 't', 'a');
             INSERT INTO milestone (id, project_id, title, kind, target, current, due_date, status, position, created_at, created_by, updated_at, updated_by)
               VALUES (1, 1, '高新技术企业600家', 'numeric', 600, 300, '2023-12-31', 'active', 0, 't', 'a', 't', 'a'),
                      (2, 1, '出台扶持办法', 'yes_no', NULL, NULL, '2023-06-30', 'done', 1, 't', 'a', 't', 'a');",
        )
        .unwrap();
        migrations().to_latest(&mut c).unwrap();
        let (unit, origin, indicator): (String, String, String) = c
            .query_row(
                "SELECT p.unit, m.origin, m.indicator FROM plan p, milestone m WHERE m.id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(
            (unit.as_str(), origin.as_str(), indicator.as_str()),
            ("", "", "")
        );
        let standing: (i64, i64, i64, f64) = c
            .query_row(
                &crate::store::plan_rows::standing_sql(""),
                ["2024-03-20"],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        assert_eq!(
            standing,
            (2, 1, 1, 0.75),
            "two items, one done, one late, (0.5 + 1) / 2"
        );
        let plan: String = c
            .query_row(
                "EXPLAIN QUERY PLAN SELECT count(*) FROM milestone
                  WHERE due_date IS NOT NULL AND status NOT IN ('done', 'dropped')
                    AND due_date < '2024-03-20'",
                [],
                |r| r.get(3),
            )
            .unwrap();
        assert!(plan.contains("milestone_open_by_due"), "{plan}");
    }
}
