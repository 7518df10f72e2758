//! The house's rules that the compiler does not check: only `store` names
//! the database drivers (rusqlite, postgres), so that every other folder
//! speaks to the plan through the store's own types and errors.

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Whether `line` names a driver crate: `rusqlite` anywhere, or a path
/// starting at `postgres::` (not our own `store::postgres::`).
fn names_a_driver(line: &str) -> bool {
    let code = line.split("//").next().unwrap_or("");
    if code.contains("rusqlite") {
        return true;
    }
    code.match_indices("postgres::").any(|(at, _)| {
        let before = &code[..at];
        !before.ends_with("::") && !before.ends_with(|c: char| c.is_alphanumeric() || c == '_')
    })
}

#[test]
fn only_the_store_names_a_database_driver() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    let store = root.join("store");
    let mut found = Vec::new();
    for f in files.iter().filter(|f| !f.starts_with(&store)) {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            if names_a_driver(line) && !f.ends_with("house_tests.rs") {
                found.push(format!("{}:{}: {line}", f.display(), n + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "drivers named outside store/:\n{}",
        found.join("\n")
    );
}

#[test]
fn a_driver_is_told_from_our_own_module_of_its_name() {
    assert!(names_a_driver("use rusqlite::Connection;"));
    assert!(names_a_driver("fn f(e: &postgres::Error) {}"));
    assert!(!names_a_driver(
        "use crate::store::postgres::{Server, is_server};"
    ));
    assert!(!names_a_driver("store::postgres::password_in_string(db)"));
    assert!(!names_a_driver("// rusqlite in a comment"));
}
