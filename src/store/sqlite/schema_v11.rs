//! Schema v11 ("shared indicators"): a target may say which of the city's
//! indicators (指标: 国家级高新技术企业数) it counts towards, so that the
//! city sums one indicator across units. '' for none.

pub(super) const V11: &str = "
ALTER TABLE milestone ADD COLUMN indicator TEXT NOT NULL DEFAULT '';
";
