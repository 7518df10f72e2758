//! `plan new`: a plan for a unit and a year, started empty — the 3+5+N frame
//! of the shipped plan, or its directions alone — or from an earlier plan:
//! its frame, and with `--carry-over` every item not finished, marked with
//! where it came from (see `domain::carry`). Written like an import: into a
//! file that does not exist yet, or over a plan with `--replace`.

use super::commands::Context;
use super::plan_place::{earlier_place, open_earlier};
use super::progress::Progress;
use super::replace::replace_plan_with;
use super::{Failure, Outcome, output};
use crate::domain::carry::next_plan;
use crate::domain::plan::PlanHead;
use crate::domain::text::for_terminal;
use crate::domain::validate::prepare;
use crate::store::Location;
use crate::user::unix_user;
use clap::builder::{PathBufValueParser, TypedValueParser};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Frame {
    /// 新城市 · 新产业 · 新生态, the 五大工程 and the 方面, without projects.
    #[value(name = "3+5+N")]
    ThreeFiveN,
    /// The three directions alone, without 工程 and 方面. (A plan of
    /// nothing is not offered: the cockpit adds projects under a direction,
    /// so it would have nowhere to put them; `plan import` brings a plan
    /// with directions of its own.)
    Directions,
}

/// `plan new`: its flags.
#[derive(Debug, clap::Args)]
pub struct PlanNewArgs {
    /// The unit whose plan it is (东城街道, 南城街道), in its title
    /// [default with --from: the earlier plan's]
    #[arg(long)]
    pub unit: Option<String>,
    /// The new plan's year.
    #[arg(long, value_parser = clap::value_parser!(i16).range(2000..=2100))]
    pub year: i16,
    /// The plan's title [default: UNIT + YEAR年发展工作计划]
    #[arg(long)]
    pub title: Option<String>,
    /// The new plan's frame.
    #[arg(long, value_enum, default_value = "3+5+N", conflicts_with = "from")]
    pub frame: Frame,
    /// The earlier plan (a file, or postgres://…) whose frame the new plan
    /// takes; it is only read.
    #[arg(long, value_name = "FILE|URL", value_parser = PathBufValueParser::new().map(Location::from))]
    pub from: Option<Location>,
    /// With --from: carry every item not done and not cancelled, with its
    /// project, owner and last standing, each marked with where it came from.
    #[arg(long, requires = "from")]
    pub carry_over: bool,
    /// Say what the new plan would hold (every item carried); write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Replace a plan the database already holds; a backup is written first.
    #[arg(long)]
    pub replace: bool,
}

pub fn run(ctx: &Context, args: &PlanNewArgs) -> Outcome {
    let lang = ctx.lang;
    let reading = Progress::stage(lang, ctx.ascii, lang.progress_reading_earlier());
    let (mut doc, carried) = match &args.from {
        Some(from) => from_earlier(ctx, args, from)?,
        None => (frame(ctx, args)?, None),
    };
    drop(reading);
    // The frame or the earlier plan, checked like any plan coming in.
    prepare(&mut doc, &ctx.clock.now_text(), &unix_user()).map_err(|problems| {
        Failure::Other(
            problems
                .iter()
                .map(|p| lang.problem(p))
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    if args.dry_run {
        let mut text =
            lang.plan_new_would_hold(&doc.plan.title, doc.directions.len(), doc.projects.len());
        if let Some(c) = &carried {
            text.push_str(&format!(
                "\n{}",
                lang.carried_count(c.items.len(), c.left_done, c.left_dropped)
            ));
            for (project, title, id) in &c.items {
                text.push_str(&format!("\n  #{id}  {project} › {title}"));
            }
        }
        return output::stdout(lang, &for_terminal(&format!("{text}\n"), true));
    }
    let label = doc.plan.title.clone();
    let mut msg = replace_plan_with(ctx, doc.into_pieces().map(Ok), &label, args.replace)?;
    if let Some(c) = &carried {
        msg.push_str(&format!(
            "{}\n",
            lang.carried_count(c.items.len(), c.left_done, c.left_dropped)
        ));
    }
    output::stdout(lang, &for_terminal(&msg, true))
}

/// The shipped plan's frame under the unit's title and year.
fn frame(ctx: &Context, args: &PlanNewArgs) -> Result<crate::domain::PlanDoc, Failure> {
    let lang = ctx.lang;
    let unit = args.unit.as_deref().unwrap_or("").trim();
    if unit.is_empty() {
        return Err(Failure::Input(lang.plan_needs_unit()));
    }
    let mut doc = crate::seed::plan_2023(&ctx.clock.now_text(), &unix_user());
    doc.projects.clear();
    // The 2023 plan's words for each group are Dongcheng's: not carried.
    for g in doc.directions.iter_mut().chain(doc.areas.iter_mut()) {
        g.description.clear();
    }
    for p in &mut doc.programs {
        p.description.clear();
    }
    if args.frame == Frame::Directions {
        doc.programs.clear();
        doc.areas.clear();
    }
    doc.plan.title = args
        .title
        .clone()
        .unwrap_or_else(|| lang.plan_title_of(unit, args.year));
    doc.plan.year = i32::from(args.year);
    doc.plan.unit = unit.to_owned();
    doc.plan.description = String::new();
    doc.plan.source = String::new();
    Ok(doc)
}

/// The earlier plan at `from`, read in one snapshot, made next year's.
fn from_earlier(
    ctx: &Context,
    args: &PlanNewArgs,
    from: &Location,
) -> Result<
    (
        crate::domain::PlanDoc,
        Option<crate::domain::carry::Carried>,
    ),
    Failure,
> {
    let lang = ctx.lang;
    let from = &earlier_place(ctx, from, args.unit.as_deref())?;
    // On a server the two are told apart by year: the earlier must be earlier.
    let same = match (from.file(), ctx.db.file()) {
        (Some(a), Some(b)) => {
            a == b
                || std::fs::canonicalize(a)
                    .ok()
                    .is_some_and(|a| std::fs::canonicalize(b).ok() == Some(a))
        }
        _ => false,
    };
    if same {
        return Err(Failure::Input(lang.carry_onto_itself(&from.name())));
    }
    let source = open_earlier(ctx, from)?;
    // Streamed, a project at a time, without what stays behind (readings,
    // notes): a large plan's million notes are never held at once.
    let mut earlier = source.plan_head()?;
    let mut stream = source.projects_in_order()?;
    while let Some(mut p) = stream.next_project()? {
        p.notes.clear();
        for m in &mut p.milestones {
            m.readings.clear();
            m.notes.clear();
        }
        earlier.projects.push(p);
    }
    drop(stream);
    let origin = source
        .plans()?
        .first()
        .map(|p| p.identity.clone())
        .unwrap_or_default();
    if i32::from(args.year) <= earlier.plan.year {
        return Err(Failure::Input(
            lang.carry_not_later(args.year, earlier.plan.year),
        ));
    }
    let unit = args
        .unit
        .clone()
        .unwrap_or_else(|| earlier.plan.unit.clone());
    let unit = unit.trim().to_owned();
    let head = PlanHead {
        title: args
            .title
            .clone()
            .unwrap_or_else(|| lang.plan_title_of(&unit, args.year)),
        year: args.year,
        unit,
    };
    let mut carried = next_plan(&earlier, &origin, &head, args.carry_over);
    drop(earlier);
    // The projects moved out, the rest (a few rows) copied: a large plan is
    // not held twice.
    let projects = std::mem::take(&mut carried.doc.projects);
    let mut doc = carried.doc.clone();
    doc.projects = projects;
    Ok((doc, args.carry_over.then_some(carried)))
}
