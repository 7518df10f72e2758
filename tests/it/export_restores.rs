//! The export always restores (issue 23): whatever state a planner can
//! reach through any write path (values, late readings, done dates of
//! yes/no tasks, owners, weights, areas, undo, baselines, a sheet applied
//! back), `export → import → export` gives the same bytes, checked after
//! every single step.

use crate::common;

use plan_cockpit::domain::{Kind, MilestoneChange, Status, ValueChange};
use plan_cockpit::store::{self, ListFilter, ReadingWas, Store};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Step {
    /// A value, dated `back` days before today (0: today).
    Value(i32, u8),
    Add(i32),
    /// A yes/no task marked done on a day `back` days ago, or undone.
    Done(u8),
    Undone,
    Status(Status),
    Owner(u8, u8),
    ProjectOwner(u8, u8),
    Weight(u8),
    Areas(u8),
    /// The inverse of the last milestone save, as `u` in the cockpit.
    Undo,
    Baseline(u8),
    Note(u8),
    /// The CSV exported, one value typed over, sent back by `import-values`.
    SheetBack(i32),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        ((-5000i32..100_000), 0u8..40).prop_map(|(v, d)| Step::Value(v, d)),
        (-500i32..500).prop_map(Step::Add),
        (0u8..60).prop_map(Step::Done),
        Just(Step::Undone),
        prop::sample::select(Status::ALL.to_vec()).prop_map(Step::Status),
        (0u8..4, 0u8..4).prop_map(|(u, l)| Step::Owner(u, l)),
        (0u8..4, 0u8..4).prop_map(|(u, l)| Step::ProjectOwner(u, l)),
        (0u8..12).prop_map(Step::Weight),
        any::<u8>().prop_map(Step::Areas),
        Just(Step::Undo),
        any::<u8>().prop_map(Step::Baseline),
        any::<u8>().prop_map(Step::Note),
        (-500i32..5000).prop_map(Step::SheetBack),
    ]
}

const UNITS: [&str; 4] = ["", "街道经发局", "城建办", "东城街道\u{202e}综治办"];
const LEADS: [&str; 4] = ["", "李华", "王芳", "陈 明"];

fn open(path: &std::path::Path, seed: bool) -> Store {
    common::open_plain(path, seed)
}

type LastSave = Option<(i64, i64, plan_cockpit::store::Fields, Option<ReadingWas>)>;

fn apply(s: &mut Store, pick: usize, step: &Step, last: &mut LastSave) {
    let all = s
        .milestones(&ListFilter {
            scope: Default::default(),
            overdue_on: None,
        })
        .unwrap();
    let kind = match step {
        Step::Done(_) | Step::Undone => Kind::YesNo,
        Step::Value(..) | Step::Add(_) | Step::SheetBack(_) => Kind::Numeric,
        _ => {
            if pick.is_multiple_of(2) {
                Kind::Numeric
            } else {
                Kind::YesNo
            }
        }
    };
    let of_kind: Vec<_> = all.iter().filter(|m| m.kind == kind).collect();
    let m = of_kind[pick % of_kind.len()];
    let today = common::test_clock().today();
    let ago = |d: u8| {
        today
            .checked_sub(jiff::Span::new().days(i64::from(d)))
            .unwrap()
    };
    let change = |c: MilestoneChange| c;
    let save = |s: &mut Store, c: MilestoneChange, last: &mut LastSave| {
        let saved = s.update_milestone(m.id, Some(m.version), c, "cli")?;
        if saved.version != m.version {
            *last = Some((m.id, saved.version, saved.before, saved.reading));
        }
        Ok(())
    };
    let result: store::Result<()> = match step {
        Step::Value(v, back) => save(
            s,
            change(MilestoneChange {
                value: Some(ValueChange::Set(f64::from(*v) / 10.0)),
                as_of: (*back > 0).then(|| ago(*back)),
                ..Default::default()
            }),
            last,
        ),
        Step::Add(v) => save(
            s,
            MilestoneChange {
                value: Some(ValueChange::Add(f64::from(*v))),
                ..Default::default()
            },
            last,
        ),
        Step::Done(back) => save(
            s,
            MilestoneChange {
                status: Some(Status::Done),
                as_of: Some(ago(*back)),
                ..Default::default()
            },
            last,
        ),
        Step::Undone => save(
            s,
            MilestoneChange {
                status: Some(Status::Active),
                ..Default::default()
            },
            last,
        ),
        Step::Status(st) => save(
            s,
            MilestoneChange {
                status: Some(*st),
                ..Default::default()
            },
            last,
        ),
        Step::Owner(u, l) => save(
            s,
            MilestoneChange {
                owner: Some((UNITS[*u as usize].into(), LEADS[*l as usize].into())),
                ..Default::default()
            },
            last,
        ),
        Step::ProjectOwner(u, l) => {
            let p = s.project(m.project_id).unwrap();
            s.set_project_owner(p.id, p.version, UNITS[*u as usize], LEADS[*l as usize])
                .map(|_| ())
        }
        Step::Weight(w) => save(
            s,
            MilestoneChange {
                weight: Some(f64::from(*w) / 4.0),
                ..Default::default()
            },
            last,
        ),
        Step::Areas(bits) => {
            let p = s.project(m.project_id).unwrap();
            let areas: Vec<i64> = s
                .areas()
                .unwrap()
                .iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .map(|(_, a)| a.0)
                .collect();
            s.set_project_areas(p.id, p.version, &areas).map(|_| ())
        }
        Step::Undo => match last.take() {
            Some((id, version, before, reading)) => s
                .restore_milestone(id, version, before, reading)
                .map(|_| ()),
            None => Ok(()),
        },
        Step::Baseline(n) => s.save_baseline(&format!("基线{n}")).map(|_| ()),
        Step::Note(n) => save(
            s,
            MilestoneChange {
                note: Some(format!("第{n}周:推进中")),
                ..Default::default()
            },
            last,
        ),
        Step::SheetBack(v) => {
            sheet_back(s.path(), m.id, *v);
            Ok(())
        }
    };
    match result {
        Ok(())
        | Err(
            store::Error::Invalid(_) | store::Error::Conflict(_) | store::Error::NotFound { .. },
        ) => {}
        Err(other) => panic!("{step:?}: {other}"),
    }
}

/// What a planner does with the tracking sheet: export it, type a value
/// over one row's 完成值, send it back; through the real binary.
fn sheet_back(db: &std::path::Path, id: i64, v: i32) {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(common::BIN)
            .arg("--db")
            .arg(db)
            .args(args)
            .env("PLAN_COCKPIT_NOW", common::NOW)
            .env("LANG", "C.UTF-8")
            .env_remove("PLAN_COCKPIT_DB")
            .output()
            .unwrap();
        let code = out.status.code();
        assert!(code == Some(0) || code == Some(2), "{args:?}: {out:?}");
    };
    let dir = db.parent().unwrap();
    let sheet = dir.join("sheet.csv");
    run(&["export", "-o", sheet.to_str().unwrap()]);
    let text = std::fs::read_to_string(&sheet).unwrap();
    let mut rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let row = rows.iter_mut().find(|r| r[0] == id.to_string()).unwrap();
    row[8] = format!("{}", f64::from(v) / 10.0);
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in &rows {
        w.write_record(r).unwrap();
    }
    std::fs::write(&sheet, w.into_inner().unwrap()).unwrap();
    run(&["import-values", sheet.to_str().unwrap()]);
}

fn round_trip(s: &Store, dir: &std::path::Path, n: usize) -> Result<(), TestCaseError> {
    let (first, second) = common::export_import_export(s, &dir.join(format!("b{n}.db")))
        .map_err(TestCaseError::fail)?;
    prop_assert_eq!(first, second);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn every_reachable_state_exports_to_a_file_that_imports_back_the_same(
        steps in prop::collection::vec((0usize..64, step()), 1..10)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut s = open(&dir.path().join("a.db"), true);
        let mut last = None;
        for (n, (pick, st)) in steps.iter().enumerate() {
            apply(&mut s, *pick, st, &mut last);
            round_trip(&s, dir.path(), n)?;
        }
    }
}

/// The case that broke: a yes/no task marked done with its day.
#[test]
fn a_task_done_on_a_day_exports_and_imports_back() {
    let sb = common::Sandbox::with_plan();
    sb.ok(&[
        "milestone",
        "set",
        "4",
        "--status",
        "done",
        "--as-of",
        "2026-10-10",
    ]);
    let first = sb.export_json();
    assert!(first.contains("\"as_of\": \"2026-10-10\""));
    let file = sb.write("e.json", &first);
    let other = common::Sandbox::new();
    let run = other.run(&["import", file.to_str().unwrap()]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(other.export_json(), first);
}
