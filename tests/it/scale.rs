//! What makes a large plan fast must never make it wrong: roll-ups kept by
//! triggers equal a recount, the trigram search finds exactly the texts
//! that contain the query, and the paged lists select what a full list
//! would.

use crate::common;

use common::{Sandbox, open_store, press};
use plan_cockpit::domain::{Measure, MilestoneChange, Status, ValueChange};
use plan_cockpit::generate::{self, Size};
use plan_cockpit::store::{self, HitKind, Key, List, ListFilter, Page, Rollup, Store};
use proptest::prelude::*;
use std::collections::HashMap;

fn all_milestones(s: &Store) -> Vec<store::MilestoneRow> {
    s.milestones(&ListFilter {
        scope: Default::default(),
        overdue_on: None,
    })
    .unwrap()
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        _ => false,
    }
}

/// Every direction's and every project's roll-up equals a recount of its
/// milestones done here, through the domain's own `Measure::progress`.
fn assert_rollups_exact(s: &Store) {
    let ms = all_milestones(s);
    let mut by_project: HashMap<i64, Vec<(Measure, f64)>> = HashMap::new();
    for m in &ms {
        by_project
            .entry(m.project_id)
            .or_default()
            .push((m.measure(), m.weight));
    }
    for d in s.directions().unwrap() {
        let list = store::List::Projects {
            group: d.group.clone(),
        };
        let projects: Vec<store::ProjectRow> = s
            .page(&list, store::Page::From(store::Key::FIRST), 100_000)
            .unwrap();
        assert_eq!(projects.len(), d.projects, "{}", d.name);
        let mut all = Vec::new();
        for p in &projects {
            let mine = by_project.get(&p.id).cloned().unwrap_or_default();
            let want = Rollup::weighted(mine.iter().map(|(m, w)| (m, *w)));
            assert_eq!(p.rollup.milestones, want.milestones, "{}", p.name);
            assert_eq!(p.rollup.done, want.done, "{}", p.name);
            assert!(
                close(p.rollup.progress, want.progress),
                "{}: {:?} vs {:?}",
                p.name,
                p.rollup.progress,
                want.progress
            );
            all.extend(mine);
        }
        let want = Rollup::weighted(all.iter().map(|(m, w)| (m, *w)));
        assert_eq!(d.rollup.milestones, want.milestones, "{}", d.name);
        assert_eq!(d.rollup.done, want.done, "{}", d.name);
        assert!(close(d.rollup.progress, want.progress), "{}", d.name);
    }
}

#[test]
fn rollups_follow_every_kind_of_change() {
    let sb = Sandbox::new();
    let mut s = open_store(&sb.db);
    assert_rollups_exact(&s);

    let ms = all_milestones(&s);
    let numeric = ms.iter().find(|m| m.target.is_some()).unwrap().clone();
    s.update_milestone(
        numeric.id,
        Some(numeric.version),
        MilestoneChange {
            value: Some(ValueChange::Set(numeric.target.unwrap() / 2.0)),
            ..Default::default()
        },
        "test",
    )
    .unwrap();
    assert_rollups_exact(&s);
    // A weight changes the weighted mean, kept by the triggers.
    let v = s.milestone(numeric.id).unwrap().version;
    let weighed = MilestoneChange {
        weight: Some(4.0),
        ..Default::default()
    };
    s.update_milestone(numeric.id, Some(v), weighed, "test")
        .unwrap();
    assert_rollups_exact(&s);
    let bad = MilestoneChange {
        weight: Some(0.0),
        ..Default::default()
    };
    let v = s.milestone(numeric.id).unwrap().version;
    assert!(
        s.update_milestone(numeric.id, Some(v), bad, "test")
            .is_err()
    );

    let yes_no = ms.iter().find(|m| m.target.is_none()).unwrap().clone();
    for status in [Status::Done, Status::Dropped, Status::Active] {
        let v = s.milestone(yes_no.id).unwrap().version;
        s.update_milestone(
            yes_no.id,
            Some(v),
            MilestoneChange {
                status: Some(status),
                ..Default::default()
            },
            "test",
        )
        .unwrap();
        assert_rollups_exact(&s);
    }

    let (added, _) = s.add_milestone(numeric.project_id, "新增里程碑").unwrap();
    assert_rollups_exact(&s);
    s.delete_milestone(added, None).unwrap();
    assert_rollups_exact(&s);
    let plan_cockpit::domain::lens::Group::Direction(d) = s.directions().unwrap()[0].group.clone()
    else {
        unreachable!()
    };
    let (empty, _) = s.add_project(d, "空项目").unwrap();
    assert_rollups_exact(&s);
    s.delete_project(empty, None).unwrap();
    // A whole project goes, its milestones with it by cascade.
    s.delete_project(numeric.project_id, None).unwrap();
    assert_rollups_exact(&s);

    // An import replaces everything; the roll-ups are rebuilt in bulk.
    let doc = generate::plan(
        &Size {
            projects: 40,
            milestones: 300,
            notes: 600,
            readings: 200,
        },
        7,
    );
    s.replace_plan(doc.clone(), "test").unwrap();
    assert_rollups_exact(&s);
}

/// The progress column the roll-ups sum is the domain's formula, written
/// once more in SQL; any drift between the two shows here.
fn measure() -> impl Strategy<Value = (bool, Status, Option<f64>, Option<f64>, Option<f64>)> {
    let value = prop_oneof![
        Just(None),
        Just(Some(0.0)),
        Just(Some(100.0)),
        (-1e6..1e6f64).prop_map(Some),
    ];
    let status = prop_oneof![
        Just(Status::Planned),
        Just(Status::Active),
        Just(Status::Done),
        Just(Status::Dropped),
        Just(Status::AtRisk),
    ];
    (any::<bool>(), status, value.clone(), value.clone(), value)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn progress_in_sql_is_the_domain_formula(ms in proptest::collection::vec(measure(), 1..8)) {
        let sb = Sandbox::new();
        drop(open_store(&sb.db));
        let c = rusqlite::Connection::open(&sb.db).unwrap();
        let id: i64 = c.query_row("SELECT id FROM milestone ORDER BY id LIMIT 1", [], |r| r.get(0)).unwrap();
        for (numeric, status, baseline, target, current) in ms {
            let kind = if numeric { "numeric" } else { "yes_no" };
            let (baseline, target, current) = if numeric { (baseline, target, current) } else { (None, None, None) };
            c.execute(
                "UPDATE milestone SET kind = ?1, status = ?2, baseline = ?3, target = ?4, current = ?5 WHERE id = ?6",
                rusqlite::params![kind, status.code(), baseline, target, current, id],
            ).unwrap();
            let sql: Option<f64> = c.query_row("SELECT progress FROM milestone WHERE id = ?1", [id], |r| r.get(0)).unwrap();
            let domain = Measure {
                kind: if numeric { plan_cockpit::domain::Kind::Numeric } else { plan_cockpit::domain::Kind::YesNo },
                status, baseline, target, current,
            }.progress();
            prop_assert_eq!(sql, domain);
        }
    }
}

/// Every text of the plan, with where it is.
fn texts(s: &Store) -> Vec<(HitKind, i64, String)> {
    let doc = s.load_plan().unwrap();
    let mut out = Vec::new();
    for p in &doc.projects {
        out.push((HitKind::Project, p.id, p.name.clone()));
        for n in &p.notes {
            out.push((HitKind::Note, n.id, n.body.clone()));
        }
        for m in &p.milestones {
            out.push((HitKind::Milestone, m.id, m.title.clone()));
            for n in &m.notes {
                out.push((HitKind::Note, n.id, n.body.clone()));
            }
        }
    }
    out
}

fn hit_id(h: &store::Hit) -> i64 {
    match h.kind {
        HitKind::Project => h.project_id,
        HitKind::Milestone => h.milestone_id.unwrap(),
        HitKind::Note => h.note_id.unwrap(),
    }
}

/// The search returns exactly the texts containing the query (any case),
/// whatever its length and wherever it sits in the text, and the names and
/// titles whose pinyin contains a query of two or more Latin letters.
fn assert_search_exact(s: &Store, corpus: &[(HitKind, i64, String)], q: &str) {
    let mut found: Vec<(HitKind, i64)> = s
        .search(q, 1_000_000)
        .unwrap()
        .iter()
        .map(|h| (h.kind, hit_id(h)))
        .collect();
    let short = q.trim().chars().count() < store::NOTE_QUERY_MIN;
    let needle = q.trim().to_lowercase();
    let mut want: Vec<(HitKind, i64)> = corpus
        .iter()
        .filter(|(k, _, t)| {
            let by_pinyin = *k != HitKind::Note
                && plan_cockpit::domain::pinyin::as_pinyin(q)
                    .filter(|p| p.len() >= 2)
                    .is_some_and(|p| plan_cockpit::domain::pinyin::key(t).contains(&p));
            by_pinyin || (!(short && *k == HitKind::Note) && t.to_lowercase().contains(&needle))
        })
        .map(|(k, id, _)| (*k, *id))
        .collect();
    let order = |v: &mut Vec<(HitKind, i64)>| v.sort_by_key(|(k, id)| (*k as u8, *id));
    order(&mut found);
    order(&mut want);
    assert_eq!(found, want, "query {q:?}");
}

#[test]
fn search_finds_exactly_the_texts_that_contain_the_query() {
    let sb = Sandbox::new();
    let s = open_store(&sb.db);
    let corpus = texts(&s);
    // The seeded plan's own words, and pieces cut from its texts: starts,
    // middles and the very ends, one to five characters long.
    let mut queries: Vec<String> = [
        "高新",
        "高新技术企业",
        "600",
        "东城",
        "GDP",
        "gdp",
        "企",
        "亿元",
    ]
    .iter()
    .map(std::string::ToString::to_string)
    .collect();
    for (i, (_, _, t)) in corpus.iter().enumerate().step_by(7) {
        let chars: Vec<char> = t.chars().collect();
        for len in 1..=5usize.min(chars.len()) {
            let at = match i % 3 {
                0 => 0,
                1 => chars.len() - len,
                _ => (chars.len() - len) / 2,
            };
            queries.push(chars[at..at + len].iter().collect());
        }
    }
    queries.extend(
        [
            "没有这个词",
            "\"",
            "a\"b",
            "*",
            "AND",
            "OR",
            "NEAR(",
            "  高新  ",
            // Pinyin: initials, full, two letters, mixed with digits.
            "gxjs",
            "gaoxin",
            "GaoXin",
            "dc",
            "dongcheng",
            "jdmall",
            "tp600",
            "zz",
        ]
        .map(String::from),
    );
    for q in &queries {
        assert_search_exact(&s, &corpus, q);
    }
}

#[test]
fn search_follows_edits_renames_and_deletions() {
    let sb = Sandbox::new();
    let mut s = open_store(&sb.db);
    let m = all_milestones(&s)[0].clone();
    let saved = s
        .update_milestone(
            m.id,
            Some(m.version),
            MilestoneChange {
                note: Some("独一无二的备注词".into()),
                ..Default::default()
            },
            "test",
        )
        .unwrap();
    let note = saved.note_id.unwrap();
    let hits = s.search("一无二", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].note_id, Some(note));
    // Two characters at the very end of the text.
    assert_eq!(s.search("注词", 10).unwrap().len(), 1);

    let v = s.note(note).unwrap().version;
    s.update_note(note, v, "改过的内容").unwrap();
    assert!(s.search("一无二", 10).unwrap().is_empty());
    assert_eq!(s.search("改过的", 10).unwrap().len(), 1);

    let p = s.project(m.project_id).unwrap();
    s.rename_project(p.id, p.version, "全新名称的项目").unwrap();
    let hits = s.search("全新名称", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, HitKind::Project);
    // By its pinyin too, and first: its initials begin with the query.
    let hits = s.search("qxmc", 10).unwrap();
    assert_eq!(hits.first().map(|h| h.project_id), Some(p.id));

    s.delete_project(p.id, None).unwrap();
    assert!(s.search("全新名称", 10).unwrap().is_empty());
    assert!(s.search("qxmc", 10).unwrap().is_empty());
    assert!(
        s.search("改过的", 10).unwrap().is_empty(),
        "notes go with it"
    );
    let corpus = texts(&s);
    for q in ["高新", "企", "东城街道", "亿元"] {
        assert_search_exact(&s, &corpus, q);
    }
}

#[test]
fn a_one_character_query_says_notes_need_another() {
    let (_sb, mut app) = common::cockpit(plan_cockpit::i18n::Lang::Zh);
    press(&mut app, "/企");
    let screen = common::screen(&app, 80, 24);
    assert!(screen.contains("再输入一个字搜索备注"), "{screen}");
    press(&mut app, "业");
    let screen = common::screen(&app, 80, 24);
    assert!(!screen.contains("再输入一个字"), "{screen}");
}

/// A direction with many projects, paged: whatever the keys, the selected
/// project is the one a full list would select, and memory stays bounded.
#[test]
fn paged_lists_select_what_a_full_list_would() {
    let sb = Sandbox::new();
    {
        let mut s = open_store(&sb.db);
        let doc = generate::plan(
            &Size {
                projects: 900,
                milestones: 2_000,
                notes: 0,
                readings: 0,
            },
            3,
        );
        s.replace_plan(doc.clone(), "test").unwrap();
    }
    let s = open_store(&sb.db);
    let d = s.directions().unwrap()[0].clone();
    let full: Vec<i64> = s
        .page::<store::ProjectRow>(
            &store::List::Projects {
                group: d.group.clone(),
            },
            store::Page::From(store::Key::FIRST),
            100_000,
        )
        .unwrap()
        .iter()
        .map(|p| p.id)
        .collect();
    assert!(full.len() > 250, "{}", full.len());
    let mut app = plan_cockpit::app::App::new(s, plan_cockpit::i18n::Lang::En).unwrap();
    app.resize(120, 40);
    let mut expect = 0usize;
    let page = app.page;
    let check = |app: &plan_cockpit::app::App, expect: usize, what: &str| {
        let w = &app.focused().unwrap().projects;
        assert_eq!(w.sel, expect, "{what}");
        assert_eq!(w.total, full.len(), "{what}");
        assert_eq!(w.selected().map(|p| p.id), Some(full[expect]), "{what}");
        assert!(w.rows.len() <= 8 * 64, "{what}: {} rows held", w.rows.len());
        // Every row of the visible page is loaded.
        let fit = 36;
        let first = w.sel / fit * fit;
        for (i, want) in full.iter().enumerate().skip(first).take(fit) {
            assert_eq!(w.get(i).map(|p| p.id), Some(*want), "{what}: row {i}");
        }
    };
    for step in 0..full.len() + 5 {
        press(&mut app, "j");
        if expect + 1 == full.len() {
            check(&app, expect, &format!("j #{step} at the bottom"));
            continue;
        }
        expect += 1;
        check(&app, expect, &format!("j #{step}"));
    }
    press(&mut app, "G");
    expect = full.len() - 1;
    check(&app, expect, "G");
    for step in 0..200 {
        press(&mut app, "k");
        expect -= 1;
        check(&app, expect, &format!("k #{step}"));
    }
    press(&mut app, "<PageUp>");
    expect -= page;
    check(&app, expect, "PageUp");
    press(&mut app, "<PageDown><PageDown>");
    expect += 2 * page;
    check(&app, expect, "PageDown");
    press(&mut app, "g");
    check(&app, 0, "g");
    for _ in 0..5 {
        press(&mut app, "k");
    }
    check(&app, 0, "k at the top");
}

/// When another planner deletes the selected project, the selection moves
/// to the one after it; when they add one before it, it stays on its item.
#[test]
fn a_paged_selection_survives_other_planners_changes() {
    let (sb, mut app) = common::cockpit(plan_cockpit::i18n::Lang::En);
    press(&mut app, "jjj");
    let before = app.focused().unwrap().projects.clone();
    let selected = before.selected().unwrap().clone();
    let next = before.get(before.sel + 1).unwrap().id;
    let mut other = open_store(&sb.db);
    other.delete_project(selected.id, None).unwrap();
    assert!(app.refresh_if_changed());
    let w = &app.focused().unwrap().projects;
    assert_eq!(w.selected().unwrap().id, next);
    assert_eq!(w.sel, 3);
    assert_eq!(w.total, before.total - 1);

    other
        .add_project(selected.direction_id, "别人新加的项目")
        .unwrap();
    assert!(app.refresh_if_changed());
    assert_eq!(app.focused().unwrap().projects.selected().unwrap().id, next);
}

fn triggers(db: &std::path::Path) -> Vec<(String, String)> {
    let c = rusqlite::Connection::open(db).unwrap();
    let mut st = c
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn empty_store(db: &std::path::Path) -> Store {
    store::open(
        db,
        store::OpenOptions {
            author: "planner".into(),
            quick_check: false,
            read_only: false,
            seed: None,
            allow_network_fs: true,
            clock: common::test_clock(),
        },
    )
    .unwrap()
}

fn plan_doc() -> plan_cockpit::domain::PlanDoc {
    let mut doc = plan_cockpit::seed::plan_2023("2023-02-01T00:00:00Z", "planner");
    plan_cockpit::domain::validate::prepare(&mut doc, "2023-02-01T00:00:00Z", "planner").unwrap();
    doc
}

/// An import sets the derived-data triggers aside and foreign keys off for
/// its bulk write, and writes an empty file through a rollback journal; the
/// file is left as it was found in all of that: the same triggers, WAL,
/// cascades working.
#[test]
fn an_import_puts_back_everything_it_set_aside() {
    let sb = Sandbox::new();
    let mut s = empty_store(&sb.db);
    let before = triggers(&sb.db);
    assert!(before.len() >= 13, "{before:?}");
    s.replace_plan(plan_doc(), "test").unwrap();
    assert_eq!(triggers(&sb.db), before);
    assert_eq!(s.journal_mode().unwrap(), "wal");
    assert_rollups_exact(&s);

    // Foreign keys are on again: deleting a project removes its milestones.
    let first: Vec<store::ProjectRow> = s
        .page(
            &List::Projects {
                group: plan_cockpit::domain::lens::Group::Direction(1),
            },
            Page::From(Key::FIRST),
            1,
        )
        .unwrap();
    let project = first[0].id;
    let milestones = List::Milestones { project };
    assert!(s.count(&milestones).unwrap() > 0);
    s.delete_project(project, None).unwrap();
    assert_eq!(s.count(&milestones).unwrap(), 0);
    assert_rollups_exact(&s);
}

/// With another connection on the empty file the journal cannot leave WAL:
/// the import goes through anyway, the other connection sees it, and the
/// file is in WAL mode after it.
#[test]
fn an_import_beside_another_connection_goes_through_in_wal() {
    let sb = Sandbox::new();
    let mut s = empty_store(&sb.db);
    let other = rusqlite::Connection::open(&sb.db).unwrap();
    let n: i64 = other
        .query_row("SELECT count(*) FROM plan", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
    s.replace_plan(plan_doc(), "test").unwrap();
    assert_eq!(s.journal_mode().unwrap(), "wal");
    let n: i64 = other
        .query_row("SELECT count(*) FROM milestone", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, s.counts().unwrap().milestones);
}

/// A reference given as a number that points nowhere (validation refuses
/// it; this is the store's own last check) fails the whole import and
/// leaves the plan, the triggers and the foreign keys as they were.
#[test]
fn a_dangling_reference_fails_the_import_and_changes_nothing() {
    let sb = Sandbox::new();
    let mut s = open_store(&sb.db);
    let counts = s.counts().unwrap();
    let before = triggers(&sb.db);
    let mut doc = plan_doc();
    doc.projects[3].direction = 99;
    let err = s.replace_plan(doc.clone(), "test").unwrap_err().to_string();
    assert!(
        err.contains("project row") && err.contains("refers to a direction that does not exist"),
        "{err}"
    );
    assert_eq!(s.counts().unwrap(), counts);
    assert_eq!(triggers(&sb.db), before);
    assert_eq!(s.journal_mode().unwrap(), "wal");
    assert_rollups_exact(&s);
}

/// Another program renames a project behind our back (its triggers only
/// note the row): search never shows the old pinyin's false hit, and the
/// next write of plan-cockpit's indexes the new name.
#[test]
fn pinyin_follows_a_rename_written_by_another_program() {
    let sb = Sandbox::new();
    let mut s = open_store(&sb.db);
    let p = s.search("京东MALL", 10).unwrap()[0].project_id;
    assert!(
        s.search("jdmall", 10)
            .unwrap()
            .iter()
            .any(|h| h.project_id == p)
    );
    {
        let c = rusqlite::Connection::open(&sb.db).unwrap();
        c.execute("UPDATE project SET name = '松山湖商场' WHERE id = ?1", [p])
            .unwrap();
    }
    assert!(
        !s.search("jdmall", 10)
            .unwrap()
            .iter()
            .any(|h| h.project_id == p),
        "the old name's pinyin is not shown for the new name"
    );
    let m = all_milestones(&s)[0].clone();
    s.update_milestone(
        m.id,
        Some(m.version),
        MilestoneChange {
            note: Some("任意一次保存".into()),
            ..Default::default()
        },
        "test",
    )
    .unwrap();
    let hits = s.search("sshsc", 10).unwrap();
    assert_eq!(hits.first().map(|h| h.project_id), Some(p));
}
