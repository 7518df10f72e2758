//! Shared indicators (指标): a target may count towards one of the city's
//! indicators (国家级高新技术企业数, 家), and the city sums each across its
//! units' plans of a year. Sums are made only within one unit of measure:
//! 家 and 个 of one name are two lines, never added together.

/// One plan's targets linked to one indicator, in one unit of measure.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorSum {
    pub indicator: String,
    /// The targets' unit (家, 亿元).
    pub unit: String,
    pub items: i64,
    pub target: Option<f64>,
    pub current: Option<f64>,
}

/// One indicator of one year across the plans that link to it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorTotal {
    pub year: i64,
    pub indicator: String,
    pub unit: String,
    /// Each plan's unit (东城街道) and its sums, in the order given.
    pub by_plan: Vec<(String, IndicatorSum)>,
    pub target: Option<f64>,
    pub current: Option<f64>,
}

fn add(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a + b),
        (a, None) => a,
        (None, b) => b,
    }
}

/// Every indicator of every year, from each plan's (its unit, its year,
/// its sums), by year, then indicator, then unit of measure.
pub fn totals(plans: &[(String, i64, Vec<IndicatorSum>)]) -> Vec<IndicatorTotal> {
    let mut all: Vec<IndicatorTotal> = Vec::new();
    for (unit, year, sums) in plans {
        for s in sums {
            let at = all
                .iter()
                .position(|t| t.year == *year && t.indicator == s.indicator && t.unit == s.unit);
            let t = match at {
                Some(i) => &mut all[i],
                None => {
                    all.push(IndicatorTotal {
                        year: *year,
                        indicator: s.indicator.clone(),
                        unit: s.unit.clone(),
                        by_plan: Vec::new(),
                        target: None,
                        current: None,
                    });
                    let last = all.len() - 1;
                    &mut all[last]
                }
            };
            t.target = add(t.target, s.target);
            t.current = add(t.current, s.current);
            t.by_plan.push((unit.clone(), s.clone()));
        }
    }
    all.sort_by(|a, b| (a.year, &a.indicator, &a.unit).cmp(&(b.year, &b.indicator, &b.unit)));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sum(indicator: &str, unit: &str, target: f64, current: Option<f64>) -> IndicatorSum {
        IndicatorSum {
            indicator: indicator.into(),
            unit: unit.into(),
            items: 1,
            target: Some(target),
            current,
        }
    }

    #[test]
    fn an_indicator_is_summed_across_units_of_a_year_within_one_unit_of_measure() {
        let plans = vec![
            (
                "东城街道".to_owned(),
                2024,
                vec![sum("高企数", "家", 600.0, Some(560.0))],
            ),
            (
                "南城街道".to_owned(),
                2024,
                vec![
                    sum("高企数", "家", 30.0, None),
                    sum("高企数", "个", 5.0, None),
                ],
            ),
            (
                "东城街道".to_owned(),
                2023,
                vec![sum("高企数", "家", 560.0, Some(540.0))],
            ),
        ];
        let t = totals(&plans);
        assert_eq!(t.len(), 3);
        assert_eq!(
            (t[0].year, t[0].target, t[0].current),
            (2023, Some(560.0), Some(540.0))
        );
        let home = t.iter().find(|t| t.year == 2024 && t.unit == "家").unwrap();
        assert_eq!(home.target, Some(630.0));
        assert_eq!(
            home.current,
            Some(560.0),
            "a unit without a value adds nothing"
        );
        assert_eq!(home.by_plan.len(), 2);
        let other = t.iter().find(|t| t.unit == "个").unwrap();
        assert_eq!(other.target, Some(5.0), "家 and 个 are never added");
    }
}
