//! `--help` in Chinese: what each command and option is for, in a
//! planner's words. English lives beside the code (clap's doc comments);
//! a unit test in `cli::help` holds the two tables to the same commands
//! and options, so a new option without its Chinese fails the build's
//! tests, not a planner's screen.

/// The Chinese help of a command (`id` empty) or of one of its options.
/// `path` is the command as typed after the program's name (`milestone
/// set`), empty for the program itself.
pub fn help_zh(path: &str, id: &str) -> Option<&'static str> {
    super::help_options::option_zh(path, id).or_else(|| command_zh(path, id))
}

fn command_zh(path: &str, id: &str) -> Option<&'static str> {
    if !id.is_empty() {
        return None;
    }
    Some(match path {
        "" => "东城街道“3+5+N”发展工作计划的终端驾驶舱",
        "init" => "用内置的2023年计划建立数据库",
        "import" => "用一个 JSON 文件替换整个计划(要么全部写入,要么分毫不改);`-` 从标准输入读",
        "export" => "导出计划:JSON(完整无损)、CSV(电子表格)或 Markdown(阅读)",
        "generate" => {
            "用逼真的合成计划填充数据库(演示数据,也是基准测试所测的计划),种子相同则计划相同。\
             规模有上限(城市级计划为 5,000 个项目、100,000 个目标任务),输错的数字被拒绝而不是照单分配"
        }
        "check" => "检查数据库:结构版本、完整性、各类数量",
        "config" => "设置文件在哪里,其中哪些内容无法识别",
        "migrate" => {
            "在文件与 `PostgreSQL` 之间(双向)复制整个计划,连同修改历史、备注、填报记录、草稿、\
             编号和版本;提交前在两边核对行数和摘要"
        }
        "backup" => "把正在使用的数据库复制成一个新文件(他人工作时也安全)",
        "milestone" => "列出或修改目标任务",
        "milestone list" => "每个目标任务一行:编号、状态、完成时限、完成值、所在位置",
        "milestone set" => "修改一个目标任务:完成值、状态、完成时限、备注等",
        "project" => "修改项目",
        "project set" => "修改一个项目的责任单位和责任人,或它服务的方面",
        "log" => "全计划的修改记录,最新的在前:谁在何时、何处改了什么",
        "report" => "每周工作进展报告:总体情况、分组进展、上次报告以来的变化、存在问题、下步计划",
        "import-values" => {
            "收回台账:把用 `export --format csv` 导出、在 Excel/WPS 中填过的 CSV 里的完成值和状态\
             作为修改写入;导出后已被他人改过的行只列出,绝不覆盖"
        }
        "baseline" => "基线:某一天的目标值和完成时限",
        "baseline save" => "把现在的全部目标值和完成时限存为一个基线,名称由参数给出",
        "baseline list" => "已存的基线,最早的在前",
        "user" => "人员名册:登录名在报告、修改历史和修改记录中显示的姓名和单位",
        "user set" => "给登录名配上姓名:`user set lihua --name 李华 --unit 经济发展局`",
        "user list" => "已登记的每个人:登录名、姓名、单位",
        "plan" => {
            "计划本身:台账模板与由台账建计划(`plan template`、`plan import`)、新建计划和结转、\
             存储中的计划、全市指标汇总"
        }
        "plan template" => "写出单位填报用的空白台账模板:各列、一行示例,以及(工作簿中)每列怎么填",
        "plan import" => "由填好的台账(`xlsx` 工作簿或 CSV)生成数据库的计划",
        "plan list" => "存储中的计划:单位、年份、标题",
        "plan show" => "当前计划:单位、年份、标题、标识、写入时间和所含数量",
        "plan new" => {
            "为一个单位和年份新建计划:“3+5+N”框架(2023年计划的三个方向、五大工程和各方面)、\
             只有方向,或沿用上一计划的框架并结转其未完成项(`--from 上一计划.db --carry-over`)"
        }
        "plan indicators" => {
            "全市共享指标(指标)在存储各计划间的汇总,逐年:各单位关联的目标任务及其数值,以及合计"
        }
        "completions" => {
            "在标准输出写出命令补全脚本(`bash`、`zsh`、`fish` 等),\
             如 `plan-cockpit completions bash > /etc/bash_completion.d/plan-cockpit`"
        }
        "man" => "在标准输出写出手册页(`roff` 格式):`plan-cockpit man > plan-cockpit.1`",
        _ => return None,
    })
}

/// A placeholder (`<PATH>`) in Chinese; `None` keeps it as it is (dates
/// and single letters read the same in both languages).
pub fn value_name_zh(name: &str) -> Option<&'static str> {
    Some(match name {
        "PATH" => "路径",
        "PLAN" => "计划",
        "LANG" => "语言",
        "FILE" => "文件",
        "DEST" => "新文件",
        "FILE|URL" => "文件|连接串",
        "MIB" => "大小",
        "FORMAT" => "格式",
        "PROJECTS" | "MILESTONES" | "UNITS" | "YEARS" => "个数",
        "NOTES" | "READINGS" => "条数",
        "SEED" => "种子",
        "DIRECTION" => "方向",
        "DAYS" => "天数",
        "WHO" => "单位或人",
        "LIGHTS" => "灯色",
        "ID" => "编号",
        "TEXT" => "文字",
        "UNIT" => "单位",
        "TITLE" => "标题",
        "UNIT/LEAD" => "单位/责任人",
        "YEAR=N" => "年份=数值",
        "NAME" => "名称",
        "AREAS" => "方面",
        "USER" => "用户",
        "BY" => "分组",
        "EARLIER" => "上一计划",
        "YEAR" => "年份",
        "LOGIN" => "登录名",
        "FRAME" => "框架",
        "SHELL" => "外壳",
        "COMMAND" => "命令",
        _ => return None,
    })
}

/// The words clap itself puts into a help page.
pub struct HelpWords {
    pub usage: &'static str,
    pub commands: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    pub global_options: &'static str,
    pub options_placeholder: &'static str,
    pub help_flag: &'static str,
    pub version_flag: &'static str,
    pub help_command: &'static str,
    pub default: &'static str,
    pub choices: &'static str,
    pub env: &'static str,
}

pub static HELP_ZH: HelpWords = HelpWords {
    usage: "用法:",
    commands: "命令",
    arguments: "参数",
    options: "选项",
    global_options: "全局选项",
    options_placeholder: "[选项]",
    help_flag: "显示帮助",
    version_flag: "显示版本",
    help_command: "显示本帮助,或所给命令的帮助",
    default: "默认",
    choices: "可选",
    env: "环境变量",
};
