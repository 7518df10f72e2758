//! The config file's text: read into settings with the line of every
//! problem, and written out whole, commented, from the key table itself.

use super::{KeyWhy, Problem, Settings, What};
use crate::app::keymap::{BINDINGS, action_name, section_of};
use crate::app::look::Palette;
use crate::app::report::ReportFormat;
use crate::domain::agenda::WINDOWS;
use crate::i18n::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::time::Duration;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    language: Option<Spanned<String>>,
    theme: Option<Spanned<String>>,
    ascii: Option<bool>,
    agenda_days: Option<Spanned<i64>>,
    report_format: Option<Spanned<String>>,
    escape_ms: Option<Spanned<i64>>,
    #[serde(default)]
    keys: BTreeMap<String, BTreeMap<String, Spanned<Vec<String>>>>,
}

/// The longest Esc wait taken: past a second, Esc would feel broken.
const MAX_ESCAPE_MS: i64 = 1000;

pub fn parse(text: &str) -> (Settings, Vec<Problem>) {
    let line_of = |at: usize| text[..at.min(text.len())].matches('\n').count() + 1;
    let file: File = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            let line = e.span().map_or(0, |s| line_of(s.start));
            let what = What::Syntax(e.message().trim().to_owned());
            return (Settings::default(), vec![Problem { line, what }]);
        }
    };
    let mut problems = Vec::new();
    let mut choice = |v: &Spanned<String>, key: &'static str, choices: &'static str| {
        problems.push(Problem {
            line: line_of(v.span().start),
            what: What::Choice {
                key,
                got: v.get_ref().clone(),
                choices,
            },
        });
    };
    let mut s = Settings {
        ascii: file.ascii.unwrap_or(false),
        ..Settings::default()
    };
    if let Some(v) = &file.language {
        match v.get_ref().as_str() {
            "zh" => s.lang = Some(Lang::Zh),
            "en" => s.lang = Some(Lang::En),
            _ => choice(v, "language", "zh, en"),
        }
    }
    if let Some(v) = &file.theme {
        match v.get_ref().as_str() {
            "auto" => {}
            "dark" => s.palette = Some(Palette::Dark),
            "light" => s.palette = Some(Palette::Light),
            "mono" => s.palette = Some(Palette::Mono),
            _ => choice(v, "theme", "auto, dark, light, mono"),
        }
    }
    if let Some(v) = &file.report_format {
        match v.get_ref().as_str() {
            "docx" => s.report_format = Some(ReportFormat::Docx),
            "xlsx" => s.report_format = Some(ReportFormat::Xlsx),
            "html" => s.report_format = Some(ReportFormat::Html),
            "md" | "markdown" => s.report_format = Some(ReportFormat::Markdown),
            _ => choice(v, "report_format", "docx, xlsx, html, md"),
        }
    }
    let number = |v: &Spanned<i64>| Spanned::new(v.span(), v.get_ref().to_string());
    if let Some(v) = &file.agenda_days {
        if WINDOWS.contains(v.get_ref()) {
            s.agenda_days = Some(*v.get_ref());
        } else {
            choice(&number(v), "agenda_days", "7, 14, 30, 60, 90");
        }
    }
    if let Some(v) = &file.escape_ms {
        match u64::try_from(*v.get_ref()) {
            Ok(ms) if *v.get_ref() <= MAX_ESCAPE_MS => s.escape = Some(Duration::from_millis(ms)),
            _ => choice(&number(v), "escape_ms", "0 … 1000"),
        }
    }
    for (section, actions) in &file.keys {
        for (action, notations) in actions {
            let line = line_of(notations.span().start);
            let refused = |why| Problem {
                line,
                what: What::Key {
                    section: section.clone(),
                    action: action.clone(),
                    why,
                },
            };
            let keys: Result<Vec<_>, _> = notations
                .get_ref()
                .iter()
                .map(|n| super::keys::parse(n))
                .collect();
            match keys {
                Err(bad) => problems.push(refused(KeyWhy::Notation(bad))),
                Ok(keys) => {
                    if let Err(why) = s.keymap.rebind(section, action, keys) {
                        problems.push(refused(KeyWhy::Refused(why)));
                    }
                }
            }
        }
    }
    problems.sort_by_key(|p| p.line);
    (s, problems)
}

/// The whole file with every setting at its default, commented out, and
/// every key binding of the table: `config --print-default`. Drawn from the
/// table, so it always lists the keys there are.
pub fn default_text() -> String {
    let mut out = String::from(
        "# plan-cockpit settings: $XDG_CONFIG_HOME/plan-cockpit/config.toml\n\
         # (~/.config/plan-cockpit/config.toml). Every line is optional: remove the\n\
         # leading # to change a setting. A line that is not understood is named at\n\
         # start and its default is used.\n\
         \n\
         # Interface and report language: zh or en (default: from LC_ALL/LANG).\n\
         # language = \"zh\"\n\
         \n\
         # Colours: auto (from NO_COLOR, TERM, COLORFGBG), dark, light or mono.\n\
         # theme = \"auto\"\n\
         \n\
         # Borders, bars and marks in ASCII only, for a client that draws\n\
         # \"ambiguous\" characters two cells wide (same as --ascii).\n\
         # ascii = false\n\
         \n\
         # The agenda's first window of \"due soon\", in days: 7, 14, 30, 60 or 90.\n\
         # agenda_days = 30\n\
         \n\
         # The format R offers first: docx, xlsx, html or md.\n\
         # report_format = \"docx\"\n\
         \n\
         # How long a lone Esc waits for the rest of an Alt key, in ms (0 … 1000).\n\
         # Default: 10, or 50 over SSH (SSH_TTY set).\n\
         # escape_ms = 10\n\
         \n\
         # Keys, by where they hold, in key notation: \"q\", \"G\", \"ctrl-s\", \"alt-b\",\n\
         # \"shift-tab\", \"enter\", \"esc\", \"pagedown\", \"f5\". A key that already means\n\
         # something else there is refused, with its line.\n",
    );
    let mut section = String::new();
    for b in BINDINGS {
        let here = section_of(b);
        if here != section {
            out.push_str(&format!("\n# [keys.{here}]\n"));
            section = here;
        }
        let keys: Vec<String> = b
            .keys
            .iter()
            .map(|k| format!("{:?}", super::keys::notation(k)))
            .collect();
        out.push_str(&format!(
            "# {} = [{}]    # {}\n",
            action_name(b.action),
            keys.join(", "),
            b.en
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_file_uncommented_is_the_defaults() {
        let text: String = default_text()
            .lines()
            .map(|l| {
                // Uncomment settings and bindings, keep the prose out.
                let l = l.strip_prefix("# ").unwrap_or(l);
                let setting = l.starts_with('[') || l.contains(" = ");
                if setting {
                    format!("{l}\n")
                } else {
                    String::new()
                }
            })
            .collect();
        let (s, problems) = parse(&text);
        assert_eq!(problems, vec![], "{text}");
        let same =
            format!("{:?}", s.keymap) == format!("{:?}", crate::app::keymap::Keymap::default());
        assert!(same, "the default file rebinds nothing");
        assert_eq!(s.agenda_days, Some(30));
    }

    #[test]
    fn each_problem_names_its_line_and_the_rest_is_taken() {
        let (s, problems) = parse(
            "theme = \"mono\"\nagenda_days = 45\nlanguage = \"fr\"\n[keys.panes]\nquit = [\"j\"]\nhelp = [\"F1\"]\n",
        );
        assert_eq!(s.palette, Some(Palette::Mono));
        assert_eq!(s.agenda_days, None);
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![2, 3, 5]);
        let (_, problems) = parse("theme = \"mono\"\nascii = yes\n");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 2);
        let (_, problems) = parse("colour = \"red\"\n");
        assert_eq!(problems[0].line, 1);
    }
}
