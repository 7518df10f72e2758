//! Years side by side as a document (`report --compare`): both years'
//! counts, by 方向 and 工程, then every carried target with each year's
//! goal, achievement and outcome.

use super::chart::percent;
use super::doc::{Doc, Section, Table};
use super::report::{item_name, value_cell};
use crate::domain::Kind;
use crate::domain::clock::Clock;
use crate::domain::compare::{Comparison, Side, YearPair};
use crate::domain::report::Report;
use crate::domain::year_end::Tally;
use crate::i18n::Lang;

fn pair_row(p: &YearPair) -> Vec<String> {
    let three = |t: &Option<Tally>| match t {
        Some(t) => [t.items.to_string(), t.done.to_string(), percent(t.rate())],
        None => ["—".to_owned(), "—".to_owned(), "—".to_owned()],
    };
    let mut row = vec![p.name.clone()];
    row.extend(three(&p.earlier));
    row.extend(three(&p.later));
    row
}

fn goal_cell(r: &Report, s: &Side, lang: Lang) -> String {
    let m = &r.items[s.item].row;
    match (m.kind, s.goal) {
        (Kind::Numeric, Some(g)) => lang.amount(g, &m.unit),
        _ => "—".to_owned(),
    }
}

pub fn doc(earlier: &Report, later: &Report, c: &Comparison, lang: Lang, clock: &Clock) -> Doc {
    let w = lang.compare();
    let rw = lang.report();
    let heads = vec![
        lang.year_end().group,
        w.earlier_items,
        w.earlier_done,
        w.earlier_rate,
        w.later_items,
        w.later_done,
        w.later_rate,
    ];
    let widths = vec![4070, 1750, 1750, 1750, 1750, 1750, 1750];
    let mut sections = vec![
        Section {
            heading: w.overall.to_owned(),
            text: Some(lang.years_summary(c.earlier_year, c.later_year, c.linked.len())),
            table: Some(Table {
                heads: heads.clone(),
                widths: widths.clone(),
                rows: vec![pair_row(&c.total)],
            }),
            chart: None,
            after: None,
            sheet: w.tally_sheet.to_owned(),
        },
        Section {
            heading: w.by_group.to_owned(),
            text: None,
            table: Some(Table {
                heads,
                widths,
                rows: c.groups.iter().map(pair_row).collect(),
            }),
            chart: None,
            after: None,
            sheet: w.group_sheet.to_owned(),
        },
    ];
    let rows: Vec<Vec<String>> = c
        .linked
        .iter()
        .map(|l| {
            let m = &later.items[l.later.item].row;
            let mut row = vec![item_name(m)];
            match &l.earlier {
                Some(e) => row.extend([
                    goal_cell(earlier, e, lang),
                    value_cell(&earlier.items[e.item].row, lang),
                    lang.outcome(e.outcome).to_owned(),
                ]),
                None => row.extend([w.gone.to_owned(), "—".to_owned(), "—".to_owned()]),
            }
            row.extend([
                goal_cell(later, &l.later, lang),
                value_cell(m, lang),
                lang.outcome(l.later.outcome).to_owned(),
            ]);
            row
        })
        .collect();
    sections.push(Section {
        heading: w.carried.to_owned(),
        text: rows.is_empty().then(|| w.none_carried.to_owned()),
        table: (!rows.is_empty()).then(|| Table {
            heads: vec![
                rw.item,
                w.earlier_goal,
                w.earlier_value,
                w.earlier_outcome,
                w.later_goal,
                w.later_value,
                w.later_outcome,
            ],
            widths: vec![4370, 1700, 1700, 1700, 1700, 1700, 1700],
            rows,
        }),
        chart: None,
        after: None,
        sheet: w.carried_sheet.to_owned(),
    });
    Doc::of_report(
        later,
        lang.years_title(&later.plan_title, c.earlier_year, c.later_year),
        sections,
        lang,
        clock,
    )
}
