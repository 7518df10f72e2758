//! `plan-cockpit user set|list`: the names and units logins are shown by.

use super::commands::{Context, open_plan};
use super::{Failure, Outcome, output};
use crate::domain::text::for_terminal;
use serde::Serialize;

/// `user set LOGIN`: the name and unit to show it by.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).multiple(true).args(["name", "unit"])))]
pub struct UserSetArgs {
    /// The login.
    pub login: String,
    /// The name shown for the login ("" shows the login again).
    #[arg(long)]
    pub name: Option<String>,
    /// The unit (科室/单位) the person works in.
    #[arg(long)]
    pub unit: Option<String>,
}

pub fn set(ctx: &Context, args: &UserSetArgs) -> Outcome {
    let mut store = open_plan(ctx, true)?;
    let p = store.set_person(&args.login, args.name.as_deref(), args.unit.as_deref())?;
    let said = ctx.lang.person_named(&p.login, &p.name, &p.unit);
    output::stdout(ctx.lang, &for_terminal(&format!("{said}\n"), true))
}

/// The stable shape scripts read from `user list --json`.
#[derive(Serialize)]
struct JsonPerson<'a> {
    login: &'a str,
    name: &'a str,
    unit: &'a str,
}

pub fn list(ctx: &Context, json: bool) -> Outcome {
    let store = open_plan(ctx, false)?;
    let people = store.people()?;
    if json {
        let rows: Vec<JsonPerson<'_>> = people
            .iter()
            .map(|p| JsonPerson {
                login: &p.login,
                name: &p.name,
                unit: &p.unit,
            })
            .collect();
        let text = serde_json::to_string_pretty(&rows)
            .map_err(|e| Failure::Other(ctx.lang.stdout_failed(&e.into())))?;
        let text = crate::formats::json::terminal_safe(text);
        return output::stdout(ctx.lang, &format!("{text}\n"));
    }
    let mut text = String::new();
    for p in &people {
        text.push_str(&format!("{}  {}  {}\n", p.login, p.name, p.unit));
    }
    output::stdout(ctx.lang, &for_terminal(&text, true))
}
