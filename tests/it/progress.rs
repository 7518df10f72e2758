//! A long command's progress line (issue 28): on the planner's terminal
//! while it works, gone when it ends; not one byte of it when stderr is a
//! pipe or a file, and none beside output drawn on the same terminal.

use crate::common::Sandbox;
use crate::common::pty::Session;

const GENERATE: &[&str] = &[
    "generate",
    "--projects",
    "1000",
    "--milestones",
    "20000",
    "--notes",
    "20000",
];

#[test]
fn a_long_command_shows_its_progress_on_a_terminal_and_clears_it() {
    let sb = Sandbox::new();
    let mut s = Session::command(&sb, &[("LANG", "zh_CN.UTF-8")], GENERATE);
    assert!(s.wait_exit().success(), "{}", s.text());
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    assert!(raw.contains("正在写入计划"), "no progress drawn:\n{raw}");
    assert!(raw.contains("个项目"), "nothing counted:\n{raw}");
    // The line is cleared: the screen ends with the result alone.
    let screen = s.text();
    assert!(screen.contains("已把 生成的计划"), "{screen}");
    assert!(
        !screen.contains("正在写入计划"),
        "progress left behind:\n{screen}"
    );
}

#[test]
fn nothing_when_stderr_is_not_a_terminal() {
    let sb = Sandbox::new();
    let out = sb
        .cmd()
        .env("LANG", "zh_CN.UTF-8")
        .args(GENERATE)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "stderr is a pipe");
    let out = sb
        .cmd()
        .args(["export", "--format", "csv", "-o"])
        .arg(sb.path("plan.csv"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn none_beside_output_on_the_same_terminal() {
    let sb = Sandbox::new();
    sb.ok(&[
        "generate",
        "--projects",
        "300",
        "--milestones",
        "3000",
        "--notes",
        "0",
    ]);
    let mut s = Session::command(
        &sb,
        &[("LANG", "zh_CN.UTF-8")],
        &["export", "--format", "json"],
    );
    assert!(s.wait_exit().success());
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    assert!(raw.contains("\"milestones\""), "the export itself");
    assert!(!raw.contains("正在生成"), "progress drawn over the export");
    // To a file, a large export shows its progress.
    let sb = Sandbox::new();
    sb.ok(GENERATE);
    let out = sb.path("plan.json");
    let mut s = Session::command(
        &sb,
        &[("LANG", "zh_CN.UTF-8")],
        &["export", "--format", "json", "-o", out.to_str().unwrap()],
    );
    assert!(s.wait_exit().success());
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    assert!(raw.contains("正在生成导出文件"), "{raw}");
}
