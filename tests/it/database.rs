//! Opening the database: refusals that leave the file byte-identical,
//! damaged and read-only files, private permissions, concurrent first starts.

use crate::common;

use common::{BIN, Sandbox, assert_no_control, bytes, names_in};
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::process::Command;

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

/// Every command on this file fails with `code` and `expect` in the message,
/// and the folder holds exactly what it held before, byte for byte.
fn refused_file(sb: &Sandbox, code: i32, expect: &str) {
    let before = bytes(&sb.db);
    let files = names_in(sb.dir.path());
    for args in [
        &["check"][..],
        &["export"],
        &["milestone", "list"],
        &["milestone", "set", "1", "--current", "1"],
        &["init", "--force"],
        &[],
    ] {
        let r = sb.run(args);
        assert_eq!(r.code(), code, "{args:?}: {}", r.stderr());
        assert!(r.stderr().contains(expect), "{args:?}: {}", r.stderr());
        assert!(
            r.stderr().contains(sb.db.to_str().unwrap()),
            "{args:?} does not name the file: {}",
            r.stderr()
        );
        assert_no_control("stderr", &r.stderr());
        assert_eq!(bytes(&sb.db), before, "{args:?} changed the file");
        assert_eq!(
            names_in(sb.dir.path()),
            files,
            "{args:?} left files beside it"
        );
    }
}

#[test]
fn a_text_file_is_refused() {
    let sb = Sandbox::new();
    std::fs::write(&sb.db, "密码本\nnot a database\n").unwrap();
    refused_file(&sb, 2, "not a plan-cockpit database: it is a text file");
}

#[test]
fn binary_garbage_is_refused() {
    let sb = Sandbox::new();
    std::fs::write(&sb.db, [0u8, 159, 146, 150, 1, 2, 3]).unwrap();
    refused_file(&sb, 2, "it is not a SQLite file");
}

#[test]
fn another_programs_sqlite_file_is_refused() {
    let sb = Sandbox::new();
    {
        let c = rusqlite::Connection::open(&sb.db).unwrap();
        c.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
            .unwrap();
    }
    refused_file(&sb, 2, "a SQLite database of another program");
    let other = Sandbox::new();
    {
        let c = rusqlite::Connection::open(&other.db).unwrap();
        c.execute_batch("PRAGMA application_id = 1234; CREATE TABLE t (x);")
            .unwrap();
    }
    refused_file(&other, 2, "application_id 0x4d2");
}

#[test]
fn a_newer_schema_is_refused_untouched() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    {
        let c = rusqlite::Connection::open(&sb.db).unwrap();
        c.execute_batch("PRAGMA user_version = 99;").unwrap();
    }
    let _ = std::fs::remove_file(sb.path("plan.db.lock"));
    refused_file(
        &sb,
        2,
        "schema version 99 is newer than this plan-cockpit supports (11)",
    );
}

#[test]
fn a_damaged_database_is_reported_and_never_written() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    // Overwrite a few pages in the middle; the header stays valid.
    let mut data = bytes(&sb.db);
    let page = 4096;
    assert!(data.len() > 8 * page);
    for b in &mut data[3 * page..6 * page] {
        *b = 0xA5;
    }
    std::fs::write(&sb.db, &data).unwrap();

    let r = sb.run(&["check"]);
    assert_eq!(r.code(), 1, "{}{}", r.stdout(), r.stderr());
    assert!(
        r.stderr().contains("quick_check failed") || r.stderr().contains("damaged"),
        "{}",
        r.stderr()
    );
    let r = sb.run(&["milestone", "set", "19", "--current", "5"]);
    assert_eq!(r.code(), 1, "{}", r.stderr());
    assert!(
        r.stderr().contains("read-only") || r.stderr().contains("damaged"),
        "{}",
        r.stderr()
    );
    assert_no_control("stderr", &r.stderr());
    assert_eq!(bytes(&sb.db), data, "a damaged file was written to");
}

#[test]
fn a_symlinked_database_is_refused() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let link = sb.path("link.db");
    symlink(&sb.db, &link).unwrap();
    let r = Command::new(BIN)
        .arg("--db")
        .arg(&link)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2));
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(err.contains("is a symbolic link"), "{err}");
}

#[test]
fn paths_that_cannot_be_a_database() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let r = Command::new(BIN)
        .arg("--db")
        .arg(sb.path("no/such/folder/plan.db"))
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("does not exist"));
    // A folder is a store of plan files: one without a plan says so, and
    // says how one is made there.
    let empty = sb.path("empty");
    std::fs::create_dir(&empty).unwrap();
    let r = Command::new(BIN)
        .arg("--db")
        .arg(&empty)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("there is no plan in"));
    assert!(
        crate::common::names_in(&empty).is_empty(),
        "nothing made there"
    );
}

#[test]
fn files_are_private_and_journals_follow() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    assert_eq!(mode(&sb.db), 0o600);
    assert_eq!(mode(&sb.path("plan.db.lock")), 0o600);
    // While a connection is open, WAL and shared-memory files exist; SQLite
    // gives them the database's permissions.
    let mut store = plan_cockpit::store::open(
        &sb.db,
        plan_cockpit::store::OpenOptions {
            author: "t".into(),
            quick_check: false,
            read_only: false,
            seed: None,
            allow_network_fs: false,
            clock: common::test_clock(),
        },
    )
    .unwrap();
    store
        .update_milestone(
            19,
            None,
            plan_cockpit::domain::MilestoneChange {
                status: Some(plan_cockpit::domain::Status::Done),
                ..Default::default()
            },
            "test",
        )
        .unwrap();
    assert_eq!(mode(&sb.path("plan.db-wal")), 0o600);
    assert_eq!(mode(&sb.path("plan.db-shm")), 0o600);
}

#[test]
fn a_setgid_team_folder_gets_group_writable_files() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let team = sb.path("team");
    std::fs::create_dir(&team).unwrap();
    std::fs::set_permissions(&team, std::fs::Permissions::from_mode(0o2770)).unwrap();
    let db = team.join("plan.db");
    let r = Command::new(BIN)
        .arg("--db")
        .arg(&db)
        .arg("init")
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert_eq!(mode(&db), 0o660);
    assert_eq!(mode(&team.join("plan.db.lock")), 0o660);
}

/// A planner who may read the file but not write it can look (export,
/// list) and is told why changes are refused.
#[test]
fn a_read_only_database_can_be_read_but_not_changed() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let before = bytes(&sb.db);
    let root = rustix::process::geteuid().is_root();
    let dir = sb.dir.path();
    // As root, permissions do not bind: run as `nobody` with a copy of the
    // binary it can reach.
    let bin = dir.join("plan-cockpit");
    common::copy_bin(&bin);
    std::fs::set_permissions(
        dir,
        std::fs::Permissions::from_mode(if root { 0o755 } else { 0o555 }),
    )
    .unwrap();
    std::fs::set_permissions(&sb.db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let run = |args: &[&str]| {
        let mut c = if root {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(&bin);
            c
        } else {
            Command::new(&bin)
        };
        c.arg("--db")
            .arg(&sb.db)
            .args(args)
            .env("LANG", "C")
            .output()
            .unwrap()
    };
    let out = run(&["export"]);
    let restore = || std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    if !out.status.success() {
        restore();
        panic!("export failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    assert!(String::from_utf8_lossy(&out.stdout).contains("国家级高新技术企业"));
    let set = run(&["milestone", "set", "19", "--current", "5"]);
    let check = run(&["check"]);
    restore();
    assert_eq!(
        set.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    let err = String::from_utf8_lossy(&set.stderr);
    assert!(
        err.contains("read-only") && err.contains("not writable"),
        "{err}"
    );
    let check_out = String::from_utf8_lossy(&check.stdout);
    assert!(
        check_out.contains("access:         read-only"),
        "{check_out}"
    );
    assert_eq!(bytes(&sb.db), before);
}

/// Several planners opening a database that does not exist yet, at once:
/// all start, and the plan is seeded once.
#[test]
fn concurrent_first_starts_all_succeed_and_seed_once() {
    for _ in 0..5 {
        let sb = Sandbox::new();
        sb.ok(&["init"]);
        let procs: Vec<_> = (0..6)
            .map(|_| {
                sb.cmd()
                    .arg("check")
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for p in procs {
            let out = p.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let check = sb.ok(&["check"]);
        assert!(check.contains("projects 39"), "{check}");
        assert!(
            check.contains("history 1\n"),
            "seeded more than once: {check}"
        );
    }
}
