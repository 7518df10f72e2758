//! A text field's editing, readline-style, for search, forms and the note
//! editor alike. Every editing key arrives here as an action from the key
//! table; ratatui-textarea's own shortcuts are never consulted, so a key
//! does what help says in every text field and nothing else.

use super::keymap::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_textarea::{CursorMove, TextArea};

/// What an editing action did to the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edited {
    /// The text changed.
    Text,
    /// Only the caret moved (or nothing could happen, as Backspace at the
    /// start).
    Caret,
}

/// Applies an editing action; None when `action` is not one, so that the
/// layer can give it its own meaning.
pub fn edit(input: &mut TextArea<'static>, action: Action) -> Option<Edited> {
    // A caret key ends a selection (a prefill's) where it stood; it
    // never extends it.
    let moved = |input: &mut TextArea<'static>, m: CursorMove| {
        input.cancel_selection();
        input.move_cursor(m);
        Edited::Caret
    };
    let changed = |yes: bool| if yes { Edited::Text } else { Edited::Caret };
    Some(match action {
        Action::Left => moved(input, CursorMove::Back),
        Action::Right => moved(input, CursorMove::Forward),
        Action::WordLeft => moved(input, CursorMove::WordBack),
        Action::WordRight => moved(input, CursorMove::WordForward),
        Action::LineStart => moved(input, CursorMove::Head),
        Action::LineEnd => moved(input, CursorMove::End),
        Action::DeleteBack => changed(input.delete_char()),
        Action::DeleteForward => changed(input.delete_next_char()),
        Action::DeleteWordBack => changed(input.delete_word()),
        Action::DeleteWordForward => changed(input.delete_next_word()),
        Action::KillToStart => changed(input.delete_line_by_head()),
        Action::KillToEnd => changed(input.delete_line_by_end()),
        Action::Yank => changed(input.paste()),
        _ => return None,
    })
}

/// The note editor's own caret moves: between lines and to either end.
pub fn edit_lines(input: &mut TextArea<'static>, action: Action) -> Option<Edited> {
    let m = match action {
        Action::Up => CursorMove::Up,
        Action::Down => CursorMove::Down,
        Action::Top => CursorMove::Top,
        Action::Bottom => CursorMove::Bottom,
        Action::NewLine => {
            input.insert_newline();
            return Some(Edited::Text);
        }
        _ => return edit(input, action),
    };
    input.move_cursor(m);
    Some(Edited::Caret)
}

/// A key the table does not claim: a printable character is typed, any
/// other key (an unbound Ctrl or Alt chord, F5) does nothing at all.
pub fn type_key(input: &mut TextArea<'static>, key: KeyEvent) -> bool {
    match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                && !c.is_control() =>
        {
            input.insert_char(c);
            true
        }
        _ => false,
    }
}

/// A one-line text field, prefilled, with the caret at the end.
pub fn line_input(text: &str) -> TextArea<'static> {
    let mut t = TextArea::new(vec![text.to_owned()]);
    t.move_cursor(CursorMove::End);
    t
}

/// The same text, caret and wrapping in a field whose view starts afresh.
/// tui-textarea keeps the last view's scroll offsets and only moves them
/// to follow the caret: after the window shrinks and grows back, the view
/// stayed scrolled as it was in the small one (only the caret's row, or a
/// line's last character, in sight while the room around them was empty).
/// Nothing else is kept in the field: its own undo is not used (the cockpit
/// keeps the text's history in drafts).
pub fn refit(input: &mut TextArea<'static>) {
    let at = input.cursor();
    let (row, col) = (at.0, at.1);
    let mut fresh = TextArea::new(input.lines().to_vec());
    fresh.set_wrap_mode(input.wrap_mode());
    let (row, col) = (
        u16::try_from(row).unwrap_or(u16::MAX),
        u16::try_from(col).unwrap_or(u16::MAX),
    );
    fresh.move_cursor(CursorMove::Jump(row, col));
    *input = fresh;
}

/// The note editor's field, with the caret at the end of the text.
pub fn note_input(text: &str) -> TextArea<'static> {
    let mut t = TextArea::new(text.lines().map(str::to_owned).collect());
    if t.lines().is_empty() {
        t = TextArea::default();
    }
    // A note is prose: lines wrap at words (or, in Chinese, anywhere
    // between graphemes) instead of scrolling sideways, so there is no
    // sideways offset a resize could strand (at 10×3 and back, the editor
    // showed only the last character of a long line until Home).
    t.set_wrap_mode(tui_textarea::WrapMode::WordOrGlyph);
    t.move_cursor(CursorMove::Bottom);
    t.move_cursor(CursorMove::End);
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str) -> TextArea<'static> {
        line_input(text)
    }

    #[test]
    fn readline_kills_and_yank() {
        let mut t = field("黄旗山 城市公园");
        assert_eq!(edit(&mut t, Action::DeleteWordBack), Some(Edited::Text));
        assert_eq!(t.lines(), ["黄旗山 "]);
        assert_eq!(edit(&mut t, Action::Yank), Some(Edited::Text));
        assert_eq!(t.lines(), ["黄旗山 城市公园"]);
        edit(&mut t, Action::LineStart);
        edit(&mut t, Action::Right);
        assert_eq!(edit(&mut t, Action::KillToEnd), Some(Edited::Text));
        assert_eq!(t.lines(), ["黄"]);
        assert_eq!(edit(&mut t, Action::KillToStart), Some(Edited::Text));
        assert_eq!(t.lines(), [""]);
        assert_eq!(edit(&mut t, Action::DeleteBack), Some(Edited::Caret));
        assert_eq!(edit(&mut t, Action::Submit), None);
    }

    #[test]
    fn only_printable_characters_are_typed() {
        let mut t = field("");
        let key = |c, m| KeyEvent::new(KeyCode::Char(c), m);
        assert!(type_key(&mut t, key('东', KeyModifiers::NONE)));
        assert!(type_key(&mut t, key('A', KeyModifiers::SHIFT)));
        assert!(!type_key(&mut t, key('c', KeyModifiers::CONTROL)));
        assert!(!type_key(&mut t, key('x', KeyModifiers::ALT)));
        assert!(!type_key(&mut t, KeyEvent::from(KeyCode::F(5))));
        assert_eq!(t.lines(), ["东A"]);
    }
}
