//! Display-width helpers: CJK characters take two terminal cells, so
//! alignment and truncation count cells, never chars or bytes.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

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

/// Cut to a width in cells (said once, in the domain: the reports' chart
/// cuts its labels the same way).
pub use crate::domain::text::truncate;

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

/// Blanks every wide character whose second cell something else was drawn
/// over (an overlay's left edge, most often). Left alone, the terminal
/// would draw the whole character and hide what covers its second half,
/// because ratatui skips a wide character's second cell when it writes: a
/// popup lost its left border wherever Chinese text sat under it.
pub fn mend_cut_wide(buf: &mut ratatui::buffer::Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right().saturating_sub(1) {
            // Every wide character takes three bytes or more in UTF-8: the
            // ASCII most cells hold is passed over without a width lookup.
            let sym = buf[(x, y)].symbol();
            if sym.len() < 3 || width(sym) < 2 {
                continue;
            }
            let next = buf[(x + 1, y)].symbol();
            if !(next.is_empty() || next == " ") {
                buf[(x, y)].set_symbol(" ");
            }
        }
    }
}

/// Breaks `s` into lines of at most `cells` cells, where Unicode's line
/// breaking rules allow (UAX #14, through textwrap): between Chinese
/// characters, never before `。`, `,` or a closing bracket nor after an
/// opening one, at spaces in Latin text. A word wider than the line is cut
/// between grapheme clusters, so a ZWJ emoji, a flag or a letter with its
/// combining mark is never split.
pub fn wrap(s: &str, cells: usize) -> Vec<String> {
    let cells = cells.max(2);
    let options = textwrap::Options::new(cells).break_words(false);
    let mut out = Vec::new();
    for line in textwrap::wrap(s, options) {
        if width(&line) <= cells {
            out.push(line.into_owned());
        } else {
            out.extend(cut_graphemes(&line, cells));
        }
    }
    out
}

/// `s` in pieces of at most `cells` cells, cut only between graphemes; a
/// piece does not begin with closing punctuation while the one before can
/// give it a grapheme to lean on (the typesetters' rule, 避头).
fn cut_graphemes(s: &str, cells: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line: Vec<&str> = Vec::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        if !line.is_empty() && used + width(g) > cells {
            let carried = line.split_off(line.len() - carry(&line, g, cells));
            out.push(line.concat());
            used = carried.iter().map(|c| width(c)).sum();
            line = carried;
        }
        used += width(g);
        line.push(g);
    }
    out.push(line.concat());
    out
}

/// How many graphemes at the end of `line` move down with `g`, which
/// overflows it: the fewest that let the next line begin with a grapheme
/// that may begin one (`c。` moves with an overflowing `…`, since `。` may
/// not begin a line either). Where a run of closers is longer than a line,
/// the fewest that keep a hard closer (`。`, `,`, `)`…) from beginning it;
/// the line always keeps one grapheme.
fn carry(line: &[&str], g: &str, cells: usize) -> usize {
    let mut head = g;
    let mut moved = width(g);
    let mut soft = None;
    let mut k = 0;
    loop {
        if !head.starts_with(closes) {
            return k;
        }
        if soft.is_none() && !head.starts_with(hard_closes) {
            soft = Some(k);
        }
        if k + 1 >= line.len() {
            break;
        }
        head = line[line.len() - 1 - k];
        moved += width(head);
        if moved > cells {
            break;
        }
        k += 1;
    }
    soft.unwrap_or(0)
}

/// Punctuation that may not begin a line.
fn closes(c: char) -> bool {
    hard_closes(c) || "…’".contains(c)
}

/// Closers that may not begin a line even inside a run of punctuation
/// (an ellipsis or a closing quote may, when nothing else fits).
fn hard_closes(c: char) -> bool {
    "。,、;:?!)」』】》〉”.,;:!?)".contains(c)
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

    #[test]
    fn chinese_punctuation_never_begins_a_line() {
        let text = "以新能源产业、数字经济、专精特新企业等为切入点,加快培育壮大新动能。";
        for cells in 4..40 {
            for line in wrap(text, cells).iter().skip(1) {
                let first = line.chars().next().unwrap_or(' ');
                assert!(!"。,、;:)”".contains(first), "{cells}: {line:?}");
            }
        }
    }

    #[test]
    fn a_closer_carried_back_does_not_begin_a_line_itself() {
        // Found by the wrapping property test in CI: `。` was carried back
        // before an overflowing `…` and then began the line.
        assert_eq!(wrap("abc,(abc。……", 6), ["abc,", "(ab", "c。……"]);
        // A run of closers wider than what can be carried moves one.
        assert_eq!(wrap("业。…………", 6), ["业。……", "……"]);
        assert_eq!(wrap("业…………。", 6), ["业………", "…。"]);
    }

    #[test]
    fn a_zwj_emoji_is_never_split() {
        let flag = "🏳️‍🌈";
        let text = format!("进度{flag}{flag}{flag}abc{flag}");
        for cells in 2..12 {
            let lines = wrap(&text, cells);
            assert_eq!(
                lines.concat().matches(flag).count(),
                4,
                "{cells}: {lines:?}"
            );
        }
    }
}

/// The parts that fit in `cells`, joined by `sep` in their given order:
/// taken by rank (0 most needed), each one kept if it still fits beside
/// those already kept; empty parts are skipped. The most needed part is
/// always shown, cut with `…` if it alone is too wide.
pub fn fit_parts(parts: &[(&str, u8)], sep: &str, cells: usize) -> String {
    let present: Vec<(usize, &(&str, u8))> = parts
        .iter()
        .enumerate()
        .filter(|(_, (s, _))| !s.is_empty())
        .collect();
    let mut by_rank = present.clone();
    by_rank.sort_by_key(|(i, (_, rank))| (*rank, *i));
    let joined = |kept: &[usize]| {
        present
            .iter()
            .filter(|(i, _)| kept.contains(i))
            .map(|(_, (s, _))| *s)
            .collect::<Vec<_>>()
            .join(sep)
    };
    let Some((first, (most, _))) = by_rank.first() else {
        return String::new();
    };
    if width(most) > cells {
        return truncate(most, cells);
    }
    let mut kept: Vec<usize> = vec![*first];
    for (i, _) in &by_rank[1..] {
        kept.push(*i);
        if width(&joined(&kept)) > cells {
            kept.pop();
        }
    }
    joined(&kept)
}

#[cfg(test)]
mod fit_tests {
    use super::fit_parts;

    #[test]
    fn the_least_needed_parts_go_first() {
        let parts = [
            ("0/600 家", 0),
            ("0%", 3),
            ("2023-12-31", 1),
            ("未完成", 2),
            ("经发局", 4),
        ];
        assert_eq!(
            fit_parts(&parts, " · ", 80),
            "0/600 家 · 0% · 2023-12-31 · 未完成 · 经发局"
        );
        assert_eq!(
            fit_parts(&parts, " · ", 36),
            "0/600 家 · 0% · 2023-12-31 · 未完成"
        );
        assert_eq!(
            fit_parts(&parts, " · ", 30),
            "0/600 家 · 2023-12-31 · 未完成"
        );
        // The status no longer fits, the shorter percent still does.
        assert_eq!(fit_parts(&parts, " · ", 27), "0/600 家 · 0% · 2023-12-31");
        assert_eq!(fit_parts(&parts, " · ", 22), "0/600 家 · 2023-12-31");
        assert_eq!(fit_parts(&parts, " · ", 6), "0/600…");
        assert_eq!(fit_parts(&[("", 0), ("a", 1)], " · ", 5), "a");
    }
}
