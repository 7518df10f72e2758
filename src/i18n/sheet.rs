//! `import-values` in words: what a sheet's rows will do, the conflicts,
//! and why a sheet is refused, each naming the cell to fix.

use super::Lang;
use crate::domain::progress::format_value;
use crate::domain::sheet::SheetFault;
use crate::domain::sheet_steps::{Clash, Edit, Said};

impl Lang {
    pub fn sheet_fault(self, file: &std::path::Path, f: &SheetFault) -> String {
        use SheetFault as F;
        let lang = self;
        let file = file.display();
        let why = match f {
            F::Header {
                cell,
                expected,
                found,
            } => say!(
                lang,
                "{cell} 应为“{expected}”,实为“{found}”:列被移动、插入、改名或删除过,或这不是 plan-cockpit 导出的表格(请重新导出,只改完成值、状态和最新备注)",
                "{cell} should be {expected:?} but is {found:?}: columns were moved, inserted, \
                 renamed or removed, or this is not a sheet plan-cockpit exported (export again \
                 and change only the value, status and newest-note cells)"
            ),
            F::Cell { cell, refusal } => {
                let refusal = lang.refusal(refusal);
                say!(lang, "{cell}:{refusal}", "{cell}: {refusal}")
            }
            F::SameIdTwice { cell, id, first } => say!(
                lang,
                "{cell}:编号 {id} 在 {first} 已出现过,两处内容不同",
                "{cell}: milestone {id} is on {first} already, saying something else"
            ),
            F::NoMark { cell } => say!(
                lang,
                "{cell} 没有导出校验码:这一行不是 plan-cockpit 导出的(请重新导出)",
                "{cell} holds no export check: this row is not one plan-cockpit exported \
                 (export again)"
            ),
            F::OtherPlan { cell } => say!(
                lang,
                "{cell}:这张表格导出自另一份计划(另一个数据库文件,或被替换之前的计划),不能用于本计划;请从本计划重新导出",
                "{cell}: this sheet was exported from another plan (another database file, or \
                 the plan before it was replaced) and cannot be applied to this one; export \
                 again from this plan"
            ),
            F::RowChanged {
                cell,
                id,
                found,
                title,
            } => {
                let now = title.as_deref().map_or_else(
                    || say!(lang, "数据库中已没有编号 {id}", "the plan has no {id} now"),
                    |t| {
                        say!(
                            lang,
                            "数据库中编号 {id} 是“{t}”",
                            "{id} is {t:?} in the plan"
                        )
                    },
                );
                say!(
                    lang,
                    "{cell}:编号 {id}、版本和指标“{found}”已不是导出时的同一行(编号列被单独排序、行被粘贴,或指标、版本被改动;指标在驾驶舱中修改);{now}",
                    "{cell}: id {id}, its version and the title {found:?} are no longer the row \
                     exported together (the id column sorted on its own, a row pasted, or the \
                     title or version typed over; titles are changed in the cockpit); {now}"
                )
            }
            F::NotReadBack { cell } => say!(
                lang,
                "{cell} 被修改,但这张工作表不读回(存在问题、下步计划只重复各分组表中的行);请在该项所在的分组工作表中修改",
                "{cell} was changed, but this sheet is not read back (the problems and \
                 next-steps sheets repeat rows of the group sheets); change it on its group's \
                 sheet"
            ),
            F::FormulaWithoutValue { cell } => say!(
                lang,
                "{cell} 是没有计算结果的公式;请在 Excel/WPS 中打开并保存,或“选择性粘贴 → 数值”后再导入",
                "{cell} is a formula whose result the file does not hold; open and save it in \
                 Excel/WPS, or paste it as values, and import again"
            ),
            F::NotUtf8 { encoding } => say!(
                lang,
                "文件是 {encoding} 编码,不是 UTF-8:请在 Excel 中“另存为 → CSV UTF-8(逗号分隔)”,或在 WPS 中另存为 UTF-8 编码的 CSV,再导入",
                "the file is {encoding}, not UTF-8: in Excel use Save As → \"CSV UTF-8 (Comma \
                 delimited)\", in WPS save as CSV with UTF-8 encoding, and import again"
            ),
            F::TooLarge { bytes, limit } => say!(
                lang,
                "文件(解压后)有 {bytes} 字节以上,超过任何计划表格的 {limit} 字节",
                "the file holds (unpacked) over {bytes} bytes, more than the {limit} any plan's \
                 sheet has"
            ),
            F::Unreadable { why } => {
                say!(lang, "无法读取表格({why})", "cannot read the sheet ({why})")
            }
        };
        say!(
            lang,
            "{file}:{why};未做任何修改",
            "{file}: {why}; nothing was changed"
        )
    }

    /// Why a file given as a sheet is not one (it is a database).
    pub fn not_a_sheet(self, r: &crate::files::Refusal) -> String {
        let lang = self;
        let what = self.unwritable(r);
        say!(lang, "不是表格:{what}", "not a sheet: {what}")
    }

    fn said(self, s: &Said) -> String {
        let lang = self;
        match s {
            Said::Value { from, to, day } => {
                let from = from.map_or_else(|| "—".to_owned(), format_value);
                let to = format_value(*to);
                say!(
                    lang,
                    "完成值:{from} → {to}(截至 {day})",
                    "value: {from} → {to} (as of {day})"
                )
            }
            Said::LateReading { day, value } => {
                let v = format_value(*value);
                say!(
                    lang,
                    "补记 {day} 填报记录 {v}(早于最新填报,当前完成值不变)",
                    "files {v} as the reading of {day} (older than the newest: the current \
                     value stays)"
                )
            }
            Said::Status { from, to } => self.change("status", Some(from.code()), Some(to.code())),
            Said::Note(n) => say!(lang, "新增备注:{n}", "adds the note: {n}"),
            Said::Emptied { cell } => say!(
                lang,
                "{cell} 已清空:不删除任何内容",
                "{cell} emptied: nothing is deleted"
            ),
        }
    }

    pub fn sheet_edit(self, e: &Edit) -> String {
        let parts: Vec<String> = e.said.iter().map(|s| self.said(s)).collect();
        format!("  #{} {}: {}\n", e.id, e.title, parts.join("; "))
    }

    pub fn sheet_clash(self, c: &Clash, clock: &crate::domain::Clock) -> String {
        let lang = self;
        let (id, title) = (c.id, &c.title);
        let parts: Vec<String> = c.said.iter().map(|s| self.said(s)).collect();
        let what = parts.join("; ");
        let mut out = match &c.by {
            Some((by, at)) => {
                let at = clock.local_minute(at);
                say!(
                    lang,
                    "  冲突,未改动 #{id} {title}:{what}(表格导出后已由 {by} 于 {at} 修改;请核对后在驾驶舱中录入)\n",
                    "  conflict, not changed: #{id} {title}: {what} ({by} changed it at {at}, after \
                 the sheet was exported; check and enter it in the cockpit)\n"
                )
            }
            None => say!(
                lang,
                "  冲突,未改动 #{id} {title}:表格导出后该目标任务已被删除\n",
                "  conflict, not changed: #{id} {title} was deleted after the sheet was exported\n"
            ),
        };
        // A reading of an earlier day is history, never an overwrite: it
        // can be filed whatever happened to the current value since.
        for s in &c.said {
            if let Said::LateReading { day, value } = s {
                let v = format_value(*value);
                out.push_str(&say!(
                    lang,
                    "    {day} 的数值是历史记录,不会覆盖当前值,可照常补记:plan-cockpit milestone set {id} --current {v} --as-of {day}\n",
                    "    the value of {day} is history and overwrites nothing; file it with: \
                     plan-cockpit milestone set {id} --current {v} --as-of {day}\n"
                ));
            }
        }
        out
    }

    pub fn sheet_summary(self, applied: usize, conflicts: usize, dry_run: bool) -> String {
        let lang = self;
        if dry_run {
            say!(
                lang,
                "试运行:将更新 {applied} 项,冲突 {conflicts} 项;数据库未改动",
                "dry run: {applied} would change, {conflicts} in conflict; the database was not changed"
            )
        } else {
            say!(
                lang,
                "已更新 {applied} 项,冲突 {conflicts} 项(未改动)",
                "{applied} changed, {conflicts} in conflict (not changed)"
            )
        }
    }
}
