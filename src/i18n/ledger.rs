//! The 台账's words: what each column of the template takes, and why a
//! filled one cannot become a plan, cell by cell.

use super::Lang;
use crate::domain::ledger::{Column, LedgerProblem};

impl Lang {
    /// A column's heading in this language.
    pub fn ledger_heading(self, c: Column) -> &'static str {
        match self {
            Lang::Zh => c.names().0,
            Lang::En => c.names().1,
        }
    }

    pub fn ledger_example_heading(self) -> &'static str {
        match self {
            Lang::Zh => "示例(取自2023年计划)",
            Lang::En => "Example (from the 2023 plan)",
        }
    }

    pub fn ledger_column_heading(self) -> &'static str {
        match self {
            Lang::Zh => "列",
            Lang::En => "Column",
        }
    }

    pub fn ledger_help_heading(self) -> &'static str {
        match self {
            Lang::Zh => "填写说明",
            Lang::En => "What it takes",
        }
    }

    /// What the template's 填写说明 says of a column.
    pub fn ledger_column_help(self, c: Column) -> String {
        let lang = self;
        match c {
            Column::Direction => say!(
                lang,
                "必填。重点方向,如 新城市、新产业、新生态;按首次出现的顺序排列",
                "Required. The direction (新城市, 新产业, 新生态…), in the order they first appear"
            ),
            Column::Program => say!(
                lang,
                "可空。所属工程,如 产业发展强基工程;同一项目各行须相同",
                "Optional. The program (工程); the same on every row of a project"
            ),
            Column::Areas => say!(
                lang,
                "可空。服务的方面,多个用顿号分隔,如 就业、教育;同一项目各行须相同",
                "Optional. The areas served, separated by 、 or a comma; the same on every row of a project"
            ),
            Column::Project => say!(
                lang,
                "必填。项目名称;同一方向下同名的行属于同一项目",
                "Required. The project; rows with one name under one direction are one project"
            ),
            Column::Item => say!(
                lang,
                "目标任务。留空的行只填写项目的责任单位、责任人和原文",
                "The target or task. A row without one gives its project's responsible unit, person and source text only"
            ),
            Column::Kind => say!(
                lang,
                "定量(有目标值的指标)或 定性(完成与否的任务);留空时有目标值即为定量",
                "定量 (a number to reach) or 定性 (a task done or not); empty: 定量 when a target value is given"
            ),
            Column::Target => say!(
                lang,
                "定量指标的目标值,按单位读:600、1.5万、50亿元、60%;定性任务不填",
                "A numeric target in its unit: 600, 1.5万, 50亿元, 60%; none on a task"
            ),
            Column::Unit => say!(
                lang,
                "目标值的单位,如 家、亿元、%",
                "The target's unit: 家, 亿元, %"
            ),
            Column::Baseline => say!(
                lang,
                "可空。年初基数,完成比例从它算起",
                "Optional. The baseline completion counts from"
            ),
            Column::Due => say!(
                lang,
                "可空。完成时限:2025-06-30、2025年6月30日、6月30日(计划年度)、2025Q3 或 年底",
                "Optional. The time limit: 2025-06-30, 2025年6月30日, 6月30日 (in the plan year), 2025Q3 or 年底"
            ),
            Column::Owner => say!(
                lang,
                "可空。责任单位",
                "Optional. The responsible unit (责任单位)"
            ),
            Column::Lead => say!(
                lang,
                "可空。责任人",
                "Optional. The responsible person (责任人)"
            ),
            Column::Source => say!(
                lang,
                "可空。计划原文,作为原文备注保存(不计为进展)",
                "Optional. The plan's own words, kept as a source note (not progress)"
            ),
        }
    }

    /// Why the 台账 cannot become a plan, at one cell.
    pub fn ledger_problem(self, p: &LedgerProblem) -> String {
        let lang = self;
        match p {
            LedgerProblem::MissingColumn { sheet, column } => {
                let column = self.ledger_heading(*column);
                let sheet = named(sheet, lang);
                say!(
                    lang,
                    "{sheet}第一行缺少“{column}”列(请用 `plan template` 生成的模板)",
                    "the first row of {sheet} has no column “{column}” (use the template `plan template` writes)"
                )
            }
            LedgerProblem::UnknownColumn { cell, heading } => say!(
                lang,
                "{cell}:模板没有“{heading}”列,其内容不会导入;请删去或改用模板的列名",
                "{cell}: the template has no column “{heading}”, whose cells would be lost; remove it or use the template's headings"
            ),
            LedgerProblem::RepeatedColumn { cell, column } => {
                let column = self.ledger_heading(*column);
                say!(
                    lang,
                    "{cell}:“{column}”列出现了两次",
                    "{cell}: the column “{column}” appears twice"
                )
            }
            LedgerProblem::Required { cell, column } => {
                let column = self.ledger_heading(*column);
                say!(
                    lang,
                    "{cell}:“{column}”不能为空",
                    "{cell}: “{column}” cannot be empty"
                )
            }
            LedgerProblem::Refused { cell, refusal } => {
                let why = self.refusal(refusal);
                say!(lang, "{cell}:{why}", "{cell}: {why}")
            }
            LedgerProblem::UnknownKind { cell, typed } => say!(
                lang,
                "{cell}:类型“{typed}”应为 定量 或 定性",
                "{cell}: the kind “{typed}” should be 定量 (numeric) or 定性 (yes/no)"
            ),
            LedgerProblem::NumberOnTask { cell, column } => {
                let column = self.ledger_heading(*column);
                say!(
                    lang,
                    "{cell}:定性任务没有“{column}”;要按数值考核请把类型改为 定量",
                    "{cell}: a yes/no task has no “{column}”; make its kind 定量 to judge it by a number"
                )
            }
            LedgerProblem::WithoutItem { cell, column } => {
                let column = self.ledger_heading(*column);
                say!(
                    lang,
                    "{cell}:这一行没有目标任务,“{column}”无处保存;请填写目标任务或清空此格",
                    "{cell}: this row has no target or task, so “{column}” has nowhere to go; name the item or empty the cell"
                )
            }
            LedgerProblem::Differs {
                cell,
                column,
                first,
            } => {
                let column = self.ledger_heading(*column);
                say!(
                    lang,
                    "{cell}:同一项目的“{column}”与第一行(“{first}”)不同",
                    "{cell}: the project's “{column}” differs from its first row (“{first}”)"
                )
            }
            LedgerProblem::NoRows { sheet } => {
                let sheet = named(sheet, lang);
                say!(
                    lang,
                    "{sheet}标题行下没有任何行",
                    "{sheet} has no rows under the headings"
                )
            }
            LedgerProblem::Example { sheet, row } => {
                let sheet = named(sheet, lang);
                say!(
                    lang,
                    "{sheet}第 {row} 行:模板的示例行还在,请删去后再导入",
                    "{sheet} row {row}: the template's example row is still there; delete it, then import"
                )
            }
        }
    }
    /// The template's file name without its extension.
    pub fn ledger_template_name(self) -> &'static str {
        match self {
            Lang::Zh => "台账模板",
            Lang::En => "ledger-template",
        }
    }

    pub fn ledger_template_written(self, path: &std::path::Path) -> String {
        let path = path.display();
        let lang = self;
        say!(
            lang,
            "已写出台账模板 {path}。填好后用 `plan-cockpit --db 新计划.db plan import {path} --year 2024 --unit 南城街道` 建立计划",
            "wrote the ledger template {path}. Once filled in, `plan-cockpit --db new-plan.db plan import {path} --year 2024 --unit 南城街道` makes the plan"
        )
    }

    /// The label an import from a 台账 is said and recorded by.
    pub fn ledger_label(self, file: &std::path::Path) -> String {
        let file = file.display();
        let lang = self;
        say!(lang, "台账 {file}", "the ledger {file}")
    }

    pub fn ledger_would_hold(
        self,
        title: &str,
        directions: usize,
        projects: usize,
        items: usize,
    ) -> String {
        let lang = self;
        say!(
            lang,
            "台账可以导入(试运行,未写入任何内容):{title},{directions} 个方向、{projects} 个项目、{items} 项目标任务",
            "the ledger can be imported (dry run, nothing written): {title}, {directions} directions, {projects} projects, {items} targets and tasks"
        )
    }

    pub fn ledger_refused(self, file: &std::path::Path, n: usize) -> String {
        let file = file.display();
        let lang = self;
        say!(
            lang,
            "{file}:台账有 {n} 处问题,未建立计划,未作任何修改:",
            "{file}: the ledger has {n} problem(s); no plan was made and nothing changed:"
        )
    }

    /// The end of a list cut short.
    pub fn and_more(self, n: usize) -> String {
        let lang = self;
        say!(lang, "……另有 {n} 处", "…and {n} more")
    }
}

/// A sheet as a sentence names it: a CSV file's one sheet has no name.
fn named(sheet: &str, lang: Lang) -> String {
    match (sheet.is_empty(), lang) {
        (false, _) => sheet.to_owned(),
        (true, Lang::Zh) => String::new(),
        (true, Lang::En) => "the sheet".to_owned(),
    }
}
