//! A planner's change to one milestone, checked before it reaches the store.
//! The cockpit's keys and `milestone set` both build one of these.

use super::refusal::{Field, Refusal};
use super::status::{Kind, Status};
use super::validate::{check_weight, typed_name, typed_note, typed_party, typed_unit};
use jiff::civil::Date;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueChange {
    /// The new current value.
    Set(f64),
    /// Relative: "five more firms assessed today". Applied to the value in
    /// the database at write time, so concurrent adds all count.
    Add(f64),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct MilestoneChange {
    pub value: Option<ValueChange>,
    pub status: Option<Status>,
    pub due: Option<Date>,
    pub note: Option<String>,
    /// A new target, for numeric milestones.
    pub target: Option<f64>,
    pub unit: Option<String>,
    pub title: Option<String>,
    /// The day the value was true, for a reading entered late (the end of
    /// June's figure, typed in July). None: today.
    pub as_of: Option<Date>,
    /// A new 责任单位 and 责任人; both empty: answer to the project's.
    pub owner: Option<(String, String)>,
    /// How much it counts in its project's progress.
    pub weight: Option<f64>,
    /// 年初基数: where completion counts from.
    pub baseline: Option<f64>,
    /// 分年度目标 to set (`Some`) or remove (`None`), by year.
    pub steps: Vec<(i16, Option<f64>)>,
    /// The shared indicator (指标) it counts towards; "" to unlink.
    pub indicator: Option<String>,
}

impl MilestoneChange {
    pub fn is_empty(&self) -> bool {
        self.value.is_none()
            && self.status.is_none()
            && self.due.is_none()
            && self.note.is_none()
            && self.target.is_none()
            && self.unit.is_none()
            && self.title.is_none()
            && self.owner.is_none()
            && self.weight.is_none()
            && self.baseline.is_none()
            && self.steps.is_empty()
            && self.indicator.is_none()
    }

    /// Checks the change against what kind of milestone it is meant for and
    /// the planner's day, and cleans the note, or says why not.
    pub fn checked(mut self, kind: Kind, today: Date) -> Result<Self, Refusal> {
        if self.is_empty() {
            return Err(Refusal::NothingToChange);
        }
        if let Some(day) = self.as_of {
            let done_task = kind == Kind::YesNo && self.status == Some(Status::Done);
            match self.value {
                // The day a yes/no task was done.
                None if done_task && day > today => {
                    return Err(Refusal::AsOfInFuture { day, today });
                }
                None if done_task => {}
                None => return Err(Refusal::AsOfWithoutValue),
                // "Five more" is counted on today's figure; a past day's
                // figure is given whole.
                Some(ValueChange::Add(_)) if day != today => {
                    return Err(Refusal::AddIsForToday { day });
                }
                _ if day > today => return Err(Refusal::AsOfInFuture { day, today }),
                _ => {}
            }
        }
        if let Some(v) = self.value {
            if kind == Kind::YesNo {
                return Err(Refusal::YesNoHasNoValue);
            }
            let n = match v {
                ValueChange::Set(n) | ValueChange::Add(n) => n,
            };
            if !n.is_finite() {
                return Err(Refusal::NotFinite { n });
            }
        }
        let numeric_only = self.target.is_some()
            || self.unit.is_some()
            || self.baseline.is_some()
            || !self.steps.is_empty();
        if numeric_only && kind == Kind::YesNo {
            return Err(Refusal::YesNoHasNoTarget);
        }
        for n in self
            .target
            .iter()
            .chain(&self.baseline)
            .chain(self.steps.iter().filter_map(|(_, v)| v.as_ref()))
        {
            if !n.is_finite() {
                return Err(Refusal::NotFinite { n: *n });
            }
        }
        if let Some(unit) = self.unit.take() {
            self.unit = Some(typed_unit(&unit)?);
        }
        if let Some(title) = self.title.take() {
            self.title = Some(typed_name(&title, Field::Title)?);
        }
        if let Some(w) = self.weight {
            check_weight(w)?;
        }
        if let Some((unit, lead)) = self.owner.take() {
            self.owner = Some((
                typed_party(&unit, Field::Owner)?,
                typed_party(&lead, Field::Lead)?,
            ));
        }
        if let Some(name) = self.indicator.take() {
            self.indicator = Some(typed_party(&name, Field::Indicator)?);
        }
        if let Some(note) = self.note.take() {
            self.note = Some(typed_note(&note)?);
        }
        Ok(self)
    }

    /// A target must differ from where the milestone starts (its 基数,
    /// or 0): one equal to it leaves nothing to reach. Checked when either
    /// changes, against the other as it will be.
    pub fn target_reachable(
        &self,
        baseline: Option<f64>,
        target: Option<f64>,
    ) -> Result<(), Refusal> {
        if self.target.is_none() && self.baseline.is_none() {
            return Ok(());
        }
        let start = self.baseline.or(baseline).unwrap_or(0.0);
        match self.target.or(target) {
            Some(t) if t == start => Err(Refusal::TargetIsStart { target: t }),
            _ => Ok(()),
        }
    }

    /// The value after the change, given the value now stored. An add whose
    /// result cannot be stored (it overflowed to infinity) is refused.
    pub fn new_value(&self, stored: Option<f64>) -> Result<Option<f64>, Refusal> {
        let Some(change) = self.value else {
            return Ok(None);
        };
        let n = match change {
            ValueChange::Set(n) => n,
            ValueChange::Add(n) => stored.unwrap_or(0.0) + n,
        };
        if n.is_finite() {
            Ok(Some(n))
        } else {
            Err(Refusal::AddOverflows {
                add: match change {
                    ValueChange::Set(n) | ValueChange::Add(n) => n,
                },
                to: stored.unwrap_or(0.0),
            })
        }
    }
}

/// Parses a number the way a planner types it: `600`, `1.5`, `1,200`,
/// `12,345.5`, `-3`, full-width digits and punctuation from a Chinese input
/// method. A comma separates thousands, so it must stand between groups of
/// three digits: `1,5` is refused (did they mean 1.5 or 15?) rather than
/// read as 15, and so is `,5`. Refuses letters and anything not finite.
pub fn parse_number(s: &str) -> Result<f64, Refusal> {
    let typed = s.trim();
    let t: String = typed
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_digit(u32::from(c) - u32::from('０'), 10).unwrap_or(c),
            '．' | '。' => '.',
            '－' => '-',
            '＋' => '+',
            '，' => ',',
            c => c,
        })
        .collect();
    if t.is_empty() {
        return Err(Refusal::NumberNeeded);
    }
    let t = without_thousands_commas(&t).ok_or_else(|| Refusal::CommaNotThousands {
        typed: typed.to_owned(),
    })?;
    let ok = t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    match t.parse::<f64>() {
        Ok(n) if ok && n.is_finite() => Ok(n),
        Ok(_) if ok => Err(Refusal::TooLarge {
            typed: typed.to_owned(),
        }),
        _ => Err(Refusal::NotANumber {
            typed: typed.to_owned(),
        }),
    }
}

/// The number without its thousands commas, or None when a comma stands
/// anywhere but between groups of three digits of the whole part.
fn without_thousands_commas(t: &str) -> Option<String> {
    if !t.contains(',') {
        return Some(t.to_owned());
    }
    let unsigned = t.trim_start_matches(['+', '-']);
    let sign = &t[..t.len() - unsigned.len()];
    let whole_end = unsigned.find(['.', 'e', 'E']).unwrap_or(unsigned.len());
    let (whole, rest) = unsigned.split_at(whole_end);
    if rest.contains(',') {
        return None;
    }
    let mut groups = whole.split(',');
    let first = groups.next()?;
    let first_ok = (1..=3).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_digit());
    let others_ok = groups
        .clone()
        .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    (first_ok && others_ok).then(|| format!("{sign}{}{rest}", whole.replace(',', "")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(parse_number(" 1,200 "), Ok(1200.0));
        assert_eq!(parse_number("６００"), Ok(600.0));
        assert_eq!(parse_number("-3.5"), Ok(-3.5));
        assert!(parse_number("12a").is_err());
        assert!(parse_number("inf").is_err());
        assert!(parse_number("NaN").is_err());
        assert!(parse_number("").is_err());
        assert!(parse_number("1e999").is_err());
        assert_eq!(parse_number("12,345.5"), Ok(12345.5));
        assert_eq!(parse_number("-1,500"), Ok(-1500.0));
        assert_eq!(parse_number("1，500"), Ok(1500.0));
        assert_eq!(parse_number("1,234,567"), Ok(1234567.0));
        for bad in [
            "1,5", ",5", "1,50", "1,5000", "1,,500", "1,500,", "1.500,5", "12,34.5", "1_000",
        ] {
            assert!(parse_number(bad).is_err(), "{bad} accepted");
        }
        assert!(matches!(
            parse_number("1,5"),
            Err(Refusal::CommaNotThousands { .. })
        ));
    }

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn a_reading_is_dated_today_or_before_and_only_a_whole_value_is_backdated() {
        let today = day("2023-07-05");
        let at = |value, as_of: &str| MilestoneChange {
            value: Some(value),
            as_of: Some(day(as_of)),
            ..Default::default()
        };
        assert!(
            at(ValueChange::Set(512.0), "2023-06-30")
                .checked(Kind::Numeric, today)
                .is_ok()
        );
        assert!(
            at(ValueChange::Set(512.0), "2023-07-05")
                .checked(Kind::Numeric, today)
                .is_ok()
        );
        assert!(matches!(
            at(ValueChange::Set(512.0), "2023-07-06").checked(Kind::Numeric, today),
            Err(Refusal::AsOfInFuture { .. })
        ));
        assert!(matches!(
            at(ValueChange::Add(5.0), "2023-06-30").checked(Kind::Numeric, today),
            Err(Refusal::AddIsForToday { .. })
        ));
        assert!(
            at(ValueChange::Add(5.0), "2023-07-05")
                .checked(Kind::Numeric, today)
                .is_ok()
        );
        let dated_status = MilestoneChange {
            status: Some(Status::Done),
            as_of: Some(today),
            ..Default::default()
        };
        assert_eq!(
            dated_status.checked(Kind::Numeric, today),
            Err(Refusal::AsOfWithoutValue)
        );
    }

    #[test]
    fn change_rules() {
        let add = MilestoneChange {
            value: Some(ValueChange::Add(5.0)),
            ..Default::default()
        };
        assert_eq!(add.new_value(Some(10.0)), Ok(Some(15.0)));
        assert_eq!(add.new_value(None), Ok(Some(5.0)));
        let huge = MilestoneChange {
            value: Some(ValueChange::Add(1e308)),
            ..Default::default()
        };
        assert!(matches!(
            huge.new_value(Some(1e308)),
            Err(Refusal::AddOverflows { .. })
        ));
        assert_eq!(
            add.clone().checked(Kind::YesNo, day("2023-06-30")),
            Err(Refusal::YesNoHasNoValue)
        );
        assert!(add.checked(Kind::Numeric, day("2023-06-30")).is_ok());
        assert!(
            MilestoneChange::default()
                .checked(Kind::Numeric, day("2023-06-30"))
                .is_err()
        );
        let blank = MilestoneChange {
            note: Some(" \n\u{1b}\n ".into()),
            ..Default::default()
        };
        assert_eq!(
            blank.checked(Kind::Numeric, day("2023-06-30")),
            Err(Refusal::Empty(Field::Note))
        );
    }
}
