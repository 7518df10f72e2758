//! Which plan a place means when a store holds many (a server of a city's
//! plans, a folder of plan files): the one `--plan` names, and the earlier plan `plan new
//! --from` and `report --compare` read, opened only to be read.

use super::Failure;
use super::commands::{Context, options};
use crate::domain::plan_ref::PlanRef;
use crate::i18n::Lang;
use crate::store::postgres::Chosen;
use crate::store::{self, Location, OpenOptions};
use std::path::{Path, PathBuf};

/// The connection string of the plan meant on a server of many plans (see
/// `store::postgres::choose_plan`), or a refusal naming the plans there.
pub fn server_plan(
    lang: Lang,
    db: &str,
    meant: Option<&(String, PlanRef)>,
) -> Result<String, Failure> {
    match store::postgres::choose_plan(db, meant.map(|(_, m)| m))? {
        Chosen::AsGiven => Ok(db.to_owned()),
        Chosen::Plan(chosen) => Ok(chosen),
        Chosen::Ask(plans) => {
            let place = store::postgres::name_of_string(db);
            Err(Failure::Input(match meant {
                Some((typed, _)) => lang.not_the_plan_meant(typed, &place, &plans),
                None => lang.choose_a_plan(&place, &plans),
            }))
        }
    }
}

/// The plan file meant in a folder of plans: the one `--plan` names, or
/// the folder's only plan; else a refusal naming the plans there.
pub fn folder_plan(
    lang: Lang,
    dir: &Path,
    meant: Option<&(String, PlanRef)>,
) -> Result<PathBuf, Failure> {
    let plans = store::folder_plans(dir)?;
    let fits: Vec<&(PathBuf, store::PlanSummary)> = plans
        .iter()
        .filter(|(_, p)| meant.is_none_or(|(_, m)| m.matches(&p.identity, &p.unit, p.year)))
        .collect();
    match fits.as_slice() {
        [(one, _)] => Ok(one.clone()),
        [] if plans.is_empty() => Err(Failure::Input(lang.no_plan_file(dir))),
        _ => {
            let all: Vec<store::PlanSummary> = plans.into_iter().map(|(_, p)| p).collect();
            let place = dir.display().to_string();
            Err(Failure::Input(match meant {
                Some((typed, _)) => lang.not_the_plan_meant(typed, &place, &all),
                None => lang.choose_a_plan(&place, &all),
            }))
        }
    }
}

/// Where an earlier plan is (`plan new --from`, `report --compare`): a
/// file; a server's plan (the unit's, when the server holds several); or,
/// in a store of many plans (a server, a folder), another plan of it named
/// as `--plan` names one (`2023`, `东城街道/2023`).
pub fn earlier_place(
    ctx: &Context,
    from: &Location,
    unit: Option<&str>,
) -> Result<Location, Failure> {
    let lang = ctx.lang;
    let unit = unit.map(str::trim).filter(|u| !u.is_empty());
    match (from, &ctx.db_given) {
        (Location::Server(s), _) => {
            let meant = unit.map(|u| {
                (
                    u.to_owned(),
                    PlanRef::Named {
                        unit: Some(u.to_owned()),
                        year: None,
                    },
                )
            });
            Ok(Location::Server(server_plan(lang, s, meant.as_ref())?))
        }
        (Location::File(p), given) if std::fs::symlink_metadata(p).is_err() => {
            let typed = p.to_string_lossy().trim().to_owned();
            let mut meant = PlanRef::parse(&typed).map_err(|r| Failure::Input(lang.refusal(&r)))?;
            if let PlanRef::Named { unit: u @ None, .. } = &mut meant {
                *u = unit.map(str::to_owned);
            }
            let meant = (typed, meant);
            match given {
                Location::Server(db) => Ok(Location::Server(server_plan(lang, db, Some(&meant))?)),
                Location::File(dir) if store::is_plan_folder(dir) => {
                    Ok(Location::File(folder_plan(lang, dir, Some(&meant))?))
                }
                Location::File(_) => Ok(from.clone()),
            }
        }
        (from, _) => Ok(from.clone()),
    }
}

/// The earlier plan, only read: a file must be there (never made).
pub(super) fn open_earlier(ctx: &Context, from: &Location) -> Result<store::Store, Failure> {
    if let Some(path) = from.file()
        && let Err(e) = std::fs::symlink_metadata(path)
    {
        return Err(Failure::Input(ctx.lang.file_failed(path, &e)));
    }
    Ok(store::open(
        from,
        OpenOptions {
            read_only: true,
            ..options(ctx, false, None)
        },
    )?)
}
