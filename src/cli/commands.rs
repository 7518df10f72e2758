//! The plan-wide commands: init, import, export, check, backup.

use super::output;
use super::{Failure, Outcome};
use crate::domain::text::for_terminal;
use crate::i18n::{CheckReport, Lang};
use crate::seed;
use crate::store::{self, Access, Location, OpenOptions, Store};
use crate::user::unix_user;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

pub struct Context {
    pub db: Location,
    /// `--db` as given: on a server of many plans, `db` is the plan chosen
    /// in it, and this the database, where another plan is looked for.
    pub db_given: Location,
    /// `--plan`, as typed and as read: the plan the database must hold.
    pub plan: Option<(String, crate::domain::plan_ref::PlanRef)>,
    pub lang: Lang,
    pub read_only: bool,
    pub allow_network_fs: bool,
    /// The program's one clock (`PLAN_COCKPIT_NOW` pins it).
    pub clock: crate::domain::Clock,
    /// `--ascii`, `--force-utf8`: for the cockpit.
    pub ascii: bool,
    pub force_utf8: bool,
    pub config: super::settings::Config,
}

/// The default database folder is created private (0700) on first use.
pub fn ensure_private_folder(db: &Path, lang: Lang) -> Result<(), Failure> {
    match db.parent() {
        Some(dir) if !dir.exists() => std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| Failure::Other(lang.cannot_create_folder(dir, &e))),
        _ => Ok(()),
    }
}

fn seed_at(clock: &crate::domain::Clock) -> crate::domain::PlanDoc {
    seed::plan_2023(&clock.now_text(), &unix_user())
}

/// An upgrade that rebuilds indexes takes a while on a large plan: say so
/// first, or a planner may take the silence for a hang and interrupt it.
fn say_if_upgrading(ctx: &Context) {
    if ctx.read_only {
        return;
    }
    if let Some(from) = store::pending_upgrade(ctx.db.path()) {
        // Only the step to v3 rebuilds the roll-ups and search indexes.
        let line = ctx
            .lang
            .upgrading(ctx.db.path(), from, store::latest_version(), from >= 3);
        eprintln!("plan-cockpit: {}", for_terminal(&line, false));
    }
}

/// The plan a command reads or changes: it must be there. A command never
/// creates a plan (only `init`, an import and the cockpit's first start
/// do), so that `milestone list --db y2024.db`, mistyped or run before the
/// plan was brought, never writes a fresh 2023 plan under that name, nor
/// `milestone set 42` into a plan whose milestone 42 is something else.
pub fn open_plan(ctx: &Context, quick_check: bool) -> Result<Store, Failure> {
    // A missing folder is named by the opening itself, as what it is.
    let folder_there = |p: &Path| {
        p.parent()
            .is_none_or(|f| f.as_os_str().is_empty() || f.is_dir())
    };
    if let Some(path) = ctx.db.file()
        && std::fs::symlink_metadata(path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
        && folder_there(path)
    {
        return Err(Failure::Input(if store::plan_was_here(path) {
            ctx.lang.plan_gone(path)
        } else {
            ctx.lang.no_plan_file(path)
        }));
    }
    say_if_upgrading(ctx);
    let store = store::open(&ctx.db, options(ctx, quick_check, None))?;
    if store.is_empty()? {
        return Err(Failure::Input(ctx.lang.no_plan_file(ctx.db.path())));
    }
    the_plan_meant(ctx, &store)?;
    Ok(store)
}

/// With `--plan`: the database holds the plan meant, or the command is
/// refused, saying what it holds (a script pointed at last year's file
/// writes nothing there).
fn the_plan_meant(ctx: &Context, store: &Store) -> Result<(), Failure> {
    let Some((typed, meant)) = &ctx.plan else {
        return Ok(());
    };
    let plans = store.plans()?;
    if plans
        .iter()
        .any(|p| meant.matches(&p.identity, &p.unit, p.year))
    {
        return Ok(());
    }
    Err(Failure::Input(ctx.lang.not_the_plan_meant(
        typed,
        &ctx.db.name(),
        &plans,
    )))
}

/// The cockpit's plan, creating it from the 2023 plan on the first start
/// (on a terminal: the bare command in a pipe or a cron job is a command,
/// and finds the plan there or says so).
///
/// A plan that was here and is gone (deleted, or moved away to make room
/// for a restore) is not quietly replaced by a fresh 2023 plan: its lock
/// file is still beside the name, and then only `init` creates one. A
/// first start says on stderr what it created.
fn open_seeded(ctx: &Context) -> Result<Store, Failure> {
    let quick_check = false;
    let missing = ctx.db.file().is_some_and(|p| {
        std::fs::symlink_metadata(p).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
    });
    if missing && store::plan_was_here(ctx.db.path()) {
        return Err(Failure::Input(ctx.lang.plan_gone(ctx.db.path())));
    }
    // A first start would seed the 2023 plan: not when another is meant.
    if missing
        && let Some((_, meant)) = &ctx.plan
        && let first = seed_at(&ctx.clock).plan
        && !meant.matches("", &first.unit, i64::from(first.year))
    {
        return Err(Failure::Input(ctx.lang.no_plan_file(ctx.db.path())));
    }
    say_if_upgrading(ctx);
    let seed = || seed_at(&ctx.clock);
    let store = store::open(&ctx.db, options(ctx, quick_check, Some(&seed)))?;
    the_plan_meant(ctx, &store)?;
    if missing {
        eprintln!(
            "plan-cockpit: {}",
            for_terminal(&ctx.lang.created_plan(ctx.db.path()), false)
        );
    }
    Ok(store)
}

/// How this run opens a store: as the Unix user, with the flags given.
pub(super) fn options<'a>(
    ctx: &Context,
    quick_check: bool,
    seed: Option<&'a dyn Fn() -> crate::domain::PlanDoc>,
) -> OpenOptions<'a> {
    OpenOptions {
        author: unix_user(),
        quick_check,
        read_only: ctx.read_only,
        seed,
        allow_network_fs: ctx.allow_network_fs,
        clock: ctx.clock.clone(),
    }
}

fn open_bare(ctx: &Context) -> Result<Store, Failure> {
    open_bare_at(ctx, ctx.db.path())
}

/// The database at `db` (the plan's, or a new one being written beside it),
/// opened as it is, without a seed.
pub(super) fn open_bare_at(ctx: &Context, db: &Path) -> Result<Store, Failure> {
    say_if_upgrading(ctx);
    Ok(store::open(db, options(ctx, true, None))?)
}

/// Before a whole plan is written over the one in `store`: nothing to do
/// for an empty database; otherwise refused unless `allowed` (the refusal
/// names `how` to allow it), then backed up. The backup's path, if any.
fn backup_unless_empty(
    ctx: &Context,
    store: &Store,
    allowed: bool,
    how: &str,
) -> Result<Option<PathBuf>, Failure> {
    if store.is_empty()? {
        return Ok(None);
    }
    // Only the plan meant is ever replaced.
    the_plan_meant(ctx, store)?;
    if !allowed {
        let counts = store.counts()?;
        return Err(Failure::Input(ctx.lang.already_holds(
            store.path(),
            &counts,
            how,
        )));
    }
    backup_before_replacing(store).map(Some)
}

/// A whole plan written over the one `store` holds: refused unless
/// `allowed` (see `backup_unless_empty`), backed up first, then `write`.
/// A write that fails leaves the plan as it was, so its backup goes too.
/// What `write` gave, and the backup's path.
pub(super) fn over_the_plan<T>(
    ctx: &Context,
    mut store: Store,
    allowed: bool,
    how: &str,
    write: impl FnOnce(&mut Store) -> Result<T, Failure>,
) -> Result<(T, Option<PathBuf>), Failure> {
    let backup = backup_unless_empty(ctx, &store, allowed, how)?;
    match write(&mut store) {
        Ok(written) => Ok((written, backup)),
        Err(e) => {
            drop(store);
            if let Some(b) = &backup {
                let _ = std::fs::remove_file(b);
            }
            Err(e)
        }
    }
}

/// `<db>.20231231-235959.bak`, beside the database.
fn backup_before_replacing(store: &Store) -> Result<PathBuf, Failure> {
    let stamp = store.clock().stamp();
    let mut dest = store::sibling(store.path(), &format!(".{stamp}.bak"));
    let mut n = 1;
    while dest.exists() {
        dest = store::sibling(store.path(), &format!(".{stamp}-{n}.bak"));
        n += 1;
    }
    store.backup_to(&dest)?;
    Ok(dest)
}

pub fn init(ctx: &Context, force: bool) -> Outcome {
    let mut store = open_bare(ctx)?;
    let backup = backup_unless_empty(ctx, &store, force, "init --force")?;
    let counts = store.replace_plan(seed_at(&ctx.clock), &ctx.lang.embedded_plan())?;
    let mut msg = format!("{}\n", ctx.lang.created_2023(ctx.db.path(), &counts));
    if let Some(b) = backup {
        msg.push_str(&format!("{}\n", ctx.lang.previous_saved(&b)));
    }
    output::stdout(ctx.lang, &for_terminal(&msg, true))
}

pub fn check(ctx: &Context) -> Outcome {
    let store = open_plan(ctx, true)?;
    let counts = store.counts()?;
    let verdict = store.quick_check()?;
    let size = std::fs::metadata(ctx.db.path()).map_or(0, |m| m.len());
    let read_only = match store.access() {
        Access::ReadOnly(why) => Some(ctx.lang.read_only(why)),
        Access::ReadWrite => None,
    };
    let msg = ctx.lang.check_report(&CheckReport {
        db: ctx.db.path(),
        size,
        sqlite: store::sqlite_version(),
        schema: store.schema_version()?,
        latest: store::latest_version(),
        journal: &store.journal_mode()?,
        verdict: &verdict,
        read_only,
        counts: &counts,
    });
    output::stdout(ctx.lang, &for_terminal(&msg, true))?;
    if verdict == "ok" {
        Ok(())
    } else {
        Err(Failure::Other(
            ctx.lang.quick_check_failed(ctx.db.path(), &verdict),
        ))
    }
}

pub fn backup(ctx: &Context, dest: &Path) -> Outcome {
    let store = open_plan(ctx, false)?;
    store.backup_to(dest)?;
    let said = ctx.lang.backed_up(ctx.db.path(), dest);
    output::stdout(ctx.lang, &for_terminal(&format!("{said}\n"), true))
}

/// The bare command: the cockpit on a terminal; where each direction stands
/// when the output is not a terminal (a pipe, a cron job).
pub fn cockpit(ctx: &Context) -> Outcome {
    use std::io::IsTerminal;
    if !(std::io::stdout().is_terminal() && std::io::stdin().is_terminal()) {
        return overview(ctx);
    }
    // UTF-8 drawn on a GBK or POSIX terminal is garbage: the fix instead.
    let locale = crate::term::locale::ctype_locale(|k| std::env::var(k).ok());
    if !ctx.force_utf8 && !crate::term::locale::is_utf8(&locale) {
        use std::io::Write;
        let mut err = std::io::stderr();
        let _ = err.write_all(&crate::term::locale::not_utf8_message(&locale));
        return Err(Failure::Quiet(2));
    }
    // quick_check reads the whole file: on a large plan that would delay the
    // first frame by a second, so the cockpit runs it in the background.
    let mut store = open_seeded(ctx)?;
    // Another plan chosen with `P`: the cockpit is opened again on it.
    let mut go_to = None;
    let key = super::last_plan::store_key(&ctx.db_given);
    loop {
        if let Some(key) = &key
            && let Some(p) = store.plans()?.first()
        {
            super::last_plan::remember(key, &p.identity);
        }
        match run_cockpit(ctx, store, go_to)? {
            Some((place, at)) => {
                store = store::open(&place, options(ctx, false, None))?;
                go_to = at;
            }
            None => return Ok(()),
        }
    }
}

/// One cockpit on `store`, until it quits; the plan to open next, if any.
fn run_cockpit(
    ctx: &Context,
    store: Store,
    go_to: Option<i64>,
) -> Result<Option<(Location, Option<i64>)>, Failure> {
    let mut app = crate::app::App::new(store, ctx.lang)?;
    if let Some(id) = go_to {
        app.open_at(id);
    }
    let settings = &ctx.config.settings;
    app.look = settings.look(&crate::app::look::TerminalEnv::from_process(), ctx.ascii);
    app.prefs = settings.prefs();
    app.keymap = settings.keymap.clone();
    app.plans_folder = ctx
        .db_given
        .file()
        .filter(|p| store::is_plan_folder(p))
        .map(Path::to_path_buf);
    app.ask_plans_early();
    // A bad settings file is named on the status line; the defaults run.
    if let Some(first) = ctx.config.said(ctx.lang).into_iter().next() {
        app.flash = Some(crate::app::Flash {
            text: first,
            error: true,
        });
    }
    let over_ssh = std::env::var_os("SSH_TTY").is_some_and(|v| !v.is_empty());
    crate::term::run(app, settings.escape(over_ssh), settings.mouse)
        .map_err(|e| Failure::Other(ctx.lang.terminal_failed(&e)))
}

pub fn overview(ctx: &Context) -> Outcome {
    let store = open_plan(ctx, false)?;
    let rows = store.milestones(&store::ListFilter {
        scope: crate::domain::scope::Scope::everything(),
        overdue_on: None,
    })?;
    let doc_title = store.plan_title()?;
    let mut msg = format!("{doc_title}\n{}\n", ctx.db.name());
    let mut last = String::new();
    for r in &rows {
        if r.direction != last {
            let of_dir: Vec<_> = rows.iter().filter(|x| x.direction == r.direction).collect();
            let done = of_dir
                .iter()
                .filter(|x| x.status == crate::domain::Status::Done)
                .count();
            msg.push_str(&format!(
                "  {}: {done}/{} {} {}\n",
                ctx.lang.name(&r.direction, &r.direction_en),
                of_dir.len(),
                ctx.lang.words().milestones,
                ctx.lang.status(crate::domain::Status::Done)
            ));
            last = r.direction.clone();
        }
    }
    output::stdout(ctx.lang, &for_terminal(&msg, true))
}
