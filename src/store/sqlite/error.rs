//! SQLite's errors in the store's words: the result codes a planner can do
//! something about get their own `Error`; the rest keep SQLite's words with
//! what was being done, as plain fields (`Error::Sql`), so that nothing
//! above the store names the driver.

use crate::store::error::{Error, ReadOnlyWhy};

impl Error {
    /// What was being done, for `map_err`: `.map_err(Error::sql("reading"))`.
    pub fn sql(context: impl Into<String>) -> impl FnOnce(rusqlite::Error) -> Error {
        let context = context.into();
        move |source| classify(context, source)
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
            C::ReadOnly => return Error::ReadOnly(ReadOnlyWhy::Refused),
            _ => {}
        }
    }
    let code = match &source {
        rusqlite::Error::SqliteFailure(f, _) => f.extended_code,
        _ => 0,
    };
    Error::Sql {
        context,
        code,
        said: source.to_string(),
    }
}

impl From<rusqlite::Error> for Error {
    fn from(source: rusqlite::Error) -> Self {
        classify("database".into(), source)
    }
}

#[cfg(test)]
mod tests {
    use crate::store::error::{SQLITE_CANTOPEN, SQLITE_FULL, SQLITE_IOERR};

    #[test]
    fn the_store_names_sqlites_disk_codes_as_sqlite_does() {
        assert_eq!(SQLITE_IOERR, rusqlite::ffi::SQLITE_IOERR);
        assert_eq!(SQLITE_FULL, rusqlite::ffi::SQLITE_FULL);
        assert_eq!(SQLITE_CANTOPEN, rusqlite::ffi::SQLITE_CANTOPEN);
    }
}
