//! `milestone list`: one line per milestone (or a JSON array), each with
//! its one standing, streamed from the store so that 100,000 rows never
//! sit in memory together.

use super::commands::{Context, open_plan};
use super::output;
use super::{Failure, Outcome};
use crate::domain::pace::Light;
use crate::domain::scope::Scope;
use crate::domain::standing::Judging;
use crate::domain::text::for_terminal;
use crate::domain::{Clock, Kind};
use crate::i18n::Lang;
use crate::store::{ListFilter, MilestoneRow};
use crate::ui::width::{pad, pad_left, width};
use serde::Serialize;

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
    due: Option<String>,
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

/// `milestone list`: which milestones, and how.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only this direction (code, Chinese or English name).
    #[arg(long)]
    pub direction: Option<String>,
    /// Only milestones past due and not done or dropped.
    #[arg(long)]
    pub overdue: bool,
    /// The agenda: open work past due or due within N days, overdue
    /// first (0 to 3650).
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(i64).range(0..=3650))]
    pub due_within: Option<i64>,
    /// With the agenda (or alone): open work that has no time limit.
    #[arg(long)]
    pub undated: bool,
    /// Only work this unit or person answers for (part of a 责任单位 or
    /// 责任人; a milestone naming no one answers to its project's).
    #[arg(long, value_name = "WHO")]
    pub owner: Option<String>,
    /// Only items whose one standing shows these lights: red, yellow,
    /// green, grey (no reading or no yearly step yet), off (not judged);
    /// e.g. red,yellow (or 红灯,黄灯).
    #[arg(long, value_name = "LIGHTS")]
    pub light: Option<String>,
    /// Print a JSON array instead, for scripts.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV for Excel/WPS instead (UTF-8 with a byte-order mark):
    /// the list's columns and each item's 进度判断 in words.
    #[arg(long)]
    pub csv: bool,
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

pub fn list(ctx: &Context, args: &ListArgs) -> Outcome {
    let store = open_plan(ctx, false)?;
    let lights: Option<Vec<Light>> = args
        .light
        .as_deref()
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
        .as_deref()
        .map(|d| store.find_direction(d))
        .transpose()?;
    let scope = Scope {
        direction,
        owner: args.owner.clone(),
        ..Scope::default()
    };
    let today = ctx.clock.today();
    // The agenda's order (overdue, due soon, undated) comes from its
    // sections; the plain list is streamed from the store, twice for text
    // (the columns' widths, then the lines): 100,000 rows never sit in
    // memory together.
    let agenda = if args.due_within.is_some() || args.undated {
        let days = args.due_within.unwrap_or(0);
        let a = store.agenda(today, days, &scope, usize::MAX)?;
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
    if args.csv {
        return csv_lines(lang, &said, each);
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
        output::read_failed(read, &mut failed)
    });
    failed.map_or(shown, Err)
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
        r.due
            .as_ref()
            .map_or_else(|| "—".into(), ToString::to_string),
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
        let mut array = output::JsonArray::default();
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
                due: r.due.as_ref().map(ToString::to_string),
                status: r.status.code(),
                version: r.version,
                updated_at: &r.updated_at,
                updated_by: &r.updated_by,
                owner: who.unit,
                lead: who.lead,
                owner_inherited: who.inherited,
                light: standing.light.code(),
                standing: lang.reason(&standing, &r.unit, &r.said, said.clock),
                steps: r.steps.iter().collect(),
            };
            written = array.element(out, &row);
        });
        written?;
        output::read_failed(read, &mut failed)?;
        array.end(out)
    });
    failed.map_or(shown, Err)
}

/// `list --csv`: the text list's columns and the standing's reason, one
/// row per item as read, for a spreadsheet (a text cell that starts like a
/// formula is kept as text).
fn csv_lines(
    lang: Lang,
    said: &Judged<'_>,
    each: impl Fn(&mut dyn FnMut(&MilestoneRow)) -> Result<(), Failure>,
) -> Outcome {
    let w = lang.words();
    let mut failed = None;
    let shown = output::stdout_with(lang, |out| {
        out.write_all(crate::formats::csv::BOM.as_bytes())?;
        let mut sheet = ::csv::Writer::from_writer(out);
        let head = [
            w.id.to_owned(),
            w.status.to_owned(),
            w.light.to_owned(),
            w.due.to_owned(),
            w.current.to_owned(),
            format!("{}/{}", w.owner, w.lead),
            format!("{} › {} › {}", w.direction, w.project, w.milestone),
            lang.ui().standing.to_owned(),
        ];
        sheet.write_record(&head)?;
        let mut written = Ok(());
        let read = each(&mut |r| {
            if written.is_err() {
                return;
            }
            let [id, status, due, value, owner, place, light] = cells(r, lang, said);
            let standing = r.standing(said.on);
            let reason = lang.reason(&standing, &r.unit, &r.said, said.clock);
            let row = [id, status, light, due, value, owner, place, reason]
                .map(|c| crate::formats::csv::text_cell(&for_terminal(&c, false)));
            written = sheet.write_record(&row);
        });
        written?;
        output::read_failed(read, &mut failed)?;
        sheet.flush()
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
