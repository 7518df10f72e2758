//! The command line's own help in the planner's language. The commands
//! and options are clap's, defined once (args.rs); under Chinese every
//! text clap shows — what a command is for, each option, the placeholders,
//! the headings, defaults, choices and environment variables — is put in
//! Chinese from the i18n tables before clap parses, so `--help` and clap's
//! own refusals speak one language.

use crate::i18n::{HELP_ZH, Lang, help_zh, value_name_zh};
use clap::{Arg, ArgAction, Command};
use std::io::{IsTerminal, Write};

/// The command line as clap should show it in `lang`.
pub fn localized(command: Command, lang: Lang) -> Command {
    match lang {
        // clap wraps at spaces, which English has: at the same width.
        Lang::En => command.term_width(width()),
        Lang::Zh => chinese(command, ""),
    }
}

fn chinese(command: Command, path: &str) -> Command {
    let words = &HELP_ZH;
    let help = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .help(words.help_flag)
        .help_heading(words.options);
    let mut command = command
        .disable_help_flag(true)
        .subcommand_help_heading(words.commands)
        .subcommand_value_name(value_name_zh("COMMAND").unwrap_or("COMMAND"))
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            words.usage
        ));
    if let Some(about) = help_zh(path, "") {
        command = command.about(about);
    }
    // The program's own flags first, as clap lists them; a command's
    // `-h` after its arguments and options.
    if path.is_empty() {
        // clap wraps only at spaces, which Chinese has few of: it is told
        // not to wrap, and `print` wraps between characters (UAX #14).
        command = command.term_width(0);
        let version = Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help(words.version_flag)
            .help_heading(words.options);
        command = command.disable_version_flag(true).arg(help).arg(version);
        command = command.mut_args(|arg| option(arg, path));
    } else {
        command = command.mut_args(|arg| option(arg, path)).arg(help);
    }
    command.mut_subcommands(|sub| {
        let path = match path {
            "" => sub.get_name().to_owned(),
            _ => format!("{path} {}", sub.get_name()),
        };
        chinese(sub, &path)
    })
}

/// One option or argument in Chinese: its help from the table, then what
/// clap would have added in English (choices, default, environment).
fn option(arg: Arg, path: &str) -> Arg {
    let words = &HELP_ZH;
    let id = arg.get_id().as_str().to_owned();
    if id == "help" || id == "version" {
        return arg;
    }
    let mut text = help_zh(path, &id)
        .map(str::to_owned)
        .or_else(|| arg.get_help().map(ToString::to_string))
        .unwrap_or_default();
    let takes_values = arg.get_action().takes_values();
    if takes_values && !arg.is_hide_possible_values_set() {
        let choices: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| format!("`{}`", v.get_name()))
            .collect();
        if !choices.is_empty() {
            text.push_str(&format!("({}:{})", words.choices, choices.join("、")));
        }
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| format!("`{}`", v.to_string_lossy()))
        .collect();
    if takes_values && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        text.push_str(&format!("({}:{})", words.default, defaults.join("、")));
    }
    if let Some(env) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        text.push_str(&format!("({} `{}`)", words.env, env.to_string_lossy()));
    }
    let heading = if arg.is_global_set() {
        words.global_options
    } else if arg.is_positional() {
        words.arguments
    } else {
        words.options
    };
    let names: Option<Vec<&'static str>> = arg
        .get_value_names()
        .map(|names| names.iter().map(|n| value_name_zh(n.as_str())).collect())
        .and_then(|names: Vec<Option<&'static str>>| names.into_iter().collect());
    let arg = match names {
        Some(names) if takes_values => arg.value_names(names),
        _ => arg,
    };
    let arg = arg.help(text).help_heading(heading).hide_env(true);
    match takes_values {
        true => arg.hide_possible_values(true).hide_default_value(true),
        false => arg,
    }
}

/// Prints a help page clap made. In Chinese the two pieces clap words
/// without asking (the usage's `[OPTIONS]`, the `help` command's line) are
/// put in Chinese here.
pub fn print(e: &clap::Error, lang: Lang) {
    if lang == Lang::En {
        let _ = e.print();
        return;
    }
    let styled = e.render();
    let text = if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        styled.ansi().to_string()
    } else {
        styled.to_string()
    };
    let words = &HELP_ZH;
    let text = text
        .replace("[OPTIONS]", words.options_placeholder)
        .replace(
            "Print this message or the help of the given subcommand(s)",
            words.help_command,
        );
    let width = width();
    let text: String = text
        .lines()
        .map(|line| wrapped(line, width) + "\n")
        .collect();
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// Where help wraps: `COLUMNS`, else the width of the planner's terminal
/// (the controlling one, so that `--help | less` wraps as the screen
/// does), else 100; never wider than 100 (long lines are hard to read).
fn width() -> usize {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok());
    let terminal = || {
        // The terminal's own size (/dev/tty), never `tput`'s guess.
        crossterm::terminal::window_size()
            .ok()
            .map(|size| usize::from(size.columns))
            .filter(|w| *w > 0)
    };
    columns.or_else(terminal).unwrap_or(100).clamp(40, 100)
}

/// One line of a help page wrapped to `width` cells, its continuation
/// lines under the start of its help text (after the first run of two
/// spaces), as clap lays out its columns.
fn wrapped(line: &str, width: usize) -> String {
    let visible = without_styles(line);
    if unicode_width::UnicodeWidthStr::width(visible.as_str()) <= width {
        return line.to_owned();
    }
    let content = visible.trim_start();
    let help_at = content
        .find("  ")
        .map(|i| i + content[i..].len() - content[i..].trim_start().len())
        .map_or(0, |i| i + visible.len() - content.len());
    let help = &visible[help_at..];
    // The help text carries no styles: the line's own prefix keeps them.
    let prefix = match line.strip_suffix(help) {
        Some(prefix) => prefix.to_owned(),
        None => visible[..help_at].to_owned(),
    };
    let column = unicode_width::UnicodeWidthStr::width(&visible[..help_at]);
    let options = textwrap::Options::new(width.saturating_sub(column).max(20)).break_words(false);
    let mut out = prefix;
    let help = unbreakable_code(help);
    for (i, piece) in textwrap::wrap(&help, options).iter().enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(&" ".repeat(column));
        }
        out.push_str(&piece.replace(NO_BREAK_HYPHEN, "-").replace(WORD_JOINER, ""));
    }
    out
}

const NO_BREAK_HYPHEN: char = '\u{2011}';
const WORD_JOINER: char = '\u{2060}';

/// A command or path in backticks is typed or copied as it is: no line
/// break after its hyphens and slashes (put back after wrapping).
fn unbreakable_code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, part) in text.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        if i % 2 == 0 {
            out.push_str(part);
        } else {
            for c in part.chars() {
                match c {
                    '-' => out.push(NO_BREAK_HYPHEN),
                    '/' => out.extend(['/', WORD_JOINER]),
                    c => out.push(c),
                }
            }
        }
    }
    out
}

/// The text of a line without its terminal styles (`ESC [ … m`).
fn without_styles(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn walk(command: &Command, path: &str, missing: &mut Vec<String>) {
        if help_zh(path, "").is_none() {
            missing.push(format!("command `{path}`"));
        }
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            if help_zh(path, id).is_none() {
                missing.push(format!("`{path}` option {id}"));
            }
            let names = arg.get_value_names().unwrap_or_default();
            for name in names.iter().map(clap::builder::Str::as_str) {
                let same_in_both = name.len() == 1 || name == "YYYY-MM-DD";
                if arg.get_action().takes_values() && !same_in_both && value_name_zh(name).is_none()
                {
                    missing.push(format!("`{path}` placeholder {name}"));
                }
            }
        }
        for sub in command.get_subcommands() {
            let sub_path = format!("{path} {}", sub.get_name());
            walk(sub, sub_path.trim_start(), missing);
        }
    }

    #[test]
    fn every_command_and_option_has_its_chinese() {
        let mut missing = Vec::new();
        walk(&super::super::Cli::command(), "", &mut missing);
        assert!(missing.is_empty(), "no Chinese help for {missing:#?}");
    }

    #[test]
    fn long_lines_wrap_under_their_column_and_keep_commands_whole() {
        let line = "      --db <路径>  计划数据库:一个文件、存放多个计划的文件夹,或 \
                    `postgres://…` 连接串,如 `plan-cockpit/plan.db`";
        let wrapped = wrapped(line, 44);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() > 2, "{wrapped}");
        for l in &lines {
            assert!(unicode_width::UnicodeWidthStr::width(*l) <= 44, "{wrapped}");
        }
        for l in &lines[1..] {
            assert!(
                l.starts_with(&" ".repeat(19)) && !l[19..].starts_with(' '),
                "{wrapped}"
            );
        }
        assert!(wrapped.contains("`plan-cockpit/plan.db`"), "{wrapped}");
        assert!(!wrapped.contains(NO_BREAK_HYPHEN) && !wrapped.contains(WORD_JOINER));
        // A short line, styled, is left as it is.
        let styled = "\u{1b}[1m  -h, --help\u{1b}[0m  显示帮助";
        assert_eq!(super::wrapped(styled, 80), styled);
        assert_eq!(without_styles(styled), "  -h, --help  显示帮助");
    }
}
