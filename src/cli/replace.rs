//! Writing a whole plan (an import, a generated plan) into the database:
//! over the plan there, after a backup, or into a file that does not exist
//! yet, which only appears under its name once the plan is complete.

use super::commands::{Context, open_bare_at, over_the_plan};
use super::new_file::into_new_file;
use super::progress::Progress;
use super::{Failure, Outcome, output};
use crate::domain::piece::{Abandoned, Piece};
use crate::domain::text::for_terminal;
use crate::i18n::Lang;
use crate::store;

/// `generate`: the plan's size and seed.
#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// 1 to 1,000,000.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub projects: u64,
    /// 0 to 10,000,000.
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(0..=10_000_000))]
    pub milestones: u64,
    /// 0 to 100,000,000.
    #[arg(long, default_value_t = 5000, value_parser = clap::value_parser!(u64).range(0..=100_000_000))]
    pub notes: u64,
    /// Readings over time, 0 to 100,000,000 [default: three per numeric milestone]
    #[arg(long, value_parser = clap::value_parser!(u64).range(0..=100_000_000))]
    pub readings: Option<u64>,
    /// The random seed: the same seed gives the same plan.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Replace a plan the database already holds; a backup is written first.
    #[arg(long)]
    pub replace: bool,
    /// A city: this many units' plans (Dongguan's towns and subdistricts by
    /// name, then 单位33…), each of the size asked, into a store of many
    /// plans (a folder, or a server).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=500))]
    pub units: Option<u16>,
    /// With --units: each unit's plans of this many years, from 2023.
    #[arg(long, requires = "units", value_parser = clap::value_parser!(u16).range(1..=20))]
    pub years: Option<u16>,
}

/// Writes the pieces of a plan as the database's plan: refuses to replace
/// an existing plan unless `replace`, and then writes a backup first. A
/// failed write (a refused file included) leaves nothing behind: the
/// database as it was, and no backup or new file.
pub(super) fn replace_plan_with(
    ctx: &Context,
    pieces: impl Iterator<Item = Result<Piece, Abandoned>>,
    label: &str,
    replace: bool,
) -> Result<String, Failure> {
    let lang = ctx.lang;
    let writing = lang.progress_writing(&lang.progress_plan());
    let pieces = Progress::counting(
        lang,
        ctx.ascii,
        writing.clone(),
        Lang::progress_projects,
        None,
    )
    .through(pieces, projects, lang.progress_finishing());
    match &ctx.db {
        store::Location::Server(db) => {
            return super::onto_server::onto_server(ctx, db, pieces, label, replace);
        }
        store::Location::File(dir) if store::is_plan_folder(dir) => {
            return super::onto_folder::onto_folder(ctx, dir, pieces, label, replace);
        }
        store::Location::File(_) => {}
    }
    if std::fs::symlink_metadata(ctx.db.path()).is_err() {
        return new_plan_with(ctx, pieces, label);
    }
    let store = open_bare_at(ctx, ctx.db.path())?;
    if replace {
        pieces.say(lang.progress_backing_up());
    }
    let (counts, backup) = over_the_plan(ctx, store, replace, "--replace", |store| {
        pieces.say(writing);
        Ok(store.replace_plan_from(pieces, label)?)
    })?;
    let mut msg = format!("{}\n", ctx.lang.wrote_plan(label, ctx.db.path(), &counts));
    if let Some(b) = backup {
        msg.push_str(&format!("{}\n", ctx.lang.previous_saved(&b)));
    }
    Ok(msg)
}

/// What a plan's progress line counts: its projects.
fn projects(piece: &Result<Piece, Abandoned>) -> u64 {
    u64::from(matches!(piece, Ok(Piece::Project(_))))
}

/// `generate`: a plan of the size asked, from `seed`.
pub fn run(ctx: &Context, args: &GenerateArgs) -> Outcome {
    // Range-checked by clap, so they fit.
    let size = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    let (projects, milestones, notes) =
        (size(args.projects), size(args.milestones), size(args.notes));
    let readings = args
        .readings
        .map_or(milestones / 10 * 21 + (milestones % 10).min(7) * 3, size);
    let plan_size = crate::generate::Size {
        projects,
        milestones,
        notes,
        readings,
    };
    match args.units {
        Some(units) => city(
            ctx,
            &plan_size,
            args.seed,
            units,
            args.years.unwrap_or(1),
            args.replace,
        ),
        None => generate(ctx, &plan_size, args.seed, args.replace),
    }
}

/// `generate --units N --years M`: a city's plans, one per unit and year,
/// into a folder of plans or onto a server (a lone file holds one plan).
fn city(
    ctx: &Context,
    size: &crate::generate::Size,
    seed: u64,
    units: u16,
    years: u16,
    replace: bool,
) -> Outcome {
    let many = ctx.db.is_server() || ctx.db.file().is_some_and(store::is_plan_folder);
    if !many {
        return Err(Failure::Input(ctx.lang.city_needs_a_store(ctx.db.path())));
    }
    let started = std::time::Instant::now();
    let mut msg = String::new();
    for u in 0..units {
        for y in 0..years {
            let year = 2023 + i32::from(y);
            let unit = crate::generate::unit_name(usize::from(u));
            let mut doc = crate::generate::plan(size, seed + u64::from(u) * 100 + u64::from(y));
            doc.plan.title = ctx
                .lang
                .plan_title_of(&unit, i16::try_from(year).unwrap_or(2023));
            doc.plan.year = year;
            doc.plan.unit = unit;
            let label = ctx.lang.generated_plan(seed);
            msg.push_str(&replace_plan_with(
                ctx,
                doc.into_pieces().map(Ok),
                &label,
                replace,
            )?);
        }
    }
    let took = ctx.lang.took(started.elapsed().as_secs_f64());
    output::stdout(ctx.lang, &for_terminal(&format!("{msg}{took}\n"), true))
}

pub fn generate(ctx: &Context, size: &crate::generate::Size, seed: u64, replace: bool) -> Outcome {
    let started = std::time::Instant::now();
    let doc = crate::generate::plan(size, seed);
    let label = ctx.lang.generated_plan(seed);
    let msg = replace_plan_with(ctx, doc.into_pieces().map(Ok), &label, replace)?;
    let took = ctx.lang.took(started.elapsed().as_secs_f64());
    output::stdout(ctx.lang, &for_terminal(&format!("{msg}{took}\n"), true))
}

/// Into a database that does not exist yet. The plan is written under a
/// hidden name beside it and renamed into place once committed: an import
/// killed half-way (Ctrl-C, a closed SSH session) then leaves no file under
/// the plan's name, which the next command would have taken for an empty
/// plan and filled with the 2023 plan. The rename never overwrites: a plan
/// another planner created meanwhile is kept, and said.
fn new_plan_with(
    ctx: &Context,
    pieces: impl Iterator<Item = Result<Piece, Abandoned>>,
    label: &str,
) -> Result<String, Failure> {
    let counts = into_new_file(ctx, ctx.db.path(), |store| {
        Ok(store.replace_plan_from(pieces, label)?)
    })?;
    Ok(format!(
        "{}\n",
        ctx.lang.wrote_plan(label, ctx.db.path(), &counts)
    ))
}

/// `init` into a folder of plans or onto a server: the shipped 2023 plan
/// under its unit and year.
pub(super) fn init_in_store(ctx: &Context, force: bool) -> super::Outcome {
    let label = ctx.lang.embedded_plan();
    let seed = crate::seed::plan_2023(&ctx.clock.now_text(), &crate::user::unix_user());
    let msg = replace_plan_with(ctx, seed.into_pieces().map(Ok), &label, force)?;
    super::output::stdout(ctx.lang, &crate::domain::text::for_terminal(&msg, true))
}
