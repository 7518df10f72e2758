//! Another program opens the database while a cockpit has it open: the
//! `sqlite3` shell, a Python backup script, a DB browser. When it closes it
//! must not take the cockpit's journal away (issue 23): it would, if the
//! cockpit had silently dropped its own SQLite locks by closing a second
//! descriptor of the file (POSIX locks belong to the process).

#![allow(clippy::cast_sign_loss)]

use crate::common;
use crate::common::pty;

use common::Sandbox;
use pty::Session;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// SQLite's SHARED lock on a database file is a read lock on bytes from
/// SHARED_FIRST (PENDING_BYTE + 2 = 0x40000002).
const SHARED_FIRST: u64 = 0x4000_0002;

/// Python's own `sqlite3` module (another SQLite library, another process)
/// opens the file, reads, and closes: the last-connection-out check a
/// foreign client makes at close is exactly what used to delete the WAL.
fn foreign_read(db: &Path) -> i64 {
    let out = Command::new("python3")
        .arg("-c")
        .arg(
            "import sqlite3, sys\n\
             c = sqlite3.connect(sys.argv[1])\n\
             print(c.execute('select count(*) from milestone').fetchone()[0])\n\
             c.close()\n",
        )
        .arg(db)
        .output()
        .expect("python3 (installed by .ci/run)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

fn journals(db: &Path) -> (bool, bool) {
    let with = |s: &str| {
        let mut p = db.as_os_str().to_owned();
        p.push(s);
        Path::new(&p).exists()
    };
    (with("-wal"), with("-shm"))
}

/// The POSIX read locks `pid` holds on the file at `db`, as (start, end).
fn read_locks(pid: u32, db: &Path) -> Vec<(u64, u64)> {
    let m = std::fs::metadata(db).unwrap();
    let ino = m.ino();
    let locks = std::fs::read_to_string("/proc/locks").unwrap();
    locks
        .lines()
        .filter_map(|l| {
            // 1: POSIX  ADVISORY  READ 1234 fd:01:5678 1073741826 1073742335
            let f: Vec<&str> = l.split_whitespace().collect();
            let (kind, mode, who, file) = (f.get(1)?, f.get(3)?, f.get(4)?, f.get(5)?);
            let file_ino: u64 = file.rsplit(':').next()?.parse().ok()?;
            (*kind == "POSIX"
                && *mode == "READ"
                && who.parse::<u32>().ok()? == pid
                && file_ino == ino)
                .then(|| Some((f.get(6)?.parse().ok()?, f.get(7)?.parse().ok()?)))
                .flatten()
        })
        .collect()
}

fn wait_until(what: &str, mut ok: impl FnMut() -> bool) {
    let start = std::time::Instant::now();
    while !ok() {
        assert!(start.elapsed() < Duration::from_secs(10), "never: {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn current_of(sb: &Sandbox, title: &str) -> serde_json::Value {
    let list: Vec<serde_json::Value> =
        serde_json::from_str(&sb.ok(&["milestone", "list", "--json"])).unwrap();
    list.into_iter().find(|r| r["title"] == title).expect(title)["current"].clone()
}

/// With a cockpit open and its workers started, a foreign client reads and
/// closes: the WAL and its index stay, the cockpit's next save is seen by
/// the CLI at once, and a note typed afterwards survives a hang-up.
#[test]
fn a_foreign_client_closing_keeps_the_cockpits_journal_and_its_saves() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let mut s = Session::start(&sb, 80, 24, &[("LANG", "zh_CN.UTF-8")]);
    // The heading's counts come from the lights worker: by then every
    // worker has opened its connection.
    s.wait_for("新城市 ◉16");
    assert_eq!(foreign_read(&sb.db), 55);
    assert_eq!(
        journals(&sb.db),
        (true, true),
        "the foreign client's close took the journal"
    );

    s.send("/高新技术企业突破");
    s.wait_for("[目标任务]");
    s.send("\r");
    s.wait_for("—/600家");
    s.send("e");
    s.wait_for("填报完成值");
    s.send("\x15523\r");
    s.wait_for("523/600");
    assert_eq!(current_of(&sb, "国家级高新技术企业突破600家"), 523.0);

    // Again, now with the editor open on a note.
    s.send("n");
    s.wait_for("新备注");
    s.send("外部程序读过之后写的备注");
    s.wait_for("外部程序读过之后写的备注");
    assert_eq!(foreign_read(&sb.db), 55);
    assert_eq!(journals(&sb.db), (true, true));
    s.hang_up_and_wait();

    let c = rusqlite::Connection::open(&sb.db).unwrap();
    let draft: String = c
        .query_row("SELECT body FROM draft", [], |r| r.get(0))
        .expect("the typed note kept as a draft");
    assert_eq!(draft, "外部程序读过之后写的备注");
}

/// An idle cockpit holds SQLite's shared lock on the database file itself,
/// after its workers have opened their connections (each open used to read
/// the header through a second descriptor and drop the process's locks).
#[test]
fn an_idle_cockpit_holds_its_shared_lock_on_the_database_file() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let mut s = Session::start(&sb, 80, 24, &[("LANG", "zh_CN.UTF-8")]);
    s.wait_for("新城市 ◉16");
    let pid = s.child.process_id().expect("pid");
    let shared = || {
        read_locks(pid, &sb.db)
            .iter()
            .any(|&(from, to)| from <= SHARED_FIRST && SHARED_FIRST <= to)
    };
    wait_until("a shared lock on the database file", shared);
    // A change from elsewhere wakes the workers (lights, counts): each
    // reads again, and the lock is still there after.
    sb.ok(&["milestone", "set", "1", "--status", "done"]);
    s.wait_for("新城市 ◉15");
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        shared(),
        "lost after the workers ran: {:?}",
        read_locks(pid, &sb.db)
    );
    s.send("q");
    assert!(s.wait_exit().success());
}

/// A time limit another program wrote as text that is no day (a DB browser
/// lets anyone type `年底前` into due_date) is shown as it was written,
/// judged as no time limit (never overdue, never a crash), and kept as it
/// is through a planner's save of another field of the same milestone.
#[test]
fn a_time_limit_written_as_text_by_another_program_is_shown_and_kept() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let c = rusqlite::Connection::open(&sb.db).unwrap();
    let id: i64 = c
        .query_row(
            "SELECT id FROM milestone WHERE kind = 'numeric' AND status = 'active'
             ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    c.execute(
        "UPDATE milestone SET due_date = '年底前' WHERE id = ?1",
        [id],
    )
    .unwrap();
    drop(c);

    let store = common::open_store(&sb.db);
    let m = store.milestone(id).unwrap();
    assert_eq!(
        m.due,
        Some(plan_cockpit::domain::time_limit::TimeLimit::Unread(
            "年底前".into()
        ))
    );
    assert_eq!(m.due_date(), None, "judged as no time limit");
    drop(store);

    let listed = sb.ok_at("2023-12-30T10:00:00+08:00", &["milestone", "list"]);
    assert!(listed.contains("年底前"), "shown as it was written");
    let overdue = sb.ok_at(
        "2023-12-30T10:00:00+08:00",
        &["milestone", "list", "--overdue"],
    );
    assert!(!overdue.contains("年底前"), "text is never past due");

    sb.ok(&["milestone", "set", &id.to_string(), "--current", "7"]);
    let c = rusqlite::Connection::open(&sb.db).unwrap();
    let due: String = c
        .query_row("SELECT due_date FROM milestone WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(due, "年底前", "a save of another field leaves it as it was");
}
