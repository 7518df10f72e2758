//! What the menus' commands do: set a status, ask for a report.

use crate::app::layers::menu::{Menu, MenuOf, REPORT_CHOICES};
use crate::app::overlay::Overlay;
use crate::app::{App, Flash};
use crate::domain::{MilestoneChange, Status};
use crate::report::{ReportAsk, ReportFormat, ReportKind};

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
                self.last_report = Some(path);
            }
            Err(why) => self.fail(why),
        }
    }
}
