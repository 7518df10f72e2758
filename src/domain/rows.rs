//! What the cockpit and the CLI show, as plain data: the rows of a list,
//! one milestone's detail, search hits, and the roll-up arithmetic. The
//! store fills them; the UI draws them without knowing there is a store.

use super::standing::{Facts, Judging, Said, Standing, judge};
use super::time_limit::TimeLimit;
use super::trend::Trend;
use super::yearly::YearSteps;
use super::{Kind, Measure, Status};

/// Notes are searched from this many characters: a single character
/// matches a large share of a million notes and tells the planner little.
pub const NOTE_QUERY_MIN: usize = 2;

/// Progress of a group of milestones: how many, how many done, and the mean
/// progress of those that can be measured. Summed in SQL from the
/// per-project rows the schema keeps current.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rollup {
    pub milestones: usize,
    pub done: usize,
    pub progress: Option<f64>,
    /// The weight of what counts towards `progress` (past figures and
    /// dropped work do not): how many, while every weight is 1.
    pub measured: f64,
}

/// A count summed as a REAL (SQL's `total()` of counts, or the sums in
/// `Rollup::of`): a whole number, never negative, far below 2^53.
fn whole(n: f64) -> usize {
    let n = n.round().max(0.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let n = n as usize;
    n
}

impl Rollup {
    /// From the sums SQL keeps (counts summed as REAL by `total()`).
    pub fn from_sums(milestones: f64, done: f64, progress_sum: f64, measured: f64) -> Rollup {
        Rollup {
            milestones: whole(milestones),
            done: whole(done),
            progress: (measured > 0.0).then(|| progress_sum / measured),
            measured,
        }
    }

    /// The roll-up of the given milestones, each of weight 1.
    pub fn of<'a>(measures: impl IntoIterator<Item = &'a Measure>) -> Rollup {
        Rollup::weighted(measures.into_iter().map(|m| (m, 1.0)))
    }

    /// The roll-up of the given milestones and their weights, computed
    /// here: what the SQL sums must agree with. Progress is the weighted
    /// mean over what can be measured.
    pub fn weighted<'a>(measures: impl IntoIterator<Item = (&'a Measure, f64)>) -> Rollup {
        let (mut n, mut done, mut sum, mut counted) = (0.0, 0.0, 0.0, 0.0);
        for (m, weight) in measures {
            n += 1.0;
            if m.status == Status::Done {
                done += 1.0;
            }
            if let Some(p) = m.progress() {
                sum += p * weight;
                counted += weight;
            }
        }
        Rollup::from_sums(n, done, sum, counted)
    }
}

/// One pane's heading: a direction, a 工程, an area or an owner, with
/// how many projects it holds and their roll-up.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRow {
    pub group: super::lens::Group,
    pub code: String,
    pub name: String,
    pub name_en: String,
    pub projects: usize,
    pub rollup: Rollup,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProjectRow {
    pub id: i64,
    pub direction_id: i64,
    pub name: String,
    pub program: Option<String>,
    pub program_en: Option<String>,
    pub status: Status,
    pub due: Option<TimeLimit>,
    pub version: i64,
    /// Place in the direction's list; with `id`, the key lists page by.
    pub position: i64,
    pub rollup: Rollup,
    /// 责任单位 and 责任人.
    pub owner: String,
    pub lead: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NoteRow {
    pub id: i64,
    pub body: String,
    pub author: String,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReadingRow {
    pub as_of: String,
    pub value: f64,
    pub author: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HistoryRow {
    pub at: String,
    pub author: String,
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// Everything about one milestone.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub milestone: MilestoneRow,
    pub readings: Vec<ReadingRow>,
    /// Newest first.
    pub notes: Vec<NoteRow>,
    /// Newest first, the last few.
    pub history: Vec<HistoryRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitKind {
    Project,
    Milestone,
    Note,
}

/// One search result and where it lives, so the cockpit can jump there.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: HitKind,
    pub direction_id: i64,
    pub project_id: i64,
    pub milestone_id: Option<i64>,
    pub note_id: Option<i64>,
    /// Direction › project (› milestone), for the result list.
    pub path: String,
    /// The matching text.
    pub text: String,
}

/// One milestone with where it sits in the plan, as lists show it.
#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneRow {
    pub id: i64,
    pub direction: String,
    pub direction_en: String,
    pub program: Option<String>,
    pub project: String,
    pub title: String,
    pub kind: Kind,
    pub unit: String,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub current: Option<f64>,
    pub due: Option<TimeLimit>,
    pub status: Status,
    pub version: i64,
    pub updated_at: String,
    pub updated_by: String,
    /// 责任单位 and 责任人 as set on the milestone itself ('' when not).
    pub owner: String,
    pub lead: String,
    /// The project's, which a milestone answers to unless it names its own.
    pub project_owner: String,
    pub project_lead: String,
    /// How much it counts in its project's and pane's progress (1 unless
    /// the planner says otherwise).
    pub weight: f64,
    pub project_id: i64,
    /// Place in the project's list; with `id`, the key lists page by.
    pub position: i64,
    /// 分年度目标 of a target running past the plan year.
    pub steps: YearSteps,
    /// Who set the status and when ('' when not known).
    pub said: Said,
    /// The sums of its readings' straight line.
    pub trend: Trend,
    /// Carried over from an earlier plan: `IDENTITY#ID` there ('' if not).
    pub origin: String,
    /// The shared indicator (指标) it counts towards (国家级高新技术企业数):
    /// what the city sums across units; "" for none.
    pub indicator: String,
}

impl MilestoneRow {
    pub fn measure(&self) -> Measure {
        Measure {
            kind: self.kind,
            status: self.status,
            baseline: self.baseline,
            target: self.target,
            current: self.current,
        }
    }

    /// Its time limit as a date (a stored one that does not read is none).
    pub fn due_date(&self) -> Option<jiff::civil::Date> {
        self.due.as_ref().and_then(TimeLimit::day)
    }

    /// What its standing is judged from.
    pub fn facts(&self) -> Facts<'_> {
        Facts {
            measure: self.measure(),
            due: self.due_date(),
            steps: &self.steps,
            trend: &self.trend,
        }
    }

    /// Its one standing on `on`: what every view shows.
    pub fn standing(&self, on: Judging) -> Standing {
        judge(&self.facts(), on)
    }
}

/// The fields of a milestone a planner changes, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Fields {
    pub title: String,
    pub unit: String,
    /// 年初基数: where completion counts from.
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub current: Option<f64>,
    pub status: Status,
    pub due: Option<TimeLimit>,
    pub owner: String,
    pub lead: String,
    pub weight: f64,
    pub steps: YearSteps,
    /// The shared indicator (指标) it counts towards; "" for none.
    pub indicator: String,
}

/// Who answers for a piece of work: 责任单位 and 责任人.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Responsible {
    pub unit: String,
    pub lead: String,
    /// Taken from the project because the milestone names no one.
    pub inherited: bool,
}

impl Responsible {
    pub fn is_empty(&self) -> bool {
        self.unit.is_empty() && self.lead.is_empty()
    }

    /// Whether `who` names this unit or person: part of either, any case.
    pub fn matches(&self, who: &str) -> bool {
        let who = who.trim().to_lowercase();
        !who.is_empty()
            && (self.unit.to_lowercase().contains(&who) || self.lead.to_lowercase().contains(&who))
    }
}

impl MilestoneRow {
    /// The milestone's own owner if it names one, else its project's.
    pub fn responsible(&self) -> Responsible {
        if self.owner.is_empty() && self.lead.is_empty() {
            Responsible {
                unit: self.project_owner.clone(),
                lead: self.project_lead.clone(),
                inherited: true,
            }
        } else {
            Responsible {
                unit: self.owner.clone(),
                lead: self.lead.clone(),
                inherited: false,
            }
        }
    }

    pub fn fields(&self) -> Fields {
        Fields {
            title: self.title.clone(),
            unit: self.unit.clone(),
            baseline: self.baseline,
            target: self.target,
            current: self.current,
            status: self.status,
            due: self.due.clone(),
            owner: self.owner.clone(),
            lead: self.lead.clone(),
            weight: self.weight,
            steps: self.steps.clone(),
            indicator: self.indicator.clone(),
        }
    }
}
