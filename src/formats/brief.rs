//! The one-page 领导版 as a document: the headline counts, the chart of
//! each 方向 and 工程 against 序时进度, the worst red items with who answers
//! for them and their last note, and what falls due next.

use super::chart::Chart;
use super::doc::{Doc, Section, Table};
use super::report::{
    chart_of, item_name, next_cells, next_heads, note_cell, percent, unit_cell, value_cell,
};
use crate::domain::brief::Brief;
use crate::domain::clock::Clock;
use crate::domain::report::{Item, Report};
use crate::i18n::Lang;

/// A note as long as a line of the page's table holds.
const NOTE_CHARS: usize = 48;

fn cut(text: String, most: usize) -> String {
    if text.chars().count() <= most {
        return text;
    }
    let mut out: String = text.chars().take(most - 1).collect();
    out.push('…');
    out
}

/// The percentage points a group is behind (−) or ahead (+) of time.
fn gap(completion: Option<f64>, elapsed: Option<f64>) -> String {
    match (completion, elapsed) {
        #[allow(clippy::cast_possible_truncation)]
        (Some(c), Some(e)) => {
            let points = ((c - e) * 100.0).clamp(-1e6, 1e6).round() as i64;
            if points > 0 {
                format!("+{points}")
            } else {
                points.to_string()
            }
        }
        _ => "—".to_owned(),
    }
}

fn chart_section(r: &Report, lang: Lang) -> Section {
    let w = lang.brief();
    let rw = lang.report();
    let chart: Chart = chart_of(r, lang);
    let rows = chart
        .bars
        .iter()
        .map(|b| {
            vec![
                b.name.clone(),
                percent(b.completion),
                percent(b.elapsed),
                gap(b.completion, b.elapsed),
            ]
        })
        .collect();
    Section {
        heading: w.chart.to_owned(),
        text: None,
        table: Some(Table {
            heads: vec![rw.group, rw.completion, rw.elapsed, w.gap],
            widths: vec![6000, 2000, 2000, 2000],
            rows,
        }),
        chart: Some(chart),
        after: None,
        sheet: w.chart_sheet.to_owned(),
    }
}

fn red_row(i: &Item, lang: Lang) -> Vec<String> {
    let who = i.row.responsible();
    vec![
        item_name(&i.row),
        value_cell(&i.row, lang),
        percent(i.row.measure().progress()),
        unit_cell(who.unit, lang),
        who.lead,
        cut(note_cell(i, lang), NOTE_CHARS),
    ]
}

pub fn doc(r: &Report, b: &Brief, lang: Lang, clock: &Clock) -> Doc {
    let w = lang.brief();
    let rw = lang.report();
    let c = rw.colon;
    let s = r.summary;
    let overall = Section {
        heading: w.overall.to_owned(),
        text: None,
        table: Some(Table {
            // The lights add up to the items: what has none is 不评价.
            heads: vec![
                w.items,
                w.red_lights,
                w.yellow_lights,
                w.green_lights,
                w.waiting,
                w.unjudged,
                w.reached,
                w.overdue,
            ],
            widths: vec![1830, 1820, 1820, 1820, 1820, 1820, 1820, 1820],
            rows: vec![
                [
                    s.items,
                    s.red,
                    s.yellow,
                    s.green,
                    s.waiting,
                    s.unjudged + s.cancelled,
                    s.reached,
                    s.overdue,
                ]
                .iter()
                .map(ToString::to_string)
                .collect(),
            ],
        }),
        chart: None,
        after: None,
        sheet: w.overall_sheet.to_owned(),
    };
    let red_rows: Vec<Vec<String>> = b.red.iter().map(|&i| red_row(&r.items[i], lang)).collect();
    let red = Section {
        heading: w.red.to_owned(),
        text: red_rows.is_empty().then(|| w.red_none.to_owned()),
        table: (!red_rows.is_empty()).then(|| Table {
            heads: vec![rw.item, rw.value, rw.rate, rw.owner, rw.lead, rw.note],
            widths: vec![4400, 1200, 1100, 1700, 1000, 5170],
            rows: red_rows,
        }),
        chart: None,
        after: lang.brief_more(b.red_more, b.other_problems),
        sheet: w.red_sheet.to_owned(),
    };
    let next_rows: Vec<Vec<String>> = b
        .next
        .iter()
        .map(|&i| next_cells(&r.items[i], lang).to_vec())
        .collect();
    let next = Section {
        heading: w.next.to_owned(),
        text: next_rows.is_empty().then(|| w.next_none.to_owned()),
        table: (!next_rows.is_empty()).then(|| Table {
            heads: next_heads(lang).to_vec(),
            widths: vec![6870, 1700, 1100, 900, 2500, 1500],
            rows: next_rows,
        }),
        chart: None,
        after: lang.brief_more(b.next_more, 0),
        sheet: w.next_sheet.to_owned(),
    };
    Doc {
        title: lang.brief_title(&r.plan_title),
        meta: vec![
            format!("{}{c}{}", rw.as_of, r.as_of),
            format!("{}{c}{}", rw.report_date, clock.local_minute(&r.made_at)),
            format!("{}{c}{}", rw.made_by, r.made_by),
        ],
        as_of: r.as_of.to_string(),
        made_by: r.made_by.clone(),
        made_at: r.made_at.clone(),
        portrait: true,
        sections: vec![overall, chart_section(r, lang), red, next],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gap_says_behind_or_ahead_in_points() {
        assert_eq!(gap(Some(0.3), Some(0.55)), "-25");
        assert_eq!(gap(Some(0.9), Some(0.5)), "+40");
        assert_eq!(gap(Some(0.5), Some(0.5)), "0");
        assert_eq!(gap(None, Some(0.5)), "—");
    }

    #[test]
    fn a_long_note_is_cut_with_an_ellipsis() {
        assert_eq!(cut("短".into(), 3), "短");
        assert_eq!(cut("一二三四".into(), 3), "一二…");
    }
}
