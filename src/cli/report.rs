//! `plan-cockpit report`: the weekly 工作进展 report, assembled from the
//! store's rows and the domain's judgement, written by `formats::report`.

use super::commands::{Context, open_seeded};
use super::{Failure, Outcome};
pub use crate::report::{By, ReportFormat, build};

/// `report --format`: the command line's names for the formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    Markdown,
    Html,
    /// Excel/WPS: a sheet per group, the changes, the problems, next steps.
    Xlsx,
    /// Word/WPS: A4, the tables' header rows repeated on every page.
    Docx,
}

impl From<FormatArg> for ReportFormat {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Markdown => ReportFormat::Markdown,
            FormatArg::Html => ReportFormat::Html,
            FormatArg::Xlsx => ReportFormat::Xlsx,
            FormatArg::Docx => ReportFormat::Docx,
        }
    }
}

/// `report --by`: the command line's names for the groupings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ByArg {
    /// Each 方向, with its 工程 inside (the default).
    Direction,
    Program,
    Area,
    Owner,
}

impl From<ByArg> for By {
    fn from(b: ByArg) -> Self {
        match b {
            ByArg::Direction => By::Direction,
            ByArg::Program => By::Program,
            ByArg::Area => By::Area,
            ByArg::Owner => By::Owner,
        }
    }
}
use crate::domain::report::Period;
use crate::domain::typed_forms::parse_day;
use std::path::PathBuf;

/// What `-o NAME.EXT` asks for without `--format`; the first is the default.
pub const BY_EXTENSION: [(&str, FormatArg); 6] = [
    ("md", FormatArg::Markdown),
    ("markdown", FormatArg::Markdown),
    ("html", FormatArg::Html),
    ("htm", FormatArg::Html),
    ("docx", FormatArg::Docx),
    ("xlsx", FormatArg::Xlsx),
];

pub struct ReportArgs {
    pub as_of: Option<String>,
    pub since: Option<String>,
    pub by: By,
    pub owner: Option<String>,
    pub format: ReportFormat,
    pub output: Option<PathBuf>,
    pub baseline: Option<String>,
    /// 下步计划's reach in days (default: to the end of next month).
    pub ahead: Option<i64>,
    /// An appendix of the source quotes.
    pub quotes: bool,
    /// The year-end 考核 instead, of this year (None: the plan's).
    pub year_end: Option<Option<i16>>,
    /// The one-page 领导版 instead.
    pub summary: bool,
}

pub fn run(ctx: &Context, args: ReportArgs) -> Outcome {
    let lang = ctx.lang;
    let bad = |flag: &str, e| Failure::Input(lang.bad_flag(flag, &e));
    let today = ctx.clock.today();
    let store = open_seeded(ctx, false)?;
    // The forms a planner writes (2023/12/31, 12月31日, 年底), as the
    // cockpit reads them; a day without a year is in the plan's year.
    let plan_year = store.plan_year().unwrap_or(2023);
    let as_of = match &args.as_of {
        Some(d) => parse_day(d, plan_year).map_err(|e| bad("as-of", e))?,
        None => today,
    };
    let since = match &args.since {
        Some(d) => Some(parse_day(d, plan_year).map_err(|e| bad("since", e))?),
        None => None,
    };
    let owner = args.owner.as_deref();
    if let Some(year) = args.year_end {
        let year = year.unwrap_or(plan_year);
        let doc = crate::report::year_end(&store, lang, year, plan_year, owner, &ctx.clock)?;
        let format = args.format;
        return emit(ctx, &args, |out| format.write_doc(&doc, lang, out));
    }
    let period = Period::weekly(as_of, plan_year, since, args.ahead);
    if args.summary {
        let doc = crate::report::brief(&store, lang, &period, owner, &ctx.clock)?;
        let format = args.format;
        return emit(ctx, &args, |out| format.write_doc(&doc, lang, out));
    }
    let baseline = args.baseline.clone();
    let report = store.snapshot(|s| {
        let mut report = build(s, lang, &period, args.by, args.owner.as_deref(), &ctx.clock)?;
        if let Some(name) = &baseline {
            report.baseline = Some(s.moved_since(name)?);
        }
        if args.quotes {
            report.quotes = crate::domain::report::quotes(s.source_quotes()?);
        }
        Ok(report)
    })?;
    // Written as it is laid out: a city plan's report is tens of MB.
    let format = args.format;
    emit(ctx, &args, |out| {
        format.write(&report, lang, &ctx.clock, out)
    })
}

/// Where a report goes: `-o`'s file, or standard output — never a
/// workbook's or a document's bytes onto a terminal.
fn emit(
    ctx: &Context,
    args: &ReportArgs,
    fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Outcome {
    let lang = ctx.lang;
    let binary = matches!(args.format, ReportFormat::Xlsx | ReportFormat::Docx);
    if binary && args.output.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return Err(Failure::Input(lang.binary_needs_file()));
    }
    match &args.output {
        Some(path) => super::output::file_with(lang, path, &ctx.db, fill),
        None => super::output::stdout_with(lang, fill),
    }
}

/// `baseline save NAME`: every target and time limit as they stand now.
pub fn save_baseline(ctx: &Context, name: &str) -> Outcome {
    let mut store = open_seeded(ctx, true)?;
    let saved = store.save_baseline(name)?;
    let msg = ctx.lang.baseline_saved(&saved.name, saved.items);
    super::output::stdout(ctx.lang, &format!("{msg}\n"))
}

/// `baseline list`: name, when and by whom saved, how many milestones.
pub fn list_baselines(ctx: &Context) -> Outcome {
    let store = open_seeded(ctx, false)?;
    let mut text = String::new();
    for b in store.baselines()? {
        text.push_str(&format!(
            "{}  {}  {}  {}\n",
            b.name,
            ctx.clock.local_minute(&b.saved_at),
            b.saved_by,
            ctx.lang.milestones_n(b.items)
        ));
    }
    super::output::stdout(ctx.lang, &crate::domain::text::for_terminal(&text, true))
}
