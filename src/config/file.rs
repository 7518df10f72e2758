//! The config file's text: read into settings with the line of every
//! problem, and written out whole, commented, from the key table itself.

use super::{KeyWhy, Problem, Settings, What};
use crate::app::keymap::{BINDINGS, action_name, section_of};
use crate::app::look::Palette;
use crate::domain::agenda::WINDOWS;
use crate::i18n::Lang;
use crate::report::ReportFormat;
use serde::Deserialize;
use std::time::Duration;
use toml::Spanned;

/// The settings file, each setting as whatever the file holds: a setting
/// of the wrong type (`agenda_days = "30"`) or a name not known (a typo)
/// is one problem on its line, and every other setting is still taken.
#[derive(Deserialize)]
struct File {
    language: Option<Spanned<toml::Value>>,
    theme: Option<Spanned<toml::Value>>,
    ascii: Option<Spanned<toml::Value>>,
    mouse: Option<Spanned<toml::Value>>,
    agenda_days: Option<Spanned<toml::Value>>,
    report_format: Option<Spanned<toml::Value>>,
    escape_ms: Option<Spanned<toml::Value>>,
    keys: Option<Spanned<toml::Value>>,
}

const KNOWN: [&str; 8] = [
    "language",
    "theme",
    "ascii",
    "mouse",
    "agenda_days",
    "report_format",
    "escape_ms",
    "keys",
];

/// The longest Esc wait taken: past a second, Esc would feel broken.
const MAX_ESCAPE_MS: i64 = 1000;

/// A value as the file shows it, for a message.
fn shown(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Integer(n) => n.to_string(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::Array(_) => "[…]".to_owned(),
        toml::Value::Table(_) => "{…}".to_owned(),
    }
}

/// The line (from 1) where `key =` is set, within `[section]` if given.
fn line_of_key(text: &str, section: Option<&str>, key: &str) -> usize {
    let mut inside = section.is_none();
    for (i, l) in text.lines().enumerate() {
        let t = l.trim();
        if let Some(h) = t.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            inside = section.is_some_and(|s| h.trim() == s);
            if section.is_none() {
                break;
            }
            continue;
        }
        let name = t.split('=').next().unwrap_or("").trim().trim_matches('"');
        if inside && name == key && t.contains('=') {
            return i + 1;
        }
    }
    0
}

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
    if let Ok(table) = toml::from_str::<toml::Table>(text) {
        for key in table.keys().filter(|k| !KNOWN.contains(&k.as_str())) {
            problems.push(Problem {
                line: line_of_key(text, None, key),
                what: What::Unknown { key: key.clone() },
            });
        }
    }
    let mut wrong = |v: &Spanned<toml::Value>, key: &'static str, choices: &'static str| {
        let got = shown(v.get_ref());
        problems.push(Problem {
            line: line_of(v.span().start),
            what: What::Choice { key, got, choices },
        });
    };
    let mut s = Settings::default();
    let text_of = |v: &Spanned<toml::Value>| v.get_ref().as_str().map(str::to_owned);
    for (v, key, setting) in [
        (&file.ascii, "ascii", &mut s.ascii),
        (&file.mouse, "mouse", &mut s.mouse),
    ] {
        if let Some(v) = v {
            match v.get_ref().as_bool() {
                Some(b) => *setting = b,
                None => wrong(v, key, "true, false"),
            }
        }
    }
    if let Some(v) = &file.language {
        match text_of(v).as_deref() {
            Some("zh") => s.lang = Some(Lang::Zh),
            Some("en") => s.lang = Some(Lang::En),
            _ => wrong(v, "language", "zh, en"),
        }
    }
    if let Some(v) = &file.theme {
        match text_of(v).as_deref() {
            Some("auto") => {}
            Some("dark") => s.palette = Some(Palette::Dark),
            Some("light") => s.palette = Some(Palette::Light),
            Some("mono") => s.palette = Some(Palette::Mono),
            _ => wrong(v, "theme", "auto, dark, light, mono"),
        }
    }
    if let Some(v) = &file.report_format {
        match text_of(v).as_deref() {
            Some("docx") => s.report_format = Some(ReportFormat::Docx),
            Some("xlsx") => s.report_format = Some(ReportFormat::Xlsx),
            Some("html") => s.report_format = Some(ReportFormat::Html),
            Some("md" | "markdown") => s.report_format = Some(ReportFormat::Markdown),
            _ => wrong(v, "report_format", "docx, xlsx, html, md"),
        }
    }
    if let Some(v) = &file.agenda_days {
        match v.get_ref().as_integer() {
            Some(n) if WINDOWS.contains(&n) => s.agenda_days = Some(n),
            _ => wrong(v, "agenda_days", "7, 14, 30, 60, 90"),
        }
    }
    if let Some(v) = &file.escape_ms {
        match v.get_ref().as_integer().map(|n| (n, u64::try_from(n))) {
            Some((n, Ok(ms))) if n <= MAX_ESCAPE_MS => {
                s.escape = Some(Duration::from_millis(ms));
            }
            _ => wrong(v, "escape_ms", "0 … 1000"),
        }
    }
    if let Some(keys) = &file.keys {
        bind_keys(text, keys, &mut s, &mut problems);
    }
    problems.sort_by_key(|p| p.line);
    (s, problems)
}

/// `[keys.SECTION] action = ["key", …]`, each binding on its own: a bad one
/// is named and the others are taken.
fn bind_keys(
    text: &str,
    keys: &Spanned<toml::Value>,
    s: &mut Settings,
    problems: &mut Vec<Problem>,
) {
    let line_of = |at: usize| text[..at.min(text.len())].matches('\n').count() + 1;
    let Some(sections) = keys.get_ref().as_table() else {
        problems.push(Problem {
            line: line_of(keys.span().start),
            what: What::Choice {
                key: "keys",
                got: shown(keys.get_ref()),
                choices: "[keys.panes], [keys.editor], …",
            },
        });
        return;
    };
    for (section, actions) in sections {
        let header = format!("keys.{section}");
        let Some(actions) = actions.as_table() else {
            problems.push(Problem {
                line: line_of_key(text, Some("keys"), section),
                what: What::Unknown { key: header },
            });
            continue;
        };
        for (action, notations) in actions {
            let line = match line_of_key(text, Some(&header), action) {
                0 => line_of(keys.span().start),
                n => n,
            };
            let refused = |why| Problem {
                line,
                what: What::Key {
                    section: section.clone(),
                    action: action.clone(),
                    why,
                },
            };
            let typed: Option<Vec<&str>> = notations
                .as_array()
                .and_then(|a| a.iter().map(toml::Value::as_str).collect());
            let Some(typed) = typed else {
                problems.push(refused(KeyWhy::Notation(shown(notations))));
                continue;
            };
            let keys: Result<Vec<_>, _> = typed.iter().map(|n| super::keys::parse(n)).collect();
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
         # The mouse wheel moves through lists and scrolls pages. Off by default:\n\
         # while it is on, the terminal's own text selection needs Shift held.\n\
         # mouse = false\n\
         \n\
         # The agenda's first window of \"due soon\", in days: 7, 14, 30, 60 or 90.\n\
         # Default: from today to the end of next month.\n\
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

    /// A typo, a wrong type, a bad binding: each costs only itself.
    #[test]
    fn a_bad_setting_costs_only_that_setting() {
        let (s, problems) = parse(
            "languge = \"zh\"\nagenda_days = \"30\"\ntheme = \"mono\"\nascii = \"yes\"\n\
             escape_ms = 20\n[keys.panes]\nquit = \"Q\"\nhelp = [\"f1\"]\n",
        );
        assert_eq!(s.palette, Some(Palette::Mono));
        assert_eq!(s.escape, Some(Duration::from_millis(20)));
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![1, 2, 4, 7], "{problems:?}");
        assert!(matches!(&problems[0].what, What::Unknown { key } if key == "languge"));
        let rebound =
            format!("{:?}", s.keymap) != format!("{:?}", crate::app::keymap::Keymap::default());
        assert!(rebound, "the good binding is taken");
    }
}
