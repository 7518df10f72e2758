//! A planner's change to one milestone, checked before it reaches the store.
//! The cockpit's keys and `milestone set` both build one of these.

use super::status::{Kind, Status};
use super::validate::{typed_name, typed_note};
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
    }

    /// Checks the change against what kind of milestone it is meant for and
    /// cleans the note. Returns the reason for refusing, in plain words.
    pub fn checked(mut self, kind: Kind) -> Result<Self, String> {
        if self.is_empty() {
            return Err("nothing to change: give a value, a status, a due date or a note".into());
        }
        if let Some(v) = self.value {
            if kind == Kind::YesNo {
                return Err(
                    "this is a yes/no deliverable with no number; set its status to done instead"
                        .into(),
                );
            }
            let n = match v {
                ValueChange::Set(n) | ValueChange::Add(n) => n,
            };
            if !n.is_finite() {
                return Err(format!("{n} is not a usable number"));
            }
        }
        if (self.target.is_some() || self.unit.is_some()) && kind == Kind::YesNo {
            return Err("this is a yes/no deliverable; it has no target or unit".into());
        }
        if let Some(t) = self.target
            && !t.is_finite()
        {
            return Err(format!("{t} is not a usable target"));
        }
        if let Some(unit) = self.unit.take() {
            self.unit = Some(super::text::clean_line(&unit).0);
        }
        if let Some(title) = self.title.take() {
            self.title = Some(typed_name(&title, "title")?);
        }
        if let Some(note) = self.note.take() {
            self.note = Some(typed_note(&note)?);
        }
        Ok(self)
    }

    /// The value after the change, given the value now stored.
    pub fn new_value(&self, stored: Option<f64>) -> Option<f64> {
        match self.value? {
            ValueChange::Set(n) => Some(n),
            ValueChange::Add(n) => Some(stored.unwrap_or(0.0) + n),
        }
    }
}

/// Parses a number the way a planner types it: `600`, `1.5`, `1,200`, `-3`,
/// full-width digits from a Chinese input method. Refuses letters and
/// anything that is not a finite number.
pub fn parse_number(s: &str) -> Result<f64, String> {
    let t: String = s
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != '，' && *c != '_')
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '－' => '-',
            '＋' => '+',
            c => c,
        })
        .collect();
    if t.is_empty() {
        return Err("a number is needed".into());
    }
    let ok = t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    match t.parse::<f64>() {
        Ok(n) if ok && n.is_finite() => Ok(n),
        _ => Err(format!("{:?} is not a number", s.trim())),
    }
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
    }

    #[test]
    fn change_rules() {
        let add = MilestoneChange {
            value: Some(ValueChange::Add(5.0)),
            ..Default::default()
        };
        assert_eq!(add.new_value(Some(10.0)), Some(15.0));
        assert_eq!(add.new_value(None), Some(5.0));
        assert!(
            add.clone()
                .checked(Kind::YesNo)
                .unwrap_err()
                .contains("yes/no")
        );
        assert!(add.checked(Kind::Numeric).is_ok());
        assert!(MilestoneChange::default().checked(Kind::Numeric).is_err());
        let blank = MilestoneChange {
            note: Some(" \n\u{1b}\n ".into()),
            ..Default::default()
        };
        assert_eq!(
            blank.checked(Kind::Numeric).unwrap_err(),
            "the note is empty"
        );
    }
}
