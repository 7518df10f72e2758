//! The only place that speaks SQL. Everything else asks the store in the
//! plan's own words.
//!
//! This file only names the parts and hands their names on: `handle` is
//! the `Store` itself, `engine` the trait behind which the file
//! (`sqlite/`) and the server (`postgres/`) differ, `sql` the statements
//! both speak alike; the rest are what a store can be asked, one subject
//! a file. Inside `store/`, a file imports a name from the file that
//! defines it, never from here, so nothing here is imported back.

mod agenda;
mod baseline;
mod draft;
mod edit;
pub(crate) mod engine;
mod error;
mod handle;
mod history;
mod hits;
mod identity;
mod lens;
mod lights;
mod lineage;
mod lists;
mod load;
mod location;
mod milestone;
mod milestone_read;
mod open;
mod owner;
mod page;
mod people;
mod plan_rows;
mod plans;
pub mod postgres;
mod report;
pub(crate) mod sql;
mod sqlite;
mod structure;
pub mod tables;
pub mod transfer;
pub(crate) mod view;
mod whole;

pub use crate::domain::rows::{
    Detail, Fields, GroupRow, HistoryRow, Hit, HitKind, MilestoneRow, NOTE_QUERY_MIN, NoteRow,
    ProjectRow, ReadingRow, Rollup,
};
pub use draft::{Draft, DraftFor};
pub use edit::NoteSnapshot;
pub use error::{Conflict, Error, Foreign, Misfit, PathWhy, ReadOnlyWhy, Result, ServerWhy};
pub use handle::{Access, Counts, OpenOptions, Store};
pub use identity::{PlanCheck, PlanIdentity};
pub use lights::Judged;
pub use lists::ListFilter;
pub use load::ProjectStream;
pub use location::{FileId, FileLoss, Location};
pub use milestone::{ReadingWas, Saved};
pub use open::{open, quick_check_at, still_the_place};
pub use page::{Key, List, Listed, Page};
pub use plan_rows::{PlanStanding, PlanSummary};
pub use report::LogFilter;
pub use sqlite::beside::{file_mode, plan_was_here, sibling};
pub use sqlite::folder::{folder_plans, folder_standings, is_plan_folder};
pub use sqlite::header::pending_upgrade;
pub use sqlite::schema::{APPLICATION_ID, latest_version};
pub use sqlite::{refuse_as_output, sqlite_version};
pub use structure::Added;
