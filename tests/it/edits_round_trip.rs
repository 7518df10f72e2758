//! One set of rules for every way in: whatever a planner's edits put into
//! the plan (through the store calls the cockpit and `milestone set` make,
//! with numbers parsed as both parse them) exports to JSON that an import
//! accepts and that exports again to the very same text.

use crate::common;

use plan_cockpit::domain::change::parse_number;
use plan_cockpit::domain::{MilestoneChange, Status, ValueChange};
use plan_cockpit::store::{self, ListFilter, Store};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Edit {
    /// A value typed into the form or given to `--current`.
    Typed(String),
    Add(f64),
    Target(f64, String),
    Retitle(String),
    Status(Status),
    Due(i16, i8, i8),
    Note(String),
    AddMilestone(String),
    RenameProject(String),
    DeleteMilestone,
    DeleteNote,
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(
            prop_oneof![
                any::<char>(),
                prop::sample::select(vec!['新', '亿', '元', ' ', '\n', '\u{1b}', '\u{202e}', '\u{301}', '"', '\\']),
            ],
            0..20,
        )
        .prop_map(|cs| cs.into_iter().collect::<String>()),
        // Right at and past the limits.
        1 => (295usize..305).prop_map(|n| "长".repeat(n)),
    ]
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-100_000i64..100_000).prop_map(|n| n as f64 / 10.0),
        Just(1e308),
        Just(-1e308),
        Just(f64::MIN_POSITIVE / 2.0),
        any::<f64>(),
    ]
}

fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        number().prop_map(|n| n.to_string()),
        prop::sample::select(vec![
            "1,500",
            "1,5",
            ",5",
            "12,345.5",
            "６００",
            "1e308",
            "1e309",
            "-0",
            "0.1",
            "１．５",
            "12a",
            "",
        ])
        .prop_map(str::to_owned),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        typed().prop_map(Edit::Typed),
        number().prop_map(Edit::Add),
        (number(), text()).prop_map(|(n, u)| Edit::Target(n, u)),
        text().prop_map(Edit::Retitle),
        prop::sample::select(Status::ALL.to_vec()).prop_map(Edit::Status),
        (1990i16..2100, 1i8..=12, 1i8..=31).prop_map(|(y, m, d)| Edit::Due(y, m, d)),
        text().prop_map(Edit::Note),
        text().prop_map(Edit::AddMilestone),
        text().prop_map(Edit::RenameProject),
        Just(Edit::DeleteMilestone),
        Just(Edit::DeleteNote),
    ]
}

fn open(path: &std::path::Path, seed: bool) -> Store {
    common::open_plain(path, seed)
}

/// Applies one edit to the `pick`-th numeric milestone; refusals are fine
/// (they change nothing), anything accepted must survive the round trip.
fn apply(s: &mut Store, pick: usize, e: &Edit) {
    let all = s
        .milestones(&ListFilter {
            scope: Default::default(),
            overdue_on: None,
        })
        .unwrap();
    let numeric: Vec<_> = all
        .iter()
        .filter(|m| m.kind == plan_cockpit::domain::Kind::Numeric)
        .collect();
    let Some(m) = numeric.get(pick % numeric.len().max(1)) else {
        return;
    };
    let change = |c: MilestoneChange| c;
    let result = match e {
        Edit::Typed(t) => match parse_number(t) {
            Ok(n) => s
                .update_milestone(
                    m.id,
                    Some(m.version),
                    change(MilestoneChange {
                        value: Some(ValueChange::Set(n)),
                        ..Default::default()
                    }),
                    "cockpit",
                )
                .map(|_| ()),
            Err(_) => Ok(()),
        },
        Edit::Add(n) => s
            .update_milestone(
                m.id,
                None,
                MilestoneChange {
                    value: Some(ValueChange::Add(*n)),
                    ..Default::default()
                },
                "cli",
            )
            .map(|_| ()),
        Edit::Target(n, unit) => s
            .update_milestone(
                m.id,
                Some(m.version),
                MilestoneChange {
                    target: Some(*n),
                    unit: Some(unit.clone()),
                    ..Default::default()
                },
                "cockpit",
            )
            .map(|_| ()),
        Edit::Retitle(t) => s
            .update_milestone(
                m.id,
                Some(m.version),
                MilestoneChange {
                    title: Some(t.clone()),
                    ..Default::default()
                },
                "cli",
            )
            .map(|_| ()),
        Edit::Status(st) => s
            .update_milestone(
                m.id,
                None,
                MilestoneChange {
                    status: Some(*st),
                    ..Default::default()
                },
                "cli",
            )
            .map(|_| ()),
        Edit::Due(y, mo, d) => match jiff::civil::Date::new(*y, *mo, *d) {
            Ok(due) => s
                .update_milestone(
                    m.id,
                    None,
                    MilestoneChange {
                        due: Some(due),
                        ..Default::default()
                    },
                    "cli",
                )
                .map(|_| ()),
            Err(_) => Ok(()),
        },
        Edit::Note(t) => s
            .update_milestone(
                m.id,
                None,
                MilestoneChange {
                    note: Some(t.clone()),
                    ..Default::default()
                },
                "cockpit",
            )
            .map(|_| ()),
        Edit::AddMilestone(t) => s.add_milestone(m.project_id, t).map(|_| ()),
        Edit::RenameProject(t) => {
            let p = s.project(m.project_id).unwrap();
            s.rename_project(p.id, p.version, t).map(|_| ())
        }
        Edit::DeleteMilestone => s.delete_milestone(m.id, None).map(|_| ()),
        Edit::DeleteNote => match s.detail(m.id).unwrap().notes.first() {
            Some(n) => s.delete_note(n.id, None).map(|_| ()),
            None => Ok(()),
        },
    };
    match result {
        Ok(()) | Err(store::Error::Invalid(_)) => {}
        Err(other) => panic!("{e:?}: {other}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn accepted_edits_export_and_import_back_to_the_same_export(
        edits in prop::collection::vec((0usize..64, edit()), 1..14)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut s = open(&dir.path().join("a.db"), true);
        for (pick, e) in &edits {
            apply(&mut s, *pick, e);
        }
        let (first, second) = common::export_import_export(&s, &dir.path().join("b.db"))
            .map_err(TestCaseError::fail)?;
        prop_assert_eq!(first, second);
    }
}
