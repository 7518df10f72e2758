//! The house's rules that the compiler does not check: only `store` names
//! the database drivers (rusqlite, postgres), so that every other folder
//! speaks to the plan through the store's own types and errors; and inside
//! `store`, a name comes from the file that defines it, never back through
//! the folder's face (mod.rs), so no import runs back up.

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

/// Whether `line` of a file inside `store/` takes a name through the
/// store's face (`store/mod.rs`) instead of from the file that defines it:
/// `crate::store::Store`, `crate::store::{…}`, or, in a file beside
/// mod.rs, `super::Store`.
fn through_the_face(line: &str, beside_mod: bool) -> bool {
    let code = line.split("//").next().unwrap_or("");
    let after = |prefix: &str| {
        code.match_indices(prefix).any(|(at, _)| {
            let rest = &code[at + prefix.len()..];
            let group = rest
                .strip_prefix('{')
                .map(|g| g.split('}').next().unwrap_or(""));
            match group {
                // A group of names: a type among them (a module is lower case).
                Some(g) => g
                    .split(',')
                    .any(|n| n.trim().starts_with(|c: char| c.is_ascii_uppercase())),
                None => rest.starts_with(|c: char| c.is_ascii_uppercase()),
            }
        })
    };
    after("crate::store::") || (beside_mod && after("use super::"))
}

#[test]
fn inside_the_store_a_name_comes_from_its_own_file() {
    let store = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store");
    let mut files = Vec::new();
    sources(&store, &mut files);
    let mut found = Vec::new();
    for f in files.iter().filter(|f| !f.ends_with("store/mod.rs")) {
        let beside_mod = f.parent() == Some(store.as_path());
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            if through_the_face(line, beside_mod) {
                found.push(format!("{}:{}: {line}", f.display(), n + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "names taken through store/mod.rs (import them from their own file):\n{}",
        found.join("\n")
    );
    assert!(through_the_face(
        "use crate::store::{Access, Store};",
        false
    ));
    assert!(through_the_face("use super::Store;", true));
    assert!(!through_the_face("use super::handle::Store;", true));
    assert!(!through_the_face("use super::Server;", false));
    assert!(!through_the_face("use super::{postgres, sqlite};", true));
}
