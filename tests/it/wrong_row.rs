//! Never the wrong row: ids that never come back, versions that only grow,
//! a plan that knows it was replaced, and a file that cannot be swapped
//! underneath. Two cockpits (the app with two stores on one file) and the
//! real binary, as a hostile colleague would try it.

use crate::common;

use common::{Sandbox, cockpit, open_store, press, state_home};
use plan_cockpit::app::App;
use plan_cockpit::app::keymap::Layer;
use plan_cockpit::app::overlay::Overlay;
use plan_cockpit::i18n::Lang;
use plan_cockpit::store::{Error, FileLoss, ListFilter, MilestoneRow};

const HIGH_TECH: &str = "国家级高新技术企业突破600家";

fn kept_texts() -> Vec<String> {
    let dir = state_home().join("plan-cockpit/kept");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect()
}

fn high_tech(sb: &Sandbox) -> MilestoneRow {
    open_store(&sb.db)
        .milestones(&ListFilter {
            scope: Default::default(),
            overdue_on: None,
        })
        .unwrap()
        .into_iter()
        .find(|m| m.title == HIGH_TECH)
        .unwrap()
}

fn to_high_tech(app: &mut App) {
    press(app, "/国家级高新技术企业突破<Enter>");
    assert_eq!(
        app.focused().unwrap().selected_milestone().unwrap().title,
        HIGH_TECH
    );
}

fn notes_of(sb: &Sandbox, milestone: i64) -> Vec<(i64, String)> {
    open_store(&sb.db)
        .detail(milestone)
        .unwrap()
        .notes
        .into_iter()
        .map(|n| (n.id, n.body))
        .collect()
}

/// A replaces the plan with the embedded one, as `import --replace` does.
fn replace_plan_elsewhere(sb: &Sandbox) {
    let mut doc = plan_cockpit::seed::plan_2023("2023-03-01T00:00:00Z", "other");
    doc.plan.title = "恢复的计划".into();
    let mut other = open_store(&sb.db);
    other.replace_plan(doc.clone(), "a test import").unwrap();
}

#[test]
fn a_stale_editor_never_saves_over_the_note_that_would_have_taken_its_id() {
    let (sb, mut a) = cockpit(Lang::Zh);
    to_high_tech(&mut a);
    press(&mut a, "n原始备注<C-s>");
    let id = high_tech(&sb).id;
    let original = notes_of(&sb, id)[0].0;

    // B opens the note for editing; A deletes it and writes a new one.
    let mut b = App::new(open_store(&sb.db), Lang::Zh).unwrap();
    to_high_tech(&mut b);
    press(&mut b, "<Enter>E,B的补充");
    assert_eq!(b.layer(), Layer::Editor);
    press(&mut a, "<Enter>Dy");
    assert!(notes_of(&sb, id).is_empty());
    press(&mut a, "nA的新备注<C-s>");
    let fresh = notes_of(&sb, id);
    assert_eq!(fresh.len(), 1);
    assert_ne!(
        fresh[0].0, original,
        "a deleted note's id is never handed out again"
    );

    // B saves: refused, A's new note untouched, B's text still there.
    press(&mut b, "<C-s>");
    assert_eq!(b.layer(), Layer::Editor);
    let Some(Overlay::Editor(e)) = b.overlays.last() else {
        panic!("B's editor is gone")
    };
    assert_eq!(e.text(), "原始备注,B的补充");
    assert!(e.error.as_deref().unwrap_or("").contains("未保存"));
    assert_eq!(
        notes_of(&sb, id),
        fresh,
        "nothing was written over A's note"
    );

    // A's undo brings the deleted note back under its own id, no SQL error.
    press(&mut a, "<Esc>uu");
    assert!(!a.flash.as_ref().unwrap().error, "{:?}", a.flash);
    assert_eq!(notes_of(&sb, id), vec![(original, "原始备注".to_owned())]);
}

#[test]
fn ids_of_deleted_projects_and_milestones_never_come_back() {
    let sb = Sandbox::new();
    let mut s = open_store(&sb.db);
    let direction = s.find_direction("新城市").unwrap();
    let (p1, _) = s.add_project(direction, "临时项目").unwrap();
    let (m1, _) = s.add_milestone(p1, "临时里程碑").unwrap();
    s.delete_milestone(m1, None).unwrap();
    let (m2, _) = s.add_milestone(p1, "另一个里程碑").unwrap();
    assert!(m2 > m1);
    s.delete_project(p1, None).unwrap();
    // Reopened, as another planner's process would.
    let mut s = open_store(&sb.db);
    let (p2, _) = s.add_project(direction, "新项目").unwrap();
    assert!(p2 > p1);
    let (m3, _) = s.add_milestone(p2, "新里程碑").unwrap();
    assert!(m3 > m2);
    // A rename based on a version the row no longer has is refused.
    let v = s.project(p2).unwrap().version;
    assert!(s.rename_project(p2, v - 1, "x").is_err());
}

#[test]
fn a_replace_under_an_open_form_keeps_the_text_and_saves_nothing() {
    state_home();
    let (sb, mut a) = cockpit(Lang::Zh);
    to_high_tech(&mut a);
    press(&mut a, "n这是半句备注");
    press(&mut a, "<Esc>n"); // asked to discard: no, keep typing
    assert_eq!(a.layer(), Layer::Editor);
    replace_plan_elsewhere(&sb);

    assert!(
        a.refresh_if_changed(),
        "the replace is seen at the next wake-up"
    );
    assert_eq!(a.layer(), Layer::Replaced);
    let Some(Overlay::Conflict(c)) = a.overlays.last() else {
        panic!()
    };
    assert!(c.replaced);
    assert_eq!(c.mine, "这是半句备注");
    assert!(c.theirs.contains("计划已被 planner"), "{}", c.theirs);
    // (Other tests of this binary keep texts in the same folder meanwhile.)
    assert!(kept_texts().iter().any(|k| k.contains("这是半句备注")));
    // Any choice closes it; nothing lands in the new plan; undo is empty.
    press(&mut a, "<Enter>");
    assert_eq!(a.layer(), Layer::Panes);
    assert!(notes_of(&sb, high_tech(&sb).id).is_empty());
    press(&mut a, "u");
    assert!(
        a.flash.as_ref().unwrap().error,
        "nothing to undo in the new plan"
    );
}

#[test]
fn a_form_submitted_before_the_replace_is_seen_saves_nothing() {
    state_home();
    let (sb, mut a) = cockpit(Lang::En);
    to_high_tech(&mut a);
    press(&mut a, "e<C-u>777");
    replace_plan_elsewhere(&sb);
    // No wake-up between the replace and the key: the store refuses.
    press(&mut a, "<Enter>");
    assert_eq!(a.layer(), Layer::Replaced);
    let Some(Overlay::Conflict(c)) = a.overlays.last() else {
        panic!()
    };
    assert_eq!(c.mine, "777");
    assert_eq!(
        high_tech(&sb).current,
        None,
        "nothing saved into the new plan"
    );
    assert!(kept_texts().iter().any(|k| k.contains("777")));
    // The cockpit now works on the new plan.
    press(&mut a, "<Esc>");
    to_high_tech(&mut a);
    press(&mut a, "e<C-u>12<Enter>");
    assert_eq!(high_tech(&sb).current, Some(12.0));
}

#[test]
fn a_store_opened_before_a_replace_refuses_every_write() {
    let sb = Sandbox::new();
    let mut stale = open_store(&sb.db);
    let m = high_tech(&sb);
    let doc = plan_cockpit::seed::plan_2023("2023-03-01T00:00:00Z", "other");
    open_store(&sb.db)
        .replace_plan(doc.clone(), "test")
        .unwrap();
    let after = high_tech(&sb);
    assert_eq!(after.id, m.id, "a restore keeps the document's ids");
    assert!(after.version > m.version, "but versions only grow");
    let change = plan_cockpit::domain::MilestoneChange {
        value: Some(plan_cockpit::domain::ValueChange::Set(5.0)),
        ..Default::default()
    };
    let e = stale
        .update_milestone(m.id, Some(after.version), change, "cli")
        .unwrap_err();
    assert!(matches!(e, Error::PlanReplaced(_)), "{e}");
    assert!(e.to_string().contains("replaced by planner"), "{e}");
    assert!(stale.add_project(1, "x").is_err());
    assert!(stale.delete_milestone(m.id, None).is_err());
    assert_eq!(high_tech(&sb).current, None);
}

#[test]
fn expect_version_is_refused_after_an_export_import_round_trip() {
    let sb = Sandbox::new();
    let m = high_tech(&sb);
    let old = m.version.to_string();
    let id = m.id.to_string();
    sb.ok(&["milestone", "set", &id, "--current", "100"]);
    sb.ok(&["milestone", "set", &id, "--current", "200"]);
    let export = sb.export_json();
    let file = sb.write("plan.json", &export);
    sb.ok(&["import", file.to_str().unwrap(), "--replace"]);
    for stale in [old.as_str(), "1", "2", "3"] {
        let r = sb.run(&[
            "milestone",
            "set",
            &id,
            "--expect-version",
            stale,
            "--current",
            "300",
        ]);
        assert_ne!(
            r.code(),
            0,
            "--expect-version {stale} accepted after a replace"
        );
    }
    assert_eq!(high_tech(&sb).current, Some(200.0));
    let now = high_tech(&sb).version.to_string();
    sb.ok(&[
        "milestone",
        "set",
        &id,
        "--expect-version",
        &now,
        "--current",
        "300",
    ]);
    assert_eq!(high_tech(&sb).current, Some(300.0));
}

#[test]
fn a_deleted_database_takes_no_write_and_the_cockpit_says_so() {
    state_home();
    let (sb, mut a) = cockpit(Lang::Zh);
    to_high_tech(&mut a);
    press(&mut a, "n删除之后写的备注");
    std::fs::remove_file(&sb.db).unwrap();
    assert!(a.refresh_if_changed());
    let banner = a.read_only.clone().unwrap();
    assert!(banner.contains("已被删除"), "{banner}");
    assert!(kept_texts().iter().any(|k| k.contains("删除之后写的备注")));
    press(&mut a, "<C-s>");
    assert_eq!(a.layer(), Layer::Editor, "the text stays on screen");
    assert!(!sb.db.exists(), "no file appears under the old name");
}

#[test]
fn a_plan_moved_over_the_database_is_not_written_through_the_old_file() {
    state_home();
    let (sb, mut a) = cockpit(Lang::En);
    to_high_tech(&mut a);
    // Someone restores a backup the obvious way.
    let backup = sb.path("backup.db");
    open_store(&sb.db).backup_to(&backup).unwrap();
    let restored = common::bytes(&backup);
    std::fs::rename(&backup, &sb.db).unwrap();
    // A presses a key before any wake-up: the write is refused.
    press(&mut a, "e<C-u>42<Enter>");
    assert!(a.read_only.as_deref().unwrap().contains("replaced"));
    assert_eq!(common::bytes(&sb.db), restored, "the new file is untouched");
    assert_eq!(high_tech(&sb).current, None);
}

#[test]
fn a_hard_link_is_refused_at_open_and_under_a_running_store() {
    let sb = Sandbox::new();
    let mut s = open_store(&sb.db);
    let link = sb.path("other-name.db");
    std::fs::hard_link(&sb.db, &link).unwrap();
    let e = s.add_project(1, "x").unwrap_err();
    assert!(
        matches!(
            e,
            Error::FileLost {
                loss: FileLoss::HardLinked(2),
                ..
            }
        ),
        "{e}"
    );
    for path in [&sb.db, &link] {
        let r = std::process::Command::new(common::BIN)
            .args(["--db", path.to_str().unwrap(), "milestone", "list"])
            .env("LANG", "C.UTF-8")
            .output()
            .unwrap();
        assert_eq!(r.status.code(), Some(2));
        let err = String::from_utf8_lossy(&r.stderr);
        assert!(err.contains("2 hard links"), "{err}");
    }
    std::fs::remove_file(&link).unwrap();
    // One name again: a fresh open works.
    open_store(&sb.db).add_project(1, "y").unwrap();
}

#[test]
fn after_the_plan_is_deleted_no_command_quietly_starts_a_new_one() {
    let sb = Sandbox::new();
    let first = sb.run(&["init"]);
    assert_eq!(first.code(), 0);
    assert!(first.stdout().contains("created"), "init says what it made");
    std::fs::remove_file(&sb.db).unwrap();
    for args in [
        &["milestone", "set", "42", "--current", "5"][..],
        &["milestone", "list"],
        &["export"],
        &["check"],
    ] {
        let r = sb.run(args);
        assert_eq!(r.code(), 2, "{args:?}");
        assert!(r.stderr().contains("is gone"), "{args:?}: {}", r.stderr());
        assert!(!sb.db.exists(), "{args:?} created a plan");
    }
    sb.ok(&["init"]);
    assert!(sb.db.exists());
}

#[test]
fn numbers_that_cannot_be_stored_or_read_two_ways_are_refused() {
    let sb = Sandbox::new();
    let id = high_tech(&sb).id.to_string();
    sb.ok(&["milestone", "set", &id, "--add", "1e308"]);
    let r = sb.run(&["milestone", "set", &id, "--add", "1e308"]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(r.stderr().contains("too large to store"), "{}", r.stderr());
    assert_eq!(high_tech(&sb).current, Some(1e308));
    // The plan still exports and imports back.
    let file = sb.write("plan.json", sb.export_json());
    sb.ok(&["import", file.to_str().unwrap(), "--replace"]);
    assert_eq!(high_tech(&sb).current, Some(1e308));

    for bad in ["1,5", ",5", "1,50"] {
        let r = sb.run(&["milestone", "set", &id, "--current", bad]);
        assert_eq!(r.code(), 2, "{bad}: {}", r.stderr());
        assert!(r.stderr().contains("1.5"), "{bad}: {}", r.stderr());
    }
    sb.ok(&["milestone", "set", &id, "--current", "1,500"]);
    assert_eq!(high_tech(&sb).current, Some(1500.0));

    // The cockpit reads numbers by the same rule.
    let mut app = App::new(open_store(&sb.db), Lang::Zh).unwrap();
    to_high_tech(&mut app);
    press(&mut app, "e<C-u>1,5<Enter>");
    assert_eq!(app.layer(), Layer::Form, "refused in place");
    assert_eq!(high_tech(&sb).current, Some(1500.0));
}

#[test]
fn a_unit_too_long_for_an_import_is_refused_everywhere() {
    let sb = Sandbox::new();
    let id = high_tech(&sb).id.to_string();
    let long = "家".repeat(301);
    let r = sb.run(&["milestone", "set", &id, "--target", "600", "--unit", &long]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(r.stderr().contains("longer than 300"), "{}", r.stderr());
    let limit = "家".repeat(300);
    sb.ok(&["milestone", "set", &id, "--target", "600", "--unit", &limit]);
    let file = sb.write("plan.json", sb.export_json());
    sb.ok(&["import", file.to_str().unwrap(), "--replace"]);
    assert_eq!(high_tech(&sb).unit, limit);
}

/// Undo takes back only what is still as this planner left it: a project
/// another planner has since put a milestone under is not deleted with it.
#[test]
fn undo_of_an_addition_never_deletes_another_planners_work() {
    let (sb, mut a) = cockpit(Lang::En);
    press(&mut a, "a城市更新示范片区<Enter>");
    let project = a.focused().unwrap().selected_project().unwrap().id;
    let mut b = open_store(&sb.db);
    let (theirs, _) = b.add_milestone(project, "别人加的里程碑").unwrap();
    press(&mut a, "u");
    assert!(a.flash.as_ref().unwrap().error, "{:?}", a.flash);
    assert!(
        a.flash
            .as_ref()
            .unwrap()
            .text
            .contains("Nothing was deleted"),
        "{:?}",
        a.flash
    );
    assert_eq!(b.milestone(theirs).unwrap().title, "别人加的里程碑");

    // A note of mine that another planner edited is not taken back either.
    let id = high_tech(&sb).id;
    let mut a = App::new(open_store(&sb.db), Lang::En).unwrap();
    to_high_tech(&mut a);
    press(&mut a, "nmy note<C-s>");
    let note = notes_of(&sb, id)[0].clone();
    let v = b.note(note.0).unwrap().version;
    b.update_note(note.0, v, "my note, corrected by B").unwrap();
    press(&mut a, "u");
    let flash = a.flash.clone().unwrap();
    assert!(
        flash.error && flash.text.contains("changed by planner"),
        "{flash:?}"
    );
    assert_eq!(notes_of(&sb, id)[0].1, "my note, corrected by B");
}

/// Undo walks a row's changes back in order, whatever numbers the
/// file-wide version counter gave them.
#[test]
fn undo_follows_a_rows_versions_through_several_changes() {
    let (sb, mut a) = cockpit(Lang::En);
    to_high_tech(&mut a);
    press(&mut a, "e<C-u>100<Enter>e<C-u>200<Enter>n记录<C-s>");
    // Another planner writes elsewhere meanwhile: the counter moves on.
    let mut b = open_store(&sb.db);
    b.add_project(1, "别处的项目").unwrap();
    for expected in [Some(200.0), Some(100.0), None] {
        press(&mut a, "u");
        assert!(!a.flash.as_ref().unwrap().error, "{:?}", a.flash);
        assert_eq!(high_tech(&sb).current, expected);
    }
    assert!(notes_of(&sb, high_tech(&sb).id).is_empty());
}

/// A delete is confirmed about what the planner saw: a row another planner
/// changed while the question was on screen is not deleted.
#[test]
fn a_delete_confirmed_on_a_stale_screen_deletes_nothing() {
    let (sb, mut a) = cockpit(Lang::En);
    to_high_tech(&mut a);
    press(&mut a, "D");
    assert_eq!(a.layer(), Layer::Confirm);
    let m = high_tech(&sb);
    let change = plan_cockpit::domain::MilestoneChange {
        value: Some(plan_cockpit::domain::ValueChange::Set(523.0)),
        ..Default::default()
    };
    open_store(&sb.db)
        .update_milestone(m.id, None, change, "cli")
        .unwrap();
    press(&mut a, "y");
    let flash = a.flash.clone().unwrap();
    assert!(
        flash.error && flash.text.contains("changed by planner"),
        "{flash:?}"
    );
    assert_eq!(
        high_tech(&sb).current,
        Some(523.0),
        "still there, with B's value"
    );
    // Asked again, about what it is now, it goes.
    press(&mut a, "Dy");
    assert!(!a.flash.as_ref().unwrap().error, "{:?}", a.flash);
}

/// A change written by another program that keeps the version (the sqlite3
/// shell, a script) is still a new state: a save based on the old version
/// is refused.
#[test]
fn a_change_by_another_program_still_moves_the_version() {
    let sb = Sandbox::new();
    let m = high_tech(&sb);
    {
        let c = rusqlite::Connection::open(&sb.db).unwrap();
        c.execute("UPDATE milestone SET current = 77 WHERE id = ?1", [m.id])
            .unwrap();
    }
    let after = high_tech(&sb);
    assert_eq!(after.current, Some(77.0));
    assert!(after.version > m.version);
    let r = sb.run(&[
        "milestone",
        "set",
        &m.id.to_string(),
        "--expect-version",
        &m.version.to_string(),
        "--current",
        "1",
    ]);
    assert_ne!(r.code(), 0, "{}", r.stderr());
    assert_eq!(high_tech(&sb).current, Some(77.0));
}

/// A lock file that is a second name of another file is not chmodded.
#[test]
fn a_hard_linked_lock_file_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::new();
    let victim = sb.write("victim.txt", "mine");
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::hard_link(&victim, sb.path("plan.db.lock")).unwrap();
    let r = sb.run(&["init"]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(r.stderr().contains("more than one name"), "{}", r.stderr());
    let mode = std::fs::metadata(&victim).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
}

/// What the planner sees at 80×24 when the plan was replaced under the
/// editor, and when the file was deleted: in both languages, the notice,
/// their text, how to close it, and the banner.
#[test]
fn the_notices_read_right_in_both_languages_at_80x24() {
    for (lang, title, close, banner) in [
        (Lang::Zh, "计划已被替换", "关闭", "已被删除"),
        (Lang::En, "The plan was replaced", "close", "was deleted"),
    ] {
        let (sb, mut a) = cockpit(lang);
        to_high_tech(&mut a);
        press(&mut a, "n半句");
        replace_plan_elsewhere(&sb);
        a.refresh_if_changed();
        let screen = common::screen(&a, 80, 24);
        assert!(screen.contains(title), "{lang:?}:\n{screen}");
        assert!(screen.contains("半句"), "{lang:?}:\n{screen}");
        assert!(
            screen.contains(close),
            "{lang:?}: the hint bar says how to close\n{screen}"
        );
        assert!(
            screen.contains("恢复的计划"),
            "{lang:?}: the header\n{screen}"
        );
        press(&mut a, "<Esc>");
        std::fs::remove_file(&sb.db).unwrap();
        a.refresh_if_changed();
        let screen = common::screen(&a, 80, 24);
        assert!(screen.contains(banner), "{lang:?}:\n{screen}");
    }
}

/// A command given a plan file that does not exist (a mistyped name, next
/// year's file not made yet) refuses and creates nothing: no fresh 2023
/// plan under that name for `milestone set 42` to write into. Only `init`,
/// an import and the cockpit's first start create one.
#[test]
fn a_command_on_a_plan_file_that_does_not_exist_creates_nothing() {
    let sb = Sandbox::new();
    let other = sb.path("y2024.db");
    for args in [
        &["milestone", "list"][..],
        &["milestone", "set", "42", "--current", "5"],
        &["export"],
        &["report"],
        &["check"],
        &["backup", "copy.db"],
    ] {
        for (lang, says) in [("zh", "中没有计划"), ("en", "there is no plan in")] {
            let r = on_other(&sb, &other, lang, args);
            assert_eq!(r.code(), 2, "{args:?}: {}", r.stderr());
            assert!(r.stderr().contains(says), "{args:?}: {}", r.stderr());
            assert!(r.stderr().contains("init"), "it says how to make one");
        }
        assert!(!other.exists(), "{args:?} created a plan");
        assert!(!sb.path("y2024.db.lock").exists(), "{args:?} left a lock");
    }
    assert_eq!(on_other(&sb, &other, "en", &["init"]).code(), 0);
    assert!(other.exists());
}

/// The program on `db` instead of the sandbox's plan, in the sandbox.
fn on_other(sb: &Sandbox, db: &std::path::Path, lang: &str, args: &[&str]) -> common::Run {
    common::Run(
        std::process::Command::new(common::BIN)
            .args(["--lang", lang, "--db", db.to_str().unwrap()])
            .args(args)
            .current_dir(sb.dir.path())
            .env_remove("PLAN_COCKPIT_DB")
            .env("XDG_STATE_HOME", sb.path("state"))
            .env("XDG_CONFIG_HOME", sb.path("config"))
            .env("PLAN_COCKPIT_NOW", common::NOW)
            .output()
            .unwrap(),
    )
}
