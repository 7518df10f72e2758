//! A whole plan in and out of PostgreSQL, table by table (`migrate`):
//! read in one snapshot, written with COPY in one transaction that also
//! reads back what it wrote and compares it with what was sent, before it
//! commits.

use super::Server;
use crate::store::error::{Error, Misfit, Result};
use crate::store::tables::{Kind, TABLES, Table, Value};
use crate::store::transfer::{Batch, Outbox, Tally};
use postgres::GenericClient;
use std::io::Write;

/// The columns a table's COPY writes: its own, and the search key the
/// program computes for a project's name or a milestone's title.
fn pinyin_of(table: &Table) -> Option<usize> {
    let text = match table.name {
        "project" => "name",
        "milestone" => "title",
        _ => return None,
    };
    table.columns.iter().position(|(n, _)| *n == text)
}

fn order_by(table: &Table) -> String {
    // Text keys in byte order, as SQLite's BINARY collation orders them,
    // whatever the database's collation.
    table
        .key
        .split(", ")
        .map(|k| match table.columns.iter().find(|(n, _)| *n == k) {
            Some((_, Kind::Text)) => format!("{k} COLLATE \"C\""),
            _ => k.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads every row of the plan's tables, in key order, handing them to
/// `send` a batch at a time (false from `send`: stop), and tallies them.
fn read_rows(
    client: &mut impl GenericClient,
    send: &mut dyn FnMut(Batch) -> bool,
) -> std::result::Result<Tally, postgres::Error> {
    let mut out = Outbox::new(send);
    for table in TABLES {
        if !out.table(table) {
            return Ok(out.tally);
        }
        let sql = format!(
            "SELECT {} FROM {} ORDER BY {}",
            table.column_list(),
            table.name,
            order_by(table)
        );
        let none: [&(dyn postgres::types::ToSql + Sync); 0] = [];
        let mut rows = client.query_raw(&sql, none)?;
        while let Some(row) = postgres::fallible_iterator::FallibleIterator::next(&mut rows)? {
            let mut values = Vec::with_capacity(table.columns.len());
            for (i, (_, kind)) in table.columns.iter().enumerate() {
                values.push(match kind {
                    Kind::Int => row
                        .try_get::<_, Option<i64>>(i)?
                        .map_or(Value::Null, Value::Int),
                    Kind::Real => row
                        .try_get::<_, Option<f64>>(i)?
                        .map_or(Value::Null, Value::Real),
                    Kind::Text => row
                        .try_get::<_, Option<String>>(i)?
                        .map_or(Value::Null, Value::Text),
                });
            }
            if !out.row(values) {
                return Ok(out.tally);
            }
        }
    }
    out.flush();
    Ok(out.tally)
}

fn is_empty(client: &mut impl GenericClient) -> std::result::Result<bool, postgres::Error> {
    let any = TABLES
        .iter()
        .filter(|t| t.name != "counter")
        .map(|t| format!("(SELECT 1 FROM {} LIMIT 1)", t.name))
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    Ok(client
        .query_opt(&format!("SELECT 1 FROM ({any}) rows LIMIT 1"), &[])?
        .is_none())
}

/// One value in COPY's text format.
fn put(out: &mut Vec<u8>, value: &Value) -> std::result::Result<(), &'static str> {
    match value {
        Value::Null => out.extend_from_slice(b"\\N"),
        Value::Int(i) => write!(out, "{i}").expect("writing to a Vec"),
        Value::Real(r) if r.is_nan() => out.extend_from_slice(b"NaN"),
        Value::Real(r) if r.is_infinite() => {
            out.extend_from_slice(if *r > 0.0 { b"Infinity" } else { b"-Infinity" });
        }
        // Rust writes the shortest digits that read back to the same
        // double, and PostgreSQL reads them exactly.
        Value::Real(r) => write!(out, "{r}").expect("writing to a Vec"),
        Value::Text(t) => {
            if t.contains('\0') {
                return Err("NUL");
            }
            for b in t.bytes() {
                match b {
                    b'\\' => out.extend_from_slice(b"\\\\"),
                    b'\n' => out.extend_from_slice(b"\\n"),
                    b'\r' => out.extend_from_slice(b"\\r"),
                    b'\t' => out.extend_from_slice(b"\\t"),
                    b => out.push(b),
                }
            }
        }
    }
    Ok(())
}

impl Server {
    /// Every row of the plan, in one consistent snapshot: another planner's
    /// commit during the read is either wholly in it or wholly out.
    pub fn send_rows(&mut self, send: &mut dyn FnMut(Batch) -> bool) -> Result<Tally> {
        let named = self.named.clone();
        let fail = move |source| Error::pg(format!("reading the plan ({named})"), &source);
        let mut tx = self
            .client
            .get_mut()
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(&fail)?;
        let tally = read_rows(&mut tx, send).map_err(&fail)?;
        tx.commit().map_err(&fail)?;
        Ok(tally)
    }

    /// True when the database holds no row of a plan (no plan, no
    /// history, no drafts).
    pub fn is_empty(&mut self) -> Result<bool> {
        is_empty(self.client.get_mut()).map_err(self.fail("looking for a plan"))
    }

    /// How many rows each table holds, in `TABLES` order.
    pub fn row_counts(&mut self) -> Result<Vec<(&'static str, i64)>> {
        let mut out = Vec::new();
        for t in TABLES {
            let n: i64 = self
                .client
                .get_mut()
                .query_one(&format!("SELECT count(*) FROM {}", t.name), &[])
                .map_err(self.fail("counting rows"))?
                .get(0);
            out.push((t.name, n));
        }
        Ok(out)
    }

    /// Writes a whole plan from `rows` (a `Batch::Table` before each
    /// table's rows, in `TABLES` order) in one transaction, over whatever
    /// the database held when `replace` (else it must hold nothing). Reads
    /// back what it wrote and commits only if that equals `sent()`, the
    /// tally of the side that read the rows, asked once they are all in.
    ///
    /// Over a plan that was there, ids and versions stay above every one
    /// that plan gave out, and the plan gets a new identity: a cockpit
    /// still open on the old plan cannot save into a row of this one.
    pub fn take_rows(
        &mut self,
        rows: &mut dyn Iterator<Item = Batch>,
        replace: bool,
        sent: &mut dyn FnMut() -> Result<Tally>,
        by: &str,
        now: &str,
    ) -> Result<Tally> {
        let named = self.named.clone();
        let fail = |what: &'static str| {
            let named = named.clone();
            move |source| Error::pg(format!("{what} ({named})"), &source)
        };
        let mut tx = self
            .client
            .get_mut()
            .transaction()
            .map_err(fail("starting the copy"))?;
        tx.batch_execute(
            "SET LOCAL plan_cockpit.bulk = 'on';
             SET LOCAL maintenance_work_mem = '256MB';
             LOCK TABLE plan IN EXCLUSIVE MODE;",
        )
        .map_err(fail("starting the copy"))?;
        let marks: Vec<(String, i64)> = tx
            .query("SELECT name, value FROM counter", &[])
            .map_err(fail("reading the counters"))?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let had_plan = tx
            .query_opt("SELECT 1 FROM plan", &[])
            .map_err(fail("looking for a plan"))?
            .is_some();
        if !replace && (had_plan || !is_empty(&mut tx).map_err(fail("looking for a plan"))?) {
            return Err(Error::HoldsPlan {
                place: named.clone(),
            });
        }
        let names: Vec<&str> = TABLES.iter().map(|t| t.name).collect();
        tx.batch_execute(&format!(
            "TRUNCATE {}, project_rollup, milestone_trend",
            names.join(", ")
        ))
        .map_err(fail("emptying the database"))?;
        tx.batch_execute(super::schema::DROP_SEARCH_INDEXES)
            .map_err(fail("setting the search indexes aside"))?;
        let mut rows = rows.peekable();
        let mut line = Vec::with_capacity(4096);
        while let Some(batch) = rows.next() {
            let Batch::Table(table) = batch else {
                return Err(Error::Internal("rows before their table".into()));
            };
            let pinyin = pinyin_of(table);
            let mut columns = table.column_list();
            if pinyin.is_some() {
                columns.push_str(", pinyin");
            }
            let mut w = tx
                .copy_in(&format!("COPY {} ({columns}) FROM STDIN", table.name))
                .map_err(fail("copying rows"))?;
            while let Some(Batch::Rows(_)) = rows.peek() {
                let Some(Batch::Rows(batch)) = rows.next() else {
                    break;
                };
                for row in &batch {
                    line.clear();
                    for (i, value) in row.iter().enumerate() {
                        if i > 0 {
                            line.push(b'\t');
                        }
                        if put(&mut line, value).is_err() {
                            return Err(Error::Unfit {
                                table: table.name,
                                key: table.key_of(row),
                                column: table.columns[i].0,
                                why: Misfit::Nul,
                            });
                        }
                    }
                    if let Some(i) = pinyin {
                        line.push(b'\t');
                        let key = match &row[i] {
                            Value::Text(t) => crate::domain::pinyin::key(t),
                            _ => String::new(),
                        };
                        let _ = put(&mut line, &Value::Text(key));
                    }
                    line.push(b'\n');
                    w.write_all(&line)
                        .map_err(|e| Error::Internal(format!("copying {}: {e}", table.name)))?;
                }
            }
            w.finish().map_err(fail("copying rows"))?;
        }
        let written = read_rows(&mut tx, &mut |_| true).map_err(fail("reading back the copy"))?;
        let sent = sent()?;
        if written != sent {
            return Err(Error::CopyDiffers {
                sent: sent.digest(),
                written: written.digest(),
            });
        }
        tx.batch_execute(REBUILD)
            .map_err(fail("rebuilding the roll-ups"))?;
        // Memory for building the search indexes (the server's default
        // is 64 MB), then statistics, so that the first searches are
        // planned on what the tables now hold.
        tx.batch_execute("SET LOCAL maintenance_work_mem = '256MB'")
            .map_err(fail("building the search indexes"))?;
        tx.batch_execute(super::schema::SEARCH_INDEXES)
            .map_err(fail("building the search indexes"))?;
        tx.batch_execute("ANALYZE")
            .map_err(fail("gathering statistics"))?;
        for (name, value) in &marks {
            tx.execute(
                "UPDATE counter SET value = greatest(value, $2) WHERE name = $1",
                &[name, value],
            )
            .map_err(fail("keeping ids and versions unused"))?;
        }
        if had_plan {
            // The copied history, baselines and drafts are the copied
            // plan's: they follow it to its new identity.
            let identity = crate::store::lineage::new_identity();
            for table in ["history", "baseline", "draft"] {
                tx.execute(
                    &format!(
                        "UPDATE {table} SET plan = $1 WHERE plan = (SELECT identity FROM plan)"
                    ),
                    &[&identity],
                )
                .map_err(fail("naming the new plan"))?;
            }
            tx.execute(
                "UPDATE plan SET identity = $1, replaced_at = $2, replaced_by = $3",
                &[&identity, &now, &by],
            )
            .map_err(fail("naming the new plan"))?;
        }
        tx.commit().map_err(fail("committing the copy"))?;
        Ok(written)
    }
}

/// Recomputes what the triggers keep, once, after a bulk write.
const REBUILD: &str = "
DELETE FROM project_rollup;
INSERT INTO project_rollup
SELECT project_id, count(*), count(*) FILTER (WHERE status = 'done'),
       coalesce(sum(progress * weight), 0.0),
       coalesce(sum(weight) FILTER (WHERE progress IS NOT NULL), 0.0)
FROM milestone GROUP BY project_id;
SELECT setval(pg_get_serial_sequence('history', 'id'), greatest(coalesce(max(id), 0), 1),
              max(id) IS NOT NULL)
FROM history;
SELECT setval(pg_get_serial_sequence('baseline', 'id'), greatest(coalesce(max(id), 0), 1),
              max(id) IS NOT NULL)
FROM baseline;
SELECT setval(pg_get_serial_sequence('draft', 'id'), greatest(coalesce(max(id), 0), 1),
              max(id) IS NOT NULL)
FROM draft;
DELETE FROM milestone_trend;
INSERT INTO milestone_trend
SELECT r.milestone_id, count(*), sum(r.x)::bigint, sum(r.x * r.x)::bigint, sum(r.value),
       sum(r.x * r.value)
FROM (SELECT milestone_id, plan_day(as_of) AS x, value FROM reading) r
WHERE r.x IS NOT NULL GROUP BY r.milestone_id;
";
