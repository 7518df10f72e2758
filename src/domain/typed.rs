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

/// 责任单位 and 责任人 as typed: `东城经发局 / 张三`, `东城经发局` (no one
/// named yet), `/ 张三`. The first `/` (or full-width `／`) divides them;
/// each part is one clean line, as long as a name at most. Both empty means
/// "answer to the project's".
pub fn typed_owner(text: &str) -> Result<(String, String), Refusal> {
    let (unit, lead) = match text.find(['/', '／']) {
        Some(i) => {
            let slash = text[i..].chars().next().map_or(1, char::len_utf8);
            (&text[..i], &text[i + slash..])
        }
        None => (text, ""),
    };
    Ok((
        typed_party(unit, Field::Owner)?,
        typed_party(lead, Field::Lead)?,
    ))
}

/// One of an owner's two parts: one clean line, may be empty.
pub fn typed_party(text: &str, field: Field) -> Result<String, Refusal> {
    let clean = clean_line(text).0.trim().to_owned();
    if clean.chars().count() > MAX_NAME_CHARS {
        Err(Refusal::TooLong {
            field,
            max: MAX_NAME_CHARS,
        })
    } else {
        Ok(clean)
    }
}

/// The most a milestone may weigh: enough to say "ten times as much" a
/// hundred times over, small enough that one typo cannot drown a plan.
pub const MAX_WEIGHT: f64 = 1000.0;

/// A weight is a positive, finite number up to `MAX_WEIGHT`.
pub fn check_weight(w: f64) -> Result<(), Refusal> {
    if w.is_finite() && w > 0.0 && w <= MAX_WEIGHT {
        Ok(())
    } else {
        Err(Refusal::BadWeight { weight: w })
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

#[cfg(test)]
mod owner_tests {
    use super::*;

    #[test]
    fn an_owner_is_a_unit_and_a_person_divided_by_a_slash() {
        let ok = |u: &str, l: &str| Ok((u.to_owned(), l.to_owned()));
        assert_eq!(typed_owner("东城经发局 / 张三"), ok("东城经发局", "张三"));
        assert_eq!(typed_owner("东城经发局／张三"), ok("东城经发局", "张三"));
        assert_eq!(typed_owner(" 东城经发局 "), ok("东城经发局", ""));
        assert_eq!(typed_owner("/张三"), ok("", "张三"));
        assert_eq!(typed_owner("  "), ok("", ""));
        let long = "长".repeat(MAX_NAME_CHARS + 1);
        assert!(matches!(
            typed_owner(&format!("x/{long}")),
            Err(Refusal::TooLong {
                field: Field::Lead,
                ..
            })
        ));
    }
}
