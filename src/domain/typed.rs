//! What a planner types into a field or a command: cleaned, and held to
//! the same limits an imported document is, so that whatever the cockpit
//! or the CLI accepts, an import of its export accepts too.

use super::refusal::{Field, Refusal};
use super::text::{clean_line, clean_multiline};

/// Longest name or title, in characters: a title is a line in a pane.
pub const MAX_NAME_CHARS: usize = 300;
/// Longest note or description, in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// A name or title a planner typed: cleaned, one line, not empty, not too
/// long. `field` says which, in the refusal.
pub fn typed_name(text: &str, field: Field) -> Result<String, Refusal> {
    let clean = clean_line(text).0;
    if clean.is_empty() {
        Err(Refusal::Empty(field))
    } else if clean.chars().count() > MAX_NAME_CHARS {
        Err(Refusal::TooLong {
            field,
            max: MAX_NAME_CHARS,
        })
    } else {
        Ok(clean)
    }
}

/// A unit a planner typed (`家`, `亿元`): one line, may be empty, as long as
/// a name at most: the same rule an import applies.
pub fn typed_unit(text: &str) -> Result<String, Refusal> {
    let clean = clean_line(text).0;
    if clean.chars().count() > MAX_NAME_CHARS {
        Err(Refusal::TooLong {
            field: Field::Unit,
            max: MAX_NAME_CHARS,
        })
    } else {
        Ok(clean)
    }
}

/// A note a planner typed: cleaned, not blank, not too long.
pub fn typed_note(text: &str) -> Result<String, Refusal> {
    let clean = clean_multiline(text).0;
    if clean.trim().is_empty() {
        Err(Refusal::Empty(Field::Note))
    } else if clean.chars().count() > MAX_TEXT_CHARS {
        Err(Refusal::TooLong {
            field: Field::Note,
            max: MAX_TEXT_CHARS,
        })
    } else {
        Ok(clean)
    }
}
