//! The plan's tables as both engines keep them: every table whose rows are
//! the plan's own (not an index, a roll-up or a search key, which each
//! engine rebuilds from these), with its columns in one order. `migrate`
//! copies exactly these, and the digest it compares on both sides is taken
//! over them, row by row in key order, value by value.

use sha2::{Digest as _, Sha256};

/// What a column holds, in both engines (SQLite INTEGER/REAL/TEXT,
/// PostgreSQL bigint/double precision/text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    Real,
    Text,
}

#[derive(Debug)]
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [(&'static str, Kind)],
    /// The key the rows are read in (integers, or text compared bytewise).
    pub key: &'static str,
}

impl Table {
    pub fn column_list(&self) -> String {
        let names: Vec<&str> = self.columns.iter().map(|(n, _)| *n).collect();
        names.join(", ")
    }

    /// The row's key, for a message: `id 12`, `name 'version'`.
    pub fn key_of(&self, row: &[Value]) -> String {
        self.key
            .split(", ")
            .filter_map(|k| {
                let i = self.columns.iter().position(|(n, _)| *n == k)?;
                Some(match row.get(i)? {
                    Value::Int(v) => format!("{k} {v}"),
                    Value::Text(t) => format!("{k} '{t}'"),
                    Value::Real(r) => format!("{k} {r}"),
                    Value::Null => format!("{k} NULL"),
                })
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

use Kind::{Int, Real, Text};

/// In the order a copy writes them: every row's references point to a
/// table written before it.
pub static TABLES: &[Table] = &[
    Table {
        name: "plan",
        columns: &[
            ("id", Int),
            ("title", Text),
            ("year", Int),
            ("locale", Text),
            ("description", Text),
            ("source", Text),
            ("format_version", Int),
            ("identity", Text),
            ("replaced_at", Text),
            ("replaced_by", Text),
        ],
        key: "id",
    },
    Table {
        name: "direction",
        columns: &[
            ("id", Int),
            ("code", Text),
            ("name", Text),
            ("name_en", Text),
            ("description", Text),
            ("position", Int),
        ],
        key: "id",
    },
    Table {
        name: "program",
        columns: &[
            ("id", Int),
            ("code", Text),
            ("name", Text),
            ("name_en", Text),
            ("description", Text),
            ("direction_id", Int),
            ("position", Int),
        ],
        key: "id",
    },
    Table {
        name: "area",
        columns: &[
            ("id", Int),
            ("code", Text),
            ("name", Text),
            ("name_en", Text),
            ("description", Text),
            ("position", Int),
        ],
        key: "id",
    },
    Table {
        name: "project",
        columns: &[
            ("id", Int),
            ("direction_id", Int),
            ("program_id", Int),
            ("name", Text),
            ("description", Text),
            ("owner", Text),
            ("lead", Text),
            ("status", Text),
            ("start_date", Text),
            ("due_date", Text),
            ("position", Int),
            ("version", Int),
            ("created_at", Text),
            ("created_by", Text),
            ("updated_at", Text),
            ("updated_by", Text),
        ],
        key: "id",
    },
    Table {
        name: "project_area",
        columns: &[("project_id", Int), ("area_id", Int), ("position", Int)],
        key: "project_id, area_id",
    },
    Table {
        name: "milestone",
        columns: &[
            ("id", Int),
            ("project_id", Int),
            ("title", Text),
            ("kind", Text),
            ("unit", Text),
            ("baseline", Real),
            ("target", Real),
            ("current", Real),
            ("weight", Real),
            ("due_date", Text),
            ("status", Text),
            ("owner", Text),
            ("lead", Text),
            ("position", Int),
            ("version", Int),
            ("created_at", Text),
            ("created_by", Text),
            ("updated_at", Text),
            ("updated_by", Text),
            ("steps", Text),
            ("status_at", Text),
            ("status_by", Text),
        ],
        key: "id",
    },
    Table {
        name: "reading",
        columns: &[
            ("id", Int),
            ("milestone_id", Int),
            ("as_of", Text),
            ("value", Real),
            ("author", Text),
            ("source", Text),
        ],
        key: "id",
    },
    Table {
        name: "note",
        columns: &[
            ("id", Int),
            ("project_id", Int),
            ("milestone_id", Int),
            ("body", Text),
            ("author", Text),
            ("created_at", Text),
            ("updated_at", Text),
            ("version", Int),
            ("kind", Text),
            ("as_of", Text),
        ],
        key: "id",
    },
    Table {
        name: "draft",
        columns: &[
            ("id", Int),
            ("author", Text),
            ("milestone_id", Int),
            ("note_id", Int),
            ("body", Text),
            ("updated_at", Text),
            ("note_version", Int),
            ("plan", Text),
            ("was_for", Text),
        ],
        key: "id",
    },
    Table {
        name: "history",
        columns: &[
            ("id", Int),
            ("at", Text),
            ("author", Text),
            ("entity", Text),
            ("entity_id", Int),
            ("field", Text),
            ("old", Text),
            ("new", Text),
            ("plan", Text),
        ],
        key: "id",
    },
    Table {
        name: "person",
        columns: &[
            ("login", Text),
            ("name", Text),
            ("unit", Text),
            ("updated_at", Text),
            ("updated_by", Text),
        ],
        key: "login",
    },
    Table {
        name: "baseline",
        columns: &[
            ("id", Int),
            ("name", Text),
            ("saved_at", Text),
            ("saved_by", Text),
            ("plan", Text),
        ],
        key: "id",
    },
    Table {
        name: "baseline_item",
        columns: &[
            ("baseline_id", Int),
            ("milestone_id", Int),
            ("title", Text),
            ("unit", Text),
            ("target", Real),
            ("due_date", Text),
        ],
        key: "baseline_id, milestone_id",
    },
    Table {
        name: "counter",
        columns: &[("name", Text), ("value", Int)],
        key: "name",
    },
];

/// One value as both engines can hold it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

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
