//! Schema v1: the plan as first kept — directions, programs, areas,
//! projects, milestones, notes, history and drafts.

pub(super) const V1: &str = r#"
CREATE TABLE plan (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    title          TEXT    NOT NULL,
    year           INTEGER NOT NULL,
    locale         TEXT    NOT NULL,
    description    TEXT    NOT NULL DEFAULT '',
    source         TEXT    NOT NULL DEFAULT '',
    format_version INTEGER NOT NULL
);

CREATE TABLE direction (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    name_en     TEXT    NOT NULL DEFAULT '',
    description TEXT    NOT NULL DEFAULT '',
    position    INTEGER NOT NULL
);

CREATE TABLE program (
    id           INTEGER PRIMARY KEY,
    code         TEXT    NOT NULL UNIQUE,
    name         TEXT    NOT NULL,
    name_en      TEXT    NOT NULL DEFAULT '',
    description  TEXT    NOT NULL DEFAULT '',
    direction_id INTEGER REFERENCES direction(id) ON DELETE SET NULL,
    position     INTEGER NOT NULL
);

CREATE TABLE area (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    name_en     TEXT    NOT NULL DEFAULT '',
    description TEXT    NOT NULL DEFAULT '',
    position    INTEGER NOT NULL
);

CREATE TABLE project (
    id           INTEGER PRIMARY KEY,
    direction_id INTEGER NOT NULL REFERENCES direction(id) ON DELETE RESTRICT,
    program_id   INTEGER REFERENCES program(id) ON DELETE SET NULL,
    name         TEXT    NOT NULL CHECK (name <> ''),
    description  TEXT    NOT NULL DEFAULT '',
    owner        TEXT    NOT NULL DEFAULT '',
    status       TEXT    NOT NULL CHECK (status IN
                   ('planned','active','at_risk','blocked','done','dropped')),
    start_date   TEXT,
    due_date     TEXT,
    position     INTEGER NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT    NOT NULL,
    created_by   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    updated_by   TEXT    NOT NULL
);
CREATE INDEX project_by_direction ON project(direction_id, position, id);
CREATE INDEX project_by_program ON project(program_id);

CREATE TABLE project_area (
    project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    area_id    INTEGER NOT NULL REFERENCES area(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (project_id, area_id)
) WITHOUT ROWID;
CREATE INDEX project_area_by_area ON project_area(area_id);

CREATE TABLE milestone (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    title       TEXT    NOT NULL CHECK (title <> ''),
    kind        TEXT    NOT NULL CHECK (kind IN ('numeric','yes_no')),
    unit        TEXT    NOT NULL DEFAULT '',
    baseline    REAL,
    target      REAL,
    current     REAL,
    due_date    TEXT,
    status      TEXT    NOT NULL CHECK (status IN
                  ('planned','active','at_risk','blocked','done','dropped')),
    owner       TEXT    NOT NULL DEFAULT '',
    position    INTEGER NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT    NOT NULL,
    created_by  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    updated_by  TEXT    NOT NULL,
    CHECK (kind = 'numeric' OR (baseline IS NULL AND target IS NULL AND current IS NULL))
);
CREATE INDEX milestone_by_project ON milestone(project_id, position, id);
CREATE INDEX milestone_by_due ON milestone(due_date) WHERE due_date IS NOT NULL;

CREATE TABLE reading (
    id           INTEGER PRIMARY KEY,
    milestone_id INTEGER NOT NULL REFERENCES milestone(id) ON DELETE CASCADE,
    as_of        TEXT    NOT NULL,
    value        REAL    NOT NULL,
    author       TEXT    NOT NULL DEFAULT '',
    source       TEXT    NOT NULL DEFAULT '',
    UNIQUE (milestone_id, as_of)
);

CREATE TABLE note (
    id           INTEGER PRIMARY KEY,
    project_id   INTEGER REFERENCES project(id) ON DELETE CASCADE,
    milestone_id INTEGER REFERENCES milestone(id) ON DELETE CASCADE,
    body         TEXT    NOT NULL CHECK (body <> ''),
    author       TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    CHECK ((project_id IS NULL) <> (milestone_id IS NULL))
);
CREATE INDEX note_by_project ON note(project_id) WHERE project_id IS NOT NULL;
CREATE INDEX note_by_milestone ON note(milestone_id) WHERE milestone_id IS NOT NULL;

-- A note being typed, saved while typing, offered again after a crash.
CREATE TABLE draft (
    id           INTEGER PRIMARY KEY,
    author       TEXT    NOT NULL,
    milestone_id INTEGER REFERENCES milestone(id) ON DELETE CASCADE,
    note_id      INTEGER REFERENCES note(id) ON DELETE CASCADE,
    body         TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
);

-- Every change, who made it and when; written in the same transaction.
CREATE TABLE history (
    id        INTEGER PRIMARY KEY,
    at        TEXT    NOT NULL,
    author    TEXT    NOT NULL,
    entity    TEXT    NOT NULL,
    entity_id INTEGER NOT NULL,
    field     TEXT    NOT NULL,
    old       TEXT,
    new       TEXT
);
CREATE INDEX history_by_entity ON history(entity, entity_id, id);
"#;
