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

fn line(at: &str, who: &str, place: &str, field: &str, new: &str) -> ChangeLine {
    ChangeLine {
        at: at.into(),
        author: who.into(),
        place: place.into(),
        field: field.into(),
        old: None,
        new: Some(new.into()),
    }
}

#[test]
fn a_reading_and_its_note_are_one_row_and_rows_group_by_item() {
    let rows = change_rows(vec![
        line("2023-10-09T02:00:00Z", "lihua", "600家", "current", "520"),
        line("2023-10-09T02:00:00Z", "lihua", "600家", "note", "7"),
        line(
            "2023-10-09T02:00:00Z",
            "lihua",
            "600家",
            "body",
            "三季度认定批次",
        ),
        line("2023-10-09T02:00:00Z", "lihua", "储能", "current", "28"),
        // The same instant by someone else is another save.
        line(
            "2023-10-09T02:00:00Z",
            "wangfang",
            "储能",
            "status",
            "at_risk",
        ),
        line("2023-10-30T02:00:00Z", "lihua", "600家", "current", "540"),
    ]);
    let shape: Vec<(&str, &str, usize)> = rows
        .iter()
        .map(|r| (r.place.as_str(), r.author.as_str(), r.parts.len()))
        .collect();
    assert_eq!(
        shape,
        [
            ("600家", "lihua", 3),
            ("600家", "lihua", 1),
            ("储能", "lihua", 1),
            ("储能", "wangfang", 1)
        ]
    );
    assert!(rows[0].at < rows[1].at, "each item's rows in time order");
}
