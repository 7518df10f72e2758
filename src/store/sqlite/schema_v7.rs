//! Schema v7 ("nothing lost, whoever touches the file"): every history row,
//! baseline and draft names the plan it belongs to (`plan`, the plan's
//! identity), so that after a replace the log, the report's changes and the
//! baselines never speak of the old plan's rows as if they were the new
//! plan's (ids are reused by a new plan's own numbering), and a draft typed
//! for the old plan is kept and offered, not dropped with its rows.
//!
//! A row written without naming its plan (by another program, or by a
//! statement that need not know) takes the plan the file holds, through a
//! trigger; rows already there belong to the plan the file holds now.

pub(super) const V7: &str = "
ALTER TABLE history ADD COLUMN plan TEXT NOT NULL DEFAULT '';
ALTER TABLE baseline ADD COLUMN plan TEXT NOT NULL DEFAULT '';
ALTER TABLE draft ADD COLUMN plan TEXT NOT NULL DEFAULT '';
-- What a draft of a replaced plan was typed for, in words (its rows are gone).
ALTER TABLE draft ADD COLUMN was_for TEXT NOT NULL DEFAULT '';
UPDATE history SET plan = coalesce((SELECT identity FROM plan), '');
UPDATE baseline SET plan = coalesce((SELECT identity FROM plan), '');
UPDATE draft SET plan = coalesce((SELECT identity FROM plan), '');
CREATE INDEX history_by_plan ON history(plan, at);
CREATE TRIGGER history_plan AFTER INSERT ON history WHEN NEW.plan = '' BEGIN
    UPDATE history SET plan = coalesce((SELECT identity FROM plan), '') WHERE id = NEW.id;
END;
CREATE TRIGGER baseline_plan AFTER INSERT ON baseline WHEN NEW.plan = '' BEGIN
    UPDATE baseline SET plan = coalesce((SELECT identity FROM plan), '') WHERE id = NEW.id;
END;
CREATE TRIGGER draft_plan AFTER INSERT ON draft WHEN NEW.plan = '' BEGIN
    UPDATE draft SET plan = coalesce((SELECT identity FROM plan), '') WHERE id = NEW.id;
END;
";
