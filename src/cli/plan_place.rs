//! Which plan a place means when a database holds many (a server of a
//! city's plans): the one `--plan` names, and the earlier plan `plan new
//! --from` and `report --compare` read, opened only to be read.

use super::Failure;
use super::commands::{Context, options};
use crate::domain::plan_ref::PlanRef;
use crate::i18n::Lang;
use crate::store::postgres::Chosen;
use crate::store::{self, Location, OpenOptions};

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

/// Where an earlier plan is (`plan new --from`, `report --compare`): a
/// file; a server's plan (the unit's, when the server holds several); or,
/// on a server, another plan of the same database named as `--plan` names
/// one (`2023`, `东城街道/2023`).
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
        (Location::File(p), Location::Server(db)) if std::fs::symlink_metadata(p).is_err() => {
            let typed = p.to_string_lossy().trim().to_owned();
            let mut meant = PlanRef::parse(&typed).map_err(|r| Failure::Input(lang.refusal(&r)))?;
            if let PlanRef::Named { unit: u @ None, .. } = &mut meant {
                *u = unit.map(str::to_owned);
            }
            Ok(Location::Server(server_plan(
                lang,
                db,
                Some(&(typed, meant)),
            )?))
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
