//! What can go wrong in the store, typed: each case carries what the
//! planner needs to act on it, and `i18n::said` puts it into words (its
//! `Display` is the English wording, from there too).

use crate::domain::refusal::Refusal;
use std::path::PathBuf;

/// Why a path cannot be used as the database, beside it, or as a
/// destination.
#[derive(Debug, Clone, PartialEq)]
pub enum PathWhy {
    /// The database path is a symbolic link.
    Symlink {
        target: PathBuf,
    },
    NotAFile,
    HardLinks {
        n: u64,
    },
    NoFolder {
        folder: PathBuf,
    },
    NetworkFs {
        kind: String,
    },
    NoWal {
        mode: String,
    },
    /// A file beside the database (its lock, journals) is a symbolic link.
    BesideSymlink {
        target: PathBuf,
    },
    BesideNotAFile,
    BesideHardLinked,
    /// A backup's destination exists already.
    Exists,
    /// A destination that cannot be written safely.
    Destination(crate::files::Refusal),
}

/// Why the plan can only be looked at.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadOnlyWhy {
    /// `--read-only`.
    Asked,
    FileNotWritable,
    FolderNotWritable {
        folder: PathBuf,
    },
    /// A journal left by another user that this one cannot write.
    JournalNotWritable {
        journal: PathBuf,
        uid: u32,
        mode: u32,
    },
    /// SQLite refused to write (SQLITE_READONLY).
    Refused,
    /// There is no plan yet, and one cannot be created.
    NoPlanYet {
        path: PathBuf,
        why: Box<ReadOnlyWhy>,
    },
    /// The schema must be upgraded, and cannot be.
    NeedsUpgrade {
        from: i64,
        to: i64,
        why: Box<ReadOnlyWhy>,
    },
    /// The integrity check found damage (SQLite's words in `verdict`).
    QuickCheck {
        verdict: String,
    },
    /// The file was deleted, replaced or hard-linked under an open cockpit.
    FileLost(super::location::FileLoss),
    /// The database role may read the plan but not change it (a viewer).
    ServerRole {
        role: String,
    },
    /// The schema is damaged: look and export only, with what to do.
    Damaged {
        path: PathBuf,
        damage: String,
        backup: Option<PathBuf>,
    },
}

/// Why a file is not a plan-cockpit database.
#[derive(Debug, Clone, PartialEq)]
pub enum Foreign {
    Zeros,
    Utf16 { encoding: &'static str },
    Text,
    NotSqlite,
    OtherProgram { app_id: i32, tables: Option<i64> },
}

/// Why a PostgreSQL server cannot hold the plan, or this role cannot use
/// it as it is: said at start, before anything is changed.
#[derive(Debug, Clone, PartialEq)]
pub enum ServerWhy {
    /// The connection string itself does not parse (libpq's words).
    BadAddress(String),
    /// `service=NAME` (or PGSERVICE) names no entry of any service file.
    NoService(String),
    /// A setting from the service file or the environment is not valid:
    /// `from` names where it came from (`PGPORT`, `service city`).
    BadSetting {
        key: String,
        from: String,
    },
    TooOld {
        version: String,
    },
    /// The server lacks the pg_trgm extension (its contrib package).
    NoTrigram,
    /// pg_trgm sees no letters in Chinese under the database's LC_CTYPE.
    LocaleBlindToChinese {
        ctype: String,
    },
    /// The schema must be created or upgraded, and this role may not.
    NeedsOwner {
        role: String,
        found: i64,
        latest: i64,
    },
    NewerSchema {
        found: i64,
        supported: i64,
    },
    /// A `plan` table that is not plan-cockpit's.
    NotOurs,
    /// The schema is there but holds no plan yet: `migrate` brings one.
    NoPlan,
    /// TLS cannot be set up as asked (a root certificate unreadable).
    Tls(String),
}

/// Why a value cannot be copied as it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Misfit {
    /// A NUL character, which PostgreSQL's text cannot hold.
    Nul,
    Blob,
    NotUtf8,
    /// A value of another kind than its column's (text in a number's).
    Kind {
        expected: super::tables::Kind,
    },
}

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

#[derive(Debug)]
pub enum Error {
    NotOurs {
        path: PathBuf,
        why: Foreign,
    },
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// SQLite's or the integrity check's words in `detail`.
    Corrupt {
        path: PathBuf,
        detail: String,
    },
    BadPath {
        path: PathBuf,
        why: PathWhy,
    },
    ReadOnly(ReadOnlyWhy),
    Busy,
    DiskFull,
    DiskFullAt(PathBuf),
    /// `what` is the table's name (`milestone`, `note`).
    NotFound {
        what: &'static str,
        id: i64,
    },
    Invalid(Refusal),
    /// The pieces of an imported plan stopped before their end (the file
    /// was refused part-way); nothing was written.
    Abandoned,
    Conflict(Conflict),
    PlanReplaced(super::identity::PlanIdentity),
    FileLost {
        path: PathBuf,
        loss: super::location::FileLoss,
    },
    /// PostgreSQL failed; `context` says what was being done, and where;
    /// `said` is the server's message with its SQLSTATE and detail (or the
    /// client's, for a connection that failed before one).
    Pg {
        context: String,
        said: String,
    },
    /// The server (named without its password) cannot be used as it is.
    Server {
        server: String,
        why: ServerWhy,
    },
    /// A row's value cannot be copied as it is: nothing was copied.
    Unfit {
        table: &'static str,
        key: String,
        column: &'static str,
        why: Misfit,
    },
    /// What a copy wrote did not read back as what was sent: rolled back.
    CopyDiffers {
        sent: String,
        written: String,
    },
    /// A whole plan was to be written where one is (without `--replace`).
    HoldsPlan {
        place: String,
    },
    /// What the planner asked for is not offered on a PostgreSQL server
    /// yet (issue 16 brings the store's parts over one by one).
    NotOnServer,
    /// Something that should not happen did (a failed schema upgrade, a row
    /// changing under a write lock); the words say what.
    Internal(String),
    /// A file could not be read or written: `path` names it.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// SQLite failed; `context` says, for the log, what was being done;
    /// `code` is SQLite's extended result code (0 when there is none) and
    /// `said` the driver's words.
    Sql {
        context: String,
        code: i32,
        said: String,
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
                | Error::Unfit { .. }
                | Error::HoldsPlan { .. }
                | Error::Server {
                    why: ServerWhy::BadAddress(_)
                        | ServerWhy::NoService(_)
                        | ServerWhy::BadSetting { .. },
                    ..
                }
        )
    }

    /// An I/O failure on `path`.
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { path, source }
    }
}

// SQLite's primary result codes (sqlite3.h) for a failed read or write of
// the disk: `Error::Sql` carries the engine's extended code as a number.
pub(in crate::store) const SQLITE_IOERR: i32 = 10;
pub(in crate::store) const SQLITE_FULL: i32 = 13;
pub(in crate::store) const SQLITE_CANTOPEN: i32 = 14;

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
            // The primary result code is the extended one's low byte.
            Error::Sql { code, .. } => {
                matches!(code & 0xff, SQLITE_IOERR | SQLITE_FULL | SQLITE_CANTOPEN)
            }
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

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
