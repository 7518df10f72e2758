//! The parts every Word document of ours has — content types, the
//! relationships, 宋体/黑体 styles, the font table, the page's header (title
//! and 截至日期) and footer (第 X 页 共 Y 页), the properties, its pictures —
//! and the package that zips them around a body written as it is laid out.

use super::chart::Picture;
use crate::i18n::Lang;
use std::io::{self, Write};
use zip::write::SimpleFileOptions;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

/// The document's parts, and a picture's (`rId10`, `rId11`… for
/// `media/image1.png`…).
fn document_rels(pictures: usize) -> String {
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>"#,
    );
    for n in 1..=pictures {
        out.push_str(&format!(
            r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image{n}.png"/>"#,
            n + 9
        ));
    }
    out.push_str("</Relationships>");
    out
}

/// 宋体 10.5 pt for text (its Latin twin Times New Roman), 黑体 for the
/// title and headings, and a grid style for the tables.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun" w:cs="Times New Roman" w:hint="eastAsia"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="252" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:spacing w:after="240"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="SimHei"/><w:b/><w:sz w:val="36"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="SimHei"/><w:b/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="180" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="KaiTi"/><w:b/><w:sz w:val="24"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="KaiTi"/><w:b/><w:sz w:val="22"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Meta"><w:name w:val="Meta"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:spacing w:after="120"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#;

/// A4 landscape (or portrait, for a one-page handout), 1.5 cm margins, in
/// twentieths of a point; the header and footer 0.7 cm from the edge.
fn section(portrait: bool) -> String {
    let size = if portrait {
        r#"<w:pgSz w:w="11906" w:h="16838"/>"#
    } else {
        r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#
    };
    format!(
        r#"<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:footerReference w:type="default" r:id="rId3"/>{size}<w:pgMar w:top="850" w:right="850" w:bottom="850" w:left="850" w:header="397" w:footer="397" w:gutter="0"/></w:sectPr>"#
    )
}

/// The width between the margins, in twentieths of a point: what a
/// table's columns share.
pub(super) const LANDSCAPE_TEXT: u32 = 16_838 - 2 * 850;
pub(super) const PORTRAIT_TEXT: u32 = 11_906 - 2 * 850;

/// The width Word shows a chart at: 17 cm (a portrait page's), in EMU (360,000 to the cm).
const PICTURE_WIDTH: u64 = 17 * 360_000;

/// A centred paragraph holding `pictures[index]` (as `package` numbered
/// them) 17 cm wide, described by `alt` for a screen reader.
pub(super) fn picture(
    out: &mut dyn Write,
    pictures: &[Picture],
    index: usize,
    alt: &str,
) -> io::Result<()> {
    let Some(p) = pictures.get(index) else {
        return Ok(());
    };
    let cx = PICTURE_WIDTH;
    let cy = PICTURE_WIDTH * u64::from(p.height) / u64::from(p.width.max(1));
    let (id, rid) = (index + 1, index + 10);
    write!(
        out,
        r#"<w:p><w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{id}" name="chart{id}" descr="{alt}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{id}" name="image{id}.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rId{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#,
        alt = x(alt)
    )
}

/// Text for XML: markup escaped, nothing XML cannot hold.
pub(super) fn x(s: &str) -> String {
    super::report::escape_markup(s, false)
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
    /// A4 upright (a one-page handout) rather than on its side.
    pub portrait: bool,
}

/// A Word document: the parts every one of ours has (styles, fonts, the
/// header and footer, the properties), its `pictures`, and the body `fill`
/// writes, between `<w:body>` and the section settings.
pub(super) fn package(
    head: &Head,
    lang: Lang,
    pictures: &[Picture],
    out: &mut dyn Write,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut zip = zip::ZipWriter::new(io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let z = |e: zip::result::ZipError| io::Error::other(e.to_string());
    for (name, text) in [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", RELS.to_owned()),
        (
            "word/_rels/document.xml.rels",
            document_rels(pictures.len()),
        ),
        ("word/styles.xml", STYLES.to_owned()),
        ("word/fontTable.xml", FONT_TABLE.to_owned()),
        ("word/header1.xml", header(head, lang)),
        ("word/footer1.xml", footer(lang)),
        ("docProps/core.xml", core(head)),
    ] {
        zip.start_file(name, opts).map_err(z)?;
        zip.write_all(text.as_bytes())?;
    }
    for (n, p) in pictures.iter().enumerate() {
        // A PNG is compressed already.
        let stored = opts.compression_method(zip::CompressionMethod::Stored);
        zip.start_file(format!("word/media/image{}.png", n + 1), stored)
            .map_err(z)?;
        zip.write_all(&p.bytes)?;
    }
    zip.start_file("word/document.xml", opts).map_err(z)?;
    {
        let mut buffered = io::BufWriter::with_capacity(1 << 16, &mut zip);
        write!(
            buffered,
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>"#
        )?;
        fill(&mut buffered)?;
        write!(buffered, "{}</w:body></w:document>", section(head.portrait))?;
        buffered.flush()?;
    }
    let bytes = zip.finish().map_err(z)?.into_inner();
    out.write_all(&bytes)
}
