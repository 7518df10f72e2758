//! `milestone list` and `milestone set`: the scripted form of the cockpit's
//! milestone keys, through the same validation, version check and history.

use super::commands::{Context, open_seeded};
use super::output;
use super::{Failure, Outcome};
use crate::domain::change::parse_number;
use crate::domain::lens::typed_areas;
use crate::domain::pace::Light;
use crate::domain::refusal::Refusal;
use crate::domain::scope::Scope;
use crate::domain::standing::Judging;
use crate::domain::text::for_terminal;
use crate::domain::typed_forms::{parse_amount, parse_day};
use crate::domain::validate::typed_owner;
use crate::domain::yearly::parse_step_with;
use crate::domain::{Clock, Kind, MilestoneChange, ValueChange};
use crate::i18n::Lang;
use crate::store::{ListFilter, MilestoneRow};
use crate::ui::width::{pad, pad_left, width};
use serde::Serialize;

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

/// The stable shape scripts read from `list --json`.
#[derive(Serialize)]
struct JsonRow<'a> {
    id: i64,
    direction: &'a str,
    program: Option<&'a str>,
    project: &'a str,
    title: &'a str,
    kind: &'static str,
    unit: &'a str,
    baseline: Option<f64>,
    current: Option<f64>,
    target: Option<f64>,
    progress: Option<u8>,
    due: Option<&'a str>,
    status: &'static str,
    version: i64,
    updated_at: &'a str,
    updated_by: &'a str,
    /// 责任单位 and 责任人 the milestone answers to, and whether they are
    /// its project's (it names no one of its own).
    owner: String,
    lead: String,
    owner_inherited: bool,
    /// The one standing every view shows: `red`, `yellow`, `green`,
    /// `grey` (no reading or no yearly step yet) or `off` (not judged),
    /// and its reason in words.
    light: &'static str,
    standing: String,
    /// 分年度目标, by year.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    steps: std::collections::BTreeMap<i16, f64>,
}

fn value_text(r: &MilestoneRow, lang: Lang) -> String {
    if r.kind == Kind::YesNo {
        return lang.ui().task_value(r.status).to_owned();
    }
    let value = lang.value_against_target(r.current, r.target, &r.unit);
    match r.measure().percent() {
        Some(p) if r.target.is_some() => format!("{value} {p}%"),
        _ => value,
    }
}

pub struct ListArgs<'a> {
    pub direction: Option<&'a str>,
    pub overdue: bool,
    pub due_within: Option<i64>,
    pub undated: bool,
    pub owner: Option<&'a str>,
    /// Only these lights (`red,yellow`, or 红灯、黄灯).
    pub light: Option<&'a str>,
    pub json: bool,
}

/// A light as `--light` names it, in either language.
fn light_named(typed: &str) -> Option<Light> {
    match typed.trim().to_lowercase().as_str() {
        "red" | "红" | "红灯" => Some(Light::Red),
        "yellow" | "黄" | "黄灯" => Some(Light::Yellow),
        "green" | "绿" | "绿灯" => Some(Light::Green),
        "grey" | "gray" | "灰" | "暂无" => Some(Light::Grey),
        "off" | "不评价" => Some(Light::Off),
        _ => None,
    }
}

/// The code a script reads for a light.
fn light_code(light: Light) -> &'static str {
    match light {
        Light::Red => "red",
        Light::Yellow => "yellow",
        Light::Green => "green",
        Light::Grey => "grey",
        Light::Off => "off",
    }
}

pub fn list(ctx: &Context, args: &ListArgs<'_>) -> Outcome {
    let store = open_seeded(ctx, false)?;
    let lights: Option<Vec<Light>> = args
        .light
        .map(|typed| {
            typed
                .split([',', '，', '、', ' '])
                .filter(|t| !t.trim().is_empty())
                .map(|t| light_named(t).ok_or_else(|| t.trim().to_owned()))
                .collect::<Result<Vec<_>, _>>()
        })
        .transpose()
        .map_err(|bad| Failure::Input(ctx.lang.bad_light(&bad)))?;
    let on = Judging {
        today: ctx.clock.today(),
        year: store.plan_year().unwrap_or(2023),
    };
    let direction = args
        .direction
        .map(|d| store.find_direction(d))
        .transpose()?;
    let scope = Scope {
        direction,
        owner: args.owner.map(str::to_owned),
        ..Scope::default()
    };
    let today = ctx.clock.today().to_string();
    // The agenda's order (overdue, due soon, undated) comes from its
    // sections; the plain list is streamed from the store, twice for text
    // (the columns' widths, then the lines): 100,000 rows never sit in
    // memory together.
    let agenda = if args.due_within.is_some() || args.undated {
        let days = args.due_within.unwrap_or(0);
        let a = store.agenda(&today, days, &scope, usize::MAX)?;
        let mut rows = Vec::new();
        if args.due_within.is_some() {
            rows.extend(a.overdue);
            rows.extend(a.soon);
        }
        if args.undated {
            rows.extend(a.undated);
        }
        Some(rows)
    } else {
        None
    };
    let filter = ListFilter {
        scope,
        overdue_on: args.overdue.then_some(today),
    };
    let wanted = |r: &MilestoneRow| {
        lights
            .as_ref()
            .is_none_or(|l| l.contains(&r.standing(on).light))
    };
    let each = |f: &mut dyn FnMut(&MilestoneRow)| -> Result<(), Failure> {
        let mut g = |r: &MilestoneRow| {
            if wanted(r) {
                f(r);
            }
        };
        match &agenda {
            Some(rows) => rows.iter().for_each(&mut g),
            None => store.each_milestone(&filter, |r| g(&r))?,
        }
        Ok(())
    };
    let lang = ctx.lang;
    let said = Judged {
        on,
        clock: &ctx.clock,
    };
    if args.json {
        return json_lines(lang, &said, each);
    }
    let w = lang.words();
    let owner_head = format!("{}/{}", w.owner, w.lead);
    let head = [
        w.id.to_owned(),
        w.status.to_owned(),
        w.due.to_owned(),
        w.current.to_owned(),
        owner_head,
        format!("{} › {} › {}", w.direction, w.project, w.milestone),
        w.light.to_owned(),
    ];
    // First pass: the widths, and whether anyone is named (the owner
    // column is there only then, so a plan without owners lists as before).
    let mut widths: Vec<usize> = head.iter().take(5).map(|h| width(h)).collect();
    widths.push(0);
    widths.push(width(&head[6]));
    let mut owners = false;
    each(&mut |r| {
        let c = cells(r, lang, &said);
        for (i, w) in widths.iter_mut().enumerate() {
            *w = (*w).max(width(&c[i]));
        }
        owners |= !r.responsible().is_empty();
    })?;
    let line = |c: &[String; 7]| {
        let owner = if owners {
            format!("{}  ", pad(&c[4], widths[4]))
        } else {
            String::new()
        };
        format!(
            "{}  {}  {}  {}  {}  {owner}{}\n",
            pad_left(&c[0], widths[0]),
            pad(&c[1], widths[1]),
            pad(&c[6], widths[6]),
            pad(&c[2], widths[2]),
            pad(&c[3], widths[3]),
            c[5]
        )
    };
    // Second pass: the lines, as they are read.
    let mut failed = None;
    let shown = output::stdout_with(lang, |out| {
        out.write_all(for_terminal(&line(&head), true).as_bytes())?;
        let mut written = Ok(());
        let read = each(&mut |r| {
            if written.is_ok() {
                written =
                    out.write_all(for_terminal(&line(&cells(r, lang, &said)), true).as_bytes());
            }
        });
        written?;
        read_failed(read, &mut failed)
    });
    failed.map_or(shown, Err)
}

/// A read of the plan that failed half-way stops the output; the caller
/// then says the store's own error, not a failed write.
fn read_failed(read: Result<(), Failure>, failed: &mut Option<Failure>) -> std::io::Result<()> {
    read.map_err(|e| {
        *failed = Some(e);
        std::io::Error::other("reading the plan failed")
    })
}

/// The day the list judges on, and the clock that says when a status
/// was set.
struct Judged<'a> {
    on: Judging,
    clock: &'a Clock,
}

/// A row's seven cells: id, status, time limit, value, owner, place, light.
fn cells(r: &MilestoneRow, lang: Lang, said: &Judged<'_>) -> [String; 7] {
    let light = r.standing(said.on).light;
    [
        r.id.to_string(),
        lang.status(r.status).to_owned(),
        r.due.clone().unwrap_or_else(|| "—".into()),
        value_text(r, lang),
        owner_text(r),
        format!(
            "{} › {} › {}",
            lang.name(&r.direction, &r.direction_en),
            r.project,
            r.title
        ),
        match light {
            Light::Off => "—".to_owned(),
            l => lang.light(l).to_owned(),
        },
    ]
}

/// `list --json`: the array a whole-list `to_string_pretty` would give,
/// byte for byte, written an element at a time.
fn json_lines(
    lang: Lang,
    said: &Judged<'_>,
    each: impl Fn(&mut dyn FnMut(&MilestoneRow)) -> Result<(), Failure>,
) -> Outcome {
    let mut failed = None;
    let shown = output::stdout_with(lang, |out| {
        let mut first = true;
        let mut written = Ok(());
        let read = each(&mut |r| {
            if written.is_err() {
                return;
            }
            let who = r.responsible();
            let standing = r.standing(said.on);
            let row = JsonRow {
                id: r.id,
                direction: &r.direction,
                program: r.program.as_deref(),
                project: &r.project,
                title: &r.title,
                kind: r.kind.code(),
                unit: &r.unit,
                baseline: r.baseline,
                current: r.current,
                target: r.target,
                progress: r.measure().percent(),
                due: r.due.as_deref(),
                status: r.status.code(),
                version: r.version,
                updated_at: &r.updated_at,
                updated_by: &r.updated_by,
                owner: who.unit,
                lead: who.lead,
                owner_inherited: who.inherited,
                light: light_code(standing.light),
                standing: lang.reason(&standing, &r.unit, &r.said, said.clock),
                steps: r.steps.iter().collect(),
            };
            // serde_json never breaks a line inside a string (it escapes
            // them), so indenting each line nests the element exactly.
            let text = crate::formats::json::terminal_safe(
                serde_json::to_string_pretty(&row).unwrap_or_default(),
            );
            let mut chunk = String::from(if first { "[\n" } else { ",\n" });
            first = false;
            for (i, l) in text.lines().enumerate() {
                if i > 0 {
                    chunk.push('\n');
                }
                chunk.push_str("  ");
                chunk.push_str(l);
            }
            written = out.write_all(chunk.as_bytes());
        });
        written?;
        read_failed(read, &mut failed)?;
        out.write_all(if first { b"[]\n" } else { b"\n]\n" })
    });
    failed.map_or(shown, Err)
}

/// `经发局/张三`, `经发局`, `—` when no one is named.
fn owner_text(r: &MilestoneRow) -> String {
    let who = r.responsible();
    match (who.unit.is_empty(), who.lead.is_empty()) {
        (true, true) => "—".to_owned(),
        (false, true) => who.unit,
        (true, false) => format!("/{}", who.lead),
        (false, false) => format!("{}/{}", who.unit, who.lead),
    }
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
