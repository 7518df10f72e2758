//! The import as it streams (issue 15): read, checked and written a project
//! at a time on two threads, with the promises of the whole-file import
//! kept: all or nothing, nothing left behind by a refused file, every
//! problem named at its place, standard input and the size cap honoured.

use crate::common;

use common::{Run, Sandbox, names_in};
use std::io::Write;
use std::process::Stdio;

/// `import -` with `input` on standard input.
fn import_stdin(sb: &Sandbox, extra: &[&str], input: &[u8]) -> Run {
    let mut child = sb
        .cmd()
        .arg("import")
        .args(extra)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run plan-cockpit");
    let mut stdin = child.stdin.take().expect("stdin");
    // The import may stop reading early (over its cap): a broken pipe is
    // its answer, not the test's failure.
    let _ = stdin.write_all(input);
    drop(stdin);
    Run(child.wait_with_output().expect("wait"))
}

/// A plan of a few hundred projects: more than the reader runs ahead of
/// the writer, so the two threads must hand over many times.
fn generated(sb: &Sandbox) -> String {
    sb.ok(&[
        "generate",
        "--projects",
        "200",
        "--milestones",
        "1200",
        "--notes",
        "2000",
        "--seed",
        "7",
    ]);
    sb.export_json()
}

#[test]
fn standard_input_imports_and_its_cap_is_kept() {
    let a = Sandbox::new();
    let plan = generated(&a);
    let b = Sandbox::new();
    std::fs::remove_file(&b.db).ok();
    let r = import_stdin(&b, &[], plan.as_bytes());
    assert_eq!(r.code(), 0, "{}", r.stderr());
    assert_eq!(b.export_json(), plan);

    let c = Sandbox::new();
    let files = names_in(c.dir.path());
    let r = import_stdin(&c, &["--max-size", "1"], plan.as_bytes());
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(
        r.stderr().contains("over the import limit of 1 MiB"),
        "{}",
        r.stderr()
    );
    assert_eq!(names_in(c.dir.path()), files, "a file was left behind");
}

/// A plan already there is named at once, without the file read to its
/// end: the reader, blocked on a full hand-over, is let go.
#[test]
fn a_plan_already_there_is_said_while_the_reader_waits() {
    let sb = Sandbox::new();
    let plan = generated(&sb);
    let file = sb.write("plan.json", &plan);
    let r = sb.run(&["import", file.to_str().unwrap()]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(
        r.stderr().contains("already holds a plan"),
        "{}",
        r.stderr()
    );
    assert_eq!(sb.export_json(), plan);
}

/// A file refused in its last project, into a database that did not exist:
/// the database the import had begun is gone again, lock file and all.
#[test]
fn a_file_refused_late_leaves_no_new_database() {
    let a = Sandbox::new();
    let mut doc: serde_json::Value = serde_json::from_str(&generated(&a)).unwrap();
    let projects = doc["projects"].as_array_mut().unwrap();
    let last = projects.len() - 1;
    projects[last]["milestones"][0]["id"] = projects[0]["milestones"][0]["id"].clone();
    let b = Sandbox::new();
    std::fs::remove_file(&b.db).ok();
    let file = b.write("bad.json", serde_json::to_vec_pretty(&doc).unwrap());
    let files = names_in(b.dir.path());
    let r = b.run(&["import", file.to_str().unwrap()]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(
        r.stderr()
            .contains(&format!("projects[{last}].milestones[0].id: duplicate")),
        "{}",
        r.stderr()
    );
    assert_eq!(names_in(b.dir.path()), files, "files were left behind");
}

/// JSON does not order an object's keys: a file written by another tool
/// may give its projects before the groups they name. It imports to the
/// same plan, and a dangling reference in it is still named at its place.
#[test]
fn projects_before_their_groups_import_the_same_plan() {
    let a = Sandbox::with_plan();
    let plan = a.export_json();
    let doc: serde_json::Value = serde_json::from_str(&plan).unwrap();
    let obj = doc.as_object().unwrap();
    let mut reordered = String::from("{\"projects\": ");
    reordered.push_str(&obj["projects"].to_string());
    for (k, v) in obj.iter().filter(|(k, _)| *k != "projects") {
        reordered.push_str(&format!(", {}: {v}", serde_json::to_string(k).unwrap()));
    }
    reordered.push('}');
    let b = Sandbox::new();
    std::fs::remove_file(&b.db).ok();
    let file = b.write("reordered.json", &reordered);
    b.ok(&["import", file.to_str().unwrap()]);
    assert_eq!(b.export_json(), plan);

    let dangling = reordered.replacen("\"direction\":1", "\"direction\":77", 1);
    assert_ne!(dangling, reordered, "the first project names direction 1");
    let c = Sandbox::new();
    std::fs::remove_file(&c.db).ok();
    let files = names_in(c.dir.path());
    let file = c.write("dangling.json", &dangling);
    let r = c.run(&["import", file.to_str().unwrap()]);
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(
        r.stderr().contains("projects[0].direction"),
        "{}",
        r.stderr()
    );
    let mut left = names_in(c.dir.path());
    left.retain(|n| n != "dangling.json");
    let mut before = files;
    before.retain(|n| n != "dangling.json");
    assert_eq!(left, before, "files were left behind");
}

/// `import <(unzip -p plan.zip)` reads a pipe, which cannot be opened
/// twice: a bad file through it is named in one careful reading, rather
/// than the import waiting forever for a writer to open it again.
#[test]
fn a_bad_file_through_a_pipe_is_named_without_waiting() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    let plan = sb.export_json();
    let bad = plan.replacen("\"title\"", "\"titel\"", 3);
    let fifo = sb.path("plan.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(&fifo, bad.as_bytes()))
    };
    let mut child = sb
        .cmd()
        .args(["import", "--replace"])
        .arg(&fifo)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run plan-cockpit");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while child.try_wait().expect("wait").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("the import waited on the pipe");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let r = Run(child.wait_with_output().expect("output"));
    writer.join().unwrap().expect("the pipe written");
    assert_eq!(r.code(), 2, "{}", r.stderr());
    assert!(r.stderr().contains("titel"), "{}", r.stderr());
    assert!(r.stderr().contains("line "), "{}", r.stderr());
    assert_eq!(sb.export_json(), plan);
}

/// An import into a new file killed half-way (Ctrl-C, a dropped SSH
/// session) leaves nothing under the plan's name: the next command must not
/// take a half-made file for an empty plan and fill it with the 2023 plan.
/// The next import clears what the killed one left beside it.
#[test]
fn an_import_killed_half_way_leaves_no_plan_under_its_name() {
    let a = Sandbox::new();
    let plan = generated(&a);
    let b = Sandbox::new();
    let file = b.write("plan.json", &plan);
    let writing = |sb: &Sandbox| {
        names_in(sb.dir.path())
            .into_iter()
            .filter(|n| n.starts_with(".plan.db.writing-"))
            .collect::<Vec<_>>()
    };
    let mut child = b
        .cmd()
        .arg("import")
        .arg(&file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run plan-cockpit");
    // Killed as soon as the plan's file is being written.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while writing(&b).is_empty() {
        assert!(std::time::Instant::now() < deadline, "no file was written");
        assert!(
            child.try_wait().expect("wait").is_none(),
            "the import ended before it could be killed"
        );
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    child.kill().expect("kill");
    child.wait().expect("wait");
    assert!(!b.db.exists(), "a file under the plan's name");
    assert!(!writing(&b).is_empty(), "the killed import's file");

    b.ok(&["import", file.to_str().unwrap()]);
    assert_eq!(b.export_json(), plan);
    assert_eq!(writing(&b), Vec::<String>::new(), "left beside the plan");
}

/// A folder the planner cannot write: the new plan cannot be made, and the
/// message names the plan's own file, not the hidden name it would have
/// been written under.
#[test]
fn a_plan_that_cannot_be_created_is_named_by_its_own_name() {
    use std::os::unix::fs::PermissionsExt;
    if !rustix::process::geteuid().is_root() {
        eprintln!("not run: needs root to act as a second user (CI runs as root)");
        return;
    }
    let sb = Sandbox::new();
    let dir = sb.dir.path();
    let plan = sb.write("plan.json", Sandbox::with_plan().export_json());
    let bin = dir.join("plan-cockpit");
    common::copy_bin(&bin);
    for p in [&plan, &bin] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(&bin)
        .arg("--db")
        .arg(&sb.db)
        .arg("import")
        .arg(&plan)
        .env("LANG", "C.UTF-8")
        .env("XDG_STATE_HOME", dir.join("state"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("{} does not hold a plan yet", sb.db.display())),
        "{err}"
    );
    assert!(!err.contains(".writing-"), "{err}");
    assert!(!sb.db.exists());
}
