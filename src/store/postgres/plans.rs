//! Many plans in one PostgreSQL database: each plan (a unit's year) in a
//! schema of its own, `dongchengjiedao_2023`, `nanchengjiedao_2024`.
//!
//! A schema per plan rather than a plan column in every table: each plan
//! keeps every guarantee of the single-plan schema as it is (ids and
//! versions from its own `counter`, its identity, its history, its
//! roll-ups, one upgrade at a time), and the database enforces who may
//! write it with plain privileges on the schema — a unit's planners are
//! granted their unit's schemas, and `UPDATE nanchengjiedao_2024.milestone`
//! by a 东城 planner is refused by the server itself, from psql as from
//! the cockpit, with no policy to get wrong.
//!
//! A connection chooses its plan by its `search_path`: the plan's schema,
//! then the schema pg_trgm lives in. The choice is written into the
//! connection string (`options=-csearch_path=…`), so the cockpit's helpers
//! and a reconnect after a failover land in the same plan.

use super::{Server, libpq};
use crate::domain::indicators::IndicatorSum;
use crate::domain::plan_ref::PlanRef;
use crate::store::error::{Error, Result};
use crate::store::location::Location;
use crate::store::plan_rows::{
    PlanStanding, PlanSummary, directions_sql, indicators_sql, standing_sql,
};
use crate::store::sql::{Arg, Db};
use postgres::GenericClient;

/// Which plan a connection string opens, once `--plan` is read against
/// the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chosen {
    /// As given: the string chooses its own schema (`options=`), or the
    /// database's current schema holds the plan (or no plan is anywhere).
    AsGiven,
    /// The connection string that opens the one plan meant.
    Plan(String),
    /// Several plans are there and none, or more than one, is the one
    /// meant: every plan the role may see, to name in the refusal.
    Ask(Vec<PlanSummary>),
}

/// Every plan in the database this role may read, by schema name.
pub fn plans_on(db: &str) -> Result<Vec<PlanSummary>> {
    let mut server = Server::connect_bare(db)?;
    let named = server.named().to_owned();
    plans_in(server.client.get_mut(), &named)
}

fn plans_in(client: &mut impl GenericClient, named: &str) -> Result<Vec<PlanSummary>> {
    let fail = |source: postgres::Error| Error::pg(format!("listing the plans ({named})"), &source);
    let schemas: Vec<String> = client
        .query(
            "SELECT n.nspname::text FROM pg_namespace n
               JOIN pg_class c ON c.relnamespace = n.oid
              WHERE c.relname = 'plan' AND c.relkind = 'r'
                AND EXISTS (SELECT 1 FROM pg_class v
                             WHERE v.relnamespace = n.oid AND v.relname = 'plan_cockpit_schema')
                AND has_schema_privilege(n.oid, 'USAGE')
                AND has_table_privilege(c.oid, 'SELECT')
              ORDER BY 1",
            &[],
        )
        .map_err(fail)?
        .iter()
        .map(|r| r.get(0))
        .collect();
    if schemas.is_empty() {
        return Ok(Vec::new());
    }
    // Every schema's plan in one statement: a city's 96 plans are one
    // round trip, not 96. `to_jsonb`: a schema not yet upgraded has no
    // `unit` column.
    let sql = union_all(&schemas, |n, s| {
        format!(
            "SELECT {n}, identity, title, year, coalesce(to_jsonb(p) ->> 'unit', ''),
                    replaced_at, replaced_by, id
               FROM {s}plan p"
        )
    });
    let rows = client
        .query(&format!("{sql} ORDER BY 1, 8"), &[])
        .map_err(fail)?;
    Ok(rows
        .iter()
        .map(|r| PlanSummary {
            identity: r.get(1),
            title: r.get(2),
            year: r.get(3),
            unit: r.get(4),
            since: r.get(5),
            by: r.get(6),
            schema: schemas[usize::try_from(r.get::<_, i32>(0)).unwrap_or(0)].clone(),
        })
        .collect())
}

/// One statement over every schema: `each(n, "\"schema\".")` for each,
/// joined by UNION ALL (each in parentheses, so it may order its rows).
fn union_all(schemas: &[String], each: impl Fn(usize, &str) -> String) -> String {
    schemas
        .iter()
        .enumerate()
        .map(|(n, s)| format!("({})", each(n, &format!("{}.", quoted(s)))))
        .collect::<Vec<_>>()
        .join(" UNION ALL ")
}

/// `standings` for a connection string, whichever schema it opens.
pub fn standings_on(db: &str, today: &str) -> Result<Vec<PlanStanding>> {
    standings(&Server::connect_bare(db)?, today)
}

/// Every plan of the database this role may read, with where each stands
/// on `today`, and the connection string that opens each other one.
pub(super) fn standings(server: &Server, today: &str) -> Result<Vec<PlanStanding>> {
    let named = server.named().to_owned();
    let (current, trigram, plans) = {
        let mut client = server.client.borrow_mut();
        let current: String = client
            .query_one("SELECT coalesce(current_schema()::text, '')", &[])
            .map_err(|e| Error::pg(format!("listing the plans ({named})"), &e))?
            .get(0);
        let trigram = trigram_schema(&mut *client, &named)?;
        (current, trigram, plans_in(&mut *client, &named)?)
    };
    let base = without_chosen_schema(&server.given);
    let mut all: Vec<PlanStanding> = plans
        .into_iter()
        .map(|plan| PlanStanding {
            place: (plan.schema != current)
                .then(|| Location::Server(in_schema(base, &plan.schema, trigram.as_deref()))),
            plan,
            items: 0,
            done: 0,
            overdue: 0,
            progress: None,
            directions: Vec::new(),
            indicators: Vec::new(),
            max_id: 0,
        })
        .collect();
    if all.is_empty() {
        return Ok(all);
    }
    let schemas: Vec<String> = all.iter().map(|s| s.plan.schema.clone()).collect();
    // Through the connection's prepared statements: asked again (`P` once
    // more), the server plans none of them again.
    let db = server as &dyn Db;
    let what = "counting the plans' items";
    // A plan not yet upgraded (it is, when its owner next opens it) is
    // listed without its counts.
    let versions = union_all(&schemas, |n, s| {
        format!("SELECT {n}, coalesce(max(version), 0)::bigint FROM {s}plan_cockpit_schema")
    });
    let latest = super::latest_version();
    let mut counted: Vec<String> = Vec::new();
    db.each(what, &versions, &[], &mut |r| {
        if r.int(1)? == latest {
            counted.push(schemas[usize::try_from(r.int(0)?).unwrap_or(0)].clone());
        }
        Ok(())
    })?;
    if counted.is_empty() {
        return Ok(all);
    }
    let at = |n: i64| -> usize {
        let schema = &counted[usize::try_from(n).unwrap_or(0)];
        schemas.iter().position(|s| s == schema).unwrap_or(0)
    };
    // Three statements for the whole city, whatever its size.
    let sql = union_all(&counted, |n, s| {
        format!("SELECT {n}, x.* FROM ({}) x", standing_sql(s))
    });
    db.each(what, &sql, &[Arg::Text(today)], &mut |r| {
        let s = &mut all[at(r.int(0)?)];
        (s.items, s.done, s.overdue, s.progress, s.max_id) =
            (r.int(1)?, r.int(2)?, r.int(3)?, r.opt_real(4)?, r.int(5)?);
        Ok(())
    })?;
    // Directions are what the 城市 view compares, and it shows the open
    // plan's year: only that year's plans are asked for theirs.
    let year = all.iter().find(|s| s.place.is_none()).map(|s| s.plan.year);
    let of_year: Vec<String> = counted
        .iter()
        .filter(|c| {
            year.is_none_or(|y| all.iter().any(|s| &s.plan.schema == *c && s.plan.year == y))
        })
        .cloned()
        .collect();
    if !of_year.is_empty() {
        let at_year = |n: i64| -> usize {
            let schema = &of_year[usize::try_from(n).unwrap_or(0)];
            schemas.iter().position(|s| s == schema).unwrap_or(0)
        };
        let sql = union_all(&of_year, |n, s| {
            format!("SELECT {n}, x.* FROM ({}) x", directions_sql(s))
        });
        db.each(what, &sql, &[], &mut |r| {
            all[at_year(r.int(0)?)]
                .directions
                .push((r.text(1)?, r.int(2)?, r.opt_real(3)?));
            Ok(())
        })?;
    }
    let sql = union_all(&counted, |n, s| {
        format!("SELECT {n}, x.* FROM ({}) x", indicators_sql(s))
    });
    db.each(what, &sql, &[], &mut |r| {
        all[at(r.int(0)?)].indicators.push(IndicatorSum {
            indicator: r.text(1)?,
            unit: r.text(2)?,
            items: r.int(3)?,
            target: r.opt_real(4)?,
            current: r.opt_real(5)?,
        });
        Ok(())
    })?;
    Ok(all)
}

/// The string without the schema `in_schema` chose (always added last).
fn without_chosen_schema(db: &str) -> &str {
    if let Some(i) = db.rfind(" options='-csearch_path=") {
        return &db[..i];
    }
    match db.rfind("options=-csearch_path%3D") {
        Some(i) if i > 0 => &db[..i - 1],
        _ => db,
    }
}

/// The plan `db` opens when `meant` (`--plan`) is asked for. With no plan
/// named: the database's own schema if it holds one (a database of one
/// plan works as before), else its only plan, else the planner is asked.
pub fn choose_plan(db: &str, meant: Option<&PlanRef>) -> Result<Chosen> {
    if libpq::mentions(db, "options") {
        return Ok(Chosen::AsGiven);
    }
    let mut server = Server::connect_bare(db)?;
    let named = server.named().to_owned();
    let client = server.client.get_mut();
    let current: String = client
        .query_one("SELECT coalesce(current_schema()::text, '')", &[])
        .map_err(|e| Error::pg(format!("listing the plans ({named})"), &e))?
        .get(0);
    let plans = plans_in(client, &named)?;
    let fits: Vec<&PlanSummary> = match meant {
        Some(m) => plans
            .iter()
            .filter(|p| m.matches(&p.identity, &p.unit, p.year))
            .collect(),
        None if plans.iter().any(|p| p.schema == current) => return Ok(Chosen::AsGiven),
        None => plans.iter().collect(),
    };
    match fits.as_slice() {
        [] if plans.is_empty() => Ok(Chosen::AsGiven),
        [one] if one.schema == current => Ok(Chosen::AsGiven),
        [one] => {
            let trigram = trigram_schema(client, &named)?;
            Ok(Chosen::Plan(in_schema(db, &one.schema, trigram.as_deref())))
        }
        _ => Ok(Chosen::Ask(plans)),
    }
}

/// Where a new plan of `unit` and `year` goes: its schema (made if
/// missing, with pg_trgm put in `public` when the database has none yet),
/// as the connection string that opens it, and the schema's name. A string
/// that chooses its own schema (`options=`) is kept as it is.
pub fn new_plan_place(db: &str, unit: &str, year: i64) -> Result<(String, String)> {
    if libpq::mentions(db, "options") {
        return Ok((db.to_owned(), String::new()));
    }
    let mut server = Server::connect_bare(db)?;
    let named = server.named().to_owned();
    let client = server.client.get_mut();
    let fail =
        |source: postgres::Error| Error::pg(format!("making the plan's schema ({named})"), &source);
    let schema = crate::domain::plan_ref::store_name(unit, year);
    let trigram = match trigram_schema(client, &named)? {
        Some(s) => s,
        None => {
            client
                .batch_execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
                .map_err(fail)?;
            "public".to_owned()
        }
    };
    client
        .batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS {}", quoted(&schema)))
        .map_err(fail)?;
    Ok((in_schema(db, &schema, Some(&trigram)), schema))
}

/// Who may do what with a plan just made in `schema`, by the roles an
/// administrator made (docs/postgres-units.sql); a role not made is
/// skipped. `plan_city` and `plan_viewer` read every plan; the unit's
/// planners (`nanchengjiedao_planner`) read and write their unit's plans,
/// and only add to the change log. Granted for the tables there now and
/// for those a later version adds. Returns the roles granted.
pub fn grant_plan(place: &str, schema: &str) -> Result<Vec<String>> {
    if schema.is_empty() {
        return Ok(Vec::new());
    }
    let mut server = Server::connect_bare(place)?;
    let named = server.named().to_owned();
    let client = server.client.get_mut();
    let fail = |source: postgres::Error| {
        Error::pg(format!("granting the plan's roles ({named})"), &source)
    };
    let unit_role = format!(
        "{}_planner",
        schema.rsplit_once('_').map_or(schema, |(u, _)| u)
    );
    let there: Vec<String> = client
        .query(
            "SELECT rolname::text FROM pg_roles WHERE rolname = ANY($1) ORDER BY 1",
            &[&vec!["plan_city", "plan_viewer", unit_role.as_str()]],
        )
        .map_err(fail)?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let s = quoted(schema);
    let mut sql = String::new();
    for role in &there {
        let r = quoted(role);
        sql.push_str(&format!(
            "GRANT USAGE ON SCHEMA {s} TO {r};
             GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {r};
             ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT SELECT ON TABLES TO {r};"
        ));
        if *role == unit_role {
            sql.push_str(&format!(
                "GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {r};
                 ALTER DEFAULT PRIVILEGES IN SCHEMA {s}
                     GRANT INSERT, UPDATE, DELETE ON TABLES TO {r};
                 REVOKE UPDATE, DELETE, TRUNCATE ON {s}.history FROM {r};"
            ));
        }
    }
    client.batch_execute(&sql).map_err(fail)?;
    Ok(there)
}

/// The schema pg_trgm's operators live in, if it is installed.
fn trigram_schema(client: &mut impl GenericClient, named: &str) -> Result<Option<String>> {
    Ok(client
        .query_opt(
            "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'",
            &[],
        )
        .map_err(|e| Error::pg(format!("looking for pg_trgm ({named})"), &e))?
        .map(|r| r.get::<_, String>(0).trim_matches('"').to_owned()))
}

/// `db` with `search_path` set to `schema` (then pg_trgm's schema).
fn in_schema(db: &str, schema: &str, trigram: Option<&str>) -> String {
    let mut path = vec![quoted(schema)];
    if let Some(t) = trigram.filter(|t| *t != schema) {
        path.push(quoted(t));
    }
    // Inside `options`, a space separates arguments: escaped, as libpq does.
    let option = format!("-csearch_path={}", path.join(","))
        .replace('\\', "\\\\")
        .replace(' ', "\\ ");
    if db.starts_with("postgres://") || db.starts_with("postgresql://") {
        let joiner = if db.contains('?') { '&' } else { '?' };
        format!("{db}{joiner}options={}", percent(&option))
    } else {
        let value = option.replace('\\', "\\\\").replace('\'', "\\'");
        format!("{db} options='{value}'")
    }
}

/// An identifier as PostgreSQL quotes it.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn percent(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_is_chosen_in_either_form_of_connection_string() {
        assert_eq!(
            in_schema("postgresql://u@h/city", "a_2024", Some("public")),
            "postgresql://u@h/city?options=-csearch_path%3D%22a_2024%22%2C%22public%22"
        );
        assert_eq!(
            in_schema("host=h dbname=city", "a_2024", None),
            "host=h dbname=city options='-csearch_path=\"a_2024\"'"
        );
        for db in [
            "postgresql://u@h/city",
            "postgresql://u@h/city?sslmode=require",
            "host=h dbname=city",
        ] {
            assert_eq!(
                without_chosen_schema(&in_schema(db, "a_2024", Some("public"))),
                db
            );
        }
        let odd = in_schema("host=h", "y 2024", None);
        assert_eq!(odd, "host=h options='-csearch_path=\"y\\\\ 2024\"'");
        let config: postgres::Config = odd.parse().unwrap();
        assert_eq!(config.get_options(), Some("-csearch_path=\"y\\ 2024\""));
    }
}
