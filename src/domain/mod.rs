//! The plan's vocabulary and rules. Knows no terminal and no database.

pub mod agenda;
pub mod change;
pub mod clock;
pub mod dates;
pub mod explain;
pub mod lens;
pub mod pace;
pub mod people;
pub mod piece;
pub mod pinyin;
pub mod plan;
pub mod problem;
pub mod progress;
pub mod refusal;
pub mod report;
pub mod rows;
pub mod scope;
pub mod settings;
pub mod sheet;
pub mod sheet_steps;
pub mod standing;
pub mod status;
pub mod target_line;
pub mod text;
pub mod trend;
pub mod typed;
pub mod typed_forms;
pub mod validate;
pub mod year_end;
pub mod yearly;

pub use change::{MilestoneChange, ValueChange};
pub use clock::Clock;
pub use plan::PlanDoc;
pub use progress::Measure;
pub use status::{Kind, Status};
