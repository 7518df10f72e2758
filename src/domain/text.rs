//! Text hygiene. Everything a planner types, pastes or imports passes through
//! here before it is stored, and everything we print outside a ratatui widget
//! passes through `for_terminal`, so that no byte from the data can drive the
//! terminal (OSC 52 clipboard writes, title changes, cursor moves...).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Tabs become this many spaces: a tab's width depends on the column it lands
/// in, which makes CJK alignment impossible.
const TAB_SPACES: &str = "    ";

/// More combining marks than this on one base character are dropped. Real
/// scripts need two or three; "zalgo" text stacks thousands and makes every
/// renderer slow.
const MAX_COMBINING_RUN: usize = 4;

/// Characters that reorder or hide text without being visible themselves:
/// bidi embeddings/overrides/isolates and marks, zero-width space, word joiner,
/// invisible operators and the BOM. ZWJ (U+200D) and ZWNJ (U+200C) stay: emoji
/// sequences and several scripts need them.
fn is_invisible_trick(c: char) -> bool {
    matches!(c,
        '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' |
        '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{206A}'..='\u{206F}' |
        '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{061C}' | '\u{180E}')
}

fn is_control(c: char) -> bool {
    // C0, DEL and C1.
    (c as u32) < 0x20 || ('\u{7F}'..='\u{9F}').contains(&c)
}

/// What cleaning removed, so that an importer can say so.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Cleaned {
    pub removed: usize,
}

/// Cleans multi-line text (notes, descriptions): NFC, CRLF/CR → LF, tabs
/// expanded, controls and invisible tricks removed, combining runs capped,
/// trailing whitespace on each line and blank lines at both ends trimmed.
pub fn clean_multiline(input: &str) -> (String, Cleaned) {
    if already_clean(input) {
        return (input.to_owned(), Cleaned::default());
    }
    clean_multiline_slow(input)
}

/// True when cleaning would return `input` unchanged, found in one pass
/// without allocating: nearly all text is, and an import of a million
/// notes spent most of its validation normalising text that was already
/// normal. A property test holds this to the full cleaning.
fn already_clean(input: &str) -> bool {
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    if !well_trimmed(input) {
        return false;
    }
    // Planners' text is ASCII, CJK ideographs and common punctuation, which
    // need no table lookups; anything else takes the full checks.
    if input.chars().all(|c| c == '\n' || plain(c)) {
        return true;
    }
    !input
        .chars()
        .any(|c| (is_control(c) && c != '\n') || is_invisible_trick(c) || is_combining_mark(c))
        && is_nfc_quick(input.chars()) == IsNormalized::Yes
}

/// Characters that cleaning always keeps as they are, whatever surrounds
/// them: not controls, not invisible, not combining, NFC on their own and
/// unable to compose with a neighbour. A unit test checks each of them.
fn plain(c: char) -> bool {
    matches!(c,
        ' '..='~' | '\u{B7}' | '\u{2010}'..='\u{2027}' | '\u{3001}'..='\u{3011}' |
        '\u{4E00}'..='\u{9FFF}' | '\u{FF01}'..='\u{FF5E}')
}

/// Not blank at either end, no trailing whitespace on any line.
fn well_trimmed(input: &str) -> bool {
    let mut lines = input.split('\n');
    let first_blank = lines.next().is_none_or(|l| l.trim().is_empty());
    let last_blank = input
        .rsplit('\n')
        .next()
        .is_none_or(|l| l.trim().is_empty());
    !first_blank && !last_blank && input.split('\n').all(|l| l.trim_end().len() == l.len())
}

fn clean_multiline_slow(input: &str) -> (String, Cleaned) {
    let mut report = Cleaned::default();
    // Remove before normalising: a control between a letter and its accent
    // would otherwise block their composition and leave non-NFC text.
    let mut kept = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                kept.push('\n');
            }
            '\n' => kept.push('\n'),
            '\t' => kept.push_str(TAB_SPACES),
            c if is_control(c) || is_invisible_trick(c) => report.removed += 1,
            c => kept.push(c),
        }
    }
    let mut out = String::with_capacity(kept.len());
    let mut combining = 0usize;
    for c in kept.nfc() {
        if is_combining_mark(c) {
            combining += 1;
            if combining > MAX_COMBINING_RUN {
                report.removed += 1;
                continue;
            }
        } else {
            combining = 0;
        }
        out.push(c);
    }
    let trimmed: Vec<&str> = out.lines().map(str::trim_end).collect();
    let first = trimmed.iter().position(|l| !l.trim().is_empty());
    let last = trimmed.iter().rposition(|l| !l.trim().is_empty());
    let text = match (first, last) {
        (Some(a), Some(b)) => trimmed[a..=b].join("\n"),
        _ => String::new(),
    };
    (text, report)
}

/// Cleans single-line text (names, titles, units, owners): as `clean_multiline`,
/// then every line break becomes one space and runs of spaces collapse.
/// `clean_multiline` in place: text that is already clean (nearly all of
/// it) is neither copied nor reallocated.
pub fn tidy_multiline(value: &mut String) -> Cleaned {
    if already_clean(value) {
        return Cleaned::default();
    }
    let (clean, report) = clean_multiline_slow(value);
    *value = clean;
    report
}

/// `clean_line` in place, likewise.
pub fn tidy_line(value: &mut String) -> Cleaned {
    let one_spaced = !value.contains('\n')
        && !value.starts_with(' ')
        && !value.ends_with(' ')
        && !value.contains("  ");
    if one_spaced && already_clean(value) {
        return Cleaned::default();
    }
    let (clean, report) = clean_line(value);
    *value = clean;
    report
}

pub fn clean_line(input: &str) -> (String, Cleaned) {
    let (text, report) = clean_multiline(input);
    let mut out = String::with_capacity(text.len());
    for word in text.split([' ', '\n']).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    (out, report)
}

/// Makes any string safe to write to a terminal outside a ratatui widget
/// (error messages, CLI listings, reports): control and invisible characters
/// are shown as `\u{..}` escapes, so a message still names what was there
/// without letting it act. Newlines are kept only when `keep_newlines`.
pub fn for_terminal(input: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        if (c == '\n' && keep_newlines) || !(is_control(c) || is_invisible_trick(c)) {
            out.push(c);
        } else if c == '\t' {
            out.push_str(TAB_SPACES);
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    out
}

/// Characters that must never reach a terminal raw: controls (C0, DEL, C1)
/// and the invisible reordering tricks.
pub fn unsafe_for_terminal(c: char) -> bool {
    is_control(c) || is_invisible_trick(c)
}

/// True when `text` contains nothing `clean_multiline` would remove: the
/// invariant every stored string keeps.
pub fn is_clean(text: &str) -> bool {
    !text
        .chars()
        .any(|c| (is_control(c) && c != '\n') || is_invisible_trick(c))
}

/// True when every byte above ASCII pairs up as GBK/GB18030 two-byte
/// characters (lead 0x81–0xFE, trail 0x40–0xFE except 0x7F) and there is at
/// least one: a guess for a message, never used to read the text.
pub fn looks_like_gbk(bytes: &[u8]) -> bool {
    let mut pairs = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(&t) if (0x81..=0xFE).contains(&b) && (0x40..=0xFE).contains(&t) && t != 0x7F => {
                pairs += 1;
                i += 2;
            }
            // GB18030 four-byte sequences: lead, digit, lead, digit.
            Some(&t) if (0x81..=0xFE).contains(&b) && t.is_ascii_digit() => i += 4,
            _ => return false,
        }
    }
    pairs > 0
}

/// "UTF-16LE"/"UTF-16BE" (or "UTF-32LE"/"UTF-32BE") when `bytes` look like
/// such text: a byte-order mark, or ASCII with every other byte zero
/// (Windows tools save that). UTF-32's marks begin with UTF-16LE's, so they
/// are told apart first.
pub fn utf16(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, 0, 0, ..] => return Some("UTF-32LE"),
        [0, 0, 0xFE, 0xFF, ..] => return Some("UTF-32BE"),
        [0xFF, 0xFE, ..] => return Some("UTF-16LE"),
        [0xFE, 0xFF, ..] => return Some("UTF-16BE"),
        _ => {}
    }
    let head = &bytes[..bytes.len().min(64) & !1];
    if head.len() < 4 {
        return None;
    }
    let quads = || head[..head.len() & !3].chunks_exact(4);
    if quads().all(|q| q[0] != 0 && q[1..] == [0, 0, 0]) {
        return Some("UTF-32LE");
    }
    if quads().all(|q| q[..3] == [0, 0, 0] && q[3] != 0) {
        return Some("UTF-32BE");
    }
    let pairs = || head.chunks_exact(2);
    if pairs().all(|p| p[1] == 0 && p[0] != 0) {
        Some("UTF-16LE")
    } else if pairs().all(|p| p[0] == 0 && p[1] != 0) {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// Cuts `s` to at most `cells` cells, ending in `…` when cut, never splitting
/// a wide glyph (a 2-cell character that does not fit is left out whole).
pub fn truncate(s: &str, cells: usize) -> String {
    if UnicodeWidthStr::width(s) <= cells {
        return s.to_owned();
    }
    if cells == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = UnicodeWidthStr::width(g);
        if used + w > cells - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn utf32_is_not_called_utf16() {
        let le: Vec<u8> = "\u{feff}plan"
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        let be: Vec<u8> = "\u{feff}plan"
            .chars()
            .flat_map(|c| (c as u32).to_be_bytes())
            .collect();
        assert_eq!(utf16(&le), Some("UTF-32LE"));
        assert_eq!(utf16(&be), Some("UTF-32BE"));
        assert_eq!(utf16(&le[4..]), Some("UTF-32LE"), "no mark");
        let u16le: Vec<u8> = "plan".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(utf16(&u16le), Some("UTF-16LE"));
    }

    proptest! {
        #[test]
        fn the_fast_path_agrees_with_full_cleaning(
            s in "(\\PC|[\n\r\t \u{301}\u{200B}\u{1b}]){0,40}"
        ) {
            if already_clean(&s) {
                prop_assert_eq!(clean_multiline_slow(&s).0, s.clone());
            }
            prop_assert_eq!(clean_multiline(&s), clean_multiline_slow(&s));
        }

        #[test]
        fn tidying_in_place_agrees_with_cleaning(
            s in "(\\PC|[\n\r\t \u{301}\u{200B}\u{1b}]){0,40}"
        ) {
            let (mut line, mut text) = (s.clone(), s.clone());
            let line_report = tidy_line(&mut line);
            prop_assert_eq!((line, line_report), clean_line(&s));
            let text_report = tidy_multiline(&mut text);
            prop_assert_eq!((text, text_report), clean_multiline(&s));
        }
    }

    #[test]
    fn plain_characters_need_no_cleaning_whatever_surrounds_them() {
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        let plain_chars = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| plain(c));
        for c in plain_chars {
            assert!(
                !is_control(c) && !is_invisible_trick(c) && !is_combining_mark(c),
                "{c:?}"
            );
            // Yes on its own, and after a letter and a CJK ideograph: it
            // neither decomposes nor composes with what precedes it.
            for s in [format!("{c}"), format!("a{c}"), format!("中{c}")] {
                assert_eq!(is_nfc_quick(s.chars()), IsNormalized::Yes, "{c:?}");
            }
        }
    }

    #[test]
    fn the_fast_path_takes_ordinary_text() {
        assert!(already_clean(
            "资金已拨付到位,本周召开专题协调会。\n第二行 ok"
        ));
        for not in [
            "",
            "a ",
            "a\n",
            "\na",
            "a\tb",
            "e\u{301}",
            "a\u{200B}b",
            "a \nb",
        ] {
            assert!(!already_clean(not), "{not:?}");
        }
    }

    #[test]
    fn strips_escape_sequences_but_keeps_their_printable_tail() {
        let (s, r) = clean_line("a\u{1b}]52;c;aGk=\u{7}b\u{9b}31mc");
        assert_eq!(s, "a]52;c;aGk=b31mc");
        assert_eq!(r.removed, 3);
    }

    #[test]
    fn newline_handling() {
        assert_eq!(clean_multiline("\n\n 一\r\n二\r三\t \n\n").0, " 一\n二\n三");
        assert_eq!(clean_line("  新产业\n 工程 ").0, "新产业 工程");
    }

    #[test]
    fn bidi_and_zero_width_removed_zwj_kept() {
        let (s, r) = clean_line("ab\u{202E}cd\u{200B}e\u{1F469}\u{200D}\u{1F4BB}");
        assert_eq!(s, "abcde\u{1F469}\u{200D}\u{1F4BB}");
        assert_eq!(r.removed, 2);
    }

    #[test]
    fn nfc_and_combining_cap() {
        assert_eq!(clean_line("e\u{301}").0, "\u{e9}");
        let zalgo = format!("x{}", "\u{300}".repeat(10_000));
        let (s, r) = clean_line(&zalgo);
        assert_eq!(s.chars().count(), 1 + MAX_COMBINING_RUN);
        assert_eq!(r.removed, 10_000 - MAX_COMBINING_RUN);
    }

    #[test]
    fn terminal_output_escapes_controls() {
        assert_eq!(for_terminal("x\u{1b}[2Jy\n", false), "x\\u{1b}[2Jy\\u{a}");
        assert_eq!(for_terminal("x\ny", true), "x\ny");
        assert!(is_clean("新城市\n第二行"));
        assert!(!is_clean("a\u{7}"));
    }
}
