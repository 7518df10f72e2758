//! The plan's tables as both engines keep them: every table whose rows are
//! the plan's own (not an index, a roll-up or a search key, which each
//! engine rebuilds from these), with its columns in one order. `migrate`
//! copies exactly these, and the digest it compares on both sides is taken
//! over them, row by row in key order, value by value.

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
            ("unit", Text),
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
            ("origin", Text),
            ("indicator", Text),
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
