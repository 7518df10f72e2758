//! Dates are civil dates in ISO-8601 (`2023-12-31`); instants are UTC
//! timestamps with second precision (`2023-02-01T08:00:00Z`). Both are stored
//! as text in exactly these forms, so they sort correctly as strings and an
//! export re-imports byte for byte.

use super::refusal::Refusal;
use jiff::Timestamp;
use jiff::civil::Date;

/// Parses a due date the way a planner types it. Refuses impossible dates
/// (2023-02-30) and anything that is not exactly YYYY-MM-DD.
pub fn parse_date(s: &str) -> Result<Date, Refusal> {
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
        return Err(Refusal::NotADate {
            typed: t.to_owned(),
        });
    }
    t.parse::<Date>().map_err(|_| Refusal::NoSuchDay {
        typed: t.to_owned(),
    })
}

/// Canonical form of an instant: UTC, whole seconds.
pub fn format_instant(ts: Timestamp) -> String {
    ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Parses any RFC 3339 instant and returns its canonical form.
pub fn normalize_instant(s: &str) -> Result<String, Refusal> {
    s.trim()
        .parse::<Timestamp>()
        .map(format_instant)
        .map_err(|_| Refusal::NotAnInstant {
            typed: s.to_owned(),
        })
}

/// `normalize_instant` in place. An instant already in canonical form (all
/// of an export's, two million in a large plan) is checked but not
/// rewritten: formatting was most of the cost of checking it.
pub fn tidy_instant(v: &mut String) -> Result<(), Refusal> {
    let ts = v
        .trim()
        .parse::<Timestamp>()
        .map_err(|_| Refusal::NotAnInstant { typed: v.clone() })?;
    if !canonical_shape(v) {
        *v = format_instant(ts);
    }
    Ok(())
}

/// `YYYY-MM-DDTHH:MM:SSZ` with seconds below 60: for a string that parsed,
/// exactly the strings `format_instant` gives back unchanged.
fn canonical_shape(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 20
        && b.iter().enumerate().all(|(i, &c)| match i {
            4 | 7 => c == b'-',
            10 => c == b'T',
            13 | 16 => c == b':',
            19 => c == b'Z',
            _ => c.is_ascii_digit(),
        })
        && b[17] < b'6'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("2023-12-31").unwrap().to_string(), "2023-12-31");
        assert!(matches!(
            parse_date("2023-02-30"),
            Err(Refusal::NoSuchDay { .. })
        ));
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

    #[test]
    fn tidying_in_place_agrees_with_normalising() {
        for s in [
            "2023-02-01T08:00:00Z",
            "2023-02-01T16:00:00+08:00",
            "2023-02-01T08:00:00.123Z",
            " 2023-02-01T08:00:00Z ",
            "2016-12-31T23:59:60Z",
            "2023-02-01t08:00:00z",
            "2023-02-30T08:00:00Z",
            "yesterday",
            "",
        ] {
            let mut v = s.to_owned();
            match (tidy_instant(&mut v), normalize_instant(s)) {
                (Ok(()), Ok(n)) => assert_eq!(v, n, "{s:?}"),
                (Err(_), Err(_)) => assert_eq!(v, s, "{s:?} changed though refused"),
                (a, b) => panic!("{s:?}: {a:?} vs {b:?}"),
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn every_canonical_instant_is_kept_as_it_is(secs in -62_000_000_000i64..250_000_000_000) {
            let canonical = format_instant(Timestamp::from_second(secs).unwrap());
            let mut v = canonical.clone();
            tidy_instant(&mut v).unwrap();
            proptest::prop_assert_eq!(v, canonical);
        }
    }
}
