//! `plan-cockpit log`: the plan-wide change log, newest first: who changed
//! what, where, from what to what, and when (local time).

use super::commands::{Context, open_plan};
use super::{Failure, Outcome, output};
use crate::domain::text::for_terminal;
use crate::domain::typed_forms::parse_day;
use crate::store::LogFilter;
use serde::Serialize;

/// `log`: which changes, and how.
#[derive(Debug, clap::Args)]
pub struct LogArgs {
    /// From this day on (local).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: Option<String>,
    /// Only changes by this user.
    #[arg(long, value_name = "USER")]
    pub user: Option<String>,
    /// Only changes under this direction (code, Chinese or English name).
    #[arg(long, value_name = "NAME")]
    pub direction: Option<String>,
    /// Print a JSON array instead, for scripts.
    #[arg(long)]
    pub json: bool,
}

/// The stable shape scripts read from `log --json`.
#[derive(Serialize)]
struct JsonLine<'a> {
    at: &'a str,
    local: String,
    author: &'a str,
    /// The name the author is shown by (`user set`), or the login.
    name: String,
    place: &'a str,
    field: &'a str,
    old: Option<&'a str>,
    new: Option<&'a str>,
}

pub fn run(ctx: &Context, args: &LogArgs) -> Outcome {
    let lang = ctx.lang;
    let store = open_plan(ctx, false)?;
    // The forms a planner writes (2023/12/31, 12月31日, 年底), as the
    // cockpit reads them; a day without a year is in the plan's year.
    let plan_year = store.plan_year().unwrap_or(2023);
    let since = args
        .since
        .as_deref()
        .map(|d| parse_day(d, plan_year))
        .transpose()
        .map_err(|e| Failure::Input(lang.bad_flag("since", &e)))?;
    let direction = args
        .direction
        .as_deref()
        .map(|d| store.find_direction(d))
        .transpose()?;
    let filter = LogFilter {
        since: since.map(|d| ctx.clock.start_of(d)),
        user: args.user.clone(),
        direction,
        ..LogFilter::default()
    };
    let names = store.names()?;
    // Written as read: a million-row history is never held whole.
    let mut failed = None;
    let shown = output::stdout_with(lang, |out| {
        let mut array = args.json.then(output::JsonArray::default);
        let mut written = Ok(());
        let read = store.each_change(&filter, |c| {
            written = match &mut array {
                Some(array) => array.element(
                    out,
                    &JsonLine {
                        at: &c.at,
                        local: ctx.clock.local_minute(&c.at),
                        author: &c.author,
                        name: names.said(&c.author),
                        place: &c.place,
                        field: &c.field,
                        old: c.old.as_deref(),
                        new: c.new.as_deref(),
                    },
                ),
                None => {
                    let change = lang.change(&c.field, c.old.as_deref(), c.new.as_deref());
                    let line = format!(
                        "{}  {}  {}  {change}\n",
                        ctx.clock.local_minute(&c.at),
                        names.said(&c.author),
                        c.place
                    );
                    out.write_all(for_terminal(&line, true).as_bytes())
                }
            };
            // A closed pipe (`| head`) or a full disk: stop reading too.
            match written {
                Ok(()) => std::ops::ControlFlow::Continue(()),
                Err(_) => std::ops::ControlFlow::Break(()),
            }
        });
        written?;
        output::read_failed(read.map_err(Failure::from), &mut failed)?;
        match array {
            Some(array) => array.end(out),
            None => Ok(()),
        }
    });
    failed.map_or(shown, Err)
}
