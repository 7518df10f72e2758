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

pub fn file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let fail = |e: std::io::Error| Failure::Other(format!("{}: {e}", path.display()));
    if path.is_dir() {
        return Err(Failure::Input(format!(
            "{}: is a folder, not a file",
            path.display()
        )));
    }
    let name = path
        .file_name()
        .ok_or_else(|| Failure::Input(format!("{}: not a file name", path.display())))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = path.with_file_name(tmp_name);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(fail)
}
