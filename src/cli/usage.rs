//! A command line clap refuses, said in the planner's language. clap words
//! its errors in English only; the Chinese sentence is made here from what
//! clap found (the argument, the value, the choices), which it keeps typed.

use crate::domain::text::for_terminal;
use crate::i18n::Lang;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::process::ExitCode;

/// Prints help or the version (exit 0), or the refusal (exit 2).
pub fn refused(e: &clap::Error, lang: Lang) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp => {
            super::help::print(e, lang);
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayVersion => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    let text = match lang {
        Lang::En => e.render().to_string(),
        Lang::Zh => chinese(e),
    };
    // clap echoes the offending argument: clean it like any output.
    eprint!("{}", for_terminal(&text, true));
    ExitCode::from(2)
}

/// The language help and clap's refusals speak, before clap has parsed:
/// `--lang` as typed, else the settings file's `language` (the file
/// `--config` or `PLAN_COCKPIT_CONFIG` names, else the usual one), else the
/// locale — the order the program itself decides in. Arguments that are
/// not UTF-8 (a file name in GBK) are read lossily, never a panic.
pub fn lang_asked() -> Lang {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let typed = |flag: &str| {
        let with_equals = format!("{flag}=");
        args.iter().enumerate().find_map(|(i, a)| {
            a.strip_prefix(&with_equals)
                .map(str::to_owned)
                .or_else(|| (a == flag).then(|| args.get(i + 1).cloned()).flatten())
        })
    };
    match typed("--lang").as_deref() {
        Some("zh") => return Lang::Zh,
        Some("en") => return Lang::En,
        _ => {}
    }
    let given = typed("--config")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("PLAN_COCKPIT_CONFIG").map(std::path::PathBuf::from));
    super::settings::config_path(given)
        .and_then(|path| crate::config::load(&path).0.lang)
        .unwrap_or_else(Lang::from_env)
}

fn chinese(e: &clap::Error) -> String {
    let one = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join("、")),
        _ => None,
    };
    // `--max-size <MIB>`: the flag as typed, without clap's placeholder.
    let arg = one(ContextKind::InvalidArg).unwrap_or_default();
    let arg = arg.split(' ').next().unwrap_or_default();
    let value = one(ContextKind::InvalidValue).unwrap_or_default();
    let mut msg = match e.kind() {
        ErrorKind::UnknownArgument => format!("不认识的参数 {arg}"),
        ErrorKind::InvalidSubcommand => {
            let sub = one(ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("没有 {sub} 这个命令")
        }
        ErrorKind::InvalidValue => format!("{arg} 的值“{value}”无效"),
        ErrorKind::ValueValidation => {
            format!("{arg} 的值“{value}”无效(允许的范围见 --help)")
        }
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数 {arg}"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "缺少命令".to_owned()
        }
        ErrorKind::ArgumentConflict => {
            let prior = one(ContextKind::PriorArg).unwrap_or_default();
            let prior = prior.split(' ').next().unwrap_or_default();
            if prior == arg {
                format!("{arg} 只能给一次")
            } else {
                format!("{arg} 不能与 {prior} 同时使用")
            }
        }
        ErrorKind::NoEquals => format!("{arg} 的值要用 = 连接"),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("{arg} 的值个数不对")
        }
        _ => "命令行参数有误".to_owned(),
    };
    if let Some(valid) = one(ContextKind::ValidValue) {
        msg.push_str(&format!(";可选:{valid}"));
    }
    if let Some(s) =
        one(ContextKind::SuggestedArg).or_else(|| one(ContextKind::SuggestedSubcommand))
    {
        msg.push_str(&format!(";您是不是要用 {s}?"));
    }
    format!("错误:{msg}\n用法见 plan-cockpit --help\n")
}
