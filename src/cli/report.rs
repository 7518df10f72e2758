//! `plan-cockpit report`: the weekly 工作进展 report, assembled from the
//! store's rows and the domain's judgement, written by `formats::report`.

use super::commands::{Context, open_plan};
use super::progress::Progress;
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
use crate::store::Location;
use clap::builder::{PathBufValueParser, TypedValueParser};
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

/// `report`: which report, of when, in what form, to where.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The day the plan is judged on (截至日期) [default: today].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Changes from this day on [default: 7 days before --as-of].
    #[arg(long, value_name = "YYYY-MM-DD", conflicts_with = "week")]
    pub since: Option<String>,
    /// Changes of the last 7 days (the default).
    #[arg(long)]
    pub week: bool,
    /// How the tables are grouped.
    #[arg(long, value_enum, default_value_t = ByArg::Direction)]
    pub by: ByArg,
    /// Only the work this unit or person answers for.
    #[arg(long, value_name = "WHO")]
    pub owner: Option<String>,
    /// The format [default: from -o's extension, else markdown].
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also say which targets and time limits moved since this baseline.
    #[arg(long, value_name = "NAME")]
    pub baseline: Option<String>,
    /// 下步计划 looks this many days ahead (0 to 3650) [default: to the
    /// end of next month; in the plan year's last quarter always to
    /// the year end].
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(i64).range(0..=3650))]
    pub ahead: Option<i64>,
    /// Add an appendix of the plan's source quotes (原文), each once with
    /// the items that cite it (they are never progress notes).
    #[arg(long)]
    pub quotes: bool,
    /// The year-end 考核 instead: every item of the year with its
    /// year's goal, what it achieved and 完成/未完成, counted by
    /// direction and 工程 (judged on 31 December, or today before it).
    #[arg(long, conflicts_with_all = ["as_of", "since", "week", "baseline", "ahead"])]
    pub year_end: bool,
    /// The one-page 领导版 instead: the counts by standing, each
    /// direction's and 工程's completion against 序时进度 as a chart, the
    /// worst red items and what falls due next (docx, html or markdown).
    #[arg(long, conflicts_with_all = ["since", "week", "baseline", "quotes", "year_end"])]
    pub summary: bool,
    /// Years side by side instead: this plan against an earlier one (a
    /// file, postgres://…, or on a server `2023` or `东城街道/2023`) — both
    /// years' counts by 方向 and 工程, and every target carried from it
    /// with each year's goal, achievement and outcome.
    #[arg(long, value_name = "EARLIER", value_parser = PathBufValueParser::new().map(Location::from),
          conflicts_with_all = ["as_of", "since", "week", "baseline", "ahead", "quotes", "year_end", "summary"])]
    pub compare: Option<Location>,
    /// The year assessed [default: the plan's].
    #[arg(long, requires = "year_end", value_parser = clap::value_parser!(i16).range(2000..=2100))]
    pub year: Option<i16>,
}

pub fn run(ctx: &Context, args: &ReportArgs) -> Outcome {
    let lang = ctx.lang;
    let bad = |flag: &str, e| Failure::Input(lang.bad_flag(flag, &e));
    let format: ReportFormat =
        super::output::pick_format(lang, args.format, args.output.as_deref(), &BY_EXTENSION)?
            .into();
    let today = ctx.clock.today();
    let progress = Progress::beside_stdout(args.output.is_none())
        .then(|| Progress::stage(lang, ctx.ascii, lang.progress_reading()));
    let store = open_plan(ctx, false)?;
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
    if let Some(earlier) = &args.compare {
        let plan = store.plans()?.into_iter().next().unwrap_or_default();
        let place = super::plan_place::earlier_place(ctx, earlier, Some(&plan.unit))?;
        let earlier = super::plan_place::open_earlier(ctx, &place)?;
        let doc = crate::report::compare(&earlier, &store, lang, owner, &ctx.clock)?;
        making(progress.as_ref(), lang);
        return emit(ctx, format, args, |out| format.write_doc(&doc, lang, out));
    }
    if args.year_end {
        let year = args.year.unwrap_or(plan_year);
        let doc = crate::report::year_end(&store, lang, year, plan_year, owner, &ctx.clock)?;
        making(progress.as_ref(), lang);
        return emit(ctx, format, args, |out| format.write_doc(&doc, lang, out));
    }
    let period = Period::weekly(as_of, plan_year, since, args.ahead);
    if args.summary {
        let doc = crate::report::brief(&store, lang, &period, owner, &ctx.clock)?;
        making(progress.as_ref(), lang);
        return emit(ctx, format, args, |out| format.write_doc(&doc, lang, out));
    }
    let baseline = args.baseline.clone();
    let report = store.snapshot(|s| {
        let mut report = build(s, lang, &period, args.by.into(), owner, &ctx.clock)?;
        if let Some(name) = &baseline {
            report.baseline = Some(s.moved_since(name)?);
        }
        if args.quotes {
            report.quotes = crate::domain::report::quotes(s.source_quotes()?);
        }
        Ok(report)
    })?;
    making(progress.as_ref(), lang);
    // Written as it is laid out: a city plan's report is tens of MB.
    emit(ctx, format, args, |out| {
        format.write(&report, lang, &ctx.clock, out)
    })
}

/// The plan is read: the report is being laid out and written.
fn making(progress: Option<&Progress>, lang: crate::i18n::Lang) {
    if let Some(p) = progress {
        p.next(lang.progress_making(&lang.progress_report()));
    }
}

/// Where a report goes: `-o`'s file, or standard output — never a
/// workbook's or a document's bytes onto a terminal.
fn emit(
    ctx: &Context,
    format: ReportFormat,
    args: &ReportArgs,
    fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Outcome {
    let lang = ctx.lang;
    let binary = matches!(format, ReportFormat::Xlsx | ReportFormat::Docx);
    if binary && args.output.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return Err(Failure::Input(lang.binary_needs_file()));
    }
    match &args.output {
        Some(path) => super::output::file_with(lang, path, ctx.db.path(), fill),
        None => super::output::stdout_with(lang, fill),
    }
}

/// `baseline save NAME`: every target and time limit as they stand now.
pub fn save_baseline(ctx: &Context, name: &str) -> Outcome {
    let mut store = open_plan(ctx, true)?;
    let saved = store.save_baseline(name)?;
    let msg = ctx.lang.baseline_saved(&saved.name, saved.items);
    super::output::stdout(ctx.lang, &format!("{msg}\n"))
}

/// `baseline list`: name, when and by whom saved, how many milestones.
pub fn list_baselines(ctx: &Context) -> Outcome {
    let store = open_plan(ctx, false)?;
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
