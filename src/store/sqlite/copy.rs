//! A whole plan in and out of the SQLite file, table by table, row for row
//! (`migrate`): ids, versions, history, readings, drafts and the plan's
//! identity as they are, which an export and import would renumber or
//! leave behind. The PostgreSQL side is `postgres/copy.rs`.

use super::engine::FileEngine;
use crate::store::engine::Bulk;
use crate::store::error::{Error, Misfit, Result};
use crate::store::lineage;
use crate::store::tables::{Kind, TABLES, Table, Value};
use crate::store::transfer::{Batch, Outbox, Tally};
use rusqlite::types::ValueRef;

/// One value of `table`'s column `i`, as its declared kind says: SQLite
/// lets any value sit in any column, PostgreSQL does not, so a value of
/// another kind (text in a number's column, a blob) is named rather than
/// converted.
fn value(table: &Table, row: &rusqlite::Row<'_>, i: usize) -> std::result::Result<Value, Misfit> {
    let (_, kind) = table.columns[i];
    let v = row.get_ref(i).map_err(|_| Misfit::Blob)?;
    Ok(match (kind, v) {
        (_, ValueRef::Null) => Value::Null,
        (Kind::Int, ValueRef::Integer(n)) => Value::Int(n),
        (Kind::Real, ValueRef::Real(r)) => Value::Real(r),
        // REAL affinity stores whole numbers as reals, but a value written
        // through another column type (or by hand) may be an integer.
        (Kind::Real, ValueRef::Integer(n)) if n.unsigned_abs() < (1 << 53) => Value::Real(n as f64),
        (Kind::Text, ValueRef::Text(t)) => {
            Value::Text(String::from_utf8(t.to_vec()).map_err(|_| Misfit::NotUtf8)?)
        }
        (_, ValueRef::Blob(_)) => return Err(Misfit::Blob),
        (expected, _) => return Err(Misfit::Kind { expected }),
    })
}

/// Reads every row of the plan's tables in key order, a batch at a time.
fn read_rows(conn: &rusqlite::Connection, send: &mut dyn FnMut(Batch) -> bool) -> Result<Tally> {
    let mut out = Outbox::new(send);
    for table in TABLES {
        if !out.table(table) {
            return Ok(out.tally);
        }
        let sql = format!(
            "SELECT {} FROM {} ORDER BY {}",
            table.column_list(),
            table.name,
            table.key
        );
        let fail = |e| Error::sql(format!("reading {}", table.name))(e);
        let mut stmt = conn.prepare(&sql).map_err(fail)?;
        let mut rows = stmt.query([]).map_err(fail)?;
        while let Some(row) = rows.next().map_err(fail)? {
            let mut values = Vec::with_capacity(table.columns.len());
            for i in 0..table.columns.len() {
                match value(table, row, i) {
                    Ok(v) => values.push(v),
                    Err(why) => {
                        // Named by its key: read what came before it.
                        let mut key = values;
                        key.resize(table.columns.len(), Value::Null);
                        for (j, slot) in key.iter_mut().enumerate().skip(i) {
                            *slot = value(table, row, j).unwrap_or(Value::Null);
                        }
                        return Err(Error::Unfit {
                            table: table.name,
                            key: table.key_of(&key),
                            column: table.columns[i].0,
                            why,
                        });
                    }
                }
            }
            if !out.row(values) {
                return Ok(out.tally);
            }
        }
    }
    out.flush();
    Ok(out.tally)
}

fn bind(v: &Value) -> rusqlite::types::ToSqlOutput<'_> {
    use rusqlite::types::ToSqlOutput::Borrowed;
    match v {
        Value::Null => Borrowed(ValueRef::Null),
        Value::Int(i) => Borrowed(ValueRef::Integer(*i)),
        Value::Real(r) => Borrowed(ValueRef::Real(*r)),
        Value::Text(t) => Borrowed(ValueRef::Text(t.as_bytes())),
    }
}

impl FileEngine {
    /// Every row of the plan, in one read transaction: a commit by another
    /// planner during the read is wholly in it or wholly out.
    pub(super) fn read_all(&self, send: &mut dyn FnMut(Batch) -> bool) -> Result<Tally> {
        let tx = self
            .conn
            .unchecked_transaction()
            .map_err(Error::sql("starting to read the plan"))?;
        let tally = read_rows(&tx, send)?;
        drop(tx);
        Ok(tally)
    }

    /// Writes a whole plan from `rows` in one transaction (over the one the
    /// file holds when `had_plan`; the store has checked it may), then reads back
    /// what it wrote and commits only if that equals `sent()`, the tally
    /// of the reading side. Over a plan that was there, ids and versions
    /// stay above all it gave out and the plan gets a new identity.
    pub(super) fn write_all(
        &mut self,
        rows: &mut dyn Iterator<Item = Batch>,
        had_plan: bool,
        sent: &mut dyn FnMut() -> Result<Tally>,
        by: &Bulk<'_>,
    ) -> Result<Tally> {
        let (now, author) = (by.now, by.author);
        self.tune_for_bulk(true);
        let journal_set_aside = !had_plan && self.set_journal_mode("DELETE");
        let written = self.write_tx("the copy", by.seen, |tx| {
            let triggers = super::bulk_load::begin(tx).map_err(Error::sql("starting the copy"))?;
            let marks: Vec<(String, i64)> = tx
                .prepare("SELECT name, value FROM counter")
                .and_then(|mut s| {
                    s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                        .collect::<rusqlite::Result<_>>()
                })
                .map_err(Error::sql("reading the counters"))?;
            for table in TABLES.iter().rev() {
                tx.execute(&format!("DELETE FROM {}", table.name), [])
                    .map_err(|e| Error::sql(format!("clearing {}", table.name))(e))?;
            }
            let mut insert: Option<rusqlite::Statement<'_>> = None;
            for batch in &mut *rows {
                match batch {
                    Batch::Table(table) => {
                        let marks = vec!["?"; table.columns.len()].join(", ");
                        let sql = format!(
                            "INSERT INTO {} ({}) VALUES ({marks})",
                            table.name,
                            table.column_list()
                        );
                        insert = Some(
                            tx.prepare(&sql)
                                .map_err(|e| Error::sql(format!("copying {}", table.name))(e))?,
                        );
                    }
                    Batch::Rows(batch) => {
                        let Some(stmt) = insert.as_mut() else {
                            return Err(Error::Internal("rows before their table".into()));
                        };
                        for row in &batch {
                            stmt.execute(rusqlite::params_from_iter(row.iter().map(bind)))
                                .map_err(Error::sql("copying rows"))?;
                        }
                    }
                }
            }
            drop(insert);
            let written = read_rows(tx, &mut |_| true)?;
            let sent = sent()?;
            if written != sent {
                return Err(Error::CopyDiffers {
                    sent: sent.digest(),
                    written: written.digest(),
                });
            }
            let broken: Option<String> = tx
                .query_row(
                    "SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1",
                    [],
                    |r| r.get(0),
                )
                .ok();
            if let Some(table) = broken {
                return Err(Error::Internal(format!(
                    "the copied plan has a row of {table} whose reference leads nowhere"
                )));
            }
            super::bulk_load::end(tx, triggers).map_err(Error::sql("indexing the copied plan"))?;
            for (name, value) in &marks {
                tx.execute(
                    "UPDATE counter SET value = max(value, ?2) WHERE name = ?1",
                    rusqlite::params![name, value],
                )
                .map_err(Error::sql("keeping ids and versions unused"))?;
            }
            if had_plan {
                // The copied history, baselines and drafts are the copied
                // plan's: they follow it to its new identity.
                let identity = lineage::new_identity();
                for table in ["history", "baseline", "draft"] {
                    tx.execute(
                        &format!(
                            "UPDATE {table} SET plan = ?1 WHERE plan = (SELECT identity FROM plan)"
                        ),
                        [&identity],
                    )
                    .map_err(Error::sql("naming the new plan"))?;
                }
                tx.execute(
                    "UPDATE plan SET identity = ?1, replaced_at = ?2, replaced_by = ?3",
                    rusqlite::params![identity, now, author],
                )
                .map_err(Error::sql("naming the new plan"))?;
            }
            Ok(written)
        });
        if journal_set_aside {
            self.set_journal_mode("WAL");
        }
        self.tune_for_bulk(false);
        if written.is_ok() {
            super::beside::mark_plan_beside(&self.path);
        }
        written
    }
}
