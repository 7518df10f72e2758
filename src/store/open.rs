//! Opening the plan database safely: refuse what is not ours, never touch a
//! newer schema, create files with private permissions, serialise first
//! starts with a lock file, and fall back to read-only when we cannot write.

use super::error::{Error, Result};
use super::schema::{APPLICATION_ID, latest_version, migrations};
use super::{Access, Store};
use crate::domain::PlanDoc;
use rusqlite::{Connection, OpenFlags};
use std::fs::{self, File, OpenOptions as FsOpen};
use std::io::Read;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a planner waits for another process's first start to finish.
const LOCK_WAIT: Duration = Duration::from_secs(10);
pub const BUSY_TIMEOUT: Duration = Duration::from_millis(5000);

pub struct OpenOptions<'a> {
    /// The Unix user, written into history.
    pub author: String,
    /// Run `PRAGMA quick_check` and refuse writes if it fails.
    pub quick_check: bool,
    /// Open read-only even if the file is writable.
    pub read_only: bool,
    /// Fills an empty database with this plan, under the start-up lock.
    pub seed: Option<&'a dyn Fn() -> PlanDoc>,
    /// Open a database on a network filesystem anyway.
    pub allow_network_fs: bool,
}

/// The network filesystem a `statfs` type number stands for, if it is one.
/// SQLite's locking is unreliable on these, and two planners can corrupt
/// the file; FUSE is included because sshfs is how people mount a server.
pub fn network_fs(f_type: i64) -> Option<&'static str> {
    Some(match f_type {
        0x6969 => "NFS",
        0x517B => "SMB",
        0xFF53_4D42 | 0xFE53_4D42 => "CIFS/SMB2",
        0x5346_414F => "AFS",
        0x7375_7245 => "Coda",
        0x564C => "NCP",
        0x0102_1997 => "9P",
        0x6573_5546 => "FUSE (sshfs and similar)",
        0x00C3_6400 => "Ceph",
        0x0BD0_0BD0 => "Lustre",
        0x0116_1970 => "GFS2",
        0x7461_636F => "OCFS2",
        _ => return None,
    })
}

fn filesystem_of(folder: &Path) -> Option<&'static str> {
    let c = std::ffi::CString::new(folder.as_os_str().as_encoded_bytes()).ok()?;
    // SAFETY: statfs fills the struct we pass; the path is NUL-terminated.
    let mut st: libc::statfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statfs(c.as_ptr(), &mut st) } != 0 {
        return None;
    }
    #[allow(clippy::unnecessary_cast)]
    network_fs(st.f_type as i64)
}

/// `<db>.lock`, `<db>-wal`: SQLite's names are the file name plus a suffix.
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Files are private (0600) unless the folder is a team folder: setgid,
/// owned by the planners' group. Then they are group-writable (0660) and
/// inherit the group, so every planner in it can open them.
pub fn file_mode(folder: &Path) -> u32 {
    match fs::metadata(folder) {
        Ok(m) if m.permissions().mode() & 0o2000 != 0 => 0o660,
        _ => 0o600,
    }
}

/// With `-wal` and `-shm` already there, SQLite can write without creating
/// files, so a read-only folder does not stop it.
fn journals_exist(path: &Path) -> bool {
    sibling(path, "-wal").exists() && sibling(path, "-shm").exists()
}

fn writable(path: &Path) -> bool {
    write_access(path).is_ok()
}

/// `access(W_OK)`, with the reason when it says no.
fn write_access(path: &Path) -> std::io::Result<()> {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes())
        .map_err(std::io::Error::other)?;
    // SAFETY: c is a valid NUL-terminated path for the duration of the call.
    if unsafe { libc::access(c.as_ptr(), libc::W_OK) } == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Creates a file with exactly `mode`, whatever the umask says.
pub fn create_private(path: &Path, mode: u32) -> std::io::Result<File> {
    let f = FsOpen::new()
        .read(true)
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)?;
    f.set_permissions(fs::Permissions::from_mode(mode))?;
    Ok(f)
}

/// The lock and journals beside the database must be plain files: SQLite
/// would follow a symlinked `-wal` or `-shm` (or fail with "unable to open
/// database file"), and journals of two databases must never mix.
fn refuse_odd_siblings(path: &Path) -> Result<()> {
    for suffix in [".lock", "-wal", "-shm", "-journal"] {
        let p = sibling(path, suffix);
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&p)
                    .map(|t| t.display().to_string())
                    .unwrap_or_default();
                return Err(Error::BadPath {
                    path: p,
                    detail: format!(
                        "is a symbolic link (to {target}); the files beside the database must \
                         be its own. Nothing was opened; remove the link"
                    ),
                });
            }
            Ok(m) if !m.is_file() => {
                return Err(Error::BadPath {
                    path: p,
                    detail: "is not a regular file; nothing was opened; remove it".into(),
                });
            }
            _ => {}
        }
    }
    Ok(())
}

/// A journal (`-wal`, `-shm`) left behind that this user cannot write,
/// named with its owner and mode: SQLite would refuse every write with a
/// bare "attempt to write a readonly database".
fn unwritable_journal(path: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    ["-wal", "-shm"].into_iter().find_map(|suffix| {
        let p = sibling(path, suffix);
        let m = fs::symlink_metadata(&p).ok()?;
        // Only a refusal counts: the last connection closing deletes the
        // journals, and a file gone between the two calls is no reason.
        let refused =
            write_access(&p).is_err_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied);
        refused.then(|| {
            format!(
                "{} is not writable by this user (owner uid {}, mode {:04o}); it was left by \
                 another user or a read-only session. When no planner has the plan open, its \
                 owner can remove it (or give the planners' group write access)",
                p.display(),
                m.uid(),
                m.mode() & 0o7777
            )
        })
    })
}

/// Holds `<db>.lock` with `flock` while the database is created, configured,
/// migrated and seeded; released when dropped.
struct StartLock(#[allow(dead_code)] File);

fn take_start_lock(path: &Path, mode: u32) -> Result<Option<StartLock>> {
    let lock_path = sibling(path, ".lock");
    // Never through a symlink (a planted `plan.db.lock -> ~/.bashrc` would
    // have been chmodded or created), never blocking on a FIFO.
    let file = match FsOpen::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(mode)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(&lock_path)
    {
        Ok(f) => f,
        // A folder we cannot write to: the database will open read-only
        // and needs no start-up lock.
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => return Ok(None),
        Err(e) if e.raw_os_error() == Some(libc::EROFS) => return Ok(None),
        Err(e) => return Err(Error::io(format!("{}", lock_path.display()))(e)),
    };
    let meta = file
        .metadata()
        .map_err(Error::io(format!("{}", lock_path.display())))?;
    if !meta.is_file() {
        return Err(Error::BadPath {
            path: lock_path,
            detail: "is not a regular file; remove it when no planner has the plan open".into(),
        });
    }
    // A hard link to some other file of ours would be chmodded below.
    if std::os::unix::fs::MetadataExt::nlink(&meta) > 1 {
        return Err(Error::BadPath {
            path: lock_path,
            detail: "has more than one name (a hard link to another file); remove it when no \
                     planner has the plan open"
                .into(),
        });
    }
    // The umask would turn 0660 into 0640 in a team folder. Only the owner
    // may chmod; for anyone else the file already has the owner's mode.
    if std::os::unix::fs::MetadataExt::uid(&meta) == unsafe { libc::geteuid() }
        && meta.permissions().mode() & 0o7777 != mode
    {
        let _ = file.set_permissions(fs::Permissions::from_mode(mode));
    }
    let started = Instant::now();
    loop {
        // SAFETY: flock on a descriptor we own.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
            return Ok(Some(StartLock(file)));
        }
        let err = std::io::Error::last_os_error();
        if err.raw_os_error() != Some(libc::EWOULDBLOCK) {
            return Err(Error::io(format!("locking {}", lock_path.display()))(err));
        }
        if started.elapsed() > LOCK_WAIT {
            return Err(Error::Busy);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// What the 100-byte header of an existing file says, read before SQLite
/// opens it, so that a file we refuse is not touched at all (not even a
/// lock file or `-shm` beside it).
struct Header {
    /// False for an empty file, which is ours to initialise.
    has_content: bool,
    application_id: i32,
    user_version: i64,
    /// Bumped by every schema change: non-zero means the file has tables.
    schema_cookie: i32,
}

impl Header {
    /// Refuses another program's file or a newer schema, from the header
    /// alone; an empty file is ours to initialise.
    fn refuse_if_foreign(&self, path: &Path) -> Result<()> {
        if !self.has_content {
            return Ok(());
        }
        refuse_foreign(
            path,
            self.application_id,
            self.user_version,
            self.schema_cookie != 0,
            None,
        )
    }
}

/// The schema version an `open` of `path` would upgrade from, read from the
/// file's header without opening it, so that the caller can tell the
/// planner before an upgrade that rebuilds indexes. None for a missing,
/// new, current or foreign file.
pub fn pending_upgrade(path: &Path) -> Option<i64> {
    let h = sniff(path).ok()?;
    (h.has_content
        && h.application_id == APPLICATION_ID
        && (1..latest_version()).contains(&h.user_version))
    .then_some(h.user_version)
}

fn sniff(path: &Path) -> Result<Header> {
    let mut head = [0u8; 100];
    let mut f = File::open(path).map_err(Error::io(format!("{}", path.display())))?;
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) => return Err(Error::io(format!("{}", path.display()))(e)),
        }
    }
    if n == 0 {
        return Ok(Header {
            has_content: false,
            application_id: 0,
            user_version: 0,
            schema_cookie: 0,
        });
    }
    if n < 100 || &head[..16] != b"SQLite format 3\0" {
        let head = &head[..n];
        let what = if head.iter().all(|&b| b == 0) {
            "it holds only zero bytes (an interrupted copy?)".to_owned()
        } else if let Some(encoding) = crate::domain::text::utf16(head) {
            format!("it is a {encoding} text file")
        } else if !head.contains(&0)
            // A character cut at the end of the 100 bytes is still text.
            && std::str::from_utf8(head).map_or_else(|e| e.error_len().is_none(), |_| true)
        {
            "it is a text file".to_owned()
        } else {
            "it is not a SQLite file".to_owned()
        };
        return Err(Error::NotOurs {
            path: path.to_owned(),
            detail: what,
        });
    }
    let be = |at: usize| i32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    Ok(Header {
        has_content: true,
        application_id: be(68),
        user_version: be(60) as i64,
        schema_cookie: be(40),
    })
}

fn refuse_foreign(
    path: &Path,
    app_id: i32,
    version: i64,
    has_schema: bool,
    tables: Option<i64>,
) -> Result<()> {
    if app_id != APPLICATION_ID && (app_id != 0 || version != 0 || has_schema) {
        let tables = tables.map(|t| format!(", {t} tables")).unwrap_or_default();
        return Err(Error::NotOurs {
            path: path.to_owned(),
            detail: format!(
                "it is a SQLite database of another program (application_id {app_id:#x}{tables}); \
                 nothing was changed"
            ),
        });
    }
    if version > latest_version() {
        return Err(Error::NewerSchema {
            path: path.to_owned(),
            found: version,
            supported: latest_version(),
        });
    }
    Ok(())
}

fn uri_for_immutable(path: &Path) -> String {
    let abs = fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let mut s = String::from("file:");
    for b in abs.as_os_str().as_encoded_bytes() {
        match b {
            b'%' | b'?' | b'#' => s.push_str(&format!("%{b:02X}")),
            _ => s.push(*b as char),
        }
    }
    s.push_str("?immutable=1");
    s
}

fn configure(conn: &Connection, writable: bool) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(Error::sql("setting busy_timeout"))?;
    let ctx = Error::sql;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(ctx("foreign_keys"))?;
    conn.pragma_update(None, "trusted_schema", "OFF")
        .map_err(ctx("trusted_schema"))?;
    if writable {
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(ctx("synchronous"))?;
    }
    Ok(())
}

fn corrupt(path: &Path) -> impl FnOnce(rusqlite::Error) -> Error + '_ {
    move |e| match &e {
        rusqlite::Error::SqliteFailure(f, msg)
            if matches!(
                f.code,
                rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
            ) =>
        {
            Error::Corrupt {
                path: path.to_owned(),
                detail: msg.clone().unwrap_or_else(|| f.to_string()),
            }
        }
        _ => Error::sql(format!("reading {}", path.display()))(e),
    }
}

pub fn open(path: &Path, opts: OpenOptions<'_>) -> Result<Store> {
    open_checked(path, opts).map_err(|e| e.or_disk_full(path))
}

fn open_checked(path: &Path, opts: OpenOptions<'_>) -> Result<Store> {
    let folder = folder_of(path);
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            let target = fs::read_link(path)
                .map(|t| t.display().to_string())
                .unwrap_or_default();
            return Err(Error::BadPath {
                path: path.to_owned(),
                detail: format!(
                    "is a symbolic link (to {target}); plan-cockpit opens only the real file, \
                     so that its lock and journal sit beside it"
                ),
            });
        }
        Ok(m) if !m.is_file() => {
            return Err(Error::BadPath {
                path: path.to_owned(),
                detail: "is not a regular file".into(),
            });
        }
        Ok(m) if std::os::unix::fs::MetadataExt::nlink(&m) > 1 => {
            return Err(Error::BadPath {
                path: path.to_owned(),
                detail: format!(
                    "has {} hard links (names for the same file); each name would get its own \
                     journal and two planners writing through two names corrupt the plan. \
                     Keep one name (remove the others) and open that one",
                    std::os::unix::fs::MetadataExt::nlink(&m)
                ),
            });
        }
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if !folder.is_dir() {
                return Err(Error::BadPath {
                    path: path.to_owned(),
                    detail: format!("the folder {} does not exist", folder.display()),
                });
            }
        }
        Err(e) => return Err(Error::io(format!("{}", path.display()))(e)),
    }

    refuse_odd_siblings(path)?;
    if !opts.allow_network_fs
        && let Some(kind) = filesystem_of(&folder)
    {
        return Err(Error::BadPath {
            path: path.to_owned(),
            detail: format!(
                "is on a network filesystem ({kind}); SQLite's locking is not reliable there and \
                 planners could corrupt the plan. Keep the database on the server's local disk, \
                 or pass --allow-network-fs if you are sure only one planner uses it"
            ),
        });
    }
    let mode = file_mode(&folder);
    let exists = path.exists();
    let header = if exists { Some(sniff(path)?) } else { None };
    let has_content = header.as_ref().is_some_and(|h| h.has_content);
    if let Some(h) = &header {
        h.refuse_if_foreign(path)?;
    }

    // Why we cannot write, if we cannot.
    let mut read_only: Option<String> = if opts.read_only {
        Some("opened with --read-only".into())
    } else if exists && !writable(path) {
        Some("the file is not writable by this user".into())
    } else if let Some(why) = unwritable_journal(path) {
        Some(why)
    } else if !(writable(&folder) || journals_exist(path)) {
        Some(format!(
            "the folder {} is not writable by this user",
            folder.display()
        ))
    } else {
        None
    };
    if read_only.is_some() && !has_content {
        return Err(Error::ReadOnly(format!(
            "{} does not hold a plan yet and {}",
            path.display(),
            read_only.unwrap_or_default()
        )));
    }

    let _lock = match read_only {
        None => take_start_lock(path, mode)?,
        Some(_) => None,
    };
    // Another planner may have created the file while we waited for the
    // lock: look again, under it.
    if !exists && path.exists() {
        sniff(path)?.refuse_if_foreign(path)?;
    } else if !exists {
        create_private(path, mode).map_err(Error::io(format!("creating {}", path.display())))?;
    }

    let mut conn = if read_only.is_none() {
        Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(corrupt(path))?
    } else {
        open_read_only(path).or_else(|e| match e {
            Error::Corrupt { .. } => super::rescue::open_tolerant(path),
            e => Err(e),
        })?
    };
    let damage = super::rescue::malformed_schema(&conn);
    if let Some(damage) = &damage {
        drop(conn);
        conn = super::rescue::open_tolerant(path)?;
        read_only = Some(super::rescue::advice(path, damage));
    }
    configure(&conn, read_only.is_none())?;

    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(corrupt(path))?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(corrupt(path))?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(corrupt(path))?;

    let fresh = app_id == 0 && version == 0 && tables == 0;
    refuse_foreign(path, app_id, version, tables != 0, Some(tables))?;
    if version < latest_version() {
        if let Some(why) = &read_only {
            return Err(Error::ReadOnly(format!(
                "schema version {version} must be upgraded to {}, but {why}",
                latest_version()
            )));
        }
        if fresh {
            // WAL lets planners read while one writes; it is a property of
            // the file, so it is set once, at creation.
            let mode: String = conn
                .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
                .map_err(Error::sql("setting journal_mode"))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(Error::BadPath {
                    path: path.to_owned(),
                    detail: format!("this filesystem does not support WAL (journal_mode {mode})"),
                });
            }
            conn.pragma_update(None, "application_id", APPLICATION_ID)
                .map_err(Error::sql("setting application_id"))?;
        }
        migrations().to_latest(&mut conn).map_err(|e| {
            Error::Internal(format!(
                "{}: upgrading the schema failed: {e}",
                path.display()
            ))
        })?;
    }

    if read_only.is_none() && !fresh {
        // An import into an empty file leaves WAL mode for its one large
        // write and returns to it after; if another connection kept it from
        // returning, the next writer to open the file puts it back.
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .map_err(corrupt(path))?;
        if !mode.eq_ignore_ascii_case("wal") {
            let _ = conn.pragma_update(None, "journal_mode", "WAL");
        }
    }

    if opts.quick_check {
        let verdict = quick_check(&conn).map_err(corrupt(path))?;
        if verdict != "ok" {
            read_only = Some(format!("quick_check failed: {verdict}"));
        }
    }

    let access = match read_only {
        None => Access::ReadWrite,
        Some(why) => Access::ReadOnly(why),
    };
    // Who we opened, named while the start-up lock still holds the name.
    let opened = super::file::identify(path).map_err(|loss| Error::FileLost {
        path: path.to_owned(),
        loss,
    })?;
    let plan = super::lineage::plan_identity(&conn)?;
    let mut store = Store {
        conn,
        path: path.to_owned(),
        author: opts.author,
        access,
        opened,
        lost: None,
        plan,
        damage,
    };
    if let Some(seed) = opts.seed
        && store.is_empty()?
        && store.access == Access::ReadWrite
    {
        store.replace_plan(&seed(), "the embedded 2023 plan")?;
    }
    Ok(store)
}

fn open_read_only(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(corrupt(path))?;
    // A WAL database needs its -shm file; when nobody has it open the file
    // is gone and a read-only user cannot create it. With no -wal either,
    // everything is in the main file and an immutable read is exact.
    let usable = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    });
    match usable {
        Ok(_) => Ok(conn),
        Err(_) if !sibling(path, "-wal").exists() => {
            drop(conn);
            Connection::open_with_flags(uri_for_immutable(path), flags | OpenFlags::SQLITE_OPEN_URI)
                .map_err(corrupt(path))
        }
        Err(e) => Err(corrupt(path)(e)),
    }
}

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

#[cfg(test)]
mod tests {
    #[test]
    fn an_older_file_is_announced_before_its_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let mut c = Connection::open(&path).unwrap();
            c.pragma_update(None, "application_id", APPLICATION_ID)
                .unwrap();
            migrations().to_version(&mut c, 2).unwrap();
        }
        assert_eq!(pending_upgrade(&path), Some(2));
        let opts = OpenOptions {
            author: "planner".into(),
            quick_check: false,
            read_only: false,
            seed: None,
            allow_network_fs: true,
        };
        drop(open(&path, opts).unwrap());
        assert_eq!(
            pending_upgrade(&path),
            None,
            "upgraded, so nothing to announce"
        );
        assert_eq!(pending_upgrade(&dir.path().join("missing.db")), None);
        std::fs::write(dir.path().join("text.db"), "not a database").unwrap();
        assert_eq!(pending_upgrade(&dir.path().join("text.db")), None);
    }

    use super::*;

    #[test]
    fn network_filesystems_are_recognised() {
        assert_eq!(network_fs(0x6969), Some("NFS"));
        assert!(network_fs(0xFF53_4D42).is_some());
        assert!(network_fs(0x6573_5546).unwrap().contains("sshfs"));
        assert_eq!(network_fs(0xEF53), None, "ext4 is local");
        assert_eq!(network_fs(0x0102_1994), None, "tmpfs is local");
        assert_eq!(network_fs(0x5846_5342), None, "xfs is local");
    }
}
