//! Key notation in the config file, read through crokey (`ctrl-s`,
//! `alt-b`, `shift-tab`, `f5`, `pagedown`), turned into the key table's
//! keys. A single character stands for itself, case kept (`G` is the
//! shifted letter, as the help writes it; crokey would read `g`).

use crate::app::keymap::Key;
use crossterm::event::{KeyCode, KeyModifiers};

/// The key `notation` names, or why not.
pub fn parse(notation: &str) -> Result<Key, String> {
    let mut chars = notation.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_control() {
            return Err(notation.to_owned());
        }
        return Ok(Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::NONE,
        });
    }
    let combo = crokey::parse(notation).map_err(|_| notation.to_owned())?;
    // One key at a time: crokey also reads chords (`ctrl-a-b`).
    let crokey::OneToThree::One(code) = combo.codes else {
        return Err(notation.to_owned());
    };
    // The table carries Shift in the character itself and never on
    // Shift-Tab, as dispatch compares them.
    let (code, mods) = match code {
        KeyCode::Char(c) if combo.modifiers.contains(KeyModifiers::SHIFT) => (
            KeyCode::Char(c.to_ascii_uppercase()),
            combo.modifiers - KeyModifiers::SHIFT,
        ),
        KeyCode::BackTab => (KeyCode::BackTab, combo.modifiers - KeyModifiers::SHIFT),
        KeyCode::Tab if combo.modifiers.contains(KeyModifiers::SHIFT) => {
            (KeyCode::BackTab, combo.modifiers - KeyModifiers::SHIFT)
        }
        code => (code, combo.modifiers),
    };
    Ok(Key { code, mods })
}

/// How `key` is written in the config file (the inverse of `parse`).
pub fn notation(key: &Key) -> String {
    match key.code {
        KeyCode::Char(c) if key.mods.is_empty() => c.to_string(),
        KeyCode::BackTab => "shift-tab".to_owned(),
        code => crokey::KeyCombination::new(code, key.mods)
            .to_string()
            .to_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::BINDINGS;

    #[test]
    fn notation_is_read_as_the_table_means_it() {
        let key = |code, mods| Key { code, mods };
        assert_eq!(parse("G"), Ok(key(KeyCode::Char('G'), KeyModifiers::NONE)));
        assert_eq!(
            parse("shift-g"),
            Ok(key(KeyCode::Char('G'), KeyModifiers::NONE))
        );
        assert_eq!(
            parse("ctrl-s"),
            Ok(key(KeyCode::Char('s'), KeyModifiers::CONTROL))
        );
        assert_eq!(
            parse("Ctrl-S"),
            Ok(key(KeyCode::Char('s'), KeyModifiers::CONTROL))
        );
        assert_eq!(
            parse("shift-tab"),
            Ok(key(KeyCode::BackTab, KeyModifiers::NONE))
        );
        assert_eq!(parse("f5"), Ok(key(KeyCode::F(5), KeyModifiers::NONE)));
        assert_eq!(parse("?"), Ok(key(KeyCode::Char('?'), KeyModifiers::NONE)));
        assert!(parse("ctrl-").is_err());
        assert!(parse("ctrl-a-b").is_err());
        assert!(parse("hyper-x").is_err());
    }

    #[test]
    fn every_key_of_the_table_reads_back_from_its_notation() {
        for b in BINDINGS {
            for k in b.keys {
                assert_eq!(parse(&notation(k)), Ok(*k), "{}", notation(k));
            }
        }
    }
}
