//! The PostgreSQL engine (issue 16): a plan kept in a PostgreSQL database,
//! for a city whose planners outgrow one file on one server. Only this
//! folder speaks PostgreSQL's SQL; what it offers is said in the plan's
//! words, as the SQLite store's is.
//!
//! The connection goes through the `postgres` crate (synchronous, like
//! the rest of the program): any libpq connection string or URL, several
//! hosts and `target_session_attrs=read-write` included.

mod copy;
mod db;
mod engine;
mod libpq;
mod listen;
pub(in crate::store) mod open;
mod pinyin;
mod plans;
mod revive;
mod schema;
mod schema_v2;
mod schema_v3;
mod schema_v4;
mod schema_v5;
mod schema_v6;
mod schema_v7;
mod search;
mod tls;

pub use libpq::password_in_string;
pub use open::{author, open_server};
pub use pinyin::catch_up_pinyin;
pub use plans::{Chosen, choose_plan, grant_plan, new_plan_place, plans_on, standings_on};
pub use schema::latest_version;
pub use search::search;

use super::error::{Error, Result, ServerWhy};
use postgres::{Client, Config};
use std::cell::RefCell;
use std::time::Duration;

/// The oldest server this build runs on: generated columns (12) and
/// pg_trgm as a trusted extension a database owner may create (13).
const OLDEST_SERVER: i32 = 130_000;

/// Whether the connection's own schema (the first on `search_path`) has
/// a table of this name. Not `to_regclass`: with several plans in one
/// database, a table of another schema further along the path (`public`,
/// where pg_trgm lives) must not be taken for this plan's.
const IN_THIS_SCHEMA: &str = "SELECT EXISTS (SELECT 1 FROM pg_tables
     WHERE schemaname = current_schema() AND tablename = $1)";

/// One connection to the plan's database.
pub struct Server {
    /// Behind a cell so that reads (`&self`, as on the file) may use it.
    client: RefCell<Client>,
    /// How to connect again when the connection is lost.
    config: Config,
    /// TLS for a server reached over TCP (None over a Unix socket).
    tls: Option<postgres_native_tls::MakeTlsConnector>,
    /// Statements prepared on this connection, by their text.
    statements: db::Statements,
    /// What this connection hears of others' changes (once listening).
    ears: listen::Ears,
    /// Inside a snapshot's read transaction.
    reading: std::cell::Cell<bool>,
    /// The connection string without its password, for messages.
    named: String,
    /// The database role this connection acts as: the author of its edits.
    role: String,
    /// The connection string as given (it may hold a password: never said),
    /// from which the database's other plans are reached.
    given: String,
}

/// How a connection string is named in messages: hosts, database and
/// role, never the password.
pub fn name_of(config: &Config) -> String {
    use postgres::config::Host;
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .zip(config.get_ports().iter().chain(std::iter::repeat(&5432)))
        .map(|(h, port)| match h {
            Host::Tcp(name) => format!("{name}:{port}"),
            Host::Unix(path) => format!("{}", path.display()),
        })
        .collect();
    let db = config.get_dbname().or(config.get_user()).unwrap_or("");
    let user = config.get_user().unwrap_or("");
    format!("postgresql://{user}@{}/{db}", hosts.join(","))
}

/// `name_of` for a connection string as typed ("PostgreSQL" when it
/// does not parse: its words stay out of messages, as a password might).
pub fn name_of_string(db: &str) -> String {
    match resolve(db) {
        Ok(c) => name_of(&c),
        Err(_) => "PostgreSQL".to_owned(),
    }
}

/// `db` completed as libpq completes it: service file, environment,
/// password file, defaults (see `libpq`).
fn resolve(db: &str) -> Result<Config> {
    let env = |k: &str| std::env::var(k).ok();
    let sources = libpq::Sources {
        env: &env,
        home: std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(std::path::PathBuf::from),
        unix_user: crate::user::unix_user(),
    };
    let mut config = libpq::resolve(db, &sources).map_err(|e| Error::Server {
        server: String::from("--db"),
        why: match e {
            libpq::Unresolved::BadString(s) => ServerWhy::BadAddress(s),
            libpq::Unresolved::NoService(name) => ServerWhy::NoService(name),
            libpq::Unresolved::BadSetting { key, from } => ServerWhy::BadSetting { key, from },
        },
    })?;
    // A Unix socket never uses TLS (libpq's rule): `sslmode=require` on
    // one asks for nothing it can give, and is not an error.
    let all_sockets = config
        .get_hosts()
        .iter()
        .all(|h| matches!(h, postgres::config::Host::Unix(_)));
    if all_sockets {
        config.ssl_mode(postgres::config::SslMode::Disable);
    }
    Ok(config)
}

impl Server {
    /// Connects, checks that the server can hold a plan (its version,
    /// pg_trgm, a locale that lets pg_trgm see Chinese), and brings the
    /// schema up to date when this role may (otherwise says who must).
    pub fn connect(db: &str) -> Result<Server> {
        let mut server = Server::connect_bare(db)?;
        server.ensure_schema()?;
        Ok(server)
    }

    /// Connects and checks the server, touching no schema: for looking at
    /// which plans a database holds, and where a new one goes.
    pub(super) fn connect_bare(db: &str) -> Result<Server> {
        let mut config = resolve(db)?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(5));
        }
        if config.get_application_name().is_none() {
            config.application_name("plan-cockpit");
        }
        let named = name_of(&config);
        let tls = tls::connector(&config, &named)?;
        let client = tls::connect(&config, tls.as_ref())
            .map_err(|e| Error::pg(format!("connecting to {named}"), &e))?;
        let mut server = Server {
            client: RefCell::new(client),
            config,
            tls,
            statements: db::Statements::default(),
            reading: std::cell::Cell::new(false),
            ears: listen::Ears::default(),
            named,
            role: String::new(),
            given: db.to_owned(),
        };
        server.role = server.one_text("SELECT current_user::text")?;
        server.check_server()?;
        Ok(server)
    }

    /// The connection as named in messages (no password).
    pub fn named(&self) -> &str {
        &self.named
    }

    /// The database role edits are recorded under.
    pub fn role(&self) -> &str {
        &self.role
    }

    fn fail(&self, what: &str) -> impl FnOnce(postgres::Error) -> Error + '_ {
        let context = format!("{what} ({})", self.named);
        move |source| Error::pg(context, &source)
    }

    fn refused(&self, why: ServerWhy) -> Error {
        Error::Server {
            server: self.named.clone(),
            why,
        }
    }

    fn one_text(&mut self, sql: &str) -> Result<String> {
        let context = format!("asking the server ({})", self.named);
        self.client
            .get_mut()
            .query_one(sql, &[])
            .and_then(|r| r.try_get::<_, String>(0))
            .map_err(|source| Error::pg(context, &source))
    }

    /// Names, at start, a server that cannot hold the plan as the file
    /// does: too old, without pg_trgm, or with a locale in which pg_trgm
    /// finds no letters in Chinese (searches would then scan everything).
    fn check_server(&mut self) -> Result<()> {
        let version: i32 = self
            .one_text("SELECT current_setting('server_version_num')")?
            .parse()
            .unwrap_or(0);
        if version < OLDEST_SERVER {
            let shown = self.one_text("SELECT current_setting('server_version')")?;
            return Err(self.refused(ServerWhy::TooOld { version: shown }));
        }
        let available = self
            .client
            .get_mut()
            .query_opt(
                "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'",
                &[],
            )
            .map_err(self.fail("looking for pg_trgm"))?;
        if available.is_none() {
            return Err(self.refused(ServerWhy::NoTrigram));
        }
        Ok(())
    }

    /// pg_trgm sees Chinese only under a locale whose LC_CTYPE classes
    /// Chinese characters as letters (C.UTF-8, zh_CN.UTF-8); under `C` it
    /// extracts nothing from them. Asked after the schema is in place
    /// (the extension may only exist from then on).
    fn check_locale(&mut self) -> Result<()> {
        match blind_ctype(self.client.get_mut()).map_err(self.fail("checking the locale"))? {
            Some(ctype) => Err(self.refused(ServerWhy::LocaleBlindToChinese { ctype })),
            None => Ok(()),
        }
    }

    /// The schema version in this database (0 when it holds none).
    pub fn schema_version(&mut self) -> Result<i64> {
        let exists = self
            .client
            .get_mut()
            .query_one(IN_THIS_SCHEMA, &[&"plan_cockpit_schema"])
            .map_err(self.fail("reading the schema version"))?
            .get::<_, bool>(0);
        if !exists {
            return Ok(0);
        }
        self.client
            .get_mut()
            .query_one(
                "SELECT coalesce(max(version), 0)::bigint FROM plan_cockpit_schema",
                &[],
            )
            .map(|r| r.get(0))
            .map_err(self.fail("reading the schema version"))
    }

    /// Applies the migrations this database lacks, in one transaction,
    /// under an advisory lock (two cockpits started at once: the second
    /// waits, then finds nothing to do). A role that may not create tables
    /// is told which role must run the upgrade; a database of another
    /// program's tables, or of a newer plan-cockpit, is left untouched.
    fn ensure_schema(&mut self) -> Result<()> {
        let found = self.schema_version()?;
        let latest = latest_version();
        if found > latest {
            return Err(self.refused(ServerWhy::NewerSchema {
                found,
                supported: latest,
            }));
        }
        if found == latest {
            return self.check_locale();
        }
        if found == 0 {
            let foreign = self
                .client
                .get_mut()
                .query_one(IN_THIS_SCHEMA, &[&"plan"])
                .map_err(self.fail("looking at the schema"))?
                .get::<_, bool>(0);
            if foreign {
                return Err(self.refused(ServerWhy::NotOurs));
            }
        }
        let may_create: bool = self
            .client
            .get_mut()
            .query_one(
                "SELECT has_schema_privilege(current_schema(), 'CREATE')
                        AND has_database_privilege(current_database(), 'CREATE')",
                &[],
            )
            .map_err(self.fail("checking privileges"))?
            .get(0);
        if !may_create {
            return Err(self.refused(ServerWhy::NeedsOwner {
                role: self.role.clone(),
                found,
                latest,
            }));
        }
        let named = self.named.clone();
        let fail = |what: &str| {
            let context = format!("{what} ({named})");
            move |source| Error::pg(context, &source)
        };
        let mut tx = self
            .client
            .get_mut()
            .transaction()
            .map_err(fail("upgrading the schema"))?;
        tx.execute(
            "SELECT pg_advisory_xact_lock(hashtext('plan_cockpit_schema'))",
            &[],
        )
        .map_err(fail("waiting for another upgrade"))?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS plan_cockpit_schema (
                 version    integer PRIMARY KEY,
                 applied_at timestamptz NOT NULL DEFAULT now(),
                 applied_by text NOT NULL DEFAULT current_user)",
        )
        .map_err(fail("upgrading the schema"))?;
        let now: i64 = tx
            .query_one(
                "SELECT coalesce(max(version), 0)::bigint FROM plan_cockpit_schema",
                &[],
            )
            .map_err(fail("upgrading the schema"))?
            .get(0);
        for (version, sql) in (1_i32..).zip(schema::MIGRATIONS) {
            if i64::from(version) <= now {
                continue;
            }
            tx.batch_execute(sql)
                .map_err(fail(&format!("applying schema version {version}")))?;
            tx.execute(
                "INSERT INTO plan_cockpit_schema (version) VALUES ($1)",
                &[&version],
            )
            .map_err(fail("upgrading the schema"))?;
        }
        // Checked before the commit: a database whose locale hides Chinese
        // from pg_trgm is left as it was found.
        if let Some(ctype) = blind_ctype(&mut tx).map_err(fail("checking the locale"))? {
            drop(tx);
            return Err(self.refused(ServerWhy::LocaleBlindToChinese { ctype }));
        }
        tx.commit().map_err(fail("upgrading the schema"))
    }
}

/// The database's LC_CTYPE when pg_trgm extracts nothing from Chinese
/// under it; None when it sees Chinese letters.
fn blind_ctype(
    client: &mut impl postgres::GenericClient,
) -> std::result::Result<Option<String>, postgres::Error> {
    let row = client.query_one(
        "SELECT cardinality(show_trgm('园区配套')) = 0, current_setting('lc_ctype')",
        &[],
    )?;
    Ok(row.get::<_, bool>(0).then(|| row.get(1)))
}

/// The server's own message (with its code and detail) or, for a
/// connection that failed before one, the client's.
pub(crate) fn words(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => {
            let mut words = format!("{} [{}]", db.message(), db.code().code());
            if let Some(detail) = db.detail() {
                words.push_str(&format!(" ({detail})"));
            }
            words
        }
        None => match std::error::Error::source(e) {
            Some(inner) => format!("{e}: {inner}"),
            None => e.to_string(),
        },
    }
}

impl Error {
    /// PostgreSQL's failure `e` while doing `context`, in its words.
    pub(crate) fn pg(context: impl Into<String>, e: &postgres::Error) -> Error {
        Error::Pg {
            context: context.into(),
            said: words(e),
        }
    }
}
