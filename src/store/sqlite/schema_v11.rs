//! Schema v11 ("shared indicators"): a target may say which of the city's
//! indicators (指标: 国家级高新技术企业数) it counts towards, so that the
//! city sums one indicator across units. '' for none. Two small partial
//! indexes answer the city's view of every plan at once: the linked
//! targets, and the open items by time limit (the count past it).

pub(super) const V11: &str = "
ALTER TABLE milestone ADD COLUMN indicator TEXT NOT NULL DEFAULT '';
CREATE INDEX milestone_by_indicator ON milestone(indicator) WHERE indicator <> '';
CREATE INDEX milestone_open_by_due ON milestone(due_date)
    WHERE due_date IS NOT NULL AND status NOT IN ('done', 'dropped');
";
