//! The schema on PostgreSQL, as migrations: the same tables and columns as
//! the SQLite file (`store::tables`), with each guarantee kept by this
//! engine's own means. Applied by the owner role, in one transaction, under
//! an advisory lock so that two cockpits started at once do not both apply
//! it; `plan_cockpit_schema` records which were applied, when and by whom.
//!
//! The tables live in the connection's current schema (the first one on
//! `search_path`): an administrator keeps several plan years in one
//! database by giving each its own schema (`options=-csearch_path=y2024`).

/// Chinese substring search: three characters and more through pg_trgm
/// (which needs a database whose LC_CTYPE knows Chinese letters: checked
/// at every start); one and two through the characters and character
/// pairs each text holds (`plan_chars`, `plan_pairs`), which pg_trgm
/// cannot answer.
/// A macro, so that V1 holds them and a bulk write can drop and build them
/// again from the same text.
macro_rules! search_indexes {
    () => {
        "
CREATE INDEX project_name_trgm ON project USING gin (name gin_trgm_ops);
CREATE INDEX project_pinyin_trgm ON project USING gin (pinyin gin_trgm_ops);
CREATE INDEX milestone_title_trgm ON milestone USING gin (title gin_trgm_ops);
CREATE INDEX milestone_pinyin_trgm ON milestone USING gin (pinyin gin_trgm_ops);
CREATE INDEX note_body_trgm ON note USING gin (body gin_trgm_ops);
CREATE INDEX project_name_chars ON project USING gin (plan_chars(name));
CREATE INDEX milestone_title_chars ON milestone USING gin (plan_chars(title));
CREATE INDEX note_body_pairs ON note USING gin (plan_pairs(body));
"
    };
}

/// A bulk write drops the search indexes and builds them once at the end:
/// a GIN index built from sorted keys is much faster than one kept up row
/// by row through a million notes.
pub(super) const DROP_SEARCH_INDEXES: &str = "DROP INDEX project_name_trgm, project_pinyin_trgm,
    milestone_title_trgm, milestone_pinyin_trgm, note_body_trgm, project_name_chars,
    milestone_title_chars, note_body_pairs;";
pub(super) const SEARCH_INDEXES: &str = search_indexes!();

/// The first PostgreSQL schema: the SQLite file's schema v6.
///
/// - Dates and times stay text (`2023-12-31`, RFC 3339 in UTC), compared as
///   text as in the file, so that a value copies to the same bytes.
/// - `progress` is a stored generated column: the one formula of
///   `Measure::progress`, as in the file.
/// - `project_rollup` is kept by triggers that recount the one project a
///   milestone change touches. Writers do not queue here as they do on one
///   file, so the recount first locks the project's row: two planners
///   adding milestones to one project at once recount one after the other,
///   each seeing the other's committed row.
/// - A row changed without a new version (by psql, a script) gets the next
///   version from `counter`, as the file's triggers do, so a save based on
///   the old version is refused.
/// - `pinyin` holds the search key of a name or title (computed by the
///   program, `domain::pinyin::key`); a trigger clears it when the text
///   changes, and the program's next write fills it again.
/// - Every change to the plan's tables notifies `plan_cockpit_changed`
///   (once per transaction, delivered at commit) with the schema's name:
///   open cockpits listen and refresh.
/// - While `plan_cockpit.bulk` is `on` (only inside a migrate's or an
///   import's transaction), the triggers stand aside and the writer
///   rebuilds what they keep once, at the end.
pub(super) const V1: &str = concat!(
    r#"
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE plan (
    id             bigint PRIMARY KEY CHECK (id = 1),
    title          text   NOT NULL,
    year           bigint NOT NULL,
    locale         text   NOT NULL,
    description    text   NOT NULL DEFAULT '',
    source         text   NOT NULL DEFAULT '',
    format_version bigint NOT NULL,
    identity       text   NOT NULL DEFAULT '',
    replaced_at    text   NOT NULL DEFAULT '',
    replaced_by    text   NOT NULL DEFAULT ''
);

CREATE TABLE direction (
    id          bigint PRIMARY KEY,
    code        text   NOT NULL UNIQUE,
    name        text   NOT NULL,
    name_en     text   NOT NULL DEFAULT '',
    description text   NOT NULL DEFAULT '',
    position    bigint NOT NULL
);

CREATE TABLE program (
    id           bigint PRIMARY KEY,
    code         text   NOT NULL UNIQUE,
    name         text   NOT NULL,
    name_en      text   NOT NULL DEFAULT '',
    description  text   NOT NULL DEFAULT '',
    direction_id bigint REFERENCES direction(id) ON DELETE SET NULL,
    position     bigint NOT NULL
);

CREATE TABLE area (
    id          bigint PRIMARY KEY,
    code        text   NOT NULL UNIQUE,
    name        text   NOT NULL,
    name_en     text   NOT NULL DEFAULT '',
    description text   NOT NULL DEFAULT '',
    position    bigint NOT NULL
);

CREATE TABLE project (
    id           bigint PRIMARY KEY,
    direction_id bigint NOT NULL REFERENCES direction(id) ON DELETE RESTRICT,
    program_id   bigint REFERENCES program(id) ON DELETE SET NULL,
    name         text   NOT NULL CHECK (name <> ''),
    description  text   NOT NULL DEFAULT '',
    owner        text   NOT NULL DEFAULT '',
    lead         text   NOT NULL DEFAULT '',
    status       text   NOT NULL CHECK (status IN
                   ('planned','active','at_risk','blocked','done','dropped')),
    start_date   text,
    due_date     text,
    position     bigint NOT NULL,
    version      bigint NOT NULL DEFAULT 1,
    created_at   text   NOT NULL,
    created_by   text   NOT NULL,
    updated_at   text   NOT NULL,
    updated_by   text   NOT NULL,
    pinyin       text
);
CREATE INDEX project_by_direction ON project(direction_id, position, id);
CREATE INDEX project_by_program ON project(program_id, position, id);
CREATE INDEX project_by_owner ON project(owner, position, id);
CREATE INDEX project_pinyin_missing ON project(id) WHERE pinyin IS NULL;

CREATE TABLE project_area (
    project_id bigint NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    area_id    bigint NOT NULL REFERENCES area(id) ON DELETE CASCADE,
    position   bigint NOT NULL,
    PRIMARY KEY (project_id, area_id)
);
CREATE INDEX project_area_by_area ON project_area(area_id);

CREATE TABLE milestone (
    id          bigint PRIMARY KEY,
    project_id  bigint NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    title       text   NOT NULL CHECK (title <> ''),
    kind        text   NOT NULL CHECK (kind IN ('numeric','yes_no')),
    unit        text   NOT NULL DEFAULT '',
    baseline    double precision,
    target      double precision,
    current     double precision,
    weight      double precision NOT NULL DEFAULT 1.0 CHECK (weight > 0 AND weight <= 1000),
    due_date    text,
    status      text   NOT NULL CHECK (status IN
                  ('planned','active','at_risk','blocked','done','dropped')),
    owner       text   NOT NULL DEFAULT '',
    lead        text   NOT NULL DEFAULT '',
    position    bigint NOT NULL,
    version     bigint NOT NULL DEFAULT 1,
    created_at  text   NOT NULL,
    created_by  text   NOT NULL,
    updated_at  text   NOT NULL,
    updated_by  text   NOT NULL,
    pinyin      text,
    progress    double precision GENERATED ALWAYS AS (
        CASE
            WHEN status = 'dropped' THEN NULL
            WHEN kind = 'yes_no' THEN CASE WHEN status = 'done' THEN 1.0 ELSE 0.0 END
            WHEN target IS NULL THEN NULL
            WHEN target - coalesce(baseline, 0.0) = 0.0 THEN
                CASE WHEN coalesce(current, baseline, 0.0) >= target THEN 1.0 ELSE 0.0 END
            ELSE greatest(0.0, least(1.0,
                (coalesce(current, baseline, 0.0) - coalesce(baseline, 0.0))
                / (target - coalesce(baseline, 0.0))))
        END) STORED,
    CHECK (kind = 'numeric' OR (baseline IS NULL AND target IS NULL AND current IS NULL))
);
CREATE INDEX milestone_by_project ON milestone(project_id, position, id);
CREATE INDEX milestone_by_due ON milestone(due_date) WHERE due_date IS NOT NULL;
-- The rows whose pinyin key is due: the catch-up after each write finds
-- them here, not by reading every milestone.
CREATE INDEX milestone_pinyin_missing ON milestone(id) WHERE pinyin IS NULL;

CREATE TABLE reading (
    id           bigint PRIMARY KEY,
    milestone_id bigint NOT NULL REFERENCES milestone(id) ON DELETE CASCADE,
    as_of        text   NOT NULL,
    value        double precision NOT NULL,
    author       text   NOT NULL DEFAULT '',
    source       text   NOT NULL DEFAULT '',
    UNIQUE (milestone_id, as_of)
);

CREATE TABLE note (
    id           bigint PRIMARY KEY,
    project_id   bigint REFERENCES project(id) ON DELETE CASCADE,
    milestone_id bigint REFERENCES milestone(id) ON DELETE CASCADE,
    body         text   NOT NULL CHECK (body <> ''),
    author       text   NOT NULL,
    created_at   text   NOT NULL,
    updated_at   text   NOT NULL,
    version      bigint NOT NULL DEFAULT 1,
    CHECK ((project_id IS NULL) <> (milestone_id IS NULL))
);
CREATE INDEX note_by_project ON note(project_id) WHERE project_id IS NOT NULL;
CREATE INDEX note_by_milestone ON note(milestone_id) WHERE milestone_id IS NOT NULL;

CREATE TABLE draft (
    id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    author       text   NOT NULL,
    milestone_id bigint REFERENCES milestone(id) ON DELETE CASCADE,
    note_id      bigint REFERENCES note(id) ON DELETE CASCADE,
    body         text   NOT NULL,
    updated_at   text   NOT NULL,
    note_version bigint
);
CREATE INDEX draft_by_author ON draft(author, updated_at);

CREATE TABLE history (
    -- Numbered by the server for a write; a copy brings its own numbers
    -- and moves the sequence past them.
    id        bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at        text   NOT NULL,
    author    text   NOT NULL,
    entity    text   NOT NULL,
    entity_id bigint NOT NULL,
    field     text   NOT NULL,
    old       text,
    new       text
);
CREATE INDEX history_by_entity ON history(entity, entity_id, id);

-- The distinct character pairs of a text, lower-cased: what a search of
-- two characters looks up (measured on 1,000,000 notes: a rare pair in
-- 0.05 ms through this index, 1.6 s by reading the notes).
CREATE FUNCTION plan_pairs(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT lower(substr(t, i, 2))), '{}')
    FROM generate_series(1, char_length(t) - 1) AS i
$$;
-- Its characters too, for a search of one (names and titles only: a note
-- is searched from two characters on).
CREATE FUNCTION plan_chars(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT plan_pairs(t) || coalesce(
        (SELECT array_agg(DISTINCT lower(substr(t, i, 1)))
         FROM generate_series(1, char_length(t)) AS i), '{}')
$$;

CREATE TABLE baseline (
    id       bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name     text   NOT NULL UNIQUE CHECK (name <> ''),
    saved_at text   NOT NULL,
    saved_by text   NOT NULL
);
CREATE TABLE baseline_item (
    baseline_id  bigint NOT NULL REFERENCES baseline(id) ON DELETE CASCADE,
    milestone_id bigint NOT NULL,
    title        text   NOT NULL,
    unit         text   NOT NULL,
    target       double precision,
    due_date     text,
    PRIMARY KEY (baseline_id, milestone_id)
);

CREATE TABLE counter (name text PRIMARY KEY, value bigint NOT NULL);
INSERT INTO counter (name, value) VALUES
    ('project', 0), ('milestone', 0), ('note', 0), ('reading', 0), ('version', 0);

CREATE TABLE project_rollup (
    project_id   bigint PRIMARY KEY,
    milestones   bigint NOT NULL,
    done         bigint NOT NULL,
    progress_sum double precision NOT NULL,
    measured     double precision NOT NULL
);

CREATE FUNCTION plan_bulk() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('plan_cockpit.bulk', true), '') = 'on'
$$;

CREATE FUNCTION plan_recount(p bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM project WHERE id = p FOR NO KEY UPDATE;
    INSERT INTO project_rollup AS r
    SELECT p, count(*), count(*) FILTER (WHERE status = 'done'),
           coalesce(sum(progress * weight), 0.0),
           coalesce(sum(weight) FILTER (WHERE progress IS NOT NULL), 0.0)
    FROM milestone WHERE project_id = p
    HAVING EXISTS (SELECT 1 FROM project WHERE id = p)
    ON CONFLICT (project_id) DO UPDATE SET
        milestones = excluded.milestones, done = excluded.done,
        progress_sum = excluded.progress_sum, measured = excluded.measured;
END $$;

CREATE FUNCTION milestone_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF plan_bulk() THEN RETURN NULL; END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM plan_recount(NEW.project_id);
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.project_id <> NEW.project_id) THEN
        PERFORM plan_recount(OLD.project_id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER milestone_rollup
AFTER INSERT OR DELETE OR UPDATE OF project_id, kind, status, baseline, target, current, weight
ON milestone FOR EACH ROW EXECUTE FUNCTION milestone_rollup();

CREATE FUNCTION project_rollup_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM project_rollup WHERE project_id = OLD.id;
    RETURN NULL;
END $$;
CREATE TRIGGER project_rollup_gone AFTER DELETE ON project
FOR EACH ROW EXECUTE FUNCTION project_rollup_gone();

CREATE FUNCTION plan_version_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.version = OLD.version AND NOT plan_bulk() THEN
        UPDATE counter SET value = value + 1 WHERE name = 'version'
        RETURNING value INTO NEW.version;
    END IF;
    RETURN NEW;
END $$;
-- Every column but `pinyin`: filling in a search key is not an edit.
CREATE TRIGGER project_version_kept BEFORE UPDATE OF direction_id, program_id, name,
    description, owner, lead, status, start_date, due_date, position, version, created_at,
    created_by, updated_at, updated_by ON project
FOR EACH ROW EXECUTE FUNCTION plan_version_kept();
CREATE TRIGGER milestone_version_kept BEFORE UPDATE OF project_id, title, kind, unit, baseline,
    target, current, weight, due_date, status, owner, lead, position, version, created_at,
    created_by, updated_at, updated_by ON milestone
FOR EACH ROW EXECUTE FUNCTION plan_version_kept();
CREATE TRIGGER note_version_kept BEFORE UPDATE ON note
FOR EACH ROW EXECUTE FUNCTION plan_version_kept();

CREATE FUNCTION project_pinyin_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.name IS DISTINCT FROM OLD.name THEN NEW.pinyin := NULL; END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER project_pinyin_due BEFORE UPDATE OF name ON project
FOR EACH ROW EXECUTE FUNCTION project_pinyin_due();
CREATE FUNCTION milestone_pinyin_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.title IS DISTINCT FROM OLD.title THEN NEW.pinyin := NULL; END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER milestone_pinyin_due BEFORE UPDATE OF title ON milestone
FOR EACH ROW EXECUTE FUNCTION milestone_pinyin_due();

CREATE FUNCTION plan_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('plan_cockpit_changed', current_schema());
    RETURN NULL;
END $$;
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['plan', 'direction', 'program', 'area', 'project',
        'project_area', 'milestone', 'reading', 'note', 'draft', 'history',
        'baseline', 'baseline_item']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                        FOR EACH STATEMENT EXECUTE FUNCTION plan_changed()',
                       t || '_changed', t);
    END LOOP;
END $$;

"#,
    search_indexes!()
);

/// The migrations in order; `plan_cockpit_schema` counts the applied ones.
pub(super) const MIGRATIONS: &[&str] = &[
    V1,
    super::schema_v2::V2,
    super::schema_v3::V3,
    super::schema_v4::V4,
    super::schema_v5::V5,
    super::schema_v6::V6,
    super::schema_v7::V7,
];

/// The schema version this build writes on PostgreSQL.
pub fn latest_version() -> i64 {
    i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX)
}
