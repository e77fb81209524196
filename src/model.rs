//! The validated domain model: what the engine computes on.
//!
//! These types are built by the loader (`crate::load`) from the TOML files
//! after every check has passed, and can just as well be built by hand by a
//! program that uses `oncall` as a library. They hold no file handles, no
//! spans and no raw strings that still need parsing: a `Schedule` is ready to
//! be evaluated. The small string grammars of the format (rotations, window
//! bounds, day names, handles) are parsed here, because they are part of the
//! model's meaning, not of the file syntax.

use std::fmt;
use std::path::PathBuf;

use chrono::{DateTime, NaiveDateTime, Utc, Weekday};
use chrono_tz::Tz;

/// A person who can be on call, from `people.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The handle, `[a-z0-9][a-z0-9._-]*`: the table name in `people.toml`.
    pub handle: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub slack: Option<String>,
    pub timezone: Option<Tz>,
}

impl Person {
    /// True when the person has at least one way to be reached.
    pub fn has_contact(&self) -> bool {
        self.email.is_some() || self.phone.is_some() || self.slack.is_some()
    }
}

/// Settings from the optional `oncall.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    pub default_timezone: Option<Tz>,
    /// The paging service, from `[paging]`: `oncall export vcard` turns it
    /// into a contact so phones let its calls through Do Not Disturb.
    pub paging: Option<Paging>,
}

/// The paging service that calls whoever is on call (`[paging]` in
/// `oncall.toml`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paging {
    /// The name the contact is saved under, like "Acme Paging".
    pub name: String,
    /// The numbers the service calls from, in E.164 form (`+14155550100`).
    /// Never empty.
    pub numbers: Vec<String>,
}

/// A whole schedule directory, loaded and checked.
#[derive(Debug, Clone)]
pub struct Directory {
    /// The schedule directory (the folder holding `people.toml`).
    pub root: PathBuf,
    pub settings: Settings,
    /// People in the order `people.toml` lists them.
    pub people: Vec<Person>,
    /// Schedules sorted by id.
    pub schedules: Vec<Schedule>,
    /// Open offers of the shift market, sorted by id.
    pub offers: Vec<Offer>,
}

impl Directory {
    pub fn person(&self, handle: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.handle == handle)
    }

    pub fn schedule(&self, id: &str) -> Option<&Schedule> {
        self.schedules
            .binary_search_by(|s| s.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.schedules[i])
    }
}

/// One schedule file.
#[derive(Debug, Clone)]
pub struct Schedule {
    /// The path below the directory without `.toml`, with `/` separators.
    pub id: String,
    /// Display name; the id when the file sets none.
    pub name: String,
    pub timezone: Tz,
    /// In file order: later layers take precedence.
    pub layers: Vec<Layer>,
    /// In file order: later overrides take precedence.
    pub overrides: Vec<Override>,
}

/// A rotation layer.
#[derive(Debug, Clone)]
pub struct Layer {
    pub name: String,
    /// The instant turn 0 begins.
    pub start: DateTime<Utc>,
    /// The wall-clock time calendar turns keep, in the schedule timezone: the
    /// local date-time as written, or the wall clock at `start` when it was
    /// written with an offset.
    pub start_wall: NaiveDateTime,
    pub rotation: Rotation,
    /// Handles; turn k is held by `members[k % len]`. Never empty.
    pub members: Vec<String>,
    /// The layer covers nothing from here on.
    pub end: Option<DateTime<Utc>>,
    /// Empty: the layer covers all of its turns.
    pub restrictions: Vec<Restriction>,
}

/// An override: `who` is on call for `[start, end)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub who: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub reason: Option<String>,
    pub replaces: Option<String>,
    pub created_by: Option<String>,
    pub created_at: Option<String>,
}

/// A shift (or part of one) put up for grabs: whoever takes it gets an
/// override for `[start, end)` replacing `who`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    /// The offer's id, its file name under `.oncall/offers/`.
    pub id: String,
    pub schedule: String,
    /// Who offers the shift.
    pub who: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub note: Option<String>,
    pub created_at: Option<String>,
}

/// The length of a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rotation {
    /// `Nm` / `Nh`: a fixed amount of elapsed time, in minutes.
    Elapsed { minutes: i64 },
    /// `Nd` / `Nw`: a number of calendar days; handoffs keep their wall time.
    Calendar { days: i64 },
}

/// The longest turn the format accepts: about ten years. Longer values are
/// almost certainly typos and would only invite overflow.
pub const MAX_ROTATION_DAYS: i64 = 3660;

impl Rotation {
    /// Parses `Nm`, `Nh`, `Nd` or `Nw` with N a positive integer.
    pub fn parse(s: &str) -> Result<Rotation, String> {
        let bad = || {
            format!("invalid rotation `{s}`: expected a positive whole number and a unit, like `12h`, `1d` or `1w` (m = minutes, h = hours, d = days, w = weeks)")
        };
        let unit = s.chars().last().ok_or_else(bad)?;
        let digits = &s[..s.len() - unit.len_utf8()];
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let n: i64 = digits.parse().map_err(|_| bad())?;
        if n == 0 {
            return Err(format!("invalid rotation `{s}`: a turn must be longer than zero"));
        }
        let rot = match unit {
            'm' => Rotation::Elapsed { minutes: n },
            'h' => Rotation::Elapsed {
                minutes: n.saturating_mul(60),
            },
            'd' => Rotation::Calendar { days: n },
            'w' => Rotation::Calendar {
                days: n.saturating_mul(7),
            },
            _ => return Err(bad()),
        };
        let days = match rot {
            Rotation::Elapsed { minutes } => minutes / (24 * 60),
            Rotation::Calendar { days } => days,
        };
        if days > MAX_ROTATION_DAYS {
            return Err(format!(
                "invalid rotation `{s}`: turns longer than {MAX_ROTATION_DAYS} days are not supported"
            ));
        }
        Ok(rot)
    }
}

impl fmt::Display for Rotation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Rotation::Elapsed { minutes } if minutes % 60 == 0 => write!(f, "{}h", minutes / 60),
            Rotation::Elapsed { minutes } => write!(f, "{minutes}m"),
            Rotation::Calendar { days } if days % 7 == 0 => write!(f, "{}w", days / 7),
            Rotation::Calendar { days } => write!(f, "{days}d"),
        }
    }
}

/// A wall-clock time of day in minutes after midnight, `0..=1440`
/// (1440 is `24:00`, the end of the date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct WallTime(pub u16);

impl WallTime {
    pub const END_OF_DAY: WallTime = WallTime(1440);

    /// Parses `HH:MM` (two digits each), `00:00` to `23:59`, or `24:00`.
    pub fn parse(s: &str) -> Result<WallTime, String> {
        let b = s.as_bytes();
        let ok_shape = b.len() == 5 && b[2] == b':' && [0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit());
        if !ok_shape {
            return Err(format!(
                "invalid time `{s}`: expected HH:MM with two-digit hours and minutes, like `09:00`"
            ));
        }
        let h = u16::from(b[0] - b'0') * 10 + u16::from(b[1] - b'0');
        let m = u16::from(b[3] - b'0') * 10 + u16::from(b[4] - b'0');
        if (h == 24 && m == 0) || (h < 24 && m < 60) {
            Ok(WallTime(h * 60 + m))
        } else {
            Err(format!(
                "invalid time `{s}`: hours go from 00 to 23 and minutes from 00 to 59 (`24:00` means the end of the day)"
            ))
        }
    }

    pub fn minutes(self) -> u16 {
        self.0
    }
}

impl fmt::Display for WallTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// Parses a three-letter day name, `mon` .. `sun` (lowercase, as the format
/// writes them).
pub fn parse_day(s: &str) -> Result<Weekday, String> {
    match s {
        "mon" => Ok(Weekday::Mon),
        "tue" => Ok(Weekday::Tue),
        "wed" => Ok(Weekday::Wed),
        "thu" => Ok(Weekday::Thu),
        "fri" => Ok(Weekday::Fri),
        "sat" => Ok(Weekday::Sat),
        "sun" => Ok(Weekday::Sun),
        _ => Err(format!(
            "invalid day `{s}`: expected one of mon, tue, wed, thu, fri, sat, sun"
        )),
    }
}

/// The three-letter name of a weekday, as the format writes it.
pub fn day_name(d: Weekday) -> &'static str {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][d.num_days_from_monday() as usize]
}

/// A set of weekdays, bit i for `Weekday::from(i)` counted from Monday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DaySet(pub u8);

impl DaySet {
    pub const ALL: DaySet = DaySet(0x7f);

    pub fn insert(&mut self, d: Weekday) {
        self.0 |= 1 << d.num_days_from_monday();
    }

    pub fn contains(self, d: Weekday) -> bool {
        self.0 & (1 << d.num_days_from_monday()) != 0
    }
}

impl FromIterator<Weekday> for DaySet {
    fn from_iter<I: IntoIterator<Item = Weekday>>(iter: I) -> Self {
        let mut s = DaySet::default();
        for d in iter {
            s.insert(d);
        }
        s
    }
}

/// A restriction window. See the contract's "Restrictions" section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Restriction {
    /// Opens on each listed date at `from`, closes at `to` that date, or the
    /// next date when `to <= from`.
    Daily {
        days: DaySet,
        from: WallTime,
        to: WallTime,
    },
    /// Opens every week at `from`, closes at the first `to` after it.
    Weekly {
        from: (Weekday, WallTime),
        to: (Weekday, WallTime),
    },
}

/// Parses a weekly window bound, `DDD HH:MM`.
pub fn parse_weekly_bound(s: &str) -> Result<(Weekday, WallTime), String> {
    let (d, t) = s
        .split_once(' ')
        .ok_or_else(|| format!("invalid weekly time `{s}`: expected a day and a time, like `sat 10:00`"))?;
    Ok((parse_day(d)?, WallTime::parse(t)?))
}

impl Restriction {
    /// Wall-clock length of one occurrence in minutes (before DST is applied).
    pub fn wall_length_minutes(&self) -> i64 {
        match *self {
            Restriction::Daily { from, to, .. } => {
                let d = (i64::from(to.0) - i64::from(from.0)).rem_euclid(1440);
                if d == 0 {
                    1440
                } else {
                    d
                }
            }
            Restriction::Weekly { from, to } => {
                let pos =
                    |(d, t): (Weekday, WallTime)| i64::from(d.num_days_from_monday()) * 1440 + i64::from(t.0);
                let d = (pos(to) - pos(from)).rem_euclid(7 * 1440);
                if d == 0 {
                    7 * 1440
                } else {
                    d
                }
            }
        }
    }
}

impl fmt::Display for Restriction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Restriction::Daily { days, from, to } => {
                if days != DaySet::ALL {
                    let names: Vec<&str> = [
                        Weekday::Mon,
                        Weekday::Tue,
                        Weekday::Wed,
                        Weekday::Thu,
                        Weekday::Fri,
                        Weekday::Sat,
                        Weekday::Sun,
                    ]
                    .into_iter()
                    .filter(|d| days.contains(*d))
                    .map(day_name)
                    .collect();
                    write!(f, "{} ", names.join(","))?;
                }
                write!(f, "{from}–{to}")
            }
            Restriction::Weekly { from, to } => {
                write!(f, "{} {}–{} {}", day_name(from.0), from.1, day_name(to.0), to.1)
            }
        }
    }
}

/// True when `s` is a valid handle: `[a-z0-9][a-z0-9._-]*`.
pub fn is_valid_handle(s: &str) -> bool {
    let mut bytes = s.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_lowercase() || b.is_ascii_digit())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotations_parse() {
        assert_eq!(Rotation::parse("30m"), Ok(Rotation::Elapsed { minutes: 30 }));
        assert_eq!(Rotation::parse("12h"), Ok(Rotation::Elapsed { minutes: 720 }));
        assert_eq!(Rotation::parse("1d"), Ok(Rotation::Calendar { days: 1 }));
        assert_eq!(Rotation::parse("2w"), Ok(Rotation::Calendar { days: 14 }));
        for bad in [
            "", "w", "1x", "0w", "-1d", "1.5h", "1 w", " 1w", "1W", "99999w", "１d",
        ] {
            assert!(Rotation::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn wall_times_parse() {
        assert_eq!(WallTime::parse("09:00"), Ok(WallTime(540)));
        assert_eq!(WallTime::parse("24:00"), Ok(WallTime(1440)));
        assert_eq!(WallTime::parse("00:00"), Ok(WallTime(0)));
        for bad in [
            "9:00", "25:00", "09:60", "24:01", "0900", "09:0", "ab:cd", "", "09:00 ",
        ] {
            assert!(WallTime::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn window_lengths() {
        let daily = |f: &str, t: &str| Restriction::Daily {
            days: DaySet::ALL,
            from: WallTime::parse(f).unwrap(),
            to: WallTime::parse(t).unwrap(),
        };
        assert_eq!(daily("09:00", "17:00").wall_length_minutes(), 480);
        assert_eq!(daily("22:00", "06:00").wall_length_minutes(), 480);
        assert_eq!(daily("09:00", "09:00").wall_length_minutes(), 1440);
        assert_eq!(daily("00:00", "24:00").wall_length_minutes(), 1440);
        assert_eq!(daily("16:00", "24:00").wall_length_minutes(), 480);
        let weekly = |f: &str, t: &str| Restriction::Weekly {
            from: parse_weekly_bound(f).unwrap(),
            to: parse_weekly_bound(t).unwrap(),
        };
        assert_eq!(weekly("sat 10:00", "sat 14:00").wall_length_minutes(), 240);
        assert_eq!(weekly("fri 18:00", "mon 09:00").wall_length_minutes(), 63 * 60);
        assert_eq!(weekly("mon 09:00", "mon 09:00").wall_length_minutes(), 7 * 1440);
        assert_eq!(weekly("sat 10:00", "sat 24:00").wall_length_minutes(), 14 * 60);
        assert_eq!(weekly("mon 00:00", "sun 24:00").wall_length_minutes(), 7 * 1440);
    }

    #[test]
    fn handles() {
        assert!(is_valid_handle("alice"));
        assert!(is_valid_handle("a.b-c_d9"));
        assert!(is_valid_handle("9lives"));
        assert!(!is_valid_handle("Alice"));
        assert!(!is_valid_handle("-bob"));
        assert!(!is_valid_handle(""));
        assert!(!is_valid_handle("bob smith"));
    }
}
