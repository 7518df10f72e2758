//! `import`: a plan file read, checked and written a project at a time, on
//! two cores. One thread reads and checks the file (`formats::json_stream`,
//! `domain::validate::Validator`); this one writes what passed into one
//! transaction. A refusal anywhere, however late, undoes all of it: the
//! database is left as it was, and nothing this command made stays behind.

use super::commands::Context;
use super::replace::replace_plan_with;
use super::{Failure, Outcome, output};
use crate::domain::piece::{Abandoned, Piece};
use crate::domain::text::for_terminal;
use crate::domain::validate::{Prepared, Problem, Validator};
use crate::formats::json_stream::{Ended, Unread, read_pieces, read_pieces_rereadable};
use crate::i18n::Lang;
use crate::user::unix_user;
use std::io::{self, Read};
use std::path::Path;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

/// `import FILE`: its flags.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The JSON file to import; `-` reads standard input.
    pub file: PathBuf,
    /// Replace a plan the database already holds; a backup is written first.
    #[arg(long)]
    pub replace: bool,
    /// Refuse files larger than this many MiB (1 to 1048576).
    #[arg(long, value_name = "MIB", default_value_t = 256,
          value_parser = clap::value_parser!(u64).range(1..=1_048_576))]
    pub max_size: u64,
}

/// Projects read ahead of the writer: enough to keep both cores busy, a few
/// megabytes at most.
const READ_AHEAD: usize = 32;

/// What the reading thread sends: the pieces that passed, then its verdict
/// on the whole file.
enum Msg {
    Piece(Piece),
    End(Result<Prepared, Failure>),
}

/// `import FILE [--replace] [--max-size MIB]`.
pub fn run(ctx: &Context, args: &ImportArgs) -> Outcome {
    let cap = args.max_size.saturating_mul(1024 * 1024);
    import(ctx, &args.file, args.replace, cap)
}

pub fn import(ctx: &Context, file: &Path, replace: bool, cap: u64) -> Outcome {
    let lang = ctx.lang;
    let input = open_input(file, cap, lang)?;
    let (now, author) = (ctx.clock.now_text(), unix_user());
    let label = file.display().to_string();
    let (msg, prepared) = std::thread::scope(|scope| {
        let (tx, rx) = sync_channel(READ_AHEAD);
        let (now, author) = (&now, &author);
        scope.spawn(move || read_and_check(input, file, cap, lang, (now, author), &tx));
        let mut feed = Feed { rx, verdict: None };
        // The database is opened only once the file's head has passed, so
        // that a file refused at once cannot even create an empty one.
        let first = match feed.rx.recv() {
            Ok(Msg::Piece(p)) => p,
            Ok(Msg::End(Err(f))) => return Err(f),
            Ok(Msg::End(Ok(_))) | Err(_) => {
                return Err(Failure::Other(
                    lang.file_failed(file, &io::Error::other("the reader stopped")),
                ));
            }
        };
        let written = replace_plan_with(
            ctx,
            std::iter::once(Ok(first)).chain(&mut feed),
            &label,
            replace,
        );
        // A refusal is said as the file's problems, not as the store's
        // "abandoned".
        match (written, feed.verdict.take()) {
            (_, Some(Err(refused))) => Err(refused),
            (Ok(msg), Some(Ok(prepared))) => Ok((msg, prepared)),
            (Ok(msg), None) => Ok((msg, Prepared::default())),
            (Err(e), _) => Err(e),
        }
        // `feed` goes here, before the scope waits for the reader: a
        // reader blocked on a full channel sees it gone and stops.
    })?;
    let mut msg = msg;
    if prepared.cleaned_fields > 0 {
        let first = prepared.first_cleaned.unwrap_or_default();
        let cleaned = lang.cleaned_fields(prepared.cleaned_fields, &first);
        msg.push_str(&format!("{cleaned}\n"));
    }
    output::stdout(lang, &for_terminal(&msg, true))
}

/// The pieces as the writer takes them; the verdict is kept for the end.
struct Feed {
    rx: Receiver<Msg>,
    verdict: Option<Result<Prepared, Failure>>,
}

impl Iterator for Feed {
    type Item = Result<Piece, Abandoned>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.verdict.is_some() {
            return None;
        }
        match self.rx.recv() {
            Ok(Msg::Piece(p)) => Some(Ok(p)),
            Ok(Msg::End(Ok(prepared))) => {
                self.verdict = Some(Ok(prepared));
                None
            }
            Ok(Msg::End(Err(refused))) => {
                self.verdict = Some(Err(refused));
                Some(Err(Abandoned))
            }
            // The reader died without a verdict: nothing may be kept.
            Err(_) => Some(Err(Abandoned)),
        }
    }
}

/// The reading thread: every piece is checked; those that pass go to the
/// writer while the file is sound so far. After a first problem the file
/// is still read to its end, so that every problem is named at once, but
/// nothing more is sent. The head (format, plan, groups) is held back until
/// the first project, so that a bad head is refused before the database
/// is touched.
fn read_and_check(
    input: Input,
    file: &Path,
    cap: u64,
    lang: Lang,
    (now, author): (&str, &str),
    tx: &SyncSender<Msg>,
) {
    let mut v = Validator::new(now, author);
    let mut head = Some(Vec::new());
    let mut send = |piece: Piece| tx.send(Msg::Piece(piece)).is_ok();
    let take = &mut |mut piece| {
        v.piece(&mut piece);
        if !v.sound() {
            return true;
        }
        let Some(held) = &mut head else {
            return send(piece);
        };
        let project = matches!(piece, Piece::Project(_));
        held.push(piece);
        !project || head.take().into_iter().flatten().all(&mut send)
    };
    // A file can be read again to say exactly what is wrong with it, so
    // its first reading takes the fast road; a stream cannot.
    let ended = if input.rereadable {
        let again = || open_file(file, cap);
        read_pieces_rereadable(input.reader, again, take)
    } else {
        read_pieces(input.reader, take)
    };
    let verdict = match ended {
        Ok(Ended::Stopped) => return,
        Ok(Ended::Whole) => {
            // A plan without projects has only its head.
            if v.sound() && !head.take().into_iter().flatten().all(&mut send) {
                return;
            }
            v.finish().map_err(|p| problems(file, &p, lang))
        }
        Err(Unread::Bad(p)) => Err(problems(file, &[p], lang)),
        Err(Unread::Io(e))
            if e.get_ref().is_some_and(
                <dyn std::error::Error + std::marker::Send + std::marker::Sync + 'static>::is::<
                    OverCap,
                >,
            ) =>
        {
            Err(Failure::Input(lang.over_limit(
                file,
                None,
                cap / (1024 * 1024),
            )))
        }
        Err(Unread::Io(e)) => Err(Failure::Input(lang.file_failed(file, &e))),
    };
    let _ = tx.send(Msg::End(verdict));
}

fn problems(file: &Path, list: &[Problem], lang: Lang) -> Failure {
    Failure::Input(lang.not_imported(file, list))
}

/// What an import reads.
struct Input {
    reader: Box<dyn Read + Send>,
    /// A regular file, which can be opened and read again. Standard input,
    /// a pipe (`import <(unzip -p plan.zip)`) or a device cannot: opening a
    /// pipe again would wait for a writer that never comes.
    rereadable: bool,
}

/// The file (or standard input for `-`), refused at once if it is a folder
/// or larger than `cap`; a stream that grows past `cap` fails when it does.
fn open_input(file: &Path, cap: u64, lang: Lang) -> Result<Input, Failure> {
    let unreadable = |e: io::Error| Failure::Input(lang.file_failed(file, &e));
    if file == Path::new("-") {
        let reader = Box::new(Capped::new(io::stdin(), cap));
        return Ok(Input {
            reader,
            rereadable: false,
        });
    }
    let meta = std::fs::metadata(file).map_err(unreadable)?;
    if meta.is_dir() {
        return Err(Failure::Input(lang.is_a_folder(file)));
    }
    if meta.len() > cap {
        let mb = cap / (1024 * 1024);
        return Err(Failure::Input(lang.over_limit(file, Some(meta.len()), mb)));
    }
    let reader = open_file(file, cap).map_err(unreadable)?;
    Ok(Input {
        reader,
        rereadable: meta.is_file(),
    })
}

fn open_file(file: &Path, cap: u64) -> io::Result<Box<dyn Read + Send>> {
    let f = std::fs::File::open(file)?;
    Ok(Box::new(Capped::new(f, cap)))
}

/// The reader's own limit was passed.
#[derive(Debug)]
struct OverCap;

impl std::fmt::Display for OverCap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("over the size limit")
    }
}

impl std::error::Error for OverCap {}

/// A reader that fails once more than `left` bytes come through (a file
/// that grows while it is read, or a pipe).
struct Capped<R> {
    inner: R,
    left: u64,
}

impl<R> Capped<R> {
    fn new(inner: R, cap: u64) -> Self {
        Capped { inner, left: cap }
    }
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.left = self
            .left
            .checked_sub(n as u64)
            .ok_or_else(|| io::Error::other(OverCap))?;
        Ok(n)
    }
}
