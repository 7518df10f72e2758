//! Tests of `ledger_build.rs` and `ledger_rows.rs`: a 台账's rows made a
//! plan, and every problem named by its cell.

use super::*;
use crate::domain::plan::NoteKind;
use crate::domain::status::Kind;

fn sheet(rows: &[[&str; 13]]) -> LedgerSheet {
    LedgerSheet {
        name: "台账".into(),
        header: Column::ALL.iter().map(|c| c.names().0.to_owned()).collect(),
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, r)| (i + 2, r.iter().map(|s| (*s).to_owned()).collect()))
            .collect(),
    }
}

fn head() -> PlanHead {
    PlanHead {
        title: "南城街道2024年发展工作计划".into(),
        year: 2024,
        unit: "南城街道".into(),
    }
}

const TWO_ITEMS: [[&str; 13]; 3] = [
    [
        "新产业",
        "产业发展强基工程",
        "就业、教育",
        "专精特新产业园",
        "专精特新企业达到50家",
        "定量",
        "5万",
        "家",
        "30",
        "年底",
        "经发局",
        "李四",
        "推动专精特新企业集聚",
    ],
    [
        "新产业",
        "产业发展强基工程",
        "就业,教育",
        "专精特新产业园",
        "完成园区规划",
        "定性",
        "",
        "",
        "",
        "2024年6月30日",
        "",
        "",
        "",
    ],
    [
        "新生态",
        "",
        "",
        "公园城市",
        "",
        "",
        "",
        "",
        "",
        "",
        "城管局",
        "王五",
        "建设公园城市",
    ],
];

#[test]
fn rows_become_directions_projects_and_items_in_their_order() {
    let doc = build(&sheet(&TWO_ITEMS), &head()).unwrap();
    assert_eq!((doc.plan.year, doc.plan.unit.as_str()), (2024, "南城街道"));
    let names: Vec<_> = doc.directions.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["新产业", "新生态"]);
    assert_eq!(doc.programs.len(), 1);
    assert_eq!(
        doc.areas.len(),
        2,
        "就业、教育 and 就业,教育 name the same two"
    );
    let park = &doc.projects[0];
    assert_eq!(park.name, "专精特新产业园");
    assert_eq!(park.program, Some(1));
    assert_eq!(park.areas, [1, 2]);
    let [a, b] = &park.milestones[..] else {
        panic!("{:?}", park.milestones)
    };
    assert_eq!(
        (a.kind, a.target, a.baseline),
        (Kind::Numeric, Some(50_000.0), Some(30.0))
    );
    assert_eq!(
        a.due.as_deref(),
        Some("2024-12-31"),
        "年底 in the plan's year"
    );
    assert_eq!((a.owner.as_str(), a.lead.as_str()), ("经发局", "李四"));
    assert_eq!(a.notes[0].kind, NoteKind::Source);
    assert_eq!(
        (b.kind, b.due.as_deref()),
        (Kind::YesNo, Some("2024-06-30"))
    );
    let city = &doc.projects[1];
    assert!(city.milestones.is_empty());
    assert_eq!(
        (city.owner.as_str(), city.lead.as_str()),
        ("城管局", "王五")
    );
    assert_eq!(city.notes[0].body, "建设公园城市");
}

#[test]
fn every_problem_is_named_by_its_cell() {
    let mut rows = TWO_ITEMS;
    rows[0][6] = "很多";
    rows[1][5] = "大概";
    rows[2][6] = "5";
    let mut bad = sheet(&rows);
    bad.rows.push((6, vec![String::new(); 13]));
    bad.rows.push((7, {
        let mut r = vec![String::new(); 13];
        r[4] = "无方向的任务".into();
        r
    }));
    let problems = build(&bad, &head()).unwrap_err();
    let cells: Vec<String> = problems
        .iter()
        .map(|p| match p {
            LedgerProblem::Refused { cell, .. }
            | LedgerProblem::UnknownKind { cell, .. }
            | LedgerProblem::WithoutItem { cell, .. }
            | LedgerProblem::Required { cell, .. } => cell.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        cells,
        ["台账!G2", "台账!F3", "台账!G4", "台账!A7", "台账!D7"]
    );
}

#[test]
fn a_sheet_that_is_not_the_template_names_what_is_missing_or_extra() {
    let mut s = sheet(&TWO_ITEMS);
    s.header[12] = "备注".into();
    s.header[0] = "Direction".into();
    let problems = build(&s, &head()).unwrap_err();
    assert_eq!(
        problems,
        [
            LedgerProblem::UnknownColumn {
                cell: "台账!M1".into(),
                heading: "备注".into()
            },
            LedgerProblem::MissingColumn {
                sheet: "台账".into(),
                column: Column::Source
            },
        ]
    );
}

#[test]
fn a_project_split_between_two_programs_and_the_example_row_are_refused() {
    let mut rows = TWO_ITEMS;
    rows[1][1] = "另一工程";
    let mut s = sheet(&rows);
    s.rows
        .push((5, EXAMPLE.iter().map(|c| (*c).to_owned()).collect()));
    let problems = build(&s, &head()).unwrap_err();
    assert_eq!(
        problems,
        [
            LedgerProblem::Differs {
                cell: "台账!B3".into(),
                column: Column::Program,
                first: "产业发展强基工程".into()
            },
            LedgerProblem::Example {
                sheet: "台账".into(),
                row: 5
            },
        ]
    );
    let empty = sheet(&[]);
    assert_eq!(
        build(&empty, &head()).unwrap_err(),
        [LedgerProblem::NoRows {
            sheet: "台账".into()
        }]
    );
}
