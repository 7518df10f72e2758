//! What the benchmarks share: whether this is a measuring run, where
//! generated plans are cached, and how a bench opens a store.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use plan_cockpit::store::OpenOptions;
use std::path::{Path, PathBuf};

/// `cargo bench` measures; `cargo test` runs each benchmark once, small.
pub fn benchmarking() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--test")
}

/// `$PLAN_COCKPIT_BENCH_CACHE`, else `$XDG_CACHE_HOME/plan-cockpit-bench`,
/// else `~/.cache/plan-cockpit-bench`: outside the source tree.
pub fn cache_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("PLAN_COCKPIT_BENCH_CACHE") {
        return d.into();
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("plan-cockpit-bench")
}

pub fn options() -> OpenOptions<'static> {
    OpenOptions {
        author: "bench".into(),
        quick_check: false,
        read_only: false,
        seed: None,
        allow_network_fs: true,
        clock: plan_cockpit::domain::Clock::system(),
    }
}

pub fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

pub fn code(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}
