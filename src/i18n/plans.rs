//! The words of the `plan` commands and of a plan's place among plans:
//! its default title, `plan show`, `--plan` naming another plan, and what a
//! carry-over into next year did.

use super::Lang;

impl Lang {
    /// A new plan's title when none is given: `南城街道2024年发展工作计划`.
    pub fn plan_title_of(self, unit: &str, year: i16) -> String {
        let unit = unit.trim();
        let lang = self;
        say!(
            lang,
            "{unit}{year}年发展工作计划",
            "{unit}{year}年发展工作计划"
        )
    }
    pub fn plan_needs_unit(self) -> String {
        let lang = self;
        say!(
            lang,
            "请用 --unit 写明是哪个单位的计划(如 --unit 南城街道);未作任何修改",
            "say whose plan it is with --unit (--unit 南城街道); nothing changed"
        )
    }
    /// `plan show`: the plan, whose, when it was put in, how much it holds.
    pub fn plan_shown(
        self,
        p: &crate::store::PlanSummary,
        place: &str,
        since: Option<&str>,
        counts: &crate::store::Counts,
    ) -> String {
        let lang = self;
        let (title, year, identity) = (&p.title, p.year, &p.identity);
        let unit = if p.unit.is_empty() {
            say!(lang, "(未写明)", "(not given)")
        } else {
            p.unit.clone()
        };
        let since = match since {
            Some(at) => {
                let by = &p.by;
                say!(lang, "{at},{by}", "{at}, by {by}")
            }
            None => say!(lang, "(首个计划)", "(the first plan)"),
        };
        let counts = self.counts(counts);
        say!(
            lang,
            "计划:{title}\n单位:{unit}\n年度:{year}\n位置:{place}\n放入:{since}\n标识:{identity}\n内容:{counts}",
            "plan:     {title}\nunit:     {unit}\nyear:     {year}\nplace:    {place}\nput in:   {since}\nidentity: {identity}\nholds:    {counts}"
        )
    }
    /// Plans as a refusal lists them.
    fn plans_held(self, plans: &[crate::store::PlanSummary]) -> String {
        let lang = self;
        let held: Vec<String> = plans
            .iter()
            .map(|p| {
                let (title, year) = (&p.title, p.year);
                let unit = if p.unit.is_empty() {
                    say!(lang, "未写明单位", "no unit given")
                } else {
                    p.unit.clone()
                };
                say!(lang, "{unit} {year}年({title})", "{unit}, {year} ({title})")
            })
            .collect();
        held.join("; ")
    }
    /// `--plan` names a plan the database does not hold.
    pub fn not_the_plan_meant(
        self,
        typed: &str,
        place: &str,
        plans: &[crate::store::PlanSummary],
    ) -> String {
        let lang = self;
        let held = self.plans_held(plans);
        say!(
            lang,
            "--plan {typed}:{place} 中的计划是 {held},不是所指的计划;未作任何修改",
            "--plan {typed}: {place} holds {held}, not the plan meant; nothing changed"
        )
    }
    /// `generate --units` on a lone plan file.
    pub fn city_needs_a_store(self, db: &std::path::Path) -> String {
        let db = db.display();
        let lang = self;
        say!(
            lang,
            "{db} 是单个计划文件,只能存放一个计划;生成多个单位的计划请用 --db 指向一个文件夹或 PostgreSQL 数据库;未作任何修改",
            "{db} is a plan file and holds one plan: for many units' plans give --db a folder or a PostgreSQL database; nothing changed"
        )
    }
    /// The detail's label for where a carried item stood in the earlier plan.
    pub fn earlier_year_label(self, year: i64) -> String {
        let lang = self;
        say!(lang, "{year}年", "In {year}")
    }
    /// A carried item's target, value and status in the earlier plan.
    pub fn earlier_standing(self, target: &str, current: &str, status: &str) -> String {
        let lang = self;
        say!(
            lang,
            "目标值 {target} · 完成值 {current} · {status}",
            "target {target} · achieved {current} · {status}"
        )
    }
    /// After a panic: where its report is.
    pub fn panic_reported(self, path: &std::path::Path) -> String {
        let path = path.display();
        let lang = self;
        say!(
            lang,
            "程序出错(这是程序的缺陷,不是您操作的问题);已写入报告 {path},请交给维护人员",
            "the program failed (a fault of the program, not of what you did); a report is in {path}: please pass it to whoever maintains it"
        )
    }
    /// `PLAN_COCKPIT_LOG` naming no level.
    pub fn bad_log_level(self, typed: &str) -> String {
        let lang = self;
        say!(
            lang,
            "PLAN_COCKPIT_LOG={typed} 不是日志级别(可用 error、warn、info、debug、trace);不记录日志,程序照常运行",
            "PLAN_COCKPIT_LOG={typed} is no log level (error, warn, info, debug, trace): nothing is logged; the program runs as usual"
        )
    }
    /// The log file cannot be opened.
    pub fn log_unwritable(self, path: &std::path::Path) -> String {
        let path = path.display();
        let lang = self;
        say!(
            lang,
            "无法写入日志文件 {path};不记录日志,程序照常运行",
            "cannot write the log file {path}: nothing is logged; the program runs as usual"
        )
    }
    /// `y` with no item selected.
    pub fn nothing_to_copy(self) -> &'static str {
        match self {
            Lang::Zh => "请先选中一项目标任务再按 y",
            Lang::En => "select an item first, then y",
        }
    }
    /// `y`: what was sent, and what a terminal needs for it to arrive.
    pub fn copied_line(self) -> &'static str {
        match self {
            Lang::Zh => {
                "已发送到剪贴板(终端需支持 OSC 52:Xshell、Windows Terminal、iTerm2 等;tmux 需 set -g set-clipboard on)"
            }
            Lang::En => {
                "sent to your clipboard (the terminal must allow OSC 52: Windows Terminal, iTerm2, kitty…; in tmux: set -g set-clipboard on)"
            }
        }
    }
    /// `O` on an item not carried over.
    pub fn not_carried(self) -> &'static str {
        match self {
            Lang::Zh => "所选目标任务不是从上一年度结转来的",
            Lang::En => "the selected item was not carried over from an earlier plan",
        }
    }
    /// `O` when the earlier plan is kept elsewhere.
    pub fn origin_elsewhere(self) -> &'static str {
        match self {
            Lang::Zh => "上一年度计划不在本库中(用 --db 打开它所在的文件、文件夹或数据库)",
            Lang::En => "the earlier plan is not in this store (open it with --db)",
        }
    }
    /// The plans side by side before the first answer.
    pub fn plans_loading(self) -> &'static str {
        match self {
            Lang::Zh => "正在读取本库中的计划……",
            Lang::En => "reading the store's plans…",
        }
    }
    /// The plans side by side (`P`): its title.
    pub fn plans_view_title(self, n: usize) -> String {
        let lang = self;
        say!(lang, "计划一览 · 共 {n} 个计划", "Plans side by side · {n}")
    }
    /// The city view's title: the year and how many units' plans.
    pub fn city_view_title(self, year: i64, n: usize) -> String {
        let lang = self;
        say!(
            lang,
            "城市 · {year}年度 · {n} 个单位(按 c 回到全部计划)",
            "The city · {year} · {n} units (c: all plans)"
        )
    }
    /// The city view's column heads before the directions.
    pub fn city_heads(self) -> [&'static str; 5] {
        match self {
            Lang::Zh => ["单位", "任务", "完成", "逾期", "完成度"],
            Lang::En => ["Unit", "Items", "Done", "Late", "Mean"],
        }
    }
    /// One plan's standing in the plans side by side.
    pub fn plan_standing_line(self, items: i64, done: i64, overdue: i64, progress: &str) -> String {
        let lang = self;
        say!(
            lang,
            "目标任务 {items} · 完成 {done} · 逾期 {overdue} · 平均完成度 {progress}",
            "{items} items · {done} done · {overdue} overdue · mean completion {progress}"
        )
    }
    /// The plan open now, in the plans side by side.
    pub fn plan_open_now(self) -> &'static str {
        match self {
            Lang::Zh => "(当前)",
            Lang::En => "(open)",
        }
    }
    /// The roles given the new plan on a server.
    pub fn plan_granted(self, roles: &str) -> String {
        let lang = self;
        say!(
            lang,
            "已授予权限:{roles}(见 docs/postgres-units.sql)",
            "granted to: {roles} (see docs/postgres-units.sql)"
        )
    }
    /// A database of several plans, and none named.
    pub fn choose_a_plan(self, place: &str, plans: &[crate::store::PlanSummary]) -> String {
        let lang = self;
        let held = self.plans_held(plans);
        say!(
            lang,
            "{place} 中有多个计划({held}),请用 --plan 单位/年度 指明是哪一个;未作任何修改",
            "{place} holds several plans ({held}): say which with --plan UNIT/YEAR; nothing changed"
        )
    }
    /// `plan indicators` with nothing linked.
    pub fn no_indicators(self) -> &'static str {
        match self {
            Lang::Zh => "没有目标任务关联指标(用 milestone set ID --indicator 指标名称 关联)",
            Lang::En => {
                "no target is linked to an indicator (milestone set ID --indicator NAME links one)"
            }
        }
    }
    /// `2024年 国家级高新技术企业数(家)`.
    pub fn indicator_heading(self, year: i64, name: &str, unit: &str) -> String {
        let lang = self;
        let unit = if unit.is_empty() {
            String::new()
        } else {
            format!("({unit})")
        };
        say!(lang, "{year}年 {name}{unit}", "{year} {name}{unit}")
    }
    /// One unit's (or the total's) line under an indicator.
    pub fn indicator_line(self, who: &str, target: &str, current: &str, items: i64) -> String {
        let lang = self;
        say!(
            lang,
            "{who}:目标值 {target},完成值 {current}({items} 项目标任务)",
            "{who}: target {target}, achieved {current} ({items} items)"
        )
    }
    pub fn indicator_total(self) -> &'static str {
        match self {
            Lang::Zh => "合计",
            Lang::En => "Total",
        }
    }
    /// The detail's label for the shared indicator a target counts towards.
    pub fn indicator_label(self) -> &'static str {
        match self {
            Lang::Zh => "指标",
            Lang::En => "Indicator",
        }
    }
    /// The detail's label for where a carried item came from.
    pub fn carried_label(self) -> &'static str {
        match self {
            Lang::Zh => "结转自",
            Lang::En => "Carried over from",
        }
    }
    /// The item it was carried over from, by its id there.
    pub fn carried_item(self, id: &str) -> String {
        let lang = self;
        say!(
            lang,
            "上一计划的目标任务 #{id}",
            "item #{id} of the earlier plan"
        )
    }
    pub fn plan_new_would_hold(self, title: &str, directions: usize, projects: usize) -> String {
        let lang = self;
        say!(
            lang,
            "试运行,未写入任何内容:{title},{directions} 个方向、{projects} 个项目",
            "dry run, nothing written: {title}, {directions} directions, {projects} projects"
        )
    }
    pub fn carried_count(self, carried: usize, done: usize, dropped: usize) -> String {
        let lang = self;
        say!(
            lang,
            "结转未完成的目标任务 {carried} 项(各自注明来源);已完成 {done} 项、已取消 {dropped} 项留在原计划",
            "{carried} unfinished items carried over (each marked with where it came from); {done} done and {dropped} cancelled stay in the earlier plan"
        )
    }
    pub fn carry_onto_itself(self, place: &str) -> String {
        let lang = self;
        say!(
            lang,
            "--from 与 --db 是同一个计划({place}):新计划要写入另一个文件;未作任何修改",
            "--from and --db are the same plan ({place}): the new plan goes into another file; nothing changed"
        )
    }
    pub fn carry_not_later(self, year: i16, earlier: i32) -> String {
        let lang = self;
        say!(
            lang,
            "--year {year} 不在原计划的年度({earlier}年)之后;未作任何修改",
            "--year {year} is not after the earlier plan's year ({earlier}); nothing changed"
        )
    }
}
