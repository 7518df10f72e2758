//! `migrate --from A --to B`: a whole plan copied between a SQLite file
//! and a PostgreSQL database (either way, or file to file), row for row:
//! ids, versions, history, readings, notes, drafts, baselines and the
//! plan's identity as they are. One thread reads the source in one
//! snapshot while the other writes the target in one transaction; the
//! target reads back what it wrote and commits only when its row counts
//! and digest equal the source's.

use super::commands::{Context, open_bare_at, options, over_the_plan};
use super::new_file::into_new_file;
use super::progress::Progress;
use super::{Failure, Outcome, output};
use crate::domain::text::for_terminal;
use crate::i18n::Lang;
use crate::store::postgres::Server;
use crate::store::transfer::{Batch, Tally};
use crate::store::{self, Location, OpenOptions, Store};
use clap::builder::{PathBufValueParser, TypedValueParser};
use std::path::Path;
use std::sync::mpsc;

/// `migrate`: from where, to where.
#[derive(Debug, clap::Args)]
pub struct MigrateArgs {
    /// The plan to copy: a file, or postgres://… (any libpq connection string).
    #[arg(long, value_name = "FILE|URL", value_parser = PathBufValueParser::new().map(Location::from))]
    pub from: Location,
    /// Where to copy it: a file (created if missing), or postgres://….
    #[arg(long, value_name = "FILE|URL", value_parser = PathBufValueParser::new().map(Location::from))]
    pub to: Location,
    /// Replace a plan the target already holds (a file is backed up first).
    #[arg(long)]
    pub replace: bool,
}

/// One side of a copy.
pub(super) enum Side {
    File(Box<Store>),
    Server(Box<Server>),
}

impl Side {
    fn send_rows(&mut self, send: &mut dyn FnMut(Batch) -> bool) -> store::Result<Tally> {
        match self {
            Side::File(s) => s.send_rows(send),
            Side::Server(s) => s.send_rows(send),
        }
    }
}

/// `migrate --from A --to B [--replace]`.
pub fn run(ctx: &Context, args: &MigrateArgs) -> Outcome {
    migrate(ctx, &args.from, &args.to, args.replace)
}

pub fn migrate(ctx: &Context, from: &Location, to: &Location, replace: bool) -> Outcome {
    let started = std::time::Instant::now();
    if let (Some(a), Some(b)) = (from.file(), to.file())
        && same_file(a, b)
    {
        return Err(Failure::Input(ctx.lang.migrate_onto_itself(&to.name())));
    }
    let source = open_source(ctx, from)?;
    let (tally, note) = if let Location::Server(to) = to {
        let mut server = Server::connect(to)?;
        if !replace && !server.is_empty()? {
            return Err(store::Error::HoldsPlan {
                place: server.named().to_owned(),
            }
            .into());
        }
        let (by, now) = (server.role().to_owned(), ctx.clock.now_text());
        let tally = copy(ctx, source, |rows, sent| {
            Ok(server.take_rows(rows, replace, sent, &by, &now)?)
        })?;
        (tally, None)
    } else {
        let db = to.path().to_owned();
        if std::fs::symlink_metadata(&db).is_err() {
            let tally = into_new_file(ctx, &db, |store| {
                copy(ctx, source, |rows, sent| {
                    Ok(store.take_rows(rows, false, sent)?)
                })
            })?;
            (tally, None)
        } else {
            let store = open_bare_at(ctx, &db)?;
            over_the_plan(ctx, store, replace, "migrate --replace", |store| {
                copy(ctx, source, |rows, sent| {
                    Ok(store.take_rows(rows, replace, sent)?)
                })
            })?
        }
    };
    let mut msg = ctx.lang.migrated(from.name(), &to.name(), &tally);
    if let Some(b) = note {
        msg.push_str(&format!("\n{}", ctx.lang.previous_saved(&b)));
    }
    msg.push('\n');
    msg.push_str(&ctx.lang.took(started.elapsed().as_secs_f64()));
    output::stdout(ctx.lang, &for_terminal(&format!("{msg}\n"), true))
}

/// The source is only read: a file is opened read-only (and must exist,
/// with a plan-cockpit schema); a server is connected as any role that may
/// read.
pub(super) fn open_source(ctx: &Context, from: &Location) -> Result<Side, Failure> {
    let path = match from {
        Location::Server(from) => return Ok(Side::Server(Box::new(Server::connect(from)?))),
        Location::File(path) => path,
    };
    if let Err(e) = std::fs::symlink_metadata(path) {
        return Err(Failure::Input(ctx.lang.file_failed(path, &e)));
    }
    Ok(Side::File(Box::new(store::open(
        path,
        OpenOptions {
            read_only: true,
            ..options(ctx, true, None)
        },
    )?)))
}

/// Reads `source` on its own thread, a batch at a time through a small
/// channel, while `write` takes the rows on this one. `write` asks for the
/// source's tally once it has read back what it wrote.
pub(super) fn copy(
    ctx: &Context,
    mut source: Side,
    write: impl FnOnce(
        &mut dyn Iterator<Item = Batch>,
        &mut dyn FnMut() -> store::Result<Tally>,
    ) -> Result<Tally, Failure>,
) -> Result<Tally, Failure> {
    let (send, receive) = mpsc::sync_channel::<Batch>(8);
    let reader = std::thread::spawn(move || source.send_rows(&mut |b| send.send(b).is_ok()));
    let mut reader = Some(reader);
    let mut sent = || -> store::Result<Tally> {
        match reader.take().map(std::thread::JoinHandle::join) {
            Some(Ok(tally)) => tally,
            Some(Err(_)) => Err(store::Error::Internal("the reading thread failed".into())),
            None => Err(store::Error::Internal(
                "the source's tally asked twice".into(),
            )),
        }
    };
    let lang = ctx.lang;
    let progress = Progress::counting(
        lang,
        ctx.ascii,
        lang.progress_copying(),
        Lang::progress_rows,
        None,
    );
    let mut rows = receive.into_iter().inspect(|batch| {
        if let Batch::Rows(rows) = batch {
            progress.inc(u64::try_from(rows.len()).unwrap_or(u64::MAX));
        }
    });
    // Once every row is in, the target reads back what it wrote.
    let mut sent = || {
        progress.next(lang.progress_verifying());
        sent()
    };
    let written = write(&mut rows, &mut sent);
    drop(rows);
    // A writer that failed early: the reader sees the channel close, and
    // its own error (a misfit in the source) is the one to say.
    if let Some(r) = reader.take()
        && let Ok(Err(e)) = r.join()
    {
        return Err(e.into());
    }
    written
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
