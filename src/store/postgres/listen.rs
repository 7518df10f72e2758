//! Hearing other planners' edits: every transaction that changes the plan
//! notifies `plan_cockpit_changed` with its schema's name (a trigger, at
//! commit). A cockpit listens on its own connection and, at each wake-up
//! (four times a second), takes what arrived, waiting a millisecond at
//! most: the count of changes heard plays the part of SQLite's
//! `data_version`. Its own writes, and other schemas' (other plan years in
//! the same database), are not counted.

use super::Server;
use crate::store::error::{Error, Result};
use postgres::fallible_iterator::FallibleIterator;
use std::cell::{Cell, RefCell};

/// What a listening connection knows of itself.
#[derive(Default)]
pub(super) struct Ears {
    /// Listening at all (a cockpit's store; not a one-off command's).
    on: Cell<bool>,
    /// This connection's backend process: its own notifications carry it.
    pid: Cell<i32>,
    /// The schema the plan lives in: the payload of its notifications.
    schema: RefCell<String>,
    heard: Cell<i64>,
}

impl Ears {
    /// Counts one change more: the cockpit reads everything again.
    pub(super) fn news(&self) {
        self.heard.set(self.heard.get().saturating_add(1));
    }
}

impl Server {
    /// Starts listening for changes to this plan (again, on a new
    /// connection after the old one was lost).
    pub fn listen(&self) -> Result<()> {
        let fail = |source| Error::pg(format!("listening for changes ({})", self.named), &source);
        let mut client = self.client.borrow_mut();
        client
            .batch_execute("LISTEN plan_cockpit_changed")
            .map_err(fail)?;
        let row = client
            .query_one("SELECT pg_backend_pid(), current_schema()::text", &[])
            .map_err(fail)?;
        self.ears.on.set(true);
        self.ears.pid.set(row.get(0));
        *self.ears.schema.borrow_mut() = row.get(1);
        Ok(())
    }

    pub(super) fn listening(&self) -> bool {
        self.ears.on.get()
    }

    /// How many changes by others this connection has heard of: grows when
    /// another program commits a change to the plan, and when the
    /// connection was made again (what changed meanwhile is unknown).
    /// Waits a millisecond at most.
    pub fn heard(&self) -> Result<i64> {
        self.revive()?;
        let mut client = self.client.borrow_mut();
        let mut notes = client.notifications();
        // A wait of a millisecond, not none: the client's I/O driver only
        // learns that the socket has something to read while it waits, so
        // a poll that never waits would never hear a thing.
        let mut it = notes.timeout_iter(std::time::Duration::from_millis(1));
        let schema = self.ears.schema.borrow();
        loop {
            match it.next() {
                Ok(Some(n)) => {
                    if n.process_id() != self.ears.pid.get() && n.payload() == *schema {
                        self.ears.news();
                    }
                }
                Ok(None) => break,
                Err(source) => {
                    return Err(Error::pg(
                        format!("listening for changes ({})", self.named),
                        &source,
                    ));
                }
            }
        }
        Ok(self.ears.heard.get())
    }
}
