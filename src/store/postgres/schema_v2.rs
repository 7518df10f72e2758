//! Schema v2 on the server: every history row, baseline and draft names
//! its plan.

/// Every history row, baseline and draft names the plan it belongs to (see
/// the file's schema v7): after a replace, nothing of the old plan is read
/// as the new plan's. A row written without naming it takes the plan the
/// database holds.
pub(super) const V2: &str = "
ALTER TABLE history ADD COLUMN plan text NOT NULL DEFAULT '';
ALTER TABLE baseline ADD COLUMN plan text NOT NULL DEFAULT '';
ALTER TABLE draft ADD COLUMN plan text NOT NULL DEFAULT '';
ALTER TABLE draft ADD COLUMN was_for text NOT NULL DEFAULT '';
UPDATE history SET plan = coalesce((SELECT identity FROM plan), '');
UPDATE baseline SET plan = coalesce((SELECT identity FROM plan), '');
UPDATE draft SET plan = coalesce((SELECT identity FROM plan), '');
CREATE INDEX history_by_plan ON history(plan, at);
CREATE FUNCTION plan_named() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.plan = '' THEN
        NEW.plan := coalesce((SELECT identity FROM plan), '');
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER history_plan BEFORE INSERT ON history FOR EACH ROW EXECUTE FUNCTION plan_named();
CREATE TRIGGER baseline_plan BEFORE INSERT ON baseline FOR EACH ROW EXECUTE FUNCTION plan_named();
CREATE TRIGGER draft_plan BEFORE INSERT ON draft FOR EACH ROW EXECUTE FUNCTION plan_named();
";
