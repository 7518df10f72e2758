//! How far 下步计划 looks.

use super::*;

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn next_steps_reach_the_end_of_next_month_and_the_year_end_in_q4() {
    // Late November: to 31 December either way (34 days).
    assert_eq!(ahead_days(day("2023-11-27"), 2023, None), 34);
    // Mid-year: to the end of next month (July 15 → August 31).
    assert_eq!(ahead_days(day("2023-07-15"), 2023, None), 47);
    // Asked for a week in October: the year end still comes in.
    assert_eq!(ahead_days(day("2023-10-09"), 2023, Some(7)), 83);
    // Asked for more than the year end: as asked.
    assert_eq!(ahead_days(day("2023-12-20"), 2023, Some(60)), 60);
    // Another year than the plan's: only what was asked.
    assert_eq!(ahead_days(day("2026-11-29"), 2023, Some(7)), 7);
}
