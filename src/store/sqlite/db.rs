//! The file's side of `sql::Db`: a statement is prepared once per
//! connection (rusqlite's statement cache), arguments bind as SQLite's own
//! values, and a row's columns read back through `Cells`.

use crate::store::error::{Error, Result};
use crate::store::sql::{Arg, Cells, Db, Engine};
use rusqlite::Connection;
use rusqlite::types::{ToSqlOutput, ValueRef};

impl rusqlite::ToSql for Arg<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match *self {
            Arg::Int(v) => ValueRef::Integer(v),
            Arg::Real(v) => ValueRef::Real(v),
            Arg::Text(v) => ValueRef::Text(v.as_bytes()),
            Arg::Null => ValueRef::Null,
        }))
    }
}

pub(in crate::store) struct Row<'r, 's> {
    row: &'r rusqlite::Row<'s>,
    what: &'r str,
}

impl Row<'_, '_> {
    fn get<T: rusqlite::types::FromSql>(&self, i: usize) -> Result<T> {
        // The message's context is made only on a failure: made for every
        // cell read, it was an allocation per cell (half of `X`'s time on
        // a pane of 33,000 milestones).
        self.row
            .get(i)
            .map_err(|e| Error::sql(self.what.to_owned())(e))
    }
}

impl Cells for Row<'_, '_> {
    fn opt_int(&self, i: usize) -> Result<Option<i64>> {
        self.get(i)
    }
    fn opt_real(&self, i: usize) -> Result<Option<f64>> {
        self.get(i)
    }
    fn opt_text(&self, i: usize) -> Result<Option<String>> {
        self.get(i)
    }
}

impl Db for Connection {
    fn engine(&self) -> Engine {
        Engine::File
    }

    fn each(
        &self,
        what: &str,
        sql: &str,
        args: &[Arg<'_>],
        f: &mut dyn FnMut(&dyn Cells) -> Result<()>,
    ) -> Result<()> {
        let fail = || Error::sql(what.to_owned());
        let mut st = self.prepare_cached(sql).map_err(fail())?;
        let mut rows = st
            .query(rusqlite::params_from_iter(args.iter()))
            .map_err(fail())?;
        while let Some(row) = rows.next().map_err(fail())? {
            f(&Row { row, what })?;
        }
        Ok(())
    }

    fn exec(&self, what: &str, sql: &str, args: &[Arg<'_>]) -> Result<u64> {
        let n = self
            .prepare_cached(sql)
            .and_then(|mut st| st.execute(rusqlite::params_from_iter(args.iter())))
            .map_err(Error::sql(what.to_owned()))?;
        Ok(u64::try_from(n).unwrap_or(u64::MAX))
    }
}

/// A write's statements run on its transaction as on the connection.
impl Db for rusqlite::Transaction<'_> {
    fn engine(&self) -> Engine {
        Engine::File
    }
    fn each(
        &self,
        what: &str,
        sql: &str,
        args: &[Arg<'_>],
        f: &mut dyn FnMut(&dyn Cells) -> Result<()>,
    ) -> Result<()> {
        (**self).each(what, sql, args, f)
    }
    fn exec(&self, what: &str, sql: &str, args: &[Arg<'_>]) -> Result<u64> {
        (**self).exec(what, sql, args)
    }
}
