//! The seventh PostgreSQL migration, the file's schema v11: a target's
//! shared indicator (see `store/sqlite/schema_v11.rs`).

pub(super) const V7: &str = "
ALTER TABLE milestone ADD COLUMN indicator text NOT NULL DEFAULT '';
CREATE INDEX milestone_by_indicator ON milestone(indicator) WHERE indicator <> '';
CREATE INDEX milestone_open_by_due ON milestone(due_date)
    WHERE due_date IS NOT NULL AND status NOT IN ('done', 'dropped');
";
