//! The settings file as the commands see it: what was read at start, and
//! `config` (where the file is, what in it is not understood, a commented
//! default file).

use super::output;
use super::{Failure, Outcome};
use crate::i18n::Lang;
use std::path::{Path, PathBuf};

/// The settings file, read at start, and what in it was not taken.
#[derive(Debug, Default)]
pub struct Config {
    pub path: Option<PathBuf>,
    pub settings: crate::config::Settings,
    pub problems: Vec<crate::config::Problem>,
}

impl Config {
    /// Each problem in words, one per line.
    pub(super) fn said(&self, lang: Lang) -> Vec<String> {
        let path = self.path.clone().unwrap_or_default();
        self.problems
            .iter()
            .map(|p| lang.config_problem(&path, p))
            .collect()
    }
}

/// The settings file: the one given (`--config`, `PLAN_COCKPIT_CONFIG`;
/// empty is not given), else `$XDG_CONFIG_HOME/plan-cockpit/config.toml`.
pub(super) fn config_path(given: Option<PathBuf>) -> Option<PathBuf> {
    given
        .filter(|p| !p.as_os_str().is_empty())
        .or_else(crate::config::default_path)
}

/// `config`: where the settings file is and what in it is not understood
/// (exit 2 if anything); `config --print-default`: a whole commented file.
pub fn config(lang: Lang, config: &Config, print_default: bool) -> Outcome {
    if print_default {
        return output::stdout(lang, &crate::config::default_text());
    }
    let mut msg = match &config.path {
        Some(p) if p.exists() => lang.config_at(p, true),
        Some(p) => lang.config_at(p, false),
        None => lang.config_at(Path::new("-"), false),
    };
    msg.push('\n');
    let problems = config.said(lang);
    if problems.is_empty() {
        return output::stdout(lang, &msg);
    }
    output::stdout(lang, &msg)?;
    Err(Failure::Input(problems.join("\n")))
}
