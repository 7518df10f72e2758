//! The plan last opened in the cockpit, per store of many plans (a folder,
//! a server's database): the cockpit started there without `--plan` opens
//! it again rather than asking. Commands never use it — a script names its
//! plan, so a planner's last click can never move a script's writes.
//!
//! Kept in `$XDG_STATE_HOME/plan-cockpit/last-plans`, a line per store
//! (`store<TAB>identity`), private to the user, rewritten whole by rename.

use crate::store::{self, Location};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::PathBuf;

/// At most this many stores are remembered, the latest first.
const KEPT: usize = 50;

fn file() -> Option<PathBuf> {
    crate::files::xdg_base("XDG_STATE_HOME", ".local/state")
        .map(|b| b.join("plan-cockpit").join("last-plans"))
}

/// How a store is named here: a folder by its full path, a server by its
/// hosts, database and role (never its password).
pub fn store_key(given: &Location) -> Option<String> {
    match given {
        Location::Server(db) => Some(store::postgres::name_of_string(db)),
        Location::File(dir) if store::is_plan_folder(dir) => std::fs::canonicalize(dir)
            .ok()
            .map(|p| p.to_string_lossy().into_owned()),
        Location::File(_) => None,
    }
}

fn lines() -> Vec<(String, String)> {
    file()
        .and_then(|f| std::fs::read_to_string(f).ok())
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .filter(|(_, id)| id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(|(k, id)| (k.to_owned(), id.to_owned()))
        .collect()
}

/// The identity of the plan last opened in this store.
pub fn remembered(key: &str) -> Option<String> {
    lines()
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, id)| id)
}

/// Remembers `identity` as the plan last opened in `key`. Best effort: a
/// state folder that cannot be written only means the next start asks.
pub fn remember(key: &str, identity: &str) {
    let Some(path) = file() else { return };
    if key.contains(['\t', '\n']) || identity.is_empty() {
        return;
    }
    let mut all = lines();
    all.retain(|(k, _)| k != key);
    all.insert(0, (key.to_owned(), identity.to_owned()));
    all.truncate(KEPT);
    let Some(folder) = path.parent() else { return };
    if std::fs::create_dir_all(folder).is_err() {
        return;
    }
    let tmp = folder.join(format!(".last-plans-{}", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)
        .and_then(|mut f| {
            for (k, id) in &all {
                writeln!(f, "{k}\t{id}")?;
            }
            f.sync_all()
        });
    if written.is_ok() {
        let _ = std::fs::rename(&tmp, &path);
    } else {
        let _ = std::fs::remove_file(&tmp);
    }
}
