//! The seventh PostgreSQL migration, the file's schema v11: a target's
//! shared indicator (see `store/sqlite/schema_v11.rs`).

pub(super) const V7: &str = "
ALTER TABLE milestone ADD COLUMN indicator text NOT NULL DEFAULT '';
";
