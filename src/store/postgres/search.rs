//! Search on the server: the same hits, in the same order, as the file's
//! search, found through pg_trgm's GIN indexes (`ILIKE` on names, titles
//! and note bodies; `LIKE` on the pinyin keys).
//!
//! pg_trgm indexes three-character pieces: a query of three characters or
//! more is answered from its index. One or two characters cannot use it;
//! those look up the characters and pairs each text holds (`plan_chars`,
//! `plan_pairs`), then check the text itself. Every statement has a
//! LIMIT and is planned for its own pattern, so a phrase found in 200,000
//! notes is read newest first and stops at the first screenful, and an
//! absent one is a look in the index.

use crate::domain::rows::{Hit, HitKind, NOTE_QUERY_MIN};
use crate::store::error::Result;
use crate::store::hits::{gather, hit};
use crate::store::sql::{Db, args};

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
    // Up to two characters, the index of characters and pairs finds the
    // candidates (`?3`, the query lower-cased); ILIKE checks each.
    let short = |column: &str, grams: &str| match chars {
        1 | 2 => format!("{grams}({column}) @> ARRAY[?3] AND {column} ILIKE ?1"),
        _ => format!("{column} ILIKE ?1"),
    };
    let mut asks = vec![
        (
            HitKind::Project,
            short("p.name", "plan_chars"),
            q.to_owned(),
            false,
        ),
        (
            HitKind::Milestone,
            short("m.title", "plan_chars"),
            q.to_owned(),
            false,
        ),
        (
            HitKind::Note,
            short("n.body", "plan_pairs"),
            q.to_owned(),
            false,
        ),
    ];
    if let Some(p) = pinyin {
        asks.insert(
            1,
            (HitKind::Project, "p.pinyin LIKE ?1".into(), p.clone(), true),
        );
        asks.insert(3, (HitKind::Milestone, "m.pinyin LIKE ?1".into(), p, true));
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
        let lower = q.to_lowercase();
        let all = args![
            pattern.as_str(),
            i64::try_from(room).unwrap_or(i64::MAX),
            lower.as_str()
        ];
        // The lower-cased query only where the statement looks it up.
        let given = if sql.contains("?3") { all } else { &all[..2] };
        let mut found = Vec::new();
        db.each_planned("searching", &sql, given, &mut |r| {
            found.push(hit(r)?);
            Ok(())
        })?;
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
