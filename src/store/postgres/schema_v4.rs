//! The fourth PostgreSQL migration, the file's schema v9: notes have kinds
//! (`progress`, `source`) and the day they speak of, and logins have
//! names (`person`; see `store/sqlite/schema_v9.rs`).

pub(super) const V4: &str = r#"
ALTER TABLE note ADD COLUMN kind text NOT NULL DEFAULT 'progress'
    CHECK (kind IN ('progress', 'source'));
ALTER TABLE note ADD COLUMN as_of text CHECK (as_of ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$');
UPDATE note SET kind = 'source' WHERE author = '原文摘录';
CREATE TABLE person (
    login      text PRIMARY KEY CHECK (login <> ''),
    name       text NOT NULL DEFAULT '',
    unit       text NOT NULL DEFAULT '',
    updated_at text NOT NULL DEFAULT '',
    updated_by text NOT NULL DEFAULT ''
);
CREATE TRIGGER person_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON person
    FOR EACH STATEMENT EXECUTE FUNCTION plan_changed();
"#;
