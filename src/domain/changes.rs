//! 本周进展's rows: the history's changes of a period as a planner reads
//! them, one row per save, grouped by item.

use super::report::ChangeLine;

/// One row of 本周进展: what one person saved on one item at once (a
/// reading and the note saved with it), each field's change in order.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeRow {
    pub at: String,
    pub author: String,
    pub place: String,
    /// (field, old, new), as the history keeps them.
    pub parts: Vec<(String, Option<String>, Option<String>)>,
}

/// The period's changes (oldest first) as rows: the history rows of one
/// save (same instant, person and place) on one row, and the rows grouped
/// by item, the items in the order of their first change.
pub fn change_rows(lines: Vec<ChangeLine>) -> Vec<ChangeRow> {
    let mut rows: Vec<ChangeRow> = Vec::new();
    let mut order: Vec<String> = Vec::new();
    for c in lines {
        let part = (c.field, c.old, c.new);
        match rows.last_mut() {
            Some(r) if r.at == c.at && r.author == c.author && r.place == c.place => {
                r.parts.push(part);
            }
            _ => {
                if !order.contains(&c.place) {
                    order.push(c.place.clone());
                }
                rows.push(ChangeRow {
                    at: c.at,
                    author: c.author,
                    place: c.place,
                    parts: vec![part],
                });
            }
        }
    }
    // Stable: each item's rows keep their time order.
    rows.sort_by_key(|r| order.iter().position(|p| *p == r.place));
    rows
}
