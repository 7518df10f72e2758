//! A plan whose schema is damaged (an index or trigger definition that no
//! longer parses, say) cannot even be opened by SQLite the ordinary way:
//! every statement fails with "malformed database schema". The planner can
//! still look at it and export what can be read: the file is opened
//! read-only with `writable_schema`, under which SQLite skips the entries
//! it cannot parse, and the reason shown says what to do next.

use crate::store::error::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// SQLite's words when the schema is damaged, if it is.
pub fn malformed_schema(conn: &Connection) -> Option<String> {
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Err(e) if e.to_string().contains("malformed database schema") => Some(e.to_string()),
        _ => None,
    }
}

/// A read-only connection that tolerates the damaged entries.
pub fn open_tolerant(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let corrupt = |e: rusqlite::Error| Error::Corrupt {
        path: path.to_owned(),
        detail: e.to_string(),
    };
    let conn = Connection::open_with_flags(path, flags).map_err(corrupt)?;
    conn.pragma_update(None, "writable_schema", "ON")
        .map_err(corrupt)?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(corrupt)?;
    Ok(conn)
}

/// Backups beside the database (`plan.db.20231231-235959.bak`), newest first.
pub fn backups_beside(path: &Path) -> Vec<PathBuf> {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    let folder = path
        .parent()
        .map(Path::to_owned)
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| PathBuf::from("."));
    let mut found: Vec<PathBuf> = std::fs::read_dir(&folder)
        .map(|d| {
            d.filter_map(std::result::Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| {
                    // Our own backups' names: `.bak` as written, in lower case.
                    #[allow(clippy::case_sensitive_file_extension_comparisons)]
                    let ours = n.ends_with(".bak");
                    n.starts_with(&format!("{name}.")) && ours
                })
                .map(|n| folder.join(n))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found.reverse();
    found
}

/// Why the plan is read-only, with what the planner can do about it: the
/// newest backup beside it, if there is one.
pub fn advice(path: &Path, damage: &str) -> crate::store::error::ReadOnlyWhy {
    crate::store::error::ReadOnlyWhy::Damaged {
        path: path.to_owned(),
        damage: damage.to_owned(),
        backup: backups_beside(path).first().cloned(),
    }
}
