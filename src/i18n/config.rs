//! The config file's problems, in words: where (file and line), what, and
//! that the default is used instead.

use super::Lang;
use crate::domain::settings::{KeyRefused as Refused, KeyWhy, Problem, What};
use std::path::Path;

impl Lang {
    pub fn config_problem(self, path: &Path, p: &Problem) -> String {
        let lang = self;
        let file = path.display();
        let line = p.line;
        let at = if line == 0 {
            say!(lang, "配置文件 {file}", "config file {file}")
        } else {
            say!(
                lang,
                "配置文件 {file} 第 {line} 行",
                "config file {file}, line {line}"
            )
        };
        let what = match &p.what {
            What::Unreadable(why) => say!(lang, "无法读取({why})", "cannot be read ({why})"),
            What::Syntax(why) => say!(lang, "格式不对:{why}", "is not valid TOML: {why}"),
            What::Unknown { key } => say!(
                lang,
                "没有 “{key}” 这项设置(拼写错误?plan-cockpit config --print-default 列出全部设置)",
                "there is no setting \"{key}\" (a typo? plan-cockpit config --print-default lists them all)"
            ),
            What::Choice { key, got, choices } => say!(
                lang,
                "{key} 不能是 “{got}”(可选:{choices})",
                "{key} cannot be \"{got}\" (choose from: {choices})"
            ),
            What::Key {
                section,
                action,
                why,
            } => {
                let which = format!("[keys.{section}] {action}");
                let why = match why {
                    KeyWhy::Notation(n) => say!(
                        lang,
                        "“{n}” 不是可识别的按键写法(例如 q、G、ctrl-s、alt-b、f5)",
                        "\"{n}\" is not key notation (e.g. q, G, ctrl-s, alt-b, f5)"
                    ),
                    KeyWhy::Refused(r) => self.refused_key(r),
                };
                format!("{which}: {why}")
            }
        };
        let fallback = if line == 0 || matches!(p.what, What::Syntax(_)) {
            say!(
                lang,
                "已全部使用默认设置",
                "all settings are at their defaults"
            )
        } else {
            say!(lang, "此项使用默认设置", "its default is used")
        };
        say!(lang, "{at}: {what};{fallback}", "{at}: {what}; {fallback}")
    }

    /// Where the settings file is, and whether there is one.
    pub fn config_at(self, path: &Path, exists: bool) -> String {
        let lang = self;
        let path = path.display();
        if exists {
            say!(lang, "配置文件:{path}", "config file: {path}")
        } else {
            say!(
                lang,
                "配置文件:{path}(不存在,使用默认设置;plan-cockpit config --print-default > {path} 可生成一份)",
                "config file: {path} (none there: defaults in use; plan-cockpit config --print-default > {path} writes one)"
            )
        }
    }

    /// The terminal's locale is not UTF-8: what happens and the fix.
    pub fn not_utf8(self, locale: &str) -> String {
        let lang = self;
        say!(
            lang,
            "plan-cockpit:当前终端的字符集是 {locale},不是 UTF-8,中文会显示为乱码。\n\
             解决办法:\n\
             1. 在服务器上执行 export LANG=zh_CN.UTF-8(写入 ~/.bashrc 可长期有效);\n\
             2. 把终端软件的编码设为 UTF-8:\n\
             \u{20}  Xshell:文件 > 属性 > 终端 > 编码:Unicode (UTF-8)\n\
             \u{20}  PuTTY:Window > Translation > Remote character set:UTF-8\n\
             \u{20}  SecureCRT:会话选项 > 外观 > 字符编码:UTF-8\n\
             \u{20}  MobaXterm:会话设置 > Terminal settings > Term charset:UTF-8\n\
             确认终端已是 UTF-8 时,可用 plan-cockpit --force-utf8 直接启动。",
            "plan-cockpit: this terminal's locale is {locale}, not UTF-8: Chinese would be \
             drawn as garbage.\n\
             To fix it:\n\
             1. on the server, run export LANG=zh_CN.UTF-8 (add it to ~/.bashrc to keep it);\n\
             2. set the terminal program to UTF-8:\n\
             \u{20}  Xshell: File > Properties > Terminal > Encoding: Unicode (UTF-8)\n\
             \u{20}  PuTTY: Window > Translation > Remote character set: UTF-8\n\
             \u{20}  SecureCRT: Session Options > Appearance > Character encoding: UTF-8\n\
             \u{20}  MobaXterm: Session settings > Terminal settings > Term charset: UTF-8\n\
             If the terminal already is UTF-8, start anyway with plan-cockpit --force-utf8."
        )
    }

    fn refused_key(self, r: &Refused) -> String {
        let lang = self;
        match r {
            Refused::NoSection(s) => say!(
                lang,
                "没有 [keys.{s}] 这一组(运行 plan-cockpit config --print-default 查看各组)",
                "there is no [keys.{s}] (plan-cockpit config --print-default lists them)"
            ),
            Refused::NoAction { section, action } => say!(
                lang,
                "[keys.{section}] 中没有 {action} 这一操作",
                "[keys.{section}] has no action {action}"
            ),
            Refused::Clash {
                key,
                section,
                action,
            } => say!(
                lang,
                "按键 {key} 已用于 [keys.{section}] {action}",
                "the key {key} already means [keys.{section}] {action}"
            ),
            Refused::TypedInText(key) => say!(
                lang,
                "{key} 在输入框中用于输入文字,不能作为命令键(请加 ctrl- 或 alt-)",
                "{key} is typed as text in a text field; a command there needs ctrl- or alt-"
            ),
            Refused::NoKeys => say!(
                lang,
                "按键列表为空,该操作将无法使用",
                "an empty list would leave the action without a key"
            ),
        }
    }
}
