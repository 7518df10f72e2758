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
/// An RFC 3339 instant (`2023-11-27T09:00:00+08:00`, `…Z`, a fraction, a
/// leap second `:60`, `t`/`z`/space as RFC 3339 allows), checked to the
/// letter: an offset's hour is 00–23, as RFC 3339 says (`+25:00` is no
/// offset). An instant past what the clock can count (the last day of
/// 9999 in UTC, beyond jiff's range by up to a day) is taken as its last
/// instant, so every valid value runs rather than being refused.
pub fn parse_rfc3339(s: &str) -> Option<Timestamp> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .filter(|d| d.iter().all(u8::is_ascii_digit))
            .map(|d| d.iter().fold(0u32, |n, c| n * 10 + u32::from(c - b'0')))
    };
    let at = |i: usize, c: &[u8]| b.get(i).is_some_and(|x| c.contains(x));
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let (hour, minute, second) = (digits(11..13)?, digits(14..16)?, digits(17..19)?);
    if !(at(4, b"-") && at(7, b"-") && at(10, b"Tt ") && at(13, b":") && at(16, b":")) {
        return None;
    }
    let mut i = 19;
    if at(i, b".") {
        i += 1;
        let start = i;
        while at(i, b"0123456789") {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    let offset_minutes: i64 = if at(i, b"Zz") && b.len() == i + 1 {
        0
    } else if at(i, b"+-") && b.len() == i + 6 && at(i + 3, b":") {
        let (h, m) = (digits(i + 1..i + 3)?, digits(i + 4..i + 6)?);
        if h > 23 || m > 59 {
            return None;
        }
        let sign = if b[i] == b'-' { -1 } else { 1 };
        sign * i64::from(h * 60 + m)
    } else {
        return None;
    };
    // The calendar and the clock, checked; a leap second counts as :59.
    let date = Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()?;
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let time = jiff::civil::Time::new(
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        i8::try_from(second.min(59)).ok()?,
        0,
    )
    .ok()?;
    // Seconds since the epoch, counted here so that the far ends of the
    // range do not overflow jiff's, then brought within it.
    let days = i64::from(date.since(Date::constant(1970, 1, 1)).ok()?.get_days());
    let secs = days * 86_400
        + i64::from(time.hour()) * 3600
        + i64::from(time.minute()) * 60
        + i64::from(time.second())
        - offset_minutes * 60;
    let secs = secs.clamp(Timestamp::MIN.as_second(), Timestamp::MAX.as_second());
    Timestamp::from_second(secs).ok()
}

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

/// The spans the cockpit's change log offers ("what changed since Monday").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Since this week's Monday (the office's week; today when a Monday).
    ThisWeek,
    /// Since the 1st of this month.
    ThisMonth,
    All,
}

impl Period {
    /// The first day the period holds, on `today`; None: no bound.
    pub fn since(self, today: Date) -> Option<Date> {
        match self {
            Period::ThisWeek => {
                let back = i64::from(today.weekday().to_monday_zero_offset());
                Some(
                    today
                        .checked_sub(jiff::Span::new().days(back))
                        .unwrap_or(today),
                )
            }
            Period::ThisMonth => Some(today.first_of_month()),
            Period::All => None,
        }
    }

    /// The next one a key press offers, round again after all.
    pub fn next(self) -> Period {
        match self {
            Period::ThisWeek => Period::ThisMonth,
            Period::ThisMonth => Period::All,
            Period::All => Period::ThisWeek,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rfc3339_instant_is_taken_and_no_impossible_offset() {
        let ok = |s: &str| parse_rfc3339(s).map(|t| t.to_string());
        assert_eq!(
            ok("2023-11-27T09:00:00+08:00").as_deref(),
            Some("2023-11-27T01:00:00Z")
        );
        assert_eq!(
            ok("2023-11-27t01:00:00z").as_deref(),
            Some("2023-11-27T01:00:00Z")
        );
        assert_eq!(
            ok("2023-11-27 01:00:00.123Z").as_deref(),
            Some("2023-11-27T01:00:00Z")
        );
        assert_eq!(
            ok("2016-12-31T23:59:60Z").as_deref(),
            Some("2016-12-31T23:59:59Z")
        );
        assert_eq!(
            ok("2023-11-27T09:00:00-23:59").as_deref(),
            Some("2023-11-28T08:59:00Z")
        );
        // The ends of the range run (the very last day clamped into it).
        assert!(parse_rfc3339("9999-12-31T23:59:59Z").is_some());
        assert!(parse_rfc3339("0000-01-01T00:00:00Z").is_some());
        for bad in [
            "2023-11-27T09:00:00+25:00",
            "2023-11-27T09:00:00+08:60",
            "2023-02-30T00:00:00Z",
            "2023-11-27T24:00:00Z",
            "2023-11-27T09:00:00",
            "2023-11-27",
            "2023-11-27T09:00:00+0800",
            "2023-11-27T09:00:00Z ",
            "２０２３-11-27T09:00:00Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

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

    #[test]
    fn the_log_s_periods_start_on_monday_and_the_first() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        // 2023-11-27 is a Monday; the 29th a Wednesday; 2023-10-01 a Sunday.
        assert_eq!(
            Period::ThisWeek.since(d("2023-11-27")),
            Some(d("2023-11-27"))
        );
        assert_eq!(
            Period::ThisWeek.since(d("2023-11-29")),
            Some(d("2023-11-27"))
        );
        assert_eq!(
            Period::ThisWeek.since(d("2023-10-01")),
            Some(d("2023-09-25"))
        );
        assert_eq!(
            Period::ThisMonth.since(d("2023-11-29")),
            Some(d("2023-11-01"))
        );
        assert_eq!(Period::All.since(d("2023-11-29")), None);
        assert_eq!(Period::All.next(), Period::ThisWeek);
    }
}
