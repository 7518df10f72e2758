//! ASCII mode: after a frame is laid out, every symbol a terminal might draw
//! one or two cells wide (Unicode's "ambiguous" characters: box drawing,
//! blocks, `…`, `·`, `“”`, the status and light marks) is replaced by an
//! ASCII character in its one cell. The layout was computed with those
//! characters one cell wide, so a client set to "ambiguous characters are
//! wide" (a common Xshell and PuTTY setting for CJK) keeps it exactly, and a
//! font without box drawing still shows the frame. Chinese characters are
//! two cells on every terminal and stay as they are.
//!
//! One pass over the finished buffer rather than ASCII variants of every
//! drawing function: nothing drawn (ratatui's borders, the editor, text
//! from the plan) can slip past it.

use ratatui::buffer::Buffer;
use unicode_normalization::UnicodeNormalization;
use unicode_width::UnicodeWidthStr;

/// Replaces each one-cell non-ASCII symbol in `buf` by its ASCII stand-in.
pub fn flatten(buf: &mut Buffer) {
    for cell in &mut buf.content {
        let sym = cell.symbol();
        if sym.is_ascii() || sym.width() >= 2 {
            continue;
        }
        let mut out = [0u8; 4];
        let ascii = stand_in(sym).encode_utf8(&mut out);
        cell.set_symbol(ascii);
    }
}

/// The ASCII character a one-cell symbol becomes: by meaning for the
/// cockpit's own marks, by shape for lines and blocks, by its base letter
/// for accented Latin text, `?` for anything else.
pub fn stand_in(sym: &str) -> char {
    let Some(c) = sym.chars().next() else {
        return ' ';
    };
    match c {
        // Lines and frames.
        '─' | '━' | '═' | '┈' | '┄' | '╌' | '—' | '–' | '‐' | '‑' | '―' | '⎯' => {
            '-'
        }
        '│' | '┃' | '║' | '┊' | '┆' | '╎' => '|',
        '\u{2500}'..='\u{257F}' => '+',
        // Bars and charts: filled, empty.
        '█' | '▉' | '▊' | '▋' | '▌' | '▍' | '▎' | '▏' | '▇' | '▆' | '▅' | '▄' => {
            '#'
        }
        '▃' | '▂' | '▁' => '_',
        '░' | '▒' | '▓' => '.',
        // Status marks (see theme::mark) and lights (theme::light_mark).
        '○' => 'o',
        '●' | '•' | '∙' => '*',
        '✕' | '✗' | '×' => 'x',
        '✓' | '✔' => 'v',
        '◉' => 'R',
        '◐' => 'Y',
        '◎' => 'G',
        '◌' => '_',
        // Arrows and pointers.
        '▶' | '›' | '→' | '»' => '>',
        '‹' | '←' | '«' => '<',
        '↑' => '^',
        '↓' => 'v',
        // Punctuation in running text.
        '…' => '~',
        '·' => '.',
        '“' | '”' | '„' | '″' => '"',
        '‘' | '’' | '′' => '\'',
        '\u{00A0}' => ' ',
        _ => sym
            .nfd()
            .next()
            .filter(char::is_ascii)
            .filter(|c| !c.is_ascii_control())
            .unwrap_or('?'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn marks_lines_and_quotes_become_ascii_and_chinese_stays() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 1));
        buf.set_string(0, 0, "┏━“东城”…·◉◐◎✓é", ratatui::style::Style::default());
        flatten(&mut buf);
        let row: String = (0..20).map(|x| buf[(x, 0)].symbol().to_owned()).collect();
        // A wide character's second cell is its blank continuation.
        assert_eq!(row, "+-\"东 城 \"~.RYGve     ");
        assert_eq!(stand_in("\u{2603}"), '?');
    }
}
