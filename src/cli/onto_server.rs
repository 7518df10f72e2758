//! A whole plan (`init`, an import, `generate`, `plan new`, `plan import`)
//! written onto a PostgreSQL server of many plans: built in a scratch file
//! exactly as a new plan file is built, then copied into the schema of its
//! unit and year (`nanchengjiedao_2024`) as `migrate` copies, in one
//! transaction that commits only when the server holds what the file held.
//! A plan it replaces (`--replace`) is first copied to a file beside the
//! state folder, so a replace on the server loses nothing either.

use super::Failure;
use super::commands::Context;
use super::migrate::{Side, copy};
use super::new_file::{Scratch, into_new_file};
use crate::domain::piece::{Abandoned, Piece};
use crate::store;
use crate::store::postgres::{Server, grant_plan, name_of_string, new_plan_place};
use std::path::{Path, PathBuf};

pub(super) fn onto_server(
    ctx: &Context,
    db: &str,
    pieces: impl Iterator<Item = Result<Piece, Abandoned>>,
    label: &str,
    replace: bool,
) -> Result<String, Failure> {
    // The server first: one that cannot be reached, or a role that may not
    // look, is said before a large plan is built for nothing.
    let today = ctx.clock.today().to_string();
    let largest = crate::store::postgres::standings_on(db, &today)?
        .iter()
        .map(|s| s.max_id)
        .max();
    let scratch = Scratch::in_folder(&std::env::temp_dir());
    let (counts, built, head) = super::onto_folder::build(ctx, &scratch, pieces, label, largest)?;
    let (place, schema) = new_plan_place(db, &head.unit, head.year)?;
    let named = match schema.as_str() {
        "" => name_of_string(&place),
        s => format!("{} [{s}]", name_of_string(&place)),
    };
    let mut server = Server::connect(&place)?;
    let mut backup = None;
    if !server.is_empty()? {
        if !replace {
            return Err(store::Error::HoldsPlan { place: named }.into());
        }
        backup = Some(save_before_replacing(ctx, &place, &schema)?);
    }
    let (by, now) = (server.role().to_owned(), ctx.clock.now_text());
    copy(ctx, Side::File(built), |rows, sent| {
        Ok(server.take_rows(rows, replace, sent, &by, &now)?)
    })?;
    let granted = grant_plan(&place, &schema)?;
    let mut msg = format!(
        "{}\n",
        ctx.lang.wrote_plan(label, Path::new(&named), &counts)
    );
    if !granted.is_empty() {
        msg.push_str(&format!("{}\n", ctx.lang.plan_granted(&granted.join(", "))));
    }
    if let Some(b) = backup {
        msg.push_str(&format!("{}\n", ctx.lang.previous_saved(&b)));
    }
    Ok(msg)
}

/// The plan about to be replaced, copied whole (history, notes, drafts
/// and all) into `<schema>-YYYYMMDD-HHMMSS.db` in the state folder
/// (`~/.local/state/plan-cockpit/replaced/`), private to the user.
fn save_before_replacing(ctx: &Context, place: &str, schema: &str) -> Result<PathBuf, Failure> {
    let folder = crate::files::xdg_base("XDG_STATE_HOME", ".local/state")
        .ok_or_else(|| Failure::Input(ctx.lang.no_home()))?
        .join("plan-cockpit")
        .join("replaced");
    super::commands::ensure_private_folder(&folder.join("plan.db"), ctx.lang)?;
    let stamp = ctx.clock.now_text().replace(['-', ':'], "");
    let stem = if schema.is_empty() { "server" } else { schema };
    let backup = folder.join(format!("{stem}-{}.db", &stamp[..stamp.len().min(15)]));
    let source = Side::Server(Box::new(Server::connect(place)?));
    into_new_file(ctx, &backup, |store| {
        copy(ctx, source, |rows, sent| {
            Ok(store.take_rows(rows, false, sent)?)
        })
    })?;
    Ok(backup)
}
