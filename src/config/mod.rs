//! The planner's settings: `$XDG_CONFIG_HOME/plan-cockpit/config.toml`
//! (`~/.config/…` when unset). Read once at start. A file that is not TOML,
//! or a setting that is not understood, gives a problem naming its line,
//! and that setting (or, for a file that cannot be read at all, every
//! setting) keeps its default: a typo never stops a planner from working.

mod file;
mod keys;

use crate::app::Prefs;
use crate::app::keymap::Keymap;
use crate::app::look::{Look, Palette};
use crate::i18n::Lang;
use crate::report::ReportFormat;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use file::default_text;

/// What the config file chose; `None` where it chose nothing (the
/// environment or the built-in default decides).
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub lang: Option<Lang>,
    /// `None`: detect from the terminal.
    pub palette: Option<Palette>,
    pub ascii: bool,
    pub agenda_days: Option<i64>,
    pub report_format: Option<ReportFormat>,
    pub escape: Option<Duration>,
    pub keymap: Keymap,
    /// The mouse wheel moves through lists; off by default, so that the
    /// terminal's own text selection works as it always does.
    pub mouse: bool,
}

pub use crate::domain::settings::{KeyWhy, Problem, What};

/// Where the config file is: `$XDG_CONFIG_HOME` if absolute, else
/// `~/.config`; `None` with neither (no home: defaults only).
pub fn default_path() -> Option<PathBuf> {
    crate::files::xdg_base("XDG_CONFIG_HOME", ".config")
        .map(|base| base.join("plan-cockpit").join("config.toml"))
}

/// The settings in `path`, and what in it was not taken. A missing file is
/// no problem: the defaults are the settings.
pub fn load(path: &Path) -> (Settings, Vec<Problem>) {
    let unreadable = |why: String| {
        (
            Settings::default(),
            vec![Problem {
                line: 0,
                what: What::Unreadable(why),
            }],
        )
    };
    // A settings file is a few lines; anything larger is not one (a log
    // or a disk image put there by mistake) and is not read into memory.
    if let Ok(meta) = std::fs::metadata(path)
        && meta.is_file()
        && meta.len() > MAX_BYTES
    {
        return unreadable(format!("{} bytes > {MAX_BYTES}", meta.len()));
    }
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => file::parse(&text),
            Err(_) => unreadable("not UTF-8".to_owned()),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Settings::default(), Vec::new()),
        Err(e) => unreadable(e.to_string()),
    }
}

/// The largest settings file read.
const MAX_BYTES: u64 = 1024 * 1024;

impl Settings {
    /// The look on this terminal: the file's palette, else what the
    /// terminal says it can show; ASCII if the file or the flag asks.
    pub fn look(&self, env: &crate::app::look::TerminalEnv, ascii_flag: bool) -> Look {
        Look {
            palette: self
                .palette
                .unwrap_or_else(|| crate::app::look::detect(env)),
            ascii: self.ascii || ascii_flag,
        }
    }

    pub fn prefs(&self) -> Prefs {
        let default = Prefs::default();
        Prefs {
            agenda_days: self.agenda_days.or(default.agenda_days),
            report_format: self.report_format.unwrap_or(default.report_format),
        }
    }

    /// How long a lone Esc waits for the rest of an Alt key: the file's,
    /// else 10 ms on a local terminal and 50 ms over SSH (`SSH_TTY`),
    /// where the two bytes of Alt-b can arrive in two packets.
    pub fn escape(&self, over_ssh: bool) -> Duration {
        self.escape
            .unwrap_or(Duration::from_millis(if over_ssh { 50 } else { 10 }))
    }
}
