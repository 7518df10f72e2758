//! Every file the program creates or opens beside the database (lock,
//! journals, backup, `.bak`, export) is its own: planted symlinks are
//! refused and never followed, a partial copy never sits under its final
//! name, an export over an existing file keeps its mode, and the messages
//! say what is wrong and where.

use crate::common;

use common::{Sandbox, bytes, names_in};
use std::os::unix::fs::{PermissionsExt, symlink};

fn mode(p: &std::path::Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

#[test]
fn a_planted_lock_symlink_is_refused_and_its_target_untouched() {
    let sb = Sandbox::new();
    let victim = sb.write("victim.txt", "do not touch");
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o644)).unwrap();
    symlink(&victim, sb.path("plan.db.lock")).unwrap();
    let r = sb.run(&["init"]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(
        r.stderr().contains("plan.db.lock: is a symbolic link"),
        "{}",
        r.stderr()
    );
    assert_eq!(mode(&victim), 0o644, "the target was chmodded");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "do not touch");
    assert!(!sb.db.exists(), "nothing was created");
    // A lock symlink to nowhere does not create its target either.
    std::fs::remove_file(sb.path("plan.db.lock")).unwrap();
    symlink(sb.path("created-by-the-lock"), sb.path("plan.db.lock")).unwrap();
    assert_eq!(sb.run(&["check"]).code(), 2);
    assert!(!sb.path("created-by-the-lock").exists());
}

#[test]
fn symlinked_journals_are_named_and_nothing_is_opened() {
    for suffix in ["-wal", "-shm"] {
        let sb = Sandbox::new();
        sb.ok(&["init"]);
        let elsewhere = sb.write("elsewhere", "");
        let journal = sb.path(&format!("plan.db{suffix}"));
        let _ = std::fs::remove_file(&journal);
        symlink(&elsewhere, &journal).unwrap();
        let before = bytes(&sb.db);
        let r = sb.run(&["milestone", "set", "19", "--current", "5"]);
        assert_eq!(r.code(), 2, "{suffix}: {}", r.stderr());
        assert!(
            r.stderr()
                .contains(&format!("plan.db{suffix}: is a symbolic link")),
            "{suffix}: {}",
            r.stderr()
        );
        assert_eq!(bytes(&sb.db), before);
        assert_eq!(bytes(&elsewhere), b"");
    }
}

#[test]
fn export_to_a_symlink_is_refused_and_over_a_file_keeps_its_mode() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let victim = sb.write("victim.txt", "do not touch");
    let link = sb.path("out.json");
    symlink(&victim, &link).unwrap();
    let r = sb.run(&["export", "-o", link.to_str().unwrap()]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(r.stderr().contains("is a symbolic link"), "{}", r.stderr());
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "do not touch");
    assert!(link.is_symlink(), "the link itself was not replaced either");

    let out = sb.write("private.json", "old");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    sb.ok(&["export", "-o", out.to_str().unwrap()]);
    assert_eq!(mode(&out), 0o600, "an existing file keeps its mode");
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("plan-cockpit")
    );
    let shared = sb.write("shared.csv", "old");
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o644)).unwrap();
    sb.ok(&["export", "--format", "csv", "-o", shared.to_str().unwrap()]);
    assert_eq!(mode(&shared), 0o644);
    let left: Vec<String> = names_in(sb.dir.path())
        .into_iter()
        .filter(|n| {
            std::path::Path::new(n)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("partial") || e.eq_ignore_ascii_case("tmp"))
        })
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
fn backup_never_follows_a_symlink_or_leaves_a_partial_copy() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let victim = sb.write("victim.db", "do not touch");
    let link = sb.path("backup.db");
    symlink(&victim, &link).unwrap();
    let r = sb.run(&["backup", link.to_str().unwrap()]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "do not touch");
    // A dangling symlink is not written through either.
    let dangling = sb.path("dangling.db");
    symlink(sb.path("would-be-created.db"), &dangling).unwrap();
    assert_eq!(sb.run(&["backup", dangling.to_str().unwrap()]).code(), 2);
    assert!(!sb.path("would-be-created.db").exists());
    // A good backup leaves exactly one file, checked, and no journal.
    let good = sb.path("good.db");
    sb.ok(&["backup", good.to_str().unwrap()]);
    let names = names_in(sb.dir.path());
    assert!(names.contains(&"good.db".to_owned()));
    assert!(
        !names
            .iter()
            .any(|n| n.contains("good.db-") || n.ends_with(".partial")),
        "{names:?}"
    );
    assert_eq!(
        common::Sandbox {
            dir: tempfile::tempdir().unwrap(),
            db: good.clone()
        }
        .run(&["check"])
        .code(),
        0
    );
}

#[test]
fn a_zero_filled_file_and_a_utf16_file_are_called_what_they_are() {
    let sb = Sandbox::new();
    std::fs::write(&sb.db, vec![0u8; 8192]).unwrap();
    let r = sb.run(&["check"]);
    assert_eq!(r.code(), 2);
    assert!(r.stderr().contains("only zero bytes"), "{}", r.stderr());

    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let json = sb.export_json();
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in json.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let file = sb.write("plan-utf16.json", &utf16);
    let r = sb.run(&["import", file.to_str().unwrap(), "--replace"]);
    assert_eq!(r.code(), 2);
    assert!(r.stderr().contains("UTF-16LE"), "{}", r.stderr());
    // GBK, as Chinese Windows saves it.
    let gbk = encoding_gbk(&json);
    let file = sb.write("plan-gbk.json", &gbk);
    let r = sb.run(&["import", file.to_str().unwrap(), "--replace"]);
    assert_eq!(r.code(), 2);
    assert!(
        r.stderr().contains("not UTF-8") && r.stderr().contains("GBK"),
        "{}",
        r.stderr()
    );
    // Without a byte-order mark too.
    let file = sb.write("plan-utf16-nobom.json", &utf16[2..]);
    let r = sb.run(&["import", file.to_str().unwrap(), "--replace"]);
    assert!(r.stderr().contains("UTF-16LE"), "{}", r.stderr());
}

#[test]
fn a_huge_max_size_is_refused_in_words_not_turned_into_a_parse_error() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let file = sb.write("plan.json", sb.export_json());
    let r = sb.run(&[
        "import",
        file.to_str().unwrap(),
        "--replace",
        "--max-size",
        "18446744073709551615",
    ]);
    assert_eq!(r.code(), 2);
    assert!(r.stderr().contains("--max-size"), "{}", r.stderr());
    assert!(!r.stderr().contains("EOF"), "{}", r.stderr());
    let r = sb.run(&[
        "generate",
        "--projects",
        "18446744073709551615",
        "--replace",
    ]);
    assert_eq!(r.code(), 2);
    assert!(r.stderr().contains("1..=1000000"), "{}", r.stderr());
    // The largest allowed value works.
    sb.ok(&[
        "import",
        file.to_str().unwrap(),
        "--replace",
        "--max-size",
        "1048576",
    ]);
}

/// `-shm` left behind by another user (here: mode 0644, owned by root)
/// makes every write fail; the planner is told which file and why, and
/// `check` says read-only instead of read-write.
#[test]
fn a_stale_journal_of_another_user_is_named_as_the_cause() {
    if !rustix::process::geteuid().is_root() {
        eprintln!("not run: needs root to act as a second user (CI runs as root)");
        return;
    }
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let dir = sb.dir.path();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    std::fs::set_permissions(&sb.db, std::fs::Permissions::from_mode(0o666)).unwrap();
    let bin = dir.join("plan-cockpit");
    common::copy_bin(&bin);
    // Root holds the plan open, so its journals stay; one is not writable
    // by the others.
    let holder = rusqlite::Connection::open(&sb.db).unwrap();
    holder
        .query_row("SELECT count(*) FROM plan", [], |r| r.get::<_, i64>(0))
        .unwrap();
    let shm = sb.path("plan.db-shm");
    assert!(shm.exists());
    std::fs::set_permissions(&shm, std::fs::Permissions::from_mode(0o644)).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin)
            .arg("--db")
            .arg(&sb.db)
            .args(args)
            .env("LANG", "C")
            .env("XDG_STATE_HOME", dir.join("state"))
            .output()
            .unwrap()
    };
    let check = run(&["check"]);
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(out.contains("access:         read-only"), "{out}");
    assert!(
        out.contains("plan.db-shm is not writable by this user"),
        "{out}"
    );
    let set = run(&["milestone", "set", "19", "--current", "5"]);
    let err = String::from_utf8_lossy(&set.stderr);
    assert_eq!(set.status.code(), Some(1), "{err}");
    assert!(
        err.contains("plan.db-shm") && err.contains("mode 0644"),
        "{err}"
    );
    drop(holder);
}

/// A backup onto a full disk names that disk, not the database's, and
/// leaves nothing behind: no partial copy, no `-journal`.
#[test]
fn a_backup_onto_a_full_disk_names_it_and_leaves_nothing() {
    if !common::is_root("mounting a small filesystem") {
        return;
    }
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let small = sb.path("small");
    let disk = common::SmallDisk::mount(&small, "64k");
    let dest = small.join("copy.db");
    let r = sb.run(&["backup", dest.to_str().unwrap()]);
    let left = names_in(&small);
    drop(disk);
    assert_eq!(r.code(), 1, "{}", r.stderr());
    assert!(
        r.stderr()
            .contains(&format!("the disk holding {} is full", small.display())),
        "{}",
        r.stderr()
    );
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// A damaged schema (an index definition that no longer parses) still lets
/// a planner look and export; writes are refused with what to do, naming
/// the newest backup beside the file.
#[test]
fn a_damaged_schema_can_still_be_read_and_exported_with_advice() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    sb.ok(&["milestone", "set", "19", "--current", "321"]);
    let bak = sb.path("plan.db.20231231-235959.bak");
    sb.ok(&["backup", bak.to_str().unwrap()]);
    {
        let c = rusqlite::Connection::open(&sb.db).unwrap();
        c.execute_batch(
            "PRAGMA writable_schema = ON;
             UPDATE sqlite_schema SET sql = 'CREATE INDEX note_by_project ON note(no_such_column)'
             WHERE name = 'note_by_project';",
        )
        .unwrap();
    }
    let before = bytes(&sb.db);
    for args in [&["export"][..], &["--read-only", "export"]] {
        let out = sb.ok(args);
        assert!(out.contains("国家级高新技术企业突破600家"), "{args:?}");
        assert!(out.contains("321"), "{args:?}");
    }
    let r = sb.run(&["milestone", "set", "19", "--current", "5"]);
    assert_eq!(r.code(), 1);
    let err = r.stderr();
    assert!(err.contains("schema is damaged"), "{err}");
    assert!(err.contains(&format!("mv {}", bak.display())), "{err}");
    let check = sb.run(&["check"]);
    assert_eq!(check.code(), 1, "check does not call a damaged file ok");
    assert!(check.stdout().contains("access:         read-only"));
    assert_eq!(bytes(&sb.db), before, "nothing was written");
}

/// The text in GBK, through iconv (in every Debian, part of libc-bin).
fn encoding_gbk(text: &str) -> Vec<u8> {
    use std::io::Write;
    let mut child = std::process::Command::new("iconv")
        .args(["-f", "UTF-8", "-t", "GB18030"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("iconv");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    out.stdout
}
