//! The life of a project or milestone. Stored and exchanged by its code
//! (`at_risk`); shown by its label in the planner's language.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Planned,
    #[default]
    Active,
    AtRisk,
    Blocked,
    Done,
    Dropped,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Planned,
        Status::Active,
        Status::AtRisk,
        Status::Blocked,
        Status::Done,
        Status::Dropped,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Active => "active",
            Status::AtRisk => "at_risk",
            Status::Blocked => "blocked",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Status::Planned => "计划中",
            Status::Active => "进行中",
            Status::AtRisk => "有风险",
            Status::Blocked => "受阻",
            Status::Done => "已完成",
            Status::Dropped => "已取消",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Active => "active",
            Status::AtRisk => "at risk",
            Status::Blocked => "blocked",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }

    /// Finished work is never overdue.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Done | Status::Dropped)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Status {
    type Err = super::refusal::Refusal;

    /// Accepts the code, the English label or the Chinese label, so that a
    /// planner can type `--status 已完成` as naturally as `--status done`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_lowercase().replace(['-', ' '], "_");
        Status::ALL
            .into_iter()
            .find(|st| {
                st.code() == t || st.label_en().replace(' ', "_") == t || st.label_zh() == s.trim()
            })
            .ok_or_else(|| super::refusal::Refusal::UnknownStatus {
                typed: s.to_owned(),
            })
    }
}

/// A milestone either counts toward a number or is simply delivered or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    #[default]
    Numeric,
    YesNo,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Numeric => "numeric",
            Kind::YesNo => "yes_no",
        }
    }

    pub fn from_code(s: &str) -> Option<Kind> {
        match s {
            "numeric" => Some(Kind::Numeric),
            "yes_no" => Some(Kind::YesNo),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_and_labels() {
        assert_eq!("done".parse::<Status>(), Ok(Status::Done));
        assert_eq!("At risk".parse::<Status>(), Ok(Status::AtRisk));
        assert_eq!("at-risk".parse::<Status>(), Ok(Status::AtRisk));
        assert_eq!("已完成".parse::<Status>(), Ok(Status::Done));
        let err = "finished".parse::<Status>().unwrap_err();
        assert!(
            matches!(&err, super::super::refusal::Refusal::UnknownStatus { typed } if typed == "finished"),
            "{err:?}"
        );
        for s in Status::ALL {
            assert_eq!(s.code().parse::<Status>(), Ok(s));
        }
    }
}
