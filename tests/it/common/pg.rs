//! A database of its own for each PostgreSQL test, on the server that
//! `PLAN_COCKPIT_TEST_PG` names (`.ci/run` starts one). Without it the
//! tests skip, and say so once on the terminal; with
//! `PLAN_COCKPIT_REQUIRE_PG=1` (CI) a missing server fails them instead.

use std::io::Write;

pub struct TestDb {
    admin: String,
    pub name: String,
    /// The libpq connection string of this test's database.
    pub url: String,
}

/// This test's database, or None (skipped) when no server is given.
pub fn test_db() -> Option<TestDb> {
    let admin = match std::env::var("PLAN_COCKPIT_TEST_PG") {
        Ok(a) if !a.is_empty() => a,
        _ => {
            static SAID: std::sync::Once = std::sync::Once::new();
            assert!(
                std::env::var_os("PLAN_COCKPIT_REQUIRE_PG").is_none(),
                "PLAN_COCKPIT_REQUIRE_PG is set but PLAN_COCKPIT_TEST_PG is not"
            );
            SAID.call_once(|| {
                // Straight to the terminal: the test harness captures
                // `eprintln!` of passing tests.
                let _ = writeln!(
                    std::io::stderr(),
                    "\nPostgreSQL tests skipped: PLAN_COCKPIT_TEST_PG is not set \
                     (.ci/run starts a server and sets it)"
                );
            });
            return None;
        }
    };
    let name = format!("pc_test_{}_{:08x}", std::process::id(), fastrand::u32(..));
    let mut c =
        postgres::Client::connect(&admin, postgres::NoTls).expect("connect to the test server");
    c.batch_execute(&format!(
        "CREATE DATABASE {name} ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8' TEMPLATE template0"
    ))
    .expect("create a test database");
    let url = with_dbname(&admin, &name);
    Some(TestDb { admin, name, url })
}

/// `admin` with another database.
pub fn with_dbname(admin: &str, db: &str) -> String {
    let kept: Vec<&str> = admin
        .split_whitespace()
        .filter(|w| !w.starts_with("dbname="))
        .collect();
    format!("{} dbname={db}", kept.join(" "))
}

impl TestDb {
    /// Copies the plan of `sb`'s file (seeded first if it has none) into
    /// this database, as `migrate` does.
    pub fn take_plan_of(&self, sb: &crate::common::Sandbox) {
        if !sb.db.exists() {
            sb.ok(&["init"]);
        }
        sb.ok(&[
            "migrate",
            "--from",
            sb.db.to_str().unwrap(),
            "--to",
            &self.url,
        ]);
    }

    pub fn client(&self) -> postgres::Client {
        postgres::Client::connect(&self.url, postgres::NoTls).expect("connect to the test database")
    }

    /// The connection string as another role.
    pub fn as_role(&self, role: &str) -> String {
        let kept: Vec<&str> = self
            .url
            .split_whitespace()
            .filter(|w| !w.starts_with("user="))
            .collect();
        format!("{} user={role}", kept.join(" "))
    }

    /// A second empty database on the same server, dropped with this one.
    pub fn sibling(&self, suffix: &str, ctype: &str) -> String {
        let name = format!("{}_{suffix}", self.name);
        let mut c = postgres::Client::connect(&self.admin, postgres::NoTls).expect("connect");
        c.batch_execute(&format!(
            "CREATE DATABASE {name} ENCODING 'UTF8' LC_CTYPE '{ctype}' LC_COLLATE '{ctype}' TEMPLATE template0"
        ))
        .expect("create a sibling database");
        with_dbname(&self.admin, &name)
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let names: Vec<String> = c
                .query(
                    "SELECT datname FROM pg_database WHERE datname LIKE $1",
                    &[&format!("{}%", self.name)],
                )
                .map(|rows| rows.iter().map(|r| r.get(0)).collect())
                .unwrap_or_default();
            for n in names {
                let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {n} WITH (FORCE)"));
            }
        }
    }
}

/// The roles and grants docs/postgresql.md gives an administrator, made on
/// the shared test server, with `zhao_min` a viewer who may log in. Roles
/// belong to the whole server, and two tests creating one at once would
/// collide (a unique violation, not the `duplicate_object` the statements
/// expect): one at a time.
pub fn grant_roles(c: &mut postgres::Client) {
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    c.batch_execute(
        "DO $$ BEGIN CREATE ROLE plan_planner NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
         DO $$ BEGIN CREATE ROLE plan_viewer NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
         DO $$ BEGIN CREATE ROLE zhao_min LOGIN IN ROLE plan_viewer;
         EXCEPTION WHEN duplicate_object THEN NULL; END $$;",
    )
    .unwrap();
    c.batch_execute(include_str!("../../../docs/postgres-grants.sql"))
        .unwrap();
}
