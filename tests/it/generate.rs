//! `generate`: a synthetic plan of the size asked for, the same for the
//! same seed, byte for byte, and never over an existing plan by accident.

use crate::common;

use common::Sandbox;

fn generate(sb: &Sandbox, seed: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "generate",
        "--projects",
        "12",
        "--milestones",
        "90",
        "--notes",
        "250",
        "--readings",
        "140",
        "--seed",
        seed,
    ];
    args.extend_from_slice(extra);
    sb.ok(&args)
}

#[test]
fn the_same_seed_gives_the_same_plan_of_the_size_asked_for() {
    let (a, b, c) = (Sandbox::new(), Sandbox::new(), Sandbox::new());
    let out = generate(&a, "7", &[]);
    assert!(
        out.contains("12 projects, 90 milestones, 140 readings, 250 notes"),
        "{out}"
    );
    generate(&b, "7", &[]);
    generate(&c, "8", &[]);
    let (ja, jb, jc) = (a.export_json(), b.export_json(), c.export_json());
    assert_eq!(ja, jb, "same seed, same plan");
    assert_ne!(ja, jc, "another seed, another plan");
    // Realistic content: Chinese names, units, readings that only go up.
    let doc: serde_json::Value = serde_json::from_str(&ja).unwrap();
    let projects = doc["projects"].as_array().unwrap();
    assert!(
        projects
            .iter()
            .all(|p| p["name"].as_str().unwrap().chars().count() >= 6)
    );
    let directions: std::collections::HashSet<i64> = projects
        .iter()
        .map(|p| p["direction"].as_i64().unwrap())
        .collect();
    assert_eq!(directions.len(), 3, "all three directions");
    for m in projects
        .iter()
        .flat_map(|p| p["milestones"].as_array().cloned().unwrap_or_default())
    {
        if let Some(readings) = m["readings"].as_array() {
            assert_eq!(m["kind"], "numeric");
            assert!(!m["unit"].as_str().unwrap().is_empty());
            let values: Vec<f64> = readings
                .iter()
                .map(|r| r["value"].as_f64().unwrap())
                .collect();
            assert!(values.windows(2).all(|w| w[0] <= w[1]), "{values:?}");
        }
    }
    // It imports like any plan.
    let d = Sandbox::new();
    let file = d.write("g.json", &ja);
    d.ok(&["import", file.to_str().unwrap()]);
    assert_eq!(d.export_json(), ja);
}

#[test]
fn generate_refuses_to_replace_a_plan_unless_asked() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let seeded = sb.export_json();
    let r = sb.run(&[
        "generate",
        "--projects",
        "3",
        "--milestones",
        "5",
        "--notes",
        "5",
    ]);
    assert_eq!(r.code(), 2);
    assert!(
        r.stderr().contains("already holds a plan") && r.stderr().contains("--replace"),
        "{}",
        r.stderr()
    );
    assert_eq!(sb.export_json(), seeded);
    let out = generate(&sb, "3", &["--replace"]);
    assert!(out.contains("the previous plan was saved to"), "{out}");
}
