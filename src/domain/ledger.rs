//! The 台账: the progress table an office already keeps, one row per 目标任务,
//! as a way to bring a new plan without writing JSON. This file knows its
//! columns and turns its rows into a plan document; reading a workbook or a
//! CSV file is `formats::ledger`, writing the empty template too. Every
//! problem names its cell (`台账!G5`); one problem refuses the whole sheet.

use super::plan::{
    Area, Direction, FORMAT, FORMAT_VERSION, Milestone, Note, NoteKind, PlanDoc, PlanInfo, Program,
    Project,
};
use super::refusal::Refusal;
use super::sheet::cell_name;
use super::status::{Kind, Status};
use super::typed_forms::{parse_amount, parse_day};
use std::collections::HashMap;

/// The template's columns, in its order: the Chinese heading, the English
/// one (either is read back), and what the column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Direction,
    Program,
    Areas,
    Project,
    Item,
    Kind,
    Target,
    Unit,
    Baseline,
    Due,
    Owner,
    Lead,
    Source,
}

impl Column {
    pub const ALL: [Column; 13] = [
        Column::Direction,
        Column::Program,
        Column::Areas,
        Column::Project,
        Column::Item,
        Column::Kind,
        Column::Target,
        Column::Unit,
        Column::Baseline,
        Column::Due,
        Column::Owner,
        Column::Lead,
        Column::Source,
    ];

    /// The heading in Chinese and in English.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Column::Direction => ("方向", "Direction"),
            Column::Program => ("工程", "Program"),
            Column::Areas => ("方面", "Areas"),
            Column::Project => ("项目", "Project"),
            Column::Item => ("目标任务", "Target or task"),
            Column::Kind => ("类型", "Kind"),
            Column::Target => ("目标值", "Target value"),
            Column::Unit => ("单位", "Unit"),
            Column::Baseline => ("基数", "Baseline"),
            Column::Due => ("完成时限", "Time limit"),
            Column::Owner => ("责任单位", "Responsible unit"),
            Column::Lead => ("责任人", "Responsible person"),
            Column::Source => ("原文", "Source text"),
        }
    }

    /// The column a heading names, in either language (spaces around it
    /// and the case of English words aside).
    pub fn named(heading: &str) -> Option<Column> {
        let h = heading.trim();
        Column::ALL.into_iter().find(|c| {
            let (zh, en) = c.names();
            h == zh || h.eq_ignore_ascii_case(en)
        })
    }
}

/// How 类型 is written: a number to reach, or a task done or not.
pub const KIND_WORDS: [(&str, Kind); 6] = [
    ("定量", Kind::Numeric),
    ("定性", Kind::YesNo),
    ("数值", Kind::Numeric),
    ("是否", Kind::YesNo),
    ("numeric", Kind::Numeric),
    ("yes/no", Kind::YesNo),
];

/// The template's example row (a real line of the 2023 plan), column by
/// column. Left in a filled sheet it is refused, not made a project.
pub const EXAMPLE: [&str; 13] = [
    "新产业",
    "产业发展强基工程",
    "",
    "国家级高新技术企业",
    "国家级高新技术企业数量突破600家",
    "定量",
    "600",
    "家",
    "500",
    "2025-12-31",
    "科技局",
    "张三",
    "到2025年,国家级高新技术企业数量突破600家",
];

/// One sheet as read: its name, its heading row, and the rows under it with
/// their row numbers as the spreadsheet shows them (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerSheet {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// What the new plan is: its title, year and unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanHead {
    pub title: String,
    pub year: i16,
    pub unit: String,
}

/// Why a 台账 cannot become a plan, each with its cell.
#[derive(Debug, Clone, PartialEq)]
pub enum LedgerProblem {
    /// A column of the template is not in the heading row.
    MissingColumn { sheet: String, column: Column },
    /// A heading the template does not have: its cells would be lost.
    UnknownColumn { cell: String, heading: String },
    /// Two columns with one heading.
    RepeatedColumn { cell: String, column: Column },
    /// A cell that must be filled is empty.
    Required { cell: String, column: Column },
    /// A number or a day that does not read.
    Refused { cell: String, refusal: Refusal },
    /// 类型 is none of the words it may be.
    UnknownKind { cell: String, typed: String },
    /// A number on a 定性 task.
    NumberOnTask { cell: String, column: Column },
    /// A 目标任务's column filled on a row without 目标任务.
    WithoutItem { cell: String, column: Column },
    /// A project's 工程 or 方面 not as on its first row.
    Differs {
        cell: String,
        column: Column,
        first: String,
    },
    /// Nothing under the heading.
    NoRows { sheet: String },
    /// The template's example row, left in.
    Example { sheet: String, row: usize },
}

/// The sheet's columns found in its heading row.
fn columns(sheet: &LedgerSheet) -> Result<HashMap<Column, usize>, Vec<LedgerProblem>> {
    let mut found = HashMap::new();
    let mut problems = Vec::new();
    for (i, heading) in sheet.header.iter().enumerate() {
        if heading.trim().is_empty() {
            continue;
        }
        let cell = cell_at(&sheet.name, &cell_name(i, 1));
        match Column::named(heading) {
            Some(c) if found.contains_key(&c) => {
                problems.push(LedgerProblem::RepeatedColumn { cell, column: c });
            }
            Some(c) => {
                found.insert(c, i);
            }
            None => problems.push(LedgerProblem::UnknownColumn {
                cell,
                heading: heading.trim().to_owned(),
            }),
        }
    }
    for c in Column::ALL {
        if !found.contains_key(&c) {
            problems.push(LedgerProblem::MissingColumn {
                sheet: sheet.name.clone(),
                column: c,
            });
        }
    }
    if problems.is_empty() {
        Ok(found)
    } else {
        Err(problems)
    }
}

/// A cell named as the spreadsheet does: `台账!G5` in a workbook, `G5` in
/// a CSV file (which has one sheet, with no name).
fn cell_at(sheet: &str, cell: &str) -> String {
    if sheet.is_empty() {
        cell.to_owned()
    } else {
        format!("{sheet}!{cell}")
    }
}

/// The names in a 方面 cell: `就业、教育`, `就业,教育`, `就业; 教育`.
fn area_names(cell: &str) -> Vec<String> {
    cell.split(['、', ',', ',', ';', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Builds the plan the sheet describes: directions, 工程 and 方面 in the
/// order they first appear, a project per (方向, 项目), a 目标任务 per row
/// that names one. Nothing is invented: what the sheet leaves empty stays
/// empty. All problems are listed, in row order.
pub fn build(sheet: &LedgerSheet, head: &PlanHead) -> Result<PlanDoc, Vec<LedgerProblem>> {
    let at = columns(sheet)?;
    let mut b = Builder::new(head);
    let mut problems = Vec::new();
    for (row, cells) in &sheet.rows {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |c: Column| -> (String, String) {
            let i = at[&c];
            let text = cells.get(i).map_or("", |s| s.trim()).to_owned();
            (cell_at(&sheet.name, &cell_name(i, *row)), text)
        };
        if Column::ALL
            .iter()
            .zip(EXAMPLE)
            .all(|(c, example)| cell(*c).1 == example)
        {
            problems.push(LedgerProblem::Example {
                sheet: sheet.name.clone(),
                row: *row,
            });
            continue;
        }
        b.row(&cell, &mut problems);
    }
    if b.doc.projects.is_empty() && problems.is_empty() {
        problems.push(LedgerProblem::NoRows {
            sheet: sheet.name.clone(),
        });
    }
    if problems.is_empty() {
        Ok(b.doc)
    } else {
        Err(problems)
    }
}

/// The plan as it grows, row by row, with where each name went.
struct Builder {
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
    fn new(head: &PlanHead) -> Builder {
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

    fn row(
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
        let project = self.project(direction, &cell(Column::Project).1, &program, &areas);
        let (first_program, first_areas) = {
            let p = &self.projects[&(direction, cell(Column::Project).1)];
            (p.1.clone(), p.2.clone())
        };
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
        if let Some(id) = self.directions.get(name) {
            return *id;
        }
        let id = i64::try_from(self.doc.directions.len()).unwrap_or(i64::MAX - 1) + 1;
        self.doc.directions.push(group(id, "d", name));
        self.directions.insert(name.to_owned(), id);
        id
    }

    fn program(&mut self, name: &str) -> i64 {
        if let Some(id) = self.programs.get(name) {
            return *id;
        }
        let id = i64::try_from(self.doc.programs.len()).unwrap_or(i64::MAX - 1) + 1;
        let g = group(id, "p", name);
        self.doc.programs.push(Program {
            id,
            code: g.code,
            name: g.name,
            name_en: String::new(),
            description: String::new(),
            direction: None,
        });
        self.programs.insert(name.to_owned(), id);
        id
    }

    fn area(&mut self, name: &str) -> i64 {
        if let Some(id) = self.areas.get(name) {
            return *id;
        }
        let id = i64::try_from(self.doc.areas.len()).unwrap_or(i64::MAX - 1) + 1;
        self.doc.areas.push(group(id, "a", name));
        self.areas.insert(name.to_owned(), id);
        id
    }

    /// The project (方向, 项目), made on its first row with that row's 工程
    /// and 方面.
    fn project(&mut self, direction: i64, name: &str, program: &str, areas: &str) -> usize {
        let key = (direction, name.to_owned());
        if let Some((i, _, _)) = self.projects.get(&key) {
            return *i;
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
        self.projects
            .insert(key, (i, program.to_owned(), areas.to_owned()));
        i
    }
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

#[cfg(test)]
#[path = "ledger_tests.rs"]
mod tests;
