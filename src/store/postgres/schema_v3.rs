//! The third PostgreSQL migration ("one honest standing per item"), the
//! file's schema v8: what a standing is judged from, on every milestone's
//! row. Uses V1's `plan_bulk` and `plan_version_kept`.

/// What a standing is judged from, on every milestone's row (the file's
/// schema v8): yearly steps, who set the status and when, and the sums of
/// the readings' line in `milestone_trend`, kept by a trigger that recounts
/// the one milestone a reading touches (after locking its row, as the
/// roll-ups lock their project: two writers recount one after the other).
pub(super) const V3: &str = r#"
ALTER TABLE milestone ADD COLUMN steps text NOT NULL DEFAULT '';
ALTER TABLE milestone ADD COLUMN status_at text NOT NULL DEFAULT '';
ALTER TABLE milestone ADD COLUMN status_by text NOT NULL DEFAULT '';
DROP TRIGGER milestone_version_kept ON milestone;
UPDATE milestone m SET status_at = h.at, status_by = h.author
FROM (SELECT DISTINCT ON (entity_id) entity_id, at, author FROM history
      WHERE entity = 'milestone' AND field = 'status'
        AND plan = coalesce((SELECT identity FROM plan), '')
      ORDER BY entity_id, id DESC) h
WHERE h.entity_id = m.id;
CREATE TRIGGER milestone_version_kept BEFORE UPDATE OF project_id, title, kind, unit, baseline,
    target, current, weight, due_date, status, owner, lead, position, version, created_at,
    created_by, updated_at, updated_by, steps, status_at, status_by ON milestone
FOR EACH ROW EXECUTE FUNCTION plan_version_kept();

-- A status another program changed (the version left as it was; this runs
-- before the version trigger, by name): said now, by whoever it wrote.
CREATE FUNCTION milestone_status_said() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status AND NEW.version = OLD.version
       AND NOT plan_bulk() THEN
        NEW.status_at := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
        NEW.status_by := CASE WHEN NEW.updated_by IS DISTINCT FROM OLD.updated_by
                              THEN NEW.updated_by ELSE '' END;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER milestone_status_said BEFORE UPDATE OF status ON milestone
FOR EACH ROW EXECUTE FUNCTION milestone_status_said();

CREATE TABLE milestone_trend (
    milestone_id bigint PRIMARY KEY REFERENCES milestone(id) ON DELETE CASCADE,
    readings     bigint NOT NULL,
    sum_x        bigint NOT NULL,
    sum_xx       bigint NOT NULL,
    sum_y        double precision NOT NULL,
    sum_xy       double precision NOT NULL
);
-- A reading's day from 2020-01-01 (domain::trend::EPOCH); NULL for text
-- that is not a day, which no trend counts.
CREATE FUNCTION plan_day(t text) RETURNS bigint LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF t !~ '^\d{4}-\d{2}-\d{2}$' THEN RETURN NULL; END IF;
    RETURN to_date(t, 'YYYY-MM-DD') - DATE '2020-01-01';
EXCEPTION WHEN others THEN
    RETURN NULL;
END $$;
CREATE FUNCTION plan_trend(mid bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM milestone WHERE id = mid FOR NO KEY UPDATE;
    IF NOT FOUND THEN RETURN; END IF;
    INSERT INTO milestone_trend AS t
    SELECT mid, count(*), coalesce(sum(x), 0)::bigint, coalesce(sum(x * x), 0)::bigint,
           coalesce(sum(value), 0.0), coalesce(sum(x * value), 0.0)
    FROM (SELECT plan_day(as_of) AS x, value FROM reading WHERE milestone_id = mid) r
    WHERE x IS NOT NULL
    ON CONFLICT (milestone_id) DO UPDATE SET
        readings = excluded.readings, sum_x = excluded.sum_x, sum_xx = excluded.sum_xx,
        sum_y = excluded.sum_y, sum_xy = excluded.sum_xy;
END $$;
CREATE FUNCTION reading_trend() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF plan_bulk() THEN RETURN NULL; END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM plan_trend(NEW.milestone_id);
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.milestone_id <> NEW.milestone_id) THEN
        PERFORM plan_trend(OLD.milestone_id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER reading_trend AFTER INSERT OR DELETE OR UPDATE OF milestone_id, as_of, value
ON reading FOR EACH ROW EXECUTE FUNCTION reading_trend();
INSERT INTO milestone_trend
SELECT r.milestone_id, count(*), sum(r.x)::bigint, sum(r.x * r.x)::bigint, sum(r.value),
       sum(r.x * r.value)
FROM (SELECT milestone_id, plan_day(as_of) AS x, value FROM reading) r
WHERE r.x IS NOT NULL GROUP BY r.milestone_id;
"#;
