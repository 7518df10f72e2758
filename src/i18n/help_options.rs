//! The Chinese help of every option and argument, by command and option
//! id (clap's, the field's name). Defaults, choices and environment
//! variables are added from clap's own definition, never written here.

pub(super) fn option_zh(path: &str, id: &str) -> Option<&'static str> {
    const JSON_ARRAY: &str = "改为输出 JSON 数组,供脚本使用";
    const REPLACE: &str = "替换数据库中已有的计划;先写一份备份";
    const TITLE: &str = "计划标题(默认:单位 + 年份 + “年发展工作计划”)";
    const OUTPUT: &str = "写进这个文件,而不是标准输出";
    Some(match (path, id) {
        // Global: shown under every command.
        (_, "db") => {
            "计划数据库:一个文件、存放多个计划的文件夹,或 `postgres://…` 连接串\
             (未给时:`$XDG_DATA_HOME/plan-cockpit/plan.db`)"
        }
        (_, "plan") => {
            "所指的计划:单位/年份(`南城街道/2024`)、年份、单位,或 `plan show` 显示的标识;\
             所给数据库须存有该计划"
        }
        (_, "lang") => "界面和报告的语言(未给时:依 `LC_ALL`、`LC_MESSAGES`、`LANG`)",
        (_, "read_only") => "只读打开数据库:只查看,不作任何修改",
        (_, "allow_network_fs") => "数据库在网络文件系统(`NFS`、`SMB`、`sshfs`)上也照样打开",
        (_, "ascii") => {
            "边框、进度条和标记只用 `ASCII` 字符画(用于把“宽度不明”的字符画成两格宽的终端)"
        }
        (_, "force_utf8") => "所在环境的字符集不是 UTF-8 也照样启动驾驶舱",
        (_, "config") => "设置文件(未给时:`$XDG_CONFIG_HOME/plan-cockpit/config.toml`)",
        ("init", "force") => REPLACE,
        ("import", "file") => "要导入的 JSON 文件;`-` 为标准输入",
        ("import", "replace") => REPLACE,
        ("import", "max_size") => "拒绝大于这么多 MiB 的文件(1 至 1048576)",
        ("export", "format") => "格式(未给时:按 `-o` 的扩展名,否则 `json`)",
        ("export", "output") => OUTPUT,
        ("generate", "projects") => "项目个数,1 至 1,000,000",
        ("generate", "milestones") => "目标任务个数,0 至 10,000,000",
        ("generate", "notes") => "备注条数,0 至 100,000,000",
        ("generate", "readings") => "历次填报记录的条数,0 至 100,000,000(未给时:每个定量指标三条)",
        ("generate", "seed") => "随机种子:种子相同,生成的计划相同",
        ("generate", "replace") => REPLACE,
        ("generate", "units") => {
            "城市:这么多个单位的计划(先用东莞各镇街的名称,再往后为 单位33……),\
             每个都按所给规模,写入多计划的存储(文件夹或服务器)"
        }
        ("generate", "years") => "与 `--units` 同用:每个单位这么多年的计划,从2023年起",
        ("config", "print_default") => "打印一份完整的设置文件(每行都已注释掉),可从它改起",
        ("migrate", "from") => "要复制的计划:文件,或 `postgres://…`(任何 `libpq` 连接串)",
        ("migrate", "to") => "复制到哪里:文件(不存在则新建),或 `postgres://…`",
        ("migrate", "replace") => "替换目标中已有的计划(文件会先备份)",
        ("backup", "dest") => "备份写入的新文件",
        ("milestone list", "direction") => "只看这个方向(代码、中文名或英文名)",
        ("milestone list", "overdue") => "只看已过完成时限、既未完成也未取消的目标任务",
        ("milestone list", "due_within") => {
            "待办:已逾期或在这么多天内到期的未完成工作,逾期的在前(0 至 3650)"
        }
        ("milestone list", "undated") => "与待办同用(或单独用):没有完成时限的未完成工作",
        ("milestone list" | "report", "owner") => {
            "只看这个单位或这个人负责的工作(责任单位或责任人的一部分即可;\
             未写责任人的目标任务归其项目的)"
        }
        ("milestone list", "light") => {
            "只看进度判断亮这些灯的项:`red` 红灯、`yellow` 黄灯、`green` 绿灯、\
             `grey` 灰灯(尚无填报或尚无年度目标)、`off` 不评判;如 `red,yellow`(或 `红灯,黄灯`)"
        }
        ("milestone list" | "log" | "user list" | "plan list" | "plan indicators", "json") => {
            JSON_ARRAY
        }
        ("milestone list", "csv") => {
            "改为输出给 Excel/WPS 打开的 CSV(带字节顺序标记的 UTF-8):列表的各列,\
             以及每项的进度判断"
        }
        ("milestone set", "id") => "目标任务的编号(见 `milestone list`)",
        ("milestone set", "current") => "新的完成值",
        ("milestone set", "add") => "在完成值上累加(几个人同时累加也不会丢)",
        ("milestone set", "as_of") => "这个数值成立的日期(补录的数字;未给时:今天)",
        ("milestone set", "status") => {
            "`planned`、`active`、`at_risk`、`blocked`、`done`、`dropped`\
             (或 计划中、进行中、有风险、受阻、已完成、已取消)"
        }
        ("milestone set", "due") => "完成时限,`YYYY-MM-DD`",
        ("milestone set", "note") => "添加一条备注",
        ("milestone set", "expect_version") => {
            "该目标任务已不是这个版本(见 `list --json`)就拒绝:有人先改过了"
        }
        ("milestone set", "target") => "新的目标值",
        ("milestone set", "unit") => "新的计量单位(家、亿元、个、%……)",
        ("milestone set", "title") => "新的标题",
        ("milestone set", "owner") => {
            "责任单位/责任人,如 `经发局/张三`;给 `\"\"` 则由项目的责任单位负责"
        }
        ("milestone set", "weight") => "在所属项目进度中的权重(默认 1;大于 0,至多 1000)",
        ("milestone set", "base") => "年初基数:本年的完成度从它算起(默认 0)",
        ("milestone set", "steps") => {
            "跨年目标的分年度目标,如 `2023=560`;`2023=` 删去该年的;可为几个年份各给一次"
        }
        ("milestone set", "indicator") => {
            "计入的全市共享指标,如 国家级高新技术企业数;给 `\"\"` 取消关联。\
             `plan indicators` 在存储的各计划间汇总每个指标"
        }
        ("project set", "id") => "项目的编号",
        ("project set", "owner") => "责任单位/责任人,如 `经发局/张三`;给 `\"\"` 则不写",
        ("project set", "areas") => "它服务的方面,如 `就业、教育`(名称或代码);给 `\"\"` 则无",
        ("project set", "expect_version") => "该项目已不是这个版本就拒绝:有人先改过了",
        ("log", "since") => "从这一天起(本地时间)",
        ("log", "user") => "只看这个用户的修改",
        ("log", "direction") => "只看这个方向下的修改(代码、中文名或英文名)",
        ("report", "as_of") => "评判计划的截至日期(未给时:今天)",
        ("report", "since") => "列出这一天以来的变化(未给时:截至日期前 7 天)",
        ("report", "week") => "最近 7 天的变化(默认如此)",
        ("report", "by") => "表格怎样分组",
        ("report", "format") => "格式(未给时:按 `-o` 的扩展名,否则 `markdown`)",
        ("report", "output") => OUTPUT,
        ("report", "baseline") => "另外列出自这个基线以来变动过的目标值和完成时限",
        ("report", "ahead") => {
            "下步计划往后看这么多天(0 至 3650;未给时:到下月底,计划年度的第四季度则到年底)"
        }
        ("report", "quotes") => "附上计划原文摘录:每段一次,连同引用它的各项(原文不当作进展备注)",
        ("report", "year_end") => {
            "改为年终考核:本年每一项的年度目标、完成情况和 完成/未完成,按方向和工程统计\
             (以 12 月 31 日为准,此前则以今天为准)"
        }
        ("report", "summary") => {
            "改为一页的领导版:各类进度判断的数量、各方向和工程的完成度对照序时进度的图、\
             最差的红灯项和即将到期的工作(`docx`、`html` 或 `markdown`)"
        }
        ("report", "compare") => {
            "改为两年对照:本计划与上一计划(文件、`postgres://…`,或同一存储中的 `2023`、\
             `东城街道/2023`)——两年按方向和工程的数量,以及从上一计划结转的每个目标及其\
             各年的目标、完成值和结果"
        }
        ("report", "year") => "考核哪一年(未给时:计划的年份)",
        ("import-values", "file") => "填过的 CSV 文件",
        ("import-values" | "plan import" | "plan new", "dry_run") => {
            "只说明将会怎样,不写入任何内容"
        }
        ("import-values", "as_of") => "这些数值成立的日期(未给时:今天)",
        ("baseline save", "name") => "基线的名称",
        ("user set", "login") => "登录名",
        ("user set", "name") => "该登录名显示的姓名(给 `\"\"` 则重新显示登录名)",
        ("user set", "unit") => "此人所在的科室或单位",
        ("plan template", "format") => "模板的格式",
        ("plan template", "output") => {
            "写到哪里(未给时:当前文件夹中的 台账模板.xlsx 或 .csv,绝不覆盖已有的文件)"
        }
        ("plan import", "file") => "填好的台账:工作簿(`.xlsx`)或 CSV 文件(UTF-8)",
        ("plan import", "year") => "计划的年份:年底、6月30日 之类的完成时限都落在这一年",
        ("plan import", "unit") => "计划所属的单位(东城街道、南城街道),写进标题",
        ("plan new", "unit") => {
            "计划所属的单位(东城街道、南城街道),写进标题(与 `--from` 同用时未给则取上一计划的)"
        }
        ("plan import" | "plan new", "title") => TITLE,
        ("plan import" | "plan new", "replace") => REPLACE,
        ("plan show", "json") => "改为输出 JSON 对象,供脚本使用",
        ("plan new", "year") => "新计划的年份",
        ("plan new", "frame") => "新计划的框架",
        ("plan new", "from") => "上一计划(文件或 `postgres://…`),新计划沿用它的框架;它只被读取",
        ("plan new", "carry_over") => {
            "与 `--from` 同用:结转每个未完成、未取消的项,连同项目、责任人和最近进度,各注明来处"
        }
        ("plan indicators", "year") => "只看这一年",
        ("completions", "shell") => "哪种命令行外壳",
        _ => return None,
    })
}
