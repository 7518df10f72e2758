//! `milestone list` and `milestone set`: the scripted form of the cockpit's
//! milestone keys, through the same validation, version check and history.

use super::commands::{Context, open_seeded};
use super::output;
use super::{Failure, Outcome};
use crate::domain::change::parse_number;
use crate::domain::dates::parse_date;
use crate::domain::progress::value_against_target;
use crate::domain::refusal::Refusal;
use crate::domain::text::for_terminal;
use crate::domain::{Kind, MilestoneChange, ValueChange};
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
}

fn value_text(r: &MilestoneRow, lang: Lang) -> String {
    if r.kind == Kind::YesNo {
        return lang.ui().task_value(r.status).to_owned();
    }
    let value = value_against_target(r.current, r.target, &r.unit);
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
    pub json: bool,
}

pub fn list(ctx: &Context, args: &ListArgs<'_>) -> Outcome {
    let store = open_seeded(ctx, false)?;
    let direction = args
        .direction
        .map(|d| store.find_direction(d))
        .transpose()?;
    let today = ctx.clock.today().to_string();
    let rows = if args.due_within.is_some() || args.undated {
        // The agenda's order: overdue, due soon, then undated.
        let days = args.due_within.unwrap_or(0);
        let a = store.agenda(&today, days, direction, usize::MAX)?;
        let mut rows = Vec::new();
        if args.due_within.is_some() {
            rows.extend(a.overdue);
            rows.extend(a.soon);
        }
        if args.undated {
            rows.extend(a.undated);
        }
        rows
    } else {
        store.milestones(&ListFilter {
            direction,
            overdue_on: args.overdue.then_some(today),
        })?
    };
    let json = args.json;
    if json {
        let out: Vec<JsonRow<'_>> = rows
            .iter()
            .map(|r| JsonRow {
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
            })
            .collect();
        let mut s = serde_json::to_string_pretty(&out)
            .map_err(|e| Failure::Other(ctx.lang.stdout_failed(&e.into())))?;
        s.push('\n');
        return output::stdout(ctx.lang, &s);
    }
    let w = ctx.lang.words();
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|r| {
            [
                r.id.to_string(),
                ctx.lang.status(r.status).to_owned(),
                r.due.clone().unwrap_or_else(|| "—".into()),
                value_text(r, ctx.lang),
                format!(
                    "{} › {} › {}",
                    ctx.lang.name(&r.direction, &r.direction_en),
                    r.project,
                    r.title
                ),
            ]
        })
        .collect();
    let head = [
        w.id,
        w.status,
        w.due,
        w.current,
        &format!("{} › {} › {}", w.direction, w.project, w.milestone),
    ];
    let widths: Vec<usize> = (0..4)
        .map(|i| {
            cells
                .iter()
                .map(|c| width(&c[i]))
                .chain([width(head[i])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |c: [&str; 5]| {
        format!(
            "{}  {}  {}  {}  {}\n",
            pad_left(c[0], widths[0]),
            pad(c[1], widths[1]),
            pad(c[2], widths[2]),
            pad(c[3], widths[3]),
            c[4]
        )
    };
    let mut out = line(head);
    for c in &cells {
        out.push_str(&line([&c[0], &c[1], &c[2], &c[3], &c[4]]));
    }
    output::stdout(ctx.lang, &for_terminal(&out, true))
}

fn change_from(args: SetArgs, lang: Lang) -> Result<MilestoneChange, Failure> {
    let bad = |flag: &str, e: Refusal| Failure::Input(lang.bad_flag(flag, &e));
    let value = match (&args.current, &args.add) {
        (Some(v), _) => Some(ValueChange::Set(
            parse_number(v).map_err(|e| bad("current", e))?,
        )),
        (None, Some(v)) => Some(ValueChange::Add(
            parse_number(v).map_err(|e| bad("add", e))?,
        )),
        (None, None) => None,
    };
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
            .map(parse_date)
            .transpose()
            .map_err(|e| bad("due", e))?,
        note: args.note,
        target: args
            .target
            .as_deref()
            .map(parse_number)
            .transpose()
            .map_err(|e| bad("target", e))?,
        unit: args.unit,
        title: args.title,
        as_of: args
            .as_of
            .as_deref()
            .map(parse_date)
            .transpose()
            .map_err(|e| bad("as-of", e))?,
    })
}

pub fn set(ctx: &Context, id: i64, args: SetArgs) -> Outcome {
    let expected = args.expect_version;
    let change = change_from(args, ctx.lang)?;
    if change.is_empty() {
        return Err(Failure::Input(ctx.lang.nothing_to_set()));
    }
    // A write checks the file first: SQLite accepts writes into a damaged one.
    let mut store = open_seeded(ctx, true)?;
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
