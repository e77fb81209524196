//! The TIME and DURATION arguments of the command line, and how times are
//! shown to people.
//!
//! TIME is RFC 3339 (`2026-03-29T01:30:00Z`), a local `YYYY-MM-DD HH:MM` or
//! `YYYY-MM-DD` (read in the viewer's timezone by the gap-and-fold rule),
//! `now`, or a relative form: `+2h`, `-30m`, `+1d` (calendar days keep the
//! wall time), `today`, `tomorrow 09:00`, `yesterday`, `monday`,
//! `next monday 09:00`, `last fri`. Everything is relative to the `now`
//! passed in: nothing here reads the clock.

use chrono::{
    DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike, Utc, Weekday,
};
use chrono_tz::Tz;

use crate::engine::{local, resolve};

/// Explains the accepted TIME forms, for error messages.
pub const TIME_FORMS: &str = "use RFC 3339 (2026-03-02T09:00:00+01:00), a local `2026-03-02 09:00` or `2026-03-02`, `now`, `+2h`, `-30m`, `+1d`, `tomorrow 09:00`, or `next monday 09:00`";

/// Parses a TIME argument.
pub fn parse_time(s: &str, now: DateTime<Utc>, tz: &Tz) -> Result<DateTime<Utc>, String> {
    parse_time_from(s, now, now, tz)
}

/// Parses a TIME argument whose relative forms (`+2d`, `-30m`) count from
/// `base` (like `--to +2d` after a `--from`); other forms as [`parse_time`].
/// Relative results are whole minutes.
pub fn parse_time_from(
    s: &str,
    now: DateTime<Utc>,
    base: DateTime<Utc>,
    tz: &Tz,
) -> Result<DateTime<Utc>, String> {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    if lower == "now" {
        return Ok(now);
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    for fmt in [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ] {
        if let Ok(w) = NaiveDateTime::parse_from_str(s, fmt) {
            return Ok(resolve(tz, w));
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(resolve(tz, d.and_time(NaiveTime::MIN)));
    }
    let minute = |t: DateTime<Utc>| {
        t - TimeDelta::seconds(i64::from(t.second())) - TimeDelta::nanoseconds(i64::from(t.nanosecond()))
    };
    if let Some(rest) = lower.strip_prefix('+') {
        return shift(base, tz, rest, 1).map(minute).ok_or_else(|| invalid(s));
    }
    if let Some(rest) = lower.strip_prefix('-') {
        return shift(base, tz, rest, -1).map(minute).ok_or_else(|| invalid(s));
    }
    relative_day(&lower, now, tz).ok_or_else(|| invalid(s))
}

fn invalid(s: &str) -> String {
    format!("invalid time `{s}`: {TIME_FORMS}")
}

/// `now` moved by a sequence like `1d2h` in direction `sign`. Minutes and
/// hours are elapsed time; days and weeks move the calendar and keep the
/// wall time.
fn shift(now: DateTime<Utc>, tz: &Tz, spec: &str, sign: i64) -> Option<DateTime<Utc>> {
    let parts = units(spec)?;
    let mut days = 0i64;
    let mut minutes = 0i64;
    for (n, unit) in parts {
        match unit {
            'm' => minutes = minutes.checked_add(n)?,
            'h' => minutes = minutes.checked_add(n.checked_mul(60)?)?,
            'd' => days = days.checked_add(n)?,
            'w' => days = days.checked_add(n.checked_mul(7)?)?,
            _ => return None,
        }
    }
    let mut t = now;
    if days != 0 {
        let wall = local(tz, now);
        let wall = if sign > 0 {
            wall.checked_add_days(Days::new(days.try_into().ok()?))?
        } else {
            wall.checked_sub_days(Days::new(days.try_into().ok()?))?
        };
        t = resolve(tz, wall);
    }
    t.checked_add_signed(TimeDelta::try_minutes(minutes.checked_mul(sign)?)?)
}

/// Splits `1w2d3h` (spaces allowed between parts) into numbers and units.
fn units(spec: &str) -> Option<Vec<(i64, char)>> {
    let mut out = Vec::new();
    let mut digits = String::new();
    for c in spec.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if c == ' ' && digits.is_empty() {
            continue;
        } else {
            if digits.is_empty() {
                return None;
            }
            out.push((digits.parse().ok()?, c));
            digits.clear();
        }
    }
    (digits.is_empty() && !out.is_empty()).then_some(out)
}

/// Parses a DURATION like `90d`, `2w`, `36h`, `1w3d` (days are 24 hours).
pub fn parse_duration(s: &str) -> Result<TimeDelta, String> {
    let bad = || format!("invalid duration `{s}`: use a number and a unit, like 90d, 2w, 12h or 30m");
    let parts = units(&s.trim().to_ascii_lowercase()).ok_or_else(bad)?;
    let mut total = TimeDelta::zero();
    for (n, unit) in parts {
        let per = match unit {
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            'w' => 7 * 86_400,
            _ => return Err(bad()),
        };
        let d = n
            .checked_mul(per)
            .and_then(TimeDelta::try_seconds)
            .ok_or_else(bad)?;
        total = total.checked_add(&d).ok_or_else(bad)?;
    }
    if total > TimeDelta::days(3660) {
        return Err(format!("invalid duration `{s}`: at most 3660 days"));
    }
    Ok(total)
}

fn weekday(s: &str) -> Option<Weekday> {
    Some(match s {
        "mon" | "monday" => Weekday::Mon,
        "tue" | "tues" | "tuesday" => Weekday::Tue,
        "wed" | "wednesday" => Weekday::Wed,
        "thu" | "thur" | "thurs" | "thursday" => Weekday::Thu,
        "fri" | "friday" => Weekday::Fri,
        "sat" | "saturday" => Weekday::Sat,
        "sun" | "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// `today`, `tomorrow 09:00`, `monday`, `next fri 18:00`, `last monday`.
fn relative_day(s: &str, now: DateTime<Utc>, tz: &Tz) -> Option<DateTime<Utc>> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let (time, words) = match words.split_last() {
        Some((last, rest)) if last.contains(':') => (NaiveTime::parse_from_str(last, "%H:%M").ok()?, rest),
        _ => (NaiveTime::MIN, &words[..]),
    };
    let today = local(tz, now).date();
    let date = match words {
        ["today"] => today,
        ["tomorrow"] => today.succ_opt()?,
        ["yesterday"] => today.pred_opt()?,
        [day] => {
            let wd = weekday(day)?;
            let ahead = (7 + wd.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
            today.checked_add_days(Days::new(u64::from(ahead)))?
        }
        ["next", day] => {
            let wd = weekday(day)?;
            let ahead = (7 + wd.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
            today.checked_add_days(Days::new(u64::from(if ahead == 0 { 7 } else { ahead })))?
        }
        ["last", day] => {
            let wd = weekday(day)?;
            let back = (7 + today.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
            today.checked_sub_days(Days::new(u64::from(if back == 0 { 7 } else { back })))?
        }
        [] if time != NaiveTime::MIN || s.contains(':') => today,
        _ => return None,
    };
    Some(resolve(tz, date.and_time(time)))
}

/// `2d 4h`, `35m`, `now`: the two largest units of a span, for hints.
pub fn humanize(d: TimeDelta) -> String {
    let secs = d.num_seconds().abs();
    let (days, hours, mins) = (secs / 86_400, secs % 86_400 / 3600, secs % 3600 / 60);
    match (days, hours, mins) {
        (0, 0, 0) => "less than a minute".into(),
        (0, 0, m) => format!("{m}m"),
        (0, h, 0) => format!("{h}h"),
        (0, h, m) => format!("{h}h {m}m"),
        (d, 0, _) => format!("{d}d"),
        (d, h, _) => format!("{d}d {h}h"),
    }
}

/// `in 2d 4h` or `3h ago`.
pub fn relative(t: DateTime<Utc>, now: DateTime<Utc>) -> String {
    if t >= now {
        format!("in {}", humanize(t - now))
    } else {
        format!("{} ago", humanize(now - t))
    }
}

/// `Mon 2 Mar 09:00` in `tz`, with the year when it is not the year of `now`.
pub fn short(t: DateTime<Utc>, now: DateTime<Utc>, tz: &Tz) -> String {
    let lt = t.with_timezone(tz);
    if lt.year() == now.with_timezone(tz).year() {
        lt.format("%a %-d %b %H:%M").to_string()
    } else {
        lt.format("%a %-d %b %Y %H:%M").to_string()
    }
}

/// `Mon 2 Mar 09:00 – Mon 9 Mar 09:00 CET` in `tz`: a period with its
/// timezone named, for messages read in other timezones (commit summaries).
pub fn range(a: DateTime<Utc>, b: DateTime<Utc>, now: DateTime<Utc>, tz: &Tz) -> String {
    let (za, zb) = (
        a.with_timezone(tz).format("%Z").to_string(),
        b.with_timezone(tz).format("%Z").to_string(),
    );
    if za == zb {
        format!("{} – {} {zb}", short(a, now, tz), short(b, now, tz))
    } else {
        format!("{} {za} – {} {zb}", short(a, now, tz), short(b, now, tz))
    }
}

/// RFC 3339 in UTC with whole seconds, as the JSON outputs write instants.
pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    const PRAGUE: Tz = chrono_tz::Europe::Prague;

    #[test]
    fn absolute_forms() {
        let now = utc("2026-12-03T17:00:00Z");
        assert_eq!(
            parse_time("2026-03-29T01:30:00Z", now, &PRAGUE),
            Ok(utc("2026-03-29T01:30:00Z"))
        );
        assert_eq!(
            parse_time("2026-03-29T03:30:00+02:00", now, &PRAGUE),
            Ok(utc("2026-03-29T01:30:00Z"))
        );
        assert_eq!(
            parse_time("2026-03-29 02:30", now, &PRAGUE),
            Ok(utc("2026-03-29T01:30:00Z"))
        );
        assert_eq!(
            parse_time("2026-10-25 02:30", now, &PRAGUE),
            Ok(utc("2026-10-25T00:30:00Z"))
        );
        assert_eq!(
            parse_time("2026-01-05", now, &PRAGUE),
            Ok(utc("2026-01-04T23:00:00Z"))
        );
        assert_eq!(parse_time("now", now, &PRAGUE), Ok(now));
        assert!(parse_time("2026-02-30", now, &PRAGUE).is_err());
        assert!(parse_time("yesterday-ish", now, &PRAGUE).is_err());
        assert!(parse_time("", now, &PRAGUE).is_err());
    }

    #[test]
    fn relative_forms() {
        // Thursday 18:00 in Prague.
        let now = utc("2026-12-03T17:00:00Z");
        assert_eq!(parse_time("+2h", now, &PRAGUE), Ok(utc("2026-12-03T19:00:00Z")));
        let odd = utc("2026-12-03T17:00:42.5Z");
        assert_eq!(
            parse_time("+2h", odd, &PRAGUE),
            Ok(utc("2026-12-03T19:00:00Z")),
            "whole minutes"
        );
        let base = utc("2026-12-10T08:00:00Z");
        assert_eq!(
            parse_time_from("+2d", now, base, &PRAGUE),
            Ok(utc("2026-12-12T08:00:00Z"))
        );
        assert_eq!(
            parse_time_from("tomorrow", now, base, &PRAGUE),
            Ok(utc("2026-12-03T23:00:00Z"))
        );
        assert_eq!(parse_time("-30m", now, &PRAGUE), Ok(utc("2026-12-03T16:30:00Z")));
        assert_eq!(parse_time("+1d2h", now, &PRAGUE), Ok(utc("2026-12-04T19:00:00Z")));
        assert_eq!(
            parse_time("tomorrow", now, &PRAGUE),
            Ok(utc("2026-12-03T23:00:00Z"))
        );
        assert_eq!(
            parse_time("tomorrow 09:00", now, &PRAGUE),
            Ok(utc("2026-12-04T08:00:00Z"))
        );
        assert_eq!(parse_time("today", now, &PRAGUE), Ok(utc("2026-12-02T23:00:00Z")));
        assert_eq!(
            parse_time("next monday 09:00", now, &PRAGUE),
            Ok(utc("2026-12-07T08:00:00Z"))
        );
        assert_eq!(
            parse_time("thursday", now, &PRAGUE),
            Ok(utc("2026-12-02T23:00:00Z"))
        );
        assert_eq!(
            parse_time("next thu", now, &PRAGUE),
            Ok(utc("2026-12-09T23:00:00Z"))
        );
        assert_eq!(
            parse_time("last Fri 18:00", now, &PRAGUE),
            Ok(utc("2026-11-27T17:00:00Z"))
        );
    }

    #[test]
    fn calendar_days_keep_wall_time_across_dst() {
        // Saturday 2026-03-28 12:00 CET; a day later is 12:00 CEST: 23 hours.
        let now = utc("2026-03-28T11:00:00Z");
        assert_eq!(parse_time("+1d", now, &PRAGUE), Ok(utc("2026-03-29T10:00:00Z")));
        assert_eq!(parse_time("+24h", now, &PRAGUE), Ok(utc("2026-03-29T11:00:00Z")));
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90d"), Ok(TimeDelta::days(90)));
        assert_eq!(parse_duration("2w"), Ok(TimeDelta::days(14)));
        assert_eq!(parse_duration("1w3d"), Ok(TimeDelta::days(10)));
        assert_eq!(parse_duration("36h"), Ok(TimeDelta::hours(36)));
        for bad in ["", "d", "90", "90x", "-1d", "99999d"] {
            assert!(parse_duration(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn humanized() {
        assert_eq!(humanize(TimeDelta::minutes(3 * 1440 + 4 * 60 + 5)), "3d 4h");
        assert_eq!(humanize(TimeDelta::minutes(65)), "1h 5m");
        assert_eq!(humanize(TimeDelta::minutes(5)), "5m");
        assert_eq!(humanize(TimeDelta::seconds(5)), "less than a minute");
        assert_eq!(humanize(TimeDelta::days(2)), "2d");
    }
}
