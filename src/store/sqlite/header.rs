//! What a file is, from its first 100 bytes, before SQLite touches it: a
//! file we refuse (another program's, a newer schema, text, zeros) is not
//! changed at all, not even by a lock or journal beside it.

use super::pin::{Pin, pin};
use super::schema::{APPLICATION_ID, latest_version};
use crate::store::error::{Error, Foreign, Result};
use std::path::Path;

/// What the 100-byte header of an existing file says, read before SQLite
/// opens it, so that a file we refuse is not touched at all (not even a
/// lock file or `-shm` beside it).
pub(super) struct Header {
    /// False for an empty file, which is ours to initialise.
    pub(in crate::store) has_content: bool,
    application_id: i32,
    user_version: i64,
    /// Bumped by every schema change: non-zero means the file has tables.
    schema_cookie: i32,
    /// The descriptor the header was read through, kept open by the store
    /// (see `pin`: closing it would drop this process's SQLite locks).
    pub(super) pin: Pin,
}

impl Header {
    /// Refuses another program's file or a newer schema, from the header
    /// alone; an empty file is ours to initialise.
    pub(super) fn refuse_if_foreign(&self, path: &Path) -> Result<()> {
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

pub(super) fn sniff(path: &Path) -> Result<Header> {
    let mut head = [0u8; 100];
    let pin = pin(path).map_err(Error::io(path))?;
    let n = pin.read_head(&mut head).map_err(Error::io(path))?;
    if n == 0 {
        return Ok(Header {
            has_content: false,
            application_id: 0,
            user_version: 0,
            schema_cookie: 0,
            pin,
        });
    }
    if n < 100 || &head[..16] != b"SQLite format 3\0" {
        let head = &head[..n];
        let why = if head.iter().all(|&b| b == 0) {
            Foreign::Zeros
        } else if let Some(encoding) = crate::domain::text::utf16(head) {
            Foreign::Utf16 { encoding }
        } else if !head.contains(&0)
            // A character cut at the end of the 100 bytes is still text.
            && std::str::from_utf8(head).map_or_else(|e| e.error_len().is_none(), |_| true)
        {
            Foreign::Text
        } else {
            Foreign::NotSqlite
        };
        return Err(Error::NotOurs {
            path: path.to_owned(),
            why,
        });
    }
    let be = |at: usize| i32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    Ok(Header {
        has_content: true,
        application_id: be(68),
        user_version: be(60) as i64,
        schema_cookie: be(40),
        pin,
    })
}

pub(super) fn refuse_foreign(
    path: &Path,
    app_id: i32,
    version: i64,
    has_schema: bool,
    tables: Option<i64>,
) -> Result<()> {
    if app_id != APPLICATION_ID && (app_id != 0 || version != 0 || has_schema) {
        return Err(Error::NotOurs {
            path: path.to_owned(),
            why: Foreign::OtherProgram { app_id, tables },
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
