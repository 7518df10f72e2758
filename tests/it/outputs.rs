//! Where `-o` may write (issue 23): never over the plan, a file beside it or
//! any other database; never over a file this user could not write; in a
//! team folder, shared as the database is; and in the format its name says.

use crate::common;

use common::Sandbox;
use std::os::unix::fs::PermissionsExt;

fn mode(p: &std::path::Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

/// Every writer's `-o` refuses the live database, its journal, its lock and
/// another plan file (a backup), with exit 2, naming the file; each is left
/// byte for byte as it was.
#[test]
fn no_output_lands_on_a_plan_or_beside_it() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    sb.ok(&["backup", sb.path("backup.db").to_str().unwrap()]);
    let before = common::bytes(&sb.db);
    let backup = common::bytes(&sb.path("backup.db"));
    let db = sb.db.to_str().unwrap().to_owned();
    let dotted = sb.dir.path().join(".").join("plan.db");
    let targets = [
        db.clone(),
        dotted.to_str().unwrap().to_owned(),
        format!("{db}-wal"),
        format!("{db}-shm"),
        format!("{db}.lock"),
        sb.path("backup.db").to_str().unwrap().to_owned(),
    ];
    let writers: [&[&str]; 7] = [
        &["export"],
        &["export", "--format", "csv"],
        &["export", "--format", "markdown"],
        &["report"],
        &["report", "--format", "html"],
        &["report", "--format", "docx"],
        &["report", "--format", "xlsx"],
    ];
    for target in &targets {
        for writer in writers {
            let mut args = writer.to_vec();
            args.extend(["-o", target]);
            let run = sb.run(&args);
            assert_eq!(run.code(), 2, "{args:?}: {}", run.stderr());
            assert!(run.stderr().contains(target.as_str()), "{}", run.stderr());
            assert!(
                run.stderr().contains("nothing was written"),
                "{}",
                run.stderr()
            );
        }
    }
    assert_eq!(common::bytes(&sb.db), before, "the plan was touched");
    assert_eq!(common::bytes(&sb.path("backup.db")), backup);
    let zh = sb.run(&["--lang", "zh", "report", "-o", &db]);
    assert!(zh.stderr().contains("计划数据库"), "{}", zh.stderr());
}

/// `-o` over a file this user may not write is refused: the rename would
/// replace it without asking the file's own permission.
#[test]
fn an_output_over_a_file_the_user_may_not_write_is_refused() {
    if !common::is_root("acting as a second user") {
        return;
    }
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    std::fs::set_permissions(&sb.db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let theirs = sb.write("领导的报告.md", "# 不能被覆盖\n");
    std::fs::set_permissions(&theirs, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = common::as_nobody(&sb)
        .args(["--read-only", "report", "-o"])
        .arg(&theirs)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("you may not write to it"), "{err}");
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "# 不能被覆盖\n");
}

/// In a folder its group shares (setgid, or group-writable without being
/// everyone's), every output is group-readable and writable, as the
/// database is; elsewhere it is private.
#[test]
fn outputs_in_a_team_folder_are_shared_like_the_database() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    for (folder, team) in [("shared", 0o770), ("setgid", 0o2750), ("mine", 0o700)] {
        let dir = sb.path(folder);
        std::fs::create_dir(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(team)).unwrap();
        let want = if team == 0o700 { 0o600 } else { 0o660 };
        for (args, name) in [
            (&["report", "--format", "docx"][..], "r.docx"),
            (&["report"][..], "r.md"),
            (&["export", "--format", "csv"][..], "e.csv"),
        ] {
            let out = dir.join(name);
            let mut a = args.to_vec();
            a.extend(["-o", out.to_str().unwrap()]);
            sb.ok(&a);
            assert_eq!(mode(&out), want, "{folder}/{name}");
        }
    }
}

/// Without `--format`, `-o`'s extension decides (a `.docx` is a Word
/// document, not Markdown text under a Word name); a `--format` that
/// contradicts the extension is refused.
#[test]
fn the_output_name_decides_the_format_or_a_contradiction_is_refused() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let zip = |p: &std::path::Path| common::bytes(p).starts_with(b"PK\x03\x04");
    for name in ["工作进展.docx", "工作进展.xlsx"] {
        sb.ok(&["report", "-o", sb.path(name).to_str().unwrap()]);
        assert!(zip(&sb.path(name)), "{name} is not a document");
    }
    sb.ok(&["report", "-o", sb.path("r.html").to_str().unwrap()]);
    assert!(
        std::fs::read_to_string(sb.path("r.html"))
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    sb.ok(&["export", "-o", sb.path("e.csv").to_str().unwrap()]);
    assert!(common::bytes(&sb.path("e.csv")).starts_with("\u{feff}".as_bytes()));
    let run = sb.run(&[
        "report",
        "--format",
        "markdown",
        "-o",
        sb.path("x.docx").to_str().unwrap(),
    ]);
    assert_eq!(run.code(), 2);
    assert!(
        run.stderr()
            .contains("names a docx file but --format is markdown"),
        "{}",
        run.stderr()
    );
    assert!(!sb.path("x.docx").exists());
    // An extension nobody claims keeps the default.
    sb.ok(&["export", "-o", sb.path("plan.txt").to_str().unwrap()]);
    assert!(
        std::fs::read_to_string(sb.path("plan.txt"))
            .unwrap()
            .starts_with('{')
    );
}
