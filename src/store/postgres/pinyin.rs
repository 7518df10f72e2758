//! Pinyin keys on the server: the program computes them
//! (`domain::pinyin::key`), as on the file. A trigger empties a row's key
//! when its name or title changes; every write then fills in the keys
//! that are missing, in its own transaction, found through a partial
//! index of the rows without one.

use crate::store::error::Result;
use crate::store::sql::{self, Db, args};

pub fn catch_up_pinyin(db: &dyn Db) -> Result<()> {
    for (table, column) in [("project", "name"), ("milestone", "title")] {
        let due = sql::rows(
            db,
            "finding names without a pinyin key",
            &format!("SELECT id, {column} FROM {table} WHERE pinyin IS NULL"),
            &[],
            |r| Ok((r.int(0)?, r.text(1)?)),
        )?;
        for (id, text) in due {
            let key = crate::domain::pinyin::key(&text);
            db.exec(
                "keeping a pinyin key",
                &format!("UPDATE {table} SET pinyin = ?2 WHERE id = ?1"),
                args![id, key.as_str()],
            )?;
        }
    }
    Ok(())
}
