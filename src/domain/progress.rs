//! How far a milestone has come. Pure arithmetic over the stored fields.

use super::status::{Kind, Status};

/// The fields progress depends on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measure {
    pub kind: Kind,
    pub status: Status,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub current: Option<f64>,
}

impl Measure {
    /// Share of the way from baseline (or zero) to target, clamped to 0..=1.
    /// `None` when there is nothing to measure against: a numeric indicator
    /// with no target, or dropped work.
    pub fn progress(&self) -> Option<f64> {
        if self.status == Status::Dropped {
            return None;
        }
        match self.kind {
            Kind::YesNo => Some(if self.status == Status::Done {
                1.0
            } else {
                0.0
            }),
            Kind::Numeric => {
                let target = self.target?;
                let start = self.baseline.unwrap_or(0.0);
                let span = target - start;
                let current = self.current.unwrap_or(start);
                let share = if span == 0.0 {
                    if current >= target { 1.0 } else { 0.0 }
                } else {
                    (current - start) / span
                };
                Some(share.clamp(0.0, 1.0))
            }
        }
    }

    /// Whole percent, for lists.
    pub fn percent(&self) -> Option<u8> {
        self.progress().map(percent)
    }
}

/// A numeric milestone's value against its target, as planners read it:
/// `512/600 家`, `—/600 家` (nothing recorded yet), `9 家` (no target).
pub fn value_against_target(current: Option<f64>, target: Option<f64>, unit: &str) -> String {
    let cur = current.map_or_else(|| "—".into(), format_value);
    let unit = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    match target {
        Some(t) => format!("{cur}/{}{unit}", format_value(t)),
        None => format!("{cur}{unit}"),
    }
}

/// Past its time limit and neither done nor dropped, on the planner's
/// `today`. A time limit that is no day (see `TimeLimit`) is never past.
pub fn is_overdue(
    status: super::Status,
    due: Option<jiff::civil::Date>,
    today: jiff::civil::Date,
) -> bool {
    !status.is_closed() && due.is_some_and(|d| d < today)
}

/// A share (0.0–1.0, clamped) as a whole percent, rounded down: 0.999 is
/// 99 %, never 100 % before the target is reached.
pub fn percent(share: f64) -> u8 {
    let p = (share.clamp(0.0, 1.0) * 100.0).floor();
    // Clamped to 0..=100 just above, so the cast is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let p = p as u8;
    p
}

/// Formats a value the way planners write it: `600`, `1.5`, `0.333`.
pub fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(baseline: Option<f64>, target: Option<f64>, current: Option<f64>) -> Measure {
        Measure {
            kind: Kind::Numeric,
            status: Status::Active,
            baseline,
            target,
            current,
        }
    }

    #[test]
    fn numeric_progress() {
        assert_eq!(m(None, Some(600.0), Some(150.0)).percent(), Some(25));
        assert_eq!(m(None, Some(600.0), None).percent(), Some(0));
        assert_eq!(m(Some(100.0), Some(200.0), Some(150.0)).percent(), Some(50));
        assert_eq!(m(None, Some(600.0), Some(900.0)).percent(), Some(100));
        assert_eq!(m(None, None, Some(9.0)).percent(), None);
        // A target below the baseline (cutting emissions) still counts up.
        assert_eq!(m(Some(100.0), Some(50.0), Some(75.0)).percent(), Some(50));
    }

    #[test]
    fn yes_no_progress() {
        let mut x = m(None, None, None);
        x.kind = Kind::YesNo;
        assert_eq!(x.percent(), Some(0));
        x.status = Status::Done;
        assert_eq!(x.percent(), Some(100));
        x.status = Status::Dropped;
        assert_eq!(x.percent(), None);
    }

    #[test]
    fn values() {
        assert_eq!(format_value(600.0), "600");
        assert_eq!(format_value(1.5), "1.5");
        assert_eq!(format_value(1.0 / 3.0), "0.333");
    }
}
