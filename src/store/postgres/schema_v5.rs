//! The fifth PostgreSQL migration, the file's schema v10: a plan says whose
//! it is, a carried item where it came from (see `store/sqlite/schema_v10.rs`).

pub(super) const V5: &str = "
ALTER TABLE plan ADD COLUMN unit text NOT NULL DEFAULT '';
ALTER TABLE milestone ADD COLUMN origin text NOT NULL DEFAULT '';
";
