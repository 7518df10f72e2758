//! A failover to a standby is followed (issue 16): a primary and a
//! streaming standby of its own (made for this test, beside the shared
//! test server, which is left alone), a cockpit's store connected with
//! both hosts and `target_session_attrs=read-write`; the primary dies, the
//! standby is promoted, and the next save lands on it with its version
//! check. Needs the server's programs (`PLAN_COCKPIT_TEST_PG_BIN`, which
//! `.ci/run` sets); skips, saying so, without them.

mod common;

use common::{Sandbox, open_store};
use plan_cockpit::domain::MilestoneChange;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// One cluster of this test's, run by the unprivileged `postgres` user
/// when the tests run as root (initdb refuses root).
struct Cluster {
    bin: String,
    dir: PathBuf,
}

impl Cluster {
    fn data(&self) -> String {
        self.dir.join("data").display().to_string()
    }

    fn socket(&self) -> String {
        self.dir.display().to_string()
    }

    fn run(&self, program: &str, args: &[&str]) {
        let program = format!("{}/{program}", self.bin);
        let mut cmd = if rustix::process::geteuid().is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--", &program]);
            c
        } else {
            Command::new(&program)
        };
        let status = cmd
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "{program} {args:?}");
    }

    fn new(bin: &str, root: &Path, name: &str) -> Cluster {
        let dir = root.join(name);
        std::fs::create_dir(&dir).unwrap();
        if rustix::process::geteuid().is_root() {
            let status = Command::new("chown")
                .args(["postgres:", dir.to_str().unwrap()])
                .status()
                .unwrap();
            assert!(status.success());
        }
        Cluster {
            bin: bin.to_owned(),
            dir,
        }
    }

    fn start(&self) {
        self.start_with("-c listen_addresses=''");
    }

    fn start_with(&self, extra: &str) {
        let log = self.dir.join("log").display().to_string();
        let opts = format!("-k {} {extra}", self.socket());
        self.run(
            "pg_ctl",
            &["-D", &self.data(), "-l", &log, "-w", "-o", &opts, "start"],
        );
    }

    fn stop(&self) {
        self.run(
            "pg_ctl",
            &["-D", &self.data(), "-m", "immediate", "-w", "stop"],
        );
    }
}

/// Stops whatever of the test's clusters still runs, however it ends.
struct Teardown(Vec<Cluster>);

impl Drop for Teardown {
    fn drop(&mut self) {
        for c in &self.0 {
            let pg_ctl = format!("{}/pg_ctl", c.bin);
            let data = c.data();
            let mut cmd = if rustix::process::geteuid().is_root() {
                let mut cmd = Command::new("runuser");
                cmd.args(["-u", "postgres", "--", &pg_ctl]);
                cmd
            } else {
                Command::new(&pg_ctl)
            };
            let _ = cmd
                .args(["-D", &data, "-m", "immediate", "stop"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
    }
}

/// The server's programs, or None (the test skips, saying so).
fn server_programs() -> Option<String> {
    let Ok(bin) = std::env::var("PLAN_COCKPIT_TEST_PG_BIN") else {
        assert!(
            std::env::var_os("PLAN_COCKPIT_REQUIRE_PG").is_none(),
            "PLAN_COCKPIT_REQUIRE_PG is set but PLAN_COCKPIT_TEST_PG_BIN is not"
        );
        eprintln!("test skipped: PLAN_COCKPIT_TEST_PG_BIN is not set");
        return None;
    };
    Some(bin)
}

/// A folder under /tmp, where the `postgres` user may reach it.
fn shared_temp(prefix: &str) -> tempfile::TempDir {
    let root = tempfile::Builder::new()
        .prefix(prefix)
        .tempdir_in("/tmp")
        .unwrap();
    std::fs::set_permissions(
        root.path(),
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    root
}

fn initdb(c: &Cluster) {
    c.run(
        "initdb",
        &[
            "-D",
            &c.data(),
            "-U",
            "owner",
            "--locale=C.UTF-8",
            "-E",
            "UTF8",
            "-A",
            "trust",
        ],
    );
}

#[test]
fn a_failover_to_a_standby_is_followed() {
    let Some(bin) = server_programs() else { return };
    let root = shared_temp("plan-cockpit-failover");
    let primary = Cluster::new(&bin, root.path(), "primary");
    let standby = Cluster::new(&bin, root.path(), "standby");
    initdb(&primary);
    primary.start();
    let teardown = Teardown(vec![
        Cluster {
            bin: bin.clone(),
            dir: primary.dir.clone(),
        },
        Cluster {
            bin: bin.clone(),
            dir: standby.dir.clone(),
        },
    ]);
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
