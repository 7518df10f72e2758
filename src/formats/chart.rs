//! The completion chart of a report: each 方向 and 工程 as a bar of its
//! 完成率 inside an open box reaching to its 序时进度 (a bullet chart), so
//! that "behind time" reads as a bar short of its box — in black and white
//! print as on a screen. Drawn once by plotters, as SVG for the HTML page
//! and as PNG for Word.

use plotters::coord::Shift;
use plotters::prelude::{
    BitMapBackend, DrawingArea, DrawingAreaErrorKind, DrawingBackend, IntoDrawingArea, IntoFont,
    PathElement, RGBColor, Rectangle, SVGBackend, ShapeStyle, Text,
};
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One bar: a group's name, its completion and its 序时进度 (0–1).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub name: String,
    pub completion: Option<f64>,
    pub elapsed: Option<f64>,
    /// A rule is drawn above it: the 工程 after the directions.
    pub rule_above: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub bars: Vec<Bar>,
    /// The legend's words (`完成率`, `序时进度`).
    pub done_word: String,
    pub pace_word: String,
}

/// A city plan's report has as many groups as a unit's: a few directions
/// and 工程. A chart taller than this would not be read; the table beside it
/// holds every row.
pub const MOST_BARS: usize = 24;

/// The chart's layout, in points of the SVG (the PNG is drawn at twice it).
const WIDTH: u32 = 960;
const ROW: u32 = 26;
const TOP: u32 = 36;
const BOTTOM: u32 = 30;
const LABELS: i32 = 250;
const BARS_END: i32 = 820;
const DARK: RGBColor = RGBColor(0x33, 0x33, 0x33);
const GRID: RGBColor = RGBColor(0xBB, 0xBB, 0xBB);
const INK: RGBColor = RGBColor(0, 0, 0);
const PAPER: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);

/// The CSS font list of the SVG's words: a Hei face for Chinese wherever
/// the page is opened, the browser's sans-serif at worst.
const SVG_FONTS: &str = "SimHei,Microsoft YaHei,PingFang SC,Noto Sans CJK SC,Source Han Sans SC,WenQuanYi Micro Hei,sans-serif";

impl Chart {
    fn shown(&self) -> &[Bar] {
        &self.bars[..self.bars.len().min(MOST_BARS)]
    }

    fn height(&self) -> u32 {
        let rows = u32::try_from(self.shown().len()).unwrap_or(0);
        TOP + ROW * rows + BOTTOM
    }

    /// The chart as an SVG element, to be placed inside an HTML page.
    pub fn svg(&self) -> String {
        let mut out = String::new();
        {
            let root =
                SVGBackend::with_string(&mut out, (WIDTH, self.height())).into_drawing_area();
            // Writing into a String cannot fail.
            let _ = draw(&root, self, 1.0, SVG_FONTS, &|_| true);
            let _ = root.present();
        }
        out
    }

    /// The chart as a PNG at twice the SVG's size (sharp in print at the
    /// width Word shows it), and whether its words could be drawn.
    pub fn png(&self) -> Picture {
        self.png_with(super::chart_font::chart_font())
    }

    /// The PNG with its words in `font` (none: no words).
    fn png_with(&self, font: Option<&super::chart_font::ChartFont>) -> Picture {
        let (w, h) = (WIDTH * 2, self.height() * 2);
        let mut rgb = vec![0xFF_u8; (w as usize) * (h as usize) * 3];
        let can = |text: &str| font.is_some_and(|f| f.covers(text));
        let labelled = self.shown().iter().all(|b| can(&b.name)) && can(&self.done_word);
        {
            let root = BitMapBackend::with_buffer(&mut rgb, (w, h)).into_drawing_area();
            // Drawing into memory cannot fail but for a missing glyph,
            // which `can` has ruled out.
            let _ = draw(&root, self, 2.0, super::chart_font::FAMILY, &can);
            let _ = root.present();
        }
        Picture {
            bytes: encode(&rgb, w, h),
            width: w,
            height: h,
            labelled,
        }
    }
}

/// A drawn picture.
pub struct Picture {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// Every word is in it; if not, the figures must be given beside it.
    pub labelled: bool,
}

fn encode(rgb: &[u8], w: u32, h: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut enc = png::Encoder::new(&mut bytes, w, h);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    // 2.54 cm at 192 dpi: Word shows it at the SVG's size in points.
    enc.set_pixel_dims(Some(png::PixelDimensions {
        xppu: 7559,
        yppu: 7559,
        unit: png::Unit::Meter,
    }));
    if let Ok(mut w) = enc.write_header() {
        let _ = w.write_image_data(rgb);
    }
    bytes
}

/// A share as the reports write it: `66%`, or a dash for none.
pub(super) fn percent(v: Option<f64>) -> String {
    v.map_or_else(
        || "—".into(),
        |p| format!("{:.0}%", (p * 100.0).clamp(-1e9, 1e9)),
    )
}

/// Draws `c` on `root`, every length times `s`, words in `family` when
/// `can` says they can be.
fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &Chart,
    s: f64,
    family: &str,
    can: &dyn Fn(&str) -> bool,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    #[allow(clippy::cast_possible_truncation)]
    let at = |v: f64| (v * s).round() as i32;
    let px = |v: i32| at(f64::from(v));
    let size = f64::from(px(19));
    let word = |text: &str, x: i32, y: i32, h: HPos| -> Option<Text<'_, (i32, i32), String>> {
        can(text).then(|| {
            let style = (family, size)
                .into_font()
                .color(&INK)
                .pos(Pos::new(h, VPos::Center));
            Text::new(text.to_owned(), (x, y), style)
        })
    };
    root.fill(&PAPER)?;
    let span = f64::from(BARS_END - LABELS);
    let x_of = |v: f64| px(LABELS) + at(span * v.clamp(0.0, 1.0));
    let rows = i32::try_from(c.shown().len()).unwrap_or(0);
    let top = px(i32::try_from(TOP).unwrap_or(0));
    let row = px(i32::try_from(ROW).unwrap_or(0));
    let bottom = top + row * rows;
    // The legend: a dark bar is done, an open box is where time says.
    let ly = px(14);
    root.draw(&Rectangle::new(
        [(px(LABELS), ly - px(4)), (px(LABELS + 28), ly + px(4))],
        ShapeStyle::from(&DARK).filled(),
    ))?;
    if let Some(t) = word(&c.done_word, px(LABELS + 34), ly, HPos::Left) {
        root.draw(&t)?;
    }
    root.draw(&Rectangle::new(
        [
            (px(LABELS + 160), ly - px(7)),
            (px(LABELS + 188), ly + px(7)),
        ],
        ShapeStyle::from(&INK).stroke_width(px(1).max(1).unsigned_abs()),
    ))?;
    if let Some(t) = word(&c.pace_word, px(LABELS + 194), ly, HPos::Left) {
        root.draw(&t)?;
    }
    // Grid lines at each quarter, labelled below.
    for q in 0..=4 {
        let v = f64::from(q) / 4.0;
        let x = x_of(v);
        root.draw(&PathElement::new(
            vec![(x, top - px(4)), (x, bottom)],
            ShapeStyle::from(&GRID).stroke_width(1),
        ))?;
        if let Some(t) = word(&percent(Some(v)), x, bottom + px(14), HPos::Center) {
            root.draw(&t)?;
        }
    }
    for (n, b) in c.shown().iter().enumerate() {
        let n = i32::try_from(n).unwrap_or(0);
        let mid = top + row * n + row / 2;
        if b.rule_above {
            let y = top + row * n;
            root.draw(&PathElement::new(
                vec![(px(8), y), (px(i32::try_from(WIDTH).unwrap_or(0) - 8), y)],
                ShapeStyle::from(&GRID).stroke_width(1),
            ))?;
        }
        if let Some(t) = word(&short(&b.name), px(LABELS - 10), mid, HPos::Right) {
            root.draw(&t)?;
        }
        if let Some(e) = b.elapsed {
            root.draw(&Rectangle::new(
                [(px(LABELS), mid - px(8)), (x_of(e), mid + px(8))],
                ShapeStyle::from(&INK).stroke_width(px(1).max(1).unsigned_abs()),
            ))?;
        }
        if let Some(done) = b.completion.filter(|d| *d > 0.0) {
            root.draw(&Rectangle::new(
                [
                    (px(LABELS), mid - px(4)),
                    (x_of(done).max(px(LABELS + 1)), mid + px(4)),
                ],
                ShapeStyle::from(&DARK).filled(),
            ))?;
        }
        let figures = format!("{} / {}", percent(b.completion), percent(b.elapsed));
        if let Some(t) = word(&figures, px(BARS_END + 12), mid, HPos::Left) {
            root.draw(&t)?;
        }
    }
    Ok(())
}

/// A name as long as the label column holds (16 Chinese characters).
fn short(name: &str) -> String {
    crate::domain::text::truncate(name, 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(n: usize) -> Chart {
        Chart {
            bars: (0..n)
                .map(|i| Bar {
                    name: format!("工程{i}"),
                    completion: Some(0.25),
                    elapsed: Some(0.9),
                    rule_above: i == 1,
                })
                .collect(),
            done_word: "完成率".into(),
            pace_word: "序时进度".into(),
        }
    }

    #[test]
    fn the_svg_has_a_bar_and_a_box_per_group_and_its_figures() {
        let svg = chart(3).svg();
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains("viewBox=\"0 0 960 144\""), "{svg}");
        for i in 0..3 {
            assert!(svg.contains(&format!("\n工程{i}\n")), "{svg}");
        }
        assert_eq!(svg.matches("25% / 90%").count(), 3);
        // Legend, three boxes, three bars (plus the page's white).
        assert_eq!(svg.matches("<rect").count(), 1 + 2 + 3 + 3, "{svg}");
    }

    #[test]
    fn a_city_sized_chart_stops_at_its_most_bars() {
        let svg = chart(100).svg();
        assert_eq!(svg.matches("25% / 90%").count(), MOST_BARS);
    }

    #[test]
    fn values_past_the_ends_stay_inside_the_axis() {
        let mut c = chart(1);
        c.bars[0].completion = Some(3.5);
        c.bars[0].elapsed = Some(-1.0);
        let svg = c.svg();
        assert!(svg.contains("350% / -100%"), "{svg}");
        let png = c.png();
        assert_eq!((png.width, png.height), (1920, 2 * (36 + 26 + 30)));
        assert_eq!(&png.bytes[1..4], b"PNG");
        // Where no font is found, the bars are drawn and the words are
        // said to be missing (the document then gives its table).
        let bare = c.png_with(None);
        assert!(!bare.labelled);
        assert_eq!(&bare.bytes[1..4], b"PNG");
        if let Ok(dir) = std::env::var("CHART_LOOK") {
            let mut c = chart(9);
            c.bars[2].completion = None;
            c.bars[3].completion = Some(1.2);
            std::fs::write(format!("{dir}/chart.png"), c.png().bytes).unwrap();
            std::fs::write(format!("{dir}/chart.svg"), c.svg()).unwrap();
        }
    }

    #[test]
    fn long_names_are_cut_to_the_label_column() {
        assert_eq!(short("科技创新培优工程"), "科技创新培优工程");
        let long = "一".repeat(40);
        assert_eq!(short(&long).chars().count(), 16);
        assert!(short(&long).ends_with('…'));
    }
}
