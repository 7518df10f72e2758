//! The sixth PostgreSQL migration: a plan's functions find their own
//! tables whatever the session's `search_path`. With many plans in one
//! database (a schema each), a session of the city's office or a psql
//! with the default path could otherwise run a plan's trigger against
//! another plan's `counter` and roll-ups, or fail to plan a plain
//! `SELECT` (an index's `plan_chars` calls `plan_pairs` unqualified).
//!
//! - Every plpgsql function that is not IMMUTABLE (the triggers and their
//!   helpers) runs with `search_path` pinned to its own schema.
//! - `plan_chars`, used by indexes and inlined there, names `plan_pairs`
//!   by its schema instead (a pinned path would stop the inlining).

pub(super) const V6: &str = r#"
DO $v6$
DECLARE
    s text := current_schema();
    f regprocedure;
BEGIN
    FOR f IN
        SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
         WHERE p.pronamespace = s::regnamespace AND l.lanname = 'plpgsql'
           AND p.provolatile <> 'i'
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I', f, s);
    END LOOP;
    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION %1$I.plan_chars(t text) RETURNS text[]
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $b$
            SELECT %1$I.plan_pairs(t) || coalesce(
                (SELECT array_agg(DISTINCT lower(substr(t, i, 1)))
                 FROM generate_series(1, char_length(t)) AS i), '{}')
        $b$$f$, s);
END
$v6$;
"#;
