//! The one-page 领导版's words.

use super::Lang;

pub struct BriefWords {
    pub title: &'static str,
    /// The start of a file's name the cockpit's `R` writes.
    pub file_stem: &'static str,
    pub overall: &'static str,
    pub chart: &'static str,
    pub red: &'static str,
    pub next: &'static str,
    pub items: &'static str,
    pub red_lights: &'static str,
    pub yellow_lights: &'static str,
    pub green_lights: &'static str,
    pub waiting: &'static str,
    /// No light: past figures, no target or no time limit, cancelled.
    pub unjudged: &'static str,
    pub reached: &'static str,
    pub overdue: &'static str,
    pub gap: &'static str,
    pub red_none: &'static str,
    pub next_none: &'static str,
    /// Under the chart: how to read it in black and white.
    pub legend: &'static str,
    /// Under a chart drawn where no font for its words was found.
    pub no_font: &'static str,
    /// The workbook's sheets.
    pub overall_sheet: &'static str,
    pub chart_sheet: &'static str,
    pub red_sheet: &'static str,
    pub next_sheet: &'static str,
}

const ZH: BriefWords = BriefWords {
    title: "工作进展简报(领导版)",
    file_stem: "工作进展简报",
    overall: "一、总体情况",
    chart: "二、各方向、工程完成情况",
    red: "三、重点问题(红灯事项)",
    next: "四、近期到期事项",
    items: "目标任务",
    red_lights: "红灯",
    yellow_lights: "黄灯",
    green_lights: "绿灯",
    waiting: "待填报",
    unjudged: "不评价",
    reached: "已完成",
    overdue: "逾期",
    gap: "差距",
    red_none: "本期没有红灯事项。",
    next_none: "近期没有到期事项。",
    legend: "图:实心条为完成率,空心框为序时进度;实心条短于空心框即进度落后于时间。",
    no_font: "(本机未找到可用的中文字体,图中文字从略,各项数值见表。)",
    overall_sheet: "总体情况",
    chart_sheet: "完成情况",
    red_sheet: "重点问题",
    next_sheet: "近期到期",
};

const EN: BriefWords = BriefWords {
    title: "Progress brief (one page)",
    file_stem: "progress-brief",
    overall: "1. Overall",
    chart: "2. Directions and programs",
    red: "3. Red items",
    next: "4. Falling due next",
    items: "Items",
    red_lights: "Red",
    yellow_lights: "Yellow",
    green_lights: "Green",
    waiting: "Awaiting",
    unjudged: "Not judged",
    reached: "Reached",
    overdue: "Overdue",
    gap: "Gap",
    red_none: "No red items.",
    next_none: "Nothing falls due soon.",
    legend: "Solid bar: done; open box: where time says it should be. A bar short of its box is behind time.",
    no_font: " (No font for the chart's words was found on this machine: the figures are in the table.)",
    overall_sheet: "Overall",
    chart_sheet: "By group",
    red_sheet: "Red items",
    next_sheet: "Due next",
};

impl Lang {
    pub fn brief(self) -> &'static BriefWords {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// `东城街道… 工作进展简报(领导版)`.
    pub fn brief_title(self, plan: &str) -> String {
        let t = self.brief().title;
        format!("{plan} {t}")
    }

    /// Under a list cut to fit the page: how many more there are, and
    /// where the weekly report lists them.
    pub fn brief_more(self, more: usize, others: usize) -> Option<String> {
        match (more, others) {
            (0, 0) => None,
            (m, 0) => Some(say!(
                self,
                "另有 {m} 项,详见周报。",
                "{m} more in the weekly report."
            )),
            (0, o) => Some(say!(
                self,
                "另有受阻、有风险或未按期填报等问题 {o} 项,详见周报“四、存在问题”。",
                "{o} other items in trouble (flagged or owing a reading): see the weekly report's problems."
            )),
            (m, o) => Some(say!(
                self,
                "另有红灯 {m} 项,受阻、有风险或未按期填报等问题 {o} 项,详见周报“四、存在问题”。",
                "{m} more red items and {o} others in trouble: see the weekly report's problems."
            )),
        }
    }
}
