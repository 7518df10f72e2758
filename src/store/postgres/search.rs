//! Search on the server: the same hits, in the same order, as the file's
//! search, found through pg_trgm's GIN indexes (`ILIKE` on names, titles
//! and note bodies; `LIKE` on the pinyin keys).
//!
//! pg_trgm indexes three-character pieces: a query of three characters or
//! more is answered from the index (under a millisecond on the city
//! plan). One or two characters cannot use it, so those read the table in
//! id order and stop at the hit limit: quick for a common query, a full
//! read for a rare one (measured in the README). Every statement has a
//! LIMIT, so a query found in 200,000 notes costs no more than the first
//! screenful of them.

use crate::domain::rows::{Hit, HitKind, NOTE_QUERY_MIN};
use crate::store::error::Result;
use crate::store::sql::{self, Db, args};
use crate::store::view::{gather, hit};

/// `text` for LIKE, matching itself only (its `%`, `_` and `\` escaped).
fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

pub fn search(db: &dyn Db, query: &str, limit: usize) -> Result<Vec<Hit>> {
    let q = query.trim();
    if q.is_empty() {
        return Ok(Vec::new());
    }
    let chars = q.chars().count();
    let pinyin = crate::domain::pinyin::as_pinyin(q).filter(|p| p.len() >= 2);
    let mut asks = vec![
        (HitKind::Project, "p.name ILIKE ?1", q.to_owned(), false),
        (HitKind::Milestone, "m.title ILIKE ?1", q.to_owned(), false),
        (HitKind::Note, "n.body ILIKE ?1", q.to_owned(), false),
    ];
    if let Some(p) = pinyin {
        asks.insert(1, (HitKind::Project, "p.pinyin LIKE ?1", p.clone(), true));
        asks.insert(3, (HitKind::Milestone, "m.pinyin LIKE ?1", p, true));
    }
    let mut hits: Vec<Hit> = Vec::new();
    for (kind, matches, q, by_pinyin) in asks {
        let room = limit.saturating_sub(hits.len());
        if room == 0 || (kind == HitKind::Note && chars < NOTE_QUERY_MIN) {
            continue;
        }
        let sql = match kind {
            HitKind::Project => format!(
                "SELECT 0, d.id, p.id, NULL::bigint, NULL::bigint, d.name, p.name, NULL::text, p.name
                 FROM project p JOIN direction d ON d.id = p.direction_id
                 WHERE {matches} ORDER BY p.id LIMIT ?2"
            ),
            HitKind::Milestone => format!(
                "SELECT 1, d.id, p.id, m.id, NULL::bigint, d.name, p.name, m.title, m.title
                 FROM milestone m JOIN project p ON p.id = m.project_id
                 JOIN direction d ON d.id = p.direction_id
                 WHERE {matches} ORDER BY m.id LIMIT ?2"
            ),
            HitKind::Note => format!(
                "SELECT 2, d.id, p.id, m.id, n.id, d.name, p.name, m.title, n.body
                 FROM note n LEFT JOIN milestone m ON m.id = n.milestone_id
                 JOIN project p ON p.id = coalesce(n.project_id, m.project_id)
                 JOIN direction d ON d.id = p.direction_id
                 WHERE {matches} ORDER BY n.id DESC LIMIT ?2"
            ),
        };
        let pattern = literal(&q);
        let found = sql::rows_planned(
            db,
            "searching",
            &sql,
            args![pattern.as_str(), i64::try_from(room).unwrap_or(i64::MAX)],
            hit,
        )?;
        gather(&mut hits, found, by_pinyin.then_some(q.as_str()));
    }
    hits.sort_by_cached_key(|h| crate::domain::pinyin::rank(query, &h.text));
    Ok(hits)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_query_matches_its_own_wildcards_only() {
        assert_eq!(super::literal("50%_a\\b"), "%50\\%\\_a\\\\b%");
    }
}
