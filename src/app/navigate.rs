//! The panes layer: moving, drilling in and out, and starting an edit
//! (a form, the status menu, the note editor, a delete question).

use crate::app::keymap::Action;
use crate::app::load::open_project;
use crate::app::overlay::{
    Confirm, Confirmed, Editor, Form, Help, Menu, MenuOf, NoteTarget, Overlay, Purpose, Search,
};
use crate::app::pane::{Depth, OpenMilestone, Pane};
use crate::app::{App, pane};
use crate::domain::Kind;
use crate::domain::lens::{Group, Lens};
use crate::domain::progress::format_value;
use crate::domain::rows::MilestoneRow;
use crate::domain::target_line::target_line;
use crate::store::Key;

impl App {
    pub(super) fn on_panes(&mut self, action: Action) {
        let page = isize::try_from(self.page).unwrap_or(isize::MAX);
        let n = self.panes.len().max(1);
        match action {
            Action::Help => self.overlays.push(Overlay::Help(Help { scroll: 0 })),
            Action::Up => self.move_sel(-1, None),
            Action::Down => self.move_sel(1, None),
            Action::PageUp => self.move_sel(-page, None),
            Action::PageDown => self.move_sel(page, None),
            Action::Top => self.move_sel(0, Some(false)),
            Action::Bottom => self.move_sel(0, Some(true)),
            Action::FocusNext => self.focus = (self.focus + 1) % n,
            Action::FocusPrev => self.focus = (self.focus + n - 1) % n,
            Action::Zoom => self.zoomed = !self.zoomed,
            Action::Open => self.open(),
            Action::Back => {
                if let Some(p) = self.focused_mut() {
                    p.back();
                }
            }
            Action::Search => self.overlays.push(Overlay::Search(Search::default())),
            Action::EditValue | Action::EditDue | Action::EditTarget | Action::EditStatus => {
                self.start_milestone_edit(action);
            }
            Action::NewNote => {
                if let Some(m) = self.milestone_to_edit() {
                    self.overlays.push(Overlay::Editor(Editor::new(
                        NoteTarget::New { milestone: m.id },
                        "",
                        "",
                        None,
                    )));
                }
            }
            Action::EditNote => {
                let note = self.focused().and_then(Pane::selected_note).cloned();
                match note {
                    Some(n) => self.overlays.push(Overlay::Editor(Editor::new(
                        NoteTarget::Edit {
                            note: n.id,
                            version: n.version,
                        },
                        &n.body,
                        &n.body,
                        None,
                    ))),
                    None => self.fail(self.ui().choose_note),
                }
            }
            Action::History => self.open_history(),
            Action::ChangeLog => self.open_plan_log(),
            Action::Compare => self.open_compare(),
            Action::Agenda => self.open_agenda(),
            Action::Plans => self.open_plans(),
            Action::Origin => self.open_origin(),
            Action::Copy => self.copy_item(),
            Action::Explain => self.open_explain(),
            Action::ExplainPane => self.open_explain_pane(),
            Action::Add => self.start_add(),
            Action::Rename => self.start_rename(),
            Action::EditOwner => self.start_owner(),
            Action::Report => self.open_report_menu(),
            Action::LinkAreas => self.start_areas(),
            Action::Lens => self.switch_lens(),
            Action::Delete => self.start_delete(),
            Action::Undo => self.undo_last(),
            _ => {}
        }
    }

    pub(super) fn move_sel(&mut self, by: isize, to_end: Option<bool>) {
        let span = self.span();
        let Some(pane) = self.panes.get_mut(self.focus) else {
            return;
        };
        let moved = match &mut pane.open {
            None => pane.projects.move_by(&self.store, by, to_end, span),
            Some(p) => match &mut p.open {
                None => p.milestones.move_by(&self.store, by, to_end, span),
                Some(m) => {
                    let n = m.detail.notes.len();
                    m.note_sel = match to_end {
                        Some(false) => 0,
                        Some(true) => n.saturating_sub(1),
                        None => pane::moved(m.note_sel, n, by),
                    };
                    Ok(())
                }
            },
        };
        if let Err(e) = moved {
            self.failed(&e);
        }
    }

    pub(super) fn open(&mut self) {
        let span = self.span();
        let Some(pane) = self.panes.get(self.focus) else {
            return;
        };
        let result = match pane.depth() {
            Depth::Projects => match pane.projects.selected().cloned() {
                Some(project) => open_project(&self.store, project, Key::FIRST, span)
                    .map(|op| self.panes[self.focus].open = Some(op)),
                None => return,
            },
            Depth::Milestones => {
                let Some(m) = pane.selected_milestone() else {
                    return;
                };
                self.store.detail(m.id).map(|detail| {
                    if let Some(op) = self.panes[self.focus].open.as_mut() {
                        op.open = Some(OpenMilestone {
                            detail,
                            note_sel: 0,
                        });
                    }
                })
            }
            Depth::Detail => return,
        };
        if let Err(e) = result {
            self.failed(&e);
        }
    }

    /// The milestone an edit key acts on. On a project in the list (where a
    /// search for its name lands), the key opens it: a project of one item
    /// is that item; in one of several the planner is told to choose, and
    /// the key does nothing more (what is typed next must not land on an
    /// item nobody chose).
    fn milestone_to_edit(&mut self) -> Option<MilestoneRow> {
        let pane = self.focused()?;
        if let Some(m) = pane.selected_milestone() {
            return Some(m.clone());
        }
        let project = match pane.depth() {
            Depth::Projects => pane.projects.selected().cloned(),
            _ => None,
        };
        let Some(project) = project else {
            self.fail(self.ui().choose_milestone);
            return None;
        };
        self.open();
        if project.rollup.milestones != 1 {
            let said = self
                .lang
                .choose_in_project(&project.name, project.rollup.milestones);
            self.fail(said);
            return None;
        }
        self.focused()?.selected_milestone().cloned()
    }

    pub(super) fn start_milestone_edit(&mut self, action: Action) {
        let Some(m) = self.milestone_to_edit() else {
            return;
        };
        let (milestone, version) = (m.id, m.version);
        if m.kind == Kind::YesNo && action == Action::EditTarget {
            return self.fail(self.ui().yes_no_has_no_value);
        }
        if m.kind == Kind::YesNo && action == Action::EditValue {
            let purpose = Purpose::DoneOn { milestone, version };
            let today = self.today.to_string();
            return self
                .overlays
                .push(Overlay::Form(Form::new(purpose, &today)));
        }
        let overlay = match action {
            Action::EditStatus => Overlay::Menu(Menu {
                of: MenuOf::Status { milestone, version },
                sel: Menu::choices()
                    .iter()
                    .position(|s| *s == m.status)
                    .unwrap_or(0),
            }),
            Action::EditValue => Overlay::Form(Form::new(
                Purpose::Value { milestone, version },
                &m.current.map(format_value).unwrap_or_default(),
            )),
            Action::EditDue => Overlay::Form(Form::new(
                Purpose::Due { milestone, version },
                &m.due.as_ref().map(ToString::to_string).unwrap_or_default(),
            )),
            _ => {
                // A target due after the year judged asks for that year's
                // step on its line (分年度目标); any it has are there too.
                let year = self.judging().judged_year();
                let ask = m
                    .due_date()
                    .is_some_and(|d| d.year() > year)
                    .then_some(year);
                let text = target_line(m.target, &m.unit, &m.steps, m.baseline, ask);
                Overlay::Form(Form::new(Purpose::Target { milestone, version }, &text))
            }
        };
        self.overlays.push(overlay);
    }

    pub(super) fn start_add(&mut self) {
        let Some(pane) = self.focused() else { return };
        let purpose = match &pane.open {
            // A project belongs to a direction: it is added in that lens.
            None => match pane.group.group {
                Group::Direction(direction) => Purpose::AddProject { direction },
                _ => return self.fail(self.ui().add_in_directions),
            },
            Some(p) => Purpose::AddMilestone {
                project: p.project.id,
            },
        };
        self.overlays.push(Overlay::Form(Form::new(purpose, "")));
    }

    pub(super) fn start_rename(&mut self) {
        let Some(pane) = self.focused() else { return };
        let (purpose, text) = match pane.depth() {
            Depth::Projects => match pane.projects.selected() {
                Some(p) => (
                    Purpose::RenameProject {
                        project: p.id,
                        version: p.version,
                    },
                    p.name.clone(),
                ),
                None => return,
            },
            _ => match pane.selected_milestone() {
                Some(m) => (
                    Purpose::RenameMilestone {
                        milestone: m.id,
                        version: m.version,
                    },
                    m.title.clone(),
                ),
                None => return self.fail(self.ui().choose_milestone),
            },
        };
        self.overlays.push(Overlay::Form(Form::new(purpose, &text)));
    }

    /// `L`: the next lens; focus and zoom start again on its first pane.
    pub(super) fn switch_lens(&mut self) {
        let was = self.lens;
        self.lens = self.lens.next();
        self.focus = 0;
        self.panes.clear();
        if let Err(e) = self.reload() {
            self.lens = was;
            let _ = self.reload();
            self.failed(&e);
        }
    }

    /// `b`: the areas the selected project serves, by name.
    pub(super) fn start_areas(&mut self) {
        let Some(p) = self.focused().and_then(Pane::selected_project).cloned() else {
            return self.fail(self.ui().choose_project);
        };
        let names = self
            .store
            .groups_of_project(Lens::Areas, p.id)
            .and_then(|ids| {
                let known = self.store.areas()?;
                Ok(ids
                    .iter()
                    .filter_map(|g| match g {
                        Group::Area(id) => known.iter().find(|a| a.0 == *id).map(|a| a.2.clone()),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
                    .join("、"))
            });
        match names {
            Ok(text) => self.overlays.push(Overlay::Form(Form::new(
                Purpose::Areas {
                    project: p.id,
                    version: p.version,
                },
                &text,
            ))),
            Err(e) => self.failed(&e),
        }
    }

    /// `o`: the selected project's owner, or the selected milestone's own
    /// (empty when it answers to its project's).
    pub(super) fn start_owner(&mut self) {
        let Some(pane) = self.focused() else { return };
        let text = |unit: &str, lead: &str| match (unit.is_empty(), lead.is_empty()) {
            (true, true) => String::new(),
            (false, true) => unit.to_owned(),
            _ => format!("{unit}/{lead}"),
        };
        let (purpose, text) = match pane.depth() {
            Depth::Projects => match pane.projects.selected() {
                Some(p) => (
                    Purpose::OwnerProject {
                        project: p.id,
                        version: p.version,
                    },
                    text(&p.owner, &p.lead),
                ),
                None => return,
            },
            _ => match pane.selected_milestone() {
                Some(m) => (
                    Purpose::OwnerMilestone {
                        milestone: m.id,
                        version: m.version,
                    },
                    text(&m.owner, &m.lead),
                ),
                None => return self.fail(self.ui().choose_milestone),
            },
        };
        self.overlays.push(Overlay::Form(Form::new(purpose, &text)));
    }

    pub(super) fn start_delete(&mut self) {
        let ui = self.ui();
        let Some(pane) = self.focused() else { return };
        let (question, on_yes) = match pane.depth() {
            Depth::Projects => match pane.projects.selected() {
                Some(p) => (
                    format!("{} “{}”{}", ui.delete_project, p.name, ui.cannot_undo),
                    Confirmed::DeleteProject {
                        id: p.id,
                        version: p.version,
                    },
                ),
                None => return,
            },
            Depth::Milestones => match pane.selected_milestone() {
                Some(m) => (
                    format!("{} “{}”{}", ui.delete_milestone, m.title, ui.cannot_undo),
                    Confirmed::DeleteMilestone {
                        id: m.id,
                        version: m.version,
                    },
                ),
                None => return,
            },
            Depth::Detail => match pane.selected_note() {
                Some(n) => (
                    format!("{} #{}?", ui.delete_note, n.id),
                    Confirmed::DeleteNote {
                        id: n.id,
                        version: n.version,
                    },
                ),
                None => return self.fail(ui.choose_note),
            },
        };
        self.overlays
            .push(Overlay::Confirm(Confirm { question, on_yes }));
    }
}
