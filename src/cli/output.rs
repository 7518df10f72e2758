//! Writing results: to stdout (a closed pipe, as in `| head`, is not an
//! error) or to a file, replaced atomically so a reader never sees half.

use super::Failure;
use crate::i18n::Lang;
use std::io::{ErrorKind, Write};
use std::path::Path;

/// `stdout`, with the text written by `fill` as it is made.
pub fn stdout_with(
    lang: Lang,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match fill(&mut out).and_then(|_| out.flush()) {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(Failure::Other(lang.stdout_failed(&e))),
        _ => Ok(()),
    }
}

/// A JSON array written an element at a time, byte for byte what
/// `serde_json::to_string_pretty` gives for the whole list (and terminal
/// safe): a long list is never held whole.
#[derive(Default)]
pub struct JsonArray {
    started: bool,
}

impl JsonArray {
    pub fn element(
        &mut self,
        out: &mut dyn Write,
        value: &impl serde::Serialize,
    ) -> std::io::Result<()> {
        let text = crate::formats::json::terminal_safe(
            serde_json::to_string_pretty(value).map_err(std::io::Error::other)?,
        );
        // serde_json never breaks a line inside a string (it escapes
        // them), so indenting each line nests the element exactly.
        let mut chunk = String::from(if self.started { ",\n" } else { "[\n" });
        self.started = true;
        for (i, l) in text.lines().enumerate() {
            if i > 0 {
                chunk.push('\n');
            }
            chunk.push_str("  ");
            chunk.push_str(l);
        }
        out.write_all(chunk.as_bytes())
    }

    pub fn end(self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(if self.started { b"\n]\n" } else { b"[]\n" })
    }
}

/// A read of the plan that failed half-way stops the output; the caller
/// then says the store's own error, not a failed write.
pub fn read_failed(read: Result<(), Failure>, failed: &mut Option<Failure>) -> std::io::Result<()> {
    read.map_err(|e| {
        *failed = Some(e);
        std::io::Error::other("reading the plan failed")
    })
}

pub fn stdout(lang: Lang, text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(Failure::Other(lang.stdout_failed(&e))),
        _ => Ok(()),
    }
}

/// Writes to `path` through an unpredictable temporary file in the same
/// folder, renamed over the final name: a planted symlink cannot redirect
/// it, a reader never sees half, and an existing file keeps its mode (a new
/// one is private, or group-writable in a team folder). `fill` writes the
/// text as it is made. Never onto the plan at `db`, a file beside it, or
/// any other SQLite database.
pub fn file_with(
    lang: Lang,
    path: &Path,
    db: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    refuse_as_output(lang, path, db)?;
    let folder = crate::files::folder_of(path);
    let new_mode = crate::store::file_mode(&folder);
    crate::files::write_atomically_with(path, new_mode, fill).map_err(|e| match e {
        crate::files::WriteError::Refused(r) => {
            Failure::Input(format!("{}: {}", path.display(), lang.unwritable(&r)))
        }
        crate::files::WriteError::Io(e) if disk_full(&e) => {
            Failure::Other(lang.disk_full_writing(path, &folder))
        }
        crate::files::WriteError::Io(e) => Failure::Other(lang.file_failed(path, &e)),
    })
}

/// An output path that is the plan, beside it, or another database,
/// refused before anything is read or written.
pub fn refuse_as_output(lang: Lang, path: &Path, db: &Path) -> Result<(), Failure> {
    crate::store::refuse_as_output(path, db)
        .map_err(|r| Failure::Input(format!("{}: {}", path.display(), lang.unwritable(&r))))
}

/// The format an output is written in: `--format` when given, else what
/// `-o`'s extension names, else the first of `by_extension`. A `--format`
/// that contradicts a known extension (`--format markdown -o 报告.docx`,
/// which wrote Markdown text into a file Word cannot open) is refused.
pub fn pick_format<F: Copy + PartialEq + clap::ValueEnum>(
    lang: Lang,
    given: Option<F>,
    output: Option<&Path>,
    by_extension: &[(&str, F)],
) -> Result<F, Failure> {
    let ext = output
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let named = ext
        .as_deref()
        .and_then(|e| by_extension.iter().find(|(x, _)| *x == e))
        .map(|&(_, f)| f);
    let name = |f: F| {
        f.to_possible_value()
            .map(|v| v.get_name().to_owned())
            .unwrap_or_default()
    };
    match (given, named) {
        (Some(g), Some(n)) if g != n => Err(Failure::Input(lang.format_clash(
            output.unwrap_or(Path::new("")),
            &name(n),
            &name(g),
        ))),
        (Some(g), _) => Ok(g),
        (None, Some(n)) => Ok(n),
        (None, None) => Ok(by_extension[0].1),
    }
}

/// Whether the disk was full, however deep the writer (a CSV or zip writer
/// wrapping the file's error) put the reason: the planner is told which
/// disk, not the hidden temporary file's name.
fn disk_full(e: &std::io::Error) -> bool {
    let full = |e: &std::io::Error| {
        e.kind() == ErrorKind::StorageFull
            || e.raw_os_error() == Some(rustix::io::Errno::NOSPC.raw_os_error())
    };
    if full(e) {
        return true;
    }
    let mut inner: Option<&(dyn std::error::Error + 'static)> = e.get_ref().map(|x| x as _);
    while let Some(x) = inner {
        if let Some(io) = x.downcast_ref::<std::io::Error>() {
            if full(io) {
                return true;
            }
            inner = io.get_ref().map(|x| x as _);
            continue;
        }
        if let Some(csv) = x.downcast_ref::<csv::Error>()
            && let csv::ErrorKind::Io(io) = csv.kind()
            && full(io)
        {
            return true;
        }
        inner = x.source();
    }
    false
}
