//! One way for the store to ask either engine: a statement's text with
//! numbered parameters (`?1`), the arguments, and a function that reads
//! each row by column. The SQLite file and the PostgreSQL server each
//! implement `Db` in their own folder; a query written here once runs on
//! both, and the few that must differ ask `Db::engine` which to say.
//!
//! Values cross as the plan holds them: integers (ids, versions, counts),
//! reals (values, weights) and text (names, dates). Each engine converts
//! at its edge, so a column typed `bigint` on one and `INTEGER` on the
//! other reads the same.

use super::error::{Error, Result};
use crate::domain::time_limit::TimeLimit;

/// Which engine a `Db` is, for the statements that must differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    File,
    Server,
}

/// One argument of a statement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Arg<'a> {
    Int(i64),
    Real(f64),
    Text(&'a str),
    Null,
}

impl From<i64> for Arg<'_> {
    fn from(v: i64) -> Self {
        Arg::Int(v)
    }
}
impl From<f64> for Arg<'_> {
    fn from(v: f64) -> Self {
        Arg::Real(v)
    }
}
impl<'a> From<&'a str> for Arg<'a> {
    fn from(v: &'a str) -> Self {
        Arg::Text(v)
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(v: &'a String) -> Self {
        Arg::Text(v)
    }
}
impl<'a, T: Into<Arg<'a>>> From<Option<T>> for Arg<'a> {
    fn from(v: Option<T>) -> Self {
        v.map_or(Arg::Null, Into::into)
    }
}
impl<'a> From<&'a Option<String>> for Arg<'a> {
    fn from(v: &'a Option<String>) -> Self {
        v.as_deref().map_or(Arg::Null, Arg::Text)
    }
}

/// `args![a, b]`: a statement's arguments, each converted by `Arg::from`.
macro_rules! args {
    ($($a:expr),* $(,)?) => { &[$($crate::store::sql::Arg::from($a)),*][..] };
}
pub(crate) use args;

/// One row as a statement returned it, read by column (from 0). A NULL
/// read where a value is required, or a value of another kind, is an
/// error naming the column.
pub trait Cells {
    fn opt_int(&self, i: usize) -> Result<Option<i64>>;
    fn opt_real(&self, i: usize) -> Result<Option<f64>>;
    fn opt_text(&self, i: usize) -> Result<Option<String>>;

    fn int(&self, i: usize) -> Result<i64> {
        self.opt_int(i)?.ok_or_else(|| null_in(i))
    }
    fn real(&self, i: usize) -> Result<f64> {
        self.opt_real(i)?.ok_or_else(|| null_in(i))
    }
    fn text(&self, i: usize) -> Result<String> {
        self.opt_text(i)?.ok_or_else(|| null_in(i))
    }

    /// A time limit's column, read once here as a day (or kept as the
    /// text another program wrote there): see `TimeLimit`.
    fn time_limit(&self, i: usize) -> Result<Option<TimeLimit>> {
        Ok(self.opt_text(i)?.map(TimeLimit::from_stored))
    }
}

fn null_in(i: usize) -> Error {
    Error::Internal(format!("column {i} is NULL where a value is required"))
}

/// What each engine does with a statement.
pub trait Db {
    fn engine(&self) -> Engine;

    /// Runs `sql` and hands each row to `f`, in the order returned; `what`
    /// says, for an error, what was being read.
    fn each(
        &self,
        what: &str,
        sql: &str,
        args: &[Arg<'_>],
        f: &mut dyn FnMut(&dyn Cells) -> Result<()>,
    ) -> Result<()>;

    /// Runs a statement that returns no rows; how many rows it changed.
    fn exec(&self, what: &str, sql: &str, args: &[Arg<'_>]) -> Result<u64>;

    /// `each` for a statement whose best plan depends on its arguments (a
    /// search: a phrase in 200,000 notes wants them read newest first, an
    /// absent one wants the trigram index): planned afresh for these
    /// values, never from a plan kept for earlier ones.
    fn each_planned(
        &self,
        what: &str,
        sql: &str,
        args: &[Arg<'_>],
        f: &mut dyn FnMut(&dyn Cells) -> Result<()>,
    ) -> Result<()> {
        self.each(what, sql, args, f)
    }
}

/// Every row of `sql`, each read by `map`.
pub fn rows<T>(
    db: &dyn Db,
    what: &str,
    sql: &str,
    args: &[Arg<'_>],
    map: impl Fn(&dyn Cells) -> Result<T>,
) -> Result<Vec<T>> {
    let mut out = Vec::new();
    db.each(what, sql, args, &mut |r| {
        out.push(map(r)?);
        Ok(())
    })?;
    Ok(out)
}

/// The first row of `sql`, if there is one.
pub fn one<T>(
    db: &dyn Db,
    what: &str,
    sql: &str,
    args: &[Arg<'_>],
    map: impl Fn(&dyn Cells) -> Result<T>,
) -> Result<Option<T>> {
    let mut out = None;
    db.each(what, sql, args, &mut |r| {
        if out.is_none() {
            out = Some(map(r)?);
        }
        Ok(())
    })?;
    Ok(out)
}

/// What a read inside a write adds so that the row it reads stays as
/// read until the write ends: on the file the write lock already holds
/// every row; on a server, `FOR UPDATE` makes a second writer of the same
/// row wait, then read what the first committed.
pub fn locked(db: &dyn Db) -> &'static str {
    match db.engine() {
        Engine::File => "",
        Engine::Server => " FOR UPDATE",
    }
}

/// A count a statement returned, as a length (a count is never negative).
pub fn count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// `sql` with SQLite's `?N` parameters written as PostgreSQL's `$N`.
/// Statements here put no `?` inside a quoted string.
pub fn numbered_dollars(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '?' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_renumbered_for_the_server() {
        assert_eq!(
            numbered_dollars("SELECT a FROM t WHERE b = ?1 AND c > ?12 AND d = '?'"),
            "SELECT a FROM t WHERE b = $1 AND c > $12 AND d = '?'"
        );
    }

    #[test]
    fn options_become_null() {
        let none: Option<f64> = None;
        assert_eq!(Arg::from(none), Arg::Null);
        assert_eq!(Arg::from(Some(2.5)), Arg::Real(2.5));
        let s = Some(String::from("x"));
        assert_eq!(Arg::from(&s), Arg::Text("x"));
    }
}
