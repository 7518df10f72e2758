-- Roles for a plan kept in PostgreSQL (plan-cockpit, README "PostgreSQL").
-- Run by an administrator (a superuser, or a role with CREATEROLE and
-- CREATEDB) once per cluster; nothing needs a superuser afterwards.
--
--   plan_owner    owns the schema: creates and upgrades it (`migrate`, and
--                 every start of plan-cockpit when a new version brings a
--                 schema change), and is the only role that may `migrate
--                 --replace` into the database.
--   plan_planner  edits the plan: reads every table, writes rows.
--   plan_viewer   looks and exports: reads only; the cockpit shows the plan
--                 read-only and says why.
--
-- People log in as themselves and are members of one of the two groups;
-- the edits they make are recorded under their own role name.

CREATE ROLE plan_owner LOGIN;
CREATE ROLE plan_planner NOLOGIN;
CREATE ROLE plan_viewer NOLOGIN;
-- CREATE ROLE wang_li LOGIN PASSWORD '…' IN ROLE plan_planner;
-- CREATE ROLE zhao_min LOGIN PASSWORD '…' IN ROLE plan_viewer;

-- A UTF-8 LC_CTYPE is required: under 'C', pg_trgm sees no letters in
-- Chinese and plan-cockpit refuses the database at start.
CREATE DATABASE plan_city OWNER plan_owner
    ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8' TEMPLATE template0;
REVOKE ALL ON DATABASE plan_city FROM PUBLIC;
GRANT CONNECT ON DATABASE plan_city TO plan_planner, plan_viewer;
