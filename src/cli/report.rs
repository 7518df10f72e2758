//! `plan-cockpit report`: the weekly 工作进展 report, assembled from the
//! store's rows and the domain's judgement, written by `formats::report`.

use super::commands::{Context, open_seeded};
use super::{Failure, Outcome};
use crate::domain::dates::parse_date;
use crate::domain::lens::Lens;
use crate::domain::report::{self, Item, Period, Report};
use crate::domain::rows::MilestoneRow;
use crate::domain::scope::Scope;
use crate::i18n::Lang;
use crate::store::{ListFilter, Store};
use jiff::civil::Date;
use std::collections::HashMap;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Html,
    /// Excel/WPS: a sheet per group, the changes, the problems, next steps.
    Xlsx,
    /// Word/WPS: A4, the tables' header rows repeated on every page.
    Docx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    Direction,
    Program,
    Area,
    Owner,
}

pub struct ReportArgs {
    pub as_of: Option<String>,
    pub since: Option<String>,
    pub by: By,
    pub owner: Option<String>,
    pub format: ReportFormat,
    pub output: Option<PathBuf>,
}

/// What "the next period" of 下步计划 spans.
const NEXT_DAYS: i64 = 30;

/// The report of the plan in `store` for `period`, grouped `by`, of the
/// work `owner` answers for (all when none).
pub fn build(
    store: &Store,
    lang: Lang,
    period: &Period,
    by: By,
    owner: Option<&str>,
    clock: &crate::domain::Clock,
) -> crate::store::Result<Report> {
    let mut readings = store.target_readings()?;
    let mut notes = store.latest_notes()?;
    let day = |s: &str| s.parse::<Date>().ok();
    let mut items: Vec<Item> = Vec::new();
    let filter = ListFilter {
        scope: Scope {
            owner: owner.map(str::to_owned),
            ..Scope::default()
        },
        overdue_on: None,
    };
    store.each_milestone(&filter, |mut row: MilestoneRow| {
        let points: Vec<(Date, f64)> = readings
            .remove(&row.id)
            .unwrap_or_default()
            .into_iter()
            // A reading after the report's day was not known on it.
            .filter_map(|(d, v)| day(&d).filter(|d| *d <= period.as_of).map(|d| (d, v)))
            .collect();
        let note = notes.remove(&row.id);
        // What the report never shows is not kept for it.
        row.updated_at = String::new();
        row.updated_by = String::new();
        items.push(report::item(row, &points, note, period));
    })?;
    drop((readings, notes));
    let w = lang.report();
    // Items are grouped by the Chinese name the rows carry, then each
    // group is shown by its name in the report's language.
    let names = |lens: Lens| -> crate::store::Result<(Vec<String>, HashMap<String, String>)> {
        let groups = store.groups(lens)?;
        let order = groups.iter().map(|g| g.name.clone()).collect();
        let shown = groups
            .iter()
            .map(|g| (g.name.clone(), lang.name(&g.name, &g.name_en).to_owned()))
            .collect();
        Ok((order, shown))
    };
    let in_lang = |mut groups: Vec<report::Group>, shown: &HashMap<String, String>| {
        for g in &mut groups {
            if let Some(name) = shown.get(&g.name) {
                g.name.clone_from(name);
            }
        }
        groups
    };
    let direction_of = |i: &Item| vec![i.row.direction.clone()];
    let program_of = |i: &Item| i.row.program.iter().cloned().collect::<Vec<_>>();
    let (order, shown) = names(Lens::Directions)?;
    let directions = in_lang(
        report::grouped(&items, &order, direction_of, w.other),
        &shown,
    );
    let (order, shown) = names(Lens::Programs)?;
    let by_program = in_lang(report::grouped(&items, &order, program_of, w.other), &shown);
    let programs = by_program
        .iter()
        .filter(|g| g.name != w.other)
        .cloned()
        .collect();
    let groups = match by {
        By::Direction => directions.clone(),
        By::Program => by_program,
        By::Area => {
            let areas = store.areas_of_projects()?;
            let known: HashMap<i64, String> = store
                .areas()?
                .into_iter()
                .map(|(id, _, zh, en)| (id, lang.name(&zh, &en).to_owned()))
                .collect();
            // `areas()` is in plan order: the groups follow it.
            let order: Vec<String> = store
                .areas()?
                .into_iter()
                .map(|(_, _, zh, en)| lang.name(&zh, &en).to_owned())
                .collect();
            report::grouped(
                &items,
                &order,
                |i| {
                    areas
                        .get(&i.row.project_id)
                        .map(|ids| ids.iter().filter_map(|a| known.get(a).cloned()).collect())
                        .unwrap_or_default()
                },
                w.other,
            )
        }
        By::Owner => {
            let mut order: Vec<String> = items
                .iter()
                .map(|i| i.row.responsible().unit)
                .filter(|u| !u.is_empty())
                .collect();
            order.sort();
            order.dedup();
            let unit = |i: &Item| {
                let u = i.row.responsible().unit;
                if u.is_empty() { vec![] } else { vec![u] }
            };
            report::grouped(&items, &order, unit, w.no_owner)
        }
    };
    Ok(Report {
        plan_title: store.plan_title()?,
        as_of: period.as_of,
        since: period.since,
        made_by: store.author().to_owned(),
        made_at: clock.now_text(),
        by: match by {
            By::Direction => Lens::Directions,
            By::Program => Lens::Programs,
            By::Area => Lens::Areas,
            By::Owner => Lens::Owners,
        },
        summary: report::summary(&items),
        directions,
        programs,
        groups,
        changes: store.changes_since(&clock.start_of(period.since))?,
        problems: report::problems(&items),
        next: report::next(&items, period),
        next_days: period.next_days,
        items,
    })
}

pub fn run(ctx: &Context, args: ReportArgs) -> Outcome {
    let lang = ctx.lang;
    let bad = |flag: &str, e| Failure::Input(lang.bad_flag(flag, &e));
    let today = ctx.clock.today();
    let as_of = match &args.as_of {
        Some(d) => parse_date(d).map_err(|e| bad("as-of", e))?,
        None => today,
    };
    let week_before = as_of
        .checked_sub(jiff::Span::new().days(7))
        .unwrap_or(as_of);
    let since = match &args.since {
        Some(d) => parse_date(d).map_err(|e| bad("since", e))?,
        None => week_before,
    };
    let store = open_seeded(ctx, false)?;
    let period = Period {
        as_of,
        since,
        plan_year: store.plan_year().unwrap_or(2023),
        next_days: NEXT_DAYS,
    };
    let report =
        store.snapshot(|s| build(s, lang, &period, args.by, args.owner.as_deref(), &ctx.clock))?;
    // A workbook is bytes for a file, not text for a terminal.
    let binary = matches!(args.format, ReportFormat::Xlsx | ReportFormat::Docx);
    if binary && args.output.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return Err(Failure::Input(lang.binary_needs_file()));
    }
    // Written as it is laid out: a city plan's report is tens of MB.
    let format = args.format;
    let fill = |out: &mut dyn std::io::Write| match format {
        ReportFormat::Markdown => crate::formats::report::markdown(&report, lang, &ctx.clock, out),
        ReportFormat::Html => crate::formats::report::html(&report, lang, &ctx.clock, out),
        ReportFormat::Docx => crate::formats::report_docx::docx(&report, lang, &ctx.clock, out),
        ReportFormat::Xlsx => crate::formats::report_xlsx::xlsx(&report, lang, &ctx.clock, out)
            .map_err(|e| match e {
                rust_xlsxwriter::XlsxError::IoError(e) => e,
                other => std::io::Error::other(other.to_string()),
            }),
    };
    match &args.output {
        Some(path) => super::output::file_with(lang, path, fill),
        None => super::output::stdout_with(lang, fill),
    }
}
