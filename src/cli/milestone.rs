//! `milestone set` and `project set`: the scripted form of the cockpit's
//! edit keys, through the same validation, version check and history.
//! (`milestone list` is `milestone_list`.)

use super::commands::{Context, open_seeded};
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

pub struct SetArgs {
    pub current: Option<String>,
    pub add: Option<String>,
    pub as_of: Option<String>,
    pub status: Option<String>,
    pub due: Option<String>,
    pub note: Option<String>,
    pub expect_version: Option<i64>,
    pub target: Option<String>,
    pub unit: Option<String>,
    pub title: Option<String>,
    pub owner: Option<String>,
    pub weight: Option<String>,
    pub base: Option<String>,
    pub steps: Vec<String>,
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

pub fn set(ctx: &Context, id: i64, args: SetArgs) -> Outcome {
    let expected = args.expect_version;
    // A write checks the file first: SQLite accepts writes into a damaged one.
    let mut store = open_seeded(ctx, true)?;
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
pub fn set_project(
    ctx: &Context,
    id: i64,
    owner: Option<&str>,
    areas: Option<&str>,
    expected: Option<i64>,
) -> Outcome {
    let lang = ctx.lang;
    let owner = owner
        .map(typed_owner)
        .transpose()
        .map_err(|e| Failure::Input(lang.bad_flag("owner", &e)))?;
    let mut store = open_seeded(ctx, true)?;
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
