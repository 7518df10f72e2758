//! The command line as clap reads it: every flag and subcommand, with the
//! help text `--help` shows.

use super::report;
use crate::i18n::Lang;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "plan-cockpit",
    version,
    about = "A terminal cockpit for the Dongcheng 3+5+N development plan"
)]
pub struct Cli {
    /// The plan database [default: $XDG_DATA_HOME/plan-cockpit/plan.db]
    #[arg(long, global = true, env = "PLAN_COCKPIT_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Language of the interface and reports [default: from LC_ALL/LC_MESSAGES/LANG]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// Open the database read-only: look, change nothing.
    #[arg(long, global = true)]
    pub read_only: bool,
    /// Open a database on a network filesystem (NFS, SMB, sshfs) anyway.
    #[arg(long, global = true)]
    pub allow_network_fs: bool,
    /// Draw borders, bars and marks in ASCII only (for terminals that draw
    /// "ambiguous" characters two cells wide).
    #[arg(long, global = true, env = "PLAN_COCKPIT_ASCII",
          value_parser = clap::builder::BoolishValueParser::new())]
    pub ascii: bool,
    /// Start the cockpit even though the locale is not UTF-8.
    #[arg(long, global = true, env = "PLAN_COCKPIT_FORCE_UTF8",
          value_parser = clap::builder::BoolishValueParser::new())]
    pub force_utf8: bool,
    /// The settings file [default: $XDG_CONFIG_HOME/plan-cockpit/config.toml]
    #[arg(long, global = true, env = "PLAN_COCKPIT_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
// Parsed once per run: the size of the larger variant costs nothing.
#[allow(clippy::large_enum_variant)]
pub enum Command {
    /// Create the database from the embedded 2023 plan.
    Init {
        /// Replace an existing plan; a backup is written first.
        #[arg(long)]
        force: bool,
    },
    /// Replace the plan with a JSON file (all or nothing). `-` reads stdin.
    Import {
        file: PathBuf,
        /// Replace a plan the database already holds; a backup is written first.
        #[arg(long)]
        replace: bool,
        /// Refuse files larger than this many MiB (1 to 1048576).
        #[arg(long, value_name = "MIB", default_value_t = 256,
              value_parser = clap::value_parser!(u64).range(1..=1_048_576))]
        max_size: u64,
    },
    /// Write the plan as JSON (exact), CSV (spreadsheets) or Markdown (reading).
    Export {
        /// The format [default: from -o's extension, else json].
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Fill the database with a realistic synthetic plan (demo data, and
    /// the plans the benchmarks measure). The same seed gives the same plan.
    /// Sizes are bounded (a city plan is 5,000 projects and 100,000
    /// milestones) so that a mistyped number is refused, not allocated.
    Generate {
        /// 1 to 1,000,000.
        #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
        projects: u64,
        /// 0 to 10,000,000.
        #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(0..=10_000_000))]
        milestones: u64,
        /// 0 to 100,000,000.
        #[arg(long, default_value_t = 5000, value_parser = clap::value_parser!(u64).range(0..=100_000_000))]
        notes: u64,
        /// Readings over time, 0 to 100,000,000 [default: three per numeric milestone]
        #[arg(long, value_parser = clap::value_parser!(u64).range(0..=100_000_000))]
        readings: Option<u64>,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Replace a plan the database already holds; a backup is written first.
        #[arg(long)]
        replace: bool,
    },
    /// Check the database: schema version, integrity, counts.
    Check,
    /// Where the settings file is and what in it is not understood.
    Config {
        /// Print a complete settings file, every line commented, to start from.
        #[arg(long)]
        print_default: bool,
    },
    /// Copy a whole plan between a file and PostgreSQL (either way), with its
    /// history, notes, readings, drafts, ids and versions; checked by row
    /// counts and a digest on both sides before it is committed.
    Migrate {
        /// The plan to copy: a file, or postgres://… (any libpq connection string).
        #[arg(long, value_name = "FILE|URL")]
        from: String,
        /// Where to copy it: a file (created if missing), or postgres://….
        #[arg(long, value_name = "FILE|URL")]
        to: String,
        /// Replace a plan the target already holds (a file is backed up first).
        #[arg(long)]
        replace: bool,
    },
    /// Copy the live database to a new file (safe while others work).
    Backup { dest: PathBuf },
    /// List or change milestones.
    #[command(subcommand)]
    Milestone(MilestoneCommand),
    /// Change a project.
    #[command(subcommand)]
    Project(ProjectCommand),
    /// The plan-wide change log, newest first: who changed what, where, when.
    Log {
        /// From this day on (local).
        #[arg(long, value_name = "YYYY-MM-DD")]
        since: Option<String>,
        /// Only changes by this user.
        #[arg(long, value_name = "USER")]
        user: Option<String>,
        /// Only changes under this direction (code, Chinese or English name).
        #[arg(long, value_name = "NAME")]
        direction: Option<String>,
        /// Print a JSON array instead, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// The weekly 工作进展 report: overview, progress by group, changes
    /// since the last report, issues, next steps.
    Report {
        /// The day the plan is judged on (截至日期) [default: today].
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        /// Changes from this day on [default: 7 days before --as-of].
        #[arg(long, value_name = "YYYY-MM-DD", conflicts_with = "week")]
        since: Option<String>,
        /// Changes of the last 7 days (the default).
        #[arg(long)]
        week: bool,
        /// How the tables are grouped.
        #[arg(long, value_enum, default_value_t = report::ByArg::Direction)]
        by: report::ByArg,
        /// Only the work this unit or person answers for.
        #[arg(long, value_name = "WHO")]
        owner: Option<String>,
        /// The format [default: from -o's extension, else markdown].
        #[arg(long, value_enum)]
        format: Option<report::FormatArg>,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Also say which targets and time limits moved since this baseline.
        #[arg(long, value_name = "NAME")]
        baseline: Option<String>,
        /// 下步计划 looks this many days ahead (0 to 3650) [default: to the
        /// end of next month; in the plan year's last quarter always to
        /// the year end].
        #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(i64).range(0..=3650))]
        ahead: Option<i64>,
        /// Add an appendix of the plan's source quotes (原文), each once with
        /// the items that cite it (they are never progress notes).
        #[arg(long)]
        quotes: bool,
        /// The year-end 考核 instead: every item of the year with its
        /// year's goal, what it achieved and 完成/未完成, counted by
        /// direction and 工程 (judged on 31 December, or today before it).
        #[arg(long, conflicts_with_all = ["as_of", "since", "week", "baseline", "ahead"])]
        year_end: bool,
        /// The one-page 领导版 instead: the counts by standing, each
        /// direction's and 工程's completion against 序时进度 as a chart, the
        /// worst red items and what falls due next (docx, html or markdown).
        #[arg(long, conflicts_with_all = ["since", "week", "baseline", "quotes", "year_end"])]
        summary: bool,
        /// The year assessed [default: the plan's].
        #[arg(long, requires = "year_end", value_parser = clap::value_parser!(i16).range(2000..=2100))]
        year: Option<i16>,
    },
    /// A tracking sheet back: the values and statuses of a CSV exported
    /// with `export --format csv` and edited in Excel/WPS, applied as edits;
    /// rows changed since the export are reported, never overwritten.
    ImportValues {
        file: PathBuf,
        /// List what would change, change nothing.
        #[arg(long)]
        dry_run: bool,
        /// The day the values were true [default: today].
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
    },
    /// Baselines: the targets and time limits as they stood on a day.
    #[command(subcommand)]
    Baseline(BaselineCommand),
    /// People by name: the name and unit a login is shown by in reports,
    /// the history and the log.
    #[command(subcommand)]
    User(UserCommand),
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Name a login: `user set lihua --name 李华 --unit 经济发展局`.
    #[command(group(clap::ArgGroup::new("what").required(true).multiple(true).args(["name", "unit"])))]
    Set {
        login: String,
        /// The name shown for the login ("" shows the login again).
        #[arg(long)]
        name: Option<String>,
        /// The unit (科室/单位) the person works in.
        #[arg(long)]
        unit: Option<String>,
    },
    /// Everyone named: login, name, unit.
    List {
        /// Print a JSON array instead, for scripts.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum BaselineCommand {
    /// Save every target and time limit as they stand now, under NAME.
    Save { name: String },
    /// The baselines saved, oldest first.
    List,
}

#[derive(Debug, Subcommand)]
pub enum ProjectCommand {
    /// Change one project's 责任单位 and 责任人, or the areas it serves.
    #[command(group(clap::ArgGroup::new("what").required(true).multiple(true).args(["owner", "areas"])))]
    Set {
        id: i64,
        /// 责任单位/责任人, e.g. "经发局/张三"; "" to name no one.
        #[arg(long, value_name = "UNIT/LEAD")]
        owner: Option<String>,
        /// The areas it serves, e.g. "就业、教育" (names or codes); "" for none.
        #[arg(long, value_name = "AREAS")]
        areas: Option<String>,
        /// Refuse if the project is no longer at this version.
        #[arg(long, value_name = "V")]
        expect_version: Option<i64>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Csv,
    Markdown,
}

// Parsed once per run: the size of the larger variant costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum MilestoneCommand {
    /// One line per milestone: id, status, due, value, where it sits.
    List {
        /// Only this direction (code, Chinese or English name).
        #[arg(long)]
        direction: Option<String>,
        /// Only milestones past due and not done or dropped.
        #[arg(long)]
        overdue: bool,
        /// The agenda: open work past due or due within N days, overdue
        /// first (0 to 3650).
        #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(i64).range(0..=3650))]
        due_within: Option<i64>,
        /// With the agenda (or alone): open work that has no time limit.
        #[arg(long)]
        undated: bool,
        /// Only work this unit or person answers for (part of a 责任单位 or
        /// 责任人; a milestone naming no one answers to its project's).
        #[arg(long, value_name = "WHO")]
        owner: Option<String>,
        /// Only items whose one standing shows these lights: red, yellow,
        /// green, grey (no reading or no yearly step yet), off (not judged);
        /// e.g. red,yellow (or 红灯,黄灯).
        #[arg(long, value_name = "LIGHTS")]
        light: Option<String>,
        /// Print a JSON array instead, for scripts.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print CSV for Excel/WPS instead (UTF-8 with a byte-order mark):
        /// the list's columns and each item's 进度判断 in words.
        #[arg(long)]
        csv: bool,
    },
    /// Change one milestone: value, status, due date, a note.
    Set {
        id: i64,
        /// The new current value.
        #[arg(
            long,
            allow_hyphen_values = true,
            conflicts_with = "add",
            value_name = "N"
        )]
        current: Option<String>,
        /// Add to the current value (safe when several planners add at once).
        #[arg(long, allow_hyphen_values = true, value_name = "N")]
        add: Option<String>,
        /// The day the value was true (a figure entered late) [default: today].
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        /// planned, active, at_risk, blocked, done, dropped (or 计划中, 进行中, 有风险, 受阻, 已完成, 已取消).
        #[arg(long, value_name = "S")]
        status: Option<String>,
        /// Due date, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        due: Option<String>,
        /// Add a note.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Refuse if the milestone is no longer at this version (from `list --json`).
        #[arg(long, value_name = "V")]
        expect_version: Option<i64>,
        /// A new target value.
        #[arg(long, allow_hyphen_values = true, value_name = "N")]
        target: Option<String>,
        /// A new unit (家, 亿元, 个, %...).
        #[arg(long, value_name = "UNIT")]
        unit: Option<String>,
        /// A new title.
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// 责任单位/责任人, e.g. "经发局/张三"; "" to answer to the project's.
        #[arg(long, value_name = "UNIT/LEAD")]
        owner: Option<String>,
        /// How much it counts in its project's progress (default 1; above 0, at most 1000).
        #[arg(long, allow_hyphen_values = true, value_name = "W")]
        weight: Option<String>,
        /// 年初基数: where completion counts from this year (default 0).
        #[arg(long, allow_hyphen_values = true, value_name = "N")]
        base: Option<String>,
        /// A yearly step of a target running past the plan year (分年度目标),
        /// e.g. 2023=560; "2023=" removes it. May be given for several years.
        #[arg(long = "step", value_name = "YEAR=N")]
        steps: Vec<String>,
    },
}
