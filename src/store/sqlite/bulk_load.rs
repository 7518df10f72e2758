//! A bulk load (an import, a copy from PostgreSQL): the triggers that keep
//! what is derived from the plan's rows (roll-ups, search indexes, pinyin
//! keys, readings' trends) stand aside while the rows go in, and everything
//! they keep is rebuilt once at the end, one statement per table.

/// Recomputes the roll-ups and search indexes from scratch, one statement
/// per table, after an import: weighted as V5 keeps them.
const REBUILD: &str = "
DELETE FROM project_rollup;
INSERT INTO project_rollup
SELECT project_id, count(*), count(*) FILTER (WHERE status = 'done'), total(progress * weight),
       total(weight) FILTER (WHERE progress IS NOT NULL)
FROM milestone GROUP BY project_id;
INSERT INTO project_text(project_text) VALUES ('delete-all');
INSERT INTO milestone_text(milestone_text) VALUES ('delete-all');
INSERT INTO note_text(note_text) VALUES ('delete-all');
INSERT INTO project_text(rowid, text) SELECT id, name || char(1, 1) FROM project;
INSERT INTO milestone_text(rowid, text) SELECT id, title || char(1, 1) FROM milestone;
INSERT INTO note_text(rowid, text) SELECT id, body || char(1, 1) FROM note;
";

/// The derived-data triggers, dropped for a bulk load and put back after it
/// exactly as the file had them.
pub(super) struct SetAside(Vec<String>);

/// Starts a bulk load inside `tx`: the triggers that keep roll-ups and
/// search indexes are dropped (their SQL kept) until `end`, which
/// rebuilds what they keep and puts them back. Dropping them, rather than
/// letting them test the `bulk_load` row as V3 first did, also spares every
/// inserted row three trigger checks and a statement journal. (That table
/// stays, empty: a shipped migration is never edited.)
pub(super) fn begin(tx: &rusqlite::Connection) -> rusqlite::Result<SetAside> {
    let triggers = tx
        .prepare(
            "SELECT name, sql FROM sqlite_schema
             WHERE type = 'trigger' AND sql LIKE '%bulk_load%' ORDER BY name",
        )?
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut kept = Vec::with_capacity(triggers.len());
    for (name, sql) in triggers {
        tx.execute_batch(&format!("DROP TRIGGER \"{}\"", name.replace('"', "\"\"")))?;
        kept.push(sql);
    }
    Ok(SetAside(kept))
}

pub(super) fn end(tx: &rusqlite::Connection, aside: SetAside) -> rusqlite::Result<()> {
    tx.execute_batch(REBUILD)?;
    tx.execute_batch(super::schema_v6::REBUILD_PINYIN)?;
    tx.execute_batch(super::schema_v8::REBUILD_TREND)?;
    for sql in aside.0 {
        tx.execute_batch(&sql)?;
    }
    Ok(())
}
