//! The file engine: a plan kept in one SQLite file. Everything here is the
//! file's own: opening and checking it (open, header, beside, file,
//! rescue), its schema and upgrades, importing and backing it up, copying
//! it for `migrate`, and its side of `store::sql` (db.rs). The statements
//! both engines speak alike live in `store/` and run here through `Db`.

pub(in crate::store) mod backup;
pub(in crate::store) mod beside;
mod bulk_load;
pub(in crate::store) mod check;
pub(in crate::store) mod copy;
mod db;
pub(in crate::store) mod engine;
mod error;
pub(in crate::store) mod file;
pub(in crate::store) mod folder;
pub(in crate::store) mod header;
pub(in crate::store) mod import;
pub(in crate::store) mod import_rows;
pub(in crate::store) mod open;
mod outputs;
pub(in crate::store) mod pin;
pub(in crate::store) mod rescue;
pub(in crate::store) mod schema;
mod schema_v1;
mod schema_v10;
mod schema_v11;
pub(in crate::store) mod schema_v5;
pub(in crate::store) mod schema_v6;
mod schema_v7;
mod schema_v8;
mod schema_v9;
mod search;
mod store_file;

pub use outputs::refuse_as_output;
pub use store_file::{quick_check_file, sqlite_version, still_the_file};
