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
    tracing::info!(version = env!("CARGO_PKG_VERSION"), args = ?std::env::args().skip(1).collect::<Vec<_>>(), "started");
}
