//! The fifth PostgreSQL migration, the file's schema v10: a plan says whose
//! it is (`unit`; see `store/sqlite/schema_v10.rs`).

pub(super) const V5: &str = "ALTER TABLE plan ADD COLUMN unit text NOT NULL DEFAULT '';";
