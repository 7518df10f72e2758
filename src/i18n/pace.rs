//! 序时进度, forecasts, verdicts and lights in words.

use super::Lang;
use crate::domain::pace::{Light, Verdict};
use crate::domain::progress::format_value;

impl Lang {
    pub fn light(self, light: Light) -> &'static str {
        match (self, light) {
            (Lang::Zh, Light::Green) => "绿灯",
            (Lang::Zh, Light::Yellow) => "黄灯",
            (Lang::Zh, Light::Red) => "红灯",
            (Lang::En, Light::Green) => "green",
            (Lang::En, Light::Yellow) => "yellow",
            (Lang::En, Light::Red) => "red",
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
