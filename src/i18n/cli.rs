//! What the command line says, in both languages: each function takes what
//! the message is about and returns the sentence.

use super::Lang;
use crate::domain::problem::Problem;
use crate::store::Counts;
use std::path::Path;

/// A refused import lists this many problems, then says how many more.
const PROBLEMS_SHOWN: usize = 20;

impl Lang {
    /// How much a plan holds, in one line.
    pub fn counts(self, c: &Counts) -> String {
        let Counts {
            directions: d,
            programs: pg,
            areas: a,
            projects: p,
            milestones: m,
            readings: r,
            notes: n,
            ..
        } = c;
        let lang = self;
        say!(
            lang,
            "{d} 个方向、{pg} 个工程、{a} 个方面、{p} 个项目、{m} 个目标任务、{r} 条填报记录、{n} 条备注",
            "{d} directions, {pg} programs, {a} areas, {p} projects, {m} milestones, {r} readings, \
             {n} notes"
        )
    }

    pub fn no_home(self) -> String {
        let lang = self;
        say!(
            lang,
            "没有设置 XDG_DATA_HOME,也没有设置 HOME:请用 --db 路径 指定数据库",
            "neither XDG_DATA_HOME nor HOME is set: give --db PATH"
        )
    }

    pub fn cannot_create_folder(self, folder: &Path, e: &std::io::Error) -> String {
        let (folder, e) = (folder.display(), self.io(e));
        let lang = self;
        say!(
            lang,
            "无法创建文件夹 {folder}:{e}",
            "creating {folder}: {e}"
        )
    }

    /// A plan was here (its lock file says so) and is gone.
    pub fn plan_gone(self, db: &Path) -> String {
        let db = db.display();
        let lang = self;
        say!(
            lang,
            "{db}: 原来在这里的计划不见了(它的锁文件 {db}.lock 还在);未新建任何计划。\
             请把计划放回原处(用备份:`mv 备份.bak {db}`),或用 `plan-cockpit --db {db} init` 新建2023年计划",
            "{db}: the plan that was here is gone (its lock file {db}.lock is still there); \
             nothing was created. Put the plan back (a backup: `mv BACKUP.bak {db}`), or start a \
             new 2023 plan with `plan-cockpit --db {db} init`"
        )
    }

    /// A command was given a file that holds no plan (or is not there).
    pub fn no_plan_file(self, db: &Path) -> String {
        let db = db.display();
        let lang = self;
        say!(
            lang,
            "{db} 中没有计划;未新建任何文件。新建2023年计划请用 `plan-cockpit --db {db} init`,\
             导入已有计划请用 `plan-cockpit --db {db} import 文件`;计划若在别处,请用 --db 指明",
            "there is no plan in {db}; nothing was created. `plan-cockpit --db {db} init` starts \
             the 2023 plan there, `plan-cockpit --db {db} import FILE` brings one; if the plan is \
             elsewhere, name it with --db"
        )
    }

    /// A plan is there already; `how` is the flag that replaces it.
    pub fn already_holds(self, db: &Path, counts: &Counts, how: &str) -> String {
        let (db, counts) = (db.display(), self.counts(counts));
        let lang = self;
        say!(
            lang,
            "{db} 中已有计划({counts});未写入任何内容。`{how}` 会先写备份再替换它",
            "{db} already holds a plan ({counts}); nothing was written. `{how}` replaces it after \
             writing a backup"
        )
    }

    /// A new plan was written, but another appeared under its name first.
    pub fn plan_appeared(self, db: &Path) -> String {
        let db = db.display();
        let lang = self;
        say!(
            lang,
            "导入期间,其他人在 {db} 创建了计划;该计划保持不变,未写入任何内容。请确认后用 `--replace` 重新导入",
            "another plan appeared at {db} while this one was written; it was left as it is and \
             nothing was written. Check it, then import again with `--replace`"
        )
    }

    /// A file over the import limit; `size` in bytes when known.
    pub fn over_limit(self, file: &Path, size: Option<u64>, cap_mib: u64) -> String {
        let file = file.display();
        let lang = self;
        match size {
            Some(size) => say!(
                lang,
                "{file}: 文件有 {size} 字节,超过导入上限 {cap_mib} MiB(可用 --max-size 调高)",
                "{file}: the file has {size} bytes, which is over the import limit of {cap_mib} MiB \
                 (raise it with --max-size)"
            ),
            None => say!(
                lang,
                "{file}: 输入超过导入上限 {cap_mib} MiB(可用 --max-size 调高)",
                "{file}: the input is over the import limit of {cap_mib} MiB (raise it with \
                 --max-size)"
            ),
        }
    }

    pub fn is_a_folder(self, file: &Path) -> String {
        let file = file.display();
        let lang = self;
        say!(
            lang,
            "{file}: 是文件夹,不是计划文件",
            "{file}: is a folder, not a plan file"
        )
    }

    /// A file that could not be read or written.
    pub fn file_failed(self, file: &Path, e: &std::io::Error) -> String {
        format!("{}: {}", file.display(), self.io(e))
    }

    /// An import refused, with its first problems.
    pub fn not_imported(self, file: &Path, problems: &[Problem]) -> String {
        let file = file.display();
        let lang = self;
        let mut msg = say!(
            lang,
            "{file}: 未导入任何内容:",
            "{file}: nothing was imported:"
        );
        for p in problems.iter().take(PROBLEMS_SHOWN) {
            msg.push_str("\n  ");
            msg.push_str(&self.problem(p));
        }
        if let Some(more) = problems
            .len()
            .checked_sub(PROBLEMS_SHOWN)
            .filter(|n| *n > 0)
        {
            msg.push_str(&say!(
                lang,
                "\n  ……另有 {more} 个问题",
                "\n  … and {more} more problems"
            ));
        }
        msg
    }

    /// A refused flag of `milestone set`.
    pub fn bad_flag(self, flag: &str, why: &crate::domain::refusal::Refusal) -> String {
        format!("--{flag}: {}", self.refusal(why))
    }

    pub fn nothing_to_set(self) -> String {
        let lang = self;
        say!(
            lang,
            "没有要修改的内容:请给出 --current、--add、--status、--due、--note、--target、--unit、--title、--base 或 --step",
            "nothing to change: give --current, --add, --status, --due, --note, --target, --unit, \
             --title, --base or --step"
        )
    }

    /// `--light` naming no light.
    /// `user set`: who a login is shown as now.
    pub fn person_named(self, login: &str, name: &str, unit: &str) -> String {
        let lang = self;
        let name = if name.is_empty() { login } else { name };
        if unit.is_empty() {
            say!(
                lang,
                "{login} 显示为“{name}”",
                "{login} is shown as {name:?}"
            )
        } else {
            say!(
                lang,
                "{login} 显示为“{name}”({unit})",
                "{login} is shown as {name:?} ({unit})"
            )
        }
    }

    pub fn bad_light(self, typed: &str) -> String {
        let lang = self;
        say!(
            lang,
            "--light 中的“{typed}”不是亮灯:可用 red(红灯)、yellow(黄灯)、green(绿灯)、grey(暂无)、off(不评价),用逗号分隔",
            "--light: {typed:?} is not a light; use red, yellow, green, grey (no reading or yearly \
             step yet) or off (not judged), separated by commas"
        )
    }

    pub fn disk_full_writing(self, file: &Path, folder: &Path) -> String {
        let (file, folder) = (file.display(), folder.display());
        let lang = self;
        say!(
            lang,
            "{file}: {folder} 所在的磁盘已满;未写入任何内容",
            "{file}: the disk holding {folder} is full; nothing was written"
        )
    }

    /// Why a sheet is refused, naming the file and the cell.
    pub fn baseline_saved(self, name: &str, items: usize) -> String {
        let lang = self;
        say!(
            lang,
            "已保存基线“{name}”:{items} 项目标任务的目标值和完成时限",
            "saved baseline {name:?}: the targets and time limits of {items} milestones"
        )
    }

    pub fn milestones_n(self, n: usize) -> String {
        let lang = self;
        say!(lang, "{n} 项目标任务", "{n} milestones")
    }

    pub fn format_clash(self, path: &std::path::Path, by_name: &str, given: &str) -> String {
        let (lang, path) = (self, path.display());
        say!(
            lang,
            "-o {path} 的扩展名表示 {by_name} 格式,而 --format 是 {given}:请去掉 --format,或改用相符的扩展名(未写入任何内容)",
            "-o {path} names a {by_name} file but --format is {given}: leave --format out, or \
             give a matching extension (nothing was written)"
        )
    }

    pub fn binary_needs_file(self) -> String {
        let lang = self;
        say!(
            lang,
            "Word 文档和 Excel 工作簿不能显示在终端上:请用 -o 指定文件,如 -o 工作进展.docx",
            "a document or workbook cannot be shown on a terminal: name a file with -o, e.g. -o report.docx"
        )
    }

    pub fn stdout_failed(self, e: &std::io::Error) -> String {
        let e = self.io(e);
        let lang = self;
        say!(
            lang,
            "写入标准输出失败:{e}",
            "writing to standard output: {e}"
        )
    }

    pub fn terminal_failed(self, e: &std::io::Error) -> String {
        let e = self.io(e);
        let lang = self;
        say!(lang, "终端出错:{e}", "terminal: {e}")
    }

    pub fn quick_check_failed(self, db: &Path, verdict: &str) -> String {
        let db = db.display();
        let lang = self;
        say!(
            lang,
            "{db}: 完整性检查(quick_check)未通过:{verdict}",
            "{db}: quick_check failed: {verdict}"
        )
    }

    /// What an import wrote, and where the plan before it went.
    pub fn wrote_plan(self, label: &str, db: &Path, counts: &Counts) -> String {
        let (db, counts) = (db.display(), self.counts(counts));
        let lang = self;
        say!(
            lang,
            "已把 {label} 写入 {db}:{counts}",
            "wrote {label} into {db}: {counts}"
        )
    }

    pub fn created_2023(self, db: &Path, counts: &Counts) -> String {
        let (db, counts) = (db.display(), self.counts(counts));
        let lang = self;
        say!(
            lang,
            "已在 {db} 新建2023年计划:{counts}",
            "created the 2023 plan in {db}: {counts}"
        )
    }

    pub fn previous_saved(self, backup: &Path) -> String {
        let backup = backup.display();
        let lang = self;
        say!(
            lang,
            "原有计划已备份到 {backup}",
            "the previous plan was saved to {backup}"
        )
    }

    pub fn cleaned_fields(self, n: usize, first: &str) -> String {
        let lang = self;
        say!(
            lang,
            "已从 {n} 个文字字段中删去控制字符或不可见字符(第一个:{first})",
            "removed control or invisible characters from {n} text fields (first: {first})"
        )
    }

    /// How an import names its source in the history.
    pub fn embedded_plan(self) -> String {
        let lang = self;
        say!(lang, "内置的2023年计划", "the embedded 2023 plan")
    }

    pub fn generated_plan(self, seed: u64) -> String {
        let lang = self;
        say!(
            lang,
            "生成的计划(种子 {seed})",
            "a generated plan (seed {seed})"
        )
    }

    pub fn took(self, secs: f64) -> String {
        let lang = self;
        say!(lang, "用时 {secs:.1} 秒", "in {secs:.1} s")
    }

    pub fn backed_up(self, db: &Path, dest: &Path) -> String {
        let (db, dest) = (db.display(), dest.display());
        let lang = self;
        say!(
            lang,
            "已把 {db} 备份到 {dest}(已校验:正常)",
            "backed up {db} to {dest} (checked: ok)"
        )
    }

    pub fn saved_project(self, id: i64, name: &str, version: i64) -> String {
        let lang = self;
        say!(
            lang,
            "已保存项目 #{id} {name}(版本 {version})",
            "saved project #{id} {name} (version {version})"
        )
    }

    pub fn saved_milestone(self, id: i64, title: &str, version: i64) -> String {
        let lang = self;
        say!(
            lang,
            "已保存 #{id} {title}(版本 {version})",
            "saved #{id} {title} (version {version})"
        )
    }
}
