//! A generator of large, valid schedule directories, for benchmarks.
//!
//! Std only and deterministic: the same [`Config`] (seed included) always
//! writes the same files, byte for byte. Used by `benches/oncall.rs` and by
//! `examples/gen_large.rs` (which `bench/run.sh` runs), both through
//! `#[path = ...] mod generate;`.
//!
//! The default directory: 400 people, 500 schedules in 20 team folders
//! (`team07/svc127.toml`), each with 3 layers of 8 members whose rotations
//! started around 2016-01-04 09:00 local time (ten years before the
//! benchmarks' "now"), about a third of the layers restricted (business
//! hours on weekdays, or a `fri 18:00`..`mon 09:00` weekend window), and
//! 2,000 overrides spread over the schedules between 2026-06 and 2027-06.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Config {
    /// Number of schedule files.
    pub schedules: usize,
    /// Layers per schedule.
    pub layers: usize,
    /// Members per layer (distinct people; at most `people`).
    pub members: usize,
    /// Overrides in total, spread over the schedules.
    pub overrides: usize,
    /// Size of the people pool in people.toml.
    pub people: usize,
    /// Seed of the pseudo-random choices.
    pub seed: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            schedules: 500,
            layers: 3,
            members: 8,
            overrides: 2000,
            people: 400,
            seed: 0x5eed_0ca1_1b0b,
        }
    }
}

/// Team folders the schedules are spread over.
const TEAMS: usize = 20;

/// Schedule timezones, picked per schedule.
const TIMEZONES: &[&str] = &[
    "Europe/Prague",
    "America/New_York",
    "Asia/Tokyo",
    "UTC",
    "Australia/Sydney",
    "America/Los_Angeles",
];

/// People's own timezones (a superset of the schedules').
const PERSON_TIMEZONES: &[&str] = &[
    "Europe/Prague",
    "Europe/London",
    "America/New_York",
    "America/Los_Angeles",
    "Asia/Tokyo",
    "Australia/Sydney",
    "UTC",
];

const ROTATIONS: &[&str] = &["1w", "1d", "12h", "2w"];

const FIRST_NAMES: &[&str] = &[
    "Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy", "Karel", "Lena",
    "Marek", "Nina", "Oscar", "Petra", "Quinn", "Rita", "Sofia", "Tomas", "Uma", "Viktor", "Wendy", "Xavier",
    "Yuki", "Zdenek",
];

const LAST_NAMES: &[&str] = &[
    "Novak", "Smith", "Sato", "Fischer", "Ramirez", "Becker", "Dvorak", "Wilson", "Tanaka", "Jones",
    "Muller", "Svoboda", "Garcia", "Kowalski", "Brown", "Nguyen",
];

/// A tiny xorshift64* generator: deterministic, good enough for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        // Zero is a fixed point of xorshift; mix the seed so 0 works too.
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15 | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform-ish in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 11) % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// True with probability `num / den`.
    fn chance(&mut self, num: usize, den: usize) -> bool {
        self.below(den) < num
    }
}

/// The civil date `days` days after 1970-01-01 (proleptic Gregorian).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    // Howard Hinnant's algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Days from 1970-01-01 to the civil date.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A TOML local date-time, `minutes` after local midnight of day `days`.
fn local_datetime(days: i64, minutes: i64) -> String {
    let days = days + minutes.div_euclid(1440);
    let minutes = minutes.rem_euclid(1440);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:00", minutes / 60, minutes % 60)
}

fn handle(i: usize) -> String {
    format!("p{i:04}")
}

/// `count` distinct indices below `n`, in random order.
fn distinct(rng: &mut Rng, n: usize, count: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(count);
    while out.len() < count {
        let i = rng.below(n);
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

fn people_toml(cfg: &Config, rng: &mut Rng) -> String {
    let mut s = String::from("# Generated by benches/support/generate.rs: the people who can be on call.\n");
    for i in 0..cfg.people {
        let first = rng.pick(FIRST_NAMES);
        let last = rng.pick(LAST_NAMES);
        let h = handle(i);
        let _ = write!(
            s,
            "\n[{h}]\nname = \"{first} {last} {i}\"\nemail = \"{h}@example.com\"\n\
             phone = \"+1555{i:07}\"\nslack = \"U{i:06}\"\ntimezone = \"{}\"\n",
            rng.pick(PERSON_TIMEZONES)
        );
    }
    s
}

/// One override, before rendering: local start and end as minutes since the
/// epoch's local midnight.
struct Override {
    who: usize,
    start: i64,
    end: i64,
    replaces: usize,
}

fn schedule_toml(cfg: &Config, rng: &mut Rng, index: usize, overrides: &mut [Override]) -> String {
    let mut s = String::new();
    let tz = rng.pick(TIMEZONES);
    let _ = writeln!(s, "# Generated by benches/support/generate.rs.");
    let _ = writeln!(s, "name = \"Service {index:03} on-call\"");
    let _ = writeln!(s, "timezone = \"{tz}\"");
    // 2016-01-04 is a Monday, ten years before the benchmarks' now.
    let epoch = days_from_civil(2016, 1, 4);
    for l in 0..cfg.layers {
        let rotation = rng.pick(ROTATIONS);
        // Start within the first week, at 08:00, 09:00 or 10:00.
        let start_day = epoch + rng.below(7) as i64;
        let start_min = (8 + rng.below(3) as i64) * 60;
        let members = distinct(rng, cfg.people, cfg.members.min(cfg.people));
        let name = match l {
            0 => "primary".to_string(),
            1 => "secondary".to_string(),
            _ => format!("layer-{l}"),
        };
        let _ = write!(
            s,
            "\n[[layers]]\nname = \"{name}\"\nstart = {}\nrotation = \"{rotation}\"\nmembers = [",
            local_datetime(start_day, start_min)
        );
        for (i, m) in members.iter().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            let _ = write!(s, "{sep}\"{}\"", handle(*m));
        }
        s.push_str("]\n");
        // About a third of all layers are restricted; the bottom layer
        // restricted less often, so most schedules are covered 24/7.
        let restricted = if l == 0 {
            rng.chance(1, 10)
        } else {
            rng.chance(9, 20)
        };
        if restricted {
            if rng.chance(1, 2) {
                let hours = [("09:00", "17:00"), ("08:00", "18:00"), ("22:00", "06:00")];
                let (from, to) = hours[rng.below(hours.len())];
                let _ = write!(
                    s,
                    "restrictions = [\n  {{ days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"], \
                     from = \"{from}\", to = \"{to}\" }},\n]\n"
                );
            } else {
                s.push_str("restrictions = [\n  { from = \"fri 18:00\", to = \"mon 09:00\" },\n]\n");
            }
        }
    }
    overrides.sort_by_key(|o| o.start);
    for o in overrides.iter() {
        let _ = write!(
            s,
            "\n[[overrides]]\nwho = \"{}\"\nstart = {}\nend = {}\nreason = \"covering for {}\"\n",
            handle(o.who),
            local_datetime(0, o.start),
            local_datetime(0, o.end),
            handle(o.replaces),
        );
    }
    s
}

/// Writes a schedule directory into `dir` (created if missing): `people.toml`,
/// `oncall.toml` and `cfg.schedules` schedule files in team folders.
pub fn generate(dir: &Path, cfg: &Config) -> io::Result<()> {
    if cfg.people == 0 || cfg.members == 0 || cfg.layers == 0 {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "people, members and layers must be at least 1",
        ));
    }
    let mut rng = Rng::new(cfg.seed);
    fs::create_dir_all(dir)?;
    fs::write(dir.join("people.toml"), people_toml(cfg, &mut rng))?;
    fs::write(
        dir.join("oncall.toml"),
        "# Generated by benches/support/generate.rs.\ndefault_timezone = \"Europe/Prague\"\n",
    )?;

    // Overrides: within 2026-06-01 .. 2027-06-01 local, on whole quarter
    // hours, from 1 hour to 3 days long, assigned to random schedules. None
    // starts between 02:00 and 04:00 local, so none starts in a DST gap
    // (which could resolve it onto its own end).
    let mut per_schedule: Vec<Vec<Override>> = (0..cfg.schedules).map(|_| Vec::new()).collect();
    if cfg.schedules > 0 {
        let first = days_from_civil(2026, 6, 1);
        let last = days_from_civil(2027, 6, 1);
        for _ in 0..cfg.overrides {
            let day = first + rng.below((last - first) as usize) as i64;
            let slot = rng.below(88) as i64;
            let slot = if slot >= 8 { slot + 8 } else { slot };
            let start = day * 1440 + slot * 15;
            let len = (1 + rng.below(72) as i64) * 60;
            let o = Override {
                who: rng.below(cfg.people),
                start,
                end: (start + len).min(last * 1440),
                replaces: rng.below(cfg.people),
            };
            let target = rng.below(cfg.schedules);
            per_schedule[target].push(o);
        }
    }

    for (i, overrides) in per_schedule.iter_mut().enumerate() {
        let team = dir.join(format!("team{:02}", i % TEAMS));
        if i < TEAMS {
            fs::create_dir_all(&team)?;
        }
        let text = schedule_toml(cfg, &mut rng, i, overrides);
        fs::write(team.join(format!("svc{i:03}.toml")), text)?;
    }
    Ok(())
}
