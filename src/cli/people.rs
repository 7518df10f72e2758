//! `plan-cockpit user set|list`: the names and units logins are shown by.

use super::commands::{Context, open_seeded};
use super::{Failure, Outcome, output};
use crate::domain::text::for_terminal;
use serde::Serialize;

pub fn set(ctx: &Context, login: &str, name: Option<&str>, unit: Option<&str>) -> Outcome {
    let mut store = open_seeded(ctx, true)?;
    let p = store.set_person(login, name, unit)?;
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
    let store = open_seeded(ctx, false)?;
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
