//! Asking for the lights and taking the answer: when the cockpit asks the worker again, and what it keeps of an answer.

use crate::app::App;
use crate::app::lights::{Ask, Counts, LightCounts};
use crate::domain::lens::{Group, Lens};
use std::cmp::Reverse;

impl App {
    /// The question the counts on screen should answer now.
    fn lights_ask(&self) -> Ask {
        Ask {
            lens: self.lens,
            today: self.today,
            plan_year: self.plan_year,
            seen: self.seen,
            wrote: self.wrote,
        }
    }

    /// A question to hand to the worker, once, when the counts shown are
    /// not for what is on screen.
    pub fn lights_wanted(&mut self) -> Option<Ask> {
        let ask = self.lights_ask();
        let answered = self.lights.as_ref().is_some_and(|l| l.ask == ask);
        if answered || self.lights_asked.as_ref() == Some(&ask) {
            return None;
        }
        self.lights_asked = Some(ask.clone());
        Some(ask)
    }

    /// A question is out and its answer not in yet: the loop looks for it
    /// more often than its usual wake-up, so counts show as soon as made.
    pub fn lights_pending(&self) -> bool {
        self.lights_asked.as_ref().is_some_and(|asked| {
            self.lights.as_ref().is_none_or(|l| &l.ask != asked)
                && self.lights_failed.as_ref() != Some(asked)
        })
    }

    /// The worker's answer; kept only if it is for what is on screen.
    pub(in crate::app) fn lights_counted(&mut self, counts: LightCounts) -> bool {
        if counts.ask != self.lights_ask() {
            return false;
        }
        self.lights = Some(counts);
        self.arrange_panes();
        true
    }

    /// In the owner lens the units with the most red and yellow come first
    /// (then the most red; the order of their names among equals), the
    /// panes of no named unit last; the focus stays on its pane. Arranged
    /// by the last counts made for the lens, so a save does not shuffle
    /// the panes before its new counts come.
    pub(in crate::app) fn arrange_panes(&mut self) {
        if self.lens != Lens::Owners {
            return;
        }
        let Some(l) = self.lights.as_ref().filter(|l| l.ask.lens == Lens::Owners) else {
            return;
        };
        let focused = self.panes.get(self.focus).map(|p| p.group.group.clone());
        self.panes.sort_by_key(|p| {
            let c = l.by_group.get(&p.group.group).copied().unwrap_or_default();
            let unnamed = matches!(&p.group.group, Group::Owner(o) if o.is_empty());
            (unnamed, Reverse(c.red + c.yellow), Reverse(c.red))
        });
        if let Some(at) = focused.and_then(|g| self.panes.iter().position(|p| p.group.group == g)) {
            self.focus = at;
        }
    }

    /// Red, yellow and grey over every pane of the lens (the owner lens's
    /// title), when counted for what is on screen. Each item sits in one
    /// pane of the lenses this is asked for.
    pub fn light_totals(&self) -> Option<Counts> {
        let l = self.current_lights()?;
        Some(l.by_group.values().fold(Counts::default(), |t, c| Counts {
            red: t.red + c.red,
            yellow: t.yellow + c.yellow,
            waiting: t.waiting + c.waiting,
        }))
    }

    /// Red, yellow and grey of one pane, when counted for what is on screen.
    pub fn light_counts(&self, group: &Group) -> Option<Counts> {
        let l = self.current_lights()?;
        Some(l.by_group.get(group).copied().unwrap_or_default())
    }

    /// The counts, when they answer what is on screen.
    fn current_lights(&self) -> Option<&LightCounts> {
        self.lights.as_ref().filter(|l| l.ask == self.lights_ask())
    }
}
