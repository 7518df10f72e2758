//! `plan indicators`: the city's shared indicators (指标) summed across the
//! plans of the store — every schema of a server the role may read, every
//! plan file of a folder, a plan file's one plan — year by year.

use super::commands::{Context, open_plan};
use super::progress::Progress;
use super::{Outcome, output};
use crate::domain::indicators::{IndicatorTotal, totals};
use crate::domain::text::for_terminal;
use crate::store::{self, Location};
use std::path::Path;

pub fn run(ctx: &Context, year: Option<i64>, json: bool) -> Outcome {
    let today = ctx.clock.today().to_string();
    let lang = ctx.lang;
    let reading = Progress::stage(lang, ctx.ascii, lang.progress_reading_plans());
    let standings = match &ctx.db {
        Location::Server(db) => store::postgres::standings_on(db, &today)?,
        Location::File(dir) if store::is_plan_folder(dir) => {
            store::folder_standings(dir, Path::new(""), &today)?
        }
        Location::File(_) => open_plan(ctx, false)?.plan_standings(&today)?,
    };
    drop(reading);
    let plans: Vec<(String, i64, Vec<_>)> = standings
        .into_iter()
        .filter(|s| year.is_none_or(|y| y == s.plan.year))
        .map(|s| (s.plan.unit, s.plan.year, s.indicators))
        .collect();
    let all = totals(&plans);
    let text = if json {
        format!(
            "{}\n",
            serde_json::Value::Array(all.iter().map(as_json).collect())
        )
    } else if all.is_empty() {
        format!("{}\n", ctx.lang.no_indicators())
    } else {
        all.iter().map(|t| said(ctx, t)).collect()
    };
    output::stdout(ctx.lang, &for_terminal(&text, true))
}

fn said(ctx: &Context, t: &IndicatorTotal) -> String {
    let lang = ctx.lang;
    let amount = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| lang.amount(v, &t.unit));
    let mut text = format!(
        "{}\n",
        lang.indicator_heading(t.year, &t.indicator, &t.unit)
    );
    for (unit, s) in &t.by_plan {
        let unit = if unit.is_empty() { "—" } else { unit };
        text.push_str(&format!(
            "  {}\n",
            lang.indicator_line(unit, &amount(s.target), &amount(s.current), s.items)
        ));
    }
    let items = t.by_plan.iter().map(|(_, s)| s.items).sum();
    text.push_str(&format!(
        "  {}\n",
        lang.indicator_line(
            lang.indicator_total(),
            &amount(t.target),
            &amount(t.current),
            items
        )
    ));
    text
}

fn as_json(t: &IndicatorTotal) -> serde_json::Value {
    serde_json::json!({
        "year": t.year,
        "indicator": t.indicator,
        "unit": t.unit,
        "target": t.target,
        "current": t.current,
        "plans": t.by_plan.iter().map(|(unit, s)| serde_json::json!({
            "unit": unit,
            "items": s.items,
            "target": s.target,
            "current": s.current,
        })).collect::<Vec<_>>(),
    })
}
