//! What a shell and `man` get (issue 28): completions that bash loads and
//! that complete a command, and a manual page that renders cleanly.

use crate::common::Sandbox;
use std::process::Command;

#[test]
fn bash_loads_the_completions_and_completes_a_command() {
    let sb = Sandbox::new();
    let script = sb.run(&["completions", "bash"]).stdout();
    assert!(script.contains("complete -F"), "{script}");
    let file = sb.write("plan-cockpit.bash", &script);
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source {}; COMP_WORDS=(plan-cockpit mil); COMP_CWORD=1; \
             _plan__cockpit plan-cockpit mil plan-cockpit; echo \"${{COMPREPLY[@]}}\"; \
             COMP_WORDS=(plan-cockpit plan ''); COMP_CWORD=2; \
             _plan__cockpit plan-cockpit '' plan; echo \"${{COMPREPLY[@]}}\"",
            file.display()
        ))
        .output()
        .expect("bash");
    let said = String::from_utf8_lossy(&out.stdout);
    let mut lines = said.lines();
    assert_eq!(lines.next(), Some("milestone"), "{said}");
    let plan = lines.next().unwrap_or_default();
    for sub in ["list", "new", "import", "template", "indicators"] {
        assert!(plan.split(' ').any(|w| w == sub), "plan {sub}: {plan}");
    }
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let r = sb.run(&["completions", shell]);
        assert_eq!(r.code(), 0, "{shell}: {}", r.stderr());
        assert!(r.stdout().contains("milestone"), "{shell}");
    }
    let r = sb.run(&["completions", "tcsh"]);
    assert_eq!(
        r.code(),
        2,
        "a shell it does not know is named: {}",
        r.stderr()
    );
}

#[test]
fn the_manual_page_renders_without_a_warning() {
    let sb = Sandbox::new();
    let page = sb.run(&["man"]).stdout();
    assert!(
        page.starts_with(".ie") || page.contains(".TH plan-cockpit 1"),
        "{page}"
    );
    let file = sb.write("plan-cockpit.1", &page);
    // groff with preconv (-k): the page holds Chinese; -ww: every warning.
    let Ok(out) = Command::new("groff")
        .args(["-k", "-man", "-Tutf8", "-ww", "-z"])
        .arg(&file)
        .output()
    else {
        eprintln!("groff is not installed: the manual page is not rendered here");
        return;
    };
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "groff warned");
    // Needs no plan and writes nothing.
    assert!(!sb.db.exists());
}
