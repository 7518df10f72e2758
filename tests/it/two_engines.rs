//! The store's behaviour on both engines from one test body (issue 16):
//! the seed plan on a file, and the same plan copied by `migrate` to a
//! PostgreSQL database; every case runs on each, and the server's answers
//! must be the file's. The PostgreSQL half skips (saying so) without a
//! server, and is required in CI.

use crate::common;
use crate::common::pg;

use common::{Sandbox, open_store};
use plan_cockpit::domain::lens::{Group, Lens};
use plan_cockpit::domain::{MilestoneChange, ValueChange};
use plan_cockpit::store::{self, Error, Key, List, Listed, MilestoneRow, Page, ProjectRow, Store};

/// The seed plan on a file, and (with a server) the same plan on it.
struct Both {
    sb: Sandbox,
    server: Option<pg::TestDb>,
}

impl Both {
    fn new() -> Both {
        let sb = Sandbox::new();
        drop(open_store(&sb.db));
        let server = pg::test_db();
        if let Some(db) = &server {
            db.take_plan_of(&sb);
        }
        Both { sb, server }
    }

    /// A store on each engine, named, opened as `author`.
    fn stores(&self) -> Vec<(&'static str, Store)> {
        let mut out = vec![("file", open_store(&self.sb.db))];
        if let Some(db) = &self.server {
            out.push(("server", open_store(std::path::Path::new(&db.url))));
        }
        out
    }
}

fn numeric_milestone(s: &Store) -> MilestoneRow {
    s.milestones(&store::ListFilter {
        scope: plan_cockpit::domain::scope::Scope::everything(),
        overdue_on: None,
    })
    .unwrap()
    .into_iter()
    .find(|m| m.target.is_some() && m.baseline.is_none())
    .expect("a numeric milestone with a target")
}

fn set_current(v: f64) -> MilestoneChange {
    MilestoneChange {
        value: Some(ValueChange::Set(v)),
        ..MilestoneChange::default()
    }
}

#[test]
fn both_engines_read_the_same_plan() {
    // Per engine: the panes, a page of projects, a detail's title, the
    // pinyin hits and the search hits, as text.
    type Seen = (Vec<String>, Vec<String>, String, usize, Vec<String>);
    let both = Both::new();
    let mut seen: Vec<Seen> = Vec::new();
    for (engine, s) in both.stores() {
        let panes: Vec<String> = s
            .groups(Lens::Directions)
            .unwrap()
            .iter()
            .map(|g| format!("{} {} {:?}", g.name, g.projects, g.rollup))
            .collect();
        let first = match &s.groups(Lens::Directions).unwrap()[1].group {
            Group::Direction(id) => *id,
            g => panic!("{g:?}"),
        };
        let list = List::Projects {
            group: Group::Direction(first),
        };
        let page: Vec<ProjectRow> = s.page(&list, Page::From(Key::FIRST), 5).unwrap();
        let names: Vec<String> = page.iter().map(|p| p.name.clone()).collect();
        let third = page[2].key();
        assert_eq!(s.rank(&list, third).unwrap(), 2, "{engine}");
        let back: Vec<ProjectRow> = s.page(&list, Page::Before(third), 2).unwrap();
        assert_eq!(back[1].id, page[1].id, "{engine}");
        let m = numeric_milestone(&s);
        let detail = s.detail(m.id).unwrap();
        // One, two and more characters (each through its own index on the
        // server), a phrase from a note, and Latin letters for pinyin.
        let mut hits: Vec<String> = Vec::new();
        for q in [
            "黄旗",
            "园",
            "东城",
            "高新技术",
            "科技",
            "hqn",
            "没有这个词语",
            "%",
            "_",
        ] {
            for h in s.search(q, 50).unwrap() {
                hits.push(format!("{q}: {:?} {} {:?}", h.kind, h.path, h.note_id));
            }
        }
        let by_pinyin = s.search("hqn", 50).unwrap().len();
        seen.push((panes, names, detail.milestone.title, by_pinyin, hits));
    }
    if let [file, server] = &seen[..] {
        assert_eq!(file, server, "the server must answer as the file does");
    }
    assert!(seen[0].3 > 0, "pinyin finds 黄旗南");
}

#[test]
fn both_engines_refuse_a_stale_save_and_keep_history() {
    let both = Both::new();
    for (engine, mut s) in both.stores() {
        let m = numeric_milestone(&s);
        let saved = s
            .update_milestone(m.id, Some(m.version), set_current(3.0), "test")
            .unwrap();
        assert!(saved.version > m.version, "{engine}");
        // A second save based on the old version is refused, naming who.
        let stale = s.update_milestone(m.id, Some(m.version), set_current(4.0), "test");
        match stale {
            Err(Error::Conflict(c)) => {
                assert_eq!(c.found_version, saved.version, "{engine}");
                assert!(
                    c.by.starts_with("planner") || c.by.contains("planner"),
                    "{engine}: {}",
                    c.by
                );
            }
            other => panic!("{engine}: {other:?}"),
        }
        let detail = s.detail(m.id).unwrap();
        assert_eq!(detail.milestone.current, Some(3.0), "{engine}");
        assert_eq!(detail.readings.len(), 1, "{engine}");
        assert_eq!(detail.history[0].field, "current", "{engine}");
        // A note, edited with its version, then its old version refused.
        let note = s
            .update_milestone(
                m.id,
                Some(saved.version),
                MilestoneChange {
                    note: Some("第一稿".into()),
                    ..MilestoneChange::default()
                },
                "test",
            )
            .unwrap();
        let (id, v) = (note.note_id.unwrap(), note.note_version.unwrap());
        let (_, v2) = s.update_note(id, v, "第二稿").unwrap();
        assert!(v2 > v, "{engine}");
        assert!(
            matches!(s.update_note(id, v, "第三稿"), Err(Error::Conflict(_))),
            "{engine}"
        );
        // Ids are never handed out twice: a project added after a delete
        // takes a new one.
        let dir = match &s.groups(Lens::Directions).unwrap()[0].group {
            Group::Direction(id) => *id,
            g => panic!("{g:?}"),
        };
        let (p1, _) = s.add_project(dir, "新增项目").unwrap();
        s.delete_project(p1, None).unwrap();
        let (p2, _) = s.add_project(dir, "再增项目").unwrap();
        assert!(p2 > p1, "{engine}: {p2} after {p1}");
        // Undo of the save puts the value back, with the version check.
        let mut after = s.milestone(m.id).unwrap();
        let undone = s
            .restore_milestone(
                m.id,
                after.version,
                saved.before.clone(),
                saved.reading.clone(),
            )
            .unwrap();
        after = s.milestone(m.id).unwrap();
        assert_eq!(after.current, m.current, "{engine}");
        assert_eq!(after.version, undone.version, "{engine}");
        assert_eq!(after.status, m.status, "{engine}");
    }
}

/// A baseline's name is used once, and a name nobody saved is said as
/// such, on both engines (their comparisons return different types).
#[test]
fn a_baseline_name_is_taken_once_on_both_engines() {
    use plan_cockpit::domain::refusal::Refusal;
    let both = Both::new();
    for (engine, mut s) in both.stores() {
        s.save_baseline("年初").unwrap();
        let again = s.save_baseline("年初");
        assert!(
            matches!(
                again,
                Err(store::Error::Invalid(Refusal::BaselineExists { .. }))
            ),
            "{engine}: {again:?}"
        );
        let none = s.moved_since("没有这个基线");
        assert!(
            matches!(
                none,
                Err(store::Error::Invalid(Refusal::NoSuchBaseline { .. }))
            ),
            "{engine}: {none:?}"
        );
        assert_eq!(s.moved_since("年初").unwrap().1.len(), 0, "{engine}");
    }
}

#[test]
fn a_draft_is_kept_on_both_engines() {
    let both = Both::new();
    for (engine, mut s) in both.stores() {
        let m = numeric_milestone(&s);
        let target = store::DraftFor::NewNote { milestone: m.id };
        let id = s.save_draft(None, &target, "写了一半").unwrap();
        assert_eq!(
            s.save_draft(Some(id), &target, "写了一大半").unwrap(),
            id,
            "{engine}"
        );
        let drafts = s.drafts().unwrap();
        assert_eq!(drafts.len(), 1, "{engine}");
        assert_eq!(drafts[0].body, "写了一大半", "{engine}");
        s.delete_draft(id).unwrap();
        assert!(s.drafts().unwrap().is_empty(), "{engine}");
    }
}

/// Another program's commit is heard by an open store within a second;
/// its own writes are not counted as someone else's.
#[test]
fn a_server_store_hears_another_planners_commit() {
    let both = Both::new();
    let Some(db) = &both.server else { return };
    let url = std::path::Path::new(&db.url);
    let mut mine = open_store(url);
    let mut other = open_store(url);
    let before = mine.data_version().unwrap();
    let m = numeric_milestone(&mine);
    mine.update_milestone(m.id, None, set_current(1.0), "test")
        .unwrap();
    assert_eq!(
        mine.data_version().unwrap(),
        before,
        "its own write is not news"
    );
    let sent = std::time::Instant::now();
    other
        .update_milestone(m.id, None, set_current(2.0), "test")
        .unwrap();
    let heard = loop {
        let v = mine.data_version().unwrap();
        if v != before {
            break sent.elapsed();
        }
        assert!(
            sent.elapsed() < std::time::Duration::from_secs(1),
            "not heard within a second"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    eprintln!("heard another planner's commit after {heard:?}");
    assert_eq!(mine.milestone(m.id).unwrap().current, Some(2.0));
}

/// A viewer's cockpit is read-only, saying why; its writes change nothing.
#[test]
fn a_viewer_looks_but_cannot_write() {
    let both = Both::new();
    let Some(db) = &both.server else { return };
    pg::grant_roles(&mut db.client());
    let viewer = db.as_role("zhao_min");
    let mut s = open_store(std::path::Path::new(&viewer));
    match s.access() {
        store::Access::ReadOnly(store::ReadOnlyWhy::ServerRole { role }) => {
            assert_eq!(role, "zhao_min");
        }
        other => panic!("{other:?}"),
    }
    let m = numeric_milestone(&s);
    assert!(matches!(
        s.update_milestone(m.id, None, set_current(9.0), "test"),
        Err(Error::ReadOnly(_))
    ));
    let said = plan_cockpit::i18n::Lang::Zh.read_only(&store::ReadOnlyWhy::ServerRole {
        role: "zhao_min".into(),
    });
    assert!(said.contains("只能查看和导出"), "{said}");
    assert_eq!(s.milestone(m.id).unwrap().current, m.current);
}

/// Two planners adding to one figure at once, a thousand times each, on
/// two connections: every add counts, and each has its history row.
#[test]
fn two_clients_adding_a_thousand_times_each_lose_nothing() {
    let both = Both::new();
    let Some(db) = &both.server else { return };
    let m = numeric_milestone(&open_store(std::path::Path::new(&db.url)));
    let (id, start) = (m.id, m.current.unwrap_or(0.0));
    let adds = 1000;
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let url = db.url.clone();
            std::thread::spawn(move || {
                let mut s = open_store(std::path::Path::new(&url));
                for _ in 0..adds {
                    let add = MilestoneChange {
                        value: Some(ValueChange::Add(1.0)),
                        ..MilestoneChange::default()
                    };
                    s.update_milestone(id, None, add, "test").unwrap();
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let s = open_store(std::path::Path::new(&db.url));
    let m = s.milestone(id).unwrap();
    assert_eq!(m.current, Some(start + f64::from(2 * adds)));
    let mut c = db.client();
    let rows: i64 = c
        .query_one(
            "SELECT count(*) FROM history WHERE entity = 'milestone' AND entity_id = $1 AND field = 'current'",
            &[&id],
        )
        .unwrap()
        .get(0);
    assert_eq!(rows, i64::from(2 * adds));
}

/// `milestone set --add 1` killed at random moments: every save it
/// acknowledged is there, a killed one is there whole or not at all (the
/// value and its history row together).
#[test]
fn a_client_killed_mid_transaction_loses_no_acknowledged_commit() {
    let both = Both::new();
    let Some(db) = &both.server else { return };
    let m = numeric_milestone(&open_store(std::path::Path::new(&db.url)));
    let (id, start) = (m.id, m.current.unwrap_or(0.0));
    let mut on_server = Sandbox::new();
    on_server.db = db.url.clone().into();
    let (mut acked, mut tries) = (0_u32, 0_u32);
    for i in 0..40_u64 {
        let mut child = on_server
            .cmd()
            .args(["milestone", "set", &id.to_string(), "--add", "1"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        tries += 1;
        std::thread::sleep(std::time::Duration::from_millis(i % 20 * 5));
        let _ = child.kill();
        if child.wait().unwrap().success() {
            acked += 1;
        }
    }
    let mut c = db.client();
    let current: Option<f64> = c
        .query_one("SELECT current FROM milestone WHERE id = $1", &[&id])
        .unwrap()
        .get(0);
    let history: i64 = c
        .query_one(
            "SELECT count(*) FROM history WHERE entity = 'milestone' AND entity_id = $1 AND field = 'current'",
            &[&id],
        )
        .unwrap()
        .get(0);
    let landed = current.unwrap_or(0.0) - start;
    eprintln!("{tries} tries, {acked} acknowledged, {landed} landed");
    assert!(
        landed >= f64::from(acked) && landed <= f64::from(tries),
        "{landed} of {acked}/{tries}"
    );
    assert_eq!(
        landed,
        f64::from(u32::try_from(history).unwrap()),
        "each landed add has its history row"
    );
}

/// The server drops the connection (a restart, a failover, an
/// administrator): the next read goes on over a new one, the store is
/// told to read everything again, and a save lands with its version
/// check.
#[test]
fn a_dropped_connection_is_made_again() {
    let both = Both::new();
    let Some(db) = &both.server else { return };
    let mut s = open_store(std::path::Path::new(&db.url));
    let m = numeric_milestone(&s);
    let before = s.data_version().unwrap();
    let mut admin = db.client();
    let drop_all = "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid()";
    let dropped: i64 = admin.query_one(drop_all, &[]).unwrap().get(0);
    assert!(dropped >= 1);
    std::thread::sleep(std::time::Duration::from_millis(100));
    assert_eq!(s.milestone(m.id).unwrap().title, m.title);
    assert_ne!(s.data_version().unwrap(), before, "told to read again");
    admin.query_one(drop_all, &[]).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(100));
    let saved = s
        .update_milestone(m.id, Some(m.version), set_current(8.0), "test")
        .unwrap();
    assert_eq!(s.milestone(m.id).unwrap().version, saved.version);
}

/// The plan's unit, year, title and identity, as `plan list`/`show` read
/// them, are the same on the server as in the file it was copied from.
#[test]
fn both_engines_say_the_same_plan() {
    let both = Both::new();
    let plans: Vec<Vec<store::PlanSummary>> = both
        .stores()
        .iter()
        .map(|(_, s)| s.plans().unwrap())
        .collect();
    assert_eq!(plans[0].len(), 1);
    assert_eq!(plans[0][0].unit, "东城街道");
    if let [file, server] = &plans[..] {
        assert_eq!(file, server);
    }
    if let Some(db) = &both.server {
        let out = std::process::Command::new(common::BIN)
            .args(["--db", &db.url, "plan", "show", "--json"])
            .env("XDG_STATE_HOME", both.sb.path("state"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["unit"], "东城街道");
        assert_eq!(v["milestones"], 55);
    }
}

/// A tracking sheet exported from the server comes back into it (issue
/// 27: a city's units hand in their sheets too): the value typed over in
/// the sheet is saved on the server as an edit, with its history.
#[test]
fn a_sheet_comes_back_into_the_server() {
    let both = Both::new();
    let Some(db) = &both.server else { return };
    let run = |args: &[&str]| {
        let out = std::process::Command::new(common::BIN)
            .args(["--lang", "zh", "--db", &db.url])
            .args(args)
            .env("XDG_STATE_HOME", both.sb.path("state"))
            .env("PLAN_COCKPIT_NOW", "2023-11-27T10:00:00+08:00")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let sheet = both.sb.path("server.csv");
    run(&["export", "-o", sheet.to_str().unwrap()]);
    let text = std::fs::read_to_string(&sheet).unwrap();
    let mut rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{FEFF}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let row = rows.iter_mut().find(|r| r[0] == "19").unwrap();
    row[8] = "480".into();
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in &rows {
        w.write_record(r).unwrap();
    }
    let mut bytes = "\u{FEFF}".as_bytes().to_vec();
    bytes.extend(w.into_inner().unwrap());
    std::fs::write(&sheet, bytes).unwrap();
    run(&["import-values", sheet.to_str().unwrap()]);
    let server = open_store(std::path::Path::new(&db.url));
    assert_eq!(server.milestone(19).unwrap().current, Some(480.0));
    assert!(
        run(&["log"]).contains("480"),
        "the edit is in the server's log"
    );
}

/// Next year's plan carried over from the plan on the server: the same
/// items, with the same origins, as from the file it was copied from.
#[test]
fn next_year_is_carried_over_from_either_engine() {
    let both = Both::new();
    let Some(db) = &both.server else { return };
    let carry = |from: &str, into: &std::path::Path| {
        let out = std::process::Command::new(common::BIN)
            .args([
                "--db",
                into.to_str().unwrap(),
                "plan",
                "new",
                "--year",
                "2024",
            ])
            .args(["--from", from, "--carry-over"])
            .env("XDG_STATE_HOME", both.sb.path("state"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = std::process::Command::new(common::BIN)
            .args(["--db", into.to_str().unwrap(), "export", "--format", "json"])
            .env("XDG_STATE_HOME", both.sb.path("state"))
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        doc["projects"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["milestones"].as_array().unwrap().clone())
            .map(|m| m["origin"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let from_file = carry(both.sb.db.to_str().unwrap(), &both.sb.path("a2024.db"));
    let from_server = carry(&db.url, &both.sb.path("b2024.db"));
    assert!(!from_file.is_empty());
    assert_eq!(
        from_file, from_server,
        "the copied plan keeps its identity and ids"
    );
}
