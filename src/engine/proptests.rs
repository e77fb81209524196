//! Property tests of the engine on random schedules.
//!
//! Schedules have 1-3 layers in a timezone from [`ZONES`] (several with DST,
//! one with a 30-minute change, one that changes at midnight), starts and
//! window edges drawn near a DST transition of 2024-2027 most of the time,
//! random rotations, members, restrictions, ends and overrides. Windows are
//! at most 20 days, so the whole suite stays fast in a debug build.

use std::sync::OnceLock;

use chrono::{DateTime, TimeDelta, Timelike, Utc, Weekday};
use chrono_tz::Tz;
use chrono_tz::{America, Asia, Australia, Europe, Pacific, UTC};
use proptest::prelude::*;
use proptest::sample::Index;

use super::tests::{fmt_z, oracle_who, LayerOracle};
use super::*;
use crate::model::{DaySet, Layer, Override, Restriction, Rotation, Schedule, WallTime};

const ZONES: &[Tz] = &[
    Europe::Prague,
    America::New_York,
    Australia::Lord_Howe, // +10:30 / +11:00
    UTC,
    America::Santiago, // changes at midnight
    Pacific::Chatham,  // +12:45 / +13:45
    Asia::Kolkata,     // no DST
];

const POOL: &[&str] = &["a", "b", "c", "d", "e"];

/// The offset changes of `tz` from 2024 to 2027, to the minute.
fn transitions(tz: Tz) -> &'static [DateTime<Utc>] {
    static ALL: OnceLock<Vec<Vec<DateTime<Utc>>>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        ZONES
            .iter()
            .map(|tz| {
                let off = |t: DateTime<Utc>| local(tz, t) - t.naive_utc();
                let mut out = Vec::new();
                let mut t = super::tests::utc("2024-01-01T00:00:00Z");
                let end = super::tests::utc("2028-01-01T00:00:00Z");
                while t < end {
                    let next = t + TimeDelta::hours(1);
                    if off(t) != off(next) {
                        let mut m = t;
                        while off(m) == off(t) {
                            m += TimeDelta::minutes(1);
                        }
                        out.push(m);
                    }
                    t = next;
                }
                out
            })
            .collect()
    });
    &all[ZONES.iter().position(|z| *z == tz).unwrap()]
}

/// A generated case: a schedule and a window.
#[derive(Debug, Clone)]
struct Case {
    s: Schedule,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
}

fn zone_and_focus() -> impl Strategy<Value = (Tz, DateTime<Utc>)> {
    (
        0..ZONES.len(),
        prop::bool::weighted(0.75),
        any::<Index>(),
        0i64..(4 * 365 * 96),
    )
        .prop_map(|(zi, near, idx, q)| {
            let tz = ZONES[zi];
            let tr = transitions(tz);
            let focus = if near && !tr.is_empty() {
                *idx.get(tr)
            } else {
                super::tests::utc("2024-01-01T00:00:00Z") + TimeDelta::minutes(15 * q)
            };
            (tz, focus)
        })
}

/// A time of day in minutes, usually within 90 minutes of `base`.
fn time_of_day(base: i64) -> impl Strategy<Value = i64> {
    prop_oneof![
        4 => (-6i64..=6).prop_map(move |d| (base + 15 * d).rem_euclid(1440)),
        1 => (0i64..96).prop_map(|q| 15 * q),
    ]
}

fn wall_from(base: i64) -> impl Strategy<Value = WallTime> {
    time_of_day(base).prop_map(|m| WallTime(m as u16))
}

fn wall_to(base: i64) -> impl Strategy<Value = WallTime> {
    prop_oneof![5 => wall_from(base), 1 => Just(WallTime::END_OF_DAY)]
}

fn weekday() -> impl Strategy<Value = Weekday> {
    (0u8..7).prop_map(|d| Weekday::try_from(d).unwrap())
}

fn restriction(base: i64) -> impl Strategy<Value = Restriction> {
    let days = prop_oneof![Just(DaySet::ALL), (1u8..0x80).prop_map(DaySet)];
    prop_oneof![
        3 => (days, wall_from(base), wall_to(base))
            .prop_map(|(days, from, to)| Restriction::Daily { days, from, to }),
        1 => (weekday(), wall_from(base), weekday(), wall_to(base))
            .prop_map(|(fd, ft, td, tt)| Restriction::Weekly { from: (fd, ft), to: (td, tt) }),
    ]
}

fn rotation() -> impl Strategy<Value = Rotation> {
    prop_oneof![
        (10i64..=240).prop_map(|m| Rotation::Elapsed { minutes: m }),
        (1i64..=36).prop_map(|h| Rotation::Elapsed { minutes: 60 * h }),
        (1i64..=4).prop_map(|d| Rotation::Calendar { days: d }),
        (1i64..=2).prop_map(|w| Rotation::Calendar { days: 7 * w }),
    ]
}

/// How a layer's start is written.
#[derive(Debug, Clone, Copy)]
enum StartForm {
    /// A local date-time.
    Local,
    /// An offset date-time at the local one's instant plus some seconds
    /// (an hour reaches the second occurrence of a fold).
    Offset(i64),
}

fn layer(tz: Tz, focus: DateTime<Utc>, base: i64) -> impl Strategy<Value = Layer> {
    let form = prop_oneof![
        3 => Just(StartForm::Local),
        1 => prop_oneof![Just(0i64), Just(3600), Just(7), (0i64..86_400)]
            .prop_map(StartForm::Offset),
    ];
    (
        prop_oneof![2 => Just(0u64), 1 => 0u64..=14],
        time_of_day(base),
        form,
        rotation(),
        prop::collection::vec(0..POOL.len(), 1..=4),
        prop::option::weighted(0.25, 60i64..(25 * 1440)),
        prop::collection::vec(restriction(base), 0..=2),
    )
        .prop_map(move |(back, tod, form, rotation, members, end, restrictions)| {
            let date = local(&tz, focus).date() - chrono::Days::new(back);
            let w = date.and_time(chrono::NaiveTime::MIN) + TimeDelta::minutes(tod);
            let (start, start_wall) = match form {
                StartForm::Local => (resolve(&tz, w), w),
                StartForm::Offset(secs) => {
                    let t = resolve(&tz, w) + TimeDelta::seconds(secs);
                    (t, local(&tz, t))
                }
            };
            Layer {
                name: "l".into(),
                start,
                start_wall,
                rotation,
                members: members.into_iter().map(|i| POOL[i].to_string()).collect(),
                end: end.map(|m| start + TimeDelta::minutes(m)),
                restrictions,
            }
        })
}

fn override_near(focus: DateTime<Utc>) -> impl Strategy<Value = Override> {
    (0..POOL.len() + 1, -960i64..960, 1i64..288).prop_map(move |(who, q, len)| {
        let start = focus + TimeDelta::minutes(15 * q);
        Override {
            who: POOL.get(who).copied().unwrap_or("z").into(),
            start,
            end: start + TimeDelta::minutes(15 * len),
            reason: None,
            replaces: None,
            created_by: None,
            created_at: None,
        }
    })
}

fn case() -> impl Strategy<Value = Case> {
    zone_and_focus().prop_flat_map(|(tz, focus)| {
        let t = local(&tz, focus).time();
        let base = i64::from(t.hour() * 60 + t.minute());
        (
            prop::collection::vec(layer(tz, focus, base), 1..=3),
            prop::collection::vec(override_near(focus), 0..=3),
            -3456i64..576, // window start, 5-minute steps from the focus (-12 d .. +2 d)
            12i64..=5760,  // window length, 5-minute steps (1 h .. 20 d)
        )
            .prop_map(move |(layers, overrides, q, len)| {
                let from = focus + TimeDelta::minutes(5 * q);
                Case {
                    s: Schedule {
                        id: "p".into(),
                        name: "p".into(),
                        timezone: tz,
                        layers,
                        overrides,
                    },
                    from,
                    to: from + TimeDelta::minutes(5 * len),
                }
            })
    })
}

/// Every block start and midpoint of a timeline.
fn probes(tl: &[Block]) -> Vec<DateTime<Utc>> {
    let mut out = Vec::new();
    for b in tl {
        out.push(b.span.start);
        out.push(b.span.start + (b.span.end - b.span.start) / 2);
    }
    out
}

/// The person of the block holding `t` (which must be inside the timeline).
fn person_at<'a>(tl: &[Block<'a>], t: DateTime<Utc>) -> Option<&'a str> {
    let i = tl.partition_point(|b| b.span.end <= t);
    assert!(tl[i].span.contains(t), "{} not in the timeline", fmt_z(t));
    tl[i].person
}

/// `cases` per property, unless `PROPTEST_CASES` asks for more (or fewer).
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(128))]

    /// (a) At most one person at any instant: the timeline's blocks are
    /// sorted, non-empty, contiguous and partition `[from, to)` exactly, and
    /// neighbours differ (blocks are maximal).
    #[test]
    fn timeline_partitions_the_window(c in case()) {
        let tl = timeline(&c.s, c.from, c.to);
        prop_assert!(!tl.is_empty());
        prop_assert_eq!(tl[0].span.start, c.from);
        prop_assert_eq!(tl[tl.len() - 1].span.end, c.to);
        for b in &tl {
            prop_assert!(b.span.start < b.span.end, "empty block {:?}", b);
        }
        for w in tl.windows(2) {
            prop_assert_eq!(w[0].span.end, w[1].span.start);
            prop_assert_ne!(w[0].person, w[1].person, "not maximal: {:?}", w);
        }
        // Segments partition the window too, and merge into the timeline.
        let segs = segments(&c.s, c.from, c.to);
        prop_assert_eq!(segs[0].span.start, c.from);
        for w in segs.windows(2) {
            prop_assert_eq!(w[0].span.end, w[1].span.start);
        }
        prop_assert_eq!(segs.last().unwrap().span.end, c.to);
    }

    /// (b) `shifts` are the timeline's non-gap blocks, and `who_at` agrees at
    /// block boundaries and midpoints.
    #[test]
    fn shifts_match_timeline_and_who_at(c in case()) {
        let tl = timeline(&c.s, c.from, c.to);
        let want: Vec<Shift> = tl
            .iter()
            .filter_map(|b| {
                let (start, end) = (b.span.start, b.span.end);
                b.person.map(|p| Shift { person: p.into(), start, end })
            })
            .collect();
        prop_assert_eq!(shifts(&c.s, c.from, c.to), want);
        for t in probes(&tl) {
            prop_assert_eq!(who_at(&c.s, t), person_at(&tl, t), "at {}", fmt_z(t));
        }
        // And just before each block ends.
        for b in &tl {
            let t = b.span.end - TimeDelta::seconds(1);
            if t >= b.span.start {
                prop_assert_eq!(who_at(&c.s, t), b.person, "at {}", fmt_z(t));
            }
        }
    }

    /// (c) Restricting a layer never adds coverage: what the schedule covers
    /// with the layer restricted (its own restrictions plus one more) is a
    /// subset of what it covers with the layer unrestricted. Restrictions
    /// never change who holds that layer's turns where it still covers.
    #[test]
    fn restriction_never_adds_coverage(
        c in case(),
        li in any::<Index>(),
        extra in (0i64..1440).prop_flat_map(restriction),
    ) {
        let i = li.index(c.s.layers.len());
        let mut u = c.s.clone();
        u.layers[i].restrictions.clear();
        let mut r = c.s.clone();
        r.layers[i].restrictions.push(extra);
        let t1 = timeline(&u, c.from, c.to);
        let t2 = timeline(&r, c.from, c.to);
        for t in probes(&t1).into_iter().chain(probes(&t2)) {
            if person_at(&t2, t).is_some() {
                prop_assert!(person_at(&t1, t).is_some(), "covered only restricted: {}", fmt_z(t));
            }
        }
        let tz = c.s.timezone;
        let p1 = layer_pieces(&u.layers[i], &tz, c.from, c.to);
        let p2 = layer_pieces(&r.layers[i], &tz, c.from, c.to);
        for p in &p2 {
            // Each restricted piece lies inside one unrestricted piece of the same turn.
            let j = p1.partition_point(|q| q.span.end <= p.span.start);
            prop_assert!(j < p1.len(), "{:?} not covered", p);
            let q = p1[j];
            let inside = q.span.start <= p.span.start && p.span.end <= q.span.end;
            prop_assert!(inside, "{:?} not inside {:?}", p, q);
            prop_assert_eq!((q.person, q.turn), (p.person, p.turn));
        }
    }

    /// (d) The last-listed override wins everywhere inside its interval.
    #[test]
    fn last_override_wins(c in case(), a in 0i64..=1, q in any::<Index>(), len in 1i64..=2000) {
        let (from, to) = (c.from, c.to);
        let start = if a == 0 {
            from - TimeDelta::minutes(60)
        } else {
            from + (to - from) * q.index(1000) as i32 / 1000
        };
        let end = start + TimeDelta::minutes(5 * len);
        let mut s = c.s.clone();
        s.overrides.push(Override {
            who: "winner".into(),
            start,
            end,
            reason: None,
            replaces: None,
            created_by: None,
            created_at: None,
        });
        for t in [start, start + (end - start) / 2, end - TimeDelta::seconds(1)] {
            prop_assert_eq!(who_at(&s, t), Some("winner"));
        }
        prop_assert_ne!(who_at(&s, end), Some("winner"));
        let (lo, hi) = (start.max(from), end.min(to));
        let tl = timeline(&s, from, to);
        if lo < hi {
            let i = tl.partition_point(|b| b.span.end <= lo);
            prop_assert_eq!(tl[i].person, Some("winner"));
            prop_assert!(tl[i].span.start <= lo && hi <= tl[i].span.end, "{:?}", tl[i]);
        }
        let overlaps = |b: &Block| b.span.start < hi && lo < b.span.end;
        prop_assert!(tl.iter().all(|b| b.person != Some("winner") || overlaps(b)));
    }

    /// (e) A start written as a local date-time and the same start written as
    /// the equivalent offset date-time give identical results, when the wall
    /// time is not in a gap. (In a gap, the written wall time is kept for
    /// later calendar turns, so only turn 0 and elapsed rotations agree.)
    #[test]
    fn local_and_offset_starts_agree(c in case()) {
        let tz = c.s.timezone;
        for i in 0..c.s.layers.len() {
            let w = c.s.layers[i].start_wall;
            let mut as_local = c.s.clone();
            as_local.layers[i].start = resolve(&tz, w);
            let mut as_offset = as_local.clone();
            as_offset.layers[i].start_wall = local(&tz, as_offset.layers[i].start);
            let rotation = as_offset.layers[i].rotation;
            let gap = wall_kind(&tz, w) == WallKind::Nonexistent;
            let calendar = matches!(rotation, Rotation::Calendar { .. });
            let t1 = timeline(&as_local, c.from, c.to);
            let t2 = timeline(&as_offset, c.from, c.to);
            if !gap {
                prop_assert_eq!(as_offset.layers[i].start_wall, w);
                prop_assert_eq!(&t1, &t2);
            } else {
                prop_assert_ne!(as_offset.layers[i].start_wall, w);
                let a = Turns::new(&as_local.layers[i], &tz);
                let b = Turns::new(&as_offset.layers[i], &tz);
                prop_assert_eq!(a.start_of(0), b.start_of(0));
                if calendar {
                    prop_assert!(a.start_of(1) < b.start_of(1));
                    let written = w + TimeDelta::days(days_of(rotation));
                    prop_assert_eq!(a.start_of(1), resolve(&tz, written));
                } else {
                    prop_assert_eq!(&t1, &t2);
                }
            }
        }
    }

    /// (f) `around(t)` is the timeline block holding `t` when that block lies
    /// inside the window, and is consistent with it otherwise; with a smaller
    /// limit, bounds further than the limit are unknown.
    #[test]
    fn around_agrees_with_timeline(
        c in case(),
        q in any::<Index>(),
        limit_min in 0i64..(30 * 1440),
    ) {
        let t = c.from + (c.to - c.from) * q.index(1000) as i32 / 1000;
        let tl = timeline(&c.s, c.from, c.to);
        let i = tl.partition_point(|b| b.span.end <= t);
        let b = tl[i];
        let inside_start = b.span.start > c.from;
        let inside_end = b.span.end < c.to;
        let a = around(&c.s, t, who_limit());
        prop_assert_eq!(a.person, b.person);
        if inside_start {
            prop_assert_eq!(a.start, Some(b.span.start));
        } else if let Some(s) = a.start {
            prop_assert!(s <= c.from);
        }
        if inside_end {
            prop_assert_eq!(a.end, Some(b.span.end));
            prop_assert_eq!(a.next, Some(tl[i + 1].person));
        } else if let Some(e) = a.end {
            prop_assert!(e >= c.to);
        }
        let limit = TimeDelta::minutes(limit_min);
        let a = around(&c.s, t, limit);
        prop_assert_eq!(a.person, b.person);
        if inside_start {
            prop_assert_eq!(a.start, (t - b.span.start <= limit).then_some(b.span.start));
        }
        if inside_end {
            prop_assert_eq!(a.end, (b.span.end - t <= limit).then_some(b.span.end));
        }
        if let Some(s) = a.start {
            prop_assert!(t - s <= limit);
        }
        if let Some(e) = a.end {
            prop_assert!(e - t <= limit);
        }
    }

    /// (g) Splitting the window anywhere and joining the two timelines gives
    /// the timeline of the whole window.
    #[test]
    fn timeline_is_independent_of_the_window(c in case(), q in 1usize..1000) {
        let mid = c.from + (c.to - c.from) * q as i32 / 1000;
        let whole = timeline(&c.s, c.from, c.to);
        let mut joined = timeline(&c.s, c.from, mid);
        for b in timeline(&c.s, mid, c.to) {
            match joined.last_mut() {
                Some(l) if l.person == b.person && l.span.end == b.span.start => {
                    l.span.end = b.span.end
                }
                _ => joined.push(b),
            }
        }
        prop_assert_eq!(whole, joined);
    }

    /// (h) `who_at`, `Turns::index_at` and the timeline agree with the slow
    /// oracle of the unit tests at random instants.
    #[test]
    fn who_at_agrees_with_the_oracle(
        c in case(),
        qs in prop::collection::vec(0usize..=1000, 30),
    ) {
        let tz = c.s.timezone;
        let oracles: Vec<LayerOracle> =
            c.s.layers.iter().map(|l| LayerOracle::new(l, &tz, c.from, c.to)).collect();
        let tl = timeline(&c.s, c.from, c.to);
        for q in qs {
            let t = c.from + (c.to - c.from) * q as i32 / 1000;
            let t = t.min(c.to - TimeDelta::seconds(1));
            let want = oracle_who(&c.s, &oracles, t);
            prop_assert_eq!(who_at(&c.s, t), want, "at {}", fmt_z(t));
            prop_assert_eq!(person_at(&tl, t), want, "at {}", fmt_z(t));
            for (l, o) in c.s.layers.iter().zip(&oracles) {
                let k = Turns::new(l, &tz).index_at(t);
                prop_assert_eq!(k, o.turn_at(t).map(|k| k as i64), "at {}", fmt_z(t));
            }
        }
    }
}

fn days_of(r: Rotation) -> i64 {
    match r {
        Rotation::Calendar { days } => days,
        Rotation::Elapsed { .. } => unreachable!(),
    }
}

/// The generator really reaches the interesting places: starts in gaps and
/// folds, and windows over transitions (checked once, deterministically).
#[test]
fn generator_reaches_gaps_and_folds() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut gaps, mut folds, mut over) = (0, 0, 0);
    for _ in 0..300 {
        let c = case().new_tree(&mut runner).unwrap().current();
        let tz = c.s.timezone;
        for l in &c.s.layers {
            match wall_kind(&tz, l.start_wall) {
                WallKind::Nonexistent => gaps += 1,
                WallKind::Ambiguous => folds += 1,
                WallKind::Normal => {}
            }
        }
        if transitions(tz).iter().any(|&t| c.from <= t && t < c.to) {
            over += 1;
        }
    }
    assert!(
        gaps >= 8 && folds >= 8 && over >= 100,
        "gaps {gaps}, folds {folds}, windows over a change {over}"
    );
}
