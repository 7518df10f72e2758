//! Reading the keyboard, with an Esc that waits a moment for the rest of an
//! Alt key. Alt-b reaches the program as two bytes, ESC and `b`; crossterm
//! makes Alt-b of them when both arrive in one read, and a lone Esc
//! otherwise. Over SSH the two can arrive in two packets: without a wait,
//! Alt-b (a word left in a text field) becomes Esc (close the form) and a
//! typed `b`. So a lone Esc is held for the escape timeout: a character
//! within it makes Alt-character; anything else, or nothing, leaves the Esc
//! as it was, followed by what came.

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::collections::VecDeque;
use std::io;
use std::time::Duration;

pub struct Input {
    escape: Duration,
    held: VecDeque<Event>,
}

impl Input {
    pub fn new(escape: Duration) -> Input {
        Input {
            escape,
            held: VecDeque::new(),
        }
    }

    /// The next event within `timeout`, if any.
    pub fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if let Some(e) = self.held.pop_front() {
            return Ok(Some(e));
        }
        if !event::poll(timeout)? {
            return Ok(None);
        }
        let first = event::read()?;
        if !is_lone_esc(&first) || self.escape.is_zero() || !event::poll(self.escape)? {
            return Ok(Some(first));
        }
        let next = event::read()?;
        match joined(&next) {
            Some(alt) => Ok(Some(alt)),
            None => {
                self.held.push_back(next);
                Ok(Some(first))
            }
        }
    }
}

fn is_lone_esc(e: &Event) -> bool {
    matches!(e, Event::Key(k) if k.code == KeyCode::Esc
        && k.modifiers.is_empty()
        && k.kind == KeyEventKind::Press)
}

/// The Alt key an Esc and `next` make, if `next` is a plain character.
fn joined(next: &Event) -> Option<Event> {
    let Event::Key(k) = next else { return None };
    let plain = k.modifiers.is_empty() || k.modifiers == KeyModifiers::SHIFT;
    match k.code {
        KeyCode::Char(_) | KeyCode::Backspace if plain && k.kind == KeyEventKind::Press => Some(
            Event::Key(KeyEvent::new(k.code, k.modifiers | KeyModifiers::ALT)),
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_esc_and_a_character_make_an_alt_key_and_nothing_else_does() {
        let key = |c, m| Event::Key(KeyEvent::new(c, m));
        assert!(is_lone_esc(&key(KeyCode::Esc, KeyModifiers::NONE)));
        assert!(!is_lone_esc(&key(KeyCode::Esc, KeyModifiers::ALT)));
        assert_eq!(
            joined(&key(KeyCode::Char('b'), KeyModifiers::NONE)),
            Some(key(KeyCode::Char('b'), KeyModifiers::ALT))
        );
        assert_eq!(
            joined(&key(KeyCode::Backspace, KeyModifiers::NONE)),
            Some(key(KeyCode::Backspace, KeyModifiers::ALT))
        );
        assert_eq!(joined(&key(KeyCode::Enter, KeyModifiers::NONE)), None);
        assert_eq!(
            joined(&key(KeyCode::Char('s'), KeyModifiers::CONTROL)),
            None
        );
        assert_eq!(joined(&Event::Paste("x".into())), None);
    }
}
