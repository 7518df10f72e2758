//! The `plan` commands. `plan template` and `plan import`: a new plan
//! without JSON. The template is the 台账 an office fills in (see
//! `domain::ledger`); the filled one becomes the plan of the database named
//! by `--db`, as an import would: into a file that does not exist yet, or
//! over a plan with `--replace` (after a backup). Every problem is named by
//! its sheet and cell, and a refusal changes nothing. `plan list` and `plan
//! show` say which plan the database holds; `plan new` is `plan_new.rs`.

use super::commands::{Context, open_plan};
use super::import_values::read_sheet;
use super::progress::Progress;
use super::replace::replace_plan_with;
use super::{Failure, Outcome, output};
use crate::domain::ledger_build;
use crate::domain::plan::PlanHead;
use crate::domain::text::for_terminal;
use crate::domain::validate::prepare;
use crate::formats::ledger as sheet;
use crate::i18n::Lang;
use crate::store::{self, Location};
use crate::user::unix_user;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Subcommand)]
pub enum PlanCommand {
    /// Write the empty 台账 template an office fills in: its columns, an
    /// example row, and (in the workbook) what each column takes.
    Template(TemplateArgs),
    /// Make the database's plan from a filled-in 台账 (xlsx or CSV).
    Import(PlanImportArgs),
    /// The plans the database holds: unit, year, title (one per file today).
    List {
        /// Print a JSON array instead, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// The plan: its unit, year, title, identity, when it was put in, and
    /// how much it holds.
    Show {
        /// Print a JSON object instead, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Start a plan for a unit and a year: the 3+5+N frame (the three
    /// directions, five 工程 and the 方面 of the 2023 plan), the directions
    /// alone, or the frame of an earlier plan with its unfinished items
    /// carried over (`--from PLAN.db --carry-over`).
    New(super::plan_new::PlanNewArgs),
    /// The city's shared indicators (指标) summed across the store's plans,
    /// year by year: each unit's linked targets and values, and the total.
    Indicators {
        /// Only this year.
        #[arg(long, value_parser = clap::value_parser!(i16).range(2000..=2100))]
        year: Option<i16>,
        /// Print a JSON array instead, for scripts.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum TemplateFormat {
    Xlsx,
    Csv,
}

/// `plan template`: its flags.
#[derive(Debug, clap::Args)]
pub struct TemplateArgs {
    /// The template's format.
    #[arg(long, value_enum, default_value = "xlsx")]
    pub format: TemplateFormat,
    /// Where to write it [default: 台账模板.xlsx (or .csv) in this folder,
    /// never over a file that is there]
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `plan import FILE`: its flags.
#[derive(Debug, clap::Args)]
pub struct PlanImportArgs {
    /// The filled-in 台账: a workbook (.xlsx) or a CSV file (UTF-8).
    pub file: PathBuf,
    /// The plan's year: a time limit such as 年底 or 6月30日 falls in it.
    #[arg(long, value_parser = clap::value_parser!(i16).range(2000..=2100))]
    pub year: i16,
    /// The unit whose plan it is (东城街道, 南城街道), in its title.
    #[arg(long)]
    pub unit: Option<String>,
    /// The plan's title [default: UNIT + YEAR年发展工作计划]
    #[arg(long)]
    pub title: Option<String>,
    /// Replace a plan the database already holds; a backup is written first.
    #[arg(long)]
    pub replace: bool,
    /// Check the 台账 and say what the plan would hold; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Context, command: &PlanCommand) -> Outcome {
    match command {
        PlanCommand::Template(a) => template(ctx.lang, a, Some(&ctx.db)),
        PlanCommand::Import(a) => import(ctx, a),
        PlanCommand::New(a) => super::plan_new::run(ctx, a),
        PlanCommand::List { json } => list(ctx, *json),
        PlanCommand::Show { json } => show(ctx, *json),
        PlanCommand::Indicators { year, json } => {
            super::plan_indicators::run(ctx, year.map(i64::from), *json)
        }
    }
}

/// The template, written without opening any plan; `db`, the plan's place,
/// is never written over.
pub fn template(lang: Lang, args: &TemplateArgs, db: Option<&Location>) -> Outcome {
    let (bytes, extension) = match args.format {
        TemplateFormat::Xlsx => (
            sheet::template_xlsx(lang).map_err(|e| Failure::Other(e.to_string()))?,
            "xlsx",
        ),
        TemplateFormat::Csv => (sheet::template_csv(lang), "csv"),
    };
    let path = match &args.output {
        Some(p) => p.clone(),
        None => fresh_name(lang.ledger_template_name(), extension),
    };
    let db = db.map_or(Path::new(""), Location::path);
    output::file_with(lang, &path, db, |w| w.write_all(&bytes))?;
    let said = lang.ledger_template_written(&path);
    output::stdout(lang, &for_terminal(&format!("{said}\n"), true))
}

/// `台账模板.xlsx` in this folder, or `台账模板-2.xlsx`… beside one there.
fn fresh_name(stem: &str, extension: &str) -> PathBuf {
    let mut path = PathBuf::from(format!("{stem}.{extension}"));
    let mut n = 2;
    while std::fs::symlink_metadata(&path).is_ok() {
        path = PathBuf::from(format!("{stem}-{n}.{extension}"));
        n += 1;
    }
    path
}

/// The largest 台账 read: a city's 160,000 items make about 22 MB of CSV.
/// The sheet is held whole while the plan is built (a 13.6 MB sheet of
/// 100,000 rows peaked at 220 MB), so a bigger file is refused before it is
/// read rather than allowed to take an office server's memory.
const MAX_LEDGER_BYTES: u64 = 32 * 1024 * 1024;

fn import(ctx: &Context, args: &PlanImportArgs) -> Outcome {
    let lang = ctx.lang;
    if let Ok(m) = std::fs::metadata(&args.file)
        && m.len() > MAX_LEDGER_BYTES
    {
        let fault = crate::domain::sheet::SheetFault::TooLarge {
            bytes: m.len(),
            limit: MAX_LEDGER_BYTES,
        };
        return Err(Failure::Input(lang.sheet_fault(&args.file, &fault)));
    }
    let reading = Progress::stage(lang, ctx.ascii, lang.progress_reading_sheet());
    let bytes = read_sheet(ctx, &args.file)?;
    let read = sheet::read(&bytes).map_err(|f| Failure::Input(lang.sheet_fault(&args.file, &f)))?;
    let title = args
        .title
        .clone()
        .unwrap_or_else(|| lang.plan_title_of(args.unit.as_deref().unwrap_or(""), args.year));
    let head = PlanHead {
        title,
        year: args.year,
        unit: args.unit.as_deref().unwrap_or("").trim().to_owned(),
    };
    let mut doc = ledger_build::build(&read, &head).map_err(|problems| {
        refused(
            lang,
            &args.file,
            problems.iter().map(|p| lang.ledger_problem(p)),
        )
    })?;
    prepare(&mut doc, &ctx.clock.now_text(), &unix_user())
        .map_err(|problems| refused(lang, &args.file, problems.iter().map(|p| lang.problem(p))))?;
    let items = doc
        .projects
        .iter()
        .map(|p| p.milestones.len())
        .sum::<usize>();
    if args.dry_run {
        drop(reading);
        let said = lang.ledger_would_hold(
            &doc.plan.title,
            doc.directions.len(),
            doc.projects.len(),
            items,
        );
        return output::stdout(lang, &for_terminal(&format!("{said}\n"), true));
    }
    drop(reading);
    let label = lang.ledger_label(&args.file);
    let msg = replace_plan_with(ctx, doc.into_pieces().map(Ok), &label, args.replace)?;
    output::stdout(lang, &for_terminal(&msg, true))
}

/// The sheet's problems, the first fifty of them, and how many more.
fn refused(lang: Lang, file: &Path, said: impl Iterator<Item = String>) -> Failure {
    const SHOWN: usize = 50;
    let all: Vec<String> = said.collect();
    let mut text = lang.ledger_refused(file, all.len());
    for line in all.iter().take(SHOWN) {
        text.push_str("\n  ");
        text.push_str(line);
    }
    if all.len() > SHOWN {
        text.push_str("\n  ");
        text.push_str(&lang.and_more(all.len() - SHOWN));
    }
    Failure::Input(text)
}

fn list(ctx: &Context, json: bool) -> Outcome {
    let lang = ctx.lang;
    let reading = Progress::stage(lang, ctx.ascii, lang.progress_reading_plans());
    let plans = match &ctx.db {
        Location::Server(db) => store::postgres::plans_on(db)?,
        Location::File(dir) if store::is_plan_folder(dir) => store::folder_plans(dir)?
            .into_iter()
            .map(|(_, p)| p)
            .collect(),
        Location::File(_) => open_plan(ctx, false)?.plans()?,
    };
    drop(reading);
    let text = if json {
        let all: Vec<serde_json::Value> = plans.iter().map(plan_json).collect();
        format!("{}\n", serde_json::Value::Array(all))
    } else {
        let none = |s: &str| {
            if s.is_empty() {
                "—".to_owned()
            } else {
                s.to_owned()
            }
        };
        plans
            .iter()
            .map(|p| {
                let schema = if p.schema.is_empty() {
                    String::new()
                } else {
                    format!("  [{}]", p.schema)
                };
                format!("{}  {}  {}{schema}\n", none(&p.unit), p.year, p.title)
            })
            .collect()
    };
    output::stdout(ctx.lang, &for_terminal(&text, true))
}

fn show(ctx: &Context, json: bool) -> Outcome {
    let store = open_plan(ctx, false)?;
    let plans = store.plans()?;
    let Some(plan) = plans.first() else {
        return Err(Failure::Input(ctx.lang.no_plan_file(ctx.db.path())));
    };
    let counts = store.counts()?;
    let text = if json {
        let mut v = plan_json(plan);
        v["place"] = ctx.db.name().into();
        v["directions"] = counts.directions.into();
        v["programs"] = counts.programs.into();
        v["areas"] = counts.areas.into();
        v["projects"] = counts.projects.into();
        v["milestones"] = counts.milestones.into();
        v["readings"] = counts.readings.into();
        v["notes"] = counts.notes.into();
        format!("{v}\n")
    } else {
        let since = (!plan.since.is_empty()).then(|| ctx.clock.local_minute(&plan.since));
        format!(
            "{}\n",
            ctx.lang
                .plan_shown(plan, &ctx.db.name(), since.as_deref(), &counts)
        )
    };
    output::stdout(ctx.lang, &for_terminal(&text, true))
}

fn plan_json(p: &crate::store::PlanSummary) -> serde_json::Value {
    serde_json::json!({
        "identity": p.identity,
        "title": p.title,
        "year": p.year,
        "unit": p.unit,
        "since": p.since,
        "by": p.by,
        "schema": p.schema,
    })
}
