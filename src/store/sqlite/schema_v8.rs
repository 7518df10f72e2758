//! Schema v8 ("one honest standing per item"): what a standing is judged
//! from, on every milestone's row, so that every view judges an item the
//! same way from the row alone.
//!
//! - `steps`: the yearly steps of a target running past the plan year
//!   (分年度目标, `2023=560;2024=580`).
//! - `status_at`/`status_by`: when and by whom the status was last set,
//!   for the reason "受阻 since 11-20 (李华)"; filled from the history for
//!   rows already there. plan-cockpit sets both with the status; a status
//!   changed by another program (leaving the version as it was) takes the
//!   time of that change and the `updated_by` it wrote, if any.
//! - `milestone_trend`: the count and sums of each milestone's readings
//!   (x a reading's day counted from 2020-01-01, y its value), from which
//!   the readings' straight line and so the forecast follow
//!   (`domain::trend`). Kept by triggers as readings come and go,
//!   whoever writes them; rebuilt in one statement after a bulk load.
//!   (Deleted and inserted, not `INSERT OR REPLACE`: a trigger's OR clause
//!   gives way to the statement that fired it, and the reading's own upsert
//!   made the trend's insert fail on its key.)

/// Day 0 of the trend's x axis, 2020-01-01, as SQLite's julian day.
/// (`domain::trend::EPOCH`; a test checks they agree.)
#[cfg(test)]
pub(super) const EPOCH_JULIAN: &str = "2458849.5";

pub(super) const V8: &str = "
ALTER TABLE milestone ADD COLUMN steps TEXT NOT NULL DEFAULT '';
ALTER TABLE milestone ADD COLUMN status_at TEXT NOT NULL DEFAULT '';
ALTER TABLE milestone ADD COLUMN status_by TEXT NOT NULL DEFAULT '';

-- Filling these in is not an edit: the version trigger stands aside.
DROP TRIGGER milestone_version_kept;
UPDATE milestone SET (status_at, status_by) = (
    SELECT h.at, h.author FROM history h
    WHERE h.entity = 'milestone' AND h.entity_id = milestone.id AND h.field = 'status'
      AND h.plan = (SELECT identity FROM plan)
    ORDER BY h.id DESC LIMIT 1)
WHERE EXISTS (SELECT 1 FROM history h
    WHERE h.entity = 'milestone' AND h.entity_id = milestone.id AND h.field = 'status'
      AND h.plan = (SELECT identity FROM plan));
CREATE TRIGGER milestone_version_kept AFTER UPDATE ON milestone
WHEN NEW.version = OLD.version BEGIN
    UPDATE counter SET value = value + 1 WHERE name = 'version';
    UPDATE milestone SET version = (SELECT value FROM counter WHERE name = 'version')
    WHERE id = NEW.id;
END;

-- A status another program changed: said now, by whoever it wrote.
CREATE TRIGGER milestone_status_said AFTER UPDATE OF status ON milestone
WHEN NEW.status IS NOT OLD.status AND NEW.version = OLD.version BEGIN
    UPDATE milestone SET status_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
        status_by = CASE WHEN NEW.updated_by IS NOT OLD.updated_by THEN NEW.updated_by ELSE '' END
    WHERE id = NEW.id;
END;

CREATE TABLE milestone_trend (
    milestone_id INTEGER PRIMARY KEY REFERENCES milestone(id) ON DELETE CASCADE,
    readings     INTEGER NOT NULL,
    sum_x        INTEGER NOT NULL,
    sum_xx       INTEGER NOT NULL,
    sum_y        REAL    NOT NULL,
    sum_xy       REAL    NOT NULL
);
CREATE VIEW reading_day AS
SELECT milestone_id, CAST(round(julianday(as_of) - 2458849.5) AS INTEGER) AS x, value AS y
FROM reading WHERE julianday(as_of) IS NOT NULL;
-- Each milestone's sums; asked for one milestone, SQLite reads only its
-- readings (the condition is pushed into the grouping), and a milestone
-- that is gone has no row.
CREATE VIEW milestone_sums AS
SELECT m.id AS milestone_id, count(r.x) AS readings, coalesce(sum(r.x), 0) AS sum_x,
       coalesce(sum(r.x * r.x), 0) AS sum_xx, total(r.y) AS sum_y, total(r.x * r.y) AS sum_xy
FROM milestone m LEFT JOIN reading_day r ON r.milestone_id = m.id
GROUP BY m.id;

CREATE TRIGGER reading_trend_insert AFTER INSERT ON reading
WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    DELETE FROM milestone_trend WHERE milestone_id = NEW.milestone_id;
    INSERT INTO milestone_trend SELECT * FROM milestone_sums WHERE milestone_id = NEW.milestone_id;
END;
CREATE TRIGGER reading_trend_update AFTER UPDATE OF milestone_id, as_of, value ON reading
WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    DELETE FROM milestone_trend WHERE milestone_id IN (NEW.milestone_id, OLD.milestone_id);
    INSERT INTO milestone_trend SELECT * FROM milestone_sums
    WHERE milestone_id IN (NEW.milestone_id, OLD.milestone_id);
END;
-- Also fired by the cascade when a milestone goes: its row goes with it.
CREATE TRIGGER reading_trend_delete AFTER DELETE ON reading
WHEN NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
    DELETE FROM milestone_trend WHERE milestone_id = OLD.milestone_id;
    INSERT INTO milestone_trend SELECT * FROM milestone_sums WHERE milestone_id = OLD.milestone_id;
END;
";

/// The trend of every milestone from its readings: after a bulk load (the
/// triggers stood aside) and in the upgrade.
pub(super) const REBUILD_TREND: &str = "
DELETE FROM milestone_trend;
INSERT INTO milestone_trend SELECT * FROM milestone_sums WHERE readings > 0;
";

#[cfg(test)]
mod tests {
    use super::EPOCH_JULIAN;

    /// The SQL's day 0 is the domain's.
    #[test]
    fn the_epoch_is_the_domains() {
        let c = rusqlite::Connection::open_in_memory().unwrap();
        let day0: f64 = c
            .query_row(
                &format!("SELECT julianday('{}')", crate::domain::trend::EPOCH),
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(format!("{day0}"), EPOCH_JULIAN);
        assert!(super::V8.contains(EPOCH_JULIAN));
    }
}
