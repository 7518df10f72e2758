//! What a planner's answer to a conflict does: keep theirs, overwrite, or edit again; and opening the conflict view after a refused save.

use crate::app::App;
use crate::app::keymap::Layer;
use crate::app::layers::conflict::ConflictView;
use crate::app::overlay::{NoteTarget, Overlay, Purpose};
use crate::domain::progress::format_value;
use crate::store;

impl App {
    /// The topmost form or note editor: what a conflict is about.
    pub(in crate::app) fn pending_input(
        &self,
    ) -> Option<(String, String, Option<Purpose>, Option<NoteTarget>)> {
        let ui = self.ui();
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Form(f) => {
                let what = match f.purpose {
                    Purpose::Value { .. } => ui.current,
                    Purpose::Due { .. } => ui.due,
                    Purpose::DoneOn { .. } => ui.done_on,
                    Purpose::Target { .. } => ui.target,
                    Purpose::OwnerMilestone { .. } | Purpose::OwnerProject { .. } => ui.owner,
                    Purpose::Areas { .. } => ui.areas,
                    _ => ui.name,
                };
                Some((what.to_owned(), f.text(), Some(f.purpose.clone()), None))
            }
            Overlay::Editor(e) => Some((
                ui.note_text.to_owned(),
                e.text(),
                None,
                Some(e.target.clone()),
            )),
            _ => None,
        })
    }

    /// Shows theirs beside mine; the planner's text stays in the form or
    /// editor underneath until they choose.
    pub(in crate::app) fn show_conflict(&mut self, c: &store::Conflict) {
        let Some((what, mine, purpose, note)) = self.pending_input() else {
            return;
        };
        let none = || "—".to_owned();
        let field = |m: store::Result<store::MilestoneRow>,
                     f: &dyn Fn(&store::MilestoneRow) -> String| {
            m.map(|m| f(&m)).unwrap_or_default()
        };
        let theirs = match (&purpose, &note) {
            (Some(Purpose::Value { milestone, .. }), _) => {
                field(self.store.milestone(*milestone), &|m| {
                    m.current.map_or_else(none, format_value)
                })
            }
            (Some(Purpose::DoneOn { milestone, .. }), _) => {
                field(self.store.milestone(*milestone), &|m| {
                    self.lang.status(m.status).to_owned()
                })
            }
            (Some(Purpose::Due { milestone, .. }), _) => {
                field(self.store.milestone(*milestone), &|m| {
                    m.due.as_ref().map_or_else(none, ToString::to_string)
                })
            }
            (Some(Purpose::Target { milestone, .. }), _) => {
                field(self.store.milestone(*milestone), &|m| {
                    format!("{} {}", m.target.map_or_else(none, format_value), m.unit)
                })
            }
            (Some(Purpose::RenameMilestone { milestone, .. }), _) => {
                field(self.store.milestone(*milestone), &|m| m.title.clone())
            }
            (Some(Purpose::OwnerMilestone { milestone, .. }), _) => {
                field(self.store.milestone(*milestone), &|m| {
                    format!("{}/{}", m.owner, m.lead)
                })
            }
            (Some(Purpose::OwnerProject { project, .. }), _) => self
                .store
                .project(*project)
                .map(|p| format!("{}/{}", p.owner, p.lead))
                .unwrap_or_default(),
            (Some(Purpose::RenameProject { project, .. }), _) => self
                .store
                .project(*project)
                .map(|p| p.name)
                .unwrap_or_default(),
            (_, Some(NoteTarget::Edit { note, .. })) => {
                self.store.note(*note).map(|n| n.body).unwrap_or_default()
            }
            _ => String::new(),
        };
        self.overlays.push(Overlay::Conflict(ConflictView {
            what,
            theirs,
            by: c.by.clone(),
            at: c.at.clone(),
            mine,
            found_version: c.found_version,
            replaced: false,
        }));
    }

    /// `t`: their version stays; my form or editor closes (its draft too).
    pub(in crate::app) fn keep_theirs(&mut self) {
        self.overlays.pop();
        if let Some(Overlay::Editor(e)) = self.overlays.pop() {
            self.drop_draft(e.draft);
        }
        self.after_write(self.ui().kept_theirs.to_owned());
    }

    /// `o`: mine is saved over theirs, knowingly (against their version).
    pub(in crate::app) fn overwrite(&mut self, found: i64) {
        self.overlays.pop();
        self.rebase_open_form(found);
        match self.layer() {
            Layer::Form => self.submit_top_form(),
            Layer::Editor => self.save_note(),
            _ => {}
        }
    }

    /// Points the open form or editor at `found`, the version the planner
    /// has now seen, so that saving from it replaces theirs knowingly.
    pub(in crate::app) fn rebase_open_form(&mut self, found: i64) {
        let top = self
            .overlays
            .iter_mut()
            .rev()
            .find(|o| matches!(o, Overlay::Form(_) | Overlay::Editor(_)));
        match top {
            Some(Overlay::Form(f)) => match &mut f.purpose {
                Purpose::Value { version, .. }
                | Purpose::Due { version, .. }
                | Purpose::DoneOn { version, .. }
                | Purpose::Target { version, .. }
                | Purpose::RenameMilestone { version, .. }
                | Purpose::RenameProject { version, .. }
                | Purpose::OwnerMilestone { version, .. }
                | Purpose::OwnerProject { version, .. }
                | Purpose::Areas { version, .. } => *version = found,
                Purpose::AddProject { .. } | Purpose::AddMilestone { .. } => {}
            },
            Some(Overlay::Editor(e)) => {
                if let NoteTarget::Edit { version, .. } = &mut e.target {
                    *version = found;
                }
            }
            _ => {}
        }
    }
}
