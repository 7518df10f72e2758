//! 分年度目标: the yearly steps of a target that runs past one year
//! ("突破600家 by 2025" with 2023 → 560, 2024 → 580). A multi-year target
//! is judged, in a plan year, against that year's step; without one there
//! is nothing honest to judge it by, and the standing says so
//! ("未设年度目标") rather than reading red all year.
//!
//! Stored as text on the milestone (`2023=560;2024=580`, years ascending),
//! the same form `milestone set --step 2023=560` takes one of.

use super::refusal::Refusal;
use std::collections::BTreeMap;

/// Years a step may name: the plan's calendar, not a typo's.
const YEARS: std::ops::RangeInclusive<i16> = 2000..=2100;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct YearSteps(BTreeMap<i16, f64>);

impl YearSteps {
    /// The stored text; anything that does not read as steps (written by
    /// another program) counts as no steps rather than failing a list.
    pub fn from_stored(text: &str) -> YearSteps {
        let mut steps = BTreeMap::new();
        for part in text.split(';').filter(|p| !p.trim().is_empty()) {
            if let Ok((year, value)) = parse_one(part) {
                steps.insert(year, value);
            }
        }
        YearSteps(steps)
    }

    /// The text stored, years ascending; '' when there are none.
    pub fn stored(&self) -> String {
        self.0
            .iter()
            .map(|(y, v)| format!("{y}={}", super::progress::format_value(*v)))
            .collect::<Vec<_>>()
            .join(";")
    }

    pub fn get(&self, year: i16) -> Option<f64> {
        self.0.get(&year).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (i16, f64)> + '_ {
        self.0.iter().map(|(y, v)| (*y, *v))
    }

    /// These steps with `year` set to `value` (None removes it).
    pub fn with(&self, year: i16, value: Option<f64>) -> YearSteps {
        let mut steps = self.0.clone();
        match value {
            Some(v) => steps.insert(year, v),
            None => steps.remove(&year),
        };
        YearSteps(steps)
    }
}

impl FromIterator<(i16, f64)> for YearSteps {
    fn from_iter<I: IntoIterator<Item = (i16, f64)>>(steps: I) -> YearSteps {
        YearSteps(steps.into_iter().collect())
    }
}

/// One step as a planner types it: `2023=560` (also `2023:560`, or with a
/// full-width `=`/`:`); `2023=` removes the year's step. The value is read
/// by `amount` (the milestone's unit: `2023=1.5万`); a year outside
/// 2000–2100 is refused, and so is a value that is not a finite number.
pub fn parse_step_with(
    typed: &str,
    amount: impl Fn(&str) -> Result<f64, Refusal>,
) -> Result<(i16, Option<f64>), Refusal> {
    let bad = || Refusal::BadStep {
        typed: typed.to_owned(),
    };
    let normal: String = typed
        .trim()
        .chars()
        .map(|c| match c {
            '=' | ':' | '\u{FF1D}' | '\u{FF1A}' => '=',
            c => c,
        })
        .collect();
    let (year, value) = normal.split_once('=').ok_or_else(bad)?;
    let year: i16 = year.trim().parse().map_err(|_| bad())?;
    if !YEARS.contains(&year) {
        return Err(bad());
    }
    let value = value.trim();
    if value.is_empty() {
        return Ok((year, None));
    }
    let value = amount(value)?;
    if !value.is_finite() {
        return Err(bad());
    }
    Ok((year, Some(value)))
}

/// A step with a plain number.
pub fn parse_step(typed: &str) -> Result<(i16, Option<f64>), Refusal> {
    parse_step_with(typed, |v| {
        v.parse::<f64>().map_err(|_| Refusal::BadStep {
            typed: typed.to_owned(),
        })
    })
}

fn parse_one(part: &str) -> Result<(i16, f64), Refusal> {
    match parse_step(part)? {
        (year, Some(value)) => Ok((year, value)),
        (_, None) => Err(Refusal::BadStep {
            typed: part.to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_read_and_write_one_form() {
        let s = YearSteps::from_stored("2024=580;2023=560.5");
        assert_eq!(s.get(2023), Some(560.5));
        assert_eq!(s.stored(), "2023=560.5;2024=580");
        assert_eq!(YearSteps::from_stored("").stored(), "");
        // Garbage from another program is no step, not a failure.
        assert_eq!(
            YearSteps::from_stored("x=1;2023=abc;2025=9").stored(),
            "2025=9"
        );
        assert_eq!(s.with(2023, None).stored(), "2024=580");
    }

    #[test]
    fn a_typed_step_is_checked() {
        assert_eq!(parse_step("2023=560"), Ok((2023, Some(560.0))));
        assert_eq!(parse_step(" 2023:560 "), Ok((2023, Some(560.0))));
        assert_eq!(parse_step("2023=560"), Ok((2023, Some(560.0))));
        assert_eq!(parse_step("2023="), Ok((2023, None)));
        for bad in [
            "560",
            "23=560",
            "2023=NaN",
            "2023=inf",
            "1999=1",
            "abcd=1",
            "2023=五百",
        ] {
            assert!(parse_step(bad).is_err(), "{bad}");
        }
    }
}
