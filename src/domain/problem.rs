//! What is wrong with a plan document, at which JSON path: typed here,
//! put into words in `i18n::said` (its `Display` is the English wording).

use super::refusal::Refusal;

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The JSON path (`projects[3].milestones[0].due`); empty for the whole
    /// file.
    pub path: String,
    pub issue: Issue,
}

/// The kind of a group or row in a document, as its JSON key names it
/// (`direction`, `area`, `program`, `project`, `milestone`, `note`).
pub type Kind = &'static str;

#[derive(Debug, Clone, PartialEq)]
pub enum Issue {
    /// A required text is empty.
    Required,
    TooLong {
        max: usize,
    },
    /// A date or an instant that cannot be read.
    Refused(Refusal),
    IdNotPositive {
        kind: Kind,
        id: i64,
    },
    DuplicateId {
        kind: Kind,
        id: i64,
        first: String,
    },
    DuplicateCode {
        kind: Kind,
        code: String,
    },
    /// A reference to a row the document does not have.
    NoSuch {
        kind: Kind,
        id: i64,
    },
    AreaTwice {
        id: i64,
    },
    NotFinite,
    /// A number (or a unit, or readings) on a yes/no task.
    YesNoHasNumbers,
    /// A yes/no task's reading is the day it was done: its value is 1.
    YesNoReadingNotDone,
    SecondReading {
        day: String,
    },
    DueBeforeStart {
        due: String,
        start: String,
    },
    NotAPlanYear {
        year: i64,
    },
    NoDirections,
    /// `format` is not ours.
    NotOurFormat {
        found: String,
    },
    NewerFormat {
        found: u32,
        reads: u32,
    },
    FormatZero,
    /// `format` or `format_version` is missing.
    Missing,
    /// The bytes are not UTF-8 (and look like GBK, or not).
    NotUtf8 {
        line: usize,
        column: usize,
        gbk: bool,
    },
    /// UTF-16 or another encoding named by its byte-order mark.
    Encoding {
        name: &'static str,
    },
    /// The file is JSON, but not an object (`[`, a number).
    NotAnObject {
        starts: String,
    },
    /// Text after the end of the plan.
    TrailingText {
        line: usize,
        column: usize,
    },
    /// The JSON could not be read here.
    Json(JsonFault),
}

/// What the JSON reader said, kept typed: its words are English, so only
/// the names it quotes (fields, values) are passed on to the planner.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonFault {
    pub line: usize,
    pub column: usize,
    pub what: JsonWhat,
    /// The reader's own sentence, for the English wording.
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum JsonWhat {
    /// Not JSON at all here (a missing comma, a stray character).
    Syntax,
    /// The file ends in the middle of the plan.
    Truncated,
    MissingField(String),
    UnknownField(String),
    UnknownValue(String),
    /// A value of the wrong type (text where a number goes).
    WrongType,
    /// Anything else the reader says about the data.
    Other,
}

impl Problem {
    pub fn at(path: impl Into<String>, issue: Issue) -> Problem {
        Problem {
            path: path.into(),
            issue,
        }
    }
}
