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

/// The package scripts/release makes: what Cargo.toml tells cargo-deb to
/// put where, and that the script makes every generated file it names.
#[test]
fn the_package_holds_the_binary_completions_manual_and_guides() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest: toml::Table = std::fs::read_to_string(root.join("Cargo.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let assets = manifest["package"]["metadata"]["deb"]["assets"]
        .as_array()
        .expect("package.metadata.deb.assets");
    let installed: Vec<(String, String)> = assets
        .iter()
        .map(|a| {
            let a = a.as_array().unwrap();
            (
                a[0].as_str().unwrap().to_owned(),
                a[1].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let dests: Vec<&str> = installed.iter().map(|(_, d)| d.as_str()).collect();
    for wanted in [
        "usr/bin/",
        "usr/share/bash-completion/completions/plan-cockpit",
        "usr/share/zsh/vendor-completions/_plan-cockpit",
        "usr/share/fish/vendor_completions.d/plan-cockpit.fish",
        "usr/share/man/man1/plan-cockpit.1.gz",
        "usr/share/doc/plan-cockpit/README.md",
        "usr/share/doc/plan-cockpit/zh-CN.md",
    ] {
        assert!(
            dests.contains(&wanted),
            "the package lacks {wanted}: {dests:?}"
        );
    }
    let script = std::fs::read_to_string(root.join("scripts/release")).unwrap();
    for (source, _) in &installed {
        match source.strip_prefix("target/assets/") {
            Some(name) => assert!(
                script.contains(&format!("$ASSETS/{name}")),
                "scripts/release does not make {source}"
            ),
            None if source.starts_with("target/") => {}
            None => assert!(
                root.join(source).is_file(),
                "{source} is not in the repository"
            ),
        }
    }
    // What the script asks the binary for, the binary gives.
    let sb = crate::common::Sandbox::new();
    for shell in ["bash", "zsh", "fish"] {
        let out = sb.ok(&["completions", shell]);
        assert!(
            out.contains("milestone"),
            "{shell} completions name no command"
        );
    }
    assert!(sb.ok(&["man"]).starts_with(".ie"), "a roff page");
}
