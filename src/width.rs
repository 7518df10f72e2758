//! Display-width helpers: CJK characters take two terminal cells, so
//! alignment and truncation count cells, never chars or bytes.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Pads with spaces to `cells` (left-aligned); longer text is left whole.
pub fn pad(s: &str, cells: usize) -> String {
    let w = width(s);
    let mut out = s.to_owned();
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// Right-aligns within `cells`.
pub fn pad_left(s: &str, cells: usize) -> String {
    let w = width(s);
    let mut out: String = std::iter::repeat_n(' ', cells.saturating_sub(w)).collect();
    out.push_str(s);
    out
}

/// Cuts `s` to at most `cells` cells, ending in `…` when cut, never splitting
/// a wide glyph (a 2-cell character that does not fit is left out whole).
pub fn truncate(s: &str, cells: usize) -> String {
    if width(s) <= cells {
        return s.to_owned();
    }
    if cells == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > cells - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_cells() {
        assert_eq!(width("新城市"), 6);
        assert_eq!(pad("新城", 6), "新城  ");
        assert_eq!(pad_left("7", 3), "  7");
        assert_eq!(truncate("国家级高新技术企业", 7), "国家级…");
        assert_eq!(truncate("国家级高新技术企业", 8), "国家级…");
        assert_eq!(width(&truncate("国家级高新技术企业", 8)), 7);
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 1), "…");
        assert_eq!(truncate("abcd", 0), "");
    }
}
