//! The cockpit's and the reports' sentences with values in them, each a
//! `say!` whose holes the compiler checks (they were templates filled with
//! `.replace("{x}", …)`, where a misspelt hole failed silently).

use super::Lang;
use crate::domain::report::Summary;
use std::path::Path;

impl Lang {
    /// The agenda's "due soon" section: `30 天内到期`.
    pub fn agenda_soon(self, days: i64) -> String {
        say!(self, "{days} 天内到期", "Due within {days} days")
    }

    /// A section listed in part: `列出 200 / 共 1,234`.
    pub fn agenda_shown(self, shown: usize, all: &str) -> String {
        say!(self, "列出 {shown} / 共 {all}", "{shown} shown of {all}")
    }

    /// `x`'s first line, for a project or (`pane`) a whole pane.
    pub fn explain_progress(self, p: &str, pane: bool) -> String {
        if pane {
            say!(
                self,
                "本栏进度 {p}。落后点数 · 完成/序时进度 · 目标任务(红灯在前,落后多的在前,至多 200 项):",
                "Pane progress {p}. Points behind · done/elapsed · milestone (red first, most behind first, at most 200):"
            )
        } else {
            say!(
                self,
                "项目进度 {p}。落后点数 · 完成/序时进度 · 目标任务(红灯在前,落后多的在前):",
                "Project progress {p}. Points behind · done/elapsed · milestone (red first, most behind first):"
            )
        }
    }

    /// A file upgraded on open; `quick` when no index is rebuilt.
    pub fn upgrading(self, db: &Path, from: i64, to: i64, quick: bool) -> String {
        let db = db.display();
        if quick {
            say!(
                self,
                "正在把 {db} 从数据库版本 {from} 升级到 {to}……",
                "upgrading {db} from schema version {from} to {to}…"
            )
        } else {
            say!(
                self,
                "正在把 {db} 从数据库版本 {from} 升级到 {to}(重建汇总和搜索索引;百万条备注约需一分钟,请勿中断)……",
                "upgrading {db} from schema version {from} to {to} (rebuilds roll-ups and search indexes: about a minute for a million notes; do not interrupt)…"
            )
        }
    }

    /// Another planner saved the same thing first.
    pub fn conflict(self, by: &str, at: &str) -> String {
        say!(
            self,
            "未保存:{by} 于 {at} 已修改此项",
            "not saved: changed by {by} at {at}"
        )
    }

    pub fn report_written(self, path: &Path) -> String {
        let path = path.display();
        say!(self, "报告已写入 {path}", "report written to {path}")
    }

    /// A draft found at start, offered back.
    pub fn restore_draft(self, at: &str, text: &str) -> String {
        say!(
            self,
            "发现 {at} 未保存的备注草稿:“{text}”。恢复吗?(n 将丢弃草稿)",
            "An unsaved note draft from {at}: “{text}”. Restore it? (n discards it)"
        )
    }

    /// Drafts for a replaced plan, kept in files in `file` (a folder).
    pub fn stray_drafts_kept(self, n: usize, file: &str) -> String {
        say!(
            self,
            "计划已被替换,您为原计划写的 {n} 份备注草稿已另存到 {file}",
            "The plan was replaced: {n} note draft(s) you typed for the old plan were kept in {file}"
        )
    }

    pub fn plan_replaced(self, by: &str, at: &str, title: &str) -> String {
        say!(
            self,
            "计划已被 {by} 于 {at} 替换为《{title}》;未向新计划保存任何内容",
            "the plan was replaced by {by} at {at} with \u{201c}{title}\u{201d}; nothing was saved into the new plan"
        )
    }

    pub fn created_plan(self, db: &Path) -> String {
        let db = db.display();
        say!(
            self,
            "已新建 {db},载入2023年计划",
            "created {db} with the 2023 plan"
        )
    }

    pub fn text_kept_in(self, file: &Path) -> String {
        let file = file.display();
        say!(
            self,
            "您的输入已另存到 {file}",
            "your text was kept in {file}"
        )
    }

    /// 总体情况's sentence: every count, adding up to the items.
    pub fn overview_line(self, s: &Summary) -> String {
        let Summary {
            items,
            red,
            yellow,
            green,
            waiting,
            cancelled,
            unjudged,
            reached,
            overdue,
            undated,
        } = *s;
        say!(
            self,
            "共 {items} 项目标任务:红灯 {red} 项,黄灯 {yellow} 项,绿灯 {green} 项,暂无填报或未设年度目标 {waiting} 项,不评价(历史数据、无目标值或未设时限) {unjudged} 项,已取消 {cancelled} 项;已完成 {reached} 项,逾期未完成 {overdue} 项,未设完成时限 {undated} 项。",
            "{items} targets and tasks: {red} red, {yellow} yellow, {green} green, {waiting} with no reading or no yearly step yet, {unjudged} not judged (past figures, no target or no time limit), {cancelled} cancelled; {reached} reached, {overdue} overdue, {undated} with no time limit."
        )
    }

    /// `科技创新培优工程(完成率 0%,序时进度 66%)`: `c` and `e` as written.
    pub fn group_heading(self, name: &str, c: &str, e: &str) -> String {
        say!(
            self,
            "{name}(完成率 {c},序时进度 {e})",
            "{name} (completion {c}, time elapsed {e})"
        )
    }

    /// `三、本周进展(2023-11-28 至 2023-12-05)`.
    pub fn changes_heading(self, since: jiff::civil::Date, until: jiff::civil::Date) -> String {
        let title = self.report().changes;
        say!(
            self,
            "{title}({since} 至 {until})",
            "{title} ({since} to {until})"
        )
    }

    /// The baseline section's heading: its name, when and by whom saved.
    pub fn baseline_heading(self, name: &str, at: &str, by: &str) -> String {
        say!(
            self,
            "六、与基线“{name}”比较({at} {by} 保存)",
            "6. Against baseline {name:?} (saved {at} by {by})"
        )
    }
}
