//! The command line as clap reads it: every flag and subcommand, with the
//! help text `--help` shows.

use super::{
    export, import, import_values, log, migrate, milestone, milestone_list, people, plan, replace,
    report,
};
use crate::i18n::Lang;
use crate::store::Location;
use clap::builder::{OsStringValueParser, TypedValueParser};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "plan-cockpit",
    version,
    about = "A terminal cockpit for the Dongcheng 3+5+N development plan"
)]
pub struct Cli {
    /// The plan database [default: $XDG_DATA_HOME/plan-cockpit/plan.db]
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = "PLAN_COCKPIT_DB",
        value_name = "PATH",
        // Empty is taken (and then read as "not set", the default): an
        // exported but empty PLAN_COCKPIT_DB means what an unset one does.
        value_parser = OsStringValueParser::new().map(Location::from)
    )]
    pub db: Option<Location>,
    /// The plan meant: UNIT/YEAR (南城街道/2024), a year, a unit, or the
    /// identity `plan show` prints. The database given must hold it.
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = "PLAN_COCKPIT_PLAN",
        value_name = "PLAN"
    )]
    pub plan: Option<String>,
    /// Language of the interface and reports [default: from LC_ALL/LC_MESSAGES/LANG]
    #[arg(long, global = true, help_heading = "Global options", value_enum)]
    pub lang: Option<Lang>,
    /// Open the database read-only: look, change nothing.
    #[arg(long, global = true, help_heading = "Global options")]
    pub read_only: bool,
    /// Open a database on a network filesystem (NFS, SMB, sshfs) anyway.
    #[arg(long, global = true, help_heading = "Global options")]
    pub allow_network_fs: bool,
    /// Draw borders, bars and marks in ASCII only (for terminals that draw
    /// "ambiguous" characters two cells wide).
    #[arg(long, global = true, help_heading = "Global options", env = "PLAN_COCKPIT_ASCII",
          value_parser = clap::builder::BoolishValueParser::new())]
    pub ascii: bool,
    /// Start the cockpit even though the locale is not UTF-8.
    #[arg(long, global = true, help_heading = "Global options", env = "PLAN_COCKPIT_FORCE_UTF8",
          value_parser = clap::builder::BoolishValueParser::new())]
    pub force_utf8: bool,
    /// The settings file [default: $XDG_CONFIG_HOME/plan-cockpit/config.toml]
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = "PLAN_COCKPIT_CONFIG",
        value_name = "PATH"
    )]
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
    Import(import::ImportArgs),
    /// Write the plan as JSON (exact), CSV (spreadsheets) or Markdown (reading).
    Export(export::ExportArgs),
    /// Fill the database with a realistic synthetic plan (demo data, and
    /// the plans the benchmarks measure). The same seed gives the same plan.
    /// Sizes are bounded (a city plan is 5,000 projects and 100,000
    /// milestones) so that a mistyped number is refused, not allocated.
    Generate(replace::GenerateArgs),
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
    Migrate(migrate::MigrateArgs),
    /// Copy the live database to a new file (safe while others work).
    Backup {
        /// The new file the copy is written to.
        dest: PathBuf,
    },
    /// List or change milestones.
    #[command(subcommand)]
    Milestone(MilestoneCommand),
    /// Change a project.
    #[command(subcommand)]
    Project(ProjectCommand),
    /// The plan-wide change log, newest first: who changed what, where, when.
    Log(log::LogArgs),
    /// The weekly 工作进展 report: overview, progress by group, changes
    /// since the last report, issues, next steps.
    Report(report::ReportArgs),
    /// A tracking sheet back: the values and statuses of a CSV exported
    /// with `export --format csv` and edited in Excel/WPS, applied as edits;
    /// rows changed since the export are reported, never overwritten.
    ImportValues(import_values::ImportValuesArgs),
    /// Baselines: the targets and time limits as they stood on a day.
    #[command(subcommand)]
    Baseline(BaselineCommand),
    /// People by name: the name and unit a login is shown by in reports,
    /// the history and the log.
    #[command(subcommand)]
    User(UserCommand),
    /// Plans: the 台账 template and a plan made from it (`plan template`,
    /// `plan import`), a new plan and carry-over, the plans a store holds,
    /// the city's indicators.
    #[command(subcommand)]
    Plan(plan::PlanCommand),
    /// Shell completions (bash, zsh, fish, …) on standard output: e.g.
    /// `plan-cockpit completions bash > /etc/bash_completion.d/plan-cockpit`.
    Completions {
        /// Which shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The manual page (roff) on standard output: `plan-cockpit man > plan-cockpit.1`.
    Man,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Name a login: `user set lihua --name 李华 --unit 经济发展局`.
    Set(people::UserSetArgs),
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
    Save {
        /// The baseline's name.
        name: String,
    },
    /// The baselines saved, oldest first.
    List,
}

#[derive(Debug, Subcommand)]
pub enum ProjectCommand {
    /// Change one project's 责任单位 and 责任人, or the areas it serves.
    Set(milestone::ProjectSetArgs),
}

// Parsed once per run: the size of the larger variant costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum MilestoneCommand {
    /// One line per milestone: id, status, due, value, where it sits.
    List(milestone_list::ListArgs),
    /// Change one milestone: value, status, due date, a note.
    Set(milestone::SetArgs),
}
