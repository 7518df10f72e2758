//! The menu layer: a milestone's status (`s`), or the format of this
//! week's report (`R`).

use crate::app::keymap::{Action, Layer};
use crate::app::next::{Command, Layered, Next};
use crate::app::overlay::Overlay;
use crate::app::{App, Flash, pane};
use crate::domain::{MilestoneChange, Status};
use crate::report::{ReportAsk, ReportFormat, ReportKind};

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

impl App {
    pub(in crate::app) fn set_status(&mut self, id: i64, version: i64, status: Status) {
        let change = MilestoneChange {
            status: Some(status),
            ..Default::default()
        };
        match self.save_milestone(id, version, change) {
            Ok(msg) => self.after_write(msg),
            Err(e) => {
                let _ = self.reload();
                self.failed(&e);
            }
        }
    }
}

impl App {
    /// `R`: the report menu, on this week's report in the planner's
    /// format; the report is written once one is chosen.
    pub(in crate::app) fn open_report_menu(&mut self) {
        let usual = (ReportKind::Weekly, self.prefs.report_format);
        self.overlays.push(Overlay::Menu(Menu {
            of: MenuOf::Report,
            sel: REPORT_CHOICES.iter().position(|c| *c == usual).unwrap_or(0),
        }));
    }

    /// Asks for a report of `kind` in `format`: the worker writes it while
    /// the planner goes on, and says where when it is done.
    pub(in crate::app) fn want_report(&mut self, kind: ReportKind, format: ReportFormat) {
        let folder = std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from("."));
        self.report_wanted = Some(ReportAsk {
            kind,
            format,
            lang: self.lang,
            as_of: self.store.clock().today(),
            plan_year: self.plan_year,
            folder,
        });
        self.flash = Some(Flash {
            text: self.ui().report_writing.to_owned(),
            error: false,
        });
    }

    /// The question for the worker, once.
    pub fn report_wanted(&mut self) -> Option<ReportAsk> {
        self.report_wanted.take()
    }

    /// The worker's answer: where the report is, or why it is not.
    pub(in crate::app) fn report_written(&mut self, result: Result<std::path::PathBuf, String>) {
        match result {
            Ok(path) => {
                let said = self.lang.report_written(&path);
                self.flash = Some(Flash {
                    text: said,
                    error: false,
                });
            }
            Err(why) => self.fail(why),
        }
    }
}
