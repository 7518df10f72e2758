//! 序时进度, forecasts, verdicts and lights in words.

use super::Lang;
use crate::domain::clock::Clock;
use crate::domain::pace::{Light, Verdict};
use crate::domain::progress::format_value;
use crate::domain::standing::{Goal, Said, Standing};

impl Lang {
    pub fn light(self, light: Light) -> &'static str {
        match (self, light) {
            (Lang::Zh, Light::Green) => "绿灯",
            (Lang::Zh, Light::Yellow) => "黄灯",
            (Lang::Zh, Light::Red) => "红灯",
            (Lang::Zh, Light::Grey) => "暂无",
            (Lang::Zh, Light::Off) => "不评价",
            (Lang::En, Light::Green) => "green",
            (Lang::En, Light::Yellow) => "yellow",
            (Lang::En, Light::Red) => "red",
            (Lang::En, Light::Grey) => "pending",
            (Lang::En, Light::Off) => "not judged",
        }
    }

    /// The standing's reason in words: the verdict, and when the planner's
    /// status decided it, who set it and when (`标记为受阻(11-20 起,lihua)`).
    pub fn reason(self, s: &Standing, unit: &str, said: &Said, clock: &Clock) -> String {
        let verdict = self.verdict(s.verdict, unit);
        if !s.by_status || said.at.is_empty() {
            return verdict;
        }
        let day = clock
            .local_day(&said.at)
            .map_or_else(|| said.at.clone(), |d| d.strftime("%m-%d").to_string());
        let lang = self;
        match (said.by.is_empty(), lang) {
            (true, Lang::Zh) => format!("{verdict}({day} 起)"),
            (false, Lang::Zh) => format!("{verdict}({day} 起,{})", said.by),
            (true, Lang::En) => format!("{verdict} (since {day})"),
            (false, Lang::En) => format!("{verdict} (since {day}, {})", said.by),
        }
    }

    /// The verdict, with the shortfall in the target's unit.
    pub fn verdict(self, verdict: Verdict, unit: &str) -> String {
        let lang = self;
        match verdict {
            Verdict::Reached => say!(lang, "已完成目标", "target reached"),
            Verdict::Overdue => say!(lang, "已逾期未完成", "overdue"),
            Verdict::OnTrack => say!(lang, "符合序时进度", "on track"),
            Verdict::Ahead => say!(lang, "快于序时进度", "ahead"),
            Verdict::Behind { by, at_due } => {
                // Whole units once the gap is large; a tenth when small.
                let by = if by.abs() >= 10.0 {
                    by.round()
                } else {
                    (by * 10.0).round() / 10.0
                };
                let by = self.amount(by, unit);
                if at_due {
                    say!(
                        lang,
                        "按此趋势到期差 {by}",
                        "at this pace {by} short at the time limit"
                    )
                } else {
                    say!(lang, "落后序时进度 {by}", "behind schedule by {by}")
                }
            }
            Verdict::Open => say!(lang, "未到完成时限", "not due yet"),
            Verdict::DueSoon { days } => {
                say!(lang, "{days} 天后到期", "due in {days} days")
            }
            Verdict::Blocked => say!(lang, "标记为受阻", "marked blocked"),
            Verdict::AtRisk => say!(lang, "标记为有风险", "marked at risk"),
            Verdict::NoData { by, late: false } => {
                let by = by.strftime("%m-%d");
                say!(
                    lang,
                    "暂无填报(首次填报期限 {by})",
                    "no reading yet (the first is due by {by})"
                )
            }
            Verdict::NoData { by, late: true } => {
                let by = by.strftime("%m-%d");
                say!(
                    lang,
                    "暂无填报,已过首次填报期限 {by}",
                    "no reading yet, the first was due by {by}"
                )
            }
            Verdict::NoStep { year } => say!(
                lang,
                "未设{year}年度目标(按 t 填写 {year}=数值,或 milestone set --step)",
                "no {year} step set (t: type {year}=N, or milestone set --step)"
            ),
            Verdict::Cancelled => say!(lang, "已取消,不计入统计", "cancelled, not counted"),
            Verdict::Undated => say!(lang, "未设完成时限", "no time limit"),
            Verdict::NoTarget => say!(lang, "无目标值", "no target"),
        }
    }

    /// `序时进度 50% · 完成 40%(落后 10 个百分点)`.
    pub fn pace_line(self, elapsed: f64, done: f64, gap_points: f64) -> String {
        let (e, d) = (percent(elapsed), percent(done));
        let gap = format_value(gap_points.abs().round());
        let lang = self;
        if gap_points < -0.5 {
            say!(
                lang,
                "序时进度 {e}% · 完成 {d}%(落后 {gap} 个百分点)",
                "time elapsed {e}% · done {d}% ({gap} points behind)"
            )
        } else if gap_points > 0.5 {
            say!(
                lang,
                "序时进度 {e}% · 完成 {d}%(领先 {gap} 个百分点)",
                "time elapsed {e}% · done {d}% ({gap} points ahead)"
            )
        } else {
            say!(
                lang,
                "序时进度 {e}% · 完成 {d}%",
                "time elapsed {e}% · done {d}%"
            )
        }
    }

    /// What the period is judged against when it is not simply the target
    /// from 0: `2023年度目标 560家 · 年初基数 500家`.
    pub fn goal_line(self, goal: &Goal, unit: &str) -> String {
        let value = self.amount(goal.value, unit);
        let base = self.amount(goal.base, unit);
        let lang = self;
        match goal.step_of {
            Some(year) => say!(
                lang,
                "{year}年度目标 {value} · 年初基数 {base}",
                "{year} step {value} · from {base}"
            ),
            None => say!(lang, "年初基数 {base}", "from {base}"),
        }
    }

    /// `按填报趋势,到 2023-12-31 约 489 家`.
    pub fn forecast_line(self, due: &str, value: f64, unit: &str) -> String {
        let value = self.amount(value.round(), unit);
        let lang = self;
        say!(
            lang,
            "按填报趋势,到 {due} 约 {value}",
            "at the readings' pace, about {value} by {due}"
        )
    }
}

fn percent(share: f64) -> String {
    format_value((share * 100.0).round())
}
