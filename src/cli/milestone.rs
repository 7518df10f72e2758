//! `milestone set` and `project set`: the scripted form of the cockpit's
//! edit keys, through the same validation, version check and history.
//! (`milestone list` is `milestone_list`.)

use super::commands::{Context, open_plan};
use super::output;
use super::{Failure, Outcome};
use crate::domain::change::parse_number;
use crate::domain::lens::typed_areas;
use crate::domain::refusal::Refusal;
use crate::domain::text::for_terminal;
use crate::domain::typed_forms::{parse_amount, parse_day};
use crate::domain::validate::typed_owner;
use crate::domain::yearly::parse_step_with;
use crate::domain::{MilestoneChange, ValueChange};
use crate::i18n::Lang;

/// `milestone set ID`: what to change.
#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// The milestone's id (from `milestone list`).
    pub id: i64,
    /// The new current value.
    #[arg(
        long,
        allow_hyphen_values = true,
        conflicts_with = "add",
        value_name = "N"
    )]
    pub current: Option<String>,
    /// Add to the current value (safe when several planners add at once).
    #[arg(long, allow_hyphen_values = true, value_name = "N")]
    pub add: Option<String>,
    /// The day the value was true (a figure entered late) [default: today].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// planned, active, at_risk, blocked, done, dropped (or 计划中, 进行中, 有风险, 受阻, 已完成, 已取消).
    #[arg(long, value_name = "S")]
    pub status: Option<String>,
    /// Due date, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub due: Option<String>,
    /// Add a note.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Refuse if the milestone is no longer at this version (from `list --json`).
    #[arg(long, value_name = "V")]
    pub expect_version: Option<i64>,
    /// A new target value.
    #[arg(long, allow_hyphen_values = true, value_name = "N")]
    pub target: Option<String>,
    /// A new unit (家, 亿元, 个, %...).
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// A new title.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// 责任单位/责任人, e.g. "经发局/张三"; "" to answer to the project's.
    #[arg(long, value_name = "UNIT/LEAD")]
    pub owner: Option<String>,
    /// How much it counts in its project's progress (default 1; above 0, at most 1000).
    #[arg(long, allow_hyphen_values = true, value_name = "W")]
    pub weight: Option<String>,
    /// 年初基数: where completion counts from this year (default 0).
    #[arg(long, allow_hyphen_values = true, value_name = "N")]
    pub base: Option<String>,
    /// A yearly step of a target running past the plan year (分年度目标),
    /// e.g. 2023=560; "2023=" removes it. May be given for several years.
    #[arg(long = "step", value_name = "YEAR=N")]
    pub steps: Vec<String>,
    /// The city's shared indicator (指标) it counts towards, e.g.
    /// 国家级高新技术企业数; "" unlinks it. `plan indicators` sums each
    /// across the store's plans.
    #[arg(long, value_name = "NAME")]
    pub indicator: Option<String>,
}

/// `project set ID`: its owner or areas.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).multiple(true).args(["owner", "areas"])))]
pub struct ProjectSetArgs {
    /// The project's id.
    pub id: i64,
    /// 责任单位/责任人, e.g. "经发局/张三"; "" to name no one.
    #[arg(long, value_name = "UNIT/LEAD")]
    pub owner: Option<String>,
    /// The areas it serves, e.g. "就业、教育" (names or codes); "" for none.
    #[arg(long, value_name = "AREAS")]
    pub areas: Option<String>,
    /// Refuse if the project is no longer at this version.
    #[arg(long, value_name = "V")]
    pub expect_version: Option<i64>,
}

/// The change the flags ask for. Amounts are read in the milestone's unit
/// (`1.5万`, `5000万` for a target in 亿元), days in any of the forms a
/// planner writes (`2025年6月30日`, `6月30日` in the plan year, `2025Q3`).
fn change_from(
    args: SetArgs,
    lang: Lang,
    unit: &str,
    plan_year: i16,
) -> Result<MilestoneChange, Failure> {
    let bad = |flag: &str, e: Refusal| Failure::Input(lang.bad_flag(flag, &e));
    let amount = |v: &str| parse_amount(v, unit);
    let day = |d: &str| parse_day(d, plan_year);
    let value = match (&args.current, &args.add) {
        (Some(v), _) => Some(ValueChange::Set(amount(v).map_err(|e| bad("current", e))?)),
        (None, Some(v)) => Some(ValueChange::Add(amount(v).map_err(|e| bad("add", e))?)),
        (None, None) => None,
    };
    let target_unit = args.unit.clone().unwrap_or_else(|| unit.to_owned());
    let target_unit = target_unit.as_str();
    Ok(MilestoneChange {
        indicator: args.indicator.clone(),
        value,
        status: args
            .status
            .as_deref()
            .map(str::parse)
            .transpose()
            .map_err(|e| bad("status", e))?,
        due: args
            .due
            .as_deref()
            .map(day)
            .transpose()
            .map_err(|e| bad("due", e))?,
        note: args.note,
        target: args
            .target
            .as_deref()
            .map(|t| parse_amount(t, target_unit))
            .transpose()
            .map_err(|e| bad("target", e))?,
        unit: args.unit,
        title: args.title,
        owner: args
            .owner
            .as_deref()
            .map(typed_owner)
            .transpose()
            .map_err(|e| bad("owner", e))?,
        weight: args
            .weight
            .as_deref()
            .map(parse_number)
            .transpose()
            .map_err(|e| bad("weight", e))?,
        as_of: args
            .as_of
            .as_deref()
            .map(day)
            .transpose()
            .map_err(|e| bad("as-of", e))?,
        baseline: args
            .base
            .as_deref()
            .map(|b| parse_amount(b, target_unit))
            .transpose()
            .map_err(|e| bad("base", e))?,
        steps: args
            .steps
            .iter()
            .map(|s| parse_step_with(s, |v| parse_amount(v, target_unit)))
            .collect::<Result<_, _>>()
            .map_err(|e| bad("step", e))?,
    })
}

pub fn set(ctx: &Context, args: SetArgs) -> Outcome {
    let (id, expected) = (args.id, args.expect_version);
    // A write checks the file first: SQLite accepts writes into a damaged one.
    let mut store = open_plan(ctx, true)?;
    // Amounts are read in its unit, days in its plan's year.
    let unit = store.milestone(id)?.unit;
    let plan_year = store.plan_year().unwrap_or(2023);
    let change = change_from(args, ctx.lang, &unit, plan_year)?;
    if change.is_empty() {
        return Err(Failure::Input(ctx.lang.nothing_to_set()));
    }
    let saved = store.update_milestone(id, expected, change, "cli")?;
    let lang = ctx.lang;
    let mut msg = format!(
        "{}\n",
        lang.saved_milestone(saved.id, &saved.title, saved.version)
    );
    for (field, old, new) in &saved.changes {
        let change = lang.change(field, old.as_deref(), new.as_deref());
        msg.push_str(&format!("  {change}\n"));
    }
    output::stdout(lang, &for_terminal(&msg, true))
}

/// `project set ID --owner "经发局/张三" --areas "就业、教育"`: each a
/// version-checked write of its own, with its history.
pub fn set_project(ctx: &Context, args: &ProjectSetArgs) -> Outcome {
    let lang = ctx.lang;
    let (id, expected) = (args.id, args.expect_version);
    let (owner, areas) = (args.owner.as_deref(), args.areas.as_deref());
    let owner = owner
        .map(typed_owner)
        .transpose()
        .map_err(|e| Failure::Input(lang.bad_flag("owner", &e)))?;
    let mut store = open_plan(ctx, true)?;
    let areas = match areas {
        Some(text) => Some(
            typed_areas(text, &store.areas()?)
                .map_err(|e| Failure::Input(lang.bad_flag("areas", &e)))?,
        ),
        None => None,
    };
    let project = store.project(id)?;
    let mut version = expected.unwrap_or(project.version);
    let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let mut lines = String::new();
    if let Some((unit, lead)) = owner {
        let ((old_unit, old_lead), now) = store.set_project_owner(id, version, &unit, &lead)?;
        version = now;
        for (field, old, new) in [("owner", &old_unit, &unit), ("lead", &old_lead, &lead)] {
            if old != new {
                let change = lang.change(field, some(old).as_deref(), some(new).as_deref());
                lines.push_str(&format!("  {change}\n"));
            }
        }
    }
    if let Some(ids) = areas {
        let known = store.areas()?;
        let names = |ids: &[i64]| {
            ids.iter()
                .filter_map(|i| known.iter().find(|a| a.0 == *i).map(|a| a.2.clone()))
                .collect::<Vec<_>>()
                .join("、")
        };
        let (old, now) = store.set_project_areas(id, version, &ids)?;
        version = now;
        if old != ids {
            let (was, is) = (names(&old), names(&ids));
            let change = lang.change("areas", some(&was).as_deref(), some(&is).as_deref());
            lines.push_str(&format!("  {change}\n"));
        }
    }
    let msg = format!(
        "{}\n{lines}",
        lang.saved_project(id, &project.name, version)
    );
    output::stdout(lang, &for_terminal(&msg, true))
}
