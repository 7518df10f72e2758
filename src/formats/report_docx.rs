//! The report as a Word/WPS document: A4 landscape, 宋体 text and 黑体
//! headings, tables whose header row repeats on every page, light cells
//! shaded with the word in them. WordprocessingML is written here as it is
//! laid out, straight into the zip: docx-rs builds the whole document tree
//! first, which measured 424 MB for 10,000 rows and 4.2 GB (16 s) for the
//! city plan's 100,000 — the budget is 200 MB.

use super::report::{
    change_cells, changes_heading, item_cells, item_heads, overview_rows, percent, summary_line,
    title,
};
use crate::domain::clock::Clock;
use crate::domain::pace::Light;
use crate::domain::report::Report;
use crate::i18n::Lang;
use std::io::{self, Write};
use zip::write::SimpleFileOptions;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/></Relationships>"#;

/// 宋体 10.5 pt for text (its Latin twin Times New Roman), 黑体 for the
/// title and headings, and a grid style for the tables.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun" w:cs="Times New Roman" w:hint="eastAsia"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="252" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:spacing w:after="240"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="SimHei"/><w:b/><w:sz w:val="36"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="SimHei"/><w:b/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="180" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="KaiTi"/><w:b/><w:sz w:val="24"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="KaiTi"/><w:b/><w:sz w:val="22"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Meta"><w:name w:val="Meta"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#;

/// A4 landscape, 1.8 cm margins above and below and 2 cm at the sides, in
/// twentieths of a point; the header and footer 0.8 cm from the edge.
const SECTION: &str = r#"<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1020" w:right="1134" w:bottom="1020" w:left="1134" w:header="454" w:footer="454" w:gutter="0"/></w:sectPr>"#;

/// Text for XML: markup escaped, nothing XML cannot hold.
fn x(s: &str) -> String {
    super::report::escape_markup(s, false)
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

/// A table: its header row marked to repeat on every page, then `rows`
/// (cells, and the light whose colour the 亮灯 cell takes).
pub(super) fn table(
    out: &mut dyn Write,
    heads: &[&str],
    widths: &[u32],
    light_col: Option<usize>,
    rows: impl IntoIterator<Item = (Vec<String>, Option<Light>)>,
) -> io::Result<()> {
    write!(
        out,
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
    )?;
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
    // Word wants a paragraph between two tables, or after the last one.
    write!(out, "</w:tbl><w:p/>")
}

/// Widths of the item table's ten columns, summing to the page's 14,570:
/// the item's name widest, so most fit one line.
const ITEM_WIDTHS: [u32; 10] = [3800, 1000, 1000, 700, 800, 700, 1200, 1500, 900, 2970];

fn items(out: &mut dyn Write, r: &Report, members: &[usize], lang: Lang) -> io::Result<()> {
    let rows = members.iter().map(|&i| {
        (
            item_cells(&r.items[i], lang).to_vec(),
            Some(r.items[i].light()),
        )
    });
    table(out, &item_heads(lang), &ITEM_WIDTHS, Some(5), rows)
}

fn document(r: &Report, lang: Lang, clock: &Clock, out: &mut dyn Write) -> io::Result<()> {
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
    let rows = overview_rows(r)
        .into_iter()
        .map(|(n, g)| (vec![n, percent(g.completion), percent(g.elapsed)], None));
    table(
        out,
        &[w.group, w.completion, w.elapsed],
        &[6000, 2000, 2000],
        None,
        rows,
    )?;
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
            None,
            rows,
        )?;
    }
    for (heading, none, members) in [
        (w.problems, w.problems_none, &r.problems),
        (w.next, w.next_none, &r.next),
    ] {
        paragraph(out, Some("Heading1"), heading)?;
        if members.is_empty() {
            paragraph(out, None, none)?;
        } else {
            items(out, r, members, lang)?;
        }
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
            table(out, &heads, &[5600, 3600, 3600, 1770], None, rows)?;
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
            None,
            rows,
        )?;
    }
    Ok(())
}

/// The fonts the styles name, each with its Chinese name, its charset
/// (GB2312) and family, so that Word, WPS and LibreOffice each find it or
/// a Chinese font of its kind (a Song for 宋体, a Hei for 黑体) in its place.
const FONT_TABLE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:font w:name="SimSun"><w:altName w:val="宋体"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font><w:font w:name="SimHei"><w:altName w:val="黑体"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font><w:font w:name="KaiTi"><w:altName w:val="楷体"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font><w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font><w:font w:name="Arial"><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>"#;

const PART: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// The header on every page: the document's title and 截至日期, right.
fn header(head: &Head, lang: Lang) -> String {
    let w = lang.report();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {PART}><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">{}    {}{}{}</w:t></w:r></w:p></w:hdr>"#,
        x(&head.title),
        x(w.as_of),
        x(w.colon),
        x(&head.as_of)
    )
}

/// The footer on every page: 第 X 页 共 Y 页, from the page fields.
fn footer(lang: Lang) -> String {
    let w = lang.report();
    let text = |t: &str| {
        format!(
            r#"<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
            x(t)
        )
    };
    let field = |f: &str| {
        format!(
            r#"<w:fldSimple w:instr=" {f} "><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>"#
        )
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {PART}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>{}{}{}{}{}</w:p></w:ftr>"#,
        text(w.page_before),
        field("PAGE"),
        text(w.page_middle),
        field("NUMPAGES"),
        text(w.page_after)
    )
}

fn core(head: &Head) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{}</dcterms:created></cp:coreProperties>"#,
        x(&head.title),
        x(&head.made_by),
        x(&head.made_at)
    )
}

/// What every page and the file's properties say of a document.
pub(super) struct Head {
    pub title: String,
    pub as_of: String,
    pub made_by: String,
    /// An instant, as stored.
    pub made_at: String,
}

pub fn docx(r: &Report, lang: Lang, clock: &Clock, out: &mut dyn Write) -> io::Result<()> {
    let head = Head {
        title: title(r, lang),
        as_of: r.as_of.to_string(),
        made_by: r.made_by.clone(),
        made_at: r.made_at.clone(),
    };
    package(&head, lang, out, |body| document(r, lang, clock, body))
}

/// A Word document: the parts every one of ours has (styles, fonts, the
/// header and footer, the properties) and the body `fill` writes, between
/// `<w:body>` and the section settings.
pub(super) fn package(
    head: &Head,
    lang: Lang,
    out: &mut dyn Write,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut zip = zip::ZipWriter::new(io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let z = |e: zip::result::ZipError| io::Error::other(e.to_string());
    for (name, text) in [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", RELS.to_owned()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/styles.xml", STYLES.to_owned()),
        ("word/fontTable.xml", FONT_TABLE.to_owned()),
        ("word/header1.xml", header(head, lang)),
        ("word/footer1.xml", footer(lang)),
        ("docProps/core.xml", core(head)),
    ] {
        zip.start_file(name, opts).map_err(z)?;
        zip.write_all(text.as_bytes())?;
    }
    zip.start_file("word/document.xml", opts).map_err(z)?;
    {
        let mut buffered = io::BufWriter::with_capacity(1 << 16, &mut zip);
        write!(
            buffered,
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#
        )?;
        fill(&mut buffered)?;
        write!(buffered, "{SECTION}</w:body></w:document>")?;
        buffered.flush()?;
    }
    let bytes = zip.finish().map_err(z)?.into_inner();
    out.write_all(&bytes)
}
