//! History that knows its plan (issue 23): after `import --replace` (or
//! `generate --replace`, `init --force`) the new plan's log, report changes
//! and baselines never speak of the old plan's rows, even where ids repeat;
//! a baseline of the old plan is refused in words; a dead cockpit's draft
//! for the old plan survives as a kept file, offered at the next start.

use crate::common;

use common::Sandbox;
use plan_cockpit::store::DraftFor;

const T: &str = "2026-11-28T10:00:00+08:00";

/// The 2023 plan as it was seeded (so every id means a milestone again),
/// as a new plan: the old one's edits must not read as the new one's.
fn replaced(sb: &Sandbox) {
    let fresh = Sandbox::new();
    fresh.ok(&["init"]);
    let pristine = sb.write("pristine.json", fresh.export_json());
    sb.ok(&["import", "--replace", pristine.to_str().unwrap()]);
}

#[test]
fn the_log_and_the_reports_changes_are_the_new_plans_own() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    sb.ok_at(
        T,
        &[
            "milestone",
            "set",
            "19",
            "--current",
            "480",
            "--note",
            "旧计划的备注",
        ],
    );
    sb.ok_at(T, &["baseline", "save", "年初"]);
    let log = sb.ok(&["--lang", "zh", "log"]);
    assert!(log.contains("480"), "{log}");
    replaced(&sb);
    let log = sb.ok(&["--lang", "zh", "log"]);
    assert!(
        !log.contains("480") && !log.contains("旧计划的备注"),
        "{log}"
    );
    let json = sb.ok(&["log", "--json"]);
    assert_eq!(json.trim(), "[]", "{json}");
    let report = sb.ok(&["--lang", "zh", "report", "--since", "2026-11-01"]);
    assert!(!report.contains("480"), "{report}");
    // The old plan's baseline is neither listed nor compared.
    assert!(!sb.ok(&["baseline", "list"]).contains("年初"));
    let run = sb.run(&["--lang", "zh", "report", "--baseline", "年初"]);
    assert_eq!(run.code(), 2, "{}", run.stderr());
    assert!(
        run.stderr().contains("被替换之前的计划"),
        "{}",
        run.stderr()
    );
    let run = sb.run(&["--lang", "zh", "baseline", "save", "年初"]);
    assert_eq!(run.code(), 2);
    assert!(
        run.stderr().contains("被替换之前的计划"),
        "{}",
        run.stderr()
    );
    // A new baseline of the new plan works, and compares with it alone.
    sb.ok(&["baseline", "save", "替换后"]);
    let report = sb.ok(&["--lang", "zh", "report", "--baseline", "替换后"]);
    assert!(report.contains("六、与基线“替换后”比较"), "{report}");
}

#[test]
fn a_missing_baseline_is_refused_not_left_out() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    for format in ["markdown", "html", "docx", "xlsx"] {
        let out = sb.path(&format!("r.{format}"));
        let run = sb.run(&["report", "--baseline", "NOPE", "-o", out.to_str().unwrap()]);
        assert_eq!(run.code(), 2, "{format}: {}", run.stderr());
        assert!(run.stderr().contains("NOPE"), "{}", run.stderr());
        assert!(!out.exists());
    }
}

/// A planner's cockpit died with a note half typed (its draft is in the
/// database); the plan is then replaced. The next cockpit of that planner
/// keeps the text in a file and says where; the draft is not offered for
/// whatever row now has the old id.
#[test]
fn a_dead_cockpits_draft_survives_a_replace_as_a_kept_file() {
    let sb = Sandbox::new();
    {
        let mut store = common::open_store(&sb.db);
        store
            .save_draft(
                None,
                &DraftFor::NewNote { milestone: 19 },
                "断线前写了一半的备注",
            )
            .unwrap();
    }
    replaced(&sb);
    let store = common::open_store(&sb.db);
    assert!(
        store.drafts().unwrap().is_empty(),
        "not offered for the new plan's rows"
    );
    let mut app = plan_cockpit::app::App::new(store, plan_cockpit::i18n::Lang::Zh).unwrap();
    common::press(&mut app, "");
    let screen = common::screen(&app, 100, 30);
    assert!(screen.contains("另存到"), "{screen}");
    let kept = common::state_home().join("plan-cockpit").join("kept");
    let texts: Vec<String> = std::fs::read_dir(&kept)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("断线前写了一半的备注") && t.contains("国家级高新技术企业")),
        "{texts:?}"
    );
    // Kept once: the next start says nothing more.
    drop(app);
    let store = common::open_store(&sb.db);
    assert!(store.stray_drafts().unwrap().is_empty());
}
