//! The words of a long command's progress line on stderr.

use super::Lang;

impl Lang {
    /// The line's layout: `{msg}` the stage, `{count}` what is done so
    /// far, `{secs}` the time since it started (indicatif's keys).
    pub fn progress_template(self, counting: bool) -> &'static str {
        match (self, counting) {
            (Lang::Zh, true) => "{spinner} {msg}:{count}({secs})",
            (Lang::Zh, false) => "{spinner} {msg}({secs})",
            (Lang::En, true) => "{spinner} {msg}: {count} ({secs})",
            (Lang::En, false) => "{spinner} {msg} ({secs})",
        }
    }

    pub fn progress_secs(self, secs: u64) -> String {
        let lang = self;
        say!(lang, "{secs} 秒", "{secs} s")
    }

    pub fn progress_backing_up(self) -> String {
        let lang = self;
        say!(lang, "正在备份原有的计划", "backing up the plan there")
    }

    pub fn progress_rows(self, n: &str) -> String {
        let lang = self;
        say!(lang, "已复制 {n} 行", "{n} rows copied")
    }

    pub fn progress_plans(self, n: &str) -> String {
        let lang = self;
        say!(lang, "已读 {n} 个", "{n} read")
    }

    pub fn progress_projects(self, n: &str) -> String {
        let lang = self;
        say!(lang, "{n} 个项目", "{n} projects")
    }

    pub fn progress_reading_earlier(self) -> String {
        let lang = self;
        say!(lang, "正在读取上一计划", "reading the earlier plan")
    }

    pub fn progress_reading_sheet(self) -> String {
        let lang = self;
        say!(lang, "正在读取台账", "reading the 台账")
    }

    pub fn progress_writing(self, what: &str) -> String {
        let lang = self;
        say!(lang, "正在写入{what}", "writing {what}")
    }

    pub fn progress_finishing(self) -> String {
        let lang = self;
        say!(
            lang,
            "正在收尾(索引、汇总、校验、提交)",
            "finishing (indexes, roll-ups, checks, commit)"
        )
    }

    pub fn progress_copying(self) -> String {
        let lang = self;
        say!(lang, "正在复制计划", "copying the plan")
    }

    pub fn progress_verifying(self) -> String {
        let lang = self;
        say!(
            lang,
            "正在核对两边的行数和摘要",
            "checking row counts and digests on both sides"
        )
    }

    pub fn progress_reading(self) -> String {
        let lang = self;
        say!(lang, "正在读取计划", "reading the plan")
    }

    pub fn progress_reading_plans(self) -> String {
        let lang = self;
        say!(lang, "正在读取存储中的计划", "reading the store's plans")
    }

    pub fn progress_making(self, what: &str) -> String {
        let lang = self;
        say!(lang, "正在生成{what}", "making {what}")
    }

    pub fn progress_export(self) -> String {
        let lang = self;
        say!(lang, "导出文件", "the export")
    }

    pub fn progress_report(self) -> String {
        let lang = self;
        say!(lang, "报告", "the report")
    }

    pub fn progress_plan(self) -> String {
        let lang = self;
        say!(lang, "计划", "the plan")
    }
}
