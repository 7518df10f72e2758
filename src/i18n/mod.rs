//! zh-CN and English words. Chosen once at start from `--lang`, else
//! LC_ALL / LC_MESSAGES / LANG: a locale starting with `zh` gives Chinese.

/// One sentence in both languages, with the same named holes:
/// `say!(lang, "{n} 个", "{n} of them")`.
macro_rules! say {
    ($lang:expr, $zh:literal, $en:literal $(,)?) => {
        match $lang {
            $crate::i18n::Lang::Zh => format!($zh),
            $crate::i18n::Lang::En => format!($en),
        }
    };
}

mod brief;
mod check;
mod cli;
mod cockpit;
mod compare;
mod config;
mod faults;
mod help;
mod help_options;
mod history;
mod ledger;
mod numbers;
mod pace;
mod paths;
mod plans;
mod problems;
mod progress;
mod refusals;
mod report;
mod said;
mod server;
mod sheet;
mod ui;
mod year_end;

pub use check::CheckReport;
pub use help::{HELP_ZH, HelpWords, help_zh, value_name_zh};
pub use ui::{UI_EN, UI_ZH, Ui};

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
    /// The one standing's light, and its reason.
    pub light: &'static str,
    pub standing: &'static str,
    pub owner: &'static str,
    pub lead: &'static str,
    pub updated_at: &'static str,
    pub updated_by: &'static str,
    pub version: &'static str,
    /// The column that ties an exported row to its plan and its cells.
    pub mark: &'static str,
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
    light: "亮灯",
    standing: "进度判断",
    owner: "责任单位",
    lead: "责任人",
    updated_at: "更新时间",
    updated_by: "更新人",
    version: "版本",
    mark: "导出校验",
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
    light: "Light",
    standing: "Standing",
    owner: "Responsible unit",
    lead: "Lead",
    updated_at: "Updated at",
    updated_by: "Updated by",
    version: "Version",
    mark: "Export check",
    notes: "Notes",
    readings: "Readings",
    source: "Source",
    year: "Year",
    none: "—",
    no_projects: "(no projects yet)",
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
