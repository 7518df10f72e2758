//! The audit trail: every change, who made it, when, from what to what.
//! Always written inside the transaction that makes the change.

use super::error::Result;
use super::sql::{Db, args};

pub struct Change<'a> {
    pub entity: &'a str,
    pub entity_id: i64,
    pub field: &'a str,
    pub old: Option<String>,
    pub new: Option<String>,
}

pub fn record(db: &dyn Db, at: &str, author: &str, c: Change<'_>) -> Result<()> {
    db.exec(
        "writing history",
        "INSERT INTO history (at, author, entity, entity_id, field, old, new)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        args![at, author, c.entity, c.entity_id, c.field, &c.old, &c.new],
    )?;
    Ok(())
}
