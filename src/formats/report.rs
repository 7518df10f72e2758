//! The report laid out as Markdown or as one self-contained HTML page
//! (inline CSS, A4 when printed, no request to anywhere). Both take the
//! same cells from here, so they always say the same thing.

use crate::domain::Kind;
use crate::domain::clock::Clock;
use crate::domain::pace::Light;
use crate::domain::report::{ChangeRow, Group, Item, Report};
use crate::domain::rows::MilestoneRow;
use crate::domain::text::for_terminal;
use crate::i18n::Lang;
use std::io::{self, Write};

/// A share as every report writes it (the chart too, which owns it).
pub(super) use super::chart::percent;

pub(super) fn light_word(lang: Lang, light: Light) -> String {
    match light {
        Light::Off => "—".into(),
        l => lang.light(l).to_owned(),
    }
}

/// The appendix's row of a source quote: where it is cited, and its text.
pub(super) fn quote_cells(q: &crate::domain::report::Quote, lang: Lang) -> [String; 2] {
    [q.places.join(lang.report().parts_joined), q.body.clone()]
}

pub(super) fn quote_heads(lang: Lang) -> [&'static str; 2] {
    let w = lang.report();
    [w.quoted_at, w.quote]
}

/// How many columns an item table has.
pub(super) const ITEM_COLUMNS: usize = 10;

/// The cells of one item's row: 指标/任务, 目标值, 完成值, 完成率, 序时进度,
/// 亮灯, 完成时限, 责任单位, 责任人, 最新备注.
pub(super) fn item_cells(item: &Item, lang: Lang) -> [String; ITEM_COLUMNS] {
    let w = lang.report();
    let m = &item.row;
    let target = match m.kind {
        Kind::YesNo => "—".to_owned(),
        Kind::Numeric => m
            .target
            .map_or_else(|| w.past_figure.to_owned(), |t| lang.amount(t, &m.unit)),
    };
    let who = m.responsible();
    [
        item_name(m),
        target,
        value_cell(m, lang),
        percent(m.measure().progress()),
        percent(item.elapsed),
        light_word(lang, item.light()),
        due_cell(item, lang),
        unit_cell(who.unit, lang),
        who.lead,
        note_cell(item, lang),
    ]
}

/// An item as a table names it: a task named only by what is done
/// (`动工建设`, `年内投产`) says whose.
pub(super) fn item_name(m: &MilestoneRow) -> String {
    if m.title.contains(&m.project) {
        m.title.clone()
    } else {
        format!("{} › {}", m.project, m.title)
    }
}

/// 完成值: a task's 已完成/未完成, a value in its unit, or a dash.
pub(super) fn value_cell(m: &MilestoneRow, lang: Lang) -> String {
    let w = lang.report();
    match m.kind {
        Kind::YesNo if m.status == crate::domain::Status::Done => w.done.to_owned(),
        Kind::YesNo => w.open.to_owned(),
        Kind::Numeric => m
            .current
            .map_or_else(|| "—".to_owned(), |c| lang.amount(c, &m.unit)),
    }
}

/// 责任单位, or that none is named.
pub(super) fn unit_cell(unit: String, lang: Lang) -> String {
    if unit.is_empty() {
        lang.report().no_owner.to_owned()
    } else {
        unit
    }
}

/// 最新备注: the newest progress note with the day it speaks of.
pub(super) fn note_cell(item: &Item, lang: Lang) -> String {
    item.note
        .as_ref()
        .map(|n| lang.dated_note(n.day.get(5..).unwrap_or(&n.day), &n.body))
        .unwrap_or_default()
}

/// The time limit's cell: 未设时限 marks exactly what 总体情况 counts as
/// 未设完成时限 (open work); a past figure or finished work without one
/// shows a dash.
pub(super) fn due_cell(item: &Item, lang: Lang) -> String {
    match (&item.row.due, item.undated()) {
        (Some(d), _) => d.to_string(),
        (None, true) => lang.report().no_due.to_owned(),
        (None, false) => "—".to_owned(),
    }
}

/// 下步计划's row: what falls due, when, how far it is and who answers —
/// one line, as the full row is in the tables above.
pub(super) fn next_cells(item: &Item, lang: Lang) -> [String; 6] {
    let m = &item.row;
    let who = m.responsible();
    [
        item_name(m),
        due_cell(item, lang),
        percent(m.measure().progress()),
        light_word(lang, item.light()),
        unit_cell(who.unit, lang),
        who.lead,
    ]
}

pub(super) fn next_heads(lang: Lang) -> [&'static str; 6] {
    let w = lang.report();
    [w.item, w.due, w.rate, w.light, w.owner, w.lead]
}

/// Where 亮灯 is among `next_cells`.
pub(super) const NEXT_LIGHT: usize = 3;

pub(super) fn item_heads(lang: Lang) -> [&'static str; ITEM_COLUMNS] {
    let w = lang.report();
    [
        w.item, w.target, w.value, w.rate, w.elapsed, w.light, w.due, w.owner, w.lead, w.note,
    ]
}

/// A row of 本周进展: when, who, where, and what changed in that save
/// (`完成值: 520 → 540；备注:三季度认定批次`). A note added says its text
/// once, not its number and its text.
pub(super) fn change_cells(c: &ChangeRow, lang: Lang, clock: &Clock) -> [String; 4] {
    let w = lang.report();
    let texted = c
        .parts
        .iter()
        .any(|(f, old, _)| f == "body" && old.is_none());
    let said: Vec<String> = c
        .parts
        .iter()
        .filter(|(f, _, _)| !(texted && f == "note"))
        .map(|(field, old, new)| match (field.as_str(), old, new) {
            ("body", None, Some(text)) => format!("{}{}{text}", w.note_added, w.colon),
            _ => lang.change(field, old.as_deref(), new.as_deref()),
        })
        .collect();
    [
        clock.local_minute(&c.at),
        c.author.clone(),
        c.place.clone(),
        said.join(w.parts_joined),
    ]
}

pub(super) fn overview_rows(r: &Report) -> Vec<(String, &Group)> {
    r.directions
        .iter()
        .map(|g| (g.name.clone(), g))
        .chain(r.programs.iter().map(|g| (g.name.clone(), g)))
        .collect()
}

/// 总体情况's chart: each direction, then each 工程 below a rule.
pub(super) fn chart_of(r: &Report, lang: Lang) -> super::chart::Chart {
    let w = lang.report();
    let bars = r
        .directions
        .iter()
        .map(|g| (g, false))
        .chain(r.programs.iter().enumerate().map(|(n, g)| (g, n == 0)))
        .map(|(g, rule_above)| super::chart::Bar {
            name: for_terminal(&g.name, false),
            completion: g.completion,
            elapsed: g.elapsed,
            rule_above: rule_above && !r.directions.is_empty(),
        })
        .collect();
    super::chart::Chart {
        bars,
        done_word: w.completion.to_owned(),
        pace_word: w.elapsed.to_owned(),
    }
}

/// `科技创新培优工程(完成率 0%,序时进度 66%)`.
pub(super) fn group_heading(g: &Group, lang: Lang) -> String {
    lang.group_heading(&g.name, &percent(g.completion), &percent(g.elapsed))
}

/// Each group's heading as a section of a report is numbered: in Chinese
/// `（一）新产业…`, and its 工程 `1. 科技创新培优工程…`; in English the
/// headings alone.
pub(super) fn group_titles(r: &Report, lang: Lang) -> Vec<String> {
    const CN: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    let (mut section, mut part) = (0usize, 0usize);
    r.groups
        .iter()
        .map(|g| {
            let heading = group_heading(g, lang);
            if lang != Lang::Zh {
                return heading;
            }
            if g.depth == 0 {
                section += 1;
                part = 0;
                match CN.get(section - 1) {
                    Some(n) => format!("（{n}）{heading}"),
                    None => format!("（{section}）{heading}"),
                }
            } else {
                part += 1;
                format!("{part}. {heading}")
            }
        })
        .collect()
}

pub(super) fn changes_heading(r: &Report, lang: Lang) -> String {
    lang.changes_heading(r.since, r.as_of)
}

/// The baseline section's heading, and one row per target or time limit
/// that moved: where, target (was → now, by how much), time limit, by whom.
pub(super) fn baseline_heading(r: &Report, lang: Lang, clock: &Clock) -> Option<String> {
    let (info, _) = r.baseline.as_ref()?;
    Some(lang.baseline_heading(
        &info.name,
        &clock.local_minute(&info.saved_at),
        &info.saved_by,
    ))
}

pub(super) fn baseline_heads(lang: Lang) -> [&'static str; 4] {
    let w = lang.report();
    [w.place, w.target_moved, w.due_moved, w.moved_by]
}

pub(super) fn title(r: &Report, lang: Lang) -> String {
    format!("{} {}", r.plan_title, lang.report().title)
}

pub(super) fn summary_line(r: &Report, lang: Lang) -> String {
    lang.overview_line(&r.summary)
}

/// Markdown table cells stay one line and cannot end the cell early.
pub(super) fn md(s: &str) -> String {
    // Stored text is clean already; this guards the way out anyway. HTML
    // in it is written as entities: Markdown viewers would render it.
    super::markdown::no_html(&for_terminal(s, true))
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', "<br>")
}

pub(super) fn md_table(
    out: &mut impl Write,
    heads: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> io::Result<()> {
    writeln!(out, "| {} |", heads.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(heads.len()))?;
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| md(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    writeln!(out)
}

pub fn markdown(r: &Report, lang: Lang, clock: &Clock, mut out: &mut dyn Write) -> io::Result<()> {
    let w = lang.report();
    writeln!(out, "# {}\n", md(&title(r, lang)))?;
    let c = w.colon;
    writeln!(
        out,
        "{}{c}{}  \n{}{c}{}  \n{}{c}{}\n",
        w.report_date,
        clock.local_minute(&r.made_at),
        w.as_of,
        r.as_of,
        w.made_by,
        md(&r.made_by)
    )?;
    writeln!(out, "## {}\n\n{}\n", w.overview, summary_line(r, lang))?;
    md_table(
        &mut out,
        &[w.group, w.completion, w.elapsed],
        overview_rows(r)
            .into_iter()
            .map(|(n, g)| vec![n, percent(g.completion), percent(g.elapsed)]),
    )?;
    writeln!(out, "## {}\n", w.progress_by)?;
    for (g, title) in r.groups.iter().zip(group_titles(r, lang)) {
        let level = if g.depth == 0 { "###" } else { "####" };
        writeln!(out, "{level} {}\n", md(&title))?;
        // A direction with its 工程 after it: its items are theirs.
        if g.parted {
            continue;
        }
        md_table(
            &mut out,
            &item_heads(lang),
            g.members
                .iter()
                .map(|&i| item_cells(&r.items[i], lang).to_vec()),
        )?;
    }
    writeln!(out, "## {}\n", changes_heading(r, lang))?;
    if r.changes.is_empty() {
        writeln!(out, "{}\n", w.changes_none)?;
    } else {
        md_table(
            &mut out,
            &[w.when, w.who, w.place, w.change],
            r.changes
                .iter()
                .map(|c| change_cells(c, lang, clock).to_vec()),
        )?;
    }
    writeln!(out, "## {}\n", w.problems)?;
    if r.problems.is_empty() {
        writeln!(out, "{}\n", w.problems_none)?;
    } else {
        md_table(
            &mut out,
            &item_heads(lang),
            r.problems
                .iter()
                .map(|&i| item_cells(&r.items[i], lang).to_vec()),
        )?;
    }
    writeln!(out, "## {}\n", w.next)?;
    if r.next.is_empty() {
        writeln!(out, "{}\n", w.next_none)?;
    } else {
        md_table(
            &mut out,
            &next_heads(lang),
            r.next
                .iter()
                .map(|&i| next_cells(&r.items[i], lang).to_vec()),
        )?;
    }
    if let (Some(heading), Some((_, moved))) = (baseline_heading(r, lang, clock), &r.baseline) {
        writeln!(out, "## {}\n", md(&heading))?;
        if moved.is_empty() {
            writeln!(out, "{}\n", w.baseline_none)?;
        } else {
            let rows = moved.iter().map(|m| m.cells().to_vec());
            md_table(&mut out, &baseline_heads(lang), rows)?;
        }
    }
    if !r.quotes.is_empty() {
        writeln!(out, "## {}\n", w.quotes_heading)?;
        let rows = r.quotes.iter().map(|q| quote_cells(q, lang).to_vec());
        md_table(&mut out, &quote_heads(lang), rows)?;
    }
    Ok(())
}

/// Text inside markup (HTML, WordprocessingML): every character that
/// could start markup is escaped, and nothing markup cannot hold remains
/// (control characters are shown as escapes). `br` turns line breaks into
/// HTML's `<br>`.
pub(super) fn escape_markup(s: &str, br: bool) -> String {
    let s = for_terminal(s, br);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' if br => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}
