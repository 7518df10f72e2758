//! Opening the plan on a server as a `Store`: the same store the file
//! gives, so nothing above it knows which engine it talks to.
//!
//! - The author of every edit is the database role; the Unix user who ran
//!   the program is written beside it (`plan_li (li)`), since one role may
//!   be shared by a unit's planners.
//! - A role without the right to change milestones (a viewer) gets a
//!   read-only store, with the reason the cockpit shows.
//! - A database without a plan is named, with the command that brings one:
//!   the plan comes in by `migrate`, not by a seed written at first start.

use super::Server;
use crate::store::error::{Error, ReadOnlyWhy, Result, ServerWhy};
use crate::store::handle::{Access, OpenOptions, Store};
use crate::store::lineage;
use crate::store::location::Location;
use crate::store::sql::{self, Db};

/// The author written into history: the role, and the Unix user beside it
/// when it is another name.
pub fn author(role: &str, unix_user: &str) -> String {
    if unix_user.is_empty() || unix_user == role {
        role.to_owned()
    } else {
        format!("{role} ({unix_user})")
    }
}

pub fn open_server(db: &str, opts: OpenOptions<'_>) -> Result<Store> {
    let server = Server::connect(db)?;
    server.listen()?;
    let may_write = sql::one(
        &server,
        "checking this role's rights",
        "SELECT has_table_privilege('milestone', 'UPDATE')
                AND has_table_privilege('history', 'INSERT')",
        &[],
        |r| r.int(0),
    )?
    .unwrap_or(0)
        != 0;
    let access = if opts.read_only {
        Access::ReadOnly(ReadOnlyWhy::Asked)
    } else if may_write {
        Access::ReadWrite
    } else {
        Access::ReadOnly(ReadOnlyWhy::ServerRole {
            role: server.role().to_owned(),
        })
    };
    let plan = lineage::plan_identity(&server as &dyn Db)?;
    if plan.is_none() {
        return Err(Error::Server {
            server: server.named().to_owned(),
            why: ServerWhy::NoPlan,
        });
    }
    Ok(Store {
        // The whole connection string: the cockpit's helpers connect again
        // with it. Messages name the server by `named`, never by this.
        location: Location::Server(db.to_owned()),
        author: author(server.role(), &opts.author),
        access,
        plan,
        clock: opts.clock,
        engine: Box::new(server),
    })
}
