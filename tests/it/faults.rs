//! Faults while running: a full disk and a write lock held longer than the
//! busy timeout. Each gives a clear message, changes nothing, keeps what the
//! planner typed, and a retry works once the fault is gone.

use crate::common;

use common::{BIN, Sandbox, open_store, press};
use plan_cockpit::app::App;
use plan_cockpit::app::keymap::Layer;
use plan_cockpit::app::overlay::Overlay;
use plan_cockpit::i18n::Lang;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const HIGH_TECH: i64 = 19;

fn current(db: &Path) -> Option<f64> {
    open_store(db).milestone(HIGH_TECH).unwrap().current
}

fn set(db: &Path, value: &str) -> (i32, String) {
    let out = Command::new(BIN)
        .args([
            "--db",
            db.to_str().unwrap(),
            "milestone",
            "set",
            "19",
            "--current",
            value,
        ])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A 2 MiB tmpfs, unmounted when dropped.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(at: PathBuf) -> SmallDisk {
        std::fs::create_dir_all(&at).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
            .arg(&at)
            .status()
            .unwrap()
            .success();
        assert!(
            ok,
            "mounting a small tmpfs failed; the test needs root (CI runs as root)"
        );
        SmallDisk(at)
    }

    fn fill(&self) {
        let mut f = std::fs::File::create(self.0.join("filler")).unwrap();
        let block = vec![0u8; 4096];
        while std::io::Write::write_all(&mut f, &block).is_ok() {}
        let _ = f.sync_all();
    }

    fn free(&self) {
        std::fs::remove_file(self.0.join("filler")).unwrap();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_says_so_changes_nothing_and_keeps_the_text() {
    if !rustix::process::geteuid().is_root() {
        eprintln!("not run: mounting a small filesystem needs root (CI runs as root)");
        return;
    }
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let disk = SmallDisk::mount(sb.path("small"));
    let db = disk.0.join("plan.db");
    let made = Command::new(BIN)
        .args(["--db", db.to_str().unwrap(), "init"])
        .output()
        .unwrap();
    assert!(made.status.success(), "a fresh database on the small disk");
    assert_eq!(set(&db, "5").0, 0, "a fresh database on the small disk");
    let mut app = App::new(open_store(&db), Lang::En).unwrap();
    press(&mut app, "/高新技术企业突破<Enter>");
    disk.fill();

    // The command line.
    let (code, err) = set(&db, "7");
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("the disk holding the database is full: nothing was changed"),
        "{err}"
    );

    // The cockpit: the value and the note stay where they were typed.
    press(&mut app, "e<C-u>9<Enter>");
    assert_eq!(app.layer(), Layer::Form, "the form stays open");
    let Some(Overlay::Form(f)) = app.overlays.last() else {
        panic!()
    };
    assert!(
        f.error.as_deref().unwrap_or("").contains("disk"),
        "{:?}",
        f.error
    );
    assert_eq!(f.input.lines(), ["9"]);
    press(&mut app, "<Esc>n一段很长的备注");
    app.save_draft();
    press(&mut app, "<C-s>");
    let Some(Overlay::Editor(e)) = app.overlays.last() else {
        panic!("the editor stays open")
    };
    assert!(
        e.error.as_deref().unwrap_or("").contains("disk"),
        "{:?}",
        e.error
    );
    assert_eq!(e.text(), "一段很长的备注");

    disk.free();
    assert_eq!(current(&db), Some(5.0), "nothing was changed");
    press(&mut app, "<C-s>");
    assert_eq!(
        app.layer(),
        Layer::Panes,
        "saving works again once there is room"
    );
    assert_eq!(set(&db, "7").0, 0);
    assert_eq!(current(&db), Some(7.0));
    let c = rusqlite::Connection::open(&db).unwrap();
    let verdict: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(verdict, "ok");
}

#[test]
fn a_lock_held_past_the_busy_timeout_is_reported_and_a_retry_works() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let mut app = App::new(open_store(&sb.db), Lang::Zh).unwrap();
    press(&mut app, "/高新技术企业突破<Enter>e<C-u>42");

    // Another program holds the write lock for longer than 5 s.
    let holder = rusqlite::Connection::open(&sb.db).unwrap();
    holder
        .execute_batch("BEGIN IMMEDIATE; UPDATE plan SET title = title;")
        .unwrap();
    let started = Instant::now();
    let (code, err) = set(&sb.db, "41");
    let waited = started.elapsed();
    assert_eq!(code, 4, "locked, try again: {err}");
    assert!(
        err.contains("stayed locked") && err.contains("nothing was changed, try again"),
        "{err}"
    );
    assert!(
        waited >= Duration::from_secs(4),
        "gave up after {waited:?}, before the busy timeout"
    );

    press(&mut app, "<Enter>");
    let Some(Overlay::Form(f)) = app.overlays.last() else {
        panic!("the form stays open")
    };
    assert!(
        f.error.as_deref().unwrap_or("").contains("锁定超过 5 秒"),
        "{:?}",
        f.error
    );
    assert_eq!(f.input.lines(), ["42"], "the typed value is kept");

    holder.execute_batch("COMMIT").unwrap();
    press(&mut app, "<Enter>");
    assert_eq!(app.layer(), Layer::Panes, "the retry works");
    assert_eq!(current(&sb.db), Some(42.0));
    assert_eq!(set(&sb.db, "43").0, 0);
}
