//! Why a path cannot be used, in words: the database's own path, the
//! files beside it, a destination, a file that is not a plan database.

use super::Lang;
use crate::files::Refusal as Unwritable;
use crate::store::{Foreign, PathWhy};

impl Lang {
    pub(super) fn path_why(self, why: &PathWhy) -> String {
        let lang = self;
        match why {
            PathWhy::Symlink { target } => {
                let target = target.display();
                say!(
                    lang,
                    "是符号链接(指向 {target});plan-cockpit 只打开真实文件,好让锁文件和日志文件就在它旁边",
                    "is a symbolic link (to {target}); plan-cockpit opens only the real file, so \
                     that its lock and journal sit beside it"
                )
            }
            PathWhy::NotAFile => say!(lang, "不是普通文件", "is not a regular file"),
            PathWhy::HardLinks { n } => say!(
                lang,
                "有 {n} 个硬链接(同一文件的多个名称);每个名称会有各自的日志,两位规划人员通过两个名称写入会损坏计划。\
                 请只保留一个名称(删除其他的)再打开",
                "has {n} hard links (names for the same file); each name would get its own \
                 journal and two planners writing through two names corrupt the plan. Keep one \
                 name (remove the others) and open that one"
            ),
            PathWhy::NoFolder { folder } => {
                let folder = folder.display();
                say!(
                    lang,
                    "文件夹 {folder} 不存在",
                    "the folder {folder} does not exist"
                )
            }
            PathWhy::NetworkFs { kind } => say!(
                lang,
                "位于网络文件系统({kind})上;SQLite 的锁在那里不可靠,多人使用可能损坏计划。\
                 请把数据库放在服务器的本地磁盘上;如确定只有一人使用,可加 --allow-network-fs",
                "is on a network filesystem ({kind}); SQLite's locking is not reliable there and \
                 planners could corrupt the plan. Keep the database on the server's local disk, \
                 or pass --allow-network-fs if you are sure only one planner uses it"
            ),
            PathWhy::NoWal { mode } => say!(
                lang,
                "该文件系统不支持 WAL 日志模式(journal_mode {mode})",
                "this filesystem does not support WAL (journal_mode {mode})"
            ),
            PathWhy::BesideSymlink { target } => {
                let target = target.display();
                say!(
                    lang,
                    "是符号链接(指向 {target});数据库旁的文件必须是它自己的。未打开任何文件;请删除该链接",
                    "is a symbolic link (to {target}); the files beside the database must be its \
                     own. Nothing was opened; remove the link"
                )
            }
            PathWhy::BesideNotAFile => say!(
                lang,
                "不是普通文件;未打开任何文件;请在没有人打开计划时删除它",
                "is not a regular file; nothing was opened; remove it when no planner has the \
                 plan open"
            ),
            PathWhy::BesideHardLinked => say!(
                lang,
                "有多个名称(是另一个文件的硬链接);请在没有人打开计划时删除它",
                "has more than one name (a hard link to another file); remove it when no planner \
                 has the plan open"
            ),
            PathWhy::Exists => say!(
                lang,
                "已存在;请换一个文件名(未写入任何内容)",
                "already exists; choose a new file name (nothing was written)"
            ),
            PathWhy::Destination(r) => self.unwritable(r),
        }
    }

    /// Why a destination (an export, a backup) is not written.
    pub fn unwritable(self, r: &Unwritable) -> String {
        let lang = self;
        match r {
            Unwritable::IsFolder => say!(lang, "是文件夹,不是文件", "is a folder, not a file"),
            Unwritable::IsSymlink(to) => {
                let to = to.display();
                say!(
                    lang,
                    "是符号链接(指向 {to});请给出真实文件的路径(未写入任何内容)",
                    "is a symbolic link (to {to}); give the real file's path (nothing was written)"
                )
            }
            Unwritable::NotAFile => say!(
                lang,
                "不是普通文件(未写入任何内容)",
                "is not a regular file (nothing was written)"
            ),
            Unwritable::NoFolder(d) => {
                let d = d.display();
                say!(lang, "文件夹 {d} 不存在", "the folder {d} does not exist")
            }
            Unwritable::NoName => say!(lang, "不是文件名", "is not a file name"),
            Unwritable::NotWritable => say!(
                lang,
                "已存在,而您没有写入它的权限;请换一个文件名(未写入任何内容)",
                "exists and you may not write to it; choose another name (nothing was written)"
            ),
            Unwritable::IsOpenPlan(db) => {
                let db = db.display();
                say!(
                    lang,
                    "是正在使用的计划数据库 {db} 本身或它旁边的日志/锁文件;输出会覆盖计划。请换一个文件名(未写入任何内容)",
                    "is the plan database in use ({db}) or its journal or lock file; the output \
                     would replace the plan. Choose another name (nothing was written)"
                )
            }
            Unwritable::IsDatabase(db) => {
                let db = db.display();
                say!(
                    lang,
                    "是 SQLite 数据库 {db}(计划或备份)或它的日志;输出会覆盖它。请换一个文件名(未写入任何内容)",
                    "is the SQLite database {db} (a plan or a backup) or its journal; the output \
                     would replace it. Choose another name (nothing was written)"
                )
            }
        }
    }

    pub(super) fn foreign(self, why: &Foreign) -> String {
        let lang = self;
        match why {
            Foreign::Zeros => say!(
                lang,
                "文件内容全是零字节(复制中断了?)",
                "it holds only zero bytes (an interrupted copy?)"
            ),
            Foreign::Utf16 { encoding } => {
                say!(
                    lang,
                    "它是 {encoding} 文本文件",
                    "it is a {encoding} text file"
                )
            }
            Foreign::Text => say!(lang, "它是文本文件", "it is a text file"),
            Foreign::NotSqlite => say!(lang, "它不是 SQLite 文件", "it is not a SQLite file"),
            Foreign::OtherProgram { app_id, tables } => {
                let tables = match (lang, tables) {
                    (Lang::Zh, Some(t)) => format!(",共 {t} 张表"),
                    (Lang::En, Some(t)) => format!(", {t} tables"),
                    (_, None) => String::new(),
                };
                say!(
                    lang,
                    "它是其他程序的 SQLite 数据库(application_id {app_id:#x}{tables});未作任何修改",
                    "it is a SQLite database of another program (application_id \
                     {app_id:#x}{tables}); nothing was changed"
                )
            }
        }
    }
}
