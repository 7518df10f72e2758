//! zh-CN and English words. Chosen once at start from `--lang`, else
//! LC_ALL / LC_MESSAGES / LANG: a locale starting with `zh` gives Chinese.

use crate::domain::{Kind, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    Zh,
    #[default]
    En,
}

impl Lang {
    /// The first of LC_ALL, LC_MESSAGES, LANG that is set and not empty
    /// decides, as in POSIX locale lookup.
    pub fn from_env() -> Lang {
        let var = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty());
        Lang::from_locale(var.as_deref().unwrap_or(""))
    }

    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    pub fn ui(self) -> &'static Ui {
        match self {
            Lang::Zh => &UI_ZH,
            Lang::En => &UI_EN,
        }
    }

    pub fn words(self) -> &'static Words {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    pub fn status(self, s: Status) -> &'static str {
        match self {
            Lang::Zh => s.label_zh(),
            Lang::En => s.label_en(),
        }
    }

    pub fn kind(self, k: Kind) -> &'static str {
        match (self, k) {
            (Lang::Zh, Kind::Numeric) => "定量指标",
            (Lang::Zh, Kind::YesNo) => "定性任务",
            (Lang::En, Kind::Numeric) => "numeric",
            (Lang::En, Kind::YesNo) => "yes/no",
        }
    }

    /// A group's name in this language; falls back to the Chinese name.
    pub fn name<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        if self == Lang::En && !en.is_empty() {
            en
        } else {
            zh
        }
    }
}

/// Every word the reports use. Both languages must fill every field, so a
/// missing translation is a compile error, not a blank on screen.
pub struct Words {
    pub id: &'static str,
    pub direction: &'static str,
    pub directions: &'static str,
    pub program: &'static str,
    pub programs: &'static str,
    pub area: &'static str,
    pub areas: &'static str,
    pub project: &'static str,
    pub projects: &'static str,
    pub milestone: &'static str,
    pub milestones: &'static str,
    pub kind: &'static str,
    pub unit: &'static str,
    pub baseline: &'static str,
    pub current: &'static str,
    pub target: &'static str,
    pub current_target: &'static str,
    pub progress: &'static str,
    pub due: &'static str,
    pub status: &'static str,
    pub owner: &'static str,
    pub updated_at: &'static str,
    pub updated_by: &'static str,
    pub notes: &'static str,
    pub readings: &'static str,
    pub source: &'static str,
    pub year: &'static str,
    pub none: &'static str,
    pub no_projects: &'static str,
}

pub static ZH: Words = Words {
    id: "编号",
    direction: "方向",
    directions: "重点方向",
    program: "工程",
    programs: "工程",
    area: "方面",
    areas: "民生与治理方面",
    project: "项目",
    projects: "项目",
    milestone: "目标任务",
    milestones: "目标任务",
    kind: "类型",
    unit: "单位",
    baseline: "基数",
    current: "完成值",
    target: "目标值",
    current_target: "完成值 / 目标值",
    progress: "进度(%)",
    due: "完成时限",
    status: "状态",
    owner: "负责人",
    updated_at: "更新时间",
    updated_by: "更新人",
    notes: "备注",
    readings: "填报记录",
    source: "来源",
    year: "年度",
    none: "—",
    no_projects: "(暂无项目)",
};

pub static EN: Words = Words {
    id: "ID",
    direction: "Direction",
    directions: "Directions",
    program: "Program",
    programs: "Programs",
    area: "Area",
    areas: "Livelihood and governance areas",
    project: "Project",
    projects: "Projects",
    milestone: "Milestone",
    milestones: "Milestones",
    kind: "Kind",
    unit: "Unit",
    baseline: "Baseline",
    current: "Current",
    target: "Target",
    current_target: "Current / Target",
    progress: "Progress (%)",
    due: "Due",
    status: "Status",
    owner: "Owner",
    updated_at: "Updated at",
    updated_by: "Updated by",
    notes: "Notes",
    readings: "Readings",
    source: "Source",
    year: "Year",
    none: "—",
    no_projects: "(no projects yet)",
};

/// The cockpit's words.
pub struct Ui {
    pub app: &'static str,
    pub projects_n: &'static str,
    pub milestones_n: &'static str,
    pub done_n: &'static str,
    pub empty: &'static str,
    pub no_due: &'static str,
    pub yes_no: &'static str,
    /// A qualitative task's value: done, or not yet.
    pub task_done: &'static str,
    pub task_open: &'static str,
    pub readings: &'static str,
    pub notes: &'static str,
    pub history: &'static str,
    pub owner: &'static str,
    pub updated: &'static str,
    pub version: &'static str,
    pub baseline: &'static str,
    pub target: &'static str,
    pub current: &'static str,
    pub due: &'static str,
    pub status: &'static str,
    pub kind: &'static str,
    pub progress: &'static str,
    pub overdue: &'static str,
    pub search_title: &'static str,
    pub search_prompt: &'static str,
    pub no_results: &'static str,
    pub results_n: &'static str,
    /// Said while the query is too short to search notes.
    pub notes_need_more: &'static str,
    /// Said before a schema upgrade that rebuilds indexes: {db} {from} {to}.
    pub upgrading: &'static str,
    pub hit_project: &'static str,
    pub hit_milestone: &'static str,
    pub hit_note: &'static str,
    pub help_title: &'static str,
    pub help_keys: &'static str,
    pub layer_panes: &'static str,
    pub layer_search: &'static str,
    pub layer_form: &'static str,
    pub layer_menu: &'static str,
    pub layer_editor: &'static str,
    pub layer_confirm: &'static str,
    pub layer_help: &'static str,
    pub layer_text: &'static str,
    pub layer_every: &'static str,
    pub form_value: &'static str,
    pub form_due: &'static str,
    pub form_target: &'static str,
    pub form_rename_milestone: &'static str,
    pub form_rename_project: &'static str,
    pub form_add_project: &'static str,
    pub form_add_milestone: &'static str,
    pub form_value_help: &'static str,
    pub form_due_help: &'static str,
    pub form_target_help: &'static str,
    pub status_title: &'static str,
    pub editor_new: &'static str,
    pub editor_edit: &'static str,
    pub confirm_title: &'static str,
    pub read_only: &'static str,
    pub saved: &'static str,
    pub added: &'static str,
    pub deleted: &'static str,
    pub undone: &'static str,
    pub nothing_to_undo: &'static str,
    pub not_saved: &'static str,
    /// `{by}` and `{at}` are filled in.
    pub conflict: &'static str,
    pub text_kept: &'static str,
    pub choose_milestone: &'static str,
    pub choose_note: &'static str,
    pub yes_no_has_no_value: &'static str,
    pub not_a_number: &'static str,
    pub not_a_date: &'static str,
    pub delete_project: &'static str,
    pub delete_milestone: &'static str,
    pub delete_note: &'static str,
    pub cannot_undo: &'static str,
    pub discard_note: &'static str,
    pub quit_discarding: &'static str,
    pub too_small: &'static str,
    pub draft_not_saved: &'static str,
    pub conflict_title: &'static str,
    pub theirs: &'static str,
    pub mine: &'static str,
    pub kept_theirs: &'static str,
    pub note_text: &'static str,
    pub name: &'static str,
    /// `{at}` and `{text}` are filled in.
    pub restore_draft: &'static str,
    /// `{by}`, `{at}` and `{title}` are filled in.
    pub plan_replaced: &'static str,
    pub plan_replaced_title: &'static str,
    /// `{db}` is filled in.
    pub created_plan: &'static str,
    /// `{file}` is filled in.
    pub text_kept_in: &'static str,
    pub text_not_kept: &'static str,
    pub file_deleted: &'static str,
    pub file_replaced: &'static str,
    /// `{n}` is filled in.
    pub file_hard_linked: &'static str,
}

impl Ui {
    /// A qualitative task's value, as a progress table writes it.
    pub fn task_value(&self, status: Status) -> &'static str {
        if status == Status::Done {
            self.task_done
        } else {
            self.task_open
        }
    }
}

pub static UI_ZH: Ui = Ui {
    app: "规划驾驶舱",
    projects_n: "个项目",
    milestones_n: "个目标任务",
    done_n: "已完成",
    empty: "(空)",
    no_due: "未设时限",
    yes_no: "定性任务",
    task_done: "已完成",
    task_open: "未完成",
    readings: "填报记录",
    notes: "备注",
    history: "最近修改",
    owner: "负责人",
    updated: "更新",
    version: "版本",
    baseline: "基数",
    target: "目标值",
    current: "完成值",
    due: "完成时限",
    status: "状态",
    kind: "类型",
    progress: "进度",
    overdue: "已逾期",
    search_title: "搜索项目、目标任务和备注",
    search_prompt: "输入关键字",
    no_results: "没有匹配的结果",
    results_n: "条结果",
    notes_need_more: "再输入一个字搜索备注",
    upgrading: "正在把 {db} 从数据库版本 {from} 升级到 {to}(重建汇总和搜索索引;百万条备注约需一分钟,请勿中断)……",
    hit_project: "项目",
    hit_milestone: "目标任务",
    hit_note: "备注",
    help_title: "帮助",
    help_keys: "按键",
    layer_panes: "浏览",
    layer_search: "搜索",
    layer_form: "输入框",
    layer_menu: "菜单",
    layer_editor: "备注编辑器",
    layer_confirm: "确认",
    layer_help: "帮助",
    layer_text: "文字输入(搜索、输入框、备注编辑器)",
    layer_every: "任何时候",
    form_value: "填报完成值",
    form_due: "完成时限",
    form_target: "目标值和单位",
    form_rename_milestone: "重命名目标任务",
    form_rename_project: "重命名项目",
    form_add_project: "新增项目",
    form_add_milestone: "新增目标任务",
    form_value_help: "数字,例如 512 或 1.5;将记为今天的填报",
    form_due_help: "格式 YYYY-MM-DD,例如 2023-12-31",
    form_target_help: "数字加单位,例如 600 家",
    status_title: "选择状态",
    editor_new: "新备注",
    editor_edit: "编辑备注",
    confirm_title: "请确认",
    read_only: "只读",
    plan_replaced: "计划已被 {by} 于 {at} 替换为《{title}》;未向新计划保存任何内容",
    plan_replaced_title: "计划已被替换",
    created_plan: "已新建 {db},载入2023年计划",
    text_kept_in: "您的输入已另存到 {file}",
    text_not_kept: "您的输入无法另存",
    file_deleted: "数据库文件已被删除,此后不再写入;请重新打开计划",
    file_replaced: "数据库文件已被另一个文件替换,此后不再写入;请重新打开计划",
    file_hard_linked: "数据库文件有 {n} 个硬链接,多个名称同时写入会损坏文件,此后不再写入;请只保留一个名称后重新打开",
    saved: "已保存",
    added: "已添加",
    deleted: "已删除",
    undone: "已撤销",
    nothing_to_undo: "本次会话没有可撤销的修改",
    not_saved: "未保存",
    conflict: "未保存:{by} 于 {at} 已修改此项",
    text_kept: "您的输入已保留;再按 Enter 覆盖,Esc 取消",
    choose_milestone: "请先进入项目并选择一个目标任务(Enter)",
    choose_note: "请先在目标任务详情中选择一条备注",
    yes_no_has_no_value: "这是定性任务,没有数值;请用 s 修改状态",
    not_a_number: "不是有效数字",
    not_a_date: "不是有效日期",
    delete_project: "删除项目",
    delete_milestone: "删除目标任务",
    delete_note: "删除备注",
    cannot_undo: "及其全部内容?此操作无法撤销。",
    discard_note: "备注有未保存的修改,确定放弃吗?",
    quit_discarding: "备注有未保存的修改,确定放弃并退出吗?",
    too_small: "窗口太小",
    draft_not_saved: "草稿未能保存(文字仍在编辑器中)",
    conflict_title: "冲突:他人已修改此项",
    theirs: "他人的",
    mine: "我的",
    kept_theirs: "已保留他人的版本",
    note_text: "备注内容",
    name: "名称",
    restore_draft: "发现 {at} 未保存的备注草稿:“{text}”。恢复吗?(n 将丢弃草稿)",
};

pub static UI_EN: Ui = Ui {
    app: "plan cockpit",
    projects_n: "projects",
    milestones_n: "milestones",
    done_n: "done",
    empty: "(empty)",
    no_due: "no due date",
    yes_no: "yes/no",
    task_done: "done",
    task_open: "not done",
    readings: "Readings",
    notes: "Notes",
    history: "Recent changes",
    owner: "Owner",
    updated: "Updated",
    version: "version",
    baseline: "Baseline",
    target: "Target",
    current: "Current",
    due: "Due",
    status: "Status",
    kind: "Kind",
    progress: "Progress",
    overdue: "overdue",
    search_title: "Search projects, milestones and notes",
    search_prompt: "type to search",
    no_results: "no matches",
    results_n: "results",
    notes_need_more: "type one more character to search notes",
    upgrading: "upgrading {db} from schema version {from} to {to} (rebuilds roll-ups and search indexes: about a minute for a million notes; do not interrupt)…",
    hit_project: "project",
    hit_milestone: "milestone",
    hit_note: "note",
    help_title: "Help",
    help_keys: "Keys",
    layer_panes: "Panes",
    layer_search: "Search",
    layer_form: "Input field",
    layer_menu: "Menu",
    layer_editor: "Note editor",
    layer_confirm: "Confirm",
    layer_help: "Help",
    layer_text: "Typing (search, input field, note editor)",
    layer_every: "Anywhere",
    form_value: "Record current value",
    form_due: "Due date",
    form_target: "Target and unit",
    form_rename_milestone: "Rename milestone",
    form_rename_project: "Rename project",
    form_add_project: "New project",
    form_add_milestone: "New milestone",
    form_value_help: "a number, e.g. 512 or 1.5; recorded as today's reading",
    form_due_help: "YYYY-MM-DD, e.g. 2023-12-31",
    form_target_help: "a number and a unit, e.g. 600 家",
    status_title: "Choose a status",
    editor_new: "New note",
    editor_edit: "Edit note",
    confirm_title: "Please confirm",
    read_only: "read-only",
    plan_replaced: "the plan was replaced by {by} at {at} with \u{201c}{title}\u{201d}; nothing was saved into the new plan",
    plan_replaced_title: "The plan was replaced",
    created_plan: "created {db} with the 2023 plan",
    text_kept_in: "your text was kept in {file}",
    text_not_kept: "your text could not be kept in a file",
    file_deleted: "the database file was deleted; nothing more is written; open the plan again",
    file_replaced: "the database file was replaced by another file; nothing more is written; open the plan again",
    file_hard_linked: "the database file has {n} hard links; writing through two names corrupts it, so nothing more is written; keep one name and open it again",
    saved: "saved",
    added: "added",
    deleted: "deleted",
    undone: "undone",
    nothing_to_undo: "nothing to undo in this session",
    not_saved: "not saved",
    conflict: "not saved: changed by {by} at {at}",
    text_kept: "your text is kept; Enter again overwrites, Esc cancels",
    choose_milestone: "open a project and select a milestone first (Enter)",
    choose_note: "select a note in the milestone's detail first",
    yes_no_has_no_value: "this is a yes/no deliverable with no number; use s to set its status",
    not_a_number: "not a number",
    not_a_date: "not a date",
    delete_project: "Delete project",
    delete_milestone: "Delete milestone",
    delete_note: "Delete note",
    cannot_undo: " with everything in it? This cannot be undone.",
    discard_note: "The note has unsaved changes. Discard them?",
    quit_discarding: "The note has unsaved changes. Discard them and quit?",
    too_small: "window too small",
    draft_not_saved: "draft not saved (the text is still in the editor)",
    conflict_title: "Conflict: someone else changed this",
    theirs: "Theirs",
    mine: "Mine",
    kept_theirs: "kept theirs",
    note_text: "Note",
    name: "Name",
    restore_draft: "An unsaved note draft from {at}: “{text}”. Restore it? (n discards it)",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_rules() {
        assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Lang::Zh);
        assert_eq!(Lang::from_locale("ZH_TW"), Lang::Zh);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }
}
