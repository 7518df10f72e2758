//! SQLite's check of a file's pages, as a planner's tools run it.

use rusqlite::Connection;

/// `PRAGMA quick_check`, table by table: every ordinary table and index
/// (the full-text indexes' own storage tables included) is checked page by
/// page, but not the full-text indexes' agreement with their text. Since
/// SQLite 3.44 a plain quick_check also verifies that, which on a million
/// notes took 11 s instead of 0.6 s, before every write from the command
/// line; the indexes are derived data that an import rebuilds.
pub fn quick_check(conn: &Connection) -> rusqlite::Result<String> {
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema
             WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut problems = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare("SELECT quick_check FROM pragma_quick_check(?1)")?;
        let rows: Vec<String> = stmt
            .query_map([&table], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        problems.extend(rows.into_iter().filter(|r| r != "ok"));
    }
    Ok(if problems.is_empty() {
        "ok".to_owned()
    } else {
        problems.join("; ")
    })
}
