//! The checker that walks a plan document: each field cleaned and held to
//! its rule, each problem recorded at its JSON path.

use super::{At, Prepared};
use crate::domain::dates::{parse_date, tidy_instant};
use crate::domain::plan::{Milestone, Note, Project};
use crate::domain::problem::{Issue, Problem};
use crate::domain::status::Kind;
use crate::domain::text::{Cleaned, tidy_line, tidy_multiline};
use crate::domain::typed::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use std::collections::HashSet;

/// Ids come from the file, but the map only decides what is refused, so a
/// hostile file gains nothing by colliding them: foldhash's seeded hash.
pub(super) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
use std::fmt;

pub(super) struct Checker<'a> {
    pub(super) problems: Vec<Problem>,
    pub(super) prepared: Prepared,
    pub(super) now: &'a str,
    pub(super) author: &'a str,
}

impl Checker<'_> {
    pub(super) fn problem(&mut self, path: impl fmt::Display, issue: Issue) {
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
    pub(super) fn name(&mut self, path: &dyn fmt::Display, value: &mut String, required: bool) {
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

    pub(super) fn text(&mut self, path: &dyn fmt::Display, value: &mut String, required: bool) {
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

    pub(super) fn id(&mut self, at: At, id: i64, seen: &mut HashMap<i64, At>, kind: &'static str) {
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

    /// A reference by number to a direction, program or area: refused if
    /// the group was given without it, left for the end if the group has
    /// not come yet. False when refused.
    pub(super) fn reference(
        &mut self,
        path: String,
        kind: &'static str,
        id: i64,
        ids: &mut Ids,
    ) -> bool {
        if ids.group(kind).contains_key(&id) {
            true
        } else if ids.given(kind) {
            self.problem(path, Issue::NoSuch { kind, id });
            false
        } else {
            ids.deferred.push((path, kind, id));
            true
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
            self.date(&format_args!("{p}.as_of"), &mut n.as_of);
        }
    }

    fn milestone(&mut self, (project, j): (usize, usize), m: &mut Milestone, ids: &mut Ids) {
        let p = At::Milestone(project, j);
        self.id(p, m.id, &mut ids.milestones, "milestone");
        self.name(&format_args!("{p}.title"), &mut m.title, true);
        self.name(&format_args!("{p}.unit"), &mut m.unit, false);
        self.name(&format_args!("{p}.owner"), &mut m.owner, false);
        self.name(&format_args!("{p}.lead"), &mut m.lead, false);
        self.number(&format_args!("{p}.baseline"), m.baseline);
        self.number(&format_args!("{p}.target"), m.target);
        self.number(&format_args!("{p}.current"), m.current);
        if let Some(w) = m.weight
            && let Err(refusal) = crate::domain::typed::check_weight(w)
        {
            self.problem(format!("{p}.weight"), Issue::Refused(refusal));
        }
        for (year, value) in &m.steps {
            let typed = format!("{year}={value}");
            if crate::domain::yearly::parse_step(&typed).is_err() {
                self.problem(
                    format!("{p}.steps.{year}"),
                    Issue::Refused(crate::domain::refusal::Refusal::BadStep { typed }),
                );
            }
        }
        self.name(&format_args!("{p}.status_by"), &mut m.status_by, false);
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
            ] {
                if present {
                    self.problem(format!("{p}.{field}"), Issue::YesNoHasNumbers);
                }
            }
        }
        let mut days = HashSet::new();
        for (i, r) in m.readings.iter_mut().enumerate() {
            let rp = format_args!("{p}.readings[{i}]");
            // A yes/no task's readings are the days it was marked done
            // (value 1, as `milestone set --status done --as-of` records
            // them), so that the export of a done task imports back.
            if m.kind == Kind::YesNo && r.value != 1.0 {
                self.problem(format!("{rp}.value"), Issue::YesNoReadingNotDone);
            }
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

    pub(super) fn project(&mut self, i: usize, pr: &mut Project, ids: &mut Ids) {
        let p = At::Project(i);
        self.id(p, pr.id, &mut ids.projects, "project");
        self.reference(format!("{p}.direction"), "direction", pr.direction, ids);
        if let Some(prog) = pr.program {
            self.reference(format!("{p}.program"), "program", prog, ids);
        }
        let mut tagged = HashSet::new();
        for (i, a) in pr.areas.iter().enumerate() {
            if self.reference(format!("{p}.areas[{i}]"), "area", *a, ids) && !tagged.insert(*a) {
                self.problem(format!("{p}.areas[{i}]"), Issue::AreaTwice { id: *a });
            }
        }
        self.name(&format_args!("{p}.name"), &mut pr.name, true);
        self.text(&format_args!("{p}.description"), &mut pr.description, false);
        self.name(&format_args!("{p}.owner"), &mut pr.owner, false);
        self.name(&format_args!("{p}.lead"), &mut pr.lead, false);
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

/// Which groups the document has given so far.
#[derive(Default)]
pub(super) struct Given {
    pub(super) directions: bool,
    pub(super) programs: bool,
    pub(super) areas: bool,
}

/// The ids a document has used so far, with where each was first used.
#[derive(Default)]
pub(super) struct Ids {
    pub(super) given: Given,
    /// References to a group not given yet: where, what, which id.
    pub(super) deferred: Vec<(String, &'static str, i64)>,
    pub(super) directions: HashMap<i64, At>,
    pub(super) programs: HashMap<i64, At>,
    pub(super) areas: HashMap<i64, At>,
    pub(super) projects: HashMap<i64, At>,
    pub(super) milestones: HashMap<i64, At>,
    pub(super) notes: HashMap<i64, At>,
}

impl Ids {
    pub(super) fn group(&self, kind: &str) -> &HashMap<i64, At> {
        match kind {
            "direction" => &self.directions,
            "program" => &self.programs,
            _ => &self.areas,
        }
    }

    fn given(&self, kind: &str) -> bool {
        match kind {
            "direction" => self.given.directions,
            "program" => self.given.programs,
            _ => self.given.areas,
        }
    }
}
