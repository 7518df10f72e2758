//! Checks a plan document before anything touches the database, and puts it
//! in canonical form: text cleaned, dates checked, instants normalised, audit
//! fields filled. Every problem names its JSON path, so a planner can find it.

use super::dates::{parse_date, tidy_instant};
use super::plan::{FORMAT, FORMAT_VERSION, Milestone, Note, PlanDoc, Project};
use super::status::Kind;
use super::text::{Cleaned, tidy_line, tidy_multiline};
use std::collections::{HashMap, HashSet};
use std::fmt;

pub use super::problem::{Issue, Problem};

// What a planner types obeys the same limits a document does: one rule
// for every way in.
pub use super::typed::{MAX_NAME_CHARS, MAX_TEXT_CHARS, typed_name, typed_note, typed_unit};

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
enum At {
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

struct Checker<'a> {
    problems: Vec<Problem>,
    prepared: Prepared,
    now: &'a str,
    author: &'a str,
}

impl Checker<'_> {
    fn problem(&mut self, path: impl fmt::Display, issue: Issue) {
        self.problems.push(Problem::at(path.to_string(), issue));
    }

    fn note_cleaned(&mut self, path: &dyn fmt::Display, c: Cleaned) {
        if c.removed > 0 {
            self.prepared.cleaned_fields += 1;
            if self.prepared.first_cleaned.is_none() {
                self.prepared.first_cleaned = Some(path.to_string());
            }
        }
    }

    /// A name or title: one line, not empty, not too long.
    fn name(&mut self, path: &dyn fmt::Display, value: &mut String, required: bool) {
        let c = tidy_line(value);
        self.note_cleaned(path, c);
        if required && value.is_empty() {
            self.problem(path, Issue::Required);
        } else if value.chars().count() > MAX_NAME_CHARS {
            self.problem(
                path,
                Issue::TooLong {
                    max: MAX_NAME_CHARS,
                },
            );
        }
    }

    fn text(&mut self, path: &dyn fmt::Display, value: &mut String, required: bool) {
        let c = tidy_multiline(value);
        self.note_cleaned(path, c);
        if required && value.is_empty() {
            self.problem(path, Issue::Required);
        } else if value.chars().count() > MAX_TEXT_CHARS {
            self.problem(
                path,
                Issue::TooLong {
                    max: MAX_TEXT_CHARS,
                },
            );
        }
    }

    fn date(&mut self, path: &dyn fmt::Display, value: &mut Option<String>) {
        if let Some(v) = value {
            match parse_date(v) {
                Ok(d) => *v = d.to_string(),
                Err(e) => self.problem(path, Issue::Refused(e)),
            }
        }
    }

    fn instant(&mut self, path: &dyn fmt::Display, value: &mut Option<String>) {
        match value {
            Some(v) => {
                if let Err(e) = tidy_instant(v) {
                    self.problem(path, Issue::Refused(e));
                }
            }
            None => *value = Some(self.now.to_owned()),
        }
    }

    fn who(&mut self, path: &dyn fmt::Display, value: &mut Option<String>) {
        match value {
            Some(v) => self.name(path, v, false),
            None => *value = Some(self.author.to_owned()),
        }
    }

    fn id(&mut self, at: At, id: i64, seen: &mut HashMap<i64, At>, kind: &'static str) {
        let path = format_args!("{at}.id");
        if id <= 0 {
            self.problem(path, Issue::IdNotPositive { kind, id });
        } else if let Some(first) = seen.get(&id) {
            let first = format!("{first}.id");
            self.problem(path, Issue::DuplicateId { kind, id, first });
        } else {
            seen.insert(id, at);
        }
    }

    fn number(&mut self, path: &dyn fmt::Display, v: Option<f64>) {
        if let Some(v) = v
            && !v.is_finite()
        {
            self.problem(path, Issue::NotFinite);
        }
    }

    fn notes(
        &mut self,
        project: usize,
        milestone: Option<usize>,
        notes: &mut [Note],
        seen: &mut HashMap<i64, At>,
    ) {
        for (i, n) in notes.iter_mut().enumerate() {
            let p = At::Note {
                project,
                milestone,
                note: i,
            };
            self.id(p, n.id, seen, "note");
            self.text(&format_args!("{p}.body"), &mut n.body, true);
            if n.author.is_empty() {
                n.author = self.author.to_owned();
            } else {
                self.name(&format_args!("{p}.author"), &mut n.author, false);
            }
            self.instant(&format_args!("{p}.created_at"), &mut n.created_at);
            if n.updated_at.is_none() {
                n.updated_at = n.created_at.clone();
            }
            self.instant(&format_args!("{p}.updated_at"), &mut n.updated_at);
        }
    }

    fn milestone(&mut self, (project, j): (usize, usize), m: &mut Milestone, ids: &mut Ids) {
        let p = At::Milestone(project, j);
        self.id(p, m.id, &mut ids.milestones, "milestone");
        self.name(&format_args!("{p}.title"), &mut m.title, true);
        self.name(&format_args!("{p}.unit"), &mut m.unit, false);
        self.name(&format_args!("{p}.owner"), &mut m.owner, false);
        self.number(&format_args!("{p}.baseline"), m.baseline);
        self.number(&format_args!("{p}.target"), m.target);
        self.number(&format_args!("{p}.current"), m.current);
        self.date(&format_args!("{p}.due"), &mut m.due);
        self.audit(
            p,
            &mut m.created_at,
            &mut m.created_by,
            &mut m.updated_at,
            &mut m.updated_by,
        );
        if m.kind == Kind::YesNo {
            for (field, present) in [
                ("unit", !m.unit.is_empty()),
                ("baseline", m.baseline.is_some()),
                ("target", m.target.is_some()),
                ("current", m.current.is_some()),
                ("readings", !m.readings.is_empty()),
            ] {
                if present {
                    self.problem(format!("{p}.{field}"), Issue::YesNoHasNumbers);
                }
            }
        }
        let mut days = HashSet::new();
        for (i, r) in m.readings.iter_mut().enumerate() {
            let rp = format_args!("{p}.readings[{i}]");
            let mut as_of = Some(std::mem::take(&mut r.as_of));
            self.date(&format_args!("{rp}.as_of"), &mut as_of);
            r.as_of = as_of.unwrap_or_default();
            if !days.insert(r.as_of.clone()) {
                let day = r.as_of.clone();
                self.problem(format!("{rp}.as_of"), Issue::SecondReading { day });
            }
            self.number(&format_args!("{rp}.value"), Some(r.value));
            self.name(&format_args!("{rp}.author"), &mut r.author, false);
            self.name(&format_args!("{rp}.source"), &mut r.source, false);
        }
        self.notes(project, Some(j), &mut m.notes, &mut ids.notes);
    }

    fn audit(
        &mut self,
        p: At,
        created_at: &mut Option<String>,
        created_by: &mut Option<String>,
        updated_at: &mut Option<String>,
        updated_by: &mut Option<String>,
    ) {
        self.instant(&format_args!("{p}.created_at"), created_at);
        self.who(&format_args!("{p}.created_by"), created_by);
        if updated_at.is_none() {
            *updated_at = created_at.clone();
        }
        if updated_by.is_none() {
            *updated_by = created_by.clone();
        }
        self.instant(&format_args!("{p}.updated_at"), updated_at);
        self.who(&format_args!("{p}.updated_by"), updated_by);
    }

    fn project(&mut self, i: usize, pr: &mut Project, ids: &mut Ids) {
        let p = At::Project(i);
        self.id(p, pr.id, &mut ids.projects, "project");
        if !ids.directions.contains_key(&pr.direction) {
            let id = pr.direction;
            let issue = Issue::NoSuch {
                kind: "direction",
                id,
            };
            self.problem(format!("{p}.direction"), issue);
        }
        if let Some(prog) = pr.program
            && !ids.programs.contains_key(&prog)
        {
            let issue = Issue::NoSuch {
                kind: "program",
                id: prog,
            };
            self.problem(format!("{p}.program"), issue);
        }
        let mut tagged = HashSet::new();
        for (i, a) in pr.areas.iter().enumerate() {
            if !ids.areas.contains_key(a) {
                let issue = Issue::NoSuch {
                    kind: "area",
                    id: *a,
                };
                self.problem(format!("{p}.areas[{i}]"), issue);
            } else if !tagged.insert(*a) {
                self.problem(format!("{p}.areas[{i}]"), Issue::AreaTwice { id: *a });
            }
        }
        self.name(&format_args!("{p}.name"), &mut pr.name, true);
        self.text(&format_args!("{p}.description"), &mut pr.description, false);
        self.name(&format_args!("{p}.owner"), &mut pr.owner, false);
        self.date(&format_args!("{p}.start"), &mut pr.start);
        self.date(&format_args!("{p}.due"), &mut pr.due);
        if let (Some(s), Some(d)) = (&pr.start, &pr.due)
            && s > d
        {
            let issue = Issue::DueBeforeStart {
                due: d.clone(),
                start: s.clone(),
            };
            self.problem(format!("{p}.due"), issue);
        }
        self.audit(
            p,
            &mut pr.created_at,
            &mut pr.created_by,
            &mut pr.updated_at,
            &mut pr.updated_by,
        );
        for (j, m) in pr.milestones.iter_mut().enumerate() {
            self.milestone((i, j), m, ids);
        }
        self.notes(i, None, &mut pr.notes, &mut ids.notes);
    }
}

#[derive(Default)]
struct Ids {
    directions: HashMap<i64, At>,
    programs: HashMap<i64, At>,
    areas: HashMap<i64, At>,
    projects: HashMap<i64, At>,
    milestones: HashMap<i64, At>,
    notes: HashMap<i64, At>,
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
    let mut c = Checker {
        problems: Vec::new(),
        prepared: Prepared::default(),
        now,
        author,
    };
    if let Err(p) = check_format(&doc.format, doc.format_version) {
        return Err(vec![p]);
    }
    c.name(&"plan.title", &mut doc.plan.title, true);
    c.name(&"plan.locale", &mut doc.plan.locale, true);
    c.text(&"plan.description", &mut doc.plan.description, false);
    c.text(&"plan.source", &mut doc.plan.source, false);
    if !(1900..=2200).contains(&doc.plan.year) {
        let year = i64::from(doc.plan.year);
        c.problem("plan.year", Issue::NotAPlanYear { year });
    }
    if doc.directions.is_empty() {
        c.problem("directions", Issue::NoDirections);
    }
    let mut ids = Ids::default();
    let mut groups = [
        (
            "directions",
            "direction",
            &mut doc.directions,
            &mut ids.directions,
        ),
        ("areas", "area", &mut doc.areas, &mut ids.areas),
    ];
    for (key, what, list, seen) in groups.iter_mut() {
        let mut codes = HashMap::new();
        for (i, d) in list.iter_mut().enumerate() {
            let p = format!("{key}[{i}]");
            c.id(At::Group(key, i), d.id, seen, what);
            group_names(
                &mut c,
                &p,
                &mut d.code,
                &mut d.name,
                &mut d.name_en,
                &mut d.description,
            );
            if !d.code.is_empty() && codes.insert(d.code.clone(), p.clone()).is_some() {
                let issue = Issue::DuplicateCode {
                    kind: what,
                    code: d.code.clone(),
                };
                c.problem(format!("{p}.code"), issue);
            }
        }
    }
    let mut codes = HashMap::new();
    for (i, pg) in doc.programs.iter_mut().enumerate() {
        let p = format!("programs[{i}]");
        c.id(
            At::Group("programs", i),
            pg.id,
            &mut ids.programs,
            "program",
        );
        group_names(
            &mut c,
            &p,
            &mut pg.code,
            &mut pg.name,
            &mut pg.name_en,
            &mut pg.description,
        );
        if !pg.code.is_empty() && codes.insert(pg.code.clone(), p.clone()).is_some() {
            let issue = Issue::DuplicateCode {
                kind: "program",
                code: pg.code.clone(),
            };
            c.problem(format!("{p}.code"), issue);
        }
        if let Some(d) = pg.direction
            && !ids.directions.contains_key(&d)
        {
            let issue = Issue::NoSuch {
                kind: "direction",
                id: d,
            };
            c.problem(format!("{p}.direction"), issue);
        }
    }
    for (i, pr) in doc.projects.iter_mut().enumerate() {
        c.project(i, pr, &mut ids);
    }
    if c.problems.is_empty() {
        Ok(c.prepared)
    } else {
        Err(c.problems)
    }
}

fn group_names(
    c: &mut Checker<'_>,
    p: &str,
    code: &mut String,
    name: &mut String,
    name_en: &mut String,
    description: &mut String,
) {
    c.name(&format_args!("{p}.code"), code, true);
    c.name(&format_args!("{p}.name"), name, true);
    c.name(&format_args!("{p}.name_en"), name_en, false);
    c.text(&format_args!("{p}.description"), description, false);
}

#[cfg(test)]
mod tests {
    use super::*;

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
        });
        let first = n[0].id;
        doc.projects[2].notes.push(Note {
            id: first,
            body: "重复编号".into(),
            author: String::new(),
            created_at: None,
            updated_at: None,
        });
        let last = doc.projects[1].milestones[0].notes.len() - 1;
        let dup = doc.projects[2].notes.len() - 1;
        let problems = prepare(&mut doc, "2023-02-01T00:00:00Z", "planner").unwrap_err();
        let paths: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
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
