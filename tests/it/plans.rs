//! Which plan a database holds and how one is started (issue 27): `plan
//! new` with the 3+5+N frame, `plan list`/`plan show` saying whose plan it
//! is, and `--plan` refusing a database that holds another.

use crate::common;

use common::Sandbox;
use serde_json::Value;

/// `plan new`: an empty plan for a unit and a year with the 3+5+N frame —
/// the 2023 plan's directions, 工程 and 方面 by name, none of Dongcheng's
/// projects, figures or words — or the directions alone; the cockpit opens
/// on it and a project can be added there.
#[test]
fn a_new_plan_has_the_frame_and_nothing_invented() {
    let sb = Sandbox::new();
    let r = sb.run(&[
        "--lang",
        "zh",
        "plan",
        "new",
        "--unit",
        "南城街道",
        "--year",
        "2024",
    ]);
    assert_eq!(r.code(), 0, "{}", r.stderr());
    let doc: Value = serde_json::from_str(&sb.export_json()).unwrap();
    assert_eq!(doc["plan"]["title"], "南城街道2024年发展工作计划");
    assert_eq!(doc["directions"].as_array().unwrap().len(), 3);
    assert_eq!(doc["programs"].as_array().unwrap().len(), 5);
    assert!(
        doc.get("projects").is_none(),
        "no project: {}",
        doc["projects"]
    );
    assert!(
        doc["directions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d.get("description").is_none()),
        "Dongcheng's words are not carried"
    );
    let again = sb.run(&["plan", "new", "--unit", "南城街道", "--year", "2024"]);
    assert_eq!(again.code(), 2, "over a plan only with --replace");

    let mut app =
        plan_cockpit::app::App::new(common::open_store(&sb.db), plan_cockpit::i18n::Lang::Zh)
            .unwrap();
    let screen = common::screen(&app, 80, 24);
    assert!(screen.contains("南城街道2024年发展工作计划"), "{screen}");
    common::press(&mut app, "a新的项目<Enter>");
    assert!(common::screen(&app, 80, 24).contains("新的项目"));

    let other = Sandbox::new();
    other.ok(&[
        "plan",
        "new",
        "--unit",
        "南城街道",
        "--year",
        "2024",
        "--frame",
        "directions",
    ]);
    let doc: Value = serde_json::from_str(&other.export_json()).unwrap();
    assert_eq!(doc["directions"].as_array().unwrap().len(), 3);
    assert!(doc.get("programs").is_none());
    let r = other.run(&[
        "--lang", "en", "plan", "new", "--unit", " ", "--year", "2024",
    ]);
    assert_eq!(r.code(), 2);
    assert!(r.stderr().contains("--unit"), "{}", r.stderr());
}

/// `plan list` and `plan show` say whose plan the database holds, which
/// year, its title and when it was put in; a plan kept before schema v10
/// says no unit rather than one guessed from its title.
#[test]
fn plan_list_and_show_say_whose_plan_it_is() {
    let sb = Sandbox::new();
    sb.ok(&["plan", "new", "--unit", "南城街道", "--year", "2024"]);
    let list = sb.ok(&["plan", "list"]);
    assert_eq!(list, "南城街道  2024  南城街道2024年发展工作计划\n");
    let shown = sb.ok(&["--lang", "zh", "plan", "show"]);
    assert!(shown.contains("单位:南城街道"), "{shown}");
    assert!(shown.contains("0 个项目"), "{shown}");
    let v: Value = serde_json::from_str(&sb.ok(&["plan", "show", "--json"])).unwrap();
    assert_eq!(
        (v["unit"].as_str(), v["year"].as_i64()),
        (Some("南城街道"), Some(2024))
    );
    assert_eq!(v["directions"], 3);

    let dc = Sandbox::with_plan();
    let v: Value = serde_json::from_str(&dc.ok(&["plan", "list", "--json"])).unwrap();
    assert_eq!(
        v[0]["unit"], "东城街道",
        "the shipped plan says whose it is"
    );

    // A file from before v10: its plan has no unit, and keeps everything.
    let old = Sandbox::with_plan();
    let before = old
        .export_json()
        .replace("\n    \"unit\": \"东城街道\",", "");
    let c = rusqlite::Connection::open(&old.db).unwrap();
    c.execute_batch("ALTER TABLE plan DROP COLUMN unit; ALTER TABLE milestone DROP COLUMN origin; DROP INDEX milestone_by_indicator; DROP INDEX milestone_open_by_due; ALTER TABLE milestone DROP COLUMN indicator; PRAGMA user_version = 9;")
        .unwrap();
    drop(c);
    let shown = old.ok(&["--lang", "en", "plan", "show"]);
    assert!(shown.contains("unit:     (not given)"), "{shown}");
    assert_eq!(
        old.export_json(),
        before,
        "the upgrade to v10 keeps the plan as it was"
    );
}

/// `--plan` (or PLAN_COCKPIT_PLAN) names the plan meant: a command on a
/// database holding another plan — last year's file, another unit's — is
/// refused and changes nothing, a replace included; garbage in the
/// variable is named, in the planner's language.
#[test]
fn plan_names_the_plan_meant_and_another_is_refused() {
    let sb = Sandbox::with_plan(); // 东城街道, 2023
    for meant in ["东城街道/2023", "2023", "东城街道"] {
        let r = sb.run(&["--plan", meant, "milestone", "list"]);
        assert_eq!(r.code(), 0, "{meant}: {}", r.stderr());
    }
    let id: Value = serde_json::from_str(&sb.ok(&["plan", "show", "--json"])).unwrap();
    let id = id["identity"].as_str().unwrap().to_owned();
    assert_eq!(sb.run(&["--plan", &id, "plan", "show"]).code(), 0);

    let before = sb.export_json();
    for (args, lang, says) in [
        (
            &[
                "--plan",
                "南城街道/2024",
                "milestone",
                "set",
                "19",
                "--current",
                "1",
            ][..],
            "zh",
            "不是所指的计划",
        ),
        (
            &["--plan", "2024", "export"][..],
            "en",
            "not the plan meant",
        ),
        (
            &["--plan", "南城街道/2024", "init", "--force"][..],
            "en",
            "东城街道, 2023",
        ),
    ] {
        let r = common::Run(sb.cmd().args(["--lang", lang]).args(args).output().unwrap());
        assert_eq!(r.code(), 2, "{args:?}: {}", r.stderr());
        assert!(r.stderr().contains(says), "{args:?}: {}", r.stderr());
    }
    assert_eq!(sb.export_json(), before, "nothing changed");

    let r = common::Run(
        sb.cmd()
            .args(["--lang", "zh", "milestone", "list"])
            .env("PLAN_COCKPIT_PLAN", "南城街道/二〇二四")
            .output()
            .unwrap(),
    );
    assert_eq!(r.code(), 2);
    assert!(r.stderr().contains("不是计划的写法"), "{}", r.stderr());
}
