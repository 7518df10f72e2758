//! The readings of a numeric target over its period, as a few rows of
//! block characters under the target line: each column is a stretch of
//! days from the period's start to its time limit, as tall as the newest
//! reading on or before it. Columns after today stay empty, so the gap
//! between the bars and the line is what is left to do, and the empty
//! width is the time left to do it in. Plain text, so it reads in any
//! terminal and in a snapshot.

use jiff::civil::Date;

/// A share of the chart's height in eighths of a cell, 0 to `ROWS * 8`.
fn eighths(share: f64) -> usize {
    let full = ROWS * 8;
    #[allow(clippy::cast_precision_loss)]
    let n = (share.clamp(0.0, 1.0) * full as f64).round();
    // Clamped to 0..=16 above: exact in a usize.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let n = n as usize;
    n.min(full)
}

/// Rows of bars; with the target line and the axis, four lines in all.
const ROWS: usize = 2;
const EIGHTHS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The chart's lines for `width` cells, or nothing when there is nothing
/// to draw (no reading, no target, a period that is not one).
pub fn readings_chart(
    readings: &[(Date, f64)],
    target: f64,
    start: Date,
    due: Date,
    today: Date,
    width: usize,
    target_label: &str,
) -> Vec<String> {
    // A reading after the time limit (a late figure) widens the period to
    // it, so it is drawn rather than dropped.
    let due = readings.iter().map(|r| r.0).fold(due, Date::max);
    let days = (due - start).get_days();
    let top = readings.iter().map(|r| r.1).fold(target, f64::max);
    if readings.is_empty() || width < 12 || days <= 0 || top <= 0.0 || top.is_nan() {
        return Vec::new();
    }
    let cols = i64::try_from(width).unwrap_or(i64::MAX);
    let last_day = |x: i64| {
        let offset = (i64::from(days) * (x + 1)) / cols;
        start
            .checked_add(jiff::Span::new().days(offset))
            .unwrap_or(due)
    };
    let heights: Vec<Option<usize>> = (0..cols)
        .map(|x| {
            let first = if x == 0 { start } else { last_day(x - 1) };
            if first > today {
                return None;
            }
            let shown = last_day(x).min(today);
            readings
                .iter()
                .filter(|r| r.0 <= shown)
                .max_by_key(|r| r.0)
                .map(|r| eighths(r.1 / top))
        })
        .collect();
    let target_cells = width.saturating_sub(target_label.chars().count() + 1);
    let mut lines = vec![format!("{} {target_label}", "┈".repeat(target_cells))];
    for row in (0..ROWS).rev() {
        let line: String = heights
            .iter()
            .map(|h| match h {
                None => ' ',
                Some(h) => EIGHTHS[h.saturating_sub(row * 8).min(8)],
            })
            .collect();
        lines.push(line.trim_end().to_owned());
    }
    let (from, to) = (start.to_string(), due.to_string());
    let gap = width.saturating_sub(from.len() + to.len());
    lines.push(format!("{from}{}{to}", " ".repeat(gap)));
    lines
}

const CHART_MIN_CELLS: usize = 36;

/// The readings over the target's period under its target line, for a
/// numeric target with a time limit and at least one reading.
pub fn of_detail(
    app: &crate::app::App,
    d: &crate::domain::rows::Detail,
    cells: usize,
) -> Vec<String> {
    let m = &d.milestone;
    // Below this width the bars say little and push the value and the
    // notes out of a three-pane screen; `z` gives the pane the width.
    if cells < CHART_MIN_CELLS {
        return Vec::new();
    }
    let (Some(target), Some(due), today, Ok(start)) = (
        m.target,
        m.due_date(),
        app.today,
        jiff::civil::Date::new(app.plan_year, 1, 1),
    ) else {
        return Vec::new();
    };
    let points: Vec<(jiff::civil::Date, f64)> = d
        .readings
        .iter()
        .filter_map(|r| Some((r.as_of.parse::<jiff::civil::Date>().ok()?, r.value)))
        .collect();
    let label = app.lang.amount(target, &m.unit);
    readings_chart(
        &points,
        target,
        start,
        due,
        today,
        cells.min(60),
        label.trim(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn bars_rise_with_the_readings_and_stop_at_today() {
        let readings = [(date(2023, 3, 31), 150.0), (date(2023, 6, 30), 480.0)];
        let lines = readings_chart(
            &readings,
            600.0,
            date(2023, 1, 1),
            date(2023, 12, 31),
            date(2023, 8, 31),
            24,
            "600 家",
        );
        assert_eq!(lines.len(), 4, "{lines:#?}");
        assert!(lines[0].ends_with(" 600 家") && lines[0].starts_with('┈'));
        // Nothing before the first reading, nothing after today (two
        // thirds of the year: seventeen of twenty-four columns begin by it).
        let bottom: Vec<char> = lines[2].chars().collect();
        assert_eq!(bottom[0], ' ');
        assert_eq!(bottom.len(), 17, "{lines:#?}");
        // 150 of 600 is four of sixteen eighths, in the bottom row; 480 is
        // thirteen: a full bottom cell and five eighths above it.
        assert_eq!(lines[2].trim(), "▄▄▄▄▄▄██████", "{lines:#?}");
        assert_eq!(lines[1].trim(), "▅▅▅▅▅▅", "{lines:#?}");
        assert_eq!(lines[3], format!("2023-01-01{}2023-12-31", " ".repeat(4)));
    }

    #[test]
    fn nothing_to_draw_is_no_lines() {
        let d = date(2023, 1, 1);
        assert!(readings_chart(&[], 600.0, d, date(2023, 12, 31), d, 40, "600").is_empty());
        assert!(readings_chart(&[(d, 1.0)], 600.0, d, d, d, 40, "600").is_empty());
        assert!(readings_chart(&[(d, 0.0)], 0.0, d, date(2023, 2, 1), d, 40, "0").is_empty());
    }
}
