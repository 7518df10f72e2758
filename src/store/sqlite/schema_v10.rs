//! Schema v10 ("year after year, unit after unit"): a plan says whose it
//! is. `unit` is the town or subdistrict (东城街道, 南城街道) the plan belongs
//! to; a plan written before v10 has none (its title may say it: nothing is
//! guessed from the title).

pub(super) const V10: &str = "ALTER TABLE plan ADD COLUMN unit TEXT NOT NULL DEFAULT '';";
