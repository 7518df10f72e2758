//! Nothing committed is ever lost: a writer killed with SIGKILL mid-loop
//! loses no acknowledged commit and leaves an intact file, and concurrent
//! relative updates from separate processes all count.

// Test data and measurements are small numbers: casts here cannot wrap.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_possible_wrap
)]

use crate::common;

use common::{BIN, Sandbox, open_store};
use plan_cockpit::domain::{MilestoneChange, ValueChange};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

const HIGH_TECH: i64 = 19;
const WRITER: &str = "PLAN_COCKPIT_TEST_WRITER_DB";

/// Not a test: the child side of the kill -9 test, which runs it with
/// `--ignored`. It adds 1 forever and prints each acknowledged commit.
#[test]
#[ignore = "the kill -9 test runs this as its child process"]
fn writer_loop_child() {
    let db = std::env::var(WRITER)
        .expect("started by kill_9_during_writes_loses_no_acknowledged_commit");
    let mut store = open_store(std::path::Path::new(&db));
    let mut out = std::io::stdout().lock();
    for i in 1u64.. {
        let change = MilestoneChange {
            value: Some(ValueChange::Add(1.0)),
            ..Default::default()
        };
        store
            .update_milestone(HIGH_TECH, None, change, "test")
            .unwrap();
        writeln!(out, "ack {i}").unwrap();
        out.flush().unwrap();
    }
}

fn current(sb: &Sandbox) -> f64 {
    open_store(&sb.db)
        .milestone(HIGH_TECH)
        .unwrap()
        .current
        .unwrap_or(0.0)
}

#[test]
fn kill_9_during_writes_loses_no_acknowledged_commit() {
    const KILLS: u64 = 50;
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let me = std::env::current_exe().unwrap();
    let mut acked_total = 0u64;
    for round in 0..KILLS {
        let mut child = Command::new(&me)
            .args([
                "--exact",
                "durability::writer_loop_child",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(WRITER, &sb.db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let acked = Arc::new(AtomicU64::new(0));
        let seen = Arc::clone(&acked);
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(n) = line.strip_prefix("ack ").and_then(|n| n.parse().ok()) {
                    seen.store(n, Ordering::SeqCst);
                }
            }
        });
        // Let it write for a while, then kill it without warning.
        std::thread::sleep(Duration::from_millis(40 + (round * 37) % 120));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        reader.join().unwrap();
        acked_total += acked.load(Ordering::SeqCst);

        let value = current(&sb) as u64;
        assert!(
            value >= acked_total,
            "round {round}: {value} in the file, {acked_total} acknowledged"
        );
        // A commit can land after its acknowledgement was cut off, never before.
        acked_total = value;
        let c = rusqlite::Connection::open(&sb.db).unwrap();
        let verdict: String = c
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(verdict, "ok", "round {round}");
    }
    assert!(
        acked_total > KILLS,
        "the writer made progress: {acked_total}"
    );
    eprintln!("{KILLS} kills, {acked_total} commits, 0 acknowledged commits lost");
}

/// Two planners' scripts add 1 a thousand times each, at once.
#[test]
fn two_processes_times_a_thousand_adds_all_count() {
    const EACH: usize = 1000;
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let id = HIGH_TECH.to_string();
    let ok = std::thread::scope(|s| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    (0..EACH)
                        .filter(|_| {
                            Command::new(BIN)
                                .args([
                                    "--db",
                                    sb.db.to_str().unwrap(),
                                    "milestone",
                                    "set",
                                    &id,
                                    "--add",
                                    "1",
                                ])
                                .stdout(Stdio::null())
                                .status()
                                .unwrap()
                                .success()
                        })
                        .count()
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap())
            .sum::<usize>()
    });
    let value = current(&sb) as usize;
    eprintln!("{ok} adds reported success; the value is {value}");
    assert_eq!(value, ok, "updates lost: {}", ok.abs_diff(value));
    assert_eq!(ok, 2 * EACH);
}
