//! The one clock of the program. Instants are stored in UTC; "now", "today"
//! and every time shown to a planner are read from here, in the planner's
//! time zone (`TZ`, else the system's). `PLAN_COCKPIT_NOW` (an RFC 3339
//! instant such as `2023-11-27T09:00:00+08:00`) runs the whole program at
//! that moment, for demos and tests: nothing else reads the wall clock.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime};

/// The variable that pins the clock.
pub const NOW_VARIABLE: &str = "PLAN_COCKPIT_NOW";

#[derive(Debug, Clone)]
pub struct Clock {
    /// None: the wall clock. Some: always this instant.
    fixed: Option<Timestamp>,
    zone: TimeZone,
}

impl Default for Clock {
    fn default() -> Clock {
        Clock::system()
    }
}

impl Clock {
    /// The wall clock, in the planner's zone (UTC when `TZ` names none:
    /// `from_env` refuses that in words).
    pub fn system() -> Clock {
        Clock {
            fixed: None,
            zone: planner_zone().unwrap_or(TimeZone::UTC),
        }
    }

    /// Always `at`, in the planner's zone.
    pub fn fixed(at: Timestamp) -> Clock {
        Clock {
            fixed: Some(at),
            zone: planner_zone().unwrap_or(TimeZone::UTC),
        }
    }

    /// Always `at`, in `zone` (tests that must not depend on the machine).
    pub fn fixed_in(at: Timestamp, zone: TimeZone) -> Clock {
        Clock {
            fixed: Some(at),
            zone,
        }
    }

    /// The clock `PLAN_COCKPIT_NOW` asks for, else the wall clock. A value
    /// that is not an instant is refused with an example, rather than
    /// quietly ignored.
    pub fn from_env() -> Result<Clock, super::refusal::Refusal> {
        let zone = planner_zone()?;
        let fixed = match std::env::var(NOW_VARIABLE) {
            Ok(v) if !v.trim().is_empty() => {
                Some(super::dates::parse_rfc3339(v.trim()).ok_or_else(|| {
                    super::refusal::Refusal::BadNow {
                        variable: NOW_VARIABLE,
                        typed: v.clone(),
                    }
                })?)
            }
            _ => None,
        };
        Ok(Clock { fixed, zone })
    }

    pub fn now(&self) -> Timestamp {
        self.fixed.unwrap_or_else(Timestamp::now)
    }

    /// Now, as stored: UTC, whole seconds.
    pub fn now_text(&self) -> String {
        super::dates::format_instant(self.now())
    }

    /// Now in the planner's zone.
    pub fn local(&self) -> ZonedDateTime {
        self.now().to_zoned_datetime(self.zone.clone())
    }

    /// The planner's calendar day: readings, overdue checks.
    pub fn today(&self) -> Date {
        self.local().date()
    }

    /// A stored instant as the planner reads it, to the minute
    /// (`2023-06-30 08:30`); text that is not an instant is shown as it is.
    pub fn local_minute(&self, instant: &str) -> String {
        match instant.trim().parse::<Timestamp>() {
            Ok(ts) => ts
                .to_zoned_datetime(self.zone.clone())
                .strftime("%Y-%m-%d %H:%M")
                .to_string(),
            Err(_) => instant.to_owned(),
        }
    }

    /// The planner's calendar day of a stored instant; None for text that
    /// is not one.
    pub fn local_day(&self, instant: &str) -> Option<Date> {
        let ts = instant.trim().parse::<Timestamp>().ok()?;
        Some(ts.to_zoned_datetime(self.zone.clone()).date())
    }

    /// The first instant of `day` in the planner's zone, as stored (UTC):
    /// where "changes since that day" begin.
    pub fn start_of(&self, day: Date) -> String {
        day.to_zoned_datetime(self.zone.clone()).map_or_else(
            |_| format!("{day}T00:00:00Z"),
            |z| super::dates::format_instant(z.timestamp()),
        )
    }

    /// `20231231-235959`, for file names.
    pub fn stamp(&self) -> String {
        self.local().strftime("%Y%m%d-%H%M%S").to_string()
    }
}

/// `TZ` when set, else the system's zone. The system's is read straight
/// from `/etc/localtime`: asking jiff for "the system zone" first lists the
/// whole zone database to name it, which cost the cockpit's first frame a
/// few milliseconds for nothing (only the rules are needed here).
///
/// `TZ` is read here, never handed to a library: `TZ=/dev/zero` (or a huge
/// file) made it read without end. A file is read only if it is a regular
/// file of at most 1 MiB (a zone file is a few KiB); a name is looked up in
/// the zone database; anything else must be a POSIX rule (`CST-8`).
fn planner_zone() -> Result<TimeZone, super::refusal::Refusal> {
    use super::refusal::ZoneWhy;
    let Some(tz) = std::env::var("TZ").ok().filter(|v| !v.trim().is_empty()) else {
        return Ok(read_zone_file(std::path::Path::new("/etc/localtime"))
            .unwrap_or_else(|_| TimeZone::try_system().unwrap_or(TimeZone::UTC)));
    };
    let refused = |why: ZoneWhy| super::refusal::Refusal::BadZone {
        typed: tz.clone(),
        why,
    };
    let name = tz.trim();
    let name = name.strip_prefix(':').unwrap_or(name);
    if name.starts_with('/') {
        return read_zone_file(std::path::Path::new(name)).map_err(refused);
    }
    if name.split('/').any(|part| part == "..") {
        return Err(refused(ZoneWhy::NotAName));
    }
    TimeZone::get(name)
        .or_else(|_| TimeZone::posix(name))
        .map_err(|_| refused(ZoneWhy::NotAName))
}

/// The largest zone file read: real ones are a few KiB.
const MAX_ZONE_FILE: u64 = 1024 * 1024;

fn read_zone_file(path: &std::path::Path) -> Result<TimeZone, super::refusal::ZoneWhy> {
    use super::refusal::ZoneWhy;
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|_| ZoneWhy::NoFile)?;
    if !meta.is_file() {
        return Err(ZoneWhy::NotAFile);
    }
    if meta.len() > MAX_ZONE_FILE {
        return Err(ZoneWhy::TooLarge);
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_ZONE_FILE).read_to_end(&mut bytes))
        .map_err(|_| ZoneWhy::Unreadable)?;
    TimeZone::tzif(&path.display().to_string(), &bytes).map_err(|_| ZoneWhy::NotAZoneFile)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pinned_clock_gives_local_days_and_times() {
        let zone = TimeZone::get("Asia/Shanghai").unwrap();
        // 2023-06-30 23:30 in Dongguan is still the 30th there, the 30th in UTC too;
        // 00:30 on 1 July there is 16:30 on 30 June in UTC.
        let c = Clock::fixed_in("2023-06-30T16:30:00Z".parse().unwrap(), zone);
        assert_eq!(c.today().to_string(), "2023-07-01");
        assert_eq!(c.now_text(), "2023-06-30T16:30:00Z");
        assert_eq!(c.local_minute("2023-06-30T00:30:00Z"), "2023-06-30 08:30");
        assert_eq!(c.local_minute("not a time"), "not a time");
        assert_eq!(c.stamp(), "20230701-003000");
    }
}
