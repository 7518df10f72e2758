//! A connection lost (the server restarted, the network dropped, a standby
//! took over) is made again at the next use, from the same connection
//! string: with several hosts and `target_session_attrs=read-write`, that
//! is the new primary.
//!
//! - A read that failed because the connection was lost, before handing
//!   on a row, is asked again once on the new connection: the cockpit
//!   goes on as if nothing happened.
//! - A write is never repeated: whether its commit reached the server is
//!   unknown, so it fails, the planner's text stays (in the editor and in
//!   a local draft), and the next save goes through the usual version
//!   check on the new connection.
//! - A cockpit listening for changes listens again, and reads everything
//!   again: what others changed meanwhile was not heard.

use super::Server;
use crate::store::error::{Error, Result};

impl Server {
    /// A new connection in place of one that is closed; nothing when the
    /// connection is open.
    pub(super) fn revive(&self) -> Result<()> {
        if !self.client.borrow().is_closed() {
            return Ok(());
        }
        if self.reading.get() {
            // Inside a snapshot: reads on a new connection would come from
            // another moment. The snapshot fails; the next one reconnects.
            return Err(Error::Internal(format!(
                "the connection to {} was lost during a read",
                self.named
            )));
        }
        tracing::info!(server = %self.named, "connection lost: connecting again");
        let client = super::tls::connect(&self.config, self.tls.as_ref())
            .map_err(|source| Error::pg(format!("connecting again to {}", self.named), &source))
            .inspect_err(|e| tracing::warn!(error = %e, "reconnect failed"))?;
        tracing::info!(server = %self.named, "connected again");
        *self.client.borrow_mut() = client;
        self.statements.forget();
        if self.listening() {
            self.listen()?;
            self.ears.news();
        }
        Ok(())
    }

    /// `read` once, and once more on a new connection when the first
    /// attempt lost the connection before anything was read.
    pub(super) fn read_again<T>(&self, mut read: impl FnMut() -> (Result<T>, bool)) -> Result<T> {
        self.revive()?;
        match read() {
            (Err(_), false) if self.client.borrow().is_closed() && !self.reading.get() => {
                self.revive()?;
                read().0
            }
            (out, _) => out,
        }
    }
}
