//! Writing results: to stdout (a closed pipe, as in `| head`, is not an
//! error) or to a file, replaced atomically so a reader never sees half.

use super::Failure;
use std::io::{ErrorKind, Write};
use std::path::Path;

pub fn stdout(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => {
            Err(Failure::Other(format!("writing to standard output: {e}")))
        }
        _ => Ok(()),
    }
}

/// Writes `bytes` to `path` through an unpredictable temporary file in the
/// same folder, renamed over the final name: a planted symlink cannot
/// redirect it, a reader never sees half, and an existing file keeps its
/// mode (a new one is private, or group-writable in a team folder).
pub fn file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let folder = crate::files::folder_of(path);
    let new_mode = crate::store::file_mode(&folder);
    crate::files::write_atomically(path, bytes, new_mode).map_err(|e| match e {
        crate::files::WriteError::Refused(r) => Failure::Input(format!("{}: {r}", path.display())),
        crate::files::WriteError::Io(e) if e.kind() == ErrorKind::StorageFull => {
            Failure::Other(format!(
                "{}: the disk holding {} is full; nothing was written",
                path.display(),
                folder.display()
            ))
        }
        crate::files::WriteError::Io(e) => Failure::Other(format!("{}: {e}", path.display())),
    })
}
