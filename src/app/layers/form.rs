//! The one-field form layer: a value, a time limit, a target, a name; what
//! is typed is parsed here and written through the store.

use crate::app::keymap::{Action, Layer};
use crate::app::next::{Layered, Next};
use crate::app::text::line_input;
/// What a one-field form is for, and what it changes.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    Value {
        milestone: i64,
        version: i64,
    },
    Due {
        milestone: i64,
        version: i64,
    },
    /// `e` on a yes/no task: done, on the day given (today by default).
    DoneOn {
        milestone: i64,
        version: i64,
    },
    Target {
        milestone: i64,
        version: i64,
    },
    RenameMilestone {
        milestone: i64,
        version: i64,
    },
    RenameProject {
        project: i64,
        version: i64,
    },
    /// 责任单位/责任人 of a milestone (empty: its project's) or a project.
    OwnerMilestone {
        milestone: i64,
        version: i64,
    },
    OwnerProject {
        project: i64,
        version: i64,
    },
    /// The areas a project serves, typed `就业、教育`.
    Areas {
        project: i64,
        version: i64,
    },
    AddProject {
        direction: i64,
    },
    AddMilestone {
        project: i64,
    },
}

pub struct Form {
    pub purpose: Purpose,
    pub input: tui_textarea::TextArea<'static>,
    /// What the field held when it opened: anything else is unsaved.
    pub original: String,
    /// Why the last submit was refused; the text stays as typed.
    pub error: Option<String>,
}

impl Form {
    /// A field prefilled with `text`, all of it selected: typing replaces
    /// it (this week's value over last week's, no Ctrl-U first); a caret
    /// key keeps it and moves, as in any form a planner knows.
    pub fn new(purpose: Purpose, text: &str) -> Form {
        let mut input = line_input(text);
        if !text.is_empty() {
            input.set_selection_style(
                ratatui::style::Style::default().add_modifier(ratatui::style::Modifier::REVERSED),
            );
            input.select_all();
        }
        Form {
            purpose,
            input,
            original: text.to_owned(),
            error: None,
        }
    }

    pub fn text(&self) -> String {
        self.input.lines().join(" ")
    }

    pub fn is_dirty(&self) -> bool {
        self.text() != self.original
    }
}

impl Layered for Form {
    fn layer(&self) -> Layer {
        Layer::Form
    }

    fn update(&mut self, action: Action) -> Next {
        match action {
            Action::Cancel => Next::Close,
            Action::Submit => Next::Do(crate::app::next::Command::SubmitForm),
            _ => {
                let changed = crate::app::text::edit(&mut self.input, action);
                self.typed(changed == Some(crate::app::text::Edited::Text))
            }
        }
    }

    fn input(&mut self) -> Option<&mut tui_textarea::TextArea<'static>> {
        Some(&mut self.input)
    }

    /// A refusal shown under the field goes once the text changes.
    fn typed(&mut self, changed: bool) -> Next {
        if changed {
            self.error = None;
        }
        Next::Stay
    }

    fn unsaved(&self) -> bool {
        self.is_dirty()
    }
}

/// A value form's text: the number, and the day after it if one is given
/// (anything after a space that starts like a year, `2023-…`).
pub(in crate::app) fn value_and_day(text: &str, plan_year: i16) -> (&str, Option<&str>) {
    match text.trim().rsplit_once(char::is_whitespace) {
        // Anything after the last space that reads as a day is one (a day
        // that starts like one but does not exist is refused as a day).
        Some((number, day))
            if crate::domain::typed_forms::parse_day(day, plan_year).is_ok()
                || (day.len() >= 5
                    && day[..4].bytes().all(|b| b.is_ascii_digit())
                    && matches!(day.as_bytes()[4], b'-' | b'/' | b'.')) =>
        {
            (number.trim(), Some(day))
        }
        _ => (text, None),
    }
}

#[cfg(test)]
mod tests {
    use super::value_and_day;

    #[test]
    fn a_value_may_carry_the_day_it_was_true() {
        assert_eq!(value_and_day("512", 2023), ("512", None));
        assert_eq!(
            value_and_day(" 512  2023-06-30 ", 2023),
            ("512", Some("2023-06-30"))
        );
        assert_eq!(
            value_and_day("512 2023-6-3", 2023),
            ("512", Some("2023-6-3"))
        );
        assert_eq!(
            value_and_day("1.5万 6月30日", 2023),
            ("1.5万", Some("6月30日"))
        );
        assert_eq!(value_and_day("1,500 元", 2023), ("1,500 元", None));
    }
}
