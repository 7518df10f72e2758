//! `PLAN_COCKPIT_LOG` (issue 28): what was done and how long it took, in a
//! file of the state folder and never on the terminal; a value naming no
//! level is said and nothing is logged.

use crate::common::Sandbox;
use std::os::unix::fs::PermissionsExt;

#[test]
fn the_log_goes_to_the_state_folder_never_to_the_terminal() {
    let sb = Sandbox::with_plan();
    let log = sb.path("state/plan-cockpit/plan-cockpit.log");
    let out = sb
        .cmd()
        .env("PLAN_COCKPIT_LOG", "debug")
        .args(["milestone", "list"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "",
        "nothing on the terminal"
    );
    let text = std::fs::read_to_string(&log).expect("the log file");
    assert!(text.contains("started"), "{text}");
    assert!(text.contains("opened") && text.contains("ms="), "{text}");
    let mode = std::fs::metadata(&log).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "private to the user");
    // A refusal is logged with its exit code.
    let out = sb
        .cmd()
        .env("PLAN_COCKPIT_LOG", "info")
        .args(["milestone", "set", "999999", "--current", "1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(
        text.contains("refused") && text.contains("code=2"),
        "{text}"
    );
}

#[test]
fn a_log_level_that_is_none_is_said_and_nothing_is_logged() {
    let sb = Sandbox::with_plan();
    let out = sb
        .cmd()
        .env("PLAN_COCKPIT_LOG", "verbose\u{1b}[31m")
        .args(["--lang", "zh", "milestone", "list"])
        .output()
        .unwrap();
    assert!(out.status.success(), "the program runs as usual");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("不是日志级别"), "{err}");
    assert!(
        !err.contains('\u{1b}'),
        "the garbage is shown, not obeyed: {err}"
    );
    assert!(!sb.path("state/plan-cockpit/plan-cockpit.log").exists());
}
