//! Refusals of what a planner typed or asked, in words: the one place
//! `domain::refusal::Refusal` becomes a sentence.

use super::Lang;
use crate::domain::refusal::{Field, Refusal};
use std::fmt;

impl Lang {
    pub fn refusal(self, r: &Refusal) -> String {
        let lang = self;
        match r {
            Refusal::NothingToChange => say!(
                lang,
                "没有要修改的内容:请给出完成值、状态、完成时限或备注",
                "nothing to change: give a value, a status, a due date or a note"
            ),
            Refusal::YesNoHasNoValue => say!(
                lang,
                "这是定性任务,没有数值;完成后请把状态改为已完成",
                "this is a yes/no deliverable with no number; set its status to done instead"
            ),
            Refusal::YesNoHasNoTarget => say!(
                lang,
                "这是定性任务,没有目标值和单位",
                "this is a yes/no deliverable; it has no target or unit"
            ),
            Refusal::UnitMismatch { typed, unit } => say!(
                lang,
                "“{typed}”与本项的单位“{unit}”不符;可直接写数字,或如 1.5万、5000万{unit}",
                "{typed:?} is not in this milestone's unit {unit:?}; type a number, or e.g. 1.5万 or 5000万{unit}"
            ),
            Refusal::BaselineOfReplacedPlan { name } => say!(
                lang,
                "基线“{name}”属于被替换之前的计划,其中的目标任务不是本计划的(编号可能相同);不能与本计划比较,名称也不能再用,请换一个名称",
                "the baseline {name:?} was saved for the plan this one replaced: its milestones \
                 are not this plan's (though ids may match), so it cannot be compared with this \
                 plan and its name cannot be used again; choose another name"
            ),
            Refusal::BaselineExists { name } => say!(
                lang,
                "已有名为“{name}”的基线;基线保存后不再改动,请换一个名称",
                "a baseline called {name:?} exists; a baseline stays as saved: choose another name"
            ),
            Refusal::NoSuchBaseline { name } => say!(
                lang,
                "没有名为“{name}”的基线;用 plan-cockpit baseline list 查看已有基线",
                "no baseline is called {name:?}; plan-cockpit baseline list shows those there are"
            ),
            Refusal::BadWeight { weight } => {
                let weight = crate::domain::progress::format_value(*weight);
                let max = crate::domain::typed::MAX_WEIGHT;
                say!(
                    lang,
                    "权重 {weight} 无效:应为大于 0、不超过 {max} 的数",
                    "a weight of {weight} cannot be used: give a number above 0 and at most {max}"
                )
            }
            Refusal::BadStep { typed } => say!(
                lang,
                "“{typed}”不是年度目标:应写作 年份=数值,如 2023=560(年份 2000–2100;“2023=”删去该年目标)",
                "{typed:?} is not a yearly step: write YEAR=VALUE, e.g. 2023=560 (a year from 2000 \
                 to 2100; \"2023=\" removes that year's step)"
            ),
            Refusal::TargetIsStart { target } => {
                let target = crate::domain::progress::format_value(*target);
                say!(
                    lang,
                    "目标值 {target} 等于起点(基数或 0),没有可完成的量;请输入要达到的数值",
                    "a target of {target} is where it starts (its baseline, or 0): there is nothing to reach; give the value to reach"
                )
            }
            Refusal::NotFinite { n } => {
                say!(lang, "{n} 不是可用的数值", "{n} is not a usable number")
            }
            Refusal::AddOverflows { add, to } => say!(
                lang,
                "{to} 加上 {add} 超出可保存的范围;未作任何修改",
                "adding {add} to {to} gives a number too large to store; nothing was changed"
            ),
            Refusal::NumberNeeded => say!(lang, "请输入数字", "a number is needed"),
            Refusal::CommaNotThousands { typed } => say!(
                lang,
                "“{typed}”不是有效数字:逗号只用作千位分隔(1,500 或 12,345.5);小数请用小数点(1.5)",
                "{typed:?} is not a number: a comma only separates thousands (1,500 or 12,345.5); \
                 for a decimal write a point (1.5)"
            ),
            Refusal::TooLarge { typed } => say!(
                lang,
                "“{typed}”太大,无法保存",
                "{typed:?} is too large to store"
            ),
            Refusal::NotANumber { typed } => say!(
                lang,
                "“{typed}”不是有效数字,例如 512、1.5 或 1.5万",
                "{typed:?} is not a number (such as 512, 1.5 or 1.5万)"
            ),
            Refusal::Empty(field) => {
                let f = self.field(*field);
                say!(lang, "{f}不能为空", "the {f} is empty")
            }
            Refusal::TooLong { field, max } => {
                let f = self.field(*field);
                say!(
                    lang,
                    "{f}超过 {max} 个字",
                    "the {f} is longer than {max} characters"
                )
            }
            Refusal::NotAPlan { typed } => say!(
                lang,
                "--plan “{typed}”不是计划的写法;可写 单位/年度(南城街道/2024)、年度(2024)、单位(南城街道)或 `plan show` 给出的标识",
                "--plan {typed:?} names no plan; write UNIT/YEAR (南城街道/2024), a year (2024), a unit (南城街道) or the identity `plan show` prints"
            ),
            Refusal::NotADate { typed } => say!(
                lang,
                "“{typed}”不是日期;可写 2023-12-31、2023年12月31日、2023/12/31、12月31日、2023Q4 或 年底",
                "{typed:?} is not a date; type e.g. 2023-12-31, 2023年12月31日, 2023/12/31, 12月31日, 2023Q4 or 年底"
            ),
            Refusal::NoSuchDay { typed } => say!(
                lang,
                "{typed} 不是日历上存在的日期",
                "{typed} is not a real calendar date"
            ),
            Refusal::NotAnInstant { typed } => say!(
                lang,
                "“{typed}”不是时间点,应形如 2023-02-01T08:00:00Z",
                "{typed:?} is not a timestamp like 2023-02-01T08:00:00Z"
            ),
            Refusal::BadZone { typed, why } => {
                use crate::domain::refusal::ZoneWhy as Z;
                let (zh, en) = match why {
                    Z::NoFile => ("文件不存在", "no such file"),
                    Z::NotAFile => ("不是普通文件", "not a regular file"),
                    Z::TooLarge => ("文件太大,不是时区文件", "too large for a zone file"),
                    Z::Unreadable => ("无法读取", "cannot be read"),
                    Z::NotAZoneFile => ("不是时区文件", "not a zone file"),
                    Z::NotAName => ("不是时区名称", "not a zone name"),
                };
                say!(
                    lang,
                    "TZ=“{typed}”不是时区({zh});请写成 TZ=Asia/Shanghai 这样,或取消设置 TZ",
                    "TZ={typed:?} is not a time zone ({en}); write one like TZ=Asia/Shanghai, or unset TZ"
                )
            }
            Refusal::BadNow { variable, typed } => say!(
                lang,
                "{variable}=“{typed}”不是时间点;请写成 2023-11-27T09:00:00+08:00 这样",
                "{variable}={typed:?} is not an instant; write one like 2023-11-27T09:00:00+08:00"
            ),
            Refusal::UnknownStatus { typed } => {
                let known = crate::domain::Status::ALL
                    .iter()
                    .map(|s| match lang {
                        Lang::Zh => format!("{}({})", s.label_zh(), s.code()),
                        Lang::En => s.code().to_owned(),
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                say!(
                    lang,
                    "没有“{typed}”这个状态;可选:{known}",
                    "unknown status {typed:?}; expected one of {known}"
                )
            }
            Refusal::AsOfInFuture { day, today } => say!(
                lang,
                "填报日期 {day} 晚于今天({today});只能填报已经发生的数值",
                "the reading's date {day} is after today ({today}); a reading says what was true"
            ),
            Refusal::AsOfWithoutValue => say!(
                lang,
                "填报日期要和完成值(或“已完成”状态)一起给出",
                "a reading's date goes with a value (or with the status done)"
            ),
            Refusal::AddIsForToday { day } => say!(
                lang,
                "“增加”只用于今天的数值;{day} 的数值请直接填写当天的完成值",
                "an addition counts on today's value; for {day}, give that day's whole value"
            ),
            Refusal::UnknownArea { typed, known } => {
                let known = known.join("、");
                say!(
                    lang,
                    "没有名为“{typed}”的方面;本计划的方面有:{known}",
                    "no area is called {typed:?}; the plan has {known}"
                )
            }
            Refusal::UnknownDirection { typed, known } => {
                let known = known.join(", ");
                say!(
                    lang,
                    "没有名为“{typed}”的方向;本计划的方向有:{known}",
                    "no direction is called {typed:?}; the plan has {known}"
                )
            }
            Refusal::NoteOrphaned { note } => say!(
                lang,
                "备注 #{note} 无法恢复:它所属的项目或目标任务已被删除",
                "note #{note} cannot come back: what it belonged to was deleted since"
            ),
            Refusal::AddedUnderSince { entity, id, since } => {
                let what = self.table(entity);
                say!(
                    lang,
                    "{what} #{id} 之后又新增了 {since} 条目标任务、备注或填报记录,撤销新增会一并删除它们;\
                     未删除任何内容(确需删除请用 D)",
                    "{what} #{id} has {since} milestones, notes or readings added since; undoing \
                     its creation would delete them. Nothing was deleted (delete it with D if that \
                     is what you mean)"
                )
            }
            Refusal::Dangling { table, row, parent } => {
                let (what, of) = (self.table(table), self.table(parent));
                say!(
                    lang,
                    "{what}第 {row} 行引用了不存在的{of}",
                    "{what} row {row} refers to a {of} that does not exist"
                )
            }
            Refusal::RuleBroken { detail } => say!(
                lang,
                "数据库拒绝了这份计划(数据约束:{detail})",
                "the database refused the plan: {detail}"
            ),
        }
    }

    /// A text field, as a refusal names it.
    pub fn field(self, f: Field) -> &'static str {
        match (self, f) {
            (Lang::Zh, Field::Title) => "标题",
            (Lang::Zh, Field::ProjectName) => "项目名称",
            (Lang::Zh, Field::MilestoneTitle) => "目标任务名称",
            (Lang::Zh, Field::Unit) => "单位",
            (Lang::Zh, Field::Note) => "备注",
            (Lang::Zh, Field::Owner) => "责任单位",
            (Lang::Zh, Field::Lead) => "责任人",
            (Lang::Zh, Field::BaselineName) => "基线名称",
            (Lang::Zh, Field::Login) => "登录名",
            (Lang::Zh, Field::PersonName) => "姓名",
            (Lang::Zh, Field::PersonUnit) => "单位",
            (Lang::Zh, Field::Indicator) => "指标",
            (Lang::En, Field::Title) => "title",
            (Lang::En, Field::ProjectName) => "project name",
            (Lang::En, Field::MilestoneTitle) => "milestone title",
            (Lang::En, Field::Unit) => "unit",
            (Lang::En, Field::Note) => "note",
            (Lang::En, Field::Owner) => "responsible unit",
            (Lang::En, Field::Lead) => "lead",
            (Lang::En, Field::BaselineName) => "baseline name",
            (Lang::En, Field::Login) => "login",
            (Lang::En, Field::PersonName) => "name",
            (Lang::En, Field::PersonUnit) => "unit",
            (Lang::En, Field::Indicator) => "indicator",
        }
    }

    /// A kind of row, by its table's (or JSON key's) name.
    pub fn table(self, code: &str) -> &str {
        let zh = match code {
            "project" => "项目",
            "milestone" => "目标任务",
            "note" => "备注",
            "direction" => "方向",
            "program" => "工程",
            "area" => "方面",
            "reading" => "填报记录",
            "plan" => "计划",
            "draft" => "草稿",
            "history" => "修改记录",
            "baseline" => "基线",
            "baseline_item" => "基线条目",
            "project_area" => "项目所属方面",
            "counter" => "编号计数",
            other => other,
        };
        match self {
            Lang::Zh => zh,
            Lang::En => code,
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.refusal(self))
    }
}

impl std::error::Error for Refusal {}
