//! Schema v6 ("at home in Chinese"): pinyin indexes over project names and
//! milestone titles, so that `gxjs` and `gaoxin` find 高新技术企业.
//!
//! The key (full pinyin, then initials: `domain::pinyin::key`) is computed
//! in Rust, by `pinyin_key()`, a function plan-cockpit registers on its own
//! connections. The triggers must not call it: another program (a script,
//! the sqlite3 shell) may write names too, and a trigger calling a function
//! it lacks would refuse its write. So the triggers only note which rows
//! changed, in `pinyin_due`, in pure SQL; every write of plan-cockpit's
//! brings those rows' keys up to date in its own transaction
//! (`catch_up`), and search checks each pinyin hit against the text it
//! has now. Notes are not indexed by pinyin: a million notes would double
//! the index for text planners search by its words, not its sounds.
//!
//! v6 also puts a guard on the name and title indexes' update triggers: a
//! save writes every field, so an unchanged title was re-indexed on every
//! value saved (half a millisecond of each save on the large plan).

pub(super) const V6: &str = "
CREATE VIRTUAL TABLE project_pinyin USING fts5(
    text, content = '', contentless_delete = 1, tokenize = 'trigram');
CREATE VIRTUAL TABLE milestone_pinyin USING fts5(
    text, content = '', contentless_delete = 1, tokenize = 'trigram');
CREATE VIRTUAL TABLE project_pinyin_terms USING fts5vocab(project_pinyin, 'row');
CREATE VIRTUAL TABLE milestone_pinyin_terms USING fts5vocab(milestone_pinyin, 'row');
CREATE TABLE pinyin_due (
    kind TEXT NOT NULL CHECK (kind IN ('project', 'milestone')),
    id INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;
INSERT INTO project_pinyin(rowid, text)
    SELECT id, pinyin_key(name) || char(1, 1) FROM project WHERE pinyin_key(name) <> '';
INSERT INTO milestone_pinyin(rowid, text)
    SELECT id, pinyin_key(title) || char(1, 1) FROM milestone WHERE pinyin_key(title) <> '';
CREATE TRIGGER project_pinyin_insert AFTER INSERT ON project
WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    INSERT OR IGNORE INTO pinyin_due (kind, id) VALUES ('project', NEW.id);
END;
CREATE TRIGGER project_pinyin_update AFTER UPDATE OF name ON project
WHEN NOT EXISTS (SELECT 1 FROM bulk_load) AND NEW.name IS NOT OLD.name BEGIN
    INSERT OR IGNORE INTO pinyin_due (kind, id) VALUES ('project', NEW.id);
END;
CREATE TRIGGER project_pinyin_delete AFTER DELETE ON project
WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    INSERT OR IGNORE INTO pinyin_due (kind, id) VALUES ('project', OLD.id);
END;
CREATE TRIGGER milestone_pinyin_insert AFTER INSERT ON milestone
WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    INSERT OR IGNORE INTO pinyin_due (kind, id) VALUES ('milestone', NEW.id);
END;
CREATE TRIGGER milestone_pinyin_update AFTER UPDATE OF title ON milestone
WHEN NOT EXISTS (SELECT 1 FROM bulk_load) AND NEW.title IS NOT OLD.title BEGIN
    INSERT OR IGNORE INTO pinyin_due (kind, id) VALUES ('milestone', NEW.id);
END;
CREATE TRIGGER milestone_pinyin_delete AFTER DELETE ON milestone
WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    INSERT OR IGNORE INTO pinyin_due (kind, id) VALUES ('milestone', OLD.id);
END;

-- A save writes every field of a milestone, its title included, so the
-- title index's trigger re-indexed an unchanged title on every value
-- saved: now only a changed name or title is.
DROP TRIGGER project_text_update;
CREATE TRIGGER project_text_update AFTER UPDATE OF name ON project
WHEN NOT EXISTS (SELECT 1 FROM bulk_load) AND NEW.name IS NOT OLD.name BEGIN
    DELETE FROM project_text WHERE rowid = OLD.id;
    INSERT INTO project_text(rowid, text) VALUES (NEW.id, NEW.name || char(1, 1));
END;
DROP TRIGGER milestone_text_update;
CREATE TRIGGER milestone_text_update AFTER UPDATE OF title ON milestone
WHEN NOT EXISTS (SELECT 1 FROM bulk_load) AND NEW.title IS NOT OLD.title BEGIN
    DELETE FROM milestone_text WHERE rowid = OLD.id;
    INSERT INTO milestone_text(rowid, text) VALUES (NEW.id, NEW.title || char(1, 1));
END;
";

/// The pinyin indexes from scratch: run after a bulk load.
pub(super) const REBUILD_PINYIN: &str = "
DELETE FROM pinyin_due;
INSERT INTO project_pinyin(project_pinyin) VALUES ('delete-all');
INSERT INTO milestone_pinyin(milestone_pinyin) VALUES ('delete-all');
INSERT INTO project_pinyin(rowid, text)
    SELECT id, pinyin_key(name) || char(1, 1) FROM project WHERE pinyin_key(name) <> '';
INSERT INTO milestone_pinyin(rowid, text)
    SELECT id, pinyin_key(title) || char(1, 1) FROM milestone WHERE pinyin_key(title) <> '';
";

/// The SQL functions plan-cockpit's schema calls; registered on every
/// connection before anything is read or written.
pub fn register_functions(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "pinyin_key",
        1,
        FunctionFlags::SQLITE_UTF8
            | FunctionFlags::SQLITE_DETERMINISTIC
            | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| {
            let text: Option<String> = ctx.get(0)?;
            Ok(text.map_or_else(String::new, |t| crate::domain::pinyin::key(&t)))
        },
    )
}

/// Brings the keys of the rows changed since the last catch-up up to date,
/// inside the caller's transaction: one small read when nothing is due.
pub(super) fn catch_up(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    let due: Vec<(String, i64)> = tx
        .prepare_cached("SELECT kind, id FROM pinyin_due")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (kind, id) in &due {
        let (index, read) = match kind.as_str() {
            "project" => ("project_pinyin", "SELECT name FROM project WHERE id = ?1"),
            _ => (
                "milestone_pinyin",
                "SELECT title FROM milestone WHERE id = ?1",
            ),
        };
        tx.prepare_cached(&format!("DELETE FROM {index} WHERE rowid = ?1"))?
            .execute([id])?;
        let text: Option<String> = tx
            .prepare_cached(read)?
            .query_row([id], |r| r.get(0))
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })?;
        let key = text
            .map(|t| crate::domain::pinyin::key(&t))
            .unwrap_or_default();
        if !key.is_empty() {
            tx.prepare_cached(&format!(
                "INSERT INTO {index}(rowid, text) VALUES (?1, ?2 || char(1, 1))"
            ))?
            .execute(rusqlite::params![id, key])?;
        }
    }
    if !due.is_empty() {
        tx.execute("DELETE FROM pinyin_due", [])?;
    }
    Ok(())
}
