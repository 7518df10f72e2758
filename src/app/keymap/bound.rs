//! The keys in force: the table's, with the planner's own bindings from the
//! config file put in their place. Dispatch, help and the hint bar all read
//! this, so a rebound key is what they show and what they do.

use super::{Action, BINDINGS, Binding, EVERY, Key, Layer, TEXT};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The keys of each binding of the table, in the table's order.
#[derive(Debug, Clone)]
pub struct Keymap {
    keys: Vec<Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            keys: BINDINGS.iter().map(|b| b.keys.to_vec()).collect(),
        }
    }
}

pub use crate::domain::settings::KeyRefused as Refused;

impl Keymap {
    /// The action a key means in `layer`, if any. Shift on a letter is
    /// carried by the letter itself (`G`, `E`, `D`), so it is ignored for
    /// characters.
    pub fn action_for(&self, layer: Layer, key: KeyEvent) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let mods = match key.code {
            KeyCode::Char(_) | KeyCode::BackTab => key.modifiers - KeyModifiers::SHIFT,
            _ => key.modifiers,
        };
        BINDINGS
            .iter()
            .zip(&self.keys)
            .filter(|(b, _)| b.holds_in(layer))
            .find(|(_, keys)| keys.iter().any(|k| k.code == key.code && k.mods == mods))
            .map(|(b, _)| b.action)
    }

    /// Each binding with the keys now in force for it.
    pub fn bindings(&self) -> impl Iterator<Item = (&'static Binding, &[Key])> {
        BINDINGS.iter().zip(self.keys.iter().map(Vec::as_slice))
    }

    /// Puts `keys` in place of the table's for `action` in `section`:
    /// refused, changing nothing, if a key already means something else
    /// where the binding holds, or is a plain character in a text field.
    pub fn rebind(&mut self, section: &str, action: &str, keys: Vec<Key>) -> Result<(), Refused> {
        if !BINDINGS.iter().any(|b| section_of(b) == section) {
            return Err(Refused::NoSection(section.to_owned()));
        }
        let Some(at) = BINDINGS
            .iter()
            .position(|b| section_of(b) == section && action_name(b.action) == action)
        else {
            return Err(Refused::NoAction {
                section: section.to_owned(),
                action: action.to_owned(),
            });
        };
        if keys.is_empty() {
            return Err(Refused::NoKeys);
        }
        let mine = &BINDINGS[at];
        for key in &keys {
            let plain = matches!(key.code, KeyCode::Char(_)) && key.mods.is_empty();
            if plain && mine.layers.iter().any(|l| l.takes_text()) {
                return Err(Refused::TypedInText(super::key_label(key)));
            }
            let clash = BINDINGS
                .iter()
                .zip(&self.keys)
                .enumerate()
                .filter(|(i, (b, _))| *i != at && b.layers.iter().any(|l| mine.holds_in(*l)))
                .find(|(_, (_, ks))| ks.contains(key));
            if let Some((_, (other, _))) = clash {
                return Err(Refused::Clash {
                    key: super::key_label(key),
                    section: section_of(other),
                    action: action_name(other.action).to_owned(),
                });
            }
        }
        self.keys[at] = keys;
        Ok(())
    }
}

/// The config file's name for where a binding holds: `panes`, `editor`,
/// …, `text` for every text field, `everywhere`.
pub fn section_of(b: &Binding) -> String {
    if b.layers == TEXT {
        "text".to_owned()
    } else if b.layers == EVERY {
        "everywhere".to_owned()
    } else {
        b.layers
            .first()
            .map(|l| format!("{l:?}").to_lowercase())
            .unwrap_or_default()
    }
}

/// The config file's name for an action: `edit_value`, `quit`.
pub fn action_name(action: Action) -> &'static str {
    action.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::{code, ctrl, k};

    #[test]
    fn every_binding_has_its_own_name_in_its_section() {
        let mut seen = std::collections::HashSet::new();
        for b in BINDINGS {
            assert!(
                seen.insert((section_of(b), action_name(b.action))),
                "{b:?}",
                b = b.en
            );
        }
        assert_eq!(action_name(Action::EditValue), "edit_value");
    }

    #[test]
    fn a_rebound_key_dispatches_and_the_old_one_is_free() {
        let mut map = Keymap::default();
        map.rebind("panes", "quit", vec![k('Q')]).unwrap();
        let ev = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(map.action_for(Layer::Panes, ev('Q')), Some(Action::Quit));
        assert_eq!(map.action_for(Layer::Panes, ev('q')), None);
    }

    #[test]
    fn clashes_and_typed_keys_are_refused_and_change_nothing() {
        let mut map = Keymap::default();
        let before = format!("{map:?}");
        assert_eq!(
            map.rebind("panes", "quit", vec![k('j')]),
            Err(Refused::Clash {
                key: "j".into(),
                section: "panes".into(),
                action: "down".into()
            })
        );
        // Ctrl-C quits everywhere: no layer may take it.
        assert!(matches!(
            map.rebind("editor", "save", vec![ctrl('c')]),
            Err(Refused::Clash { .. })
        ));
        assert_eq!(
            map.rebind("editor", "save", vec![k('s')]),
            Err(Refused::TypedInText("s".into()))
        );
        assert_eq!(map.rebind("editor", "save", vec![]), Err(Refused::NoKeys));
        assert!(matches!(
            map.rebind("pains", "quit", vec![k('Q')]),
            Err(Refused::NoSection(_))
        ));
        assert!(matches!(
            map.rebind("panes", "qiut", vec![k('Q')]),
            Err(Refused::NoAction { .. })
        ));
        assert_eq!(format!("{map:?}"), before);
        // Its own key again is no clash.
        map.rebind("panes", "down", vec![k('j'), code(KeyCode::Down)])
            .unwrap();
    }
}
