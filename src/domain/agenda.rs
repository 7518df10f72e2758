//! The agenda: what needs a planner's attention across the whole plan,
//! overdue first, then what falls due soon, then what has no time limit
//! (so that nothing hides). Work done or dropped is not on it, nor a past
//! figure (a numeric indicator with no target, which is never due).

use super::rows::MilestoneRow;

/// "Soon" runs, unless the planner asks otherwise, from today to the last
/// day of next month: late November shows the year end (a fixed 30 days
/// on 11-27 missed the 42 items due 12-31), late December all of January.
pub fn soon_days(today: jiff::civil::Date) -> i64 {
    let end = today
        .first_of_month()
        .checked_add(jiff::Span::new().months(1))
        .map_or(today, jiff::civil::Date::last_of_month);
    today
        .until(end)
        .map_or(0, |span| i64::from(span.get_days()))
}

/// At most this many items per section are read; the counts say how many
/// there are in all.
pub const SECTION_LIMIT: usize = 500;

/// Counts stop here: past it a section says "1000+". Counting a city
/// plan's tens of thousands of overdue rows would cost more than the rest
/// of the agenda, to tell a planner no more than that.
pub const COUNT_CAP: usize = 1000;

/// The windows of "soon" a planner steps through, in days.
pub const WINDOWS: [i64; 5] = [7, 14, 30, 60, 90];

/// What the agenda is narrowed by, a step at a time: the next direction,
/// 工程 or owner (after the last, the whole plan again), or the next
/// window of "soon".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Narrow {
    Direction,
    Program,
    Owner,
    Window,
    /// `r`: only red and yellow items, or everything again.
    Alarming,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Overdue,
    Soon,
    Undated,
}

#[cfg(test)]
mod tests {
    #[test]
    fn soon_runs_to_the_end_of_next_month() {
        let days = |d: &str| super::soon_days(d.parse().unwrap());
        assert_eq!(days("2023-11-27"), 34, "the year end in sight");
        assert_eq!(days("2023-12-31"), 31);
        assert_eq!(days("2024-01-31"), 29, "to the end of a leap February");
        assert_eq!(days("2023-01-01"), 58);
        assert_eq!(days("9999-12-31"), 0, "past the calendar's end: today only");
    }
}

impl Section {
    pub const ALL: [Section; 3] = [Section::Overdue, Section::Soon, Section::Undated];
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Agenda {
    /// Days ahead that count as soon.
    pub soon_days: i64,
    pub overdue: Vec<MilestoneRow>,
    pub soon: Vec<MilestoneRow>,
    pub undated: Vec<MilestoneRow>,
    /// How many each section holds in all (it may show fewer), counted up
    /// to one past `COUNT_CAP`.
    pub totals: [usize; 3],
}

impl Agenda {
    pub fn section(&self, s: Section) -> &[MilestoneRow] {
        match s {
            Section::Overdue => &self.overdue,
            Section::Soon => &self.soon,
            Section::Undated => &self.undated,
        }
    }

    pub fn total(&self, s: Section) -> usize {
        match s {
            Section::Overdue => self.totals[0],
            Section::Soon => self.totals[1],
            Section::Undated => self.totals[2],
        }
    }

    /// Every item shown, in order: what the selection moves over.
    pub fn items(&self) -> impl Iterator<Item = (Section, &MilestoneRow)> {
        Section::ALL
            .into_iter()
            .flat_map(move |s| self.section(s).iter().map(move |m| (s, m)))
    }

    /// A section's total as said: `1000+` past the cap.
    pub fn total_text(&self, s: Section) -> String {
        let total = self.total(s);
        if total > COUNT_CAP {
            format!("{COUNT_CAP}+")
        } else {
            total.to_string()
        }
    }

    /// Only the rows `keep` keeps, each section's count then the number
    /// kept of the rows read (a section past `SECTION_LIMIT` counts only
    /// what was read).
    pub fn only(mut self, keep: impl Fn(&MilestoneRow) -> bool) -> Agenda {
        for (i, rows) in [&mut self.overdue, &mut self.soon, &mut self.undated]
            .into_iter()
            .enumerate()
        {
            rows.retain(|m| keep(m));
            self.totals[i] = rows.len();
        }
        self
    }

    pub fn len(&self) -> usize {
        self.overdue.len() + self.soon.len() + self.undated.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
