//! Nothing raw leaves the program (issue 23): every JSON output escapes C0
//! and C1 controls and DEL, as the export does, even for text another
//! program wrote into the database; Markdown outputs write HTML as
//! entities, since Markdown viewers render it.

use crate::common;

use common::Sandbox;

const HOSTILE: &str = "坏\u{9b}31m\u{9d}0;标题\u{7}\u{85}行\u{7f}尾";

/// Text as another program (the sqlite3 shell, a script) can put it there,
/// past the cleaning every plan-cockpit write does.
fn written_by_another_program(sb: &Sandbox) {
    sb.ok(&["milestone", "set", "19", "--current", "500"]);
    let c = rusqlite::Connection::open(&sb.db).unwrap();
    c.execute("UPDATE milestone SET title = ?1 WHERE id = 19", [HOSTILE])
        .unwrap();
    c.execute(
        "UPDATE history SET new = ?1 WHERE entity = 'milestone' AND entity_id = 19",
        [HOSTILE],
    )
    .unwrap();
}

fn assert_no_raw_controls(what: &str, out: &str) {
    let raw: Vec<char> = out
        .chars()
        .filter(|&c| c != '\n' && (c < ' ' || ('\u{7f}'..='\u{9f}').contains(&c)))
        .collect();
    assert!(raw.is_empty(), "{what}: raw {raw:?}");
}

#[test]
fn every_json_output_escapes_controls_and_still_parses_back() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    written_by_another_program(&sb);
    for args in [
        &["milestone", "list", "--json"][..],
        &["log", "--json"][..],
        &["export"][..],
    ] {
        let out = sb.ok(args);
        assert_no_raw_controls(&format!("{args:?}"), &out);
        let _: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!(
            out.contains("\\u009b"),
            "{args:?}: the text is escaped, not dropped"
        );
    }
    let list: Vec<serde_json::Value> =
        serde_json::from_str(&sb.ok(&["milestone", "list", "--json"])).unwrap();
    assert!(
        list.iter().any(|m| m["title"] == HOSTILE),
        "it parses back to the same text"
    );
}

#[test]
fn markdown_outputs_write_html_as_entities() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let script = "<script>alert('东城')</script>";
    let img = "<img src=x onerror=alert(1)>";
    sb.ok(&["milestone", "set", "19", "--note", script]);
    sb.ok(&["milestone", "set", "20", "--note", img]);
    sb.ok(&["project", "set", "17", "--owner", "<b>经发局</b>/李华"]);
    for args in [
        &["export", "--format", "markdown"][..],
        &["report"][..],
        &["report", "--format", "markdown", "--since", "2026-01-01"][..],
    ] {
        let out = sb.ok(args);
        for raw in ["<script", "<img", "<b>"] {
            assert!(!out.contains(raw), "{args:?} writes {raw} raw");
        }
        assert!(
            out.contains("&lt;script&gt;") || out.contains("&lt;img"),
            "{args:?}: the note is there, as entities:\n{out}"
        );
    }
}
