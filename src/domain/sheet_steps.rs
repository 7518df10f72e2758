//! What an edited sheet will do, row by row, as `import-values` decides it
//! before writing anything: the words of each step come from `i18n`.

use super::change::MilestoneChange;
use super::status::Status;
use jiff::civil::Date;

/// One thing a row will do, worded by `i18n::sheet`.
#[derive(Debug, Clone, PartialEq)]
pub enum Said {
    /// The current value, from → to, true on `day`.
    Value {
        from: Option<f64>,
        to: f64,
        day: Date,
    },
    /// A reading for a day before the newest one: filed in the history,
    /// the current value stays.
    LateReading {
        day: Date,
        value: f64,
    },
    Status {
        from: Status,
        to: Status,
    },
    Note(String),
    /// A cell emptied in the sheet: nothing is deleted.
    Emptied {
        cell: String,
    },
}

#[derive(Debug, Clone)]
pub struct Edit {
    pub id: i64,
    pub title: String,
    pub version: i64,
    pub change: MilestoneChange,
    pub said: Vec<Said>,
}

/// A row edited in the sheet and changed in the database since (or gone):
/// never applied.
#[derive(Debug, Clone)]
pub struct Clash {
    pub id: i64,
    pub title: String,
    pub said: Vec<Said>,
    /// Who changed it and when; None when it was deleted.
    pub by: Option<(String, String)>,
}

impl Edit {
    /// This edit as a conflict with `by`'s change (who, when), found when
    /// it was saved: said, not applied.
    pub fn clash(self, by: (String, String)) -> Clash {
        Clash {
            id: self.id,
            title: self.title,
            said: self.said,
            by: Some(by),
        }
    }
}

/// An edit is boxed: it holds a whole change, several times a clash's size.
#[derive(Debug, Clone)]
pub enum Step {
    Edit(Box<Edit>),
    Clash(Clash),
}
