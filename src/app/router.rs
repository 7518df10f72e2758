//! The router: an action goes to the layer that has the keyboard, the
//! layer answers with what should happen next, and that is done here.
//! Ctrl-C is decided here too, so that it means the same in every layer.

use super::keymap::Layer;
use super::layers::confirm::{Confirm, Confirmed};
use super::next::{Command, Next};
use super::overlay::Overlay;
use super::{Action, App, Flash};
use crossterm::event::{KeyEvent, KeyEventKind};

impl App {
    /// Key event → action (from the key table) → update. Keys the table
    /// does not claim are typed into the open text field, if any.
    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        let layer = self.layer();
        match self.keymap.action_for(layer, key) {
            Some(action) => self.update(action),
            None if layer.takes_text() => {
                if let Some(top) = self.overlays.last_mut() {
                    let next = top.type_key(key);
                    self.follow(next);
                }
            }
            None => {}
        }
    }

    /// A bracketed paste goes to the open text field, cleaned for it.
    pub fn paste(&mut self, text: &str) {
        if let Some(top) = self.overlays.last_mut() {
            let next = top.paste(text);
            self.follow(next);
        }
    }

    pub fn update(&mut self, action: Action) {
        if action == Action::Quit {
            return self.quit_asking();
        }
        if action == Action::Suspend {
            // The loop puts the terminal back and stops; typed text stays.
            self.suspend = true;
            return;
        }
        let report = self.last_report.take();
        let Some(top) = self.overlays.last_mut() else {
            self.flash = None;
            if let (Action::Copy, Some(path)) = (action, report) {
                return self.copy_path(&path);
            }
            return self.on_panes(action);
        };
        let next = top.update(action);
        self.follow(next);
    }

    fn follow(&mut self, next: Next) {
        match next {
            Next::Stay => {}
            Next::Close => {
                self.overlays.pop();
            }
            Next::Do(command) => self.run(command),
        }
    }

    fn run(&mut self, command: Command) {
        match command {
            Command::Search => self.run_search(),
            Command::Jump(hit) => {
                self.overlays.pop();
                self.jump(&hit);
            }
            Command::GoToMilestone(id) => {
                self.overlays.pop();
                self.go_to_milestone(id);
            }
            Command::NarrowAgenda(by) => self.narrow_agenda(by),
            Command::PaneHistory => self.open_pane_history(),
            Command::ReloadLog => self.reload_plan_log(),
            Command::ReloadCompare => self.reload_compare(),
            Command::OpenPlan(row) => self.open_plan_at(row),
            Command::WriteReport(kind, format) => {
                self.overlays.pop();
                self.want_report(kind, format);
            }
            Command::SetStatus {
                milestone,
                version,
                status,
            } => {
                self.overlays.pop();
                self.set_status(milestone, version, status);
            }
            Command::SubmitForm => self.submit_top_form(),
            Command::SaveNote => self.save_note(),
            Command::Answer { yes } => {
                if let Some(Overlay::Confirm(asked)) = self.overlays.pop() {
                    if yes {
                        self.confirmed(asked.on_yes);
                    } else {
                        self.declined(asked.on_yes);
                    }
                }
            }
            Command::AskDiscard => {
                let question = self.ui().discard_note.to_owned();
                self.overlays.push(Overlay::Confirm(Confirm {
                    question,
                    on_yes: Confirmed::DiscardEditor,
                }));
            }
            Command::KeepTheirs => self.keep_theirs(),
            Command::Overwrite { found } => self.overwrite(found),
            Command::EditAgain { found } => {
                self.overlays.pop();
                self.rebase_open_form(found);
            }
        }
    }

    /// Ctrl-C (and `q` on the panes): leave, but never drop typed text
    /// without asking. Asked already, a second Ctrl-C waits for the answer.
    fn quit_asking(&mut self) {
        if matches!(self.overlays.last(), Some(Overlay::Confirm(c)) if c.on_yes == Confirmed::QuitDiscarding)
        {
            return;
        }
        if self.has_unsaved_text() {
            let question = self.ui().quit_discarding.to_owned();
            self.overlays.push(Overlay::Confirm(Confirm {
                question,
                on_yes: Confirmed::QuitDiscarding,
            }));
        } else {
            self.quit = true;
        }
    }

    /// True when a form or the note editor holds text that was not saved.
    pub fn has_unsaved_text(&self) -> bool {
        self.overlays.iter().any(Overlay::unsaved_text)
    }

    pub fn layer(&self) -> Layer {
        self.overlays.last().map_or(Layer::Panes, Overlay::layer)
    }

    pub(super) fn say(&mut self, text: impl Into<String>) {
        self.flash = Some(Flash {
            text: text.into(),
            error: false,
        });
    }

    pub(super) fn fail(&mut self, text: impl Into<String>) {
        self.flash = Some(Flash {
            text: text.into(),
            error: true,
        });
    }
}
