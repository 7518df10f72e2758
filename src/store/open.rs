//! Opening a store where its plan is kept: a file through the file engine
//! (`sqlite/`), a server through the server engine (`postgres/`); and how
//! each kind of place is named in messages.

use super::error::Result;
use super::handle::{OpenOptions, Store};
use super::location::Location;
use super::{postgres, sqlite};

/// Opens the plan at `place`: a file's path, or a PostgreSQL connection
/// string (`postgres://…`, `host=… dbname=…`).
pub fn open(place: impl Into<Location>, opts: OpenOptions<'_>) -> Result<Store> {
    let place = place.into();
    let started = std::time::Instant::now();
    let opened = match &place {
        Location::Server(db) => postgres::open::open_server(db, opts),
        Location::File(path) => sqlite::open::open_file(path, opts),
    };
    let ms = started.elapsed().as_secs_f64() * 1e3;
    match &opened {
        Ok(_) => tracing::debug!(place = %place.name(), ms, "opened"),
        Err(e) => tracing::warn!(place = %place.name(), ms, error = %e, "not opened"),
    }
    opened
}

impl Location {
    /// How the place is named in messages: a file by its path, a server by
    /// its hosts, role and database, never its password.
    pub fn name(&self) -> String {
        match self {
            Location::File(p) => p.display().to_string(),
            Location::Server(s) => postgres::name_of_string(s),
        }
    }
}

/// Runs `quick_check` on the place through a connection of its own, so
/// that a caller can do it off the first-frame path: on a large plan it
/// reads the whole file. Returns "ok" or what is wrong.
pub fn quick_check_at(place: &Location) -> Result<String> {
    match place {
        // The server keeps its own pages whole; there is no file to read.
        Location::Server(_) => Ok(String::from("ok")),
        Location::File(path) => sqlite::quick_check_file(path),
    }
}

/// Does `place` still lead to the file `id` names, with one link? (A
/// server has no file to lose.)
pub fn still_the_place(place: &Location, id: super::location::FileId) -> bool {
    match place {
        Location::Server(_) => true,
        Location::File(path) => sqlite::still_the_file(path, id),
    }
}
