-- Run as plan_owner in the plan's database, after the first `migrate`
-- (or first start) created the schema: what each group may do with the
-- tables there now, and with the ones later versions add.

GRANT USAGE ON SCHEMA public TO plan_planner, plan_viewer;

GRANT SELECT ON ALL TABLES IN SCHEMA public TO plan_viewer;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO plan_viewer;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO plan_planner;
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO plan_planner;

-- The change log is append-only for planners: what was done stays said.
REVOKE UPDATE, DELETE, TRUNCATE ON history FROM plan_planner;
