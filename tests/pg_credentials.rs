//! PostgreSQL settings the libpq way (issue 23): `PGHOST`/`PGUSER`/
//! `PGDATABASE`, a service file, `sslmode=require` over a socket; a
//! password written in the URL gets a warning and is never shown. Runs on
//! the server `.ci/run` starts (skips, saying so, without one).

mod common;
#[allow(dead_code)]
#[path = "common/pg.rs"]
mod pg;

use common::Sandbox;

/// The test database's socket folder, role and name, from its libpq string.
fn parts(url: &str) -> (String, String, String) {
    let get = |k: &str| {
        url.split_whitespace()
            .find_map(|w| w.strip_prefix(&format!("{k}=")))
            .unwrap_or("")
            .to_owned()
    };
    (get("host"), get("user"), get("dbname"))
}

/// The binary on the plan at `db` (a connection string), as the sandbox's
/// command is on its file; no PG variable inherited from the test's
/// environment but those the test sets.
fn on(sb: &Sandbox, db: &str) -> std::process::Command {
    let mut c = std::process::Command::new(common::BIN);
    c.arg("--db").arg(db);
    for (k, _) in std::env::vars() {
        if k.starts_with("PG") {
            c.env_remove(k);
        }
    }
    c.env("XDG_STATE_HOME", sb.path("state"))
        .env("PLAN_COCKPIT_NOW", common::NOW)
        .env("LANG", "C.UTF-8")
        .env("HOME", sb.dir.path())
        .env_remove("LC_ALL")
        .env_remove("PLAN_COCKPIT_DB");
    c
}

/// Runs `c`, which must succeed; its standard output.
fn ok(c: &mut std::process::Command) -> String {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn with_plan(db: &pg::TestDb) -> Sandbox {
    let sb = Sandbox::new();
    sb.ok(&["check"]);
    sb.ok(&[
        "migrate",
        "--from",
        sb.db.to_str().unwrap(),
        "--to",
        &db.url,
    ]);
    sb
}

#[test]
fn the_environment_and_a_service_file_name_the_server() {
    let Some(db) = pg::test_db() else { return };
    let sb = with_plan(&db);
    let (host, user, name) = parts(&db.url);
    // Nothing but the database's name in --db: PGHOST and PGUSER say where
    // and who, as they do for psql.
    let stdout = ok(on(&sb, &format!("dbname={name}"))
        .args(["milestone", "list", "--json"])
        .env("PGHOST", &host)
        .env("PGUSER", &user));
    assert!(stdout.contains("高新技术企业"));
    // PGDATABASE too, with a URL naming nothing.
    let listed = ok(on(&sb, "postgresql://")
        .args(["milestone", "list"])
        .env("PGHOST", &host)
        .env("PGUSER", &user)
        .env("PGDATABASE", &name));
    assert!(listed.contains("600"), "{listed}");
    // A service file entry, and sslmode=require over the socket (a socket
    // never uses TLS).
    let services = sb.write(
        "pg_service.conf",
        format!("[city]\nhost={host}\nuser={user}\ndbname={name}\nsslmode=require\n"),
    );
    for (conn, file) in [
        ("service=city".to_owned(), Some(&services)),
        (format!("{} sslmode=require", db.url), None),
    ] {
        let mut c = on(&sb, &conn);
        if let Some(f) = file {
            c.env("PGSERVICEFILE", f);
        }
        assert!(ok(c.args(["milestone", "list"])).contains("600"), "{conn}");
    }
    // An unknown service is named.
    let out = on(&sb, "service=nope")
        .args(["milestone", "list"])
        .env("PGSERVICEFILE", &services)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"nope\""));
}

#[test]
fn a_password_in_the_url_is_warned_of_and_never_shown() {
    let Some(db) = pg::test_db() else { return };
    let sb = with_plan(&db);
    let (host, user, name) = parts(&db.url);
    let secret = "Zz9-top-secret";
    let url = format!("host={host} user={user} dbname={name} password={secret}");
    let out = on(&sb, &url).args(["milestone", "list"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("holds a password") && err.contains("~/.pgpass"),
        "{err}"
    );
    assert!(!err.contains(secret), "{err}");
    // A server that is not there: the failure names it, without the password.
    let url = format!("postgresql://{user}:{secret}@127.0.0.1:1/{name}?connect_timeout=2");
    let out = on(&sb, &url).args(["milestone", "list"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("127.0.0.1:1") && !err.contains(secret),
        "{err}"
    );
}
