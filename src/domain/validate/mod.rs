//! Checks a plan document before anything touches the database, and puts it
//! in canonical form: text cleaned, dates checked, instants normalised, audit
//! fields filled. Every problem names its JSON path, so a planner can find it.

mod checker;
mod pieces;

use super::plan::{FORMAT, FORMAT_VERSION, PlanDoc};
use std::fmt;

pub use pieces::Validator;

pub use super::problem::{Issue, Problem};

// What a planner types obeys the same limits a document does: one rule
// for every way in.
pub use super::typed::{
    MAX_NAME_CHARS, MAX_TEXT_CHARS, MAX_WEIGHT, check_weight, typed_name, typed_note, typed_owner,
    typed_party, typed_unit,
};

/// What preparing a document changed, to tell the planner.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// Text fields from which control or invisible characters were removed.
    pub cleaned_fields: usize,
    pub first_cleaned: Option<String>,
}

/// Where an item sits in the document: made into a JSON path only when a
/// problem names it (a million notes would otherwise build a million paths
/// that are never read).
#[derive(Debug, Clone, Copy)]
pub(super) enum At {
    Group(&'static str, usize),
    Project(usize),
    Milestone(usize, usize),
    Note {
        project: usize,
        milestone: Option<usize>,
        note: usize,
    },
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            At::Group(key, i) => write!(f, "{key}[{i}]"),
            At::Project(i) => write!(f, "projects[{i}]"),
            At::Milestone(i, j) => write!(f, "projects[{i}].milestones[{j}]"),
            At::Note {
                project,
                milestone: Some(j),
                note,
            } => write!(f, "projects[{project}].milestones[{j}].notes[{note}]"),
            At::Note {
                project,
                milestone: None,
                note,
            } => write!(f, "projects[{project}].notes[{note}]"),
        }
    }
}

/// Checks the format header alone, so that a file from a newer plan-cockpit
/// is named as such rather than failing on fields we do not know.
pub fn check_format(format: &str, version: u32) -> Result<(), Problem> {
    if format != FORMAT {
        let found = format.to_owned();
        return Err(Problem::at("format", Issue::NotOurFormat { found }));
    }
    if version > FORMAT_VERSION {
        let issue = Issue::NewerFormat {
            found: version,
            reads: FORMAT_VERSION,
        };
        return Err(Problem::at("format_version", issue));
    }
    if version == 0 {
        return Err(Problem::at("format_version", Issue::FormatZero));
    }
    Ok(())
}

/// Validates and canonicalises `doc` in place. `now` and `author` fill audit
/// fields the document leaves out. On error, every problem found is returned.
pub fn prepare(doc: &mut PlanDoc, now: &str, author: &str) -> Result<Prepared, Vec<Problem>> {
    if let Err(p) = check_format(&doc.format, doc.format_version) {
        return Err(vec![p]);
    }
    let mut v = Validator::new(now, author);
    v.plan(&mut doc.plan);
    v.groups("directions", &mut doc.directions);
    v.programs(&mut doc.programs);
    v.groups("areas", &mut doc.areas);
    for pr in &mut doc.projects {
        v.project(pr);
    }
    v.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::Note;

    /// The paths a planner reads in a refusal, for every kind of place.
    #[test]
    fn places_are_named_by_their_json_path() {
        let note = |milestone| At::Note {
            project: 3,
            milestone,
            note: 7,
        };
        assert_eq!(At::Group("areas", 2).to_string(), "areas[2]");
        assert_eq!(At::Project(3).to_string(), "projects[3]");
        assert_eq!(At::Milestone(3, 5).to_string(), "projects[3].milestones[5]");
        assert_eq!(
            note(Some(5)).to_string(),
            "projects[3].milestones[5].notes[7]"
        );
        assert_eq!(note(None).to_string(), "projects[3].notes[7]");
    }

    /// A bad note body, a bad instant and a duplicate note id, deep in the
    /// document, are each named at the field.
    #[test]
    fn problems_deep_in_the_document_name_the_field() {
        let mut doc = crate::seed::plan_2023("2023-02-01T00:00:00Z", "planner");
        let n = &mut doc.projects[1].milestones[0].notes;
        n.push(Note {
            id: 900_001,
            body: "   ".into(),
            author: String::new(),
            created_at: Some("yesterday".into()),
            updated_at: None,
            kind: Default::default(),
            as_of: Some("2023-02-30".into()),
        });
        let first = n[0].id;
        doc.projects[2].notes.push(Note {
            id: first,
            body: "重复编号".into(),
            author: String::new(),
            created_at: None,
            updated_at: None,
            kind: Default::default(),
            as_of: None,
        });
        let last = doc.projects[1].milestones[0].notes.len() - 1;
        let dup = doc.projects[2].notes.len() - 1;
        let problems = prepare(&mut doc, "2023-02-01T00:00:00Z", "planner").unwrap_err();
        let paths: Vec<String> = problems
            .iter()
            .map(std::string::ToString::to_string)
            .collect();
        let has = |s: &str| paths.iter().any(|p| p.starts_with(s));
        assert!(
            has(&format!(
                "projects[1].milestones[0].notes[{last}].body: must not be empty"
            )),
            "{paths:#?}"
        );
        assert!(
            has(&format!(
                "projects[1].milestones[0].notes[{last}].created_at: "
            )),
            "{paths:#?}"
        );
        // The day a note speaks of is a real day.
        assert!(
            has(&format!("projects[1].milestones[0].notes[{last}].as_of: ")),
            "{paths:#?}"
        );
        assert!(
            paths
                .iter()
                .any(|p| p.starts_with(&format!(
                    "projects[2].notes[{dup}].id: duplicate note id {first}"
                )) && p.contains("(first used at projects[1].milestones[0].notes[0].id)")),
            "{paths:#?}"
        );
    }
}
