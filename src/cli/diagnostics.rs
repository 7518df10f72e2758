//! `PLAN_COCKPIT_LOG=debug` (or error, warn, info, trace): what the program
//! did, and how long it took, written to a file in the state folder
//! (`~/.local/state/plan-cockpit/plan-cockpit.log`, private to the user),
//! never to the terminal — the cockpit owns the screen, and a command's
//! output is for scripts. For when a planner reports "the lights never
//! appear" or a reconnect loops: opens, reconnects, the workers' questions
//! and their times, refusals.

use crate::i18n::Lang;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::PathBuf;

/// The log file.
pub fn log_path() -> Option<PathBuf> {
    crate::files::xdg_base("XDG_STATE_HOME", ".local/state")
        .map(|b| b.join("plan-cockpit").join("plan-cockpit.log"))
}

/// Starts the log when `PLAN_COCKPIT_LOG` asks for one. A value that names
/// no level is said (in the planner's language) and nothing is logged.
pub fn start(lang: Lang) {
    let Some(asked) = std::env::var_os("PLAN_COCKPIT_LOG").filter(|v| !v.is_empty()) else {
        return;
    };
    let asked = asked.to_string_lossy().trim().to_ascii_lowercase();
    let level = match asked.as_str() {
        "error" => tracing::Level::ERROR,
        "warn" => tracing::Level::WARN,
        "info" => tracing::Level::INFO,
        "debug" => tracing::Level::DEBUG,
        "trace" => tracing::Level::TRACE,
        _ => {
            eprintln!(
                "plan-cockpit: {}",
                crate::domain::text::for_terminal(&lang.bad_log_level(&asked), true)
            );
            return;
        }
    };
    let Some(path) = log_path() else { return };
    if let Some(dir) = path.parent() {
        let _ = std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir);
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(&path);
    let Ok(file) = file else {
        eprintln!(
            "plan-cockpit: {}",
            crate::domain::text::for_terminal(&lang.log_unwritable(&path), true)
        );
        return;
    };
    let _ = tracing_subscriber::fmt()
        .with_max_level(level)
        .with_ansi(false)
        .with_writer(std::sync::Mutex::new(file))
        .try_init();
    tracing::info!(version = env!("CARGO_PKG_VERSION"), args = ?arguments().get(1..), "started");
}

/// The command line as given, read lossily: `env::args` panics on an
/// argument that is not UTF-8 (a GBK file name), in a panic hook too.
fn arguments() -> Vec<String> {
    std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect()
}

/// After a panic: a report (what failed, where, the backtrace, the version
/// and the command) in the state folder, and one line saying where, in the
/// planner's language. Chained after whatever hook was there (the cockpit
/// puts the terminal back first).
pub fn report_panics(lang: Lang) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info.location().map(ToString::to_string).unwrap_or_default();
        tracing::error!(%message, %place, "panic");
        let folder = log_path().and_then(|p| p.parent().map(std::path::Path::to_path_buf));
        if let Some(written) = folder.and_then(|f| write_report(&f, &message, &place)) {
            eprintln!(
                "plan-cockpit: {}",
                crate::domain::text::for_terminal(&lang.panic_reported(&written), true)
            );
        }
    }));
}

/// Writes the report into `folder`; its path, or None when it cannot.
pub fn write_report(folder: &std::path::Path, message: &str, place: &str) -> Option<PathBuf> {
    use std::io::Write;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(folder)
        .ok()?;
    let stamp = jiff::Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
    let path = folder.join(format!(
        "panic-{stamp}-{}-{:08x}.txt",
        std::process::id(),
        fastrand::u32(..)
    ));
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .ok()?;
    let args = arguments();
    let trace = std::backtrace::Backtrace::force_capture();
    writeln!(
        file,
        "plan-cockpit {}\ncommand: {args:?}\npanicked at {place}:\n{message}\n\n{trace}",
        env!("CARGO_PKG_VERSION")
    )
    .ok()?;
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_panic_report_says_what_where_and_which_version_privately() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("state");
        let path = write_report(&folder, "index out of bounds", "src/app/pane.rs:42:7").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(&format!("plan-cockpit {}", env!("CARGO_PKG_VERSION"))));
        assert!(text.contains("panicked at src/app/pane.rs:42:7:\nindex out of bounds"));
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let again = write_report(&folder, "twice", "here").unwrap();
        assert_ne!(path, again, "a second report never overwrites the first");
    }
}
