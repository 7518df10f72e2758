//! Next year's plan from this year's (issue 27): `plan new --from
//! 2023.db --carry-over` takes the plan's frame and every item neither done
//! nor cancelled, with its project, owner and last standing, each marked
//! with where it came from; done and cancelled items, readings, notes and
//! history stay with the earlier plan, which is only read.

use crate::common;

use common::Sandbox;
use serde_json::Value;

#[test]
fn unfinished_work_is_carried_into_next_year_and_traceable() {
    let old = Sandbox::with_plan();
    old.ok(&["milestone", "set", "1", "--status", "done"]);
    old.ok(&[
        "milestone",
        "set",
        "16",
        "--status",
        "blocked",
        "--note",
        "人才团队待落地",
    ]);
    old.ok(&["milestone", "set", "19", "--current", "580"]);
    let before = old.export_json();
    let earlier: Value = serde_json::from_str(&before).unwrap();
    let identity: Value = serde_json::from_str(&old.ok(&["plan", "show", "--json"])).unwrap();
    let identity = identity["identity"].as_str().unwrap().to_owned();
    let open = |doc: &Value| -> Vec<i64> {
        doc["projects"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["milestones"].as_array().cloned().unwrap_or_default())
            .filter(|m| !matches!(m["status"].as_str(), Some("done" | "dropped")))
            .map(|m| m["id"].as_i64().unwrap())
            .collect()
    };
    let unfinished = open(&earlier);

    let new = Sandbox::new();
    let from = old.db.to_str().unwrap();
    let dry = new.ok(&[
        "plan",
        "new",
        "--year",
        "2024",
        "--from",
        from,
        "--carry-over",
        "--dry-run",
    ]);
    assert!(
        dry.contains(&format!(
            "{} unfinished items carried over",
            unfinished.len()
        )),
        "{dry}"
    );
    assert!(
        dry.contains("#16"),
        "the dry run lists what would be carried"
    );
    assert!(!new.db.exists(), "a dry run makes nothing");

    new.ok(&[
        "plan",
        "new",
        "--year",
        "2024",
        "--from",
        from,
        "--carry-over",
    ]);
    let doc: Value = serde_json::from_str(&new.export_json()).unwrap();
    assert_eq!(doc["plan"]["year"], 2024);
    assert_eq!(doc["plan"]["unit"], "东城街道", "the earlier plan's unit");
    let items: Vec<&Value> = doc["projects"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["milestones"].as_array().unwrap())
        .collect();
    let origins: Vec<String> = items
        .iter()
        .map(|m| m["origin"].as_str().unwrap().to_owned())
        .collect();
    let expected: Vec<String> = unfinished
        .iter()
        .map(|id| format!("{identity}#{id}"))
        .collect();
    assert_eq!(
        origins, expected,
        "every unfinished item, each traceable to its origin"
    );
    let talent = items
        .iter()
        .find(|m| m["origin"] == format!("{identity}#16"))
        .unwrap();
    assert_eq!(talent["status"], "blocked", "its last standing");
    assert!(
        talent.get("notes").is_none(),
        "notes stay where they were written"
    );
    let high_tech = items
        .iter()
        .find(|m| m["origin"] == format!("{identity}#19"))
        .unwrap();
    assert_eq!(high_tech["current"], 580.0);
    assert!(
        high_tech.get("readings").is_none(),
        "readings stay with 2023"
    );
    assert_eq!(old.export_json(), before, "the earlier plan is only read");
}

#[test]
fn a_carry_over_that_makes_no_sense_is_refused() {
    let old = Sandbox::with_plan();
    let from = old.db.to_str().unwrap();
    for (args, says) in [
        (
            vec![
                "plan",
                "new",
                "--year",
                "2023",
                "--from",
                from,
                "--carry-over",
            ],
            "not after",
        ),
        (
            vec!["plan", "new", "--year", "2024", "--from", from],
            "--db are the same plan",
        ),
        (
            vec![
                "plan",
                "new",
                "--year",
                "2024",
                "--carry-over",
                "--unit",
                "x",
            ],
            "--from",
        ),
    ] {
        let r = if says.contains("same plan") {
            old.run(&args)
        } else {
            Sandbox::new().run(&args)
        };
        assert_eq!(r.code(), 2, "{args:?}: {}", r.stderr());
        assert!(r.stderr().contains(says), "{args:?}: {}", r.stderr());
    }
    let r = Sandbox::new().run(&["plan", "new", "--year", "2024", "--from", "/no/such.db"]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
}
