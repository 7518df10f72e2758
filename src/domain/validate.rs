//! Checks a plan document before anything touches the database, and puts it
//! in canonical form: text cleaned, dates checked, instants normalised, audit
//! fields filled. Every problem names its JSON path, so a planner can find it.

use super::dates::{normalize_instant, parse_date};
use super::plan::{FORMAT, FORMAT_VERSION, Milestone, Note, PlanDoc, Project};
use super::status::Kind;
use super::text::{Cleaned, clean_line, clean_multiline};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Longest name or title, in characters: a title is a line in a pane.
pub const MAX_NAME_CHARS: usize = 300;
/// Longest note or description, in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// A name or title a planner typed: cleaned, one line, not empty, not too
/// long. `what` names it in the refusal ("title", "project name").
pub fn typed_name(text: &str, what: &str) -> Result<String, String> {
    let clean = clean_line(text).0;
    if clean.is_empty() {
        Err(format!("the {what} is empty"))
    } else if clean.chars().count() > MAX_NAME_CHARS {
        Err(format!(
            "the {what} is longer than {MAX_NAME_CHARS} characters"
        ))
    } else {
        Ok(clean)
    }
}

/// A note a planner typed: cleaned, not blank, not too long.
pub fn typed_note(text: &str) -> Result<String, String> {
    let clean = clean_multiline(text).0;
    if clean.trim().is_empty() {
        Err("the note is empty".into())
    } else if clean.chars().count() > MAX_TEXT_CHARS {
        Err(format!(
            "the note is longer than {MAX_TEXT_CHARS} characters"
        ))
    } else {
        Ok(clean)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// What preparing a document changed, to tell the planner.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// Text fields from which control or invisible characters were removed.
    pub cleaned_fields: usize,
    pub first_cleaned: Option<String>,
}

struct Checker<'a> {
    problems: Vec<Problem>,
    prepared: Prepared,
    now: &'a str,
    author: &'a str,
}

impl Checker<'_> {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn note_cleaned(&mut self, path: &str, c: Cleaned) {
        if c.removed > 0 {
            self.prepared.cleaned_fields += 1;
            if self.prepared.first_cleaned.is_none() {
                self.prepared.first_cleaned = Some(path.to_owned());
            }
        }
    }

    /// A name or title: one line, not empty, not too long.
    fn name(&mut self, path: &str, value: &mut String, required: bool) {
        let (clean, c) = clean_line(value);
        self.note_cleaned(path, c);
        *value = clean;
        if required && value.is_empty() {
            self.problem(path, "must not be empty");
        } else if value.chars().count() > MAX_NAME_CHARS {
            self.problem(path, format!("is longer than {MAX_NAME_CHARS} characters"));
        }
    }

    fn text(&mut self, path: &str, value: &mut String, required: bool) {
        let (clean, c) = clean_multiline(value);
        self.note_cleaned(path, c);
        *value = clean;
        if required && value.is_empty() {
            self.problem(path, "must not be empty");
        } else if value.chars().count() > MAX_TEXT_CHARS {
            self.problem(path, format!("is longer than {MAX_TEXT_CHARS} characters"));
        }
    }

    fn date(&mut self, path: &str, value: &mut Option<String>) {
        if let Some(v) = value {
            match parse_date(v) {
                Ok(d) => *v = d.to_string(),
                Err(e) => self.problem(path, e),
            }
        }
    }

    fn instant(&mut self, path: &str, value: &mut Option<String>) {
        match value {
            Some(v) => match normalize_instant(v) {
                Ok(n) => *v = n,
                Err(e) => self.problem(path, e),
            },
            None => *value = Some(self.now.to_owned()),
        }
    }

    fn who(&mut self, path: &str, value: &mut Option<String>) {
        match value {
            Some(v) => self.name(path, v, false),
            None => *value = Some(self.author.to_owned()),
        }
    }

    fn id(&mut self, path: String, id: i64, seen: &mut HashMap<i64, String>, what: &str) {
        if id <= 0 {
            self.problem(
                path,
                format!("{what} id must be a positive whole number, not {id}"),
            );
        } else if let Some(first) = seen.get(&id) {
            let msg = format!("duplicate {what} id {id} (first used at {first})");
            self.problem(path, msg);
        } else {
            seen.insert(id, path);
        }
    }

    fn number(&mut self, path: &str, v: Option<f64>) {
        if let Some(v) = v
            && !v.is_finite()
        {
            self.problem(path, "must be a finite number");
        }
    }

    fn notes(&mut self, base: &str, notes: &mut [Note], seen: &mut HashMap<i64, String>) {
        for (i, n) in notes.iter_mut().enumerate() {
            let p = format!("{base}.notes[{i}]");
            self.id(format!("{p}.id"), n.id, seen, "note");
            self.text(&format!("{p}.body"), &mut n.body, true);
            if n.author.is_empty() {
                n.author = self.author.to_owned();
            } else {
                self.name(&format!("{p}.author"), &mut n.author, false);
            }
            self.instant(&format!("{p}.created_at"), &mut n.created_at);
            if n.updated_at.is_none() {
                n.updated_at = n.created_at.clone();
            }
            self.instant(&format!("{p}.updated_at"), &mut n.updated_at);
        }
    }

    fn milestone(&mut self, p: &str, m: &mut Milestone, ids: &mut Ids) {
        self.id(format!("{p}.id"), m.id, &mut ids.milestones, "milestone");
        self.name(&format!("{p}.title"), &mut m.title, true);
        self.name(&format!("{p}.unit"), &mut m.unit, false);
        self.name(&format!("{p}.owner"), &mut m.owner, false);
        self.number(&format!("{p}.baseline"), m.baseline);
        self.number(&format!("{p}.target"), m.target);
        self.number(&format!("{p}.current"), m.current);
        self.date(&format!("{p}.due"), &mut m.due);
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
                    self.problem(
                        format!("{p}.{field}"),
                        "a yes_no milestone has no numbers; remove it or use \"kind\": \"numeric\"",
                    );
                }
            }
        }
        let mut days = HashSet::new();
        for (i, r) in m.readings.iter_mut().enumerate() {
            let rp = format!("{p}.readings[{i}]");
            let mut as_of = Some(std::mem::take(&mut r.as_of));
            self.date(&format!("{rp}.as_of"), &mut as_of);
            r.as_of = as_of.unwrap_or_default();
            if !days.insert(r.as_of.clone()) {
                self.problem(
                    format!("{rp}.as_of"),
                    format!("a second reading for {}", r.as_of),
                );
            }
            self.number(&format!("{rp}.value"), Some(r.value));
            self.name(&format!("{rp}.author"), &mut r.author, false);
            self.name(&format!("{rp}.source"), &mut r.source, false);
        }
        self.notes(p, &mut m.notes, &mut ids.notes);
    }

    fn audit(
        &mut self,
        p: &str,
        created_at: &mut Option<String>,
        created_by: &mut Option<String>,
        updated_at: &mut Option<String>,
        updated_by: &mut Option<String>,
    ) {
        self.instant(&format!("{p}.created_at"), created_at);
        self.who(&format!("{p}.created_by"), created_by);
        if updated_at.is_none() {
            *updated_at = created_at.clone();
        }
        if updated_by.is_none() {
            *updated_by = created_by.clone();
        }
        self.instant(&format!("{p}.updated_at"), updated_at);
        self.who(&format!("{p}.updated_by"), updated_by);
    }

    fn project(&mut self, p: &str, pr: &mut Project, ids: &mut Ids) {
        self.id(format!("{p}.id"), pr.id, &mut ids.projects, "project");
        if !ids.directions.contains_key(&pr.direction) {
            self.problem(
                format!("{p}.direction"),
                format!("no direction has id {}", pr.direction),
            );
        }
        if let Some(prog) = pr.program
            && !ids.programs.contains_key(&prog)
        {
            self.problem(format!("{p}.program"), format!("no program has id {prog}"));
        }
        let mut tagged = HashSet::new();
        for (i, a) in pr.areas.iter().enumerate() {
            if !ids.areas.contains_key(a) {
                self.problem(format!("{p}.areas[{i}]"), format!("no area has id {a}"));
            } else if !tagged.insert(*a) {
                self.problem(
                    format!("{p}.areas[{i}]"),
                    format!("area {a} is listed twice"),
                );
            }
        }
        self.name(&format!("{p}.name"), &mut pr.name, true);
        self.text(&format!("{p}.description"), &mut pr.description, false);
        self.name(&format!("{p}.owner"), &mut pr.owner, false);
        self.date(&format!("{p}.start"), &mut pr.start);
        self.date(&format!("{p}.due"), &mut pr.due);
        if let (Some(s), Some(d)) = (&pr.start, &pr.due)
            && s > d
        {
            self.problem(format!("{p}.due"), format!("due {d} is before start {s}"));
        }
        self.audit(
            p,
            &mut pr.created_at,
            &mut pr.created_by,
            &mut pr.updated_at,
            &mut pr.updated_by,
        );
        for (i, m) in pr.milestones.iter_mut().enumerate() {
            self.milestone(&format!("{p}.milestones[{i}]"), m, ids);
        }
        self.notes(p, &mut pr.notes, &mut ids.notes);
    }
}

#[derive(Default)]
struct Ids {
    directions: HashMap<i64, String>,
    programs: HashMap<i64, String>,
    areas: HashMap<i64, String>,
    projects: HashMap<i64, String>,
    milestones: HashMap<i64, String>,
    notes: HashMap<i64, String>,
}

/// Checks the format header alone, so that a file from a newer plan-cockpit
/// is named as such rather than failing on fields we do not know.
pub fn check_format(format: &str, version: u32) -> Result<(), Problem> {
    if format != FORMAT {
        return Err(Problem {
            path: "format".into(),
            message: format!("expected \"{FORMAT}\", found {format:?}"),
        });
    }
    if version > FORMAT_VERSION {
        return Err(Problem {
            path: "format_version".into(),
            message: format!(
                "format version {version} is newer than this plan-cockpit reads ({FORMAT_VERSION}); \
                 upgrade plan-cockpit"
            ),
        });
    }
    if version == 0 {
        return Err(Problem {
            path: "format_version".into(),
            message: "format version 0 does not exist; the current one is 1".into(),
        });
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
    c.name("plan.title", &mut doc.plan.title, true);
    c.name("plan.locale", &mut doc.plan.locale, true);
    c.text("plan.description", &mut doc.plan.description, false);
    c.text("plan.source", &mut doc.plan.source, false);
    if !(1900..=2200).contains(&doc.plan.year) {
        c.problem("plan.year", format!("{} is not a plan year", doc.plan.year));
    }
    if doc.directions.is_empty() {
        c.problem("directions", "a plan needs at least one direction");
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
            c.id(format!("{p}.id"), d.id, seen, what);
            group_names(
                &mut c,
                &p,
                &mut d.code,
                &mut d.name,
                &mut d.name_en,
                &mut d.description,
            );
            if !d.code.is_empty() && codes.insert(d.code.clone(), p.clone()).is_some() {
                c.problem(
                    format!("{p}.code"),
                    format!("duplicate {what} code {:?}", d.code),
                );
            }
        }
    }
    let mut codes = HashMap::new();
    for (i, pg) in doc.programs.iter_mut().enumerate() {
        let p = format!("programs[{i}]");
        c.id(format!("{p}.id"), pg.id, &mut ids.programs, "program");
        group_names(
            &mut c,
            &p,
            &mut pg.code,
            &mut pg.name,
            &mut pg.name_en,
            &mut pg.description,
        );
        if !pg.code.is_empty() && codes.insert(pg.code.clone(), p.clone()).is_some() {
            c.problem(
                format!("{p}.code"),
                format!("duplicate program code {:?}", pg.code),
            );
        }
        if let Some(d) = pg.direction
            && !ids.directions.contains_key(&d)
        {
            c.problem(format!("{p}.direction"), format!("no direction has id {d}"));
        }
    }
    for (i, pr) in doc.projects.iter_mut().enumerate() {
        c.project(&format!("projects[{i}]"), pr, &mut ids);
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
    c.name(&format!("{p}.code"), code, true);
    c.name(&format!("{p}.name"), name, true);
    c.name(&format!("{p}.name_en"), name_en, false);
    c.text(&format!("{p}.description"), description, false);
}
