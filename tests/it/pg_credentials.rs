//! PostgreSQL settings the libpq way (issue 23): `PGHOST`/`PGUSER`/
//! `PGDATABASE`, a service file, `sslmode=require` over a socket; a
//! password written in the URL gets a warning and is never shown. Runs on
//! the server `.ci/run` starts (skips, saying so, without one).

use crate::common;
#[allow(dead_code)]
use crate::common::pg;

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
    db.take_plan_of(&sb);
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

/// The role `.ci/postgres.sh` makes give its password (`scram-sha-256` in
/// pg_hba.conf): created here with `password`, allowed into `db`. None
/// when this server trusts it anyway (a server set up by hand).
fn password_role(db: &pg::TestDb, password: &str) -> Option<String> {
    let mut c = db.client();
    let enforced: i64 = c
        .query_one(
            "SELECT count(*) FROM pg_hba_file_rules
             WHERE 'plan_pw_test' = ANY(user_name) AND auth_method = 'scram-sha-256'",
            &[],
        )
        .unwrap()
        .get(0);
    if enforced == 0 {
        assert!(
            std::env::var_os("PLAN_COCKPIT_REQUIRE_PG").is_none(),
            "the test server lets plan_pw_test in without a password (.ci/postgres.sh sets it)"
        );
        eprintln!("not run: the test server does not ask plan_pw_test for a password");
        return None;
    }
    // Roles are the cluster's: another test process may make it at once.
    let _ = c.batch_execute(&format!(
        "DO $$ BEGIN
             IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'plan_pw_test') THEN
                 CREATE ROLE plan_pw_test LOGIN;
             END IF;
         END $$;
         ALTER ROLE plan_pw_test PASSWORD '{password}';
         GRANT owner TO plan_pw_test;"
    ));
    Some("plan_pw_test".to_owned())
}

/// A server that checks passwords: PGPASSWORD, a 0600 ~/.pgpass and a
/// service file's password let the planner in; a wrong one, or a password
/// file others may read (ignored, as libpq ignores it), do not; no
/// message shows a password.
#[test]
fn passwords_from_the_environment_and_the_password_file_reach_the_server() {
    use std::os::unix::fs::PermissionsExt;
    let Some(db) = pg::test_db() else { return };
    let sb = with_plan(&db);
    let secret = "pw-Zz9-东城";
    let Some(role) = password_role(&db, secret) else {
        return;
    };
    let (host, _, name) = parts(&db.url);
    let conn = format!("host={host} user={role} dbname={name}");
    let run = |c: &mut std::process::Command| {
        let out = c.args(["milestone", "list"]).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!err.contains(secret), "{err}");
        (out.status.success(), err)
    };
    let (ok, err) = run(on(&sb, &conn).env("PGPASSWORD", secret));
    assert!(ok, "PGPASSWORD: {err}");
    let (ok, _) = run(on(&sb, &conn).env("PGPASSWORD", "wrong"));
    assert!(!ok, "a wrong password is refused");
    let (ok, _) = run(&mut on(&sb, &conn));
    assert!(!ok, "no password: refused");
    // ~/.pgpass: the sandbox is HOME.
    let pass = sb.write(".pgpass", format!("*:*:{name}:{role}:{secret}\n"));
    std::fs::set_permissions(&pass, std::fs::Permissions::from_mode(0o600)).unwrap();
    let (ok, err) = run(&mut on(&sb, &conn));
    assert!(ok, "~/.pgpass: {err}");
    std::fs::set_permissions(&pass, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (ok, _) = run(&mut on(&sb, &conn));
    assert!(!ok, "a password file others may read is ignored");
    std::fs::remove_file(&pass).unwrap();
    let services = sb.write(
        "services.conf",
        format!("[mine]\nhost={host}\nuser={role}\ndbname={name}\npassword={secret}\n"),
    );
    let (ok, err) = run(on(&sb, "service=mine").env("PGSERVICEFILE", &services));
    assert!(ok, "service file: {err}");
}
