//! The year-end 考核 as a document: the whole year's counts, each 方向's
//! and 工程's, then every item with its year's goal, what it achieved and
//! whether it was done, who answers for it and its latest progress note.

use super::doc::{Doc, Section, Table};
use super::report::{item_name, note_cell, percent, unit_cell, value_cell};
use crate::domain::Kind;
use crate::domain::clock::Clock;
use crate::domain::report::Report;
use crate::domain::year_end::{Tally, YearEnd};
use crate::i18n::Lang;

fn tally_row(t: &Tally) -> Vec<String> {
    vec![
        t.name.clone(),
        t.items.to_string(),
        t.done.to_string(),
        t.not_done.to_string(),
        t.no_step.to_string(),
        percent(t.rate()),
    ]
}

pub fn doc(r: &Report, ye: &YearEnd, lang: Lang, clock: &Clock) -> Doc {
    let w = lang.year_end();
    let rw = lang.report();
    let tally_heads = vec![w.group, w.items, w.done, w.not_done, w.no_step, w.rate];
    let tally_widths = vec![5570, 1800, 1800, 1800, 1800, 1800];
    let mut sections = vec![Section {
        heading: w.overall.to_owned(),
        text: Some(lang.year_end_summary(ye.year, &ye.total, &percent(ye.total.rate()))),
        table: Some(Table {
            heads: tally_heads.clone(),
            widths: tally_widths.clone(),
            rows: vec![tally_row(&ye.total)],
        }),
        chart: None,
        after: None,
        sheet: w.tally_sheet.to_owned(),
    }];
    sections.push(Section {
        heading: w.by_group.to_owned(),
        text: None,
        table: Some(Table {
            heads: tally_heads,
            widths: tally_widths,
            rows: ye
                .tallies
                .iter()
                .filter(|t| t.items > 0)
                .map(tally_row)
                .collect(),
        }),
        chart: None,
        after: None,
        sheet: w.group_sheet.to_owned(),
    });
    let rows: Vec<Vec<String>> = ye
        .rows
        .iter()
        .map(|a| {
            let i = &r.items[a.item];
            let m = &i.row;
            let who = m.responsible();
            let goal = match m.kind {
                Kind::YesNo => "—".to_owned(),
                Kind::Numeric => a
                    .goal
                    .map_or_else(|| "—".to_owned(), |g| lang.amount(g, &m.unit)),
            };
            vec![
                item_name(m),
                goal,
                value_cell(m, lang),
                lang.outcome(a.outcome).to_owned(),
                m.due
                    .as_ref()
                    .map_or_else(|| "—".to_owned(), ToString::to_string),
                unit_cell(who.unit, lang),
                who.lead,
                note_cell(i, lang),
            ]
        })
        .collect();
    sections.push(Section {
        heading: w.each.to_owned(),
        text: rows.is_empty().then(|| w.none.to_owned()),
        table: (!rows.is_empty()).then(|| Table {
            heads: vec![
                rw.item, w.goal, rw.value, w.outcome, rw.due, rw.owner, rw.lead, rw.note,
            ],
            widths: vec![3700, 1300, 1300, 1300, 1200, 1600, 1000, 3170],
            rows,
        }),
        chart: None,
        after: None,
        sheet: w.items_sheet.to_owned(),
    });
    Doc::of_report(
        r,
        lang.year_end_title(&r.plan_title, ye.year),
        sections,
        lang,
        clock,
    )
}
