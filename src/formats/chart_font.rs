//! The font a chart's picture (PNG, for Word) writes its words in. A
//! picture carries its letters as pixels, so they need a font file on the
//! machine that draws it: `PLAN_COCKPIT_FONT` when it names one, else the
//! first Chinese font of the usual folders (Noto/Source Han, WenQuanYi,
//! Droid, SimHei…), else a Latin one for the figures alone. An office
//! server often has none: the picture is then drawn without words, and the
//! document says so and puts the figures beside it. The HTML's SVG chart
//! needs none of this — the browser brings its own fonts.

use ab_glyph::{Font, FontRef};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The name the found font is registered under with plotters.
pub const FAMILY: &str = "plan-cockpit-chart";

/// Font files by preference, matched on the lower-cased file name:
/// Chinese faces first (a simplified-Chinese cut before a collection).
const CHINESE: [&str; 14] = [
    "notosanscjksc-regular",
    "sourcehansanssc-regular",
    "notosanscjk-regular",
    "sourcehansans-regular",
    "wqy-microhei",
    "wqy-zenhei",
    "droidsansfallbackfull",
    "droidsansfallback",
    "simhei",
    "msyh",
    "simsun",
    "notoserifcjksc-regular",
    "notoserifcjk-regular",
    "uming",
];

/// Figures and Latin letters only: enough for an English chart's words
/// and every chart's percentages.
const LATIN: [&str; 4] = [
    "dejavusans.ttf",
    "liberationsans-regular",
    "notosans-regular",
    "freesans",
];

/// A walk of the font folders stops here: a shared server's fonts folder
/// holds hundreds of files, not tens of thousands.
const MAX_FILES: usize = 20_000;

/// The loaded font: its bytes live as long as the process (plotters keeps
/// a reference to them), loaded once.
pub struct ChartFont {
    /// Parsed once, over the leaked bytes plotters draws from.
    face: FontRef<'static>,
}

impl ChartFont {
    /// Whether every character of `text` has a glyph (so nothing would be
    /// drawn as an empty box).
    pub fn covers(&self, text: &str) -> bool {
        text.chars()
            .filter(|c| !c.is_whitespace())
            .all(|c| self.face.glyph_id(c).0 != 0)
    }
}

/// The chart font of this process, found and registered once.
pub fn chart_font() -> Option<&'static ChartFont> {
    static FONT: OnceLock<Option<ChartFont>> = OnceLock::new();
    FONT.get_or_init(|| {
        let named = std::env::var_os("PLAN_COCKPIT_FONT").map(PathBuf::from);
        // Each file is read once: the one found is the one kept.
        let bytes = named
            .and_then(|p| load(&p))
            .or_else(|| find(&font_folders()))?;
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let face = FontRef::try_from_slice(bytes).ok()?;
        plotters::style::register_font(FAMILY, plotters::style::FontStyle::Normal, bytes).ok()?;
        Some(ChartFont { face })
    })
    .as_ref()
}

/// The largest font file read: a Chinese collection is 20–30 MB.
const MOST_BYTES: u64 = 64 << 20;

/// The bytes of `path` if it is a regular file of a font's size: never a
/// device, a pipe or a folder (`PLAN_COCKPIT_FONT=/dev/zero` would read
/// for ever).
fn read(path: &Path) -> Option<Vec<u8>> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MOST_BYTES {
        return None;
    }
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(std::fs::File::open(path).ok()?, MOST_BYTES),
        &mut bytes,
    )
    .ok()?;
    Some(bytes)
}

/// Whether `path` is a font ab_glyph can read (a garbage
/// `PLAN_COCKPIT_FONT` is passed over, not trusted).
fn load(path: &Path) -> Option<Vec<u8>> {
    let bytes = read(path)?;
    FontRef::try_from_slice(&bytes).ok()?;
    Some(bytes)
}

/// Where fonts are kept on a Linux server and in a user's home.
fn font_folders() -> Vec<PathBuf> {
    let mut out = vec![
        PathBuf::from("/usr/share/fonts"),
        PathBuf::from("/usr/local/share/fonts"),
    ];
    if let Some(data) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        out.push(PathBuf::from(data).join("fonts"));
    }
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        let home = PathBuf::from(home);
        out.push(home.join(".local/share/fonts"));
        out.push(home.join(".fonts"));
    }
    out
}

/// The bytes of the best font file under `folders`: the most preferred
/// Chinese face, else a Latin one (a file named like a font that is not
/// one is passed over).
pub fn find(folders: &[PathBuf]) -> Option<Vec<u8>> {
    let mut files = Vec::new();
    for f in folders {
        walk(f, 0, &mut files);
    }
    let rank = |p: &PathBuf| {
        let name = p.file_name()?.to_string_lossy().to_lowercase();
        let font = [".ttf", ".ttc", ".otf"].iter().any(|e| name.ends_with(e));
        font.then_some(())?;
        CHINESE
            .iter()
            .chain(LATIN.iter())
            .position(|want| name.starts_with(want))
    };
    let mut ranked: Vec<(usize, PathBuf)> = files
        .into_iter()
        .filter_map(|p| rank(&p).map(|r| (r, p)))
        .collect();
    // The same name in two folders: the first folder's, as fontconfig.
    ranked.sort_by_key(|(r, _)| *r);
    ranked.into_iter().find_map(|(_, p)| load(&p))
}

fn walk(dir: &Path, depth: u8, out: &mut Vec<PathBuf>) {
    if depth > 6 || out.len() >= MAX_FILES {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for e in entries {
        let path = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&path, depth + 1, out),
            Ok(_) if out.len() < MAX_FILES => out.push(path),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chinese_face_is_preferred_and_a_non_font_is_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("truetype/dejavu");
        std::fs::create_dir_all(&sub).unwrap();
        // Named like a font, but not one: never chosen.
        std::fs::write(dir.path().join("wqy-microhei.ttc"), b"not a font").unwrap();
        std::fs::write(sub.join("DejaVuSans.ttf"), b"nor this").unwrap();
        assert_eq!(find(&[dir.path().to_path_buf()]), None);
        assert_eq!(find(&[dir.path().join("missing")]), None);
        // A device or a folder is never read as a font.
        assert_eq!(load(Path::new("/dev/zero")), None);
        assert_eq!(load(dir.path()), None);
    }
}
