//! `migrate` (issue 16): a whole plan copied between the file and
//! PostgreSQL, row for row, checked on both sides. The PostgreSQL cases
//! run on the server `.ci/run` starts, and skip (saying so) without one.

use crate::common;
use crate::common::pg;

use common::Sandbox;
use std::path::Path;

/// The JSON export of the plan at `db` (a file).
fn export_of(db: &Path) -> String {
    let mut sb = Sandbox::new();
    sb.db = db.to_path_buf();
    sb.export_json()
}

/// A plan with everything a copy must carry: generated projects, notes
/// and readings, a saved value (history), a baseline, a draft, and note
/// text with the characters COPY escapes.
fn rich_plan(sb: &Sandbox) {
    sb.ok(&[
        "generate",
        "--projects",
        "30",
        "--milestones",
        "200",
        "--notes",
        "600",
        "--seed",
        "5",
    ]);
    sb.ok(&["baseline", "save", "年初"]);
    let c = rusqlite::Connection::open(&sb.db).unwrap();
    let milestone: i64 = c
        .query_row(
            "SELECT min(id) FROM milestone WHERE kind = 'numeric'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    drop(c);
    sb.ok(&[
        "milestone",
        "set",
        &milestone.to_string(),
        "--current",
        "12.5",
    ]);
    let c = rusqlite::Connection::open(&sb.db).unwrap();
    c.execute_batch(&format!(
        "UPDATE note SET body = '第一行' || char(10) || '第二行' || char(9) || '制表\\反斜杠 \\N' WHERE id = (SELECT min(id) FROM note);
         INSERT INTO draft (id, author, milestone_id, body, updated_at) VALUES (7, 'wang', {milestone}, '写了一半的备注', '2026-11-29T01:00:00Z');"
    ))
    .unwrap();
}

/// The digest line of a migrate's output.
fn digest(out: &str) -> String {
    out.lines()
        .find_map(|l| {
            l.rsplit_once(": ")
                .filter(|(_, d)| d.len() == 64)
                .map(|(_, d)| d.to_owned())
        })
        .unwrap_or_else(|| panic!("no digest in {out}"))
}

#[test]
fn a_file_copies_to_a_new_file_row_for_row() {
    let sb = Sandbox::new();
    rich_plan(&sb);
    let copy = sb.path("copy.db");
    let out = sb.ok(&[
        "migrate",
        "--from",
        sb.db.to_str().unwrap(),
        "--to",
        copy.to_str().unwrap(),
    ]);
    assert!(out.contains("draft 1") || out.contains("草稿 1"), "{out}");
    let back = sb.ok(&[
        "migrate",
        "--from",
        copy.to_str().unwrap(),
        "--to",
        sb.path("again.db").to_str().unwrap(),
    ]);
    assert_eq!(digest(&out), digest(&back));
    let exported = sb.export_json();
    let copied = export_of(&copy);
    assert_eq!(exported, copied);
    // Onto itself is refused before anything is opened for writing.
    let same = sb.run(&[
        "migrate",
        "--from",
        sb.db.to_str().unwrap(),
        "--to",
        sb.db.to_str().unwrap(),
    ]);
    assert_eq!(same.code(), 2, "{}", same.stderr());
    assert!(same.stderr().contains("same file"), "{}", same.stderr());
}

#[test]
fn a_file_holding_a_plan_is_not_overwritten_without_replace() {
    let sb = Sandbox::new();
    rich_plan(&sb);
    let other = Sandbox::new();
    other.ok(&["init"]);
    let before = common::bytes(&other.db);
    let r = sb.run(&[
        "migrate",
        "--from",
        sb.db.to_str().unwrap(),
        "--to",
        other.db.to_str().unwrap(),
    ]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(
        r.stderr().contains("already holds a plan"),
        "{}",
        r.stderr()
    );
    assert_eq!(common::bytes(&other.db), before);
    let replaced = sb.ok(&[
        "migrate",
        "--from",
        sb.db.to_str().unwrap(),
        "--to",
        other.db.to_str().unwrap(),
        "--replace",
    ]);
    assert!(replaced.contains(".bak"), "{replaced}");
    assert_eq!(sb.export_json(), other.export_json());
}

#[test]
fn postgres_round_trip_keeps_every_row_and_the_export() {
    let Some(db) = pg::test_db() else { return };
    let sb = Sandbox::new();
    rich_plan(&sb);
    let there = sb.ok(&[
        "migrate",
        "--from",
        sb.db.to_str().unwrap(),
        "--to",
        &db.url,
    ]);
    let back_db = sb.path("back.db");
    let back = sb.ok(&[
        "migrate",
        "--from",
        &db.url,
        "--to",
        back_db.to_str().unwrap(),
    ]);
    assert_eq!(digest(&there), digest(&back), "{there}\n{back}");
    let copied = export_of(&back_db);
    assert_eq!(sb.export_json(), copied);
    // The escaped note and the draft arrived as they were.
    let mut c = db.client();
    let body: String = c
        .query_one("SELECT body FROM note ORDER BY id LIMIT 1", &[])
        .unwrap()
        .get(0);
    assert_eq!(body, "第一行\n第二行\t制表\\反斜杠 \\N");
    let draft: String = c
        .query_one("SELECT body FROM draft WHERE id = 7", &[])
        .unwrap()
        .get(0);
    assert_eq!(draft, "写了一半的备注");
    // The roll-ups the server keeps equal the file's, project by project.
    let file = rusqlite::Connection::open(&sb.db).unwrap();
    let mut stmt = file.prepare("SELECT project_id, milestones, done, progress_sum, measured FROM project_rollup ORDER BY 1").unwrap();
    let want: Vec<(i64, i64, i64, f64, f64)> = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let got: Vec<(i64, i64, i64, f64, f64)> = c
        .query("SELECT project_id, milestones, done, progress_sum, measured FROM project_rollup ORDER BY 1", &[])
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)))
        .collect();
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        assert_eq!((g.0, g.1, g.2), (w.0, w.1, w.2));
        assert!(
            (g.3 - w.3).abs() < 1e-9 && (g.4 - w.4).abs() < 1e-9,
            "{g:?} {w:?}"
        );
    }
}

#[test]
fn postgres_holding_a_plan_is_kept_without_replace_and_replaced_with_it() {
    let Some(db) = pg::test_db() else { return };
    let sb = Sandbox::new();
    rich_plan(&sb);
    sb.ok(&[
        "migrate",
        "--from",
        sb.db.to_str().unwrap(),
        "--to",
        &db.url,
    ]);
    let mut c = db.client();
    let marks = |c: &mut postgres::Client| -> Vec<(String, i64)> {
        c.query("SELECT name, value FROM counter ORDER BY name", &[])
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect()
    };
    let before = marks(&mut c);
    let identity: String = c
        .query_one("SELECT identity FROM plan", &[])
        .unwrap()
        .get(0);
    // A smaller plan (the 2023 one) over it.
    let small = Sandbox::new();
    small.ok(&["init"]);
    let r = small.run(&[
        "migrate",
        "--from",
        small.db.to_str().unwrap(),
        "--to",
        &db.url,
    ]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(
        r.stderr().contains("already holds a plan"),
        "{}",
        r.stderr()
    );
    assert_eq!(marks(&mut c), before, "nothing changed");
    small.ok(&[
        "migrate",
        "--from",
        small.db.to_str().unwrap(),
        "--to",
        &db.url,
        "--replace",
    ]);
    // Ids and versions given out by the replaced plan are never given again,
    // and a cockpit still on the old plan cannot save into this one.
    for ((name, old), (_, new)) in before.iter().zip(marks(&mut c)) {
        assert!(new >= *old, "{name}: {new} < {old}");
    }
    let (now, by): (String, String) = c
        .query_one("SELECT identity, replaced_by FROM plan", &[])
        .map(|r| (r.get(0), r.get(1)))
        .unwrap();
    assert_ne!(now, identity);
    assert_eq!(by, "owner");
    let back = small.path("back.db");
    small.ok(&["migrate", "--from", &db.url, "--to", back.to_str().unwrap()]);
    let copied = export_of(&back);
    assert_eq!(small.export_json(), copied);
}

#[test]
fn a_value_postgres_cannot_hold_is_named_and_nothing_is_copied() {
    let Some(db) = pg::test_db() else { return };
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let c = rusqlite::Connection::open(&sb.db).unwrap();
    c.execute_batch("UPDATE note SET body = '进度' || char(0) || '正常' WHERE id = 3")
        .unwrap();
    drop(c);
    let r = sb.run(&[
        "migrate",
        "--from",
        sb.db.to_str().unwrap(),
        "--to",
        &db.url,
    ]);
    assert_ne!(r.code(), 0);
    assert!(
        r.stderr().contains("note (id 3), column body"),
        "{}",
        r.stderr()
    );
    assert!(r.stderr().contains("NUL"), "{}", r.stderr());
    let zh = sb
        .cmd()
        .env("LANG", "zh_CN.UTF-8")
        .args([
            "migrate",
            "--from",
            sb.db.to_str().unwrap(),
            "--to",
            &db.url,
        ])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&zh.stderr);
    assert!(
        said.contains("备注(note,id 3)的 body 列含有 NUL 字符"),
        "{said}"
    );
    let rows: i64 = db
        .client()
        .query_one("SELECT count(*) FROM note", &[])
        .unwrap()
        .get(0);
    assert_eq!(rows, 0);
}

#[test]
fn a_database_whose_locale_hides_chinese_from_search_is_named_and_left_as_it_was() {
    let Some(db) = pg::test_db() else { return };
    let blind = db.sibling("c", "C");
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let r = sb.run(&["migrate", "--from", sb.db.to_str().unwrap(), "--to", &blind]);
    assert_ne!(r.code(), 0);
    assert!(r.stderr().contains("LC_CTYPE is C,"), "{}", r.stderr());
    let mut c = postgres::Client::connect(&blind, postgres::NoTls).unwrap();
    let made: bool = c
        .query_one("SELECT to_regclass('plan') IS NOT NULL", &[])
        .unwrap()
        .get(0);
    assert!(!made, "no table was created");
}

#[test]
fn a_viewer_reads_the_plan_out_but_cannot_write_one_in() {
    let Some(db) = pg::test_db() else { return };
    let sb = Sandbox::new();
    db.take_plan_of(&sb);
    let mut c = db.client();
    pg::grant_roles(&mut c);
    let viewer = db.as_role("zhao_min");
    let out = sb.path("out.db");
    sb.ok(&["migrate", "--from", &viewer, "--to", out.to_str().unwrap()]);
    let copied = export_of(&out);
    assert_eq!(sb.export_json(), copied);
    let r = sb.run(&[
        "migrate",
        "--from",
        sb.db.to_str().unwrap(),
        "--to",
        &viewer,
        "--replace",
    ]);
    assert_ne!(r.code(), 0);
    assert!(r.stderr().contains("permission denied"), "{}", r.stderr());
    assert!(r.stderr().contains("nothing was changed"), "{}", r.stderr());
    let rows: i64 = c
        .query_one("SELECT count(*) FROM project", &[])
        .unwrap()
        .get(0);
    assert_eq!(rows, 39);
}

#[test]
fn a_whole_file_command_on_a_server_says_what_this_version_does_there() {
    let mut sb = Sandbox::new();
    sb.db = "postgres://planner:secret@db.example/plan".into();
    let r = sb.run(&["check"]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(
        r.stderr()
            .contains("runs every command but backup and check"),
        "{}",
        r.stderr()
    );
    assert!(!r.stderr().contains("secret"), "{}", r.stderr());
    assert!(common::names_in(sb.dir.path()).is_empty());
}
