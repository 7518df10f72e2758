//! PostgreSQL clusters of a test's own, beside the shared test server
//! (which is left alone): made by `initdb`, started and stopped with
//! `pg_ctl`, run by the unprivileged `postgres` user when the tests run as
//! root. Needs the server's programs (`PLAN_COCKPIT_TEST_PG_BIN`, which
//! `.ci/run` sets).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// One cluster of this test's, run by the unprivileged `postgres` user
/// when the tests run as root (initdb refuses root).
#[derive(Clone)]
pub struct Cluster {
    pub bin: String,
    pub dir: PathBuf,
}

impl Cluster {
    pub fn data(&self) -> String {
        self.dir.join("data").display().to_string()
    }

    pub fn socket(&self) -> String {
        self.dir.display().to_string()
    }

    pub fn run(&self, program: &str, args: &[&str]) {
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

    pub fn new(bin: &str, root: &Path, name: &str) -> Cluster {
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

    pub fn start(&self) {
        self.start_with("-c listen_addresses=''");
    }

    pub fn start_with(&self, extra: &str) {
        let log = self.dir.join("log").display().to_string();
        let opts = format!("-k {} {extra}", self.socket());
        self.run(
            "pg_ctl",
            &["-D", &self.data(), "-l", &log, "-w", "-o", &opts, "start"],
        );
    }

    pub fn stop(&self) {
        self.run(
            "pg_ctl",
            &["-D", &self.data(), "-m", "immediate", "-w", "stop"],
        );
    }
}

/// Stops whatever of the test's clusters still runs, however it ends.
pub struct Teardown(pub Vec<Cluster>);

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
pub fn server_programs() -> Option<String> {
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
pub fn shared_temp(prefix: &str) -> tempfile::TempDir {
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

pub fn initdb(c: &Cluster) {
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
