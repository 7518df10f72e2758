//! The year-end 考核's words.

use super::Lang;
use crate::domain::year_end::{Outcome, Tally};

pub struct YearEndWords {
    pub title: &'static str,
    /// The start of a file's name the cockpit's `R` writes.
    pub file_stem: &'static str,
    pub overall: &'static str,
    pub by_group: &'static str,
    pub each: &'static str,
    pub group: &'static str,
    pub items: &'static str,
    pub done: &'static str,
    pub not_done: &'static str,
    pub no_step: &'static str,
    pub rate: &'static str,
    pub goal: &'static str,
    pub outcome: &'static str,
    pub whole_year: &'static str,
    pub none: &'static str,
    /// Sheet names of the workbook.
    pub tally_sheet: &'static str,
    pub group_sheet: &'static str,
    pub items_sheet: &'static str,
}

const ZH: YearEndWords = YearEndWords {
    title: "年度目标任务完成情况考核表",
    file_stem: "年度考核",
    overall: "一、总体完成情况",
    by_group: "二、分方向、分工程完成情况",
    each: "三、逐项考核",
    group: "分组",
    items: "目标任务数",
    done: "完成",
    not_done: "未完成",
    no_step: "未设年度目标",
    rate: "完成率",
    goal: "年度目标",
    outcome: "完成情况",
    whole_year: "全年合计",
    none: "本年度没有需考核的目标任务。",
    tally_sheet: "完成情况",
    group_sheet: "分组完成情况",
    items_sheet: "逐项考核",
};

const EN: YearEndWords = YearEndWords {
    title: "Year-end assessment",
    file_stem: "year-end-assessment",
    overall: "1. Overall",
    by_group: "2. By direction and program",
    each: "3. Item by item",
    group: "Group",
    items: "Items",
    done: "Done",
    not_done: "Not done",
    no_step: "No yearly step",
    rate: "Done rate",
    goal: "Year's goal",
    outcome: "Outcome",
    whole_year: "Whole year",
    none: "Nothing of this year to assess.",
    tally_sheet: "Tally",
    group_sheet: "By group",
    items_sheet: "Items",
};

impl Lang {
    pub fn year_end(self) -> &'static YearEndWords {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    pub fn outcome(self, o: Outcome) -> &'static str {
        let w = self.year_end();
        match o {
            Outcome::Done => w.done,
            Outcome::NotDone => w.not_done,
            Outcome::NoStep => w.no_step,
        }
    }

    /// The assessment's title line: `东城街道… 2023年度目标任务完成情况考核表`.
    pub fn year_end_title(self, plan: &str, year: i16) -> String {
        let t = self.year_end().title;
        say!(self, "{plan} {year}{t}", "{plan} {year} {t}")
    }

    /// `2023年度共 50 项目标任务:完成 12 项,未完成 30 项,未设年度目标 8 项;完成率 29%。`
    /// `rate` as the tables write it (`29%`, `—`).
    pub fn year_end_summary(self, year: i16, t: &Tally, rate: &str) -> String {
        let (n, done, not_done, no_step) = (t.items, t.done, t.not_done, t.no_step);
        say!(
            self,
            "{year}年度共 {n} 项目标任务:完成 {done} 项,未完成 {not_done} 项,未设年度目标 {no_step} 项;完成率 {rate}(完成项占已考核项)。",
            "{year}: {n} items — {done} done, {not_done} not done, {no_step} with no yearly step; {rate} done of those assessed."
        )
    }
}
