-- The roles of a city's plans on one PostgreSQL database (see
-- docs/postgresql.md, "A city of many plans"). Each plan lives in a schema
-- of its own, named by its unit in pinyin and its year
-- (dongchengjiedao_2023, nanchengjiedao_2024). Run once as an
-- administrator (a superuser, or a role with CREATEROLE); add a unit the
-- same way. The statements may be run again: a role already there is kept.

-- The city office: reads every unit's plans, writes none.
DO $$ BEGIN CREATE ROLE plan_city NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

-- A unit's planners: read and write their unit's plans, every year's, and
-- see no other unit's. The name is the unit's schema prefix + _planner.
DO $$ BEGIN CREATE ROLE dongchengjiedao_planner NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE nanchengjiedao_planner NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

-- Each person logs in as themselves, in one group:
--   CREATE ROLE wang_li LOGIN PASSWORD '…' IN ROLE dongchengjiedao_planner;
--   CREATE ROLE zhou_qing LOGIN PASSWORD '…' IN ROLE plan_city;
-- (plan_viewer, from docs/postgres-roles.sql, reads every plan too.)

-- plan_owner makes the plans (init, plan new, plan import, import,
-- generate with --db postgresql://…) and so needs to create schemas:
--   GRANT CREATE ON DATABASE plan_city TO plan_owner;
-- Each plan made grants itself to the roles above that exist. For a plan
-- made before its unit's role, run as plan_owner (here for 东城街道 2023):
--   GRANT USAGE ON SCHEMA dongchengjiedao_2023 TO dongchengjiedao_planner, plan_city;
--   GRANT SELECT ON ALL TABLES IN SCHEMA dongchengjiedao_2023 TO plan_city;
--   GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA dongchengjiedao_2023
--       TO dongchengjiedao_planner;
--   REVOKE UPDATE, DELETE, TRUNCATE ON dongchengjiedao_2023.history FROM dongchengjiedao_planner;
--   ALTER DEFAULT PRIVILEGES IN SCHEMA dongchengjiedao_2023 GRANT SELECT ON TABLES TO plan_city;
--   ALTER DEFAULT PRIVILEGES IN SCHEMA dongchengjiedao_2023
--       GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO dongchengjiedao_planner;
