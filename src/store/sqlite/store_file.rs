//! What a caller may ask of a plan file without opening a store on it:
//! its pages checked through a connection of its own, whether the name
//! still leads to the file opened, and the SQLite library's version.

use super::{check, file, open};
use crate::store::error::{Error, Result};
use crate::store::location::FileId;
use rusqlite::Connection;
use std::path::Path;

/// Runs `quick_check` on the file through a connection of its own, so that
/// a caller can do it off the first-frame path: on a large plan it reads
/// the whole file. Returns "ok" or what is wrong.
pub fn quick_check_file(path: &Path) -> Result<String> {
    let flags =
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn =
        Connection::open_with_flags(path, flags).map_err(Error::sql("opening for quick_check"))?;
    conn.busy_timeout(open::BUSY_TIMEOUT)
        .map_err(Error::sql("setting busy_timeout"))?;
    check::quick_check(&conn).map_err(Error::sql("running quick_check"))
}

/// Does `path` still lead to the file `id` names, with one link?
pub fn still_the_file(path: &Path, id: FileId) -> bool {
    file::still(path, id).is_ok()
}

/// Version of the SQLite library compiled in.
pub fn sqlite_version() -> &'static str {
    rusqlite::version()
}
