//! Text a planner typed that the database cannot take (its file was deleted
//! or replaced underneath, or the plan it was typed for was replaced) is
//! written to a file of its own in the user's state folder, never dropped.
//!
//! The folder is private (0700) and each file is created exclusively with a
//! name nobody can predict, so a planted symlink cannot redirect it.

use crate::domain::Clock;
use std::fs;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::PathBuf;

/// `$XDG_STATE_HOME/plan-cockpit/kept`, else `~/.local/state/plan-cockpit/kept`.
pub fn folder() -> PathBuf {
    let base =
        crate::files::xdg_base("XDG_STATE_HOME", ".local/state").unwrap_or_else(std::env::temp_dir);
    base.join("plan-cockpit").join("kept")
}

/// Writes `text` with a header saying what it was for; returns the file.
/// With `into`, a file this program kept before is rewritten instead of a
/// new one being made (an editor keeps one file however often it fails).
pub fn keep_into(
    clock: &Clock,
    into: Option<&std::path::Path>,
    what: &str,
    text: &str,
) -> std::io::Result<PathBuf> {
    if let Some(path) = into {
        let file = fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits().cast_signed())
            .open(path);
        if let Ok(mut file) = file {
            write_kept(clock, &mut file, what, text)?;
            return Ok(path.to_owned());
        }
    }
    keep(clock, what, text)
}

fn write_kept(clock: &Clock, file: &mut fs::File, what: &str, text: &str) -> std::io::Result<()> {
    // Read outside the cockpit, by whoever finds it: in both languages.
    writeln!(
        file,
        "# plan-cockpit: 未能保存、另存于此的文字 / text kept because it could not be saved"
    )?;
    writeln!(file, "# 用途 for: {}", what.replace('\n', " "))?;
    writeln!(
        file,
        "# 时间 at: {}",
        clock.local().strftime("%Y-%m-%d %H:%M:%S %Z")
    )?;
    writeln!(file)?;
    file.write_all(text.as_bytes())?;
    file.write_all(b"\n")?;
    file.sync_all()
}

/// Writes `text` with a header saying what it was for; returns the file.
pub fn keep(clock: &Clock, what: &str, text: &str) -> std::io::Result<PathBuf> {
    keep_in(clock, &folder(), what, text)
}

fn keep_in(
    clock: &Clock,
    dir: &std::path::Path,
    what: &str,
    text: &str,
) -> std::io::Result<PathBuf> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let meta = fs::symlink_metadata(dir)?;
    if !meta.is_dir() {
        return Err(std::io::Error::other(format!(
            "{} is not a folder",
            dir.display()
        )));
    }
    let stamp = clock.stamp();
    for _ in 0..16 {
        let path = dir.join(format!("{stamp}-{:08x}.txt", fastrand::u32(..)));
        let file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits().cast_signed())
            .open(&path);
        let mut file = match file {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        file.set_permissions(fs::Permissions::from_mode(0o600))?;
        write_kept(clock, &mut file, what, text)?;
        return Ok(path);
    }
    Err(std::io::Error::other("no free file name for the kept text"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn kept_text_is_private_and_complete() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let kept = dir.path().join("kept");
        let clock = crate::domain::Clock::fixed("2023-06-30T00:30:00Z".parse().unwrap());
        let path =
            super::keep_in(&clock, &kept, "备注 · 高新技术企业", "已认定五百二十三家").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("已认定五百二十三家") && text.contains("高新技术企业"));
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&kept), 0o700);
        // Rewritten in place, never through a symlink planted there.
        let again = super::keep_into(&clock, Some(&path), "备注", "改过的").unwrap();
        assert_eq!(again, path);
        assert!(std::fs::read_to_string(&path).unwrap().contains("改过的"));
    }
}
