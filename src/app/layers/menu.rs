//! The menu layer: a milestone's status (`s`), or the format of this
//! week's report (`R`).

use crate::app::keymap::{Action, Layer};
use crate::app::next::{Command, Layered, Next};
use crate::app::pane;
use crate::domain::Status;
use crate::report::{ReportFormat, ReportKind};

pub struct Menu {
    pub of: MenuOf,
    pub sel: usize,
}

/// What a menu chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuOf {
    Status { milestone: i64, version: i64 },
    Report,
}

/// What `R` offers: this week's report in each format (the one handed in
/// first), its one-page 领导版 for a meeting (to print, or to open in a
/// browser), and the year-end 考核 (to hand in, or to work on in Excel).
pub const REPORT_CHOICES: [(ReportKind, ReportFormat); 8] = [
    (ReportKind::Weekly, ReportFormat::Docx),
    (ReportKind::Weekly, ReportFormat::Xlsx),
    (ReportKind::Weekly, ReportFormat::Html),
    (ReportKind::Weekly, ReportFormat::Markdown),
    (ReportKind::Brief, ReportFormat::Docx),
    (ReportKind::Brief, ReportFormat::Html),
    (ReportKind::YearEnd, ReportFormat::Docx),
    (ReportKind::YearEnd, ReportFormat::Xlsx),
];

impl Menu {
    pub fn choices() -> &'static [Status] {
        &Status::ALL
    }

    pub fn choice_count(&self) -> usize {
        match self.of {
            MenuOf::Status { .. } => Menu::choices().len(),
            MenuOf::Report => REPORT_CHOICES.len(),
        }
    }
}

impl Layered for Menu {
    fn layer(&self) -> Layer {
        Layer::Menu
    }

    fn update(&mut self, action: Action) -> Next {
        let n = self.choice_count();
        match action {
            Action::Cancel => return Next::Close,
            Action::Down => self.sel = pane::moved(self.sel, n, 1),
            Action::Up => self.sel = pane::moved(self.sel, n, -1),
            Action::Submit => {
                return Next::Do(match self.of {
                    MenuOf::Status { milestone, version } => Command::SetStatus {
                        milestone,
                        version,
                        status: Menu::choices()[self.sel],
                    },
                    MenuOf::Report => {
                        let (kind, format) = REPORT_CHOICES[self.sel];
                        Command::WriteReport(kind, format)
                    }
                });
            }
            _ => {}
        }
        Next::Stay
    }
}
