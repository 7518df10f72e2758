//! The readings' straight line, kept as five sums. A forecast is the
//! least-squares line through a target's readings, read at its time limit;
//! the line needs only the count and the sums of x, x², y and xy (x a
//! reading's day, y its value), which the store keeps beside each
//! milestone as readings come and go. So a list row, the agenda, `X`, the
//! headings' counts and a report all judge an item from its one row, with
//! the same forecast as its detail, and none of them reads a reading.
//!
//! Days count from `EPOCH` as whole numbers, so the x sums are exact
//! integers: "all readings on one day" (no line) is decided exactly, never
//! by a rounding residue.

use jiff::civil::Date;

/// Day 0 of the x axis, near the plans' years to keep the sums small.
pub const EPOCH: Date = jiff::civil::date(2020, 1, 1);

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Trend {
    pub readings: i64,
    pub sum_x: i64,
    pub sum_xx: i64,
    pub sum_y: f64,
    pub sum_xy: f64,
}

/// Whole days from `EPOCH` to `day`.
pub fn day_number(day: Date) -> i64 {
    EPOCH
        .until(day)
        .map_or(0, |span| i64::from(span.get_days()))
}

impl Trend {
    /// The sums of `readings`, as the store keeps them.
    pub fn of(readings: &[(Date, f64)]) -> Trend {
        readings.iter().fold(Trend::default(), |t, (day, y)| {
            let x = day_number(*day);
            #[allow(clippy::cast_precision_loss)]
            let xf = x as f64;
            Trend {
                readings: t.readings + 1,
                sum_x: t.sum_x + x,
                sum_xx: t.sum_xx + x * x,
                sum_y: t.sum_y + y,
                sum_xy: t.sum_xy + xf * y,
            }
        })
    }

    /// Where the line stands on `day`; None with fewer than two readings
    /// on different days: one point gives no pace.
    pub fn at(&self, day: Date) -> Option<f64> {
        let n = i128::from(self.readings);
        // n·Σx² − (Σx)², exact: zero when every reading is on one day.
        let spread = n * i128::from(self.sum_xx) - i128::from(self.sum_x).pow(2);
        if n < 2 || spread <= 0 {
            return None;
        }
        #[allow(clippy::cast_precision_loss)]
        let (nf, sx, spread) = (n as f64, self.sum_x as f64, spread as f64);
        let slope = (nf * self.sum_xy - sx * self.sum_y) / spread;
        let (mean_x, mean_y) = (sx / nf, self.sum_y / nf);
        #[allow(clippy::cast_precision_loss)]
        let x = day_number(day) as f64;
        let at = mean_y + slope * (x - mean_x);
        at.is_finite().then_some(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn the_line_needs_two_days() {
        assert_eq!(Trend::default().at(day("2023-12-31")), None);
        let one = Trend::of(&[(day("2023-03-31"), 400.0)]);
        assert_eq!(one.at(day("2023-12-31")), None);
        let same_day = Trend::of(&[(day("2023-03-31"), 400.0), (day("2023-03-31"), 410.0)]);
        assert_eq!(same_day.at(day("2023-12-31")), None);
    }

    #[test]
    fn a_steady_rise_is_read_off_its_line() {
        // +30 a quarter from 400 at the end of March: about 489 at year end.
        let t = Trend::of(&[(day("2023-03-31"), 400.0), (day("2023-06-30"), 430.0)]);
        let f = t.at(day("2023-12-31")).unwrap();
        assert!((f - 489.0).abs() < 3.0, "{f}");
        assert!((t.at(day("2023-03-31")).unwrap() - 400.0).abs() < 1e-6);
    }

    proptest::proptest! {
        /// Readings on a straight line, of any size a plan holds (亿 and
        /// 万 alike), forecast that line's value, from days before and
        /// after the epoch.
        #[test]
        fn points_on_a_line_forecast_the_line(
            start in -3000i64..6000,
            step in 1i64..120,
            count in 2i64..40,
            base in -1e12f64..1e12,
            slope in -1e8f64..1e8,
        ) {
            let first = EPOCH.checked_add(jiff::Span::new().days(start)).unwrap();
            let on = |d: i64| base + slope * d as f64;
            let readings: Vec<(Date, f64)> = (0..count)
                .map(|i| (first.checked_add(jiff::Span::new().days(i * step)).unwrap(), on(i * step)))
                .collect();
            let ahead = count * step + 90;
            let at = first.checked_add(jiff::Span::new().days(ahead)).unwrap();
            let f = Trend::of(&readings).at(at).unwrap();
            let want = on(ahead);
            let scale = base.abs().max((slope * ahead as f64).abs()).max(1.0);
            proptest::prop_assert!((f - want).abs() <= scale * 1e-6, "{} vs {}", f, want);
        }
    }
}
