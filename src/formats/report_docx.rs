//! The report as a Word/WPS document: A4 landscape, 宋体 text and 黑体
//! headings, tables whose header row repeats on every page, light cells
//! shaded with the word in them. WordprocessingML is written here as it is
//! laid out, straight into the zip: docx-rs builds the whole document tree
//! first, which measured 424 MB for 10,000 rows and 4.2 GB (16 s) for the
//! city plan's 100,000 — the budget is 200 MB.

use super::chart::Picture;
use super::report::{
    NEXT_LIGHT, change_cells, changes_heading, item_cells, item_heads, next_cells, next_heads,
    overview_rows, percent, summary_line, title,
};
use crate::domain::clock::Clock;
use crate::domain::pace::Light;
use crate::domain::report::Report;
use crate::i18n::Lang;
use std::io::{self, Write};

pub(super) use super::docx_parts::{Head, LANDSCAPE_TEXT, PORTRAIT_TEXT, package};
use super::docx_parts::{picture, x};

/// A chart and the line under it that says how to read it (and, when its
/// words could not be drawn, that the figures are in its table).
pub(super) fn chart_caption(
    out: &mut dyn Write,
    pictures: &[Picture],
    index: usize,
    lang: Lang,
) -> io::Result<()> {
    let w = lang.brief();
    picture(out, pictures, index, w.legend)?;
    let labelled = pictures.get(index).is_none_or(|p| p.labelled);
    let caption = if labelled {
        w.legend.to_owned()
    } else {
        format!("{}{}", w.legend, w.no_font)
    };
    paragraph(out, Some("Caption"), &caption)
}

pub(super) fn paragraph(out: &mut dyn Write, style: Option<&str>, text: &str) -> io::Result<()> {
    write!(out, "<w:p>")?;
    if let Some(s) = style {
        write!(out, "<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>")?;
    }
    write!(
        out,
        "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        x(text)
    )
}

fn fill(light: Option<Light>) -> Option<&'static str> {
    match light {
        Some(Light::Green) => Some("D9EAD3"),
        Some(Light::Yellow) => Some("FCE8B2"),
        Some(Light::Red) => Some("F4C7C3"),
        Some(Light::Grey) => Some("E7E6E6"),
        Some(Light::Off) | None => None,
    }
}

fn cell(
    out: &mut dyn Write,
    text: &str,
    width: u32,
    shade: Option<&str>,
    bold: bool,
) -> io::Result<()> {
    write!(out, "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>")?;
    if let Some(f) = shade {
        write!(
            out,
            "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{f}\"/>"
        )?;
    }
    write!(out, "</w:tcPr><w:p><w:r>")?;
    if bold {
        write!(out, "<w:rPr><w:b/></w:rPr>")?;
    }
    write!(
        out,
        "<w:t xml:space=\"preserve\">{}</w:t></w:r></w:p></w:tc>",
        x(text)
    )
}

/// A table across `across` (the page's text width): its columns share it
/// as `widths` do, its header row is marked to repeat on every page, then
/// `rows` (cells, and the light whose colour the 亮灯 cell takes).
pub(super) fn table(
    out: &mut dyn Write,
    heads: &[&str],
    widths: &[u32],
    across: u32,
    light_col: Option<usize>,
    rows: impl IntoIterator<Item = (Vec<String>, Option<Light>)>,
) -> io::Result<()> {
    write!(
        out,
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
    )?;
    let total = u64::from(widths.iter().sum::<u32>().max(1));
    let widths: Vec<u32> = widths
        .iter()
        .map(|w| u32::try_from(u64::from(*w) * u64::from(across) / total).unwrap_or(across))
        .collect();
    let widths = &widths[..];
    for w in widths {
        write!(out, "<w:gridCol w:w=\"{w}\"/>")?;
    }
    write!(
        out,
        "</w:tblGrid><w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
    )?;
    for (h, w) in heads.iter().zip(widths) {
        cell(out, h, *w, Some("E7E6E6"), true)?;
    }
    write!(out, "</w:tr>")?;
    for (cells, light) in rows {
        // A long row may run onto the next page rather than leave half
        // a page empty; the header row repeats above it there.
        write!(out, "<w:tr>")?;
        for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
            let shade = if light_col == Some(i) {
                fill(light)
            } else {
                None
            };
            cell(out, c, *w, shade, false)?;
        }
        write!(out, "</w:tr>")?;
    }
    // Word wants a paragraph between two tables, or after the last one:
    // a thin one (3 pt), so that it spaces rather than leaves a blank line.
    write!(
        out,
        "</w:tbl><w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"60\" w:lineRule=\"exact\"/></w:pPr></w:p>"
    )
}

/// The shares of the item table's ten columns (as twentieths of a point
/// across 14,570, a page with 2 cm sides): each short column as wide as its heading in bold 9 pt (so no heading
/// takes two lines) or its longest usual cell (`2023-12-31`,
/// `未指定责任单位`); the item's name and the note share the rest.
const ITEM_WIDTHS: [u32; 10] = [4000, 850, 850, 750, 900, 600, 1100, 1400, 750, 3370];

/// 下步计划's six columns: the item's name takes what the note had.
const NEXT_WIDTHS: [u32; 6] = [8470, 1100, 750, 600, 2300, 1350];

fn items(out: &mut dyn Write, r: &Report, members: &[usize], lang: Lang) -> io::Result<()> {
    let rows = members.iter().map(|&i| {
        (
            item_cells(&r.items[i], lang).to_vec(),
            Some(r.items[i].light()),
        )
    });
    table(
        out,
        &item_heads(lang),
        &ITEM_WIDTHS,
        LANDSCAPE_TEXT,
        Some(5),
        rows,
    )
}

fn document(
    r: &Report,
    lang: Lang,
    clock: &Clock,
    pictures: &[Picture],
    out: &mut dyn Write,
) -> io::Result<()> {
    let w = lang.report();
    paragraph(out, Some("Title"), &title(r, lang))?;
    let c = w.colon;
    let meta = format!(
        "{}{c}{}    {}{c}{}    {}{c}{}",
        w.report_date,
        clock.local_minute(&r.made_at),
        w.as_of,
        r.as_of,
        w.made_by,
        r.made_by
    );
    paragraph(out, Some("Meta"), &meta)?;
    paragraph(out, Some("Heading1"), w.overview)?;
    paragraph(out, None, &summary_line(r, lang))?;
    chart_caption(out, pictures, 0, lang)?;
    // The chart says each group's figures; when its words could not be
    // drawn, the table says them.
    if !pictures.first().is_some_and(|p| p.labelled) {
        let rows = overview_rows(r)
            .into_iter()
            .map(|(n, g)| (vec![n, percent(g.completion), percent(g.elapsed)], None));
        table(
            out,
            &[w.group, w.completion, w.elapsed],
            &[6000, 2000, 2000],
            LANDSCAPE_TEXT,
            None,
            rows,
        )?;
    }
    paragraph(out, Some("Heading1"), w.progress_by)?;
    for (g, title) in r.groups.iter().zip(super::report::group_titles(r, lang)) {
        let style = if g.depth == 0 { "Heading2" } else { "Heading3" };
        paragraph(out, Some(style), &title)?;
        // A direction with its 工程 after it: its items are theirs.
        if !g.parted {
            items(out, r, &g.members, lang)?;
        }
    }
    paragraph(out, Some("Heading1"), &changes_heading(r, lang))?;
    if r.changes.is_empty() {
        paragraph(out, None, w.changes_none)?;
    } else {
        let rows = r
            .changes
            .iter()
            .map(|ch| (change_cells(ch, lang, clock).to_vec(), None));
        table(
            out,
            &[w.when, w.who, w.place, w.change],
            &[2000, 1400, 5600, 5570],
            LANDSCAPE_TEXT,
            None,
            rows,
        )?;
    }
    paragraph(out, Some("Heading1"), w.problems)?;
    if r.problems.is_empty() {
        paragraph(out, None, w.problems_none)?;
    } else {
        items(out, r, &r.problems, lang)?;
    }
    paragraph(out, Some("Heading1"), w.next)?;
    if r.next.is_empty() {
        paragraph(out, None, w.next_none)?;
    } else {
        let rows = r.next.iter().map(|&i| {
            let i = &r.items[i];
            (next_cells(i, lang).to_vec(), Some(i.light()))
        });
        let light = Some(NEXT_LIGHT);
        table(
            out,
            &next_heads(lang),
            &NEXT_WIDTHS,
            LANDSCAPE_TEXT,
            light,
            rows,
        )?;
    }
    if let (Some(heading), Some((_, moved))) =
        (super::report::baseline_heading(r, lang, clock), &r.baseline)
    {
        paragraph(out, Some("Heading1"), &heading)?;
        if moved.is_empty() {
            paragraph(out, None, w.baseline_none)?;
        } else {
            let rows = moved.iter().map(|m| (m.cells().to_vec(), None));
            let heads = super::report::baseline_heads(lang);
            let widths = [5600, 3600, 3600, 1770];
            table(out, &heads, &widths, LANDSCAPE_TEXT, None, rows)?;
        }
    }
    if !r.quotes.is_empty() {
        paragraph(out, Some("Heading1"), w.quotes_heading)?;
        let rows = r
            .quotes
            .iter()
            .map(|q| (super::report::quote_cells(q, lang).to_vec(), None));
        table(
            out,
            &super::report::quote_heads(lang),
            &[4600, 9970],
            LANDSCAPE_TEXT,
            None,
            rows,
        )?;
    }
    Ok(())
}

pub fn docx(r: &Report, lang: Lang, clock: &Clock, out: &mut dyn Write) -> io::Result<()> {
    let head = Head {
        title: title(r, lang),
        as_of: r.as_of.to_string(),
        made_by: r.made_by.clone(),
        made_at: r.made_at.clone(),
        portrait: false,
    };
    let pictures = [super::report::chart_of(r, lang).png()];
    package(&head, lang, &pictures, out, |body| {
        document(r, lang, clock, &pictures, body)
    })
}
