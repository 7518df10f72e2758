//! Validation a piece at a time: what `prepare` does to a whole document,
//! done to the pieces of a file as they are read, so that an import never
//! holds more than one project. Ids are remembered across pieces (an id is
//! used once in the whole document); a reference to a group the file has
//! not given yet is checked once the file has ended.

use super::checker::{Checker, HashMap, Ids};
use super::{At, Prepared, check_format};
use crate::domain::piece::Piece;
use crate::domain::plan::{Direction, PlanInfo, Program, Project};
use crate::domain::problem::{Issue, Problem};

/// Checks and cleans a plan document piece by piece; `finish` says whether
/// the whole of it may be written.
pub struct Validator<'a> {
    c: Checker<'a>,
    ids: Ids,
    /// The index of the next project in `projects`.
    next_project: usize,
}

impl<'a> Validator<'a> {
    /// `now` and `author` fill the audit fields a document leaves out.
    pub fn new(now: &'a str, author: &'a str) -> Self {
        Validator {
            c: Checker {
                problems: Vec::new(),
                prepared: Prepared::default(),
                now,
                author,
            },
            ids: Ids::default(),
            next_project: 0,
        }
    }

    /// Checks and cleans one piece in place.
    pub fn piece(&mut self, piece: &mut Piece) {
        match piece {
            Piece::Plan {
                format,
                format_version,
                plan,
            } => {
                if let Err(p) = check_format(format, *format_version) {
                    self.c.problems.push(p);
                }
                self.plan(plan);
            }
            Piece::Directions(list) => self.groups("directions", list),
            Piece::Areas(list) => self.groups("areas", list),
            Piece::Programs(list) => self.programs(list),
            Piece::Project(p) => self.project(p),
        }
    }

    /// No problem so far: what was checked may be written.
    pub fn sound(&self) -> bool {
        self.c.problems.is_empty()
    }

    /// The references left for the end, then the verdict on the whole.
    pub fn finish(mut self) -> Result<Prepared, Vec<Problem>> {
        for (path, kind, id) in std::mem::take(&mut self.ids.deferred) {
            if !self.ids.group(kind).contains_key(&id) {
                self.c.problem(path, Issue::NoSuch { kind, id });
            }
        }
        if self.c.problems.is_empty() {
            Ok(self.c.prepared)
        } else {
            Err(self.c.problems)
        }
    }

    pub(super) fn plan(&mut self, plan: &mut PlanInfo) {
        let c = &mut self.c;
        c.name(&"plan.title", &mut plan.title, true);
        c.name(&"plan.locale", &mut plan.locale, true);
        c.text(&"plan.description", &mut plan.description, false);
        c.text(&"plan.source", &mut plan.source, false);
        if !(1900..=2200).contains(&plan.year) {
            let year = i64::from(plan.year);
            c.problem("plan.year", Issue::NotAPlanYear { year });
        }
    }

    /// Directions or areas (they share a shape).
    pub(super) fn groups(&mut self, key: &'static str, list: &mut [Direction]) {
        let what = if key == "directions" {
            self.ids.given.directions = true;
            if list.is_empty() {
                self.c.problem("directions", Issue::NoDirections);
            }
            "direction"
        } else {
            self.ids.given.areas = true;
            "area"
        };
        let mut codes = HashMap::default();
        for (i, d) in list.iter_mut().enumerate() {
            let p = format!("{key}[{i}]");
            let seen = if what == "direction" {
                &mut self.ids.directions
            } else {
                &mut self.ids.areas
            };
            self.c.id(At::Group(key, i), d.id, seen, what);
            names(&mut self.c, &p, d);
            self.code_once(&mut codes, what, &d.code, &p);
        }
    }

    pub(super) fn programs(&mut self, list: &mut [Program]) {
        self.ids.given.programs = true;
        let mut codes = HashMap::default();
        for (i, pg) in list.iter_mut().enumerate() {
            let p = format!("programs[{i}]");
            let c = &mut self.c;
            c.id(
                At::Group("programs", i),
                pg.id,
                &mut self.ids.programs,
                "program",
            );
            c.name(&format_args!("{p}.code"), &mut pg.code, true);
            c.name(&format_args!("{p}.name"), &mut pg.name, true);
            c.name(&format_args!("{p}.name_en"), &mut pg.name_en, false);
            c.text(&format_args!("{p}.description"), &mut pg.description, false);
            self.code_once(&mut codes, "program", &pg.code, &p);
            if let Some(d) = pg.direction {
                self.c
                    .reference(format!("{p}.direction"), "direction", d, &mut self.ids);
            }
        }
    }

    pub(super) fn project(&mut self, pr: &mut Project) {
        let i = self.next_project;
        self.next_project += 1;
        self.c.project(i, pr, &mut self.ids);
    }

    fn code_once(
        &mut self,
        codes: &mut HashMap<String, String>,
        kind: &'static str,
        code: &str,
        p: &str,
    ) {
        if !code.is_empty() && codes.insert(code.to_owned(), p.to_owned()).is_some() {
            let code = code.to_owned();
            self.c
                .problem(format!("{p}.code"), Issue::DuplicateCode { kind, code });
        }
    }
}

fn names(c: &mut Checker<'_>, p: &str, d: &mut Direction) {
    c.name(&format_args!("{p}.code"), &mut d.code, true);
    c.name(&format_args!("{p}.name"), &mut d.name, true);
    c.name(&format_args!("{p}.name_en"), &mut d.name_en, false);
    c.text(&format_args!("{p}.description"), &mut d.description, false);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::PlanDoc;

    fn pieces_of(doc: PlanDoc) -> Vec<Piece> {
        doc.into_pieces().collect()
    }

    /// A file may give its projects before the groups they name: the
    /// references are checked at the end, and a dangling one still names
    /// its place.
    #[test]
    fn references_to_groups_given_later_are_checked_at_the_end() {
        let doc = crate::seed::plan_2023("2023-02-01T00:00:00Z", "planner");
        let mut pieces = pieces_of(doc.clone());
        // Projects first, then the head.
        pieces.rotate_left(4);
        let check = |pieces: &mut Vec<Piece>| {
            let mut v = Validator::new("2023-02-01T00:00:00Z", "planner");
            pieces.iter_mut().for_each(|p| v.piece(p));
            v.finish()
        };
        assert!(check(&mut pieces.clone()).is_ok());
        let Piece::Project(first) = &mut pieces[0] else {
            panic!("a project first")
        };
        first.areas.push(9_999);
        first.direction = 8_888;
        let problems = check(&mut pieces).unwrap_err();
        let said: Vec<String> = problems
            .iter()
            .map(std::string::ToString::to_string)
            .collect();
        assert_eq!(said.len(), 2, "{said:#?}");
        assert!(said[0].starts_with("projects[0].direction: "), "{said:#?}");
        assert!(said[1].starts_with("projects[0].areas["), "{said:#?}");
    }

    /// The same document checked whole and in pieces says the same.
    #[test]
    fn pieces_say_what_the_whole_says() {
        let mut doc = crate::seed::plan_2023("2023-02-01T00:00:00Z", "planner");
        doc.projects[3].milestones[0].id = doc.projects[1].milestones[0].id;
        doc.projects[5].name = " ".into();
        doc.directions[1].code = doc.directions[0].code.clone();
        let mut whole = doc.clone();
        let said_whole = super::super::prepare(&mut whole, "2023-02-01T00:00:00Z", "p");
        let mut v = Validator::new("2023-02-01T00:00:00Z", "p");
        for mut p in pieces_of(doc) {
            v.piece(&mut p);
        }
        assert_eq!(v.finish(), said_whole);
    }
}
