//! Why something a planner typed, or a change asked of the plan, is
//! refused. Typed here, where the rule lives; put into words, Chinese or
//! English, in one place (`i18n::said`).

/// Which text a refusal is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    ProjectName,
    MilestoneTitle,
    Unit,
    Note,
    Owner,
    Lead,
    BaselineName,
    /// A login, and the name and unit it is shown by.
    Login,
    PersonName,
    PersonUnit,
    /// A shared indicator's name (指标).
    Indicator,
}

/// What a `TZ` that names no time zone is instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneWhy {
    NoFile,
    NotAFile,
    TooLarge,
    Unreadable,
    NotAZoneFile,
    NotAName,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// `--plan` names no plan: neither UNIT/YEAR, a year, a unit nor an
    /// identity.
    NotAPlan {
        typed: String,
    },
    /// A change with nothing in it.
    NothingToChange,
    /// A value for a yes/no task.
    YesNoHasNoValue,
    /// A target or unit for a yes/no task.
    YesNoHasNoTarget,
    /// A target equal to where the milestone starts (0, or its baseline):
    /// there is nothing to reach, and 序时进度 would divide by nothing.
    TargetIsStart {
        target: f64,
    },
    /// An amount typed with a unit the milestone is not counted in.
    UnitMismatch {
        typed: String,
        unit: String,
    },
    /// A baseline name already used.
    BaselineExists {
        name: String,
    },
    NoSuchBaseline {
        name: String,
    },
    /// A baseline saved for the plan this one replaced: its milestones are
    /// not this plan's, though their ids may be the same.
    BaselineOfReplacedPlan {
        name: String,
    },
    /// A weight that is not a positive number up to the most allowed.
    BadWeight {
        weight: f64,
    },
    /// A yearly step not of the form `2023=560` (a year 2000–2100, a
    /// finite number).
    BadStep {
        typed: String,
    },
    /// Infinite or not a number.
    NotFinite {
        n: f64,
    },
    /// Adding would overflow what can be stored.
    AddOverflows {
        add: f64,
        to: f64,
    },
    /// An empty number field.
    NumberNeeded,
    /// A comma not between thousands (`1,5`).
    CommaNotThousands {
        typed: String,
    },
    /// A number beyond what can be stored.
    TooLarge {
        typed: String,
    },
    NotANumber {
        typed: String,
    },
    Empty(Field),
    TooLong {
        field: Field,
        max: usize,
    },
    /// Not of the form YYYY-MM-DD.
    NotADate {
        typed: String,
    },
    /// YYYY-MM-DD, but no such day (2023-02-30).
    NoSuchDay {
        typed: String,
    },
    /// Not an RFC 3339 instant.
    NotAnInstant {
        typed: String,
    },
    /// `PLAN_COCKPIT_NOW` holds something else than an instant.
    /// `TZ` names no time zone: `why` says what it is instead.
    BadZone {
        typed: String,
        why: ZoneWhy,
    },
    BadNow {
        variable: &'static str,
        typed: String,
    },
    UnknownStatus {
        typed: String,
    },
    /// A reading dated after today.
    AsOfInFuture {
        day: jiff::civil::Date,
        today: jiff::civil::Date,
    },
    /// A date for a reading, but no value.
    AsOfWithoutValue,
    /// An addition dated another day than today.
    AddIsForToday {
        day: jiff::civil::Date,
    },
    /// No direction by this code or name; the plan's are listed.
    UnknownDirection {
        typed: String,
        known: Vec<String>,
    },
    /// An area the plan does not have, with the ones it has.
    UnknownArea {
        typed: String,
        known: Vec<String>,
    },
    /// A deleted note whose milestone or project is gone since.
    NoteOrphaned {
        note: i64,
    },
    /// Undoing an addition would delete what others put under it.
    /// `entity` is the table's name (`project`, `milestone`, `note`).
    AddedUnderSince {
        entity: &'static str,
        id: i64,
        since: i64,
    },
    /// A row pointing at a row that does not exist (an import the
    /// database refused).
    Dangling {
        table: String,
        row: i64,
        parent: String,
    },
    /// A rule the database enforced that validation should have caught.
    RuleBroken {
        detail: String,
    },
}
