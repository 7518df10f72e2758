//! A time limit (完成时限) as the plan keeps it: a day, or — when another
//! program (the `sqlite3` shell, a DB browser, a script) wrote text there
//! that is no day — that text, kept as it is. Read once, where the store
//! reads the row, so that nothing above parses a date again: a day is
//! compared, judged and counted as a day; text that is no day is shown and
//! written back unchanged, and judged as no time limit.

use jiff::civil::Date;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimeLimit {
    Day(Date),
    /// Text in the time limit's column that does not read as a day.
    Unread(String),
}

impl TimeLimit {
    /// The stored text, read: `2023-12-31` is a day, anything else is kept.
    pub fn from_stored(text: String) -> TimeLimit {
        match text.parse::<Date>() {
            // Only the form the store writes: `2023-6-30` would not come
            // back as the same text, so it is no day here either.
            Ok(d) if d.to_string() == text => TimeLimit::Day(d),
            _ => TimeLimit::Unread(text),
        }
    }

    /// The day, if it is one.
    pub fn day(&self) -> Option<Date> {
        match self {
            TimeLimit::Day(d) => Some(*d),
            TimeLimit::Unread(_) => None,
        }
    }
}

impl From<Date> for TimeLimit {
    fn from(d: Date) -> TimeLimit {
        TimeLimit::Day(d)
    }
}

/// As stored and shown: `2023-12-31`, or the text as it was written.
impl fmt::Display for TimeLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeLimit::Day(d) => write!(f, "{d}"),
            TimeLimit::Unread(t) => f.write_str(t),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_day_reads_as_a_day_and_anything_else_is_kept_as_written() {
        let d = TimeLimit::from_stored("2023-12-31".into());
        assert_eq!(d.day(), Some(jiff::civil::date(2023, 12, 31)));
        assert_eq!(d.to_string(), "2023-12-31");
        for text in [
            "年底",
            "2023-02-30",
            "2023-6-30",
            " 2023-12-31",
            "",
            "2023-12-31T00:00",
        ] {
            let t = TimeLimit::from_stored(text.into());
            assert_eq!(t.day(), None, "{text:?}");
            assert_eq!(t.to_string(), text, "written back as it was");
        }
    }

    #[test]
    fn days_order_as_days_do() {
        let a = TimeLimit::from_stored("2023-09-30".into());
        let b = TimeLimit::from_stored("2023-10-01".into());
        assert!(a < b);
    }
}
