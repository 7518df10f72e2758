//! Search in the file: FTS5 trigram tables over names, titles and note
//! bodies (and the pinyin of names and titles). Three characters and more
//! are an FTS phrase; one or two expand, through each index's vocabulary,
//! to the trigrams that begin with them (see `starting_with`).

use super::engine::FileEngine;
use crate::domain::rows::{Hit, HitKind, NOTE_QUERY_MIN};
use crate::store::error::{Error, Result};
use crate::store::hits::{gather, hit};
use crate::store::sql::{self, args};

impl FileEngine {
    /// `Store::search` on the file.
    pub(in crate::store) fn search_file(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        let q = query.trim();
        if q.is_empty() {
            return Ok(Vec::new());
        }
        let chars = q.chars().count();
        // Latin letters also search the pinyin of names and titles (one
        // letter would match nearly everything).
        let pinyin = crate::domain::pinyin::as_pinyin(q).filter(|p| p.len() >= 2);
        let mut hits: Vec<Hit> = Vec::new();
        let mut asks = vec![
            (
                HitKind::Project,
                "project_text",
                "project_terms",
                q.to_owned(),
            ),
            (
                HitKind::Milestone,
                "milestone_text",
                "milestone_terms",
                q.to_owned(),
            ),
            (HitKind::Note, "note_text", "note_terms", q.to_owned()),
        ];
        if let Some(p) = pinyin {
            asks.insert(
                1,
                (
                    HitKind::Project,
                    "project_pinyin",
                    "project_pinyin_terms",
                    p.clone(),
                ),
            );
            asks.insert(
                3,
                (
                    HitKind::Milestone,
                    "milestone_pinyin",
                    "milestone_pinyin_terms",
                    p,
                ),
            );
        }
        for (kind, index, terms, q) in asks {
            let q = q.as_str();
            let room = limit.saturating_sub(hits.len());
            if room == 0 || (kind == HitKind::Note && chars < NOTE_QUERY_MIN) {
                continue;
            }
            let matching = if q.chars().count() < 3 {
                match self.starting_with(terms, q)? {
                    Some(m) => m,
                    None => continue,
                }
            } else {
                fts_string(q)
            };
            let sql = match kind {
                HitKind::Project => format!(
                    "SELECT 0, d.id, p.id, NULL, NULL, d.name, p.name, NULL, p.name
                     FROM {index} t JOIN project p ON p.id = t.rowid
                     JOIN direction d ON d.id = p.direction_id
                     WHERE {index} MATCH ?1 ORDER BY t.rowid LIMIT ?2"
                ),
                HitKind::Milestone => format!(
                    "SELECT 1, d.id, p.id, m.id, NULL, d.name, p.name, m.title, m.title
                     FROM {index} t JOIN milestone m ON m.id = t.rowid
                     JOIN project p ON p.id = m.project_id
                     JOIN direction d ON d.id = p.direction_id
                     WHERE {index} MATCH ?1 ORDER BY t.rowid LIMIT ?2"
                ),
                HitKind::Note => format!(
                    "SELECT 2, d.id, p.id, m.id, n.id, d.name, p.name, m.title, n.body
                     FROM {index} t JOIN note n ON n.id = t.rowid
                     LEFT JOIN milestone m ON m.id = n.milestone_id
                     JOIN project p ON p.id = coalesce(n.project_id, m.project_id)
                     JOIN direction d ON d.id = p.direction_id
                     WHERE {index} MATCH ?1 ORDER BY t.rowid DESC LIMIT ?2"
                ),
            };
            let found = sql::rows(
                &self.conn,
                "searching",
                &sql,
                args![matching.as_str(), i64::try_from(room).unwrap_or(i64::MAX)],
                hit,
            )?;
            let by_pinyin = index.ends_with("_pinyin").then_some(q);
            gather(&mut hits, found, by_pinyin);
        }
        // Exact and prefix matches first, by text or pinyin; each rank in
        // the order found (kind, then plan order).
        hits.sort_by_cached_key(|h| crate::domain::pinyin::rank(query, &h.text));
        Ok(hits)
    }

    /// An FTS query for text containing the one- or two-character `q`:
    /// any of the index's trigrams that begin with it (every such
    /// substring begins one, thanks to the two `U+0001` after each text).
    /// `None` when no text contains it.
    fn starting_with(&self, terms: &str, q: &str) -> Result<Option<String>> {
        let low = q.to_lowercase();
        let high = format!("{low}{}", char::MAX);
        let found: Vec<String> = self
            .conn
            .prepare_cached(&format!(
                "SELECT term FROM {terms} WHERE term >= ?1 AND term < ?2 LIMIT {MAX_TERMS}"
            ))
            .and_then(|mut st| st.query_map([&low, &high], |r| r.get(0))?.collect())
            .map_err(Error::sql("searching"))?;
        if found.is_empty() {
            return Ok(None);
        }
        Ok(Some(
            found
                .iter()
                .map(|t| fts_string(t))
                .collect::<Vec<_>>()
                .join(" OR "),
        ))
    }
}

/// Trigrams a short query may expand to; beyond this the query is too
/// common to be worth listing everything it is part of.
const MAX_TERMS: usize = 5000;

/// `text` as one FTS5 string: a phrase, which for the trigram tokenizer
/// means "contains this substring".
fn fts_string(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}
