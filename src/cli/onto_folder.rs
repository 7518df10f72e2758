//! A whole plan (`init`, an import, `generate`, `plan new`, `plan import`)
//! written into a folder of plans: built under a hidden name in the folder
//! exactly as a new plan file is, then named by its unit and year
//! (`nanchengjiedao_2024.db`) and renamed into place, never over a plan
//! there; over the plan of that unit and year only with `--replace`, after
//! a backup, copied as `migrate --replace` copies.

use super::Failure;
use super::commands::{Context, open_bare_at, over_the_plan};
use super::migrate::{Side, copy, open_source};
use super::new_file::{Scratch, into_new_file, move_into_place};
use crate::domain::piece::block_above;
use crate::domain::piece::{Abandoned, Piece};
use crate::domain::plan_ref::store_name;
use crate::store;
use crate::store::{Counts, Location, PlanSummary, Store};
use std::path::Path;

pub(super) fn onto_folder(
    ctx: &Context,
    dir: &Path,
    pieces: impl Iterator<Item = Result<Piece, Abandoned>>,
    label: &str,
    replace: bool,
) -> Result<String, Failure> {
    let today = ctx.clock.today().to_string();
    let largest = store::folder_standings(dir, Path::new(""), &today)?
        .iter()
        .map(|s| s.max_id)
        .max();
    let scratch = Scratch::in_folder(dir);
    let (counts, built, head) = build(ctx, &scratch, pieces, label, largest)?;
    let target = dir.join(format!("{}.db", store_name(&head.unit, head.year)));
    if std::fs::symlink_metadata(&target).is_err() {
        drop(built);
        move_into_place(&scratch.0, &target).map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => Failure::Input(ctx.lang.plan_appeared(&target)),
            _ => Failure::Other(ctx.lang.file_failed(&target, &e)),
        })?;
        return Ok(format!(
            "{}\n",
            ctx.lang.wrote_plan(label, &target, &counts)
        ));
    }
    let store = open_bare_at(ctx, &target)?;
    let (_, backup) = over_the_plan(ctx, store, replace, "--replace", |store| {
        copy(ctx, Side::File(built), |rows, sent| {
            Ok(store.take_rows(rows, true, sent)?)
        })
    })?;
    let mut msg = format!("{}\n", ctx.lang.wrote_plan(label, &target, &counts));
    if let Some(b) = backup {
        msg.push_str(&format!("{}\n", ctx.lang.previous_saved(&b)));
    }
    Ok(msg)
}

/// The plan built in `scratch` as a new plan file is, opened to be read,
/// and what it is; with `--plan`, it must be the plan meant.
pub(super) fn build(
    ctx: &Context,
    scratch: &Scratch,
    pieces: impl Iterator<Item = Result<Piece, Abandoned>>,
    label: &str,
    largest: Option<i64>,
) -> Result<(Counts, Box<Store>, PlanSummary), Failure> {
    // Ids above every plan of the store: unique across it.
    let base = block_above(largest);
    let pieces = pieces.map(move |p| p.map(|p| p.into_block(base)));
    let counts = into_new_file(ctx, &scratch.0, |store| {
        Ok(store.replace_plan_from(pieces, label)?)
    })?;
    let Side::File(built) = open_source(ctx, &Location::File(scratch.0.clone()))? else {
        return Err(Failure::Other("the new plan is a file".into()));
    };
    let head = built.plans()?.into_iter().next().unwrap_or_default();
    if let Some((typed, meant)) = &ctx.plan
        && !meant.matches(&head.identity, &head.unit, head.year)
    {
        return Err(Failure::Input(ctx.lang.not_the_plan_meant(
            typed,
            label,
            std::slice::from_ref(&head),
        )));
    }
    Ok((counts, built, head))
}
