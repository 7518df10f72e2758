//! The reports as a use case: the weekly report assembled from the store's
//! rows and the domain's judgement, its one-page 领导版 and the year-end
//! 考核 (the formats lay them out) — what `plan-cockpit report` prints and
//! what `R` in the cockpit writes to a file while the planner works on.
//! No terminal and no command line here: clap's names for these live in
//! `cli/args.rs`.

use crate::domain::lens::Lens;
use crate::domain::report::{self, Item, Period, Report};
use crate::domain::rows::MilestoneRow;
use crate::domain::scope::Scope;
use crate::domain::trend::Trend;
use crate::i18n::Lang;
use crate::store::{ListFilter, Store};
use jiff::civil::Date;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Markdown,
    Html,
    /// Excel/WPS: a sheet per group, the changes, the problems, next steps.
    Xlsx,
    /// Word/WPS: A4, the tables' header rows repeated on every page.
    Docx,
}

/// How the weekly report's tables are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    /// Each 方向, with its 工程 inside (the default).
    Direction,
    Program,
    Area,
    Owner,
}

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
        let all = readings.remove(&row.id).unwrap_or_default();
        let known = all.len();
        let points: Vec<(Date, f64)> = all
            .into_iter()
            // A reading after the report's day was not known on it.
            .filter_map(|(d, v)| day(&d).filter(|d| *d <= period.as_of).map(|d| (d, v)))
            .collect();
        // Judged on an earlier day, the value is that day's: the newest
        // reading by then (none yet: nothing recorded).
        if points.len() < known {
            row.current = points.last().map(|p| p.1);
            row.trend = Trend::of(&points);
        }
        let note = notes.remove(&row.id);
        // What the report never shows is not kept for it.
        row.updated_at = String::new();
        row.updated_by = String::new();
        items.push(report::item(row, note, period));
    })?;
    drop((readings, notes));
    let people = store.names()?;
    let Groupings {
        directions,
        programs,
        groups,
    } = groupings(store, lang, &items, by)?;
    Ok(Report {
        plan_title: store.plan_title()?,
        plan: store.plan_now()?.map(|p| p.identity).unwrap_or_default(),
        as_of: period.as_of,
        since: period.since,
        // People by the names an office reads (`user set`).
        made_by: people.with_unit(store.author()),
        made_at: clock.now_text(),
        summary: report::summary(&items),
        directions,
        programs,
        groups,
        // Up to the end of the report's day: a report of June says June.
        changes: report::change_rows(
            store
                .changes_between(
                    &clock.start_of(period.since),
                    &clock.start_of(period.as_of.tomorrow().unwrap_or(period.as_of)),
                )?
                .into_iter()
                .map(|mut c| {
                    c.author = people.said(&c.author);
                    c
                })
                .collect(),
        ),
        problems: report::problems(&items),
        next: report::next(&items, period),
        baseline: None,
        quotes: Vec::new(),
        items,
    })
}

/// The report's groups: each direction's and each 工程's (the overview),
/// and the grouping the tables are in.
struct Groupings {
    directions: Vec<report::Group>,
    programs: Vec<report::Group>,
    groups: Vec<report::Group>,
}

fn groupings(store: &Store, lang: Lang, items: &[Item], by: By) -> crate::store::Result<Groupings> {
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
        report::grouped(items, &order, direction_of, w.other),
        &shown,
    );
    let (program_order, program_shown) = names(Lens::Programs)?;
    let by_program = in_lang(
        report::grouped(items, &program_order, program_of, w.other),
        &program_shown,
    );
    let programs = by_program
        .iter()
        .filter(|g| g.name != w.other)
        .cloned()
        .collect();
    let groups = match by {
        // Each direction with its 工程 inside: nothing of a direction
        // lands in "其他".
        By::Direction => {
            let program = |i: &Item| i.row.program.clone();
            in_lang(
                report::nested(
                    items,
                    directions.clone(),
                    &program_order,
                    program,
                    w.outside_programs,
                ),
                &program_shown,
            )
        }
        By::Program => by_program,
        By::Area => {
            let areas = store.areas_of_projects()?;
            // `areas()` is in plan order: the groups follow it.
            let named: Vec<(i64, String)> = store
                .areas()?
                .into_iter()
                .map(|(id, _, zh, en)| (id, lang.name(&zh, &en).to_owned()))
                .collect();
            let known: HashMap<i64, String> = named.iter().cloned().collect();
            let order: Vec<String> = named.into_iter().map(|(_, name)| name).collect();
            report::grouped(
                items,
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
            report::grouped(items, &order, unit, w.no_owner)
        }
    };
    Ok(Groupings {
        directions,
        programs,
        groups,
    })
}

/// Which report: the weekly one, the one-page 领导版, or the year-end 考核.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    Weekly,
    Brief,
    YearEnd,
}

/// The one-page 领导版 of the weekly report `build` gives for `period`.
pub fn brief(
    store: &Store,
    lang: Lang,
    period: &Period,
    owner: Option<&str>,
    clock: &crate::domain::Clock,
) -> crate::store::Result<crate::formats::doc::Doc> {
    let report = store.snapshot(|s| build(s, lang, period, By::Direction, owner, clock))?;
    let brief = crate::domain::brief::brief(&report);
    Ok(crate::formats::brief::doc(&report, &brief, lang, clock))
}

/// The year-end 考核 of `year`: judged on its last day (or today, before
/// it), with only the readings known by then.
pub fn year_end(
    store: &Store,
    lang: Lang,
    year: i16,
    plan_year: i16,
    owner: Option<&str>,
    clock: &crate::domain::Clock,
) -> crate::store::Result<crate::formats::doc::Doc> {
    let period = Period::year_end(year, clock.today());
    let report = store.snapshot(|s| build(s, lang, &period, By::Direction, owner, clock))?;
    let assessed =
        crate::domain::year_end::assess(&report, year, plan_year, lang.year_end().whole_year);
    Ok(crate::formats::year_end::doc(
        &report, &assessed, lang, clock,
    ))
}

/// Years side by side: `store`'s plan, judged as its year stands, against
/// `earlier`'s, judged at its year end (see `domain::compare`).
pub fn compare(
    earlier: &Store,
    store: &Store,
    lang: Lang,
    owner: Option<&str>,
    clock: &crate::domain::Clock,
) -> crate::store::Result<crate::formats::doc::Doc> {
    let whole = lang.year_end().whole_year;
    let judged = |s: &Store| -> crate::store::Result<_> {
        let year = s.plan_year().unwrap_or(2023);
        let period = Period::year_end(year, clock.today());
        let report = s.snapshot(|v| build(v, lang, &period, By::Direction, owner, clock))?;
        let assessed = crate::domain::year_end::assess(&report, year, year, whole);
        Ok((report, assessed))
    };
    let (er, eye) = judged(earlier)?;
    let (lr, lye) = judged(store)?;
    let identity = earlier
        .plans()?
        .first()
        .map(|p| p.identity.clone())
        .unwrap_or_default();
    let c = crate::domain::compare::compare((&er, &eye), &identity, (&lr, &lye));
    Ok(crate::formats::compare::doc(&er, &lr, &c, lang, clock))
}

/// What `R` asks to be written: this week's report, its 领导版 or the
/// year-end 考核, in `format`.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportAsk {
    pub kind: ReportKind,
    pub format: ReportFormat,
    pub lang: Lang,
    pub as_of: Date,
    pub plan_year: i16,
    /// Where the file goes (the folder the cockpit was started in).
    pub folder: std::path::PathBuf,
}

/// Why a report could not be written.
#[derive(Debug)]
pub enum ReportFailed {
    Store(crate::store::Error),
    File(std::path::PathBuf, crate::files::WriteError),
}

impl ReportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Markdown => "md",
            ReportFormat::Html => "html",
            ReportFormat::Docx => "docx",
            ReportFormat::Xlsx => "xlsx",
        }
    }

    /// Lays `report` out in this format.
    pub fn write(
        self,
        report: &Report,
        lang: Lang,
        clock: &crate::domain::Clock,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        match self {
            ReportFormat::Markdown => crate::formats::report::markdown(report, lang, clock, out),
            ReportFormat::Html => crate::formats::report_html::html(report, lang, clock, out),
            ReportFormat::Docx => crate::formats::report_docx::docx(report, lang, clock, out),
            ReportFormat::Xlsx => {
                crate::formats::report_xlsx::xlsx(report, lang, clock, out).map_err(xlsx_io)
            }
        }
    }
}

impl ReportFormat {
    /// Lays a plain document (the year-end 考核) out in this format.
    pub fn write_doc(
        self,
        doc: &crate::formats::doc::Doc,
        lang: Lang,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        use crate::formats::doc;
        match self {
            ReportFormat::Markdown => doc::markdown(doc, out),
            ReportFormat::Html => doc::html(doc, lang, out),
            ReportFormat::Docx => doc::docx(doc, lang, out),
            ReportFormat::Xlsx => doc::xlsx(doc, out).map_err(xlsx_io),
        }
    }
}

/// A workbook's failure as the writers' I/O error (a write's own, when it
/// was one).
fn xlsx_io(e: rust_xlsxwriter::XlsxError) -> std::io::Error {
    match e {
        rust_xlsxwriter::XlsxError::IoError(e) => e,
        other => std::io::Error::other(other.to_string()),
    }
}

impl ReportFailed {
    /// In the planner's words.
    pub fn said(&self, lang: Lang, clock: &crate::domain::Clock) -> String {
        match self {
            ReportFailed::Store(e) => lang.error(e, Some(clock)),
            ReportFailed::File(path, crate::files::WriteError::Io(e)) => lang.file_failed(path, e),
            ReportFailed::File(path, crate::files::WriteError::Refused(r)) => {
                format!("{}: {}", path.display(), lang.unwritable(r))
            }
        }
    }
}

/// What a report is laid out from: the weekly report's own structure, or
/// a plain document.
enum Made {
    Report(Box<Report>),
    Doc(crate::formats::doc::Doc),
}

/// Writes the report `ask` wants of `store`'s plan into a file of its own
/// in `ask.folder` (`工作进展报告-2023-12-05.docx`, `-2` and on when that
/// name is taken); returns where.
pub fn write_report(
    store: &Store,
    ask: &ReportAsk,
    clock: &crate::domain::Clock,
) -> Result<std::path::PathBuf, ReportFailed> {
    let lang = ask.lang;
    let period = Period::weekly(ask.as_of, ask.plan_year, None, None);
    let (made, stem) = match ask.kind {
        ReportKind::Weekly => (
            Made::Report(Box::new(
                store
                    .snapshot(|s| build(s, lang, &period, By::Direction, None, clock))
                    .map_err(ReportFailed::Store)?,
            )),
            format!("{}-{}", lang.report().file_stem, ask.as_of),
        ),
        ReportKind::Brief => (
            Made::Doc(brief(store, lang, &period, None, clock).map_err(ReportFailed::Store)?),
            format!("{}-{}", lang.brief().file_stem, ask.as_of),
        ),
        ReportKind::YearEnd => (
            Made::Doc(
                year_end(store, lang, ask.plan_year, ask.plan_year, None, clock)
                    .map_err(ReportFailed::Store)?,
            ),
            format!("{}-{}", lang.year_end().file_stem, ask.plan_year),
        ),
    };
    let ext = ask.format.extension();
    let mut path = ask.folder.join(format!("{stem}.{ext}"));
    let mut n = 2;
    while path.exists() {
        path = ask.folder.join(format!("{stem}-{n}.{ext}"));
        n += 1;
    }
    let mode = crate::store::file_mode(&ask.folder);
    crate::files::write_atomically_with(&path, mode, |out| match &made {
        Made::Report(report) => ask.format.write(report, lang, clock, out),
        Made::Doc(doc) => ask.format.write_doc(doc, lang, out),
    })
    .map_err(|e| ReportFailed::File(path.clone(), e))?;
    Ok(path)
}
