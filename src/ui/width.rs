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

/// Breaks `s` into lines of at most `cells` cells. Breaks at spaces where a
/// line has them, anywhere in CJK text (which has none), never inside a glyph.
pub fn wrap(s: &str, cells: usize) -> Vec<String> {
    let cells = cells.max(2);
    let mut out = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for c in para.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > cells {
                // Prefer the last space, if it leaves something on the line.
                match line
                    .rfind(' ')
                    .filter(|&i| i > 0 && c.is_ascii() && !c.is_whitespace())
                {
                    Some(i) => {
                        let rest = line[i + 1..].to_owned();
                        line.truncate(i);
                        out.push(std::mem::take(&mut line));
                        used = width(&rest);
                        line = rest;
                    }
                    None => {
                        out.push(std::mem::take(&mut line));
                        used = 0;
                    }
                }
                if c == ' ' && used == 0 {
                    continue;
                }
            }
            line.push(c);
            used += w;
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
mod wrap_tests {
    use super::*;

    #[test]
    fn wraps_by_cells() {
        assert_eq!(
            wrap("国家级高新技术企业", 8),
            ["国家级高", "新技术企", "业"]
        );
        assert_eq!(wrap("hello big world", 9), ["hello big", "world"]);
        assert_eq!(wrap("a\nb", 5), ["a", "b"]);
        for line in wrap(
            "东城 街道 abc 国家级高新技术企业突破600家 and more words",
            7,
        ) {
            assert!(width(&line) <= 7, "{line}");
        }
    }
}
