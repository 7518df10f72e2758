//! The PostgreSQL server restarts under an open cockpit (issue 16), on a
//! cluster of this test's own, so no other test's connection is cut by the
//! restart (they share one test binary and run side by side).
//!
//! A planner types a note; the server stops. The autosave cannot reach it,
//! so the text goes to a local file and stays in the editor. The server
//! comes back; the same save goes through, on a new connection, with the
//! usual checks; and the cockpit reads on as before.

use crate::common;
use crate::common::cluster::{Cluster, Teardown, initdb, server_programs, shared_temp};

use common::{Sandbox, open_store, press, state_home};
use plan_cockpit::app::keymap::Layer;
use plan_cockpit::i18n::Lang;
use std::path::Path;

#[test]
fn a_server_restart_under_an_open_cockpit_loses_nothing_typed() {
    let Some(bin) = server_programs() else { return };
    let root = shared_temp("plan-cockpit-restart");
    let server = Cluster::new(&bin, root.path(), "server");
    initdb(&server);
    server.start();
    let teardown = Teardown(vec![server.clone()]);
    let url = format!("host={} user=owner dbname=postgres", server.socket());
    let sb = Sandbox::new();
    drop(open_store(&sb.db));
    sb.ok(&["migrate", "--from", sb.db.to_str().unwrap(), "--to", &url]);
    let url = Path::new(&url);
    let mut app = plan_cockpit::app::App::new(open_store(url), Lang::Zh).unwrap();
    common::to_high_tech(&mut app);
    press(&mut app, "n服务器重启时写的备注");
    assert_eq!(app.layer(), Layer::Editor);

    server.stop();
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

    server.start();
    press(&mut app, "<C-s>");
    assert_eq!(app.layer(), Layer::Panes, "saved on a new connection");
    let store = open_store(url);
    let hits = store.search("服务器重启时写的备注", 5).unwrap();
    assert_eq!(hits.len(), 1, "the note is on the server once");
    // The cockpit reads on.
    press(&mut app, "<Enter>");
    assert!(common::screen(&app, 100, 30).contains("服务器重启时写的备注"));
    drop(teardown);
}
