//! The 台账: the progress table an office already keeps, one row per 目标任务,
//! as a way to bring a new plan without writing JSON. This file says what a
//! 台账 is — its columns, the words 类型 takes, the template's example row,
//! a sheet as read, and why one can be refused; `ledger_build` makes a plan
//! of a sheet, `ledger_rows` a row at a time. Reading a workbook or a CSV
//! file is `formats::ledger`, writing the empty template too.

use super::refusal::Refusal;
use super::status::Kind;

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
