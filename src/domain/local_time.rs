//! The network's wall-clock time. Every city of the Greater Region (Luxembourg, France, Germany,
//! Belgium) keeps Central European Time with the EU's summer time: from 01:00 UTC on the last
//! Sunday of March to 01:00 UTC on the last Sunday of October (Directive 2000/84/EC). Moments
//! stored as UTC seconds are shown in it, so a page never prints a raw UTC timestamp.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset, Weekday};

/// The last Sunday of `month` in `year`.
fn last_sunday(year: i32, month: Month) -> Date {
    let mut day = Date::from_calendar_date(year, month, month.length(year)).unwrap_or(Date::MIN);
    while day.weekday() != Weekday::Sunday {
        day = day.previous_day().unwrap_or(Date::MIN);
    }
    day
}

/// The offset from UTC at the moment `utc`: +02:00 in summer, +01:00 otherwise.
pub fn offset_at(utc: OffsetDateTime) -> UtcOffset {
    let year = utc.year();
    let one = Time::from_hms(1, 0, 0).unwrap_or(Time::MIDNIGHT);
    let start = PrimitiveDateTime::new(last_sunday(year, Month::March), one).assume_utc();
    let end = PrimitiveDateTime::new(last_sunday(year, Month::October), one).assume_utc();
    let hours = if utc >= start && utc < end { 2 } else { 1 };
    UtcOffset::from_hms(hours, 0, 0).unwrap_or(UtcOffset::UTC)
}

/// The wall-clock time in the network's cities at `seconds` after the Unix epoch (UTC).
pub fn local(seconds: i64) -> Option<PrimitiveDateTime> {
    let utc = OffsetDateTime::from_unix_timestamp(seconds).ok()?;
    let local = utc.to_offset(offset_at(utc));
    Some(PrimitiveDateTime::new(local.date(), local.time()))
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn summer_time_starts_and_ends_at_one_in_the_morning_utc_on_the_last_sundays() {
        let cases = [
            // 2027: 28 March and 31 October.
            (datetime!(2027-03-28 00:59:59 UTC), "2027-03-28 1:59:59.0"),
            (datetime!(2027-03-28 01:00:00 UTC), "2027-03-28 3:00:00.0"),
            (datetime!(2027-10-31 00:59:59 UTC), "2027-10-31 2:59:59.0"),
            (datetime!(2027-10-31 01:00:00 UTC), "2027-10-31 2:00:00.0"),
            (datetime!(2026-12-07 06:47:32 UTC), "2026-12-07 7:47:32.0"),
            (datetime!(2026-07-01 22:30:00 UTC), "2026-07-02 0:30:00.0"),
        ];
        for (utc, expected) in cases {
            let shown = local(utc.unix_timestamp()).expect("in range").to_string();
            assert_eq!(shown, expected, "{utc}");
        }
    }
}
