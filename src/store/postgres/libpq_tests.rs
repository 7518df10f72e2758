//! Tests of `libpq.rs`: connection strings completed as libpq completes them.

use super::*;
use std::os::unix::fs::PermissionsExt;

fn with<'a>(
    vars: &'a [(&'a str, &'a str)],
    home: &Path,
) -> (impl Fn(&str) -> Option<String> + 'a, PathBuf) {
    (
        move |k: &str| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        },
        home.to_owned(),
    )
}

fn resolved(db: &str, vars: &[(&str, &str)], home: &Path) -> Result<Config, Unresolved> {
    let (env, home) = with(vars, home);
    resolve(
        db,
        &Sources {
            env: &env,
            home: Some(home),
            unix_user: "lihua".into(),
        },
    )
}

#[test]
fn the_environment_completes_what_the_string_leaves_out() {
    let home = tempfile::tempdir().unwrap();
    let c = resolved(
        "dbname=plan",
        &[
            ("PGHOST", "db.example"),
            ("PGPORT", "5433"),
            ("PGUSER", "planner"),
            ("PGPASSWORD", "s3cret"),
        ],
        home.path(),
    )
    .unwrap();
    assert_eq!(c.get_hosts(), &[Host::Tcp("db.example".into())]);
    assert_eq!(c.get_ports(), &[5433]);
    assert_eq!(c.get_user(), Some("planner"));
    assert_eq!(c.get_dbname(), Some("plan"), "the string wins");
    assert_eq!(c.get_password(), Some(&b"s3cret"[..]));
    // Nothing said anywhere: the Unix user, the local socket.
    let c = resolved("postgres://", &[], home.path()).unwrap();
    assert_eq!(c.get_user(), Some("lihua"));
    assert_eq!(c.get_dbname(), Some("lihua"));
    assert!(matches!(c.get_hosts(), [Host::Unix(_)]));
}

#[test]
fn the_password_file_is_matched_as_libpq_matches_it() {
    let home = tempfile::tempdir().unwrap();
    let pass = home.path().join(".pgpass");
    std::fs::write(
        &pass,
        "# comment\nother:*:*:*:no\ndb.example:5432:plan:planner:pa\\:ss\n*:*:*:*:fallback\n",
    )
    .unwrap();
    std::fs::set_permissions(&pass, std::fs::Permissions::from_mode(0o600)).unwrap();
    let c = resolved("host=db.example dbname=plan user=planner", &[], home.path()).unwrap();
    assert_eq!(c.get_password(), Some(&b"pa:ss"[..]));
    let c = resolved("host=else dbname=x user=y", &[], home.path()).unwrap();
    assert_eq!(c.get_password(), Some(&b"fallback"[..]));
    // Readable by others: ignored, as libpq ignores it.
    std::fs::set_permissions(&pass, std::fs::Permissions::from_mode(0o644)).unwrap();
    let c = resolved("host=else dbname=x user=y", &[], home.path()).unwrap();
    assert_eq!(c.get_password(), None);
}

#[test]
fn a_service_entry_fills_in_and_an_unknown_one_is_named() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        home.path().join(".pg_service.conf"),
        "[other]\nhost=no\n[city]\nhost=db.city\nport=6432\ndbname=plans\nuser=dongcheng\nsslmode=require\n",
    )
    .unwrap();
    let c = resolved("service=city", &[], home.path()).unwrap();
    assert_eq!(c.get_hosts(), &[Host::Tcp("db.city".into())]);
    assert_eq!(c.get_ports(), &[6432]);
    assert_eq!(
        (c.get_user(), c.get_dbname()),
        (Some("dongcheng"), Some("plans"))
    );
    assert_eq!(c.get_ssl_mode(), SslMode::Require);
    let c = resolved("postgres://me@/mine?service=city", &[], home.path()).unwrap();
    assert_eq!((c.get_user(), c.get_dbname()), (Some("me"), Some("mine")));
    let c = resolved("dbname=x", &[("PGSERVICE", "city")], home.path()).unwrap();
    assert_eq!(c.get_dbname(), Some("x"));
    assert_eq!(
        resolved("service=nope", &[], home.path()).err(),
        Some(Unresolved::NoService("nope".into()))
    );
    assert!(matches!(
        resolved("dbname=x", &[("PGPORT", "fifty")], home.path()),
        Err(Unresolved::BadSetting { .. })
    ));
}

#[test]
fn a_quoted_value_reaches_the_driver_as_typed() {
    let home = tempfile::tempdir().unwrap();
    let c = resolved("host=h user=u dbname=d password='a  b'", &[], home.path()).unwrap();
    assert_eq!(c.get_password(), Some(&b"a  b"[..]));
}

#[test]
fn a_password_in_the_string_is_noticed() {
    assert!(password_in_string("postgres://u:pw@h/db"));
    assert!(password_in_string("host=h password=pw"));
    assert!(!password_in_string("postgres://u@h/db"));
    assert!(!password_in_string("host=h dbname=d"));
}
