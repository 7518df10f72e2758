//! Years side by side (`report --compare`): its words.

use super::Lang;

pub struct CompareWords {
    pub title: &'static str,
    pub file_stem: &'static str,
    pub overall: &'static str,
    pub by_group: &'static str,
    pub carried: &'static str,
    pub none_carried: &'static str,
    pub earlier_items: &'static str,
    pub earlier_done: &'static str,
    pub earlier_rate: &'static str,
    pub later_items: &'static str,
    pub later_done: &'static str,
    pub later_rate: &'static str,
    pub earlier_goal: &'static str,
    pub earlier_value: &'static str,
    pub earlier_outcome: &'static str,
    pub later_goal: &'static str,
    pub later_value: &'static str,
    pub later_outcome: &'static str,
    pub gone: &'static str,
    pub tally_sheet: &'static str,
    pub group_sheet: &'static str,
    pub carried_sheet: &'static str,
}

const ZH: CompareWords = CompareWords {
    title: "年度对比",
    file_stem: "年度对比",
    overall: "一、总体对比",
    by_group: "二、分方向、分工程对比",
    carried: "三、跨年目标任务",
    none_carried: "本计划没有从上一年度结转的目标任务。",
    earlier_items: "上年任务数",
    earlier_done: "上年完成",
    earlier_rate: "上年完成率",
    later_items: "本年任务数",
    later_done: "本年完成",
    later_rate: "本年完成率",
    earlier_goal: "上年目标",
    earlier_value: "上年完成值",
    earlier_outcome: "上年情况",
    later_goal: "本年目标",
    later_value: "本年完成值",
    later_outcome: "本年情况",
    gone: "上年计划中已无此项",
    tally_sheet: "总体对比",
    group_sheet: "分组对比",
    carried_sheet: "跨年目标任务",
};

const EN: CompareWords = CompareWords {
    title: "Year on year",
    file_stem: "year-on-year",
    overall: "1. Overall",
    by_group: "2. By direction and program",
    carried: "3. Targets carried across the years",
    none_carried: "Nothing in this plan was carried over from the earlier year.",
    earlier_items: "Earlier: items",
    earlier_done: "Earlier: done",
    earlier_rate: "Earlier: done rate",
    later_items: "This year: items",
    later_done: "This year: done",
    later_rate: "This year: done rate",
    earlier_goal: "Earlier goal",
    earlier_value: "Earlier achieved",
    earlier_outcome: "Earlier outcome",
    later_goal: "This year's goal",
    later_value: "Achieved so far",
    later_outcome: "This year",
    gone: "no longer in the earlier plan",
    tally_sheet: "Overall",
    group_sheet: "By group",
    carried_sheet: "Carried targets",
};

impl Lang {
    pub fn compare(self) -> &'static CompareWords {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// `东城街道2024年发展工作计划 2023年与2024年对比`.
    pub fn years_title(self, plan: &str, earlier: i16, later: i16) -> String {
        let t = self.compare().title;
        say!(
            self,
            "{plan} {earlier}年与{later}年{t}",
            "{plan}: {t}, {earlier} and {later}"
        )
    }

    /// What the two years are, as the first section says it.
    pub fn years_summary(self, earlier: i16, later: i16, carried: usize) -> String {
        say!(
            self,
            "上年为{earlier}年度(按年末考核),本年为{later}年度(截至报告日);从上年结转的目标任务 {carried} 项。",
            "The earlier year is {earlier} (as assessed at its end), this year {later} (as of the report's day); {carried} items were carried over from the earlier year."
        )
    }
}
