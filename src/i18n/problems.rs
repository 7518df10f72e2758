//! What is wrong with a plan document, in words: each problem names its
//! JSON path (a code the planner finds in the file) and says what is wrong.

use super::Lang;
use crate::domain::problem::{Issue, JsonWhat, Problem};
use std::fmt;

impl Lang {
    pub fn problem(self, p: &Problem) -> String {
        let issue = self.issue(&p.issue);
        if p.path.is_empty() {
            issue
        } else {
            format!("{}: {issue}", p.path)
        }
    }

    fn issue(self, issue: &Issue) -> String {
        let lang = self;
        match issue {
            Issue::Required => say!(lang, "不能为空", "must not be empty"),
            Issue::TooLong { max } => {
                say!(lang, "超过 {max} 个字", "is longer than {max} characters")
            }
            Issue::Refused(r) => self.refusal(r),
            Issue::IdNotPositive { kind, id } => {
                let what = self.table(kind);
                say!(
                    lang,
                    "{what}编号必须是正整数,而不是 {id}",
                    "{what} id must be a positive whole number, not {id}"
                )
            }
            Issue::DuplicateId { kind, id, first } => {
                let what = self.table(kind);
                say!(
                    lang,
                    "{what}编号 {id} 重复(已用于 {first})",
                    "duplicate {what} id {id} (first used at {first})"
                )
            }
            Issue::DuplicateCode { kind, code } => {
                let what = self.table(kind);
                say!(
                    lang,
                    "{what}代码“{code}”重复",
                    "duplicate {what} code {code:?}"
                )
            }
            Issue::NoSuch { kind, id } => {
                let what = self.table(kind);
                say!(lang, "没有编号为 {id} 的{what}", "no {what} has id {id}")
            }
            Issue::AreaTwice { id } => {
                say!(lang, "方面 {id} 列出了两次", "area {id} is listed twice")
            }
            Issue::NotFinite => say!(lang, "必须是有限的数值", "must be a finite number"),
            Issue::YesNoHasNumbers => say!(
                lang,
                "定性任务没有数值;请删去此项,或改为 \"kind\": \"numeric\"",
                "a yes_no milestone has no numbers; remove it or use \"kind\": \"numeric\""
            ),
            Issue::YesNoReadingNotDone => say!(
                lang,
                "定性任务的填报记录只记完成日期,值须为 1;请改为 1 或删去此条",
                "a yes_no milestone's reading records the day it was done: its value is 1; \
                 make it 1 or remove the reading"
            ),
            Issue::SecondReading { day } => {
                say!(lang, "{day} 已有一条填报记录", "a second reading for {day}")
            }
            Issue::DueBeforeStart { due, start } => say!(
                lang,
                "完成时限 {due} 早于开始日期 {start}",
                "due {due} is before start {start}"
            ),
            Issue::NotAPlanYear { year } => {
                say!(lang, "{year} 不是计划年度", "{year} is not a plan year")
            }
            Issue::NoDirections => say!(
                lang,
                "计划至少要有一个方向",
                "a plan needs at least one direction"
            ),
            Issue::NotOurFormat { found } => {
                let ours = crate::domain::plan::FORMAT;
                say!(
                    lang,
                    "应为 \"{ours}\",实为 “{found}”",
                    "expected \"{ours}\", found {found:?}"
                )
            }
            Issue::NewerFormat { found, reads } => say!(
                lang,
                "文件格式版本 {found} 比本程序能读取的({reads})新;请升级 plan-cockpit",
                "format version {found} is newer than this plan-cockpit reads ({reads}); \
                 upgrade plan-cockpit"
            ),
            Issue::FormatZero => say!(
                lang,
                "不存在格式版本 0;当前版本是 1",
                "format version 0 does not exist; the current one is 1"
            ),
            Issue::Missing => say!(
                lang,
                "缺失;这是 plan-cockpit 导出的文件吗?",
                "missing; is this a plan-cockpit export?"
            ),
            Issue::NotUtf8 { line, column, gbk } => {
                let likely = match (lang, gbk) {
                    (Lang::Zh, true) => "看起来是 GBK/GB18030 编码(中文 Windows 的默认编码);",
                    (Lang::En, true) => {
                        "it looks like GBK/GB18030, what Chinese Windows saves by default; "
                    }
                    _ => "",
                };
                say!(
                    lang,
                    "文件不是 UTF-8 编码(第 {line} 行第 {column} 列起);{likely}请另存为 UTF-8 编码后再导入",
                    "the file is not UTF-8 text (first bad byte at line {line} column {column}); \
                     {likely}save it again choosing the encoding UTF-8"
                )
            }
            Issue::Encoding { name } => say!(
                lang,
                "文件是 {name} 编码的文本;计划文件必须是 UTF-8 编码(请另存为 UTF-8)",
                "the file is {name} text; a plan file must be UTF-8 (save it again choosing the \
                 encoding UTF-8)"
            ),
            Issue::NotAnObject { starts } => say!(
                lang,
                "计划文件应是以 '{{' 开头的 JSON 对象,此文件以 '{starts}' 开头",
                "a plan file is a JSON object starting with '{{', this one starts with \"{starts}\""
            ),
            Issue::TrailingText { line, column } => say!(
                lang,
                "计划之后还有多余的内容(第 {line} 行第 {column} 列)",
                "unexpected text after the plan: trailing characters at line {line} column {column}"
            ),
            Issue::Json(fault) => {
                let (line, column) = (fault.line, fault.column);
                let what = match (&fault.what, lang) {
                    (_, Lang::En) => fault.detail.clone(),
                    (JsonWhat::Syntax, _) => "JSON 语法错误".to_owned(),
                    (JsonWhat::Truncated, _) => "文件在此处意外结束(不完整)".to_owned(),
                    (JsonWhat::MissingField(f), _) => format!("缺少字段 {f}"),
                    (JsonWhat::UnknownField(f), _) => format!("未知字段 {f}"),
                    (JsonWhat::UnknownValue(v), _) => format!("取值 {v} 无效"),
                    (JsonWhat::WrongType, _) => "数据类型不对(例如在数字处写了文字)".to_owned(),
                    (JsonWhat::Other, _) => "内容不符合计划文件格式".to_owned(),
                };
                say!(
                    lang,
                    "{what}(第 {line} 行第 {column} 列)",
                    "{what} at line {line} column {column}"
                )
            }
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.problem(self))
    }
}
