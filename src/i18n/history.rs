//! A change as the history shows it: `状态: 进行中 → 已完成`. Fields are
//! stored by their code and values as stored (a status by its code), and
//! put into the planner's words here.

use super::Lang;
use crate::domain::Status;

impl Lang {
    /// The plan-wide log's title: its period (from `since`, a day), whose
    /// changes, and how many are shown.
    pub fn log_title(
        self,
        period: crate::domain::dates::Period,
        since: Option<jiff::civil::Date>,
        person: Option<&str>,
        shown: usize,
    ) -> String {
        use crate::domain::dates::Period;
        let since = since.map(|d| d.strftime("%m-%d").to_string());
        let period = match (period, since) {
            (Period::ThisWeek, Some(d)) => say!(self, "本周({d} 起)", "this week (from {d})"),
            (Period::ThisMonth, Some(d)) => say!(self, "本月({d} 起)", "this month (from {d})"),
            _ => say!(self, "全部时间", "all time"),
        };
        let who = match person {
            Some(p) => p.to_owned(),
            None => say!(self, "所有人", "everyone"),
        };
        say!(
            self,
            "全部修改记录 · {period} · {who} · {shown} 条",
            "All changes · {period} · {who} · {shown}"
        )
    }

    /// A history field's name.
    pub fn field_name(self, field: &str) -> &str {
        let (zh, en) = match field {
            "title" => ("名称", "title"),
            "name" => ("名称", "name"),
            "unit" => ("单位", "unit"),
            "target" => ("目标值", "target"),
            "current" => ("完成值", "current"),
            "baseline" => ("基数", "baseline"),
            "steps" => ("分年度目标", "yearly steps"),
            "indicator" => ("指标", "indicator"),
            "status" => ("状态", "status"),
            "due" => ("完成时限", "due"),
            "reading" => ("填报记录", "reading"),
            "done_on" => ("完成日期", "done on"),
            "owner" => ("责任单位", "responsible unit"),
            "lead" => ("责任人", "lead"),
            "areas" => ("关联方面", "areas"),
            "weight" => ("权重", "weight"),
            "body" => ("备注内容", "note"),
            "note" => ("新增备注", "note added"),
            "created" => ("新建", "created"),
            "deleted" => ("删除", "deleted"),
            "restored" => ("恢复", "restored"),
            "import" => ("导入计划", "plan imported"),
            other => (other, other),
        };
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// A stored value as the planner reads it: a status by its label,
    /// nothing as a dash.
    pub fn field_value(self, field: &str, value: Option<&str>) -> String {
        match value {
            None => "—".to_owned(),
            Some(v) if field == "status" => match v.parse::<Status>() {
                Ok(s) => self.status(s).to_owned(),
                Err(_) => v.to_owned(),
            },
            Some(v) if field == "note" => format!("#{v}"),
            Some(v) => v.to_owned(),
        }
    }

    /// `状态: 进行中 → 已完成`, or `新增备注 #12` where there was nothing.
    pub fn change(self, field: &str, old: Option<&str>, new: Option<&str>) -> String {
        let name = self.field_name(field);
        let new_text = self.field_value(field, new);
        if old.is_none() && field == "note" {
            return format!("{name} {new_text}");
        }
        format!("{name}: {} → {new_text}", self.field_value(field, old))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_change_reads_in_the_planners_words() {
        assert_eq!(
            Lang::Zh.change("status", Some("active"), Some("done")),
            "状态: 进行中 → 已完成"
        );
        assert_eq!(
            Lang::En.change("current", None, Some("512")),
            "current: — → 512"
        );
        assert_eq!(Lang::Zh.change("note", None, Some("12")), "新增备注 #12");
    }
}
