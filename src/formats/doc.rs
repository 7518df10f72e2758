//! A plain document — a title, a few lines about it, and headed sections
//! each with a paragraph and a table — laid out as Markdown, one HTML
//! page, a Word document or a workbook, with the weekly report's own
//! pieces (its page header and footer, fonts, print setup). The year-end
//! 考核 is one.

use super::chart::{Chart, Picture};
use super::report::{md, md_table};
use super::report_docx::{
    Head, LANDSCAPE_TEXT, PORTRAIT_TEXT, chart_caption, package, paragraph, table,
};
use super::report_html::{chart_figure, h, html_table, page_head};
use super::report_xlsx::{clean, formats, header, sheet_name};
use super::xlsx_print::{print_setup, row_height, set_height};
use crate::i18n::Lang;
use rust_xlsxwriter::Workbook;
use std::collections::HashSet;
use std::io::{self, Write};

pub struct Doc {
    pub title: String,
    /// `截至日期:2023-12-31`, `填报人:李华`…: each its own line.
    pub meta: Vec<String>,
    /// What the Word pages' header and the file's properties say.
    pub as_of: String,
    pub made_by: String,
    pub made_at: String,
    /// On A4 upright (a one-page handout); else on its side, as the
    /// weekly report.
    pub portrait: bool,
    pub sections: Vec<Section>,
}

impl Doc {
    /// A landscape document made from `r`: 报告日期, 截至日期 and 填报人
    /// from it, in that order, and its pages' header.
    pub fn of_report(
        r: &crate::domain::report::Report,
        title: String,
        sections: Vec<Section>,
        lang: Lang,
        clock: &crate::domain::clock::Clock,
    ) -> Doc {
        let rw = lang.report();
        let c = rw.colon;
        Doc {
            title,
            meta: vec![
                format!("{}{c}{}", rw.report_date, clock.local_minute(&r.made_at)),
                format!("{}{c}{}", rw.as_of, r.as_of),
                format!("{}{c}{}", rw.made_by, r.made_by),
            ],
            as_of: r.as_of.to_string(),
            made_by: r.made_by.clone(),
            made_at: r.made_at.clone(),
            portrait: false,
            sections,
        }
    }
}

pub struct Section {
    pub heading: String,
    pub text: Option<String>,
    /// Drawn in the HTML page (SVG) and the Word document (PNG) in place
    /// of the table, which holds its figures: the table is given as well
    /// in Markdown and the workbook, and in Word when the picture's words
    /// could not be drawn.
    pub chart: Option<Chart>,
    pub table: Option<Table>,
    /// A line after the table (how many more there are).
    pub after: Option<String>,
    /// The workbook's sheet for the table.
    pub sheet: String,
}

pub struct Table {
    pub heads: Vec<&'static str>,
    /// Each column's share of the page's width (as twentieths of a point
    /// across 14,570, a landscape page with 2 cm sides): Word's shares; the
    /// workbook's widths are taken from them.
    pub widths: Vec<u32>,
    pub rows: Vec<Vec<String>>,
}

pub fn markdown(d: &Doc, out: &mut dyn Write) -> io::Result<()> {
    let mut out = out;
    writeln!(out, "# {}\n", md(&d.title))?;
    writeln!(
        out,
        "{}\n",
        d.meta
            .iter()
            .map(|m| md(m))
            .collect::<Vec<_>>()
            .join("  \n")
    )?;
    for s in &d.sections {
        writeln!(out, "## {}\n", md(&s.heading))?;
        if let Some(text) = &s.text {
            writeln!(out, "{}\n", md(text))?;
        }
        if let Some(t) = &s.table {
            md_table(&mut out, &t.heads, t.rows.iter().cloned())?;
        }
        if let Some(after) = &s.after {
            writeln!(out, "{}\n", md(after))?;
        }
    }
    Ok(())
}

pub fn html(d: &Doc, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let mut out = out;
    page_head(out, &d.title, lang)?;
    let meta: Vec<String> = d.meta.iter().map(|m| h(m)).collect();
    writeln!(out, "<p class=\"meta\">{}</p>", meta.join("&emsp;&emsp;"))?;
    for s in &d.sections {
        writeln!(out, "<h2>{}</h2>", h(&s.heading))?;
        if let Some(text) = &s.text {
            writeln!(out, "<p>{}</p>", h(text))?;
        }
        match (&s.chart, &s.table) {
            (Some(chart), _) => chart_figure(out, chart, lang)?,
            (None, Some(t)) => {
                html_table(
                    &mut out,
                    &t.heads,
                    Some(&t.widths),
                    None,
                    t.rows.iter().map(|r| (r.clone(), None)),
                )?;
            }
            (None, None) => {}
        }
        if let Some(after) = &s.after {
            writeln!(out, "<p>{}</p>", h(after))?;
        }
    }
    writeln!(out, "</body></html>")
}

pub fn docx(d: &Doc, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let head = Head {
        title: d.title.clone(),
        as_of: d.as_of.clone(),
        made_by: d.made_by.clone(),
        made_at: d.made_at.clone(),
        portrait: d.portrait,
    };
    let across = if d.portrait {
        PORTRAIT_TEXT
    } else {
        LANDSCAPE_TEXT
    };
    // The pictures, in the sections' order.
    let pictures: Vec<Picture> = d
        .sections
        .iter()
        .filter_map(|s| s.chart.as_ref().map(Chart::png))
        .collect();
    package(&head, lang, &pictures, out, |body| {
        paragraph(body, Some("Title"), &d.title)?;
        paragraph(body, Some("Meta"), &d.meta.join("    "))?;
        let mut drawn = 0;
        for s in &d.sections {
            paragraph(body, Some("Heading1"), &s.heading)?;
            if let Some(text) = &s.text {
                paragraph(body, None, text)?;
            }
            let mut words_drawn = false;
            if s.chart.is_some() {
                chart_caption(body, &pictures, drawn, lang)?;
                words_drawn = pictures.get(drawn).is_some_and(|p| p.labelled);
                drawn += 1;
            }
            if let Some(t) = s.table.as_ref().filter(|_| !words_drawn) {
                table(
                    body,
                    &t.heads,
                    &t.widths,
                    across,
                    None,
                    t.rows.iter().map(|r| (r.clone(), None)),
                )?;
            }
            if let Some(after) = &s.after {
                paragraph(body, None, after)?;
            }
        }
        Ok(())
    })
}

/// A sheet per table, its columns as wide as Word's share them out.
pub fn xlsx(d: &Doc, out: &mut dyn Write) -> Result<(), rust_xlsxwriter::XlsxError> {
    let f = formats();
    let mut book = Workbook::new();
    let mut taken = HashSet::new();
    for s in &d.sections {
        let Some(t) = &s.table else { continue };
        let ws = book.add_worksheet_with_constant_memory()?;
        ws.set_name(sheet_name(&s.sheet, &mut taken))?;
        // Nothing here is read back by import-values: protected, so an edit
        // made in it is not lost unnoticed.
        ws.protect();
        let widths: Vec<f64> = t.widths.iter().map(|w| f64::from(*w) / 100.0).collect();
        print_setup(ws, 0, &widths)?;
        let cols: Vec<(&str, f64)> = t
            .heads
            .iter()
            .copied()
            .zip(widths.iter().copied())
            .collect();
        header(ws, 0, &cols, &f)?;
        for (n, row) in t.rows.iter().enumerate() {
            let r = u32::try_from(n + 1).unwrap_or(u32::MAX);
            let tall: Vec<(&str, f64)> = row
                .iter()
                .map(String::as_str)
                .zip(widths.iter().copied())
                .collect();
            set_height(ws, r, row_height(&tall), &f.heights_left)?;
            for (c, text) in row.iter().enumerate() {
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                ws.write_string_with_format(r, c, clean(text), &f.text)?;
            }
        }
    }
    super::report_xlsx::save(&mut book, out)
}
