//! Writing a whole plan (an import, a generated plan) into the database:
//! over the plan there, after a backup, or into a file that does not exist
//! yet, which only appears under its name once the plan is complete.

use super::commands::{Context, backup_unless_empty, open_bare_at};
use super::{Failure, Outcome, output};
use crate::domain::piece::{Abandoned, Piece};
use crate::domain::text::for_terminal;
use crate::store;
use std::path::{Path, PathBuf};

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
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Replace a plan the database already holds; a backup is written first.
    #[arg(long)]
    pub replace: bool,
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
    if let store::Location::Server(db) = &ctx.db {
        return super::onto_server::onto_server(ctx, db, pieces, label, replace);
    }
    if std::fs::symlink_metadata(ctx.db.path()).is_err() {
        return new_plan_with(ctx, pieces, label);
    }
    let mut store = open_bare_at(ctx, ctx.db.path())?;
    let backup = backup_unless_empty(ctx, &store, replace, "--replace")?;
    let counts = match store.replace_plan_from(pieces, label) {
        Ok(c) => c,
        Err(e) => {
            drop(store);
            if let Some(b) = &backup {
                let _ = std::fs::remove_file(b);
            }
            return Err(e.into());
        }
    };
    let mut msg = format!("{}\n", ctx.lang.wrote_plan(label, ctx.db.path(), &counts));
    if let Some(b) = backup {
        msg.push_str(&format!("{}\n", ctx.lang.previous_saved(&b)));
    }
    Ok(msg)
}

/// `generate`: a synthetic plan of the given size, written like an import.
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
    generate(ctx, &plan_size, args.seed, args.replace)
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

/// Runs `write` on a new database that appears as `db` only once `write`
/// has succeeded and the database is closed (see `new_plan_with`).
pub(super) fn into_new_file<T>(
    ctx: &Context,
    db: &Path,
    write: impl FnOnce(&mut store::Store) -> Result<T, Failure>,
) -> Result<T, Failure> {
    clear_abandoned(db);
    let writing = writing_name(db);
    let written = open_bare_at(ctx, &writing)
        .map_err(|f| as_the_plans(f, db))
        .and_then(|mut store| {
            let value = write(&mut store)?;
            // Closed before the rename: its journals are folded in and gone.
            drop(store);
            Ok(value)
        });
    let moved = written.and_then(|value| {
        move_into_place(&writing, db)
            .map(|()| value)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => Failure::Input(ctx.lang.plan_appeared(db)),
                _ => Failure::Other(ctx.lang.file_failed(db, &e)),
            })
    });
    for suffix in ["", "-wal", "-shm", "-journal", ".lock"] {
        let _ = std::fs::remove_file(store::sibling(&writing, suffix));
    }
    moved
}

/// A plan that cannot be created is said of the plan's own name, not of
/// the hidden one it would have been written under.
fn as_the_plans(f: Failure, db: &Path) -> Failure {
    match f {
        Failure::Store(store::Error::ReadOnly(store::ReadOnlyWhy::NoPlanYet { why, .. })) => {
            let path = db.to_path_buf();
            Failure::Store(store::Error::ReadOnly(store::ReadOnlyWhy::NoPlanYet {
                path,
                why,
            }))
        }
        f => f,
    }
}

/// `.plan.db.writing-<pid>-<random>`, beside `db`: the same folder, so the
/// same file system for the rename, and the same rules for the new file's
/// mode. The process id says, later, whether its writer is still alive.
fn writing_name(db: &Path) -> PathBuf {
    let pid = std::process::id();
    let name = format!("{}{pid}-{:016x}", writing_prefix(db), fastrand::u64(..));
    db.with_file_name(name)
}

fn writing_prefix(db: &Path) -> String {
    let name = db.file_name().map_or_else(
        || "plan.db".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    format!(".{name}.writing-")
}

/// Removes what a killed import left beside `db` (a half-written plan can
/// be hundreds of megabytes): the files of writers that no longer run. A
/// writer that may still run (its process exists, whoever owns it) keeps
/// its files.
fn clear_abandoned(db: &Path) {
    let prefix = writing_prefix(db);
    let Some(folder) = db.parent() else { return };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(&prefix) else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<i32>().ok());
        let gone = pid
            .and_then(rustix::process::Pid::from_raw)
            .is_some_and(|pid| {
                rustix::process::test_kill_process(pid) == Err(rustix::io::Errno::SRCH)
            });
        if gone {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Renames `from` to `to` unless `to` exists (renameat2 NOREPLACE); where
/// the file system cannot say, a hard link does the same, then the old name
/// goes.
fn move_into_place(from: &Path, to: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, from, CWD, to, RenameFlags::NOREPLACE) {
        Ok(()) => Ok(()),
        Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {
            std::fs::hard_link(from, to)?;
            std::fs::remove_file(from)
        }
        Err(e) => Err(e.into()),
    }
}
