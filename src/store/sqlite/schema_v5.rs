//! Schema v5 ("where do we stand" and "the Monday report"): owners,
//! weights, the lenses' indexes and baselines. Its own file because
//! `schema.rs` holds the earlier ones and a migration is never edited once
//! shipped.

/// 责任人, the person answerable, beside `owner` (责任单位, the office):
/// a government progress table names both. A milestone with neither set
/// answers to its project's; that inheritance is read, never copied, so
/// a project's new owner reaches every milestone that had none.
///
/// The lenses list a 工程's or an owner's projects a page at a time, in
/// list order, as the direction panes do: each gets an index in that order
/// (the old one on `program_id` alone is its prefix, so it goes).
///
/// Weights: a milestone may count more than another in its project's and
/// pane's progress (default 1, up to 1000). The roll-up rows keep weighted
/// sums: `progress_sum` is Σ weight × progress and `measured` Σ weight over
/// what is measured (equal to the old count while every weight is 1, so
/// existing rows stay right without a rebuild).
pub(super) const V5: &str = "
ALTER TABLE milestone ADD COLUMN weight REAL NOT NULL DEFAULT 1.0
    CHECK (weight > 0 AND weight <= 1000);
DROP TRIGGER milestone_rollup_insert;
DROP TRIGGER milestone_rollup_update;
DROP TRIGGER milestone_rollup_delete;
CREATE TRIGGER milestone_rollup_insert AFTER INSERT ON milestone WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    INSERT OR REPLACE INTO project_rollup
    SELECT NEW.project_id, count(*), count(*) FILTER (WHERE status = 'done'), total(progress * weight),
           total(weight) FILTER (WHERE progress IS NOT NULL)
    FROM milestone WHERE project_id = NEW.project_id;
END;
CREATE TRIGGER milestone_rollup_update
AFTER UPDATE OF project_id, kind, status, baseline, target, current, weight ON milestone WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    INSERT OR REPLACE INTO project_rollup
    SELECT NEW.project_id, count(*), count(*) FILTER (WHERE status = 'done'), total(progress * weight),
           total(weight) FILTER (WHERE progress IS NOT NULL)
    FROM milestone WHERE project_id = NEW.project_id;
    INSERT OR REPLACE INTO project_rollup
    SELECT OLD.project_id, count(*), count(*) FILTER (WHERE status = 'done'), total(progress * weight),
           total(weight) FILTER (WHERE progress IS NOT NULL)
    FROM milestone WHERE project_id = OLD.project_id
    HAVING OLD.project_id <> NEW.project_id;
END;
CREATE TRIGGER milestone_rollup_delete AFTER DELETE ON milestone WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    INSERT OR REPLACE INTO project_rollup
    SELECT OLD.project_id, count(*), count(*) FILTER (WHERE status = 'done'), total(progress * weight),
           total(weight) FILTER (WHERE progress IS NOT NULL)
    FROM milestone WHERE project_id = OLD.project_id
    HAVING EXISTS (SELECT 1 FROM project WHERE id = OLD.project_id);
END;
ALTER TABLE project ADD COLUMN lead TEXT NOT NULL DEFAULT '';
ALTER TABLE milestone ADD COLUMN lead TEXT NOT NULL DEFAULT '';
-- A baseline: the targets and time limits as they stood when it was saved,
-- so a report can say which moved since, by how much and by whom.
CREATE TABLE baseline (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE CHECK (name <> ''),
    saved_at TEXT NOT NULL,
    saved_by TEXT NOT NULL
);
CREATE TABLE baseline_item (
    baseline_id  INTEGER NOT NULL REFERENCES baseline(id) ON DELETE CASCADE,
    milestone_id INTEGER NOT NULL,
    title        TEXT NOT NULL,
    unit         TEXT NOT NULL,
    target       REAL,
    due_date     TEXT,
    PRIMARY KEY (baseline_id, milestone_id)
) WITHOUT ROWID;
DROP INDEX project_by_program;
CREATE INDEX project_by_program ON project(program_id, position, id);
CREATE INDEX project_by_owner ON project(owner, position, id);
";
