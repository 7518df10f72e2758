//! The report as one self-contained HTML page: inline CSS, A4 when
//! printed, table headers repeated on every page, light cells coloured
//! with the word in them, nothing fetched from anywhere.

use super::report::{
    NEXT_LIGHT, baseline_heading, baseline_heads, change_cells, changes_heading, escape_markup,
    group_titles, item_cells, item_heads, next_cells, next_heads, overview_rows, percent,
    summary_line, title,
};
use crate::domain::clock::Clock;
use crate::domain::pace::Light;
use crate::domain::report::Report;
use crate::i18n::Lang;
use std::io::{self, Write};

pub(super) fn h(s: &str) -> String {
    escape_markup(s, true)
}

const CSS: &str = "@page{size:A4;margin:15mm}\
body{font-family:'SimSun','Songti SC','Noto Serif CJK SC',serif;font-size:11pt;color:#000;max-width:190mm;margin:auto}\
h1{font-family:'SimHei','Heiti SC','Noto Sans CJK SC',sans-serif;font-size:16pt;text-align:center}\
h2{font-family:'SimHei','Heiti SC','Noto Sans CJK SC',sans-serif;font-size:14pt;margin:1em 0 .5em}\
h3{font-size:12pt}p{margin:.4em 0}p.meta{text-align:center}\
table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:9.5pt}\
th,td{border:1px solid #000;padding:2px 4px;vertical-align:top}th{background:#eee;white-space:nowrap}\
thead{display:table-header-group}tr{page-break-inside:avoid}\
td.red{background:#f4c7c3}td.yellow{background:#fce8b2}td.green{background:#d9ead3}td.grey{background:#e7e6e6}\
table.items td:nth-child(n+2):nth-child(-n+7),table.items th{white-space:nowrap}\
table.items td:first-child{width:28%}table.items td:last-child{width:22%}\
figure.chart{margin:.5em 0;page-break-inside:avoid;text-align:center}figure.chart svg{width:85%;height:auto}\
figcaption{font-size:9pt;text-align:center}";

/// A chart in an HTML page, with the line that says how to read it.
pub(super) fn chart_figure(
    out: &mut dyn Write,
    chart: &super::chart::Chart,
    lang: Lang,
) -> io::Result<()> {
    writeln!(
        out,
        "<figure class=\"chart\">{}<figcaption>{}</figcaption></figure>",
        // Inline in HTML, an SVG needs no namespace (and a page of ours
        // names no address at all).
        chart
            .svg()
            .replacen(r#" xmlns="http://www.w3.org/2000/svg""#, "", 1),
        h(lang.brief().legend)
    )
}

fn light_class(light: Option<Light>) -> &'static str {
    match light {
        Some(Light::Red) => " class=\"red\"",
        Some(Light::Yellow) => " class=\"yellow\"",
        Some(Light::Green) => " class=\"green\"",
        Some(Light::Grey) => " class=\"grey\"",
        Some(Light::Off) | None => "",
    }
}

pub(super) fn html_table(
    out: &mut impl Write,
    heads: &[&str],
    widths: Option<&[u32]>,
    light_col: Option<usize>,
    rows: impl IntoIterator<Item = (Vec<String>, Option<Light>)>,
) -> io::Result<()> {
    // An item table keeps its short cells (values, rates, the light, the
    // day) on one line; the task and the note take what is left.
    let class = if heads.len() == super::report::ITEM_COLUMNS {
        " class=\"items\""
    } else {
        ""
    };
    write!(out, "<table{class}>")?;
    // Columns shared out as in the Word document.
    if let Some(widths) = widths {
        let total = f64::from(widths.iter().sum::<u32>().max(1));
        write!(out, "<colgroup>")?;
        for w in widths {
            write!(
                out,
                "<col style=\"width:{:.1}%\">",
                f64::from(*w) * 100.0 / total
            )?;
        }
        write!(out, "</colgroup>")?;
    }
    write!(out, "<thead><tr>")?;
    for hd in heads {
        write!(out, "<th>{}</th>", h(hd))?;
    }
    write!(out, "</tr></thead><tbody>")?;
    for (cells, light) in rows {
        write!(out, "<tr>")?;
        for (i, c) in cells.iter().enumerate() {
            // The light's cell carries its colour; the word stays beside it.
            let class = if light_col == Some(i) {
                light_class(light)
            } else {
                ""
            };
            write!(out, "<td{class}>{}</td>", h(c))?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table>")
}

fn items_html(out: &mut impl Write, r: &Report, members: &[usize], lang: Lang) -> io::Result<()> {
    let items = members.iter().map(|&i| &r.items[i]);
    html_table(
        out,
        &item_heads(lang),
        None,
        Some(5),
        items.map(|i| (item_cells(i, lang).to_vec(), Some(i.light()))),
    )
}

/// The page up to its title: the language, the title, the style sheet.
pub(super) fn page_head(out: &mut dyn Write, title: &str, lang: Lang) -> io::Result<()> {
    let code = match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{CSS}</style></head><body>",
        h(title)
    )?;
    writeln!(out, "<h1>{}</h1>", h(title))
}

pub fn html(r: &Report, lang: Lang, clock: &Clock, mut out: &mut dyn Write) -> io::Result<()> {
    let w = lang.report();
    page_head(&mut out, &title(r, lang), lang)?;
    let c = w.colon;
    writeln!(
        out,
        "<p class=\"meta\">{}{c}{} · {}{c}{} · {}{c}{}</p>",
        h(w.report_date),
        h(&clock.local_minute(&r.made_at)),
        h(w.as_of),
        r.as_of,
        h(w.made_by),
        h(&r.made_by)
    )?;
    writeln!(
        out,
        "<h2>{}</h2><p>{}</p>",
        h(w.overview),
        h(&summary_line(r, lang))
    )?;
    html_table(
        &mut out,
        &[w.group, w.completion, w.elapsed],
        None,
        None,
        overview_rows(r)
            .into_iter()
            .map(|(n, g)| (vec![n, percent(g.completion), percent(g.elapsed)], None)),
    )?;
    chart_figure(out, &super::report::chart_of(r, lang), lang)?;
    writeln!(out, "<h2>{}</h2>", h(w.progress_by))?;
    for (g, title) in r.groups.iter().zip(group_titles(r, lang)) {
        let level = if g.depth == 0 { "h3" } else { "h4" };
        writeln!(out, "<{level}>{}</{level}>", h(&title))?;
        // A direction with its 工程 after it: its items are theirs.
        if !g.parted {
            items_html(&mut out, r, &g.members, lang)?;
        }
    }
    writeln!(out, "<h2>{}</h2>", h(&changes_heading(r, lang)))?;
    if r.changes.is_empty() {
        writeln!(out, "<p>{}</p>", h(w.changes_none))?;
    } else {
        html_table(
            &mut out,
            &[w.when, w.who, w.place, w.change],
            None,
            None,
            r.changes
                .iter()
                .map(|c| (change_cells(c, lang, clock).to_vec(), None)),
        )?;
    }
    writeln!(out, "<h2>{}</h2>", h(w.problems))?;
    if r.problems.is_empty() {
        writeln!(out, "<p>{}</p>", h(w.problems_none))?;
    } else {
        items_html(&mut out, r, &r.problems, lang)?;
    }
    writeln!(out, "<h2>{}</h2>", h(w.next))?;
    if r.next.is_empty() {
        writeln!(out, "<p>{}</p>", h(w.next_none))?;
    } else {
        let rows = r.next.iter().map(|&i| {
            let i = &r.items[i];
            (next_cells(i, lang).to_vec(), Some(i.light()))
        });
        html_table(&mut out, &next_heads(lang), None, Some(NEXT_LIGHT), rows)?;
    }
    if let (Some(heading), Some((_, moved))) = (baseline_heading(r, lang, clock), &r.baseline) {
        writeln!(out, "<h2>{}</h2>", h(&heading))?;
        if moved.is_empty() {
            writeln!(out, "<p>{}</p>", h(w.baseline_none))?;
        } else {
            html_table(
                &mut out,
                &baseline_heads(lang),
                None,
                None,
                moved.iter().map(|m| (m.cells().to_vec(), None)),
            )?;
        }
    }
    if !r.quotes.is_empty() {
        writeln!(out, "<h2>{}</h2>", h(w.quotes_heading))?;
        html_table(
            &mut out,
            &super::report::quote_heads(lang),
            None,
            None,
            r.quotes
                .iter()
                .map(|q| (super::report::quote_cells(q, lang).to_vec(), None)),
        )?;
    }
    writeln!(out, "</body></html>")
}
