//! A search hit as both engines read it, and the rule that lists a row
//! once: the search statements differ by engine (FTS5 on the file,
//! pg_trgm on a server), the rows they return do not.

use super::error::Result;
use super::sql::Cells;
use crate::domain::rows::{Hit, HitKind};

/// A search hit: (kind, direction id, project id, milestone id, note id,
/// direction, project, milestone title, the text matched).
pub(super) fn hit(r: &dyn Cells) -> Result<Hit> {
    let kind = match r.int(0)? {
        0 => HitKind::Project,
        1 => HitKind::Milestone,
        _ => HitKind::Note,
    };
    let d = r.text(5)?;
    let p = r.text(6)?;
    let path = match (&kind, r.opt_text(7)?) {
        (HitKind::Project, _) | (_, None) => format!("{d} › {p}"),
        (_, Some(m)) => format!("{d} › {p} › {m}"),
    };
    Ok(Hit {
        kind,
        direction_id: r.int(1)?,
        project_id: r.int(2)?,
        milestone_id: r.opt_int(3)?,
        note_id: r.opt_int(4)?,
        path,
        text: r.text(8)?,
    })
}

/// Adds `found` to `hits`: a row already listed (a title found by its
/// characters, then by its pinyin) is not listed again, and a pinyin hit
/// must still match the text as it is now (another program may have
/// renamed it since its key was made).
pub(super) fn gather(hits: &mut Vec<Hit>, found: Vec<Hit>, by_pinyin: Option<&str>) {
    for h in found {
        let stale = by_pinyin.is_some_and(|q| !crate::domain::pinyin::key(&h.text).contains(q));
        if !stale && !hits.iter().any(|o| o.kind == h.kind && same_row(o, &h)) {
            hits.push(h);
        }
    }
}

fn same_row(a: &Hit, b: &Hit) -> bool {
    match a.kind {
        HitKind::Project => a.project_id == b.project_id,
        HitKind::Milestone => a.milestone_id == b.milestone_id,
        HitKind::Note => a.note_id == b.note_id,
    }
}
