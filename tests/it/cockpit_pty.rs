//! The real binary in a real pseudo-terminal: find the high-tech target with
//! `/`, record a value with `e`, add a Chinese note with `n` … Ctrl-S, quit;
//! the database holds both and the terminal is left as it was found. Also:
//! SIGTERM and SIGHUP put the terminal back.

// Test data and measurements are small numbers: casts here cannot wrap.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_possible_wrap
)]

use crate::common;
use crate::common::pty;

use common::Sandbox;
use pty::Session;
use std::time::{Duration, Instant};

fn list_json(sb: &Sandbox) -> Vec<serde_json::Value> {
    serde_json::from_str(&sb.ok(&["milestone", "list", "--json"])).unwrap()
}

#[test]
fn find_record_note_quit_and_see_it_all_saved() {
    let sb = Sandbox::new();
    let mut s = Session::start(&sb, 80, 24, &[("LANG", "zh_CN.UTF-8")]);
    s.wait_for("新城市");
    s.wait_for("? 帮助");
    s.send("/");
    s.wait_for("搜索项目、目标任务和备注");
    s.send("国家级高新技术企业");
    s.wait_for("[目标任务] 国家级高新技术企业突破600家");
    s.send("\x1b[B"); // Down: the milestone, after the project
    s.send("\r");
    s.wait_for("—/600家");
    s.send("e");
    s.wait_for("填报完成值");
    s.send("\x15523\r"); // Ctrl-U, 523, Enter
    s.wait_for("523/600");
    s.send("n");
    s.wait_for("新备注");
    s.send("今日新增认定11家,待区科技局复核");
    s.wait_for("今日新增认定11家");
    s.send("\x13"); // Ctrl-S
    s.wait_for("已保存");
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_restored();

    let m = list_json(&sb)
        .into_iter()
        .find(|r| r["title"] == "国家级高新技术企业突破600家")
        .unwrap();
    assert_eq!(m["current"], 523.0);
    let md = sb.ok(&["--lang", "zh", "export", "--format", "markdown"]);
    assert!(
        md.contains("今日新增认定11家,待区科技局复核"),
        "note not saved"
    );

    // Start again: both are there.
    let mut again = Session::start(&sb, 80, 24, &[("LANG", "zh_CN.UTF-8")]);
    again.wait_for("新城市");
    again.send("/今日新增\r");
    again.wait_for("今日新增认定11家");
    again.wait_for("523/600");
    again.send("q");
    assert!(again.wait_exit().success());
    again.assert_restored();
}

/// Sends `sig` to the session's cockpit.
fn kill(s: &Session, sig: rustix::process::Signal) {
    let pid = s.child.process_id().and_then(|p| i32::try_from(p).ok());
    let pid = pid.and_then(rustix::process::Pid::from_raw).expect("pid");
    rustix::process::kill_process(pid, sig).expect("signal sent");
}

fn signal_restores(sig: rustix::process::Signal) {
    let sb = Sandbox::new();
    let mut s = Session::start(&sb, 100, 30, &[("LANG", "en_US.UTF-8")]);
    s.wait_for("New City");
    kill(&s, sig);
    s.wait_exit();
    s.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores(rustix::process::Signal::TERM);
}

#[test]
fn sighup_restores_the_terminal() {
    signal_restores(rustix::process::Signal::HUP);
}

/// English from LANG=C.UTF-8, on a 16-colour TERM with NO_COLOR: no
/// colour escape is sent at all, and help and quit work.
#[test]
fn english_with_no_color_and_a_16_colour_terminal() {
    let sb = Sandbox::new();
    let mut s = Session::start(
        &sb,
        80,
        24,
        &[("LANG", "C.UTF-8"), ("NO_COLOR", "1"), ("TERM", "xterm")],
    );
    s.wait_for("New Industry");
    s.send("?");
    s.wait_for("Help");
    s.send("q");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    let raw = s.raw.lock().unwrap();
    let text = String::from_utf8_lossy(&raw);
    // No colour escapes at all: no SGR 30-37/90-97 foregrounds, no 38;5.
    for code in ["\x1b[38;5", "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[36m"] {
        assert!(!text.contains(code), "colour {code:?} sent under NO_COLOR");
    }
}

/// Two planners on one database: B sees A's edit within a second, on the
/// same item, without touching a key.
#[test]
fn a_second_cockpit_shows_the_first_ones_edit_within_a_second() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let zh = [("LANG", "zh_CN.UTF-8")];
    let mut a = Session::start(&sb, 80, 24, &zh);
    let mut b = Session::start(&sb, 80, 24, &zh);
    for s in [&mut a, &mut b] {
        s.wait_for("新城市");
        s.send("/高新技术企业突破");
        s.wait_for("[目标任务]");
        s.send("\r");
        s.wait_for("/600家");
    }
    let mut latencies = Vec::new();
    for value in [701, 702, 703, 704, 705] {
        a.send(&format!("e\x15{value}\r"));
        a.wait_for(&format!("{value}/600家"));
        let start = Instant::now();
        b.wait_for(&format!("{value}/600家"));
        latencies.push(start.elapsed());
    }
    latencies.sort();
    eprintln!(
        "refresh latency: p50 {:?}, max {:?}",
        latencies[2], latencies[4]
    );
    assert!(latencies[4] < Duration::from_secs(1), "{latencies:?}");
    // B starts typing, A saves first: B gets the conflict view, B's text intact.
    b.send("e\x15999");
    b.wait_for("填报完成值");
    a.send("e\x15888\r");
    a.wait_for("888/600家");
    b.send("\r");
    b.wait_for("冲突");
    b.wait_for("888");
    b.wait_for("999");
    b.send("e");
    b.wait_for("填报完成值");
    b.send("\r");
    b.wait_for("999/600家");
    a.wait_for("999/600家");
    for s in [&mut a, &mut b] {
        s.send("q");
        assert!(s.wait_exit().success());
    }
}

/// The SSH link drops while a note is being typed: the terminal goes away
/// (the pty closes). The process saves the draft and exits within 2 s, and
/// the next start offers the text back.
#[test]
fn a_dropped_terminal_keeps_the_half_typed_note() {
    let sb = Sandbox::new();
    let zh = [("LANG", "zh_CN.UTF-8")];
    let mut s = Session::start(&sb, 80, 24, &zh);
    s.type_a_note("信号中断前的半句话");
    // Without any signal, the draft is written about 1.5 s after the last key.
    let typed = Instant::now();
    let c = rusqlite::Connection::open(&sb.db).unwrap();
    let draft = || {
        c.query_row("SELECT body FROM draft", [], |r| r.get::<_, String>(0))
            .ok()
    };
    while draft().is_none() {
        assert!(
            typed.elapsed() < Duration::from_secs(4),
            "no draft 4 s after typing"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(draft().as_deref(), Some("信号中断前的半句话"));
    eprintln!("draft saved {:?} after the last key", typed.elapsed());
    eprintln!("exited {:?} after the hang-up", s.hang_up_and_wait());

    let mut again = Session::start(&sb, 80, 24, &zh);
    again.wait_for("未保存的备注草稿");
    again.wait_for("恢复吗");
    again.send("y");
    again.wait_for("新备注");
    again.wait_for("信号中断前的半句话");
    again.send("\x13");
    again.wait_for("已保存");
    again.send("q");
    assert!(again.wait_exit().success());
    let md = sb.ok(&["export", "--format", "markdown"]);
    assert!(md.contains("信号中断前的半句话"));
}

/// SIGTERM while typing: the draft is saved too.
#[test]
fn sigterm_while_typing_keeps_the_draft() {
    let sb = Sandbox::new();
    let mut s = Session::start(&sb, 80, 24, &[("LANG", "en_US.UTF-8")]);
    s.wait_for("New City");
    s.send("/高新技术企业突破");
    s.wait_for("[milestone]");
    s.send("\rn");
    s.wait_for("New note");
    s.send("typed before the shutdown");
    s.wait_for("typed before the shutdown");
    kill(&s, rustix::process::Signal::TERM);
    s.wait_exit();
    s.assert_restored();
    // Drafts belong to their author, the Unix user the cockpit ran as.
    let c = rusqlite::Connection::open(&sb.db).unwrap();
    let bodies: Vec<(String, String)> = c
        .prepare("SELECT author, body FROM draft")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        bodies,
        [(
            plan_cockpit::user::unix_user(),
            "typed before the shutdown".to_owned()
        )]
    );
}

/// The terminal dies but SIGHUP never reaches the cockpit (its parent
/// ignores or blocks it, as `nohup` or a wrapper script may): the cockpit
/// notices the hang-up from the terminal itself, keeps the half-typed note,
/// and exits within 2 s instead of spinning on the dead terminal.
#[test]
fn a_dead_terminal_without_sighup_is_noticed_and_the_note_kept() {
    let sb = Sandbox::new();
    let mut s = Session::start_without_sighup(&sb);
    s.type_a_note("没有挂断信号也要保住的话");
    let pid = s.child.process_id().expect("pid");
    let blocked = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let mask = blocked
        .lines()
        .find_map(|l| l.strip_prefix("SigBlk:"))
        .map(|m| u64::from_str_radix(m.trim(), 16).unwrap())
        .unwrap();
    assert_ne!(mask & 1, 0, "SIGHUP is blocked in the cockpit: {mask:x}");

    eprintln!(
        "exited {:?} after the terminal closed",
        s.hang_up_and_wait()
    );
    let c = rusqlite::Connection::open(&sb.db).unwrap();
    let draft: String = c
        .query_row("SELECT body FROM draft", [], |r| r.get(0))
        .expect("the draft was saved");
    assert_eq!(draft, "没有挂断信号也要保住的话");
}

/// The database is deleted under a cockpit whose terminal then dies
/// without SIGHUP: the last-resort saver does not create the file again
/// (which would quietly start an empty plan there); the note goes to a
/// kept file instead.
#[test]
fn a_dead_terminal_over_a_deleted_database_keeps_the_note_in_a_file() {
    let sb = Sandbox::new();
    let state = sb.path("state");
    let mut s = Session::start_without_sighup(&sb);
    s.type_a_note("删库之后还在写的话");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(sb.path(&format!("plan.db{suffix}")));
    }
    s.wait_for("已被删除");
    eprintln!(
        "exited {:?} after the terminal closed",
        s.hang_up_and_wait()
    );
    assert!(!sb.db.exists(), "the deleted database was created again");
    let kept: Vec<String> = std::fs::read_dir(state.join("plan-cockpit/kept"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(
        kept.iter().any(|k| k.contains("删库之后还在写的话")),
        "{kept:?}"
    );
}

/// The headings' red counts come from the worker thread in a real
/// terminal, and follow another planner's change within a second.
#[test]
fn heading_counts_appear_and_follow_a_change() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let mut s = Session::start(&sb, 80, 24, &[("LANG", "zh_CN.UTF-8")]);
    // The pinned day is in 2026: all 16 of 新城市's tasks are overdue.
    s.wait_for("新城市 ◉16");
    sb.ok(&["milestone", "set", "1", "--status", "done"]);
    let start = Instant::now();
    s.wait_for("新城市 ◉15");
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
    s.send("q");
    assert!(s.wait_exit().success());
}

/// On a server whose locale is zh_CN.GBK the planner gets the fix, in GBK
/// so that a GBK terminal shows it, and nothing else is drawn; with
/// `--force-utf8` (here its variable) the cockpit starts anyway.
#[test]
fn a_gbk_locale_gets_the_fix_and_force_utf8_starts_anyway() {
    let sb = Sandbox::new();
    let mut s = Session::start(&sb, 80, 24, &[("LANG", "zh_CN.GBK")]);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 2);
    let raw = s.raw.lock().unwrap().clone();
    let (said, _, bad) = encoding_rs::GB18030.decode(&raw);
    assert!(!bad, "the message is GBK throughout");
    for part in [
        "export LANG=zh_CN.UTF-8",
        "乱码",
        "Xshell",
        "PuTTY",
        "--force-utf8",
    ] {
        assert!(said.contains(part), "{part:?} missing from:\n{said}");
    }
    assert!(!said.contains("\x1b[?1049h"), "nothing is drawn");
    drop(s);
    let mut s = Session::start(
        &sb,
        80,
        24,
        &[("LANG", "zh_CN.GBK"), ("PLAN_COCKPIT_FORCE_UTF8", "1")],
    );
    s.wait_for("新产业");
    s.send("q");
    assert!(s.wait_exit().success());
}

/// A planner's own key from the config file: it works, help shows it, and
/// the key it replaced no longer quits.
#[test]
fn a_rebound_key_from_the_config_file_drives_the_cockpit() {
    let sb = Sandbox::new();
    let dir = sb.path("config/plan-cockpit");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.toml"),
        "[keys.panes]\nquit = [\"ctrl-q\"]\nhelp = [\"F1\"]\n",
    )
    .unwrap();
    let mut s = Session::start(&sb, 80, 24, &[("LANG", "zh_CN.UTF-8")]);
    s.wait_for("新产业");
    s.wait_for("Ctrl-Q 退出");
    s.send("q");
    s.send("\x1bOP"); // F1
    s.wait_for("关闭帮助");
    assert!(s.child.try_wait().unwrap().is_none(), "q no longer quits");
    s.send("\x1b");
    s.send("\x11"); // Ctrl-Q
    assert!(s.wait_exit().success());
}

/// A settings file with a bad line: the status line names the file, the
/// line and the problem; the cockpit runs on the defaults.
#[test]
fn a_bad_config_file_is_named_with_its_line_and_the_defaults_run() {
    let sb = Sandbox::new();
    let dir = sb.path("config/plan-cockpit");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "ascii = false\ntheme = \"blue\"\n").unwrap();
    let mut s = Session::start(&sb, 120, 24, &[("LANG", "zh_CN.UTF-8")]);
    s.wait_for("第 2 行");
    s.wait_for("theme 不能是 “blue”");
    s.send("q");
    assert!(s.wait_exit().success());
}

/// Alt-B arriving as ESC and `b` apart (as over a slow SSH link) within the
/// escape wait is Alt-B (a word left in the form), not Esc (which would
/// close it) and a typed `b`.
#[test]
fn an_esc_and_a_letter_apart_within_the_wait_are_one_alt_key() {
    let sb = Sandbox::new();
    let dir = sb.path("config/plan-cockpit");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "escape_ms = 400\n").unwrap();
    let mut s = Session::start(&sb, 100, 30, &[("LANG", "zh_CN.UTF-8")]);
    s.wait_for("新产业");
    s.send("/");
    s.wait_for("搜索项目");
    s.send("abc def");
    s.wait_for("abc def");
    s.send("\x1b"); // 60 ms later (send waits), the rest of Alt-B:
    s.send("b");
    s.send("X");
    s.wait_for("abc Xdef");
    // A lone Esc, once the wait is over, closes the search.
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(500));
    s.send("q");
    assert!(s.wait_exit().success());
}

/// Ctrl-Z: the terminal is put back (the main screen, the cursor shown)
/// before the program stops as a shell's job, and taken again and drawn
/// anew when it continues. (Under the test's pty there is no shell: the
/// stop is the kernel's to skip for a group nobody can resume; it is
/// continued here either way.)
#[test]
fn ctrl_z_puts_the_terminal_back_and_a_resume_redraws() {
    let sb = Sandbox::new();
    let mut s = Session::start(&sb, 100, 30, &[("LANG", "en_US.UTF-8")]);
    s.wait_for("New City");
    let before = s.raw.lock().unwrap().len();
    s.send("\x1a");
    let after =
        |s: &Session| String::from_utf8_lossy(&s.raw.lock().unwrap()[before..]).into_owned();
    let start = std::time::Instant::now();
    while !after(&s).contains("\x1b[?1049l") {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(5),
            "the terminal was not put back"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    kill(&s, rustix::process::Signal::CONT);
    while !after(&s)
        .split("\x1b[?1049l")
        .nth(1)
        .is_some_and(|rest| rest.contains("\x1b[?1049h"))
    {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(5),
            "not taken again"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    s.wait_for("New City");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

/// `y` on an item: its line reaches the terminal as an OSC 52 clipboard
/// write (the terminal puts it on the planner's own machine), and the
/// status line says what a terminal needs for it.
#[test]
fn y_sends_the_items_line_to_the_terminals_clipboard() {
    use base64::Engine;
    let sb = Sandbox::new();
    let mut s = Session::start(&sb, 120, 30, &[("LANG", "zh_CN.UTF-8")]);
    s.wait_for("新城市");
    s.send("/国家级高新技术企业突破\r");
    s.wait_for("◉ —/600家");
    s.send("y");
    s.wait_for("已发送到剪贴板");
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    let coded = raw
        .split("\x1b]52;c;")
        .nth(1)
        .and_then(|rest| rest.split('\x07').next())
        .expect("an OSC 52 write");
    let line = base64::engine::general_purpose::STANDARD
        .decode(coded)
        .unwrap();
    let line = String::from_utf8(line).unwrap();
    assert!(line.contains("国家级高新技术企业突破600家"), "{line}");
    assert!(line.contains("/600家"), "{line}");
    s.send("q");
    assert!(s.wait_exit().success());
}
