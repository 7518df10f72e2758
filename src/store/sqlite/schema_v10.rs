//! Schema v10 ("year after year, unit after unit"): a plan says whose it
//! is, and an item carried into next year's plan says where it came from.
//!
//! - `plan.unit`: the town or subdistrict (东城街道, 南城街道) the plan belongs
//!   to; a plan written before v10 has none (its title may say it: nothing
//!   is guessed from the title).
//! - `milestone.origin`: for an item carried over from an earlier plan, that
//!   plan's identity and the item's id there (`IDENTITY#16`); '' otherwise.

pub(super) const V10: &str = "
ALTER TABLE plan ADD COLUMN unit TEXT NOT NULL DEFAULT '';
ALTER TABLE milestone ADD COLUMN origin TEXT NOT NULL DEFAULT '';
";
