//! The report `plan-cockpit check` prints, in both languages.

use super::Lang;
use crate::store::Counts;

/// What `check` found, to be put into words.
pub struct CheckReport<'a> {
    pub db: &'a std::path::Path,
    pub size: u64,
    pub sqlite: &'a str,
    pub schema: i64,
    pub latest: i64,
    pub journal: &'a str,
    pub verdict: &'a str,
    /// Why the plan is read-only, in words, if it is.
    pub read_only: Option<String>,
    pub counts: &'a Counts,
}

impl Lang {
    pub fn check_report(self, r: &CheckReport<'_>) -> String {
        let lang = self;
        let CheckReport {
            size,
            sqlite,
            schema,
            latest,
            journal,
            ..
        } = r;
        let db = r.db.display();
        let verdict = match (lang, r.verdict) {
            (Lang::Zh, "ok") => "正常",
            (_, v) => v,
        };
        let access = match (&r.read_only, lang) {
            (Some(why), Lang::Zh) => format!("只读({why})"),
            (Some(why), Lang::En) => format!("read-only ({why})"),
            (None, Lang::Zh) => "可读写".to_owned(),
            (None, Lang::En) => "read-write".to_owned(),
        };
        let c = r.counts;
        let (d, pg, a, p, m, rd, n, h) = (
            c.directions,
            c.programs,
            c.areas,
            c.projects,
            c.milestones,
            c.readings,
            c.notes,
            c.history,
        );
        say!(
            lang,
            "数据库:        {db}\n大小:          {size} 字节\nSQLite 版本:   {sqlite}\n\
             数据库版本:    {schema}(本程序:{latest})\n日志模式:      {journal}\n\
             完整性检查:    {verdict}\n访问:          {access}\n\
             方向 {d} · 工程 {pg} · 方面 {a} · 项目 {p} · 目标任务 {m} · 填报记录 {rd} · \
             备注 {n} · 修改记录 {h}\n",
            "database:       {db}\nsize:           {size} bytes\nsqlite:         {sqlite}\n\
             schema version: {schema} (this build: {latest})\njournal mode:   {journal}\n\
             quick_check:    {verdict}\naccess:         {access}\n\
             directions {d} · programs {pg} · areas {a} · projects {p} · milestones {m} · \
             readings {rd} · notes {n} · history {h}\n"
        )
    }
}
