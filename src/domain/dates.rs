//! Dates are civil dates in ISO-8601 (`2023-12-31`); instants are UTC
//! timestamps with second precision (`2023-02-01T08:00:00Z`). Both are stored
//! as text in exactly these forms, so they sort correctly as strings and an
//! export re-imports byte for byte.

use jiff::civil::Date;
use jiff::{Timestamp, ZonedDateTime};

/// Parses a due date the way a planner types it. Refuses impossible dates
/// (2023-02-30) and anything that is not exactly YYYY-MM-DD.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let t = s.trim();
    let shape_ok = t.len() == 10
        && t.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape_ok {
        return Err(format!("{t:?} is not a date of the form YYYY-MM-DD"));
    }
    t.parse::<Date>()
        .map_err(|_| format!("{t} is not a real calendar date"))
}

/// Canonical form of an instant: UTC, whole seconds.
pub fn format_instant(ts: Timestamp) -> String {
    ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Parses any RFC 3339 instant and returns its canonical form.
pub fn normalize_instant(s: &str) -> Result<String, String> {
    s.trim()
        .parse::<Timestamp>()
        .map(format_instant)
        .map_err(|_| format!("{s:?} is not a timestamp like 2023-02-01T08:00:00Z"))
}

pub fn now() -> String {
    format_instant(Timestamp::now())
}

/// The planner's own calendar day, for readings and overdue checks.
pub fn today() -> Date {
    ZonedDateTime::now().date()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("2023-12-31").unwrap().to_string(), "2023-12-31");
        assert!(parse_date("2023-02-30").unwrap_err().contains("not a real"));
        assert!(parse_date("2023-2-3").is_err());
        assert!(parse_date("31/12/2023").is_err());
        assert!(parse_date("２０２３-01-01").is_err());
    }

    #[test]
    fn instants() {
        assert_eq!(
            normalize_instant("2023-02-01T16:00:00+08:00").unwrap(),
            "2023-02-01T08:00:00Z"
        );
        assert_eq!(
            normalize_instant("2023-02-01T08:00:00.123Z").unwrap(),
            "2023-02-01T08:00:00Z"
        );
        assert!(normalize_instant("yesterday").is_err());
    }
}
