//! Properties over random input: any valid plan survives export → import →
//! export byte for byte, and text cleaning is idempotent and complete.

// Test data and measurements are small numbers: casts here cannot wrap.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_possible_wrap
)]

use plan_cockpit::domain::plan::{
    Direction, FORMAT, Milestone, Note, PlanDoc, PlanInfo, Program, Project, Reading,
};
use plan_cockpit::domain::text::{clean_line, clean_multiline, is_clean};
use plan_cockpit::domain::validate::prepare;
use plan_cockpit::domain::{Kind, Status};
use plan_cockpit::formats::json;
use plan_cockpit::store::{self, OpenOptions};
use proptest::prelude::*;

/// Any characters at all, controls and bidi tricks included, after a
/// visible prefix so that names stay non-empty once cleaned.
fn text(prefix: &'static str) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            6 => any::<char>(),
            3 => prop::sample::select(vec!['新', '城', '市', '“', '”', '\\', '"', ' ', '\n', '\t', '\u{1b}', '\u{202e}', '\u{301}', 'é', '|', '#']),
        ],
        0..24,
    )
    .prop_map(move |cs| format!("{prefix}{}", cs.into_iter().collect::<String>()))
}

fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-1_000_000i64..1_000_000).prop_map(|n| n as f64 / 100.0),
        any::<f64>()
            .prop_filter("finite", |v| v.is_finite())
            .prop_map(|v| if v == 0.0 { 0.0 } else { v }),
    ]
}

fn date() -> impl Strategy<Value = String> {
    (2000i32..2100, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn instant() -> impl Strategy<Value = Option<String>> {
    prop::option::of((0i64..4_000_000_000).prop_map(|s| {
        jiff::Timestamp::from_second(s)
            .unwrap()
            .strftime("%Y-%m-%dT%H:%M:%S+08:00")
            .to_string()
    }))
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

fn milestone() -> impl Strategy<Value = Milestone> {
    (
        text("里程碑"),
        any::<bool>(),
        text(""),
        prop::option::of(value()),
        prop::option::of(value()),
        prop::option::of(value()),
        prop::option::of(date()),
        status(),
        (
            instant(),
            instant(),
            prop::collection::btree_map(date(), value(), 0..4),
        ),
    )
        .prop_map(
            |(title, numeric, unit, baseline, target, current, due, status, (ca, ua, readings))| {
                let kind = if numeric { Kind::Numeric } else { Kind::YesNo };
                let n = |v| if numeric { v } else { None };
                let heavy = title.chars().count() % 3 == 0;
                Milestone {
                    id: 0,
                    title,
                    kind,
                    unit: if numeric { unit } else { String::new() },
                    baseline: n(baseline),
                    target: n(target),
                    current: n(current),
                    due,
                    status,
                    owner: String::new(),
                    lead: "乙".into(),
                    // Some weigh more: the round trip keeps it, and 1 is
                    // left out of the document.
                    weight: heavy.then_some(2.5),
                    // A 2025 target's yearly steps, and who set its
                    // status when: the round trip keeps both.
                    steps: if numeric && heavy {
                        [(2023, 10.5), (2024, -3.0)].into_iter().collect()
                    } else {
                        Default::default()
                    },
                    status_at: ua.clone().filter(|_| heavy),
                    status_by: if heavy { "丙".into() } else { String::new() },
                    // Carried over from another plan: kept by the round trip.
                    origin: if heavy {
                        "0123456789abcdef0123456789abcdef#7".into()
                    } else {
                        String::new()
                    },
                    // Linked to a shared indicator: kept by the round trip.
                    indicator: if heavy {
                        "国家级高新技术企业数".into()
                    } else {
                        String::new()
                    },
                    created_at: ca,
                    created_by: Some("甲".into()),
                    updated_at: ua,
                    updated_by: None,
                    readings: if numeric {
                        readings
                            .into_iter()
                            .map(|(as_of, value)| Reading {
                                as_of,
                                value,
                                author: "乙".into(),
                                source: "cli".into(),
                            })
                            .collect()
                    } else {
                        Vec::new()
                    },
                    notes: Vec::new(),
                    version: Default::default(),
                }
            },
        )
}

fn notes() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(text("备注"), 0..3)
}

fn project() -> impl Strategy<Value = (Project, Vec<(usize, Vec<String>)>)> {
    (
        text("项目"),
        text(""),
        status(),
        prop::option::of((date(), 0u8..3)),
        prop::collection::vec((milestone(), notes()), 0..4),
        notes(),
        (
            0usize..8,
            prop::option::of(0usize..8),
            prop::collection::btree_set(0usize..4, 0..3),
        ),
    )
        .prop_map(
            |(name, description, status, dates, ms, project_notes, (dir, prog, areas))| {
                let (start, due) = match dates {
                    Some((d, 0)) => (Some(d), None),
                    Some((d, 1)) => (None, Some(d)),
                    Some((d, _)) => (Some(d.clone()), Some(d)),
                    None => (None, None),
                };
                let mut milestone_notes = Vec::new();
                let mut milestones = Vec::new();
                for (i, (m, n)) in ms.into_iter().enumerate() {
                    milestones.push(m);
                    milestone_notes.push((i, n));
                }
                milestone_notes.push((usize::MAX, project_notes));
                let p = Project {
                    id: 0,
                    direction: dir as i64,
                    program: prog.map(|p| p as i64),
                    areas: areas.into_iter().map(|a| a as i64).collect(),
                    name,
                    description,
                    owner: "丙".into(),
                    lead: String::new(),
                    status,
                    start,
                    due,
                    created_at: None,
                    created_by: None,
                    updated_at: None,
                    updated_by: None,
                    milestones,
                    notes: Vec::new(),
                };
                (p, milestone_notes)
            },
        )
}

fn group(prefix: &'static str) -> impl Strategy<Value = (String, String, String)> {
    (text(prefix), text(""), text(""))
}

/// A valid plan: ids unique (and sparse), references resolved modulo the
/// number of groups that exist.
fn plan() -> impl Strategy<Value = PlanDoc> {
    (
        (text("计划"), 1990i32..2100, text("")),
        prop::collection::vec(group("方向"), 1..4),
        prop::collection::vec(group("工程"), 0..3),
        prop::collection::vec(group("方面"), 0..4),
        prop::collection::vec(project(), 0..6),
    )
        .prop_map(
            |((title, year, description), dirs, progs, areas, projects)| {
                let groups =
                    |v: Vec<(String, String, String)>, base: i64, code: &str| -> Vec<Direction> {
                        v.into_iter()
                            .enumerate()
                            .map(|(i, (name, name_en, description))| Direction {
                                id: base + 7 * i as i64,
                                code: format!("{code}-{i}"),
                                name,
                                name_en,
                                description,
                            })
                            .collect()
                    };
                let directions = groups(dirs, 3, "d");
                let areas = groups(areas, 5, "a");
                let programs: Vec<Program> = groups(progs, 11, "g")
                    .into_iter()
                    .enumerate()
                    .map(|(i, g)| Program {
                        id: g.id,
                        code: g.code,
                        name: g.name,
                        name_en: g.name_en,
                        description: g.description,
                        direction: (i % 2 == 0).then(|| directions[i % directions.len()].id),
                    })
                    .collect();
                let (mut milestone_id, mut note_id) = (100, 1000);
                let mut out = Vec::new();
                for (k, (mut p, mut notes)) in projects.into_iter().enumerate() {
                    p.id = 40 + 3 * k as i64;
                    p.direction = directions[p.direction as usize % directions.len()].id;
                    p.program = p
                        .program
                        .filter(|_| !programs.is_empty())
                        .map(|g| programs[g as usize % programs.len()].id);
                    let mut tags: Vec<i64> = p
                        .areas
                        .iter()
                        .filter(|_| !areas.is_empty())
                        .map(|a| areas[*a as usize % areas.len()].id)
                        .collect();
                    tags.dedup();
                    tags.sort();
                    tags.dedup();
                    p.areas = tags;
                    for m in &mut p.milestones {
                        milestone_id += 5;
                        m.id = milestone_id;
                    }
                    for (owner, bodies) in notes.drain(..) {
                        let list: Vec<Note> = bodies
                            .into_iter()
                            .map(|body| {
                                note_id += 2;
                                // Both kinds, and some notes about an
                                // earlier day, make the round trip too.
                                let kind = if body.len() % 2 == 0 {
                                    plan_cockpit::domain::plan::NoteKind::Source
                                } else {
                                    plan_cockpit::domain::plan::NoteKind::Progress
                                };
                                Note {
                                    id: note_id,
                                    body,
                                    author: String::new(),
                                    created_at: None,
                                    updated_at: None,
                                    kind,
                                    as_of: (note_id % 4 == 0).then(|| "2023-06-30".to_owned()),
                                }
                            })
                            .collect();
                        if owner == usize::MAX {
                            p.notes = list;
                        } else {
                            p.milestones[owner].notes = list;
                        }
                    }
                    out.push(p);
                }
                PlanDoc {
                    format: FORMAT.into(),
                    format_version: 1,
                    plan: PlanInfo {
                        // Whose plan: any text, carried as it is.
                        unit: title.chars().take(3).collect(),
                        title,
                        year,
                        locale: "zh-CN".into(),
                        description,
                        source: String::new(),
                    },
                    directions,
                    programs,
                    areas,
                    projects: out,
                }
            },
        )
}

fn import_export(doc: &PlanDoc) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store::open(
        dir.path().join("p.db"),
        OpenOptions {
            author: "导入者".into(),
            quick_check: false,
            read_only: false,
            seed: None,
            allow_network_fs: false,
            clock: plan_cockpit::domain::Clock::fixed("2026-11-29T09:00:00+08:00".parse().unwrap()),
        },
    )
    .unwrap();
    s.replace_plan(doc.clone(), "test").unwrap();
    json::write(&s.load_plan().unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_valid_plans_round_trip_exactly(mut doc in plan()) {
        prepare(&mut doc, "2026-01-01T00:00:00Z", "作者").map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
        let first = import_export(&doc);
        // What went in is what came out, field for field.
        prop_assert_eq!(&first, &json::write(&doc));
        let mut again = json::read(first.as_bytes()).unwrap();
        prepare(&mut again, "2030-01-01T00:00:00Z", "别人").unwrap();
        let second = import_export(&again);
        prop_assert_eq!(first, second);
    }

    /// The export streamed from the store a project at a time is the
    /// whole-document export, byte for byte, in JSON and in CSV.
    #[test]
    fn the_streamed_export_is_the_whole_document_export(mut doc in plan()) {
        prepare(&mut doc, "2026-01-01T00:00:00Z", "作者").map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
        let dir = tempfile::tempdir().unwrap();
        let mut s = store::open(dir.path().join("p.db"), store::OpenOptions {
            author: "test".into(),
            quick_check: false,
            read_only: false,
            seed: None,
            allow_network_fs: true,
            clock: plan_cockpit::domain::Clock::system(),
        }).unwrap();
        s.replace_plan(doc.clone(), "test").unwrap();
        let whole = s.load_plan().unwrap();
        for lang in [plan_cockpit::i18n::Lang::Zh, plan_cockpit::i18n::Lang::En] {
            let head = s.plan_head().unwrap();
            let mut stream = s.projects_in_order().unwrap();
            let n = stream.len();
            let mut out = Vec::new();
            json::write_streamed(&head, n, || stream.next_project().unwrap(), &mut out).unwrap();
            prop_assert_eq!(String::from_utf8(out).unwrap(), json::write(&whole));
            let mut stream = s.projects_in_order().unwrap();
            let mut streamed = Vec::new();
            plan_cockpit::formats::csv::write_streamed(&head, "00ff", || stream.next_project().unwrap(), lang, &mut streamed).unwrap();
            let mut old = Vec::new();
            plan_cockpit::formats::csv::write(&whole, "00ff", lang, &mut old).unwrap();
            prop_assert_eq!(streamed, old);
            let outline = s.project_outline().unwrap();
            let mut streamed = Vec::new();
            plan_cockpit::formats::markdown::write_streamed(
                &head, s.milestone_total().unwrap(), &outline,
                |id| Some(s.project_doc(id).unwrap()), lang, &mut streamed,
            ).unwrap();
            let mut old = Vec::new();
            plan_cockpit::formats::markdown::write(&whole, lang, &mut old).unwrap();
            prop_assert_eq!(streamed, old);
        }
    }

    #[test]
    fn cleaning_is_idempotent_and_complete(s in text("")) {
        let (once, _) = clean_multiline(&s);
        prop_assert!(is_clean(&once));
        prop_assert_eq!(&clean_multiline(&once).0, &once);
        let (line, _) = clean_line(&s);
        prop_assert!(is_clean(&line) && !line.contains('\n'));
        prop_assert_eq!(&clean_line(&line).0, &line);
    }
}
