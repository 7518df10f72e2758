//! Schema v9 ("the report an office hands in"): notes have kinds. A quote
//! from the plan's source document (原文) says nothing of progress, so the
//! report's 最新备注 never shows one; and a note saved with a late figure
//! speaks of that figure's day, so "the latest note" is the newest by the
//! day it speaks of, not by when it was typed.
//!
//! - `kind`: `progress` (the default) or `source`.
//! - `as_of`: the day a note speaks of, when not the day it was written.
//! - `person`: a name and a unit for a login (`lihua` → 李华, 经济发展局),
//!   so reports, history and the log say who in words an office reads.
//!   Kept for the whole store, not per plan: a person outlives a plan.
//!
//! The 2023 plan this program shipped wrote its quotes under the author
//! `原文摘录`: those rows are the source's, and are marked so here.

pub(super) const V9: &str = "
ALTER TABLE note ADD COLUMN kind TEXT NOT NULL DEFAULT 'progress'
    CHECK (kind IN ('progress', 'source'));
ALTER TABLE note ADD COLUMN as_of TEXT
    CHECK (as_of IS NULL OR as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
UPDATE note SET kind = 'source' WHERE author = '原文摘录';
CREATE TABLE person (
    login      TEXT PRIMARY KEY CHECK (login <> ''),
    name       TEXT NOT NULL DEFAULT '',
    unit       TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    updated_by TEXT NOT NULL DEFAULT ''
);
";
