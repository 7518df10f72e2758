//! Where an output (`export -o`, `report -o`) may never land: on the open
//! plan, its journal or lock, or any other SQLite database (another plan, a
//! backup). A report renamed over `plan.db` would replace the plan with its
//! history, drafts and baselines, and exit 0.

use super::beside::sibling;
use super::pin;
use crate::files::Refusal;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// The files SQLite and plan-cockpit keep beside a database.
const BESIDE: [&str; 4] = ["-wal", "-shm", "-journal", ".lock"];

/// Refuses `dest` as an output when it is the plan at `db` (a file; a
/// server's name never matches) or a file beside it, a database this
/// process has open, or any SQLite database or journal.
pub fn refuse_as_output(dest: &Path, db: &Path) -> Result<(), Refusal> {
    let named = absolute(dest);
    if let Some(named) = &named
        && let Some(plan) = absolute(db)
        && (*named == plan || BESIDE.iter().any(|s| *named == sibling(&plan, s)))
    {
        return Err(Refusal::IsOpenPlan(db.to_owned()));
    }
    let Ok(m) = fs::symlink_metadata(dest) else {
        // Not there yet: the journal name of another database is still not
        // an output's name.
        return match journal_of(dest) {
            Some(of) => Err(Refusal::IsDatabase(of)),
            None => Ok(()),
        };
    };
    if !m.is_file() {
        return Ok(()); // check_destination names it
    }
    // Opening and closing a database this process holds would drop its
    // SQLite locks: a pinned file is known to be a database without a look.
    if pin::is_pinned(m.dev(), m.ino()) {
        return Err(Refusal::IsOpenPlan(dest.to_owned()));
    }
    if let Some(of) = journal_of(dest) {
        return Err(Refusal::IsDatabase(of));
    }
    let mut head = [0u8; 16];
    let read = fs::File::open(dest).and_then(|f| {
        use std::os::unix::fs::FileExt;
        f.read_at(&mut head, 0)
    });
    match read {
        Ok(16) if &head == b"SQLite format 3\0" => Err(Refusal::IsDatabase(dest.to_owned())),
        _ => Ok(()),
    }
}

/// The database `path` is the journal, WAL index or lock of, if it is one.
fn journal_of(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    BESIDE.iter().find_map(|s| {
        let stem = name.strip_suffix(s).filter(|t| !t.is_empty())?;
        let db = path.with_file_name(stem);
        db.is_file().then_some(db)
    })
}

/// `path` with its folder made absolute and resolved, so that `./plan.db`,
/// `plan.db` and `/srv/x/../x/plan.db` compare equal.
fn absolute(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let folder = fs::canonicalize(crate::files::folder_of(path)).ok()?;
    Some(folder.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_its_neighbours_and_any_database_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("plan.db");
        let mut sqlite = b"SQLite format 3\0".to_vec();
        sqlite.resize(100, 0);
        fs::write(&db, &sqlite).unwrap();
        let other = dir.path().join("other.sqlite");
        fs::write(&other, &sqlite).unwrap();
        let at = |n: &str| dir.path().join(n);
        assert!(matches!(
            refuse_as_output(&db, &db),
            Err(Refusal::IsOpenPlan(_))
        ));
        let dotted = dir.path().join(".").join("plan.db-wal");
        assert!(matches!(
            refuse_as_output(&dotted, &db),
            Err(Refusal::IsOpenPlan(_))
        ));
        assert!(matches!(
            refuse_as_output(&at("plan.db.lock"), &db),
            Err(Refusal::IsOpenPlan(_))
        ));
        assert!(matches!(
            refuse_as_output(&other, &db),
            Err(Refusal::IsDatabase(_))
        ));
        assert!(matches!(
            refuse_as_output(&at("other.sqlite-wal"), &db),
            Err(Refusal::IsDatabase(_))
        ));
        fs::write(at("report.md"), "# 报告").unwrap();
        assert_eq!(refuse_as_output(&at("report.md"), &db), Ok(()));
        assert_eq!(refuse_as_output(&at("new.docx"), &db), Ok(()));
        // A server's name is no file's name.
        assert_eq!(
            refuse_as_output(&at("new.docx"), Path::new("postgres://h/db")),
            Ok(())
        );
    }
}
