//! What went wrong with a PostgreSQL server or a copy between engines, in
//! words: the server's own message is kept (it names the row, the
//! constraint or the host), with what the planner or the administrator
//! can do about it.

use super::Lang;
use crate::store::tables::Kind;
use crate::store::transfer::Tally;
use crate::store::{Error, Misfit, ServerWhy};

impl Lang {
    pub fn password_in_string(self) -> String {
        let lang = self;
        say!(
            lang,
            "警告:连接串中写有密码,其他用户可在进程列表(ps)和命令历史中看到;请改用 ~/.pgpass(权限 0600)、PGPASSFILE 或 PGPASSWORD",
            "warning: the connection string holds a password, which other users can see in \
             the process list (ps) and your shell history; use ~/.pgpass (mode 0600), \
             PGPASSFILE or PGPASSWORD instead"
        )
    }

    /// What `migrate` copied, checked on both sides.
    pub fn migrated(self, from: String, to: &str, tally: &Tally) -> String {
        let lang = self;
        let rows = tally.rows();
        let tables = tally
            .tables
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(t, n)| format!("{} {n}", self.table(t)))
            .collect::<Vec<_>>()
            .join(" · ");
        let digest = tally.digest();
        say!(
            lang,
            "已把计划从 {from} 复制到 {to}:共 {rows} 行({tables});\n两边逐表行数与摘要一致:{digest}",
            "copied the plan from {from} to {to}: {rows} rows ({tables});\nrow counts and digest \
             equal on both sides: {digest}"
        )
    }

    pub fn server_not_yet(self) -> String {
        let lang = self;
        say!(
            lang,
            "这一版在 PostgreSQL 上提供除 backup 和 check 以外的全部命令(数据库的备份与检查\
             请用 pg_dump 和服务器自己的工具,或用 migrate 把计划复制成文件);未作任何修改",
            "on PostgreSQL this version runs every command but backup and check (back up and \
             check a database with pg_dump and the server's own tools, or copy the plan to a \
             file with migrate); nothing was changed"
        )
    }

    pub fn migrate_onto_itself(self, place: &str) -> String {
        let lang = self;
        say!(
            lang,
            "--from 与 --to 是同一个文件({place});未作任何修改",
            "--from and --to are the same file ({place}); nothing was changed"
        )
    }

    pub(super) fn server_error(self, e: &Error) -> String {
        let lang = self;
        match e {
            Error::NotOnServer => say!(
                lang,
                "这项操作在 PostgreSQL 上尚未提供,请在计划文件上进行;未作任何修改",
                "this is not offered on PostgreSQL yet; do it on a plan file; nothing was changed"
            ),
            Error::Pg { context, said } => {
                say!(
                    lang,
                    "PostgreSQL 出错({context}):{said};未作任何修改",
                    "PostgreSQL failed ({context}): {said}; nothing was changed"
                )
            }
            Error::Server { server, why } => {
                let why = self.server_why(why);
                say!(lang, "{server}:{why}", "{server}: {why}")
            }
            Error::Unfit {
                table,
                key,
                column,
                why,
            } => {
                let what = self.table(table);
                let why = self.misfit(*why);
                say!(
                    lang,
                    "{what}({table},{key})的 {column} 列{why};未复制任何内容",
                    "{table} ({key}), column {column}: {why}; nothing was copied"
                )
            }
            Error::CopyDiffers { sent, written } => say!(
                lang,
                "复制后读回的内容与源不一致(摘要 {written},源为 {sent});已撤销,目标未作任何修改",
                "what the copy wrote reads back differently (digest {written}, the source's \
                 {sent}); it was rolled back and the target is unchanged"
            ),
            Error::HoldsPlan { place } => say!(
                lang,
                "{place} 中已有计划;如确要替换,请加 --replace;未作任何修改",
                "{place} already holds a plan; add --replace to replace it; nothing was changed"
            ),
            other => other.to_string(),
        }
    }

    fn server_why(self, why: &ServerWhy) -> String {
        let lang = self;
        match why {
            ServerWhy::BadAddress(detail) => say!(
                lang,
                "连接串无法识别({detail});应为 postgres://用户@主机/数据库 或 host=… dbname=… 的形式",
                "the connection string does not parse ({detail}); give postgres://user@host/database \
                 or host=… dbname=…"
            ),
            ServerWhy::NoService(name) => say!(
                lang,
                "连接服务“{name}”在服务文件中没有定义(PGSERVICEFILE 或 ~/.pg_service.conf,以及 /etc/postgresql-common/pg_service.conf)",
                "the service {name:?} is in no service file (PGSERVICEFILE or \
                 ~/.pg_service.conf, and /etc/postgresql-common/pg_service.conf)"
            ),
            ServerWhy::BadSetting { key, from } => say!(
                lang,
                "{from} 给出的 {key} 无效;请改正或取消这项设置",
                "the {key} given by {from} is not valid; correct or unset it"
            ),
            ServerWhy::TooOld { version } => say!(
                lang,
                "服务器是 PostgreSQL {version},本程序需要 13 或更新的版本",
                "the server runs PostgreSQL {version}; plan-cockpit needs 13 or later"
            ),
            ServerWhy::NoTrigram => say!(
                lang,
                "服务器没有安装 pg_trgm 扩展(中文检索需要它);请管理员安装 PostgreSQL 的 contrib 组件",
                "the server lacks the pg_trgm extension, which Chinese search needs; ask the \
                 administrator to install PostgreSQL's contrib package"
            ),
            ServerWhy::LocaleBlindToChinese { ctype } => say!(
                lang,
                "数据库的字符分类(LC_CTYPE)是 {ctype},pg_trgm 在其中识别不出汉字,检索将逐行扫描;\
                 请用 LC_CTYPE 为 C.UTF-8 或 zh_CN.UTF-8 的数据库(CREATE DATABASE … LC_CTYPE 'C.UTF-8' TEMPLATE template0)",
                "the database's LC_CTYPE is {ctype}, under which pg_trgm sees no letters in Chinese \
                 and every search would scan every row; use a database created with LC_CTYPE \
                 'C.UTF-8' or 'zh_CN.UTF-8' (CREATE DATABASE … LC_CTYPE 'C.UTF-8' TEMPLATE template0)"
            ),
            ServerWhy::NeedsOwner {
                role,
                found,
                latest,
            } => say!(
                lang,
                "数据库结构需要从版本 {found} 升级到 {latest},而角色 {role} 无权建表;\
                 请用所有者角色运行一次 plan-cockpit check 完成升级",
                "the schema must go from version {found} to {latest}, and role {role} may not \
                 create tables; run plan-cockpit check once as the owner role to upgrade it"
            ),
            ServerWhy::NewerSchema { found, supported } => say!(
                lang,
                "数据库结构版本 {found} 比本程序支持的({supported})新;未作任何修改;请升级 plan-cockpit",
                "schema version {found} is newer than this plan-cockpit supports ({supported}); \
                 nothing was changed; upgrade plan-cockpit"
            ),
            ServerWhy::NotOurs => say!(
                lang,
                "当前 schema 中已有名为 plan 的表,但不是 plan-cockpit 的;未作任何修改;\
                 请换一个 schema(options=-csearch_path=…)或数据库",
                "the current schema has a table named plan that is not plan-cockpit's; nothing \
                 was changed; choose another schema (options=-csearch_path=…) or database"
            ),
            ServerWhy::Tls(why) => say!(
                lang,
                "无法建立加密连接(TLS):{why};未作任何修改",
                "cannot set up the encrypted connection (TLS): {why}; nothing was changed"
            ),
            ServerWhy::NoPlan => say!(
                lang,
                "这个数据库中还没有计划;请先用 plan-cockpit migrate --from 计划文件 --to 本连接串 \
                 把计划复制进来",
                "this database holds no plan yet; copy one in first with plan-cockpit migrate \
                 --from PLAN_FILE --to THIS_CONNECTION_STRING"
            ),
        }
    }

    fn misfit(self, why: Misfit) -> String {
        let lang = self;
        match why {
            Misfit::Nul => say!(
                lang,
                "含有 NUL 字符,PostgreSQL 的文本无法保存",
                "holds a NUL character, which PostgreSQL's text cannot hold"
            ),
            Misfit::Blob => say!(lang, "是二进制数据,不是文字或数字", "holds binary data"),
            Misfit::NotUtf8 => say!(lang, "不是 UTF-8 文字", "holds text that is not UTF-8"),
            Misfit::Kind { expected } => {
                let (zh, en) = match expected {
                    Kind::Int => ("整数", "a whole number"),
                    Kind::Real => ("数值", "a number"),
                    Kind::Text => ("文字", "text"),
                };
                say!(
                    lang,
                    "的值类型不对,应为{zh}",
                    "holds a value of another kind than {en}"
                )
            }
        }
    }
}
