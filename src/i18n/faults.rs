//! What went wrong with the database or a file, in words: the one place
//! `store::Error` and its reasons become sentences. Times are said in the
//! planner's zone when a clock is given.

use super::Lang;
use crate::domain::Clock;
use crate::files::Refusal as Unwritable;
use crate::store::{Error, FileLoss, ReadOnlyWhy};
use std::fmt;

impl Lang {
    /// A store error as the planner reads it; `clock` puts its times in
    /// the planner's zone (None keeps them as stored, in UTC).
    pub fn error(self, e: &Error, clock: Option<&Clock>) -> String {
        let lang = self;
        let local = |at: &str| clock.map_or_else(|| at.to_owned(), |c| c.local_minute(at));
        match e {
            Error::NotOurs { path, why } => {
                let (path, why) = (path.display(), self.foreign(why));
                say!(
                    lang,
                    "{path}: 不是 plan-cockpit 数据库:{why}",
                    "{path}: not a plan-cockpit database: {why}"
                )
            }
            Error::NewerSchema {
                path,
                found,
                supported,
            } => {
                let path = path.display();
                say!(
                    lang,
                    "{path}: 数据库版本 {found} 比本程序支持的({supported})新;文件未被改动;请升级 plan-cockpit",
                    "{path}: schema version {found} is newer than this plan-cockpit supports \
                     ({supported}); the file was not touched; upgrade plan-cockpit"
                )
            }
            Error::Corrupt { path, detail } => {
                let path = path.display();
                say!(
                    lang,
                    "{path}: 数据库已损坏;请用备份恢复,或导出能读出的内容",
                    "{path}: the database is damaged: {detail}"
                )
            }
            Error::BadPath { path, why } => {
                format!("{}: {}", path.display(), self.path_why(why))
            }
            Error::ReadOnly(why) => {
                let why = self.read_only(why);
                say!(
                    lang,
                    "无法修改计划:数据库为只读({why})",
                    "cannot change the plan: the database is open read-only ({why})"
                )
            }
            Error::Busy => say!(
                lang,
                "数据库被其他规划人员的写入锁定超过 5 秒;未作任何修改,请重试",
                "the database stayed locked by another planner's write for more than 5 s; \
                 nothing was changed, try again"
            ),
            Error::DiskFull => say!(
                lang,
                "数据库所在的磁盘已满:未作任何修改;请腾出空间后重试",
                "the disk holding the database is full: nothing was changed; free some space and \
                 try again"
            ),
            Error::DiskFullAt(folder) => {
                let folder = folder.display();
                say!(
                    lang,
                    "{folder} 所在的磁盘已满:未在那里写入任何内容;请腾出空间或换个位置",
                    "the disk holding {folder} is full: nothing was written there; free some space \
                     or choose another place"
                )
            }
            Error::NotFound { what, id } => {
                let what = self.table(what);
                say!(lang, "没有编号为 {id} 的{what}", "no {what} has id {id}")
            }
            Error::Invalid(r) => self.refusal(r),
            Error::Abandoned => say!(
                lang,
                "导入在文件读完之前停止:未作任何修改",
                "the import stopped before the end of its file: nothing was changed"
            ),
            Error::Conflict(c) if c.expected_version > c.found_version => {
                // Versions only grow: a version above the row's is none it
                // ever had (a typo, or another row's or file's number), and
                // nobody is to blame for it.
                let (what, id) = (self.table(c.entity), c.id);
                let (found, had) = (c.found_version, c.expected_version);
                say!(
                    lang,
                    "{what} #{id} 从未有过版本 {had}(它现在是版本 {found},版本只增不减);请从 milestone list --json 取得版本;未保存",
                    "{what} #{id} never had version {had} (it is at version {found}, and versions \
                     only grow); take the version from milestone list --json; nothing was saved"
                )
            }
            Error::Conflict(c) => {
                let (what, id, by, at) = (self.table(c.entity), c.id, &c.by, local(&c.at));
                let (found, had) = (c.found_version, c.expected_version);
                say!(
                    lang,
                    "{what} #{id} 已被 {by} 于 {at} 修改(版本 {found},您手上的是版本 {had});未保存",
                    "{what} #{id} was changed by {by} at {at} (version {found}, you had version \
                     {had}); nothing was saved"
                )
            }
            Error::PlanReplaced(now) => {
                let (by, at, title) = (&now.by, local(&now.since), &now.title);
                say!(
                    lang,
                    "本文件中的计划已被 {by} 于 {at} 替换为《{title}》;未向新计划保存任何内容",
                    "the plan in this file was replaced by {by} at {at} (now \"{title}\"); \
                     nothing was saved into the new plan"
                )
            }
            Error::FileLost { path, loss } => {
                let (path, loss) = (path.display(), self.file_loss(*loss));
                say!(
                    lang,
                    "{path} {loss};未写入任何文件;请重新打开计划",
                    "{path} {loss}; nothing was written, to this file or any other; open the plan \
                     again to go on"
                )
            }
            Error::Internal(detail) => say!(lang, "程序内部错误,请报告:{detail}", "{detail}"),
            Error::Pg { .. }
            | Error::Server { .. }
            | Error::Unfit { .. }
            | Error::CopyDiffers { .. }
            | Error::HoldsPlan { .. }
            | Error::NotOnServer => self.server_error(e),
            Error::Io { path, source } => {
                format!("{}: {}", path.display(), self.io(source))
            }
            Error::Sql {
                context,
                code,
                said,
            } => {
                say!(
                    lang,
                    "数据库出错(SQLite 错误码 {code});未作任何修改",
                    "{context}: {said}"
                )
            }
        }
    }

    /// Why the plan can only be looked at.
    pub fn read_only(self, why: &ReadOnlyWhy) -> String {
        let lang = self;
        match why {
            ReadOnlyWhy::Asked => say!(
                lang,
                "以只读方式打开(--read-only)",
                "opened with --read-only"
            ),
            ReadOnlyWhy::FileNotWritable => say!(
                lang,
                "当前用户无权写入该文件",
                "the file is not writable by this user"
            ),
            ReadOnlyWhy::FolderNotWritable { folder } => {
                let folder = folder.display();
                say!(
                    lang,
                    "当前用户无权写入文件夹 {folder}",
                    "the folder {folder} is not writable by this user"
                )
            }
            ReadOnlyWhy::JournalNotWritable { journal, uid, mode } => {
                let journal = journal.display();
                say!(
                    lang,
                    "当前用户无权写入 {journal}(属主 uid {uid},权限 {mode:04o}),它是其他用户或只读会话留下的。\
                     没有人打开计划时,可由属主删除它(或给规划人员所在的组写权限)",
                    "{journal} is not writable by this user (owner uid {uid}, mode {mode:04o}); \
                     it was left by another user or a read-only session. When no planner has the \
                     plan open, its owner can remove it (or give the planners' group write access)"
                )
            }
            ReadOnlyWhy::ServerRole { role } => say!(
                lang,
                "数据库角色 {role} 只能查看和导出,不能修改计划;如需修改,请管理员授予 plan_planner 角色",
                "the database role {role} may look and export but not change the plan; an \
                 administrator can grant it plan_planner"
            ),
            ReadOnlyWhy::Refused => say!(
                lang,
                "该文件或其所在文件夹不可写",
                "the file or its folder is not writable"
            ),
            ReadOnlyWhy::NoPlanYet { path, why } => {
                let (path, why) = (path.display(), self.read_only(why));
                say!(
                    lang,
                    "{path} 中还没有计划,而且{why}",
                    "{path} does not hold a plan yet and {why}"
                )
            }
            ReadOnlyWhy::NeedsUpgrade { from, to, why } => {
                let why = self.read_only(why);
                say!(
                    lang,
                    "数据库版本 {from} 需要升级到 {to},但{why}",
                    "schema version {from} must be upgraded to {to}, but {why}"
                )
            }
            ReadOnlyWhy::FileLost(FileLoss::Deleted) => say!(
                lang,
                "数据库文件已被删除,此后不再写入;请重新打开计划",
                "the database file was deleted; nothing more is written; open the plan again"
            ),
            ReadOnlyWhy::FileLost(FileLoss::Replaced) => say!(
                lang,
                "数据库文件已被另一个文件替换,此后不再写入;请重新打开计划",
                "the database file was replaced by another file; nothing more is written; open \
                 the plan again"
            ),
            ReadOnlyWhy::FileLost(FileLoss::HardLinked(n)) => say!(
                lang,
                "数据库文件有 {n} 个硬链接,多个名称同时写入会损坏文件,此后不再写入;请只保留一个名称后重新打开",
                "the database file has {n} hard links; writing through two names corrupts it, so \
                 nothing more is written; keep one name and open it again"
            ),
            ReadOnlyWhy::QuickCheck { verdict } => say!(
                lang,
                "完整性检查(quick_check)未通过:{verdict}",
                "quick_check failed: {verdict}"
            ),
            ReadOnlyWhy::Damaged {
                path,
                damage,
                backup,
            } => {
                let path = path.display();
                let restore = match backup {
                    Some(b) => {
                        let b = b.display();
                        say!(
                            lang,
                            "在没有人打开计划时恢复最新的备份(`mv {b} {path}`),或者",
                            "restore the newest backup when no planner has the plan open \
                             (`mv {b} {path}`), or "
                        )
                    }
                    None => String::new(),
                };
                say!(
                    lang,
                    "数据库结构已损坏;可以查看和导出能读出的内容,但不能修改。修复办法:{restore}\
                     导出(`plan-cockpit --db {path} export -o plan.json`)后导入到新文件",
                    "the database schema is damaged ({damage}); you can look and export what can \
                     be read, but nothing can be changed. To repair: {restore}export it \
                     (`plan-cockpit --db {path} export -o plan.json`) and import that into a new \
                     file"
                )
            }
        }
    }

    pub fn file_loss(self, loss: FileLoss) -> String {
        let lang = self;
        match loss {
            FileLoss::Deleted => say!(lang, "在打开期间被删除", "was deleted while open"),
            FileLoss::Replaced => say!(
                lang,
                "在打开期间被另一个文件替换",
                "was replaced by another file while open"
            ),
            FileLoss::HardLinked(n) => say!(
                lang,
                "有 {n} 个硬链接;每个名称会有各自的日志,两位规划人员通过两个名称写入会损坏文件",
                "has {n} hard links; each name would get its own journal and two planners \
                 writing through two names corrupt the file"
            ),
        }
    }

    /// An operating system error, by its kind; English keeps the system's
    /// own words.
    pub fn io(self, e: &std::io::Error) -> String {
        use std::io::ErrorKind as K;
        if self == Lang::En {
            return e.to_string();
        }
        match e.kind() {
            K::NotFound => "不存在".to_owned(),
            K::PermissionDenied => "没有权限".to_owned(),
            K::AlreadyExists => "已存在".to_owned(),
            K::StorageFull => "磁盘已满".to_owned(),
            K::ReadOnlyFilesystem => "文件系统为只读".to_owned(),
            K::IsADirectory => "是文件夹,不是文件".to_owned(),
            K::NotADirectory => "路径中有一段不是文件夹".to_owned(),
            K::InvalidData => "内容无法读取".to_owned(),
            K::BrokenPipe => "输出已被关闭".to_owned(),
            _ => match e.raw_os_error() {
                Some(code) => format!("读写失败(系统错误码 {code})"),
                None => "读写失败".to_owned(),
            },
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.error(self, None))
    }
}

impl fmt::Display for ReadOnlyWhy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.read_only(self))
    }
}

impl fmt::Display for FileLoss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.file_loss(*self))
    }
}

impl fmt::Display for Unwritable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.unwritable(self))
    }
}
