//! The words of issue 23, each fixed and tested: what a refusal names and
//! what it blames, the forms a message offers, what a killed write leaves.

use crate::common;

use common::{Sandbox, names_in};

#[test]
fn migrate_onto_a_file_that_holds_a_plan_names_that_file() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let out = sb.path("out.db");
    let (from, to) = (sb.db.to_str().unwrap(), out.to_str().unwrap());
    sb.ok(&["migrate", "--from", from, "--to", to]);
    let run = sb.run(&["migrate", "--from", from, "--to", to]);
    assert_eq!(run.code(), 2);
    assert!(
        run.stderr().contains(&format!("{to} already holds a plan")),
        "{}",
        run.stderr()
    );
}

/// A version above the row's is none it ever had: nobody changed it.
#[test]
fn an_impossible_version_is_not_blamed_on_a_planner() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let run = sb.run(&[
        "milestone",
        "set",
        "19",
        "--current",
        "5",
        "--expect-version",
        "999",
    ]);
    assert_eq!(run.code(), 2, "a version it never had is bad input");
    assert!(
        run.stderr().contains("never had version 999"),
        "{}",
        run.stderr()
    );
    assert!(!run.stderr().contains("was changed by"), "{}", run.stderr());
}

/// The forms the refusal offers are the forms taken.
#[test]
fn since_and_as_of_take_the_forms_their_message_offers() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    sb.ok(&["milestone", "set", "19", "--current", "480"]);
    let bad = sb.run(&["log", "--since", "nope"]);
    assert_eq!(bad.code(), 2);
    for form in ["2026-11-01", "2026/11/01", "2026年11月1日", "11月1日"] {
        let log = sb.ok(&["log", "--since", form]);
        assert!(log.contains("480"), "{form}: {log}");
        sb.ok(&["report", "--since", form]);
    }
    sb.ok(&["--lang", "zh", "report", "--as-of", "年底"]);
    sb.ok(&["report", "--as-of", "2026Q4"]);
}

#[test]
fn a_baseline_name_is_called_a_baseline_name() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    for name in ["", &"长".repeat(400)] {
        let run = sb.run(&["baseline", "save", name]);
        assert_eq!(run.code(), 2);
        assert!(run.stderr().contains("baseline name"), "{}", run.stderr());
        assert!(!run.stderr().contains("title"), "{}", run.stderr());
    }
}

/// A note longer than an Excel cell holds is cut in the workbook (with …),
/// not the whole report failing.
#[test]
fn a_note_longer_than_a_cell_still_gives_a_workbook() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let note = "很长的备注。".repeat(6_000);
    sb.ok(&["milestone", "set", "19", "--note", &note]);
    let out = sb.path("r.xlsx");
    sb.ok(&["report", "-o", out.to_str().unwrap()]);
    assert!(common::bytes(&out).starts_with(b"PK"));
}

/// Partial files of killed writers are removed by the next write to the
/// same name; one a live writer holds is left alone.
#[test]
fn partial_files_of_killed_writers_do_not_pile_up() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let stale = sb.write(".e.json.AAAAAAAAAAAA.partial", "half");
    let held = sb.write(".e.json.BBBBBBBBBBBB.partial", "writing");
    let other = sb.write(".x.json.CCCCCCCCCCCC.partial", "another name's");
    for p in [&stale, &held, &other] {
        let ok = std::process::Command::new("touch")
            .args(["-d", "2 hours ago"])
            .arg(p)
            .status()
            .unwrap()
            .success();
        assert!(ok);
    }
    let lock = std::fs::File::open(&held).unwrap();
    lock.lock().unwrap();
    sb.ok(&["export", "-o", sb.path("e.json").to_str().unwrap()]);
    let left = names_in(sb.dir.path());
    assert!(
        !left.contains(&".e.json.AAAAAAAAAAAA.partial".to_owned()),
        "{left:?}"
    );
    assert!(
        left.contains(&".e.json.BBBBBBBBBBBB.partial".to_owned()),
        "{left:?}"
    );
    assert!(
        left.contains(&".x.json.CCCCCCCCCCCC.partial".to_owned()),
        "{left:?}"
    );
}

/// A CSV export onto a full disk names the disk, not the hidden file.
#[test]
fn a_csv_export_onto_a_full_disk_names_the_disk() {
    if !common::is_root("mounting a small filesystem") {
        return;
    }
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let small = sb.path("small");
    let disk = common::SmallDisk::mount(&small, "4k");
    let dest = small.join("e.csv");
    let run = sb.run(&["export", "--format", "csv", "-o", dest.to_str().unwrap()]);
    let left = names_in(&small);
    drop(disk);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    assert!(run.stderr().contains("is full"), "{}", run.stderr());
    assert!(!run.stderr().contains(".partial"), "{}", run.stderr());
    assert!(left.is_empty(), "{left:?}");
}
