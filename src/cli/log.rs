//! `plan-cockpit log`: the plan-wide change log, newest first: who changed
//! what, where, from what to what, and when (local time).

use super::commands::{Context, open_seeded};
use super::{Failure, Outcome, output};
use crate::domain::text::for_terminal;
use crate::domain::typed_forms::parse_day;
use crate::store::LogFilter;
use serde::Serialize;

pub struct LogArgs<'a> {
    pub since: Option<&'a str>,
    pub user: Option<&'a str>,
    pub direction: Option<&'a str>,
    pub json: bool,
}

/// The stable shape scripts read from `log --json`.
#[derive(Serialize)]
struct JsonLine<'a> {
    at: &'a str,
    local: String,
    author: &'a str,
    place: &'a str,
    field: &'a str,
    old: Option<&'a str>,
    new: Option<&'a str>,
}

pub fn run(ctx: &Context, args: &LogArgs<'_>) -> Outcome {
    let lang = ctx.lang;
    let store = open_seeded(ctx, false)?;
    // The forms a planner writes (2023/12/31, 12月31日, 年底), as the
    // cockpit reads them; a day without a year is in the plan's year.
    let plan_year = store.plan_year().unwrap_or(2023);
    let since = args
        .since
        .map(|d| parse_day(d, plan_year))
        .transpose()
        .map_err(|e| Failure::Input(lang.bad_flag("since", &e)))?;
    let direction = args
        .direction
        .map(|d| store.find_direction(d))
        .transpose()?;
    let lines = store.changes(&LogFilter {
        since: since.map(|d| ctx.clock.start_of(d)),
        user: args.user.map(str::to_owned),
        direction,
        ..LogFilter::default()
    })?;
    if args.json {
        let out: Vec<JsonLine<'_>> = lines
            .iter()
            .map(|c| JsonLine {
                at: &c.at,
                local: ctx.clock.local_minute(&c.at),
                author: &c.author,
                place: &c.place,
                field: &c.field,
                old: c.old.as_deref(),
                new: c.new.as_deref(),
            })
            .collect();
        let mut s = crate::formats::json::terminal_safe(
            serde_json::to_string_pretty(&out)
                .map_err(|e| Failure::Other(lang.stdout_failed(&e.into())))?,
        );
        s.push('\n');
        return output::stdout(lang, &s);
    }
    let mut text = String::new();
    for c in &lines {
        let change = lang.change(&c.field, c.old.as_deref(), c.new.as_deref());
        text.push_str(&format!(
            "{}  {}  {}  {change}\n",
            ctx.clock.local_minute(&c.at),
            c.author,
            c.place
        ));
    }
    output::stdout(lang, &for_terminal(&text, true))
}
