//! Wall-clock time in a schedule's timezone, by the contract's rule.
//!
//! A wall time that does not exist (a spring-forward gap) is read with the
//! UTC offset in force before the gap; one that occurs twice (a fall-back
//! fold) is the earlier instant. This is the RFC 5545 rule, and every local
//! time in the format goes through [`resolve`].

use chrono::{DateTime, LocalResult, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;

/// How a wall time maps onto instants in a timezone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WallKind {
    /// Exactly one instant.
    Normal,
    /// No instant: the time falls in a spring-forward gap.
    Nonexistent,
    /// Two instants: the time falls in a fall-back fold.
    Ambiguous,
}

/// The instant a wall time names in `tz`, by the gap-and-fold rule.
pub fn resolve(tz: &Tz, wall: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&wall) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(a, b) => a.with_timezone(&Utc).min(b.with_timezone(&Utc)),
        LocalResult::None => {
            // The offset in force before the gap: the offset a day earlier.
            // (Offsets are within ±1 day, so that instant is before the
            // transition; IANA zones never change offset twice in a day.)
            let probe = wall - TimeDelta::days(1);
            let before = tz.offset_from_utc_datetime(&probe).fix();
            let utc = wall - TimeDelta::seconds(i64::from(before.local_minus_utc()));
            utc.and_utc()
        }
    }
}

/// Classifies a wall time in `tz`.
pub fn wall_kind(tz: &Tz, wall: NaiveDateTime) -> WallKind {
    match tz.from_local_datetime(&wall) {
        LocalResult::Single(_) => WallKind::Normal,
        LocalResult::Ambiguous(..) => WallKind::Ambiguous,
        LocalResult::None => WallKind::Nonexistent,
    }
}

/// The wall clock in `tz` at instant `t`.
pub fn local(tz: &Tz, t: DateTime<Utc>) -> NaiveDateTime {
    t.with_timezone(tz).naive_local()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use chrono_tz::{America, Europe, Pacific, UTC};

    fn wall(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn gap_reads_with_offset_before() {
        // 02:30 on 2026-03-29 in Prague does not exist: it is 03:30 CEST.
        let t = resolve(&Europe::Prague, wall(2026, 3, 29, 2, 30));
        assert_eq!(t, utc("2026-03-29T01:30:00Z"));
        assert_eq!(local(&Europe::Prague, t), wall(2026, 3, 29, 3, 30));
        assert_eq!(
            wall_kind(&Europe::Prague, wall(2026, 3, 29, 2, 30)),
            WallKind::Nonexistent
        );
    }

    #[test]
    fn fold_reads_earlier() {
        // 02:30 on 2026-10-25 in Prague happens twice: take CEST (+02:00).
        let t = resolve(&Europe::Prague, wall(2026, 10, 25, 2, 30));
        assert_eq!(t, utc("2026-10-25T00:30:00Z"));
        assert_eq!(
            wall_kind(&Europe::Prague, wall(2026, 10, 25, 2, 30)),
            WallKind::Ambiguous
        );
    }

    #[test]
    fn new_york_gap_and_fold() {
        let t = resolve(&America::New_York, wall(2026, 3, 8, 2, 15));
        assert_eq!(t, utc("2026-03-08T07:15:00Z")); // 03:15 EDT
        let t = resolve(&America::New_York, wall(2026, 11, 1, 1, 30));
        assert_eq!(t, utc("2026-11-01T05:30:00Z")); // 01:30 EDT, the first one
    }

    #[test]
    fn samoa_skipped_day() {
        // Samoa skipped 2011-12-30 entirely (-10:00 to +14:00).
        let t = resolve(&Pacific::Apia, wall(2011, 12, 30, 12, 0));
        assert_eq!(t, utc("2011-12-30T22:00:00Z"));
        assert_eq!(local(&Pacific::Apia, t), wall(2011, 12, 31, 12, 0));
    }

    #[test]
    fn utc_is_plain() {
        let t = resolve(&UTC, wall(2026, 3, 29, 2, 30));
        assert_eq!(t, utc("2026-03-29T02:30:00Z"));
        assert_eq!(wall_kind(&UTC, wall(2026, 3, 29, 2, 30)), WallKind::Normal);
    }
}
