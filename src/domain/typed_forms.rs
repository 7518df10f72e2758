//! Numbers and days as Chinese planners type them. An amount may carry a
//! magnitude (`1.5万`, `100亿`, `5000万`) and its unit (`50亿元`, `60%`),
//! and is read in the unit of the milestone it is for: `5000万` typed for a
//! target in 亿元 is 0.5. A day may be `2025年6月30日`, `2025-6-30`,
//! `2025/6/30`, `6月30日` (in the plan year), `2025Q3` (that quarter's last
//! day) or `年底` (the plan year's). What cannot be read is refused with
//! an example of what can.

use super::change::parse_number;
use super::refusal::Refusal;
use jiff::civil::Date;

/// The magnitudes a Chinese amount may carry, largest first so that 万亿
/// is read before 亿 and 万.
const MAGNITUDES: [(&str, f64); 4] = [("万亿", 1e12), ("亿", 1e8), ("万", 1e4), ("千", 1e3)];

/// A unit split into its magnitude and what it counts: `亿元` is 1e8 of
/// `元`, `万人` 1e4 of `人`, `家` 1 of `家`.
fn magnitude_of(unit: &str) -> (f64, &str) {
    let unit = unit.trim();
    for (word, m) in MAGNITUDES {
        if let Some(rest) = unit.strip_prefix(word) {
            return (m, rest);
        }
    }
    (1.0, unit)
}

/// Reads a new target typed for a milestone counted in `unit`: an amount
/// in that unit (`1.5万` for 名, `5000万` for 亿元: the unit stays), or a
/// number with another unit, which becomes the milestone's (`100亿元` for
/// one counted in 家: 100, in 亿元).
pub fn parse_target(typed: &str, unit: &str) -> Result<(f64, Option<String>), Refusal> {
    match parse_amount(typed, unit) {
        Ok(n) => Ok((n, None)),
        // Another unit (`100亿元` for one in 家, `3 GWh`): it becomes the
        // milestone's, if a number leads.
        Err(Refusal::UnitMismatch { .. } | Refusal::NotANumber { .. }) => {
            let t = typed.trim();
            let split = t
                .char_indices()
                .find(|(_, c)| {
                    !(c.is_ascii_digit()
                        || matches!(c, '.' | '-' | '+' | ',' | '．' | '－' | '＋' | '，')
                        || ('０'..='９').contains(c))
                })
                .map_or(t.len(), |(i, _)| i);
            let (number, new_unit) = t.split_at(split);
            if number.is_empty() {
                return Err(Refusal::NotANumber {
                    typed: t.to_owned(),
                });
            }
            Ok((parse_number(number)?, Some(new_unit.trim().to_owned())))
        }
        Err(e) => Err(e),
    }
}

/// Reads `typed` as an amount in `unit` (the milestone's unit).
pub fn parse_amount(typed: &str, unit: &str) -> Result<f64, Refusal> {
    let t = typed.trim();
    if t.is_empty() {
        return Err(Refusal::NumberNeeded);
    }
    // A plain number (`1,500`, `1e308`) is read as it always was; its own
    // refusals (`1,5`: 1.5 or 15?) stand.
    match parse_number(t) {
        Ok(n) => return Ok(n),
        Err(e @ Refusal::CommaNotThousands { .. }) => return Err(e),
        Err(_) => {}
    }
    // The number is the leading run of digits, signs, separators and
    // points (half- or full-width); the rest is a magnitude and a unit.
    let split = t
        .char_indices()
        .find(|(_, c)| {
            !(c.is_ascii_digit()
                || matches!(c, '.' | '-' | '+' | ',' | '．' | '－' | '＋' | '，' | '。')
                || ('０'..='９').contains(c))
        })
        .map_or(t.len(), |(i, _)| i);
    let (number, rest) = t.split_at(split);
    if number.is_empty() {
        return Err(Refusal::NotANumber {
            typed: t.to_owned(),
        });
    }
    let n = parse_number(number)?;
    let rest = rest.trim();
    if rest.is_empty() {
        return Ok(n);
    }
    // `12a`, `3e5`: letters straight after the digits are a mistyped
    // number, not a unit (units here are Chinese words or %).
    if rest.starts_with(|c: char| c.is_ascii_alphanumeric()) && rest != unit.trim() {
        return Err(Refusal::NotANumber {
            typed: t.to_owned(),
        });
    }
    let (want_m, want_base) = magnitude_of(unit);
    // `60%` for a milestone counted in %.
    // Half- or full-width (an input method types the latter).
    let percent = |s: &str| matches!(s, "%" | "\u{FF05}");
    if percent(rest) {
        return if percent(unit.trim()) {
            Ok(n)
        } else {
            Err(Refusal::UnitMismatch {
                typed: t.to_owned(),
                unit: unit.to_owned(),
            })
        };
    }
    let (typed_m, typed_base) = magnitude_of(rest);
    // After the magnitude, only the unit's own word may follow, or nothing.
    if !typed_base.is_empty() && typed_base != want_base && typed_base != unit.trim() {
        return Err(Refusal::UnitMismatch {
            typed: t.to_owned(),
            unit: unit.to_owned(),
        });
    }
    if typed_m == 1.0 && typed_base == unit.trim() {
        return Ok(n);
    }
    let value = n * typed_m / want_m;
    if value.is_finite() {
        Ok(value)
    } else {
        Err(Refusal::NotFinite { n: value })
    }
}

/// The last day of `quarter` (1 to 4) of `year`.
fn quarter_end(year: i16, quarter: i8) -> Option<Date> {
    let (m, d) = match quarter {
        1 => (3, 31),
        2 => (6, 30),
        3 => (9, 30),
        4 => (12, 31),
        _ => return None,
    };
    Date::new(year, m, d).ok()
}

/// Reads `typed` as a day; a day without a year is in `plan_year`.
pub fn parse_day(typed: &str, plan_year: i16) -> Result<Date, Refusal> {
    let t = typed.trim();
    let refused = || Refusal::NotADate {
        typed: t.to_owned(),
    };
    let no_such = || Refusal::NoSuchDay {
        typed: t.to_owned(),
    };
    if matches!(t, "年底" | "年末" | "今年底" | "年内") {
        return Date::new(plan_year, 12, 31).map_err(|_| refused());
    }
    let number = |s: &str| -> Option<i64> {
        let s = s.trim();
        (!s.is_empty() && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let ymd = |y: i64, m: i64, d: i64| -> Result<Date, Refusal> {
        let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(y), i8::try_from(m), i8::try_from(d)) else {
            return Err(no_such());
        };
        Date::new(y, m, d).map_err(|_| no_such())
    };
    // 2025Q3, 2025q3
    if let Some((y, q)) = t.split_once(['Q', 'q'])
        && let (Some(y), Some(q)) = (number(y), number(q))
    {
        let (Ok(y), Ok(q)) = (i16::try_from(y), i8::try_from(q)) else {
            return Err(no_such());
        };
        return quarter_end(y, q).ok_or_else(no_such);
    }
    // 2025年6月30日, 6月30日
    if let Some(rest) = t.strip_suffix('日').or_else(|| t.strip_suffix('号')) {
        let (year, rest) = match rest.split_once('年') {
            Some((y, r)) => (number(y).ok_or_else(refused)?, r),
            None => (i64::from(plan_year), rest),
        };
        let (m, d) = rest.split_once('月').ok_or_else(refused)?;
        return ymd(
            year,
            number(m).ok_or_else(refused)?,
            number(d).ok_or_else(refused)?,
        );
    }
    // 2025-6-30, 2025/6/30, 2025.6.30
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if let [y, m, d] = parts[..]
        && y.len() == 4
        && let (Some(y), Some(m), Some(d)) = (number(y), number(m), number(d))
    {
        return ymd(y, m, d);
    }
    Err(refused())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_in_the_unit_of_the_milestone() {
        let ok = |typed: &str, unit: &str, want: f64| {
            let got =
                parse_amount(typed, unit).unwrap_or_else(|e| panic!("{typed} in {unit}: {e:?}"));
            assert!(
                (got - want).abs() < 1e-9,
                "{typed} in {unit}: {got} ≠ {want}"
            );
        };
        ok("15000", "名", 15000.0);
        ok("1.5万", "名", 15000.0);
        ok("1.5万名", "名", 15000.0);
        ok("100亿", "亿元", 100.0);
        ok("50亿元", "亿元", 50.0);
        ok("5000万", "亿元", 0.5);
        ok("5000万元", "亿元", 0.5);
        ok("3,000", "家", 3000.0);
        ok("600家", "家", 600.0);
        ok("60%", "%", 60.0);
        ok("60\u{FF05}", "%", 60.0);
        ok("2万亿", "亿元", 20000.0);
        ok("１.５万", "名", 15000.0);
        for (typed, unit) in [
            ("5家", "亿元"),
            ("60%", "家"),
            ("万", "家"),
            ("lots", "家"),
            ("1,5万", "名"),
        ] {
            assert!(parse_amount(typed, unit).is_err(), "{typed} in {unit}");
        }
        assert!(matches!(
            parse_amount("12a", "家"),
            Err(Refusal::NotANumber { .. })
        ));
        assert!(matches!(
            parse_amount("5家", "亿元"),
            Err(Refusal::UnitMismatch { .. })
        ));
    }

    #[test]
    fn a_target_keeps_its_unit_unless_another_is_typed() {
        assert_eq!(parse_target("600 家", "家"), Ok((600.0, None)));
        assert_eq!(parse_target("1.5万", "名"), Ok((15000.0, None)));
        assert_eq!(parse_target("1.5万名", "名"), Ok((15000.0, None)));
        assert_eq!(parse_target("100 亿元", "亿元"), Ok((100.0, None)));
        assert_eq!(parse_target("5000万", "亿元"), Ok((0.5, None)));
        assert_eq!(
            parse_target("100亿元", "家"),
            Ok((100.0, Some("亿元".into())))
        );
        assert_eq!(parse_target("3 GWh", "家"), Ok((3.0, Some("GWh".into()))));
        assert!(matches!(
            parse_target("lots", "家"),
            Err(Refusal::NotANumber { .. })
        ));
        assert!(parse_target("", "家").is_err());
    }

    #[test]
    fn days_are_read_the_ways_a_planner_writes_them() {
        let day = |y, m, d| Date::new(y, m, d).unwrap();
        for (typed, want) in [
            ("2025-06-30", day(2025, 6, 30)),
            ("2025-6-30", day(2025, 6, 30)),
            ("2025/6/30", day(2025, 6, 30)),
            ("2025.6.30", day(2025, 6, 30)),
            ("2025年6月30日", day(2025, 6, 30)),
            ("6月30日", day(2023, 6, 30)),
            ("6月30号", day(2023, 6, 30)),
            ("2025Q3", day(2025, 9, 30)),
            ("2024q1", day(2024, 3, 31)),
            ("年底", day(2023, 12, 31)),
        ] {
            assert_eq!(parse_day(typed, 2023), Ok(want), "{typed}");
        }
        assert!(matches!(
            parse_day("2023-02-30", 2023),
            Err(Refusal::NoSuchDay { .. })
        ));
        assert!(matches!(
            parse_day("2月30日", 2023),
            Err(Refusal::NoSuchDay { .. })
        ));
        assert!(matches!(
            parse_day("2025Q5", 2023),
            Err(Refusal::NoSuchDay { .. })
        ));
        assert!(matches!(
            parse_day("下周", 2023),
            Err(Refusal::NotADate { .. })
        ));
        assert!(matches!(
            parse_day("30/6/2025", 2023),
            Err(Refusal::NotADate { .. })
        ));
    }
}
