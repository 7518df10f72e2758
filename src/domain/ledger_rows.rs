//! A 台账's rows made the plan, one at a time: directions, 工程 and 方面
//! in the order they first appear, a project per (方向, 项目), a 目标任务 per
//! row that names one, each cell read as the cockpit reads what a planner
//! types. Nothing is invented: what the sheet leaves empty stays empty.

use super::ledger::{Column, KIND_WORDS, LedgerProblem};
use super::plan::{
    Area, Direction, FORMAT, FORMAT_VERSION, Milestone, Note, NoteKind, PlanDoc, PlanHead,
    PlanInfo, Program, Project,
};
use super::status::{Kind, Status};
use super::typed_forms::{parse_amount, parse_day};
use std::collections::HashMap;

/// The names in a 方面 cell: `就业、教育`, `就业,教育`, `就业; 教育`.
fn area_names(cell: &str) -> Vec<String> {
    cell.split(['、', ',', ',', ';', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The plan as it grows, row by row, with where each name went.
pub(super) struct Builder {
    doc: PlanDoc,
    year: i16,
    directions: HashMap<String, i64>,
    programs: HashMap<String, i64>,
    areas: HashMap<String, i64>,
    /// (direction id, project name) → index in `doc.projects`, with the
    /// 工程 and 方面 cells of its first row.
    projects: HashMap<(i64, String), (usize, String, String)>,
    next_milestone: i64,
    next_note: i64,
}

impl Builder {
    pub(super) fn new(head: &PlanHead) -> Builder {
        Builder {
            doc: PlanDoc {
                format: FORMAT.into(),
                format_version: FORMAT_VERSION,
                plan: PlanInfo {
                    title: head.title.clone(),
                    year: i32::from(head.year),
                    unit: head.unit.clone(),
                    locale: "zh-CN".into(),
                    description: String::new(),
                    source: String::new(),
                },
                directions: Vec::new(),
                programs: Vec::new(),
                areas: Vec::new(),
                projects: Vec::new(),
            },
            year: head.year,
            directions: HashMap::new(),
            programs: HashMap::new(),
            areas: HashMap::new(),
            projects: HashMap::new(),
            next_milestone: 0,
            next_note: 0,
        }
    }

    /// The plan the rows made.
    pub(super) fn finish(self) -> PlanDoc {
        self.doc
    }

    pub(super) fn row(
        &mut self,
        cell: &dyn Fn(Column) -> (String, String),
        problems: &mut Vec<LedgerProblem>,
    ) {
        let before = problems.len();
        for c in [Column::Direction, Column::Project] {
            let (at, text) = cell(c);
            if text.is_empty() {
                problems.push(LedgerProblem::Required {
                    cell: at,
                    column: c,
                });
            }
        }
        if problems.len() > before {
            return;
        }
        let direction = self.direction(&cell(Column::Direction).1);
        let (program_at, program) = cell(Column::Program);
        let (areas_at, areas) = cell(Column::Areas);
        let (project, first_program, first_areas) =
            self.project(direction, &cell(Column::Project).1, &program, &areas);
        if program != first_program {
            problems.push(LedgerProblem::Differs {
                cell: program_at,
                column: Column::Program,
                first: first_program,
            });
        }
        if area_names(&areas) != area_names(&first_areas) {
            problems.push(LedgerProblem::Differs {
                cell: areas_at,
                column: Column::Areas,
                first: first_areas,
            });
        }
        let (_, item) = cell(Column::Item);
        if item.is_empty() {
            self.project_row(project, cell, problems);
        } else {
            self.item_row(project, &item, cell, problems);
        }
    }

    /// A row with no 目标任务 speaks of its project: its 责任单位, 责任人 and
    /// 原文. A 目标任务's own columns filled there would be lost: refused.
    fn project_row(
        &mut self,
        project: usize,
        cell: &dyn Fn(Column) -> (String, String),
        problems: &mut Vec<LedgerProblem>,
    ) {
        for c in [
            Column::Kind,
            Column::Target,
            Column::Unit,
            Column::Baseline,
            Column::Due,
        ] {
            let (at, text) = cell(c);
            if !text.is_empty() {
                problems.push(LedgerProblem::WithoutItem {
                    cell: at,
                    column: c,
                });
            }
        }
        let (owner, lead, source) = (
            cell(Column::Owner).1,
            cell(Column::Lead).1,
            cell(Column::Source).1,
        );
        let note = self.quote(&source);
        let p = &mut self.doc.projects[project];
        if !owner.is_empty() {
            p.owner = owner;
        }
        if !lead.is_empty() {
            p.lead = lead;
        }
        p.notes.extend(note);
    }

    fn item_row(
        &mut self,
        project: usize,
        title: &str,
        cell: &dyn Fn(Column) -> (String, String),
        problems: &mut Vec<LedgerProblem>,
    ) {
        let (kind_at, kind_text) = cell(Column::Kind);
        let (_, target_text) = cell(Column::Target);
        let (_, unit) = cell(Column::Unit);
        let kind = if kind_text.is_empty() {
            // Left empty: a number to reach when one is given.
            if target_text.is_empty() {
                Kind::YesNo
            } else {
                Kind::Numeric
            }
        } else if let Some((_, k)) = KIND_WORDS
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(&kind_text))
        {
            *k
        } else {
            problems.push(LedgerProblem::UnknownKind {
                cell: kind_at,
                typed: kind_text,
            });
            return;
        };
        let mut amount = |c: Column| -> Option<f64> {
            let (at, text) = cell(c);
            if text.is_empty() {
                return None;
            }
            if kind == Kind::YesNo {
                problems.push(LedgerProblem::NumberOnTask {
                    cell: at,
                    column: c,
                });
                return None;
            }
            parse_amount(&text, &unit)
                .map_err(|refusal| problems.push(LedgerProblem::Refused { cell: at, refusal }))
                .ok()
        };
        let target = amount(Column::Target);
        let baseline = amount(Column::Baseline);
        let (due_at, due_text) = cell(Column::Due);
        let due = if due_text.is_empty() {
            None
        } else {
            match parse_day(&due_text, self.year) {
                Ok(d) => Some(d.to_string()),
                Err(refusal) => {
                    problems.push(LedgerProblem::Refused {
                        cell: due_at,
                        refusal,
                    });
                    None
                }
            }
        };
        let note = self.quote(&cell(Column::Source).1);
        self.next_milestone += 1;
        self.doc.projects[project].milestones.push(Milestone {
            id: self.next_milestone,
            title: title.to_owned(),
            kind,
            unit: if kind == Kind::Numeric {
                unit
            } else {
                String::new()
            },
            baseline,
            target,
            current: None,
            due,
            status: Status::Active,
            owner: cell(Column::Owner).1,
            lead: cell(Column::Lead).1,
            weight: None,
            steps: Default::default(),
            status_at: None,
            status_by: String::new(),
            origin: String::new(),
            indicator: String::new(),
            created_at: None,
            created_by: None,
            updated_at: None,
            updated_by: None,
            readings: Vec::new(),
            notes: note.into_iter().collect(),
            version: Default::default(),
        });
    }

    /// 原文: the plan's own words, kept as a quote (not progress).
    fn quote(&mut self, text: &str) -> Option<Note> {
        if text.is_empty() {
            return None;
        }
        self.next_note += 1;
        Some(Note {
            id: self.next_note,
            body: text.to_owned(),
            author: String::new(),
            created_at: None,
            updated_at: None,
            kind: NoteKind::Source,
            as_of: None,
        })
    }

    fn direction(&mut self, name: &str) -> i64 {
        let list = &mut self.doc.directions;
        id_for(&mut self.directions, name, |id| {
            list.push(group(id, "d", name));
        })
    }

    fn program(&mut self, name: &str) -> i64 {
        let list = &mut self.doc.programs;
        id_for(&mut self.programs, name, |id| {
            let g = group(id, "p", name);
            list.push(Program {
                id,
                code: g.code,
                name: g.name,
                name_en: String::new(),
                description: String::new(),
                direction: None,
            });
        })
    }

    fn area(&mut self, name: &str) -> i64 {
        let list = &mut self.doc.areas;
        id_for(&mut self.areas, name, |id| list.push(group(id, "a", name)))
    }

    /// The project (方向, 项目), made on its first row with that row's 工程
    /// and 方面; with the 工程 and 方面 cells of that first row.
    fn project(
        &mut self,
        direction: i64,
        name: &str,
        program: &str,
        areas: &str,
    ) -> (usize, String, String) {
        let key = (direction, name.to_owned());
        if let Some(first) = self.projects.get(&key) {
            return first.clone();
        }
        let program_id = (!program.is_empty()).then(|| self.program(program));
        let area_ids = area_names(areas).iter().map(|a| self.area(a)).collect();
        let i = self.doc.projects.len();
        self.doc.projects.push(Project {
            id: i64::try_from(i).unwrap_or(i64::MAX - 1) + 1,
            direction,
            program: program_id,
            areas: area_ids,
            name: name.to_owned(),
            description: String::new(),
            owner: String::new(),
            lead: String::new(),
            status: Status::Active,
            start: None,
            due: None,
            created_at: None,
            created_by: None,
            updated_at: None,
            updated_by: None,
            milestones: Vec::new(),
            notes: Vec::new(),
        });
        let first = (i, program.to_owned(), areas.to_owned());
        self.projects.insert(key, first.clone());
        first
    }
}

/// The id `name` was given in `ids`, or the next one, with `make` adding
/// the group under it.
fn id_for(ids: &mut HashMap<String, i64>, name: &str, make: impl FnOnce(i64)) -> i64 {
    if let Some(id) = ids.get(name) {
        return *id;
    }
    let id = i64::try_from(ids.len()).unwrap_or(i64::MAX - 1) + 1;
    ids.insert(name.to_owned(), id);
    make(id);
    id
}

/// A direction, 工程 or 方面 named in the sheet, with a code made from its
/// place (`d1`, `p2`): the sheet has no codes, and a code is only a handle.
fn group(id: i64, prefix: &str, name: &str) -> Area {
    Direction {
        id,
        code: format!("{prefix}{id}"),
        name: name.to_owned(),
        name_en: String::new(),
        description: String::new(),
    }
}
