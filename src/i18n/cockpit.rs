//! Sentences of the cockpit that carry a value: a project named, a
//! baseline described, a moved target put in words.

use super::Lang;

impl Lang {
    /// An edit key on a project of several items: it was opened; which
    /// item is for the planner to choose.
    pub fn choose_in_project(self, project: &str, items: usize) -> String {
        say!(
            self,
            "“{project}”是项目,有 {items} 项目标任务:已进入,请选中一项后再按键",
            "“{project}” is a project of {items} milestones: opened; select one, then press the key again"
        )
    }

    /// The baseline comparison's title: which baseline (`at` local), who
    /// saved it, what moved since, and where it is among `of`.
    pub fn compare_title(
        self,
        name: &str,
        at: &str,
        by: &str,
        moved: usize,
        nth: usize,
        of: usize,
    ) -> String {
        let which = if of > 1 {
            say!(self, " · 第 {nth}/{of} 个基线", " · baseline {nth} of {of}")
        } else {
            String::new()
        };
        say!(
            self,
            "与基线比较 · {name}({at} {by} 保存)· 变动 {moved} 项{which}",
            "Since baseline {name} (saved {at} by {by}) · {moved} moved{which}"
        )
    }

    /// A moved item's second line: what moved, then → now, and who.
    pub fn moved_line(self, target: Option<&str>, due: Option<&str>, by: &str) -> String {
        let mut parts = Vec::new();
        if let Some(t) = target {
            parts.push(say!(self, "目标值 {t}", "target {t}"));
        }
        if let Some(d) = due {
            parts.push(say!(self, "完成时限 {d}", "time limit {d}"));
        }
        parts.push(say!(self, "最后修改 {by}", "last changed by {by}"));
        parts.join(" · ")
    }
}
