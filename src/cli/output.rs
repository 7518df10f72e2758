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
/// text as it is made.
pub fn file_with(
    lang: Lang,
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    let folder = crate::files::folder_of(path);
    let new_mode = crate::store::file_mode(&folder);
    crate::files::write_atomically_with(path, new_mode, fill).map_err(|e| match e {
        crate::files::WriteError::Refused(r) => {
            Failure::Input(format!("{}: {}", path.display(), lang.unwritable(&r)))
        }
        crate::files::WriteError::Io(e) if e.kind() == ErrorKind::StorageFull => {
            Failure::Other(lang.disk_full_writing(path, &folder))
        }
        crate::files::WriteError::Io(e) => Failure::Other(lang.file_failed(path, &e)),
    })
}
