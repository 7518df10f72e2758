//! The red and yellow counts on each pane heading. Judging every open
//! milestone of a city-sized plan takes longer than a keystroke may, so it
//! is never done on one: the cockpit asks (after a change it saw, a new
//! lens, a new day), a worker with its own connection counts, and the
//! answer arrives as an event. Only the answer to the latest question is
//! kept; until it comes, headings show no counts rather than stale ones.

use super::App;
use crate::domain::lens::{Group, Lens};
use crate::domain::pace::Light;
use crate::domain::standing::{Judging, judge};
use crate::store::{self, Store};
use jiff::civil::Date;
use std::cmp::Reverse;
use std::collections::HashMap;

/// What the counts are for: the lens, the day, and the data version the
/// cockpit had seen when it asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ask {
    pub lens: Lens,
    pub today: String,
    pub plan_year: i16,
    pub seen: i64,
    /// This cockpit's own writes so far: another connection's data
    /// version does not move for them, and they change the lights too.
    pub wrote: u64,
}

/// One pane's counts: red, yellow, and grey (waiting for a first reading
/// or a yearly step), each apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub red: usize,
    pub yellow: usize,
    pub waiting: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LightCounts {
    pub ask: Ask,
    pub by_group: HashMap<Group, Counts>,
}

/// Judges every open milestone with a time limit in `ask`'s lens, on its
/// day: the domain's lights, counted per pane.
pub fn count(store: &Store, ask: Ask) -> store::Result<LightCounts> {
    let Ok(today) = ask.today.parse::<Date>() else {
        return Ok(LightCounts {
            ask,
            by_group: HashMap::new(),
        });
    };
    let on = Judging {
        today,
        year: ask.plan_year,
    };
    let mut by_group: HashMap<Group, Counts> = HashMap::new();
    store.each_judged(ask.lens, |j| {
        let slot = by_group.entry(j.group.clone()).or_default();
        match judge(&j.facts(), on).light {
            Light::Red => slot.red += 1,
            Light::Yellow => slot.yellow += 1,
            Light::Grey => slot.waiting += 1,
            Light::Green | Light::Off => {}
        }
    })?;
    Ok(LightCounts { ask, by_group })
}

impl App {
    /// The question the counts on screen should answer now.
    fn lights_ask(&self) -> Ask {
        Ask {
            lens: self.lens,
            today: self.today.clone(),
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
    pub(super) fn lights_counted(&mut self, counts: LightCounts) -> bool {
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
    pub(super) fn arrange_panes(&mut self) {
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
