//! The one road into the cockpit: everything that can change what it
//! shows arrives as an `Event` and is handled here, in one place. The
//! terminal loop only translates what it reads and waits for.

use super::App;
use crossterm::event::KeyEvent;
use std::time::Instant;

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Key(KeyEvent),
    /// Text pasted through bracketed paste.
    Paste(String),
    Resize(u16, u16),
    /// A turn of the mouse wheel (`true`: down), when the settings ask
    /// for the mouse.
    Wheel(bool),
    /// A wake-up with nothing typed: the draft timer, another planner's
    /// commit, a replaced plan, the file under us, the day turning.
    Tick,
    /// The background integrity check's verdict ("ok" or what is wrong).
    Integrity(String),
    /// The light counts the worker made for the panes' headings.
    Lights(super::lights::LightCounts),
    /// The worker could not count for this question (the file gone, say):
    /// the headings go without counts until something changes.
    LightsFailed(super::lights::Ask),
    /// The report `R` asked for: where it was written, or why not.
    ReportWritten(Result<std::path::PathBuf, String>),
    /// The plans side by side, as the worker read them (or why not).
    Plans(Result<super::plans_read::PlansRead, String>),
}

impl App {
    /// Handles one event; returns true when the screen must be drawn again.
    pub fn handle(&mut self, event: Event) -> bool {
        match event {
            Event::Key(key) => {
                self.handle_key(key);
                true
            }
            Event::Paste(text) => {
                self.paste(&text);
                true
            }
            Event::Resize(w, h) => {
                self.resize(w, h);
                true
            }
            Event::Wheel(down) => {
                let action = super::keymap::wheel_action(self.layer(), down);
                if let Some(action) = action {
                    self.update(action);
                }
                action.is_some()
            }
            Event::Tick => {
                let mut changed = false;
                if self.draft_due().is_some_and(|due| due <= Instant::now()) {
                    self.save_draft();
                    changed = true;
                }
                // Another planner's commit shows within one wake-up.
                changed | self.refresh_if_changed()
            }
            Event::Integrity(verdict) => self.integrity_checked(&verdict),
            Event::Lights(counts) => self.lights_counted(counts),
            Event::ReportWritten(result) => {
                self.report_written(result);
                true
            }
            Event::Plans(read) => self.plans_read(read),
            Event::LightsFailed(ask) => {
                self.lights_failed = Some(ask);
                false
            }
        }
    }
}
