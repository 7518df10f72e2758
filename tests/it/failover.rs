//! A failover to a standby is followed (issue 16): a primary and a
//! streaming standby of its own (made for this test, beside the shared
//! test server, which is left alone), a cockpit's store connected with
//! both hosts and `target_session_attrs=read-write`; the primary dies, the
//! standby is promoted, and the next save lands on it with its version
//! check. Needs the server's programs (`PLAN_COCKPIT_TEST_PG_BIN`, which
//! `.ci/run` sets); skips, saying so, without them.

use crate::common;
use crate::common::cluster::{Cluster, Teardown, initdb, server_programs, shared_temp};

use common::{Sandbox, open_store};
use plan_cockpit::domain::MilestoneChange;
use std::path::Path;
use std::process::{Command, Stdio};

#[test]
fn a_failover_to_a_standby_is_followed() {
    let Some(bin) = server_programs() else { return };
    let root = shared_temp("plan-cockpit-failover");
    let primary = Cluster::new(&bin, root.path(), "primary");
    let standby = Cluster::new(&bin, root.path(), "standby");
    initdb(&primary);
    primary.start();
    let teardown = Teardown(vec![primary.clone(), standby.clone()]);
    standby.run(
        "pg_basebackup",
        &[
            "-h",
            &primary.socket(),
            "-U",
            "owner",
            "-D",
            &standby.data(),
            "-R",
            "-X",
            "stream",
        ],
    );
    standby.start();

    let both = format!(
        "host={},{} user=owner dbname=postgres target_session_attrs=read-write",
        primary.socket(),
        standby.socket()
    );
    let sb = Sandbox::new();
    drop(open_store(&sb.db));
    sb.ok(&["migrate", "--from", sb.db.to_str().unwrap(), "--to", &both]);
    let mut s = open_store(Path::new(&both));
    let m = s.project_milestones(1).unwrap().into_iter().next().unwrap();
    let note = MilestoneChange {
        note: Some("切换前写的".into()),
        ..MilestoneChange::default()
    };
    let before = s
        .update_milestone(m.id, Some(m.version), note, "test")
        .unwrap();
    // Wait until the standby has what the primary committed.
    let standby_url = format!("host={} user=owner dbname=postgres", standby.socket());
    let mut seen = false;
    for _ in 0..100 {
        if let Ok(mut c) = postgres::Client::connect(&standby_url, postgres::NoTls)
            && let Ok(row) = c.query_one("SELECT count(*) FROM note WHERE body = '切换前写的'", &[])
            && row.get::<_, i64>(0) == 1
        {
            seen = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(seen, "the standby replays the primary's commit");

    primary.stop();
    standby.run("pg_ctl", &["-D", &standby.data(), "-w", "promote"]);

    // The next save finds the primary gone, connects again, and lands on
    // the promoted standby, checked against the version it saw.
    let after = s
        .update_milestone(
            m.id,
            Some(before.version),
            MilestoneChange {
                note: Some("切换后写的".into()),
                ..MilestoneChange::default()
            },
            "test",
        )
        .expect("saved on the promoted standby");
    assert!(after.note_id > before.note_id, "a new note, with a new id");
    let mut c = postgres::Client::connect(&standby_url, postgres::NoTls).unwrap();
    let notes: i64 = c
        .query_one(
            "SELECT count(*) FROM note WHERE body IN ('切换前写的', '切换后写的')",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(notes, 2);
    drop(teardown);
}

/// `openssl` with `args` in `dir`.
fn openssl(dir: &Path, args: &[&str]) {
    let status = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "openssl {args:?}");
}

/// TLS over TCP: `sslmode=require` verifies the server's certificate
/// (against `PGSSLROOTCERT` here, the system's otherwise) and refuses one
/// it cannot trust; the default (`prefer`) encrypts without verifying.
#[test]
fn tls_is_verified_when_required() {
    let Some(bin) = server_programs() else { return };
    let root = shared_temp("plan-cockpit-tls");
    let server = Cluster::new(&bin, root.path(), "tls");
    initdb(&server);
    // A test CA, and a certificate for localhost signed by it.
    let certs = root.path().join("certs");
    std::fs::create_dir(&certs).unwrap();
    openssl(
        &certs,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.crt",
            "-days",
            "2",
            "-subj",
            "/CN=plan-cockpit test CA",
        ],
    );
    openssl(
        &certs,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
            "-subj",
            "/CN=localhost",
        ],
    );
    std::fs::write(certs.join("san"), "subjectAltName=DNS:localhost\n").unwrap();
    openssl(
        &certs,
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.crt",
            "-days",
            "2",
            "-extfile",
            "san",
        ],
    );
    let key = server.dir.join("server.key");
    let crt = server.dir.join("server.crt");
    std::fs::copy(certs.join("server.key"), &key).unwrap();
    std::fs::copy(certs.join("server.crt"), &crt).unwrap();
    std::fs::set_permissions(&key, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    if rustix::process::geteuid().is_root() {
        for f in [&key, &crt] {
            let ok = Command::new("chown")
                .args(["postgres:", f.to_str().unwrap()])
                .status();
            assert!(ok.unwrap().success());
        }
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    server.start_with(&format!(
        "-c listen_addresses=127.0.0.1 -p {port} -c ssl=on -c ssl_cert_file={} -c ssl_key_file={}",
        crt.display(),
        key.display()
    ));
    let _teardown = Teardown(vec![Cluster {
        bin: bin.clone(),
        dir: server.dir.clone(),
    }]);

    let sb = Sandbox::new();
    drop(open_store(&sb.db));
    let url = |mode: &str| {
        format!("host=localhost port={port} user=owner dbname=postgres sslmode={mode}")
    };
    let ca = certs.join("ca.crt");
    let run = |mode: &str, root_cert: Option<&Path>, args: &[&str]| {
        let mut on_server = Sandbox::new();
        on_server.db = url(mode).into();
        let mut cmd = on_server.cmd();
        match root_cert {
            Some(p) => cmd.env("PGSSLROOTCERT", p),
            None => cmd.env_remove("PGSSLROOTCERT"),
        };
        cmd.args(args).output().unwrap()
    };
    // Verified against the test CA: the plan goes in and reads back.
    let out = Command::new(common::BIN)
        .env("PGSSLROOTCERT", &ca)
        .env("PLAN_COCKPIT_NOW", common::NOW)
        .env("LANG", "C.UTF-8")
        .args([
            "migrate",
            "--from",
            sb.db.to_str().unwrap(),
            "--to",
            &url("require"),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed = run("require", Some(&ca), &["milestone", "list"]);
    assert!(
        listed.status.success(),
        "{}",
        String::from_utf8_lossy(&listed.stderr)
    );
    // Not trusted: refused before a word of the plan is sent.
    let refused = run("require", None, &["milestone", "list"]);
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("certificate"), "{said}");
    eprintln!("refused: {said}");
    // The default: encrypted, unverified, as libpq does.
    let preferred = run("prefer", None, &["milestone", "list"]);
    assert!(
        preferred.status.success(),
        "{}",
        String::from_utf8_lossy(&preferred.stderr)
    );
}
