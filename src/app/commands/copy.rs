//! `y`: the selected item's line (or, just after `R`, the report's path)
//! copied to the planner's own clipboard
//! through the terminal (OSC 52), so that over SSH it can be pasted into a
//! chat or a document on the planner's machine. The loop writes the
//! sequence; whether it arrives is the terminal's to decide, so the status
//! line says what a terminal needs.

use crate::app::App;

impl App {
    /// The selected item as one line: where, what, 完成值/目标值, 完成时限,
    /// 责任单位/责任人.
    pub(in crate::app) fn copy_item(&mut self) {
        let Some(m) = self.focused().and_then(|p| p.selected_milestone()).cloned() else {
            return self.fail(self.lang.nothing_to_copy());
        };
        let amount =
            |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| self.lang.amount(v, &m.unit));
        let who = m.responsible();
        let or_dash = |s: &str| {
            if s.is_empty() {
                "—".to_owned()
            } else {
                s.to_owned()
            }
        };
        let due = m
            .due
            .as_ref()
            .map_or_else(|| "—".to_owned(), ToString::to_string);
        let line = format!(
            "#{} {} › {} › {}  {}/{}  {}  {}/{}",
            m.id,
            m.direction,
            m.project,
            m.title,
            amount(m.current),
            amount(m.target),
            due,
            or_dash(&who.unit),
            or_dash(&who.lead),
        );
        self.send_to_clipboard(&line);
    }

    /// The path of the report just written, to paste into a chat or a
    /// file manager.
    pub(in crate::app) fn copy_path(&mut self, path: &std::path::Path) {
        self.send_to_clipboard(&path.display().to_string());
    }

    /// `text`, cleaned of what a terminal would act on, for the loop to
    /// send; the status line says what the terminal needs.
    fn send_to_clipboard(&mut self, text: &str) {
        self.clipboard = Some(crate::domain::text::for_terminal(text, false));
        let said = self.lang.copied_line();
        self.say(said);
    }

    /// The text the loop is to hand the terminal's clipboard, once.
    pub fn clipboard_wanted(&mut self) -> Option<String> {
        self.clipboard.take()
    }
}
