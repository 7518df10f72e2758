//! The plan as a document: the JSON interchange format (`import`, `export`,
//! the embedded 2023 plan). Order in every array is the display order.
//!
//! Optional and empty fields are left out when writing, so exports stay
//! readable; reading accepts them present or absent. Unknown fields are
//! refused, so a typo (`"traget"`) is caught instead of silently ignored.

use super::status::{Kind, Status};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const FORMAT: &str = "plan-cockpit";
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanDoc {
    pub format: String,
    pub format_version: u32,
    pub plan: PlanInfo,
    pub directions: Vec<Direction>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programs: Vec<Program>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<Area>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanInfo {
    pub title: String,
    pub year: i32,
    /// Whose plan it is: the town or subdistrict (东城街道).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    #[serde(default = "default_locale")]
    pub locale: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// What a plan started here is (from a 台账, a frame or an earlier plan):
/// its title, year and unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanHead {
    pub title: String,
    pub year: i16,
    pub unit: String,
}

fn default_locale() -> String {
    "zh-CN".to_owned()
}

/// A direction (方向), a program (工程) or an area (方面): the three ways the
/// plan groups its projects. They share a shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Direction {
    pub id: i64,
    pub code: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name_en: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    pub id: i64,
    pub code: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name_en: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The direction a program mostly serves, if any; programs cut across
    /// directions, so projects name their own direction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<i64>,
}

pub type Area = Direction;

/// A project's place and name without what is under it: what the
/// Markdown export's lists of names need, a few bytes a project.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    pub id: i64,
    pub direction: i64,
    pub program: Option<i64>,
    pub areas: Vec<i64>,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub id: i64,
    pub direction: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program: Option<i64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<i64>,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// 责任单位, the office answerable.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// 责任人, the person answerable.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lead: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// Who made the record and when; filled with the importing user and
    /// time when a file leaves them out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub id: i64,
    pub title: String,
    #[serde(default)]
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "number")]
    pub baseline: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "number")]
    pub target: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "number")]
    pub current: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    #[serde(default)]
    pub status: Status,
    /// 责任单位, the office answerable.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// 责任人, the person answerable.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lead: String,
    /// How much it counts in its project's progress; left out when 1.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "number")]
    pub weight: Option<f64>,
    /// 分年度目标 of a target running past the plan year: `{"2023": 560}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub steps: BTreeMap<i16, f64>,
    /// When and by whom the status was last set (its standing's reason
    /// says so); left out when not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_at: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub status_by: String,
    /// The item this one was carried over from: that plan's identity and
    /// its id there (`IDENTITY#16`); empty for an item of this plan's own.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub origin: String,
    /// The shared indicator (指标) it counts towards; empty for none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub indicator: String,
    /// Who made the record and when; filled with the importing user and
    /// time when a file leaves them out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// The row's version in the database it was read from (0 in a file):
    /// the CSV sheet carries it so that an edit comes back version-checked.
    /// Not part of the JSON format, which is the plan, not one database.
    #[serde(skip)]
    pub version: RowVersion,
}

/// Where a row stood in one database. Two plans are equal whatever the
/// databases they were read from gave their rows: the plan is its content.
#[derive(Debug, Clone, Copy, Default)]
pub struct RowVersion(pub i64);

impl PartialEq for RowVersion {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// One observed value of a milestone on one day: the time series from which
/// pace and forecast come.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    pub as_of: String,
    #[serde(with = "number::required")]
    pub value: f64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: i64,
    pub body: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// A progress note (the default) or a quote from the source document.
    #[serde(default, skip_serializing_if = "NoteKind::is_progress")]
    pub kind: NoteKind,
    /// The day it speaks of (`2023-09-30`, the day of the reading it was
    /// saved with), when not the day it was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
}

/// What a note is: where the work stands (the report's 最新备注), or the
/// plan's own words quoted (原文), which say nothing of progress.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    #[default]
    Progress,
    Source,
}

impl NoteKind {
    pub fn code(self) -> &'static str {
        match self {
            NoteKind::Progress => "progress",
            NoteKind::Source => "source",
        }
    }

    /// Another program may have written anything: what is not `source` is
    /// progress.
    pub fn from_code(code: &str) -> NoteKind {
        match code {
            "source" => NoteKind::Source,
            _ => NoteKind::Progress,
        }
    }

    pub fn is_progress(&self) -> bool {
        *self == NoteKind::Progress
    }
}

/// Whole numbers are written without a fraction (`600`, not `600.0`), which
/// is how planners write targets; anything else keeps serde_json's shortest
/// exact form, so every value survives export → import unchanged.
pub mod number {
    use serde::{Deserialize, Deserializer, Serializer};

    /// Largest magnitude below which every integer is exact in an f64.
    const EXACT: f64 = 9_007_199_254_740_992.0;

    pub fn write<S: Serializer>(v: f64, s: S) -> Result<S::Ok, S::Error> {
        if v.fract() == 0.0 && v.abs() < EXACT && !(v == 0.0 && v.is_sign_negative()) {
            // A whole number below 2^53 in magnitude: exact as an i64.
            #[allow(clippy::cast_possible_truncation)]
            let whole = v as i64;
            s.serialize_i64(whole)
        } else {
            s.serialize_f64(v)
        }
    }

    pub fn serialize<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => write(*v, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        Option::<f64>::deserialize(d)
    }

    pub mod required {
        use serde::{Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
            super::write(*v, s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
            f64::deserialize(d)
        }
    }
}

impl Milestone {
    pub fn measure(&self) -> super::Measure {
        super::Measure {
            kind: self.kind,
            status: self.status,
            baseline: self.baseline,
            target: self.target,
            current: self.current,
        }
    }
}

impl PlanDoc {
    pub fn milestone_count(&self) -> usize {
        self.projects.iter().map(|p| p.milestones.len()).sum()
    }

    pub fn note_count(&self) -> usize {
        self.projects
            .iter()
            .map(|p| p.notes.len() + p.milestones.iter().map(|m| m.notes.len()).sum::<usize>())
            .sum()
    }

    pub fn reading_count(&self) -> usize {
        self.projects
            .iter()
            .flat_map(|p| &p.milestones)
            .map(|m| m.readings.len())
            .sum()
    }
}
