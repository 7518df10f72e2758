//! Opening the plan database safely: refuse what is not ours, never touch a
//! newer schema, create files with private permissions, serialise first
//! starts with a lock file, and fall back to read-only when we cannot write.

use super::beside::{
    create_private, file_mode, folder_of, journals_exist, refuse_odd_siblings, sibling,
    take_start_lock, unwritable_journal, writable,
};
use super::check::quick_check;
use super::header::{refuse_foreign, sniff};
use super::schema::{APPLICATION_ID, latest_version, migrations};
use crate::store::error::{Error, PathWhy, ReadOnlyWhy, Result};
use crate::store::handle::{Access, OpenOptions, Store};
use crate::store::location::Location;
use rusqlite::{Connection, OpenFlags};
use std::fs;
use std::path::Path;
use std::time::Duration;

pub const BUSY_TIMEOUT: Duration = Duration::from_millis(5000);

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
    let st = rustix::fs::statfs(folder).ok()?;
    #[allow(clippy::unnecessary_cast)]
    network_fs(st.f_type as i64)
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
    super::schema_v6::register_functions(conn).map_err(Error::sql("registering functions"))?;
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

/// Opens the plan file at `path`.
pub fn open_file(path: &Path, opts: OpenOptions<'_>) -> Result<Store> {
    open_checked(path, opts).map_err(|e| e.or_disk_full(path))
}

fn open_checked(path: &Path, opts: OpenOptions<'_>) -> Result<Store> {
    let folder = folder_of(path);
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            let target = fs::read_link(path).unwrap_or_default();
            return Err(Error::BadPath {
                path: path.to_owned(),
                why: PathWhy::Symlink { target },
            });
        }
        Ok(m) if !m.is_file() => {
            return Err(Error::BadPath {
                path: path.to_owned(),
                why: PathWhy::NotAFile,
            });
        }
        Ok(m) if std::os::unix::fs::MetadataExt::nlink(&m) > 1 => {
            return Err(Error::BadPath {
                path: path.to_owned(),
                why: PathWhy::HardLinks {
                    n: std::os::unix::fs::MetadataExt::nlink(&m),
                },
            });
        }
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if !folder.is_dir() {
                return Err(Error::BadPath {
                    path: path.to_owned(),
                    why: PathWhy::NoFolder {
                        folder: folder.clone(),
                    },
                });
            }
        }
        Err(e) => return Err(Error::io(path)(e)),
    }

    refuse_odd_siblings(path)?;
    if !opts.allow_network_fs
        && let Some(kind) = filesystem_of(&folder)
    {
        return Err(Error::BadPath {
            path: path.to_owned(),
            why: PathWhy::NetworkFs {
                kind: kind.to_string(),
            },
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
    let mut read_only: Option<ReadOnlyWhy> = if opts.read_only {
        Some(ReadOnlyWhy::Asked)
    } else if exists && !writable(path) {
        Some(ReadOnlyWhy::FileNotWritable)
    } else if let Some(why) = unwritable_journal(path) {
        Some(why)
    } else if !(writable(&folder) || journals_exist(path)) {
        Some(ReadOnlyWhy::FolderNotWritable {
            folder: folder.clone(),
        })
    } else {
        None
    };
    if read_only.is_some() && !has_content {
        return Err(Error::ReadOnly(ReadOnlyWhy::NoPlanYet {
            path: path.to_owned(),
            why: Box::new(read_only.unwrap_or(ReadOnlyWhy::Refused)),
        }));
    }

    let lock = match read_only {
        None => take_start_lock(path, mode)?,
        Some(_) => None,
    };
    // Another planner may have created the file while we waited for the
    // lock: look again, under it.
    let pin = match header {
        Some(h) => h.pin,
        None => {
            if path.exists() {
                let h = sniff(path)?;
                h.refuse_if_foreign(path)?;
                h.pin
            } else {
                let created = create_private(path, mode).map_err(Error::io(path))?;
                super::pin::adopt(created).map_err(Error::io(path))?
            }
        }
    };

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
            return Err(Error::ReadOnly(ReadOnlyWhy::NeedsUpgrade {
                from: version,
                to: latest_version(),
                why: Box::new(why.clone()),
            }));
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
                    why: PathWhy::NoWal { mode },
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
            read_only = Some(ReadOnlyWhy::QuickCheck { verdict });
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
    let plan = crate::store::lineage::plan_identity(&conn)?;
    let mut store = Store {
        engine: Box::new(super::engine::FileEngine {
            conn,
            path: path.to_owned(),
            opened,
            lost: None,
            damage,
            _pin: pin,
        }),
        location: Location::File(path.to_owned()),
        author: opts.author,
        access,
        plan,
        clock: opts.clock,
    };
    if let Some(seed) = opts.seed
        && store.is_empty()?
        && store.access == Access::ReadWrite
    {
        store.replace_plan(seed(), "the embedded 2023 plan")?;
    }
    if let Some(lock) = &lock
        && store.plan.is_some()
    {
        lock.mark_plan_here();
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

#[cfg(test)]
mod tests {
    use super::super::header::pending_upgrade;
    use super::*;

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
            clock: crate::domain::Clock::system(),
        };
        drop(open_file(&path, opts).unwrap());
        assert_eq!(
            pending_upgrade(&path),
            None,
            "upgraded, so nothing to announce"
        );
        assert_eq!(pending_upgrade(&dir.path().join("missing.db")), None);
        std::fs::write(dir.path().join("text.db"), "not a database").unwrap();
        assert_eq!(pending_upgrade(&dir.path().join("text.db")), None);
    }

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
