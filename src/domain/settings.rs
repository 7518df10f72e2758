//! What in a planner's settings file was not taken, typed where it is found
//! (the config reader, the key map) and put into words by `i18n`.

/// A setting that was not taken, with the line it is on (1-based; 0 when
/// the file as a whole could not be read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub what: What,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// The file could not be read (permissions, not UTF-8).
    Unreadable(String),
    /// Not TOML, or a value of the wrong type: the parser's words.
    Syntax(String),
    /// A setting plan-cockpit does not have (a typo): named, skipped.
    Unknown { key: String },
    /// A setting with a value outside its choices (or of another type).
    Choice {
        key: &'static str,
        got: String,
        choices: &'static str,
    },
    /// A key binding refused.
    Key {
        section: String,
        action: String,
        why: KeyWhy,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyWhy {
    /// Not key notation (`ctrl-s`, `alt-b`, `f5`, `G`).
    Notation(String),
    Refused(KeyRefused),
}

/// Why a key binding was not put in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyRefused {
    /// No such group of keys (`[keys.panes]`, `[keys.editor]`, …).
    NoSection(String),
    /// The group has no such action.
    NoAction { section: String, action: String },
    /// The key already means something else where this one holds.
    Clash {
        key: String,
        section: String,
        action: String,
    },
    /// A plain character in a text field is typed, not a command.
    TypedInText(String),
    /// An empty list would leave the action with no key at all.
    NoKeys,
}
