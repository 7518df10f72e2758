//! The red and yellow counts on each pane heading. Judging every open
//! milestone of a city-sized plan takes longer than a keystroke may, so it
//! is never done on one: the cockpit asks (after a change it saw, a new
//! lens, a new day), a worker with its own connection counts, and the
//! answer arrives as an event. Only the answer to the latest question is
//! kept; until it comes, headings show no counts rather than stale ones.

use crate::domain::lens::{Group, Lens};
use crate::domain::pace::Light;
use crate::domain::standing::{Judging, judge};
use crate::store::{self, Store};
use jiff::civil::Date;
use std::collections::HashMap;

/// What the counts are for: the lens, the day, and the data version the
/// cockpit had seen when it asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ask {
    pub lens: Lens,
    pub today: Date,
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
    let on = Judging {
        today: ask.today,
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
