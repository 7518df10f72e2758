//! What can go wrong in the store, in words a planner can act on.

use std::path::PathBuf;

/// Someone else saved the milestone since this planner loaded it.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub entity: &'static str,
    pub id: i64,
    pub expected_version: i64,
    pub found_version: i64,
    pub by: String,
    pub at: String,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: not a plan-cockpit database: {detail}")]
    NotOurs { path: PathBuf, detail: String },
    #[error(
        "{path}: schema version {found} is newer than this plan-cockpit supports ({supported}); \
         the file was not touched; upgrade plan-cockpit"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{path}: the database is damaged: {detail}")]
    Corrupt { path: PathBuf, detail: String },
    #[error("{path}: {detail}")]
    BadPath { path: PathBuf, detail: String },
    #[error("cannot change the plan: the database is open read-only ({0})")]
    ReadOnly(String),
    #[error(
        "the database stayed locked by another planner's write for more than 5 s; \
         nothing was changed, try again"
    )]
    Busy,
    #[error(
        "the disk holding the database is full: nothing was changed; free some space and try again"
    )]
    DiskFull,
    #[error(
        "the disk holding {} is full: nothing was written there; free some space or choose \
         another place",
        .0.display()
    )]
    DiskFullAt(PathBuf),
    #[error("no {what} has id {id}")]
    NotFound { what: &'static str, id: i64 },
    #[error("{0}")]
    Invalid(String),
    #[error(
        "{} #{} was changed by {} at {} (version {}, you had version {}); nothing was saved",
        .0.entity, .0.id, .0.by, .0.at, .0.found_version, .0.expected_version
    )]
    Conflict(Conflict),
    #[error(
        "the plan in this file was replaced by {by} at {since} (now \"{title}\"); \
         nothing was saved into the new plan",
        by = .0.by, since = .0.since, title = .0.title
    )]
    PlanReplaced(super::PlanIdentity),
    #[error(
        "{path} {loss}; nothing was written, to this file or any other; \
         open the plan again to go on"
    )]
    FileLost {
        path: PathBuf,
        loss: super::file::FileLoss,
    },
    /// Something that should not happen did (a failed schema upgrade, a row
    /// changing under a write lock); the words say what.
    #[error("{0}")]
    Internal(String),
    #[error("{context}: {source}")]
    Io {
        context: String,
        source: std::io::Error,
    },
    #[error("{context}: {source}")]
    Sql {
        context: String,
        source: rusqlite::Error,
    },
}

impl Error {
    /// True when the planner gave us something wrong (a path, an id, a
    /// value), as opposed to the machine failing: the CLI exits 2 for these.
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            Error::NotOurs { .. }
                | Error::NewerSchema { .. }
                | Error::BadPath { .. }
                | Error::NotFound { .. }
                | Error::Invalid(_)
        )
    }

    pub fn sql(context: impl Into<String>) -> impl FnOnce(rusqlite::Error) -> Error {
        let context = context.into();
        move |source| classify(context, source)
    }

    pub fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> Error {
        let context = context.into();
        move |source| Error::Io { context, source }
    }
}

/// SQLite's result codes that a planner can do something about get their own
/// message; the rest keep SQLite's words with our context.
fn classify(context: String, source: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode as C;
    if let rusqlite::Error::SqliteFailure(e, _) = &source {
        match e.code {
            C::DatabaseBusy | C::DatabaseLocked => return Error::Busy,
            C::DiskFull => return Error::DiskFull,
            C::ReadOnly => return Error::ReadOnly("the file or its folder is not writable".into()),
            _ => {}
        }
    }
    Error::Sql { context, source }
}

/// Less free space than this on the database's filesystem, and an I/O
/// error is taken to mean the disk is full.
const NEARLY_FULL: u64 = 1024 * 1024;

fn free_bytes(folder: &std::path::Path) -> Option<u64> {
    let st = rustix::fs::statvfs(folder).ok()?;
    Some(st.f_bavail.saturating_mul(st.f_frsize))
}

impl Error {
    /// An error a full disk can cause: SQLite reports one as SQLITE_FULL
    /// only sometimes; growing a journal or shared-memory file fails as a
    /// plain I/O error.
    fn may_be_full_disk(&self) -> bool {
        match self {
            Error::DiskFull | Error::DiskFullAt(_) | Error::Corrupt { .. } | Error::Io { .. } => {
                true
            }
            Error::Sql {
                source: rusqlite::Error::SqliteFailure(f, _),
                ..
            } => matches!(
                f.code,
                rusqlite::ErrorCode::SystemIoFailure
                    | rusqlite::ErrorCode::DiskFull
                    | rusqlite::ErrorCode::CannotOpen
            ),
            _ => false,
        }
    }

    /// True when the error itself says the disk is full.
    fn says_full(&self) -> bool {
        match self {
            Error::DiskFull | Error::DiskFullAt(_) => true,
            Error::Io { source, .. } => source.kind() == std::io::ErrorKind::StorageFull,
            _ => false,
        }
    }

    /// An error that a full disk under the database may have caused, with
    /// that filesystem (nearly) full, is said as what it is.
    pub fn or_disk_full(self, db: &std::path::Path) -> Error {
        let folder = match db.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => std::path::Path::new("."),
        };
        if self.may_be_full_disk() && free_bytes(folder).is_some_and(|f| f < NEARLY_FULL) {
            Error::DiskFull
        } else {
            self
        }
    }

    /// Like `or_disk_full`, for a write to another folder than the
    /// database's (a backup): names the disk that is full.
    pub fn or_disk_full_at(self, folder: &std::path::Path) -> Error {
        if self.may_be_full_disk()
            && (self.says_full() || free_bytes(folder).is_some_and(|f| f < NEARLY_FULL))
        {
            Error::DiskFullAt(folder.to_owned())
        } else {
            self
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(source: rusqlite::Error) -> Self {
        classify("database".into(), source)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
