//! The server's side of `sql::Db`. Each statement is prepared once per
//! connection and kept by its text (a round trip saved on every later
//! use); SQLite's `?N` become `$N`. Arguments convert to the type the
//! server inferred for each parameter, and columns read back whichever
//! integer or floating type the server chose for them.

use super::Server;
use crate::store::error::{Error, Result};
use crate::store::sql::{Arg, Cells, Db, Engine, numbered_dollars};
use bytes::BytesMut;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::{IsNull, ToSql, Type, to_sql_checked};
use postgres::{GenericClient, Row, Statement};
use std::cell::RefCell;
use std::collections::HashMap;

type Boxed = Box<dyn std::error::Error + Sync + Send>;

/// Prepared statements of one connection, by the text they were asked with.
#[derive(Default)]
pub(super) struct Statements(RefCell<HashMap<String, Statement>>);

impl Statements {
    /// After a new connection: the old one's statements are gone with it.
    pub(super) fn forget(&self) {
        self.0.borrow_mut().clear();
    }

    fn get(
        &self,
        client: &mut impl GenericClient,
        sql: &str,
    ) -> Result<Statement, postgres::Error> {
        if let Some(st) = self.0.borrow().get(sql) {
            return Ok(st.clone());
        }
        let st = client.prepare(&numbered_dollars(sql))?;
        self.0.borrow_mut().insert(sql.to_owned(), st.clone());
        Ok(st)
    }
}

impl ToSql for Arg<'_> {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, Boxed> {
        match *self {
            Arg::Null => Ok(IsNull::Yes),
            Arg::Int(v) => match *ty {
                Type::INT8 => v.to_sql(ty, out),
                Type::INT4 => i32::try_from(v)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(v)?.to_sql(ty, out),
                Type::FLOAT8 => exact_real(v)?.to_sql(ty, out),
                Type::BOOL => (v != 0).to_sql(ty, out),
                _ => v.to_string().as_str().to_sql(ty, out),
            },
            Arg::Real(v) => match *ty {
                Type::FLOAT4 => Err(format!("{v} given for a float4 parameter").into()),
                _ => v.to_sql(ty, out),
            },
            Arg::Text(v) => v.to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

/// An integer as a double, refused where the double would not hold it
/// exactly (beyond 2^53).
fn exact_real(v: i64) -> Result<f64, Boxed> {
    const EXACT: i64 = 1 << 53;
    if (-EXACT..=EXACT).contains(&v) {
        // Exact: within 2^53 every integer is a double.
        Ok(v as f64)
    } else {
        Err(format!("{v} cannot be held exactly by a double").into())
    }
}

struct Cols<'r> {
    row: &'r Row,
    what: &'r str,
}

impl Cols<'_> {
    fn fail(&self, source: postgres::Error) -> Error {
        Error::pg(self.what.to_owned(), &source)
    }
}

impl Cells for Cols<'_> {
    fn opt_int(&self, i: usize) -> Result<Option<i64>> {
        let ty = self.row.columns().get(i).map(|c| c.type_().clone());
        match ty {
            Some(Type::INT4) => self
                .row
                .try_get::<_, Option<i32>>(i)
                .map(|v| v.map(i64::from)),
            Some(Type::INT2) => self
                .row
                .try_get::<_, Option<i16>>(i)
                .map(|v| v.map(i64::from)),
            Some(Type::BOOL) => self
                .row
                .try_get::<_, Option<bool>>(i)
                .map(|v| v.map(i64::from)),
            _ => self.row.try_get::<_, Option<i64>>(i),
        }
        .map_err(|e| self.fail(e))
    }
    fn opt_real(&self, i: usize) -> Result<Option<f64>> {
        let ty = self.row.columns().get(i).map(|c| c.type_().clone());
        match ty {
            Some(Type::INT8 | Type::INT4 | Type::INT2) => {
                let v = self.opt_int(i)?;
                return v
                    .map(|v| exact_real(v).map_err(|e| Error::Internal(e.to_string())))
                    .transpose();
            }
            Some(Type::FLOAT4) => self
                .row
                .try_get::<_, Option<f32>>(i)
                .map(|v| v.map(f64::from)),
            _ => self.row.try_get::<_, Option<f64>>(i),
        }
        .map_err(|e| self.fail(e))
    }
    fn opt_text(&self, i: usize) -> Result<Option<String>> {
        self.row.try_get(i).map_err(|e| self.fail(e))
    }
}

/// Where a statement runs: the connection's prepared statements, and its
/// name for messages.
struct On<'a> {
    statements: &'a Statements,
    named: &'a str,
    /// Planned for these arguments: an unnamed statement, not a kept one
    /// (after five runs, a kept statement may get one generic plan for
    /// all values, blind to how many rows a pattern matches).
    fresh: bool,
}

fn run_each(
    client: &mut impl GenericClient,
    on: &On<'_>,
    what: &str,
    sql: &str,
    args: &[Arg<'_>],
    f: &mut dyn FnMut(&dyn Cells) -> Result<()>,
    rows_read: &mut bool,
) -> Result<()> {
    let On {
        statements,
        named,
        fresh,
    } = on;
    let what = format!("{what} ({named})");
    let fail = |source| Error::pg(what.clone(), &source);
    // Streamed, a row at a time: a list of 100,000 milestones is never
    // held whole.
    let mut rows = if *fresh {
        client
            .query_raw(numbered_dollars(sql).as_str(), args.iter())
            .map_err(fail)?
    } else {
        let st = statements.get(client, sql).map_err(fail)?;
        client.query_raw(&st, args.iter()).map_err(fail)?
    };
    while let Some(row) = rows.next().map_err(fail)? {
        *rows_read = true;
        f(&Cols {
            row: &row,
            what: &what,
        })?;
    }
    Ok(())
}

fn run_exec(
    client: &mut impl GenericClient,
    on: &On<'_>,
    what: &str,
    sql: &str,
    args: &[Arg<'_>],
) -> Result<u64> {
    let fail = |source| Error::pg(format!("{what} ({})", on.named), &source);
    let st = on.statements.get(client, sql).map_err(fail)?;
    let params: Vec<&(dyn ToSql + Sync)> = args.iter().map(|a| a as &(dyn ToSql + Sync)).collect();
    client.execute(&st, &params).map_err(fail)
}

impl Server {
    /// Where this connection's statements run, `fresh` or kept.
    fn on(&self, fresh: bool) -> On<'_> {
        On {
            statements: &self.statements,
            named: &self.named,
            fresh,
        }
    }

    fn read(
        &self,
        fresh: bool,
        what: &str,
        sql: &str,
        args: &[Arg<'_>],
        f: &mut dyn FnMut(&dyn Cells) -> Result<()>,
    ) -> Result<()> {
        self.read_again(|| {
            let mut rows_read = false;
            let mut client = self.client.borrow_mut();
            let out = run_each(
                &mut *client,
                &self.on(fresh),
                what,
                sql,
                args,
                f,
                &mut rows_read,
            );
            (out, rows_read)
        })
    }
}

impl Db for Server {
    fn engine(&self) -> Engine {
        Engine::Server
    }
    fn each(
        &self,
        what: &str,
        sql: &str,
        args: &[Arg<'_>],
        f: &mut dyn FnMut(&dyn Cells) -> Result<()>,
    ) -> Result<()> {
        self.read(false, what, sql, args, f)
    }
    fn each_planned(
        &self,
        what: &str,
        sql: &str,
        args: &[Arg<'_>],
        f: &mut dyn FnMut(&dyn Cells) -> Result<()>,
    ) -> Result<()> {
        self.read(true, what, sql, args, f)
    }
    fn exec(&self, what: &str, sql: &str, args: &[Arg<'_>]) -> Result<u64> {
        self.revive()?;
        let mut client = self.client.borrow_mut();
        run_exec(&mut *client, &self.on(false), what, sql, args)
    }
}

/// One transaction on the server, as a `Db` for the statements of a write.
pub struct Tx<'c> {
    tx: RefCell<postgres::Transaction<'c>>,
    on: On<'c>,
}

impl Db for Tx<'_> {
    fn engine(&self) -> Engine {
        Engine::Server
    }
    fn each(
        &self,
        what: &str,
        sql: &str,
        args: &[Arg<'_>],
        f: &mut dyn FnMut(&dyn Cells) -> Result<()>,
    ) -> Result<()> {
        let mut rows_read = false;
        let mut tx = self.tx.borrow_mut();
        run_each(&mut *tx, &self.on, what, sql, args, f, &mut rows_read)
    }
    fn exec(&self, what: &str, sql: &str, args: &[Arg<'_>]) -> Result<u64> {
        let mut tx = self.tx.borrow_mut();
        run_exec(&mut *tx, &self.on, what, sql, args)
    }
}

impl Server {
    /// Runs `f` in one READ COMMITTED transaction and commits it; an error
    /// rolls everything back. A statement that must see the row it is
    /// about to change locks it (`FOR UPDATE`), so two planners saving the
    /// same row queue there, and the second meets the first's version.
    pub fn write<T>(&mut self, what: &str, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        // A connection the server dropped since the last use is found out
        // here, by a no-op, and made again: a write that has not begun
        // cannot have landed, so beginning it on the new connection is
        // safe (only a lost commit is left to the planner's next save).
        let _ = self
            .client
            .get_mut()
            .is_valid(std::time::Duration::from_secs(5));
        self.revive()?;
        let named = self.named.as_str();
        let fail = |source| Error::pg(format!("{what} ({named})"), &source);
        let tx = self.client.get_mut().transaction().map_err(fail)?;
        let tx = Tx {
            tx: RefCell::new(tx),
            on: On {
                statements: &self.statements,
                named,
                fresh: false,
            },
        };
        let value = f(&tx)?;
        tx.tx.into_inner().commit().map_err(fail)?;
        Ok(value)
    }

    /// Runs `f` inside one REPEATABLE READ, READ ONLY transaction, so
    /// that a window's count and its rows come from the same moment, as on
    /// the file. Begun by plain statements (not a transaction object), so
    /// that the reads inside go through this same connection as usual.
    pub fn snapshot<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        if self.reading.get() {
            return f();
        }
        self.revive()?;
        let begin = |sql: &str| {
            self.client
                .borrow_mut()
                .batch_execute(sql)
                .map_err(|source| Error::pg(format!("reading ({})", self.named), &source))
        };
        begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")?;
        self.reading.set(true);
        let out = f();
        self.reading.set(false);
        let end = begin(if out.is_ok() { "COMMIT" } else { "ROLLBACK" });
        let out = out?;
        end?;
        Ok(out)
    }
}
