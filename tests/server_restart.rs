//! The PostgreSQL server restarts under an open cockpit (issue 16). In a
//! binary of its own: cargo runs test binaries one after another, so no
//! other test's connection is cut by the restart.
//!
//! A planner types a note; the server stops. The autosave cannot reach it,
//! so the text goes to a local file and stays in the editor. The server
//! comes back; the same save goes through, on a new connection, with the
//! usual checks; and the cockpit reads on as before.

mod common;
#[path = "common/pg.rs"]
#[allow(dead_code)]
mod pg;

use common::{Sandbox, open_store, press, state_home};
use plan_cockpit::app::keymap::Layer;
use plan_cockpit::i18n::Lang;
use std::path::Path;
use std::process::Command;

/// `pg_ctl` on the test server's cluster, as its owner (initdb refuses
/// root, so CI runs the cluster as `postgres`).
fn pg_ctl(args: &[&str]) {
    let (Ok(bin), Ok(data)) = (
        std::env::var("PLAN_COCKPIT_TEST_PG_BIN"),
        std::env::var("PLAN_COCKPIT_TEST_PG_DATA"),
    ) else {
        panic!("PLAN_COCKPIT_TEST_PG_BIN and _DATA name the cluster to restart");
    };
    let pg_ctl = format!("{bin}/pg_ctl");
    let mut cmd = if rustix::process::geteuid().is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--", &pg_ctl]);
        c
    } else {
        Command::new(&pg_ctl)
    };
    // Quiet, and no pipe: a started server would hold it open for ever.
    let status = cmd
        .args(["-D", &data, "-w", "-t", "30"])
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "pg_ctl {args:?}");
}

/// The options the running server was started with (its socket folder),
/// for starting it again as it was.
fn server_options() -> String {
    let data = std::env::var("PLAN_COCKPIT_TEST_PG_DATA").unwrap();
    let opts = std::fs::read_to_string(format!("{data}/postmaster.opts")).unwrap();
    let quoted_data = format!("\"{data}\"");
    opts.split_once(&quoted_data)
        .map(|(_, rest)| rest.trim().to_owned())
        .unwrap_or_default()
}

#[test]
fn a_server_restart_under_an_open_cockpit_loses_nothing_typed() {
    let Some(db) = pg::test_db() else { return };
    if std::env::var_os("PLAN_COCKPIT_TEST_PG_BIN").is_none() {
        // A server given by hand, not one these tests may restart.
        return;
    }
    let sb = Sandbox::new();
    drop(open_store(&sb.db));
    db.take_plan_of(&sb);
    let url = Path::new(&db.url);
    let mut app = plan_cockpit::app::App::new(open_store(url), Lang::Zh).unwrap();
    common::to_high_tech(&mut app);
    press(&mut app, "n服务器重启时写的备注");
    assert_eq!(app.layer(), Layer::Editor);

    let options = server_options();
    pg_ctl(&["stop", "-m", "fast"]);
    // The autosave cannot reach the server: the text is kept in a file
    // and stays in the editor.
    app.save_draft();
    assert_eq!(app.layer(), Layer::Editor);
    assert!(app.has_unsaved_text());
    let kept = std::fs::read_dir(state_home().join("plan-cockpit/kept")).is_ok_and(|d| {
        d.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
            .any(|t| t.contains("服务器重启时写的备注"))
    });
    assert!(
        kept,
        "the text is kept in a local file while the server is away"
    );

    pg_ctl(&["start", "-l", "/dev/null", "-o", &options]);
    press(&mut app, "<C-s>");
    assert_eq!(app.layer(), Layer::Panes, "saved on a new connection");
    let store = open_store(url);
    let hits = store.search("服务器重启时写的备注", 5).unwrap();
    assert_eq!(hits.len(), 1, "the note is on the server once");
    // The cockpit reads on.
    press(&mut app, "<Enter>");
    assert!(common::screen(&app, 100, 30).contains("服务器重启时写的备注"));
}
