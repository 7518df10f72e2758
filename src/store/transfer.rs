//! What travels between two engines in a copy (`migrate`): values as both
//! can hold them, the batches a reader sends, and the tally — row counts
//! and a digest — that both sides take to prove the copy whole.

use super::tables::{Table, Value};
use sha2::{Digest as _, Sha256};

/// Rows and a SHA-256 over them, per table and for the whole plan: equal
/// digests on both sides mean every value was copied exactly (a float to
/// its last bit, a text to its last byte).
#[derive(Clone, Default)]
pub struct Tally {
    pub tables: Vec<(&'static str, u64)>,
    whole: Sha256,
}

impl Tally {
    pub fn table(&mut self, table: &Table) {
        self.tables.push((table.name, 0));
        self.whole.update(table.name.as_bytes());
        self.whole.update([0]);
    }

    pub fn row(&mut self, row: &[Value]) {
        if let Some((_, n)) = self.tables.last_mut() {
            *n += 1;
        }
        for value in row {
            match value {
                Value::Null => self.whole.update([0]),
                Value::Int(i) => {
                    self.whole.update([1]);
                    self.whole.update(i.to_le_bytes());
                }
                Value::Real(r) => {
                    self.whole.update([2]);
                    self.whole.update(r.to_bits().to_le_bytes());
                }
                Value::Text(t) => {
                    self.whole.update([3]);
                    self.whole.update((t.len() as u64).to_le_bytes());
                    self.whole.update(t.as_bytes());
                }
            }
        }
    }

    pub fn rows(&self) -> u64 {
        self.tables.iter().map(|(_, n)| n).sum()
    }

    /// The digest in hex, as both sides print it.
    pub fn digest(&self) -> String {
        let bytes = self.whole.clone().finalize();
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }
}

impl PartialEq for Tally {
    fn eq(&self, other: &Self) -> bool {
        self.tables == other.tables && self.digest() == other.digest()
    }
}

impl std::fmt::Debug for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} {}", self.tables, self.digest())
    }
}

/// What a copy moves between the reading side and the writing side: the
/// next table, or a batch of its rows.
pub enum Batch {
    Table(&'static Table),
    Rows(Vec<Vec<Value>>),
}

/// Rows per batch: enough to keep both sides busy, few enough that a batch
/// of notes stays within a megabyte or two.
pub const BATCH_ROWS: usize = 2000;

/// The reading side of a copy, as both engines use it: tallies each row and
/// hands rows on a batch at a time. Every call says whether to go on
/// (false: the writing side stopped).
pub struct Outbox<'a> {
    send: &'a mut dyn FnMut(Batch) -> bool,
    batch: Vec<Vec<Value>>,
    pub tally: Tally,
}

impl<'a> Outbox<'a> {
    pub fn new(send: &'a mut dyn FnMut(Batch) -> bool) -> Outbox<'a> {
        Outbox {
            send,
            batch: Vec::new(),
            tally: Tally::default(),
        }
    }

    /// The rows that follow are `table`'s.
    pub fn table(&mut self, table: &'static Table) -> bool {
        self.flush() && {
            self.tally.table(table);
            (self.send)(Batch::Table(table))
        }
    }

    pub fn row(&mut self, row: Vec<Value>) -> bool {
        self.tally.row(&row);
        self.batch.push(row);
        self.batch.len() < BATCH_ROWS || self.flush()
    }

    pub fn flush(&mut self) -> bool {
        self.batch.is_empty() || (self.send)(Batch::Rows(std::mem::take(&mut self.batch)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tables::TABLES;

    #[test]
    fn a_float_differing_in_its_last_bit_changes_the_digest() {
        let mut a = Tally::default();
        let mut b = Tally::default();
        a.table(&TABLES[0]);
        b.table(&TABLES[0]);
        a.row(&[Value::Real(0.1 + 0.2)]);
        b.row(&[Value::Real(0.3)]);
        assert_ne!(a.digest(), b.digest());
        assert_eq!(a.tables, b.tables);
    }

    #[test]
    fn values_do_not_run_into_each_other() {
        let mut a = Tally::default();
        let mut b = Tally::default();
        a.table(&TABLES[0]);
        b.table(&TABLES[0]);
        a.row(&[Value::Text("ab".into()), Value::Text("c".into())]);
        b.row(&[Value::Text("a".into()), Value::Text("bc".into())]);
        assert_ne!(a, b);
    }
}
