//! Hearing other planners' edits: every transaction that changes the plan
//! notifies `plan_cockpit_changed` with its schema's name (a trigger, at
//! commit). A cockpit listens on its own connection and, at each wake-up
//! (four times a second), takes what arrived, waiting a millisecond at most: the count of
//! changes heard plays the part of SQLite's `data_version`. Its own
//! writes, and other schemas' (other plan years in the same database), are
//! not counted.

use super::Server;
use crate::store::error::{Error, Result};
use postgres::fallible_iterator::FallibleIterator;

/// What a listening connection knows of itself.
#[derive(Default)]
pub(super) struct Ears {
    /// This connection's backend process: its own notifications carry it.
    pid: i32,
    /// The schema the plan lives in: the payload of its notifications.
    schema: String,
    heard: std::cell::Cell<i64>,
}

impl Server {
    /// Starts listening for changes to this plan.
    pub fn listen(&mut self) -> Result<()> {
        let named = self.named.clone();
        let fail = |source| Error::Pg {
            context: format!("listening for changes ({named})"),
            source,
        };
        let client = self.client.get_mut();
        client
            .batch_execute("LISTEN plan_cockpit_changed")
            .map_err(fail)?;
        let row = client
            .query_one("SELECT pg_backend_pid(), current_schema()::text", &[])
            .map_err(fail)?;
        self.ears = Ears {
            pid: row.get(0),
            schema: row.get(1),
            heard: std::cell::Cell::new(0),
        };
        Ok(())
    }

    /// How many changes by others this connection has heard of: grows when
    /// another program commits a change to the plan. Waits a millisecond
    /// at most.
    pub fn heard(&self) -> Result<i64> {
        let mut client = self.client.borrow_mut();
        {
            let mut notes = client.notifications();
            // A wait of a millisecond, not none: the client's I/O driver
            // only learns that the socket has something to read while it
            // waits, so a poll that never waits would never hear a thing.
            let mut it = notes.timeout_iter(std::time::Duration::from_millis(1));
            loop {
                match it.next() {
                    Ok(Some(n)) => {
                        if n.process_id() != self.ears.pid && n.payload() == self.ears.schema {
                            self.ears.heard.set(self.ears.heard.get().saturating_add(1));
                        }
                    }
                    Ok(None) => break,
                    Err(source) => {
                        return Err(Error::Pg {
                            context: format!("listening for changes ({})", self.named),
                            source,
                        });
                    }
                }
            }
        }
        if client.is_closed() {
            return Err(Error::Internal(format!(
                "the connection to {} was closed",
                self.named
            )));
        }
        Ok(self.ears.heard.get())
    }
}
