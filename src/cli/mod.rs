//! The command line: from the parsed arguments (`args.rs`) to the command
//! that runs, the default database path, and the mapping of every failure
//! to one clean message and an exit code (0 ok, 1 failure, 2 bad input or
//! usage).

mod args;
mod commands;
mod diagnostics;
mod export;
mod help;
mod import;
mod import_values;
mod last_plan;
mod log;
mod migrate;
mod milestone;
mod milestone_list;
mod new_file;
mod onto_folder;
mod onto_server;
mod output;
mod people;
mod plan;
mod plan_indicators;
mod plan_new;
mod plan_place;
mod progress;
mod replace;
pub mod report;
mod settings;
mod sheet_plan;
mod shell;
mod usage;

pub use args::{BaselineCommand, Cli, Command, MilestoneCommand, ProjectCommand, UserCommand};
pub use export::Format;

use crate::domain::text::for_terminal;
use crate::i18n::Lang;
use crate::store::{self, Location};
use clap::{CommandFactory, FromArgMatches};
use std::path::PathBuf;
use std::process::ExitCode;

/// A failure: worded for the planner already, or a store error worded at
/// the end, in their language, with times in their zone.
#[derive(Debug)]
pub enum Failure {
    /// Bad input or usage: exit 2.
    Input(String),
    /// Anything else: exit 1.
    Other(String),
    /// Already said (in an encoding of its own): only the exit code.
    Quiet(u8),
    Store(store::Error),
}

impl From<store::Error> for Failure {
    fn from(e: store::Error) -> Self {
        Failure::Store(e)
    }
}

impl Failure {
    /// The message and the exit code.
    fn worded(self, lang: Lang, clock: &crate::domain::Clock) -> (String, u8) {
        match self {
            Failure::Input(msg) => (msg, EXIT_INPUT),
            Failure::Other(msg) => (msg, EXIT_FAULT),
            Failure::Quiet(code) => (String::new(), code),
            Failure::Store(e) => {
                let code = match &e {
                    // A version above the row's is one it never had: a
                    // mistake in the input, not someone else's change.
                    store::Error::Conflict(c) if c.expected_version > c.found_version => EXIT_INPUT,
                    store::Error::Conflict(_) | store::Error::PlanReplaced(_) => EXIT_CHANGED,
                    store::Error::Busy => EXIT_BUSY,
                    e if e.is_bad_input() => EXIT_INPUT,
                    _ => EXIT_FAULT,
                };
                (lang.error(&e, Some(clock)), code)
            }
        }
    }
}

pub type Outcome = Result<(), Failure>;

/// The exit codes, for scripts (README: Exit codes and messages).
/// Any other failure: a damaged database, a full disk, a server refusing.
pub const EXIT_FAULT: u8 = 1;
/// Bad input or usage: nothing was changed; the message names what.
pub const EXIT_INPUT: u8 = 2;
/// Changed by someone else since the version given (`--expect-version`),
/// or the plan replaced since it was read: read again, then retry.
pub const EXIT_CHANGED: u8 = 3;
/// Locked by another writer past the wait: nothing changed, try again.
pub const EXIT_BUSY: u8 = 4;

/// `$XDG_DATA_HOME/plan-cockpit/plan.db`, XDG_DATA_HOME defaulting to
/// `~/.local/share` (the XDG spec ignores a relative value).
pub fn default_db_path(lang: Lang) -> Result<PathBuf, Failure> {
    let base = crate::files::xdg_base("XDG_DATA_HOME", ".local/share")
        .ok_or_else(|| Failure::Input(lang.no_home()))?;
    Ok(base.join("plan-cockpit").join("plan.db"))
}

pub fn main() -> ExitCode {
    let parse = |command: clap::Command| {
        command
            .try_get_matches()
            .and_then(|matches| Cli::from_arg_matches(&matches))
    };
    let cli = match parse(Cli::command()) {
        Ok(cli) => cli,
        // Help or a refusal: the command line is read again, as clap
        // should show it in the language asked for (only then: building
        // the Chinese help costs every start nothing).
        Err(plain) => {
            let asked = usage::lang_asked();
            let e = parse(help::localized(Cli::command(), asked)).err();
            return usage::refused(&e.unwrap_or(plain), asked);
        }
    };
    let config_path = settings::config_path(cli.config.clone());
    let (settings, problems) = config_path
        .as_deref()
        .map(crate::config::load)
        .unwrap_or_default();
    let lang = cli.lang.or(settings.lang).unwrap_or_else(Lang::from_env);
    let config = settings::Config {
        path: config_path,
        settings,
        problems,
    };
    let clock = match crate::domain::Clock::from_env() {
        Ok(clock) => clock,
        Err(why) => {
            eprintln!("plan-cockpit: {}", for_terminal(&lang.refusal(&why), true));
            return ExitCode::from(2);
        }
    };
    diagnostics::start(lang);
    diagnostics::report_panics(lang);
    match run(cli, lang, clock.clone(), config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            let (msg, code) = failure.worded(lang, &clock);
            tracing::warn!(code, message = %msg, "refused");
            if !msg.is_empty() {
                eprintln!("plan-cockpit: {}", for_terminal(&msg, true));
            }
            ExitCode::from(code)
        }
    }
}

fn run(cli: Cli, lang: Lang, clock: crate::domain::Clock, config: settings::Config) -> Outcome {
    if let Some(Command::Config { print_default }) = cli.command {
        return settings::config(lang, &config, print_default);
    }
    // The template needs no plan, wherever the plan is kept: only the
    // plan's own file (if it is one) is kept from being written over.
    // Completions and the manual need no plan: answered before any database.
    match &cli.command {
        Some(Command::Completions { shell }) => return shell::completions(lang, *shell),
        Some(Command::Man) => return shell::man(lang),
        _ => {}
    }
    if let Some(Command::Plan(plan::PlanCommand::Template(a))) = &cli.command {
        let db = cli
            .db
            .clone()
            .filter(|p| !p.path().as_os_str().is_empty())
            .or_else(|| default_db_path(lang).ok().map(Location::File));
        return plan::template(lang, a, db.as_ref());
    }
    // On a PostgreSQL server every command runs but the two that work on
    // a file as a file: a backup copies the file, a check reads its pages.
    if cli.db.as_ref().is_some_and(Location::is_server)
        && matches!(cli.command, Some(Command::Backup { .. } | Command::Check))
    {
        return Err(Failure::Input(lang.server_not_yet()));
    }
    // An empty PLAN_COCKPIT_DB means "not set", as with most variables.
    let db = match cli.db.clone().filter(|p| !p.path().as_os_str().is_empty()) {
        Some(p) => p,
        None => {
            let p = default_db_path(lang)?;
            commands::ensure_private_folder(&p, lang)?;
            Location::File(p)
        }
    };
    if let Location::Server(s) = &db {
        warn_of_password(lang, s);
    }
    if let Some(Command::Migrate(m)) = &cli.command {
        for side in [&m.from, &m.to] {
            if let Location::Server(s) = side {
                warn_of_password(lang, s);
            }
        }
    }
    // An empty PLAN_COCKPIT_PLAN means "not set", as with PLAN_COCKPIT_DB.
    let plan = match cli.plan.as_deref().filter(|p| !p.is_empty()) {
        Some(p) => Some((
            p.trim().to_owned(),
            crate::domain::plan_ref::PlanRef::parse(p)
                .map_err(|r| Failure::Input(lang.refusal(&r)))?,
        )),
        None => None,
    };
    // A database of many plans: `--plan` (or its only plan) chooses the
    // schema, once, here. A command that makes a plan chooses its own.
    let makes_a_plan = matches!(
        cli.command,
        Some(
            Command::Init { .. }
                | Command::Import(_)
                | Command::Generate(_)
                | Command::Migrate(_)
                | Command::Plan(
                    plan::PlanCommand::New(_)
                        | plan::PlanCommand::Import(_)
                        | plan::PlanCommand::List { .. }
                        | plan::PlanCommand::Indicators { .. }
                )
        )
    );
    let db_given = db.clone();
    // The cockpit, not named a plan, opens the one last opened there.
    let last = match (&cli.command, &plan) {
        (None, None) => last_plan::store_key(&db)
            .and_then(|k| last_plan::remembered(&k))
            .map(|id| (id.clone(), crate::domain::plan_ref::PlanRef::Identity(id))),
        _ => None,
    };
    let chosen = |meant: Option<&(String, crate::domain::plan_ref::PlanRef)>| match &db {
        Location::Server(s) if !makes_a_plan => {
            Ok(Location::Server(plan_place::server_plan(lang, s, meant)?))
        }
        Location::File(dir) if !makes_a_plan && store::is_plan_folder(dir) => {
            Ok(Location::File(plan_place::folder_plan(lang, dir, meant)?))
        }
        db => Ok::<_, Failure>(db.clone()),
    };
    // A remembered plan since replaced or removed: asked as if none was.
    let db = match last.as_ref().map(|l| chosen(Some(l))) {
        Some(Ok(db)) => db,
        _ => chosen(plan.as_ref())?,
    };
    let ctx = commands::Context {
        clock,
        db,
        db_given,
        plan,
        lang,
        read_only: cli.read_only,
        allow_network_fs: cli.allow_network_fs,
        ascii: cli.ascii,
        force_utf8: cli.force_utf8,
        config,
    };
    match cli.command {
        None => commands::cockpit(&ctx),
        Some(Command::Init { force })
            if ctx.db.is_server() || ctx.db.file().is_some_and(store::is_plan_folder) =>
        {
            replace::init_in_store(&ctx, force)
        }
        Some(Command::Init { force }) => commands::init(&ctx, force),
        Some(Command::Import(a)) => import::run(&ctx, &a),
        Some(Command::Export(a)) => export::run(&ctx, &a),
        Some(Command::Generate(a)) => replace::run(&ctx, &a),
        Some(Command::Check) => commands::check(&ctx),
        // Answered above, before a database is needed.
        Some(Command::Config { .. } | Command::Completions { .. } | Command::Man) => Ok(()),
        Some(Command::Backup { dest }) => commands::backup(&ctx, &dest),
        Some(Command::Migrate(a)) => migrate::run(&ctx, &a),
        Some(Command::Milestone(MilestoneCommand::List(a))) => milestone_list::list(&ctx, &a),
        Some(Command::Milestone(MilestoneCommand::Set(a))) => milestone::set(&ctx, a),
        Some(Command::Project(ProjectCommand::Set(a))) => milestone::set_project(&ctx, &a),
        Some(Command::Log(a)) => log::run(&ctx, &a),
        Some(Command::Report(a)) => report::run(&ctx, &a),
        Some(Command::Baseline(BaselineCommand::Save { name })) => {
            report::save_baseline(&ctx, &name)
        }
        Some(Command::Baseline(BaselineCommand::List)) => report::list_baselines(&ctx),
        Some(Command::User(UserCommand::Set(a))) => people::set(&ctx, &a),
        Some(Command::User(UserCommand::List { json })) => people::list(&ctx, json),
        Some(Command::ImportValues(a)) => import_values::run(&ctx, &a),
        Some(Command::Plan(a)) => plan::run(&ctx, &a),
    }
}

/// A password written into a connection string shows in `ps` and in the
/// shell's history: it works, and the planner is told the better ways.
fn warn_of_password(lang: Lang, db: &str) {
    if store::postgres::password_in_string(db) {
        eprintln!("plan-cockpit: {}", lang.password_in_string());
    }
}
