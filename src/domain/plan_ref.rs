//! `--plan`: which plan a command means, by its unit and year
//! (`南城街道/2024`, `2024`, `南城街道`) or its identity (32 hex digits, as
//! `plan show` prints it). A store holds one plan today, so naming it is a
//! check that the database given is the one meant — a script pointed at
//! last year's file is refused instead of writing there.

use super::refusal::Refusal;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanRef {
    Identity(String),
    Named {
        unit: Option<String>,
        year: Option<i16>,
    },
}

impl PlanRef {
    pub fn parse(typed: &str) -> Result<PlanRef, Refusal> {
        let t = typed.trim();
        let refused = || Refusal::NotAPlan {
            typed: t.to_owned(),
        };
        if t.is_empty() {
            return Err(refused());
        }
        if t.len() == 32 && t.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(PlanRef::Identity(t.to_ascii_lowercase()));
        }
        let year = |y: &str| -> Result<i16, Refusal> {
            y.trim()
                .parse::<i16>()
                .ok()
                .filter(|y| (2000..=2100).contains(y))
                .ok_or_else(refused)
        };
        match t.split_once('/') {
            Some((unit, y)) if !unit.trim().is_empty() => Ok(PlanRef::Named {
                unit: Some(unit.trim().to_owned()),
                year: Some(year(y)?),
            }),
            Some(_) => Err(refused()),
            None if t.bytes().all(|b| b.is_ascii_digit()) => Ok(PlanRef::Named {
                unit: None,
                year: Some(year(t)?),
            }),
            None => Ok(PlanRef::Named {
                unit: Some(t.to_owned()),
                year: None,
            }),
        }
    }

    /// Whether a plan with this identity, unit and year is the one meant. A
    /// plan that names no unit matches no unit: none is guessed.
    pub fn matches(&self, identity: &str, unit: &str, year: i64) -> bool {
        match self {
            PlanRef::Identity(id) => id == identity,
            PlanRef::Named { unit: u, year: y } => {
                u.as_ref().is_none_or(|u| u == unit.trim())
                    && y.is_none_or(|y| i64::from(y) == year)
            }
        }
    }
}

/// The name a plan of `unit` and `year` is kept under in a store of many
/// plans — a schema on a server, a file (`+ .db`) in a folder: the unit in
/// pinyin and the year (`nanchengjiedao_2024`), readable in psql, in a
/// grant and in `ls`.
pub fn store_name(unit: &str, year: i64) -> String {
    let key = super::pinyin::key(unit);
    let full = key.split('\u{1}').next().unwrap_or("");
    let latin: String = if full.is_empty() {
        unit.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    } else {
        full.to_owned()
    };
    // PostgreSQL keeps 63 bytes of a name.
    let latin: String = latin.chars().take(50).collect();
    if latin.is_empty() {
        format!("plan_{year}")
    } else {
        format!("{latin}_{year}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_is_kept_under_a_name_of_its_unit_and_year() {
        assert_eq!(store_name("南城街道", 2024), "nanchengjiedao_2024");
        assert_eq!(store_name("Test Unit", 2023), "testunit_2023");
        assert_eq!(store_name("", 2025), "plan_2025");
        assert_eq!(store_name("../..", 2025), "plan_2025", "never a path");
    }

    #[test]
    fn a_plan_is_named_by_unit_and_year_or_by_identity() {
        let id = "52f8888154cc166280ade0ed658efffc";
        let both = PlanRef::parse(" 南城街道 / 2024 ").unwrap();
        assert!(both.matches(id, "南城街道", 2024));
        assert!(!both.matches(id, "南城街道", 2023));
        assert!(!both.matches(id, "", 2024), "no unit is guessed");
        assert!(PlanRef::parse("2024").unwrap().matches(id, "", 2024));
        assert!(
            PlanRef::parse("东城街道")
                .unwrap()
                .matches(id, "东城街道", 2023)
        );
        assert!(
            PlanRef::parse(&id.to_uppercase())
                .unwrap()
                .matches(id, "", 0)
        );
        for bad in [
            "",
            " ",
            "/2024",
            "南城街道/24",
            "南城街道/二〇二四",
            "99999",
        ] {
            assert!(PlanRef::parse(bad).is_err(), "{bad:?}");
        }
    }
}
