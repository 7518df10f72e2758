//! Where a plan is kept: a file, by its path, or a PostgreSQL server, by a
//! connection string. Decided once, where the name comes in (`--db`,
//! `PLAN_COCKPIT_DB`, `migrate`'s two sides), and carried as this type from
//! there on; and what a file can be, and become, under a running program.

use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A SQLite file.
    File(PathBuf),
    /// A PostgreSQL connection string (`postgres://…`, `host=… dbname=…`):
    /// it may hold a password, so messages say `name()`, never this.
    Server(String),
}

impl Location {
    /// True for a PostgreSQL server.
    pub fn is_server(&self) -> bool {
        matches!(self, Location::Server(_))
    }

    /// The file's path; None for a server.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Location::File(p) => Some(p),
            Location::Server(_) => None,
        }
    }

    /// The place as given, as a path: the file's path, or the connection
    /// string (which a file of that name could never be confused with).
    pub fn path(&self) -> &Path {
        match self {
            Location::File(p) => p,
            Location::Server(s) => Path::new(s),
        }
    }
}

/// Reads a name as given: a connection string is a server, anything else
/// (including a name that is not UTF-8) a file's path.
impl<P: AsRef<Path>> From<P> for Location {
    fn from(name: P) -> Location {
        let name = name.as_ref();
        match name.to_str().filter(|s| is_connection_string(s)) {
            Some(s) => Location::Server(s.to_owned()),
            None => Location::File(name.to_owned()),
        }
    }
}

/// Does `db` read as a PostgreSQL connection string: a URL, or libpq's
/// `key=value` words?
pub fn is_connection_string(db: &str) -> bool {
    db.starts_with("postgres://")
        || db.starts_with("postgresql://")
        || (db.contains('=') && !db.contains('/') && db.split_whitespace().all(|w| w.contains('=')))
        || db.starts_with("host=")
        || db.starts_with("dbname=")
}

impl From<&Location> for Location {
    fn from(place: &Location) -> Location {
        place.clone()
    }
}

/// The file as opened: its device and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId {
    pub(in crate::store) dev: u64,
    pub(in crate::store) ino: u64,
}

impl FileId {
    /// What a store on a server holds instead: there is no file to watch.
    pub const NONE: FileId = FileId { dev: 0, ino: 0 };
}

/// What happened to the file under a running program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileLoss {
    /// The name no longer exists.
    Deleted,
    /// The name now holds another file (moved or copied over).
    Replaced,
    /// The file has this many names: each has its own journal.
    HardLinked(u64),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_connection_string_is_a_server_and_anything_else_a_file() {
        for s in [
            "postgres://u@h/db",
            "postgresql:///plan",
            "host=h dbname=d",
            "dbname=d",
        ] {
            assert!(Location::from(s).is_server(), "{s}");
        }
        for s in ["plan.db", "/tmp/a=b/plan.db", "postgres.db", ""] {
            assert_eq!(Location::from(s), Location::File(PathBuf::from(s)), "{s}");
        }
        let odd = <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(b"\xffplan.db");
        assert!(!Location::from(odd).is_server());
    }
}
