//! Unit tests of the engine on hand-built schedules.
//!
//! Every expected instant below is worked out by hand from the contract
//! (`schedule-format.md`, "Semantics" and "Precise readings") and written in
//! UTC, with the local reading in a comment. The brute-force tests at the end
//! compare the engine with a slow oracle at every 5 minutes around DST
//! transitions.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta, Utc};
use chrono_tz::Tz;
use chrono_tz::{America, Australia, Europe, UTC};

use super::*;
use crate::model::{
    parse_day, parse_weekly_bound, DaySet, Layer, Override, Restriction, Rotation, Schedule, WallTime,
};

pub(crate) fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

pub(crate) fn wall(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

/// A layer whose start is a local date-time in `tz`.
pub(crate) fn layer(tz: &Tz, start: &str, rotation: &str, members: &[&str]) -> Layer {
    let w = wall(start);
    Layer {
        name: "l".into(),
        start: resolve(tz, w),
        start_wall: w,
        rotation: Rotation::parse(rotation).unwrap(),
        members: members.iter().map(|m| m.to_string()).collect(),
        end: None,
        restrictions: Vec::new(),
    }
}

/// A layer whose start is an offset date-time (RFC 3339): the instant as
/// given, the wall time the schedule-timezone clock shows at it.
pub(crate) fn layer_at(tz: &Tz, start: &str, rotation: &str, members: &[&str]) -> Layer {
    let t = utc(start);
    Layer {
        start: t,
        start_wall: local(tz, t),
        ..layer(tz, "2000-01-01T00:00", rotation, members)
    }
}

pub(crate) fn schedule(tz: Tz, layers: Vec<Layer>, overrides: Vec<Override>) -> Schedule {
    Schedule {
        id: "s".into(),
        name: "s".into(),
        timezone: tz,
        layers,
        overrides,
    }
}

pub(crate) fn ovr(who: &str, start: &str, end: &str) -> Override {
    Override {
        who: who.into(),
        start: utc(start),
        end: utc(end),
        reason: None,
        replaces: None,
        created_by: None,
        created_at: None,
    }
}

/// A daily window; `days` empty means every day.
pub(crate) fn daily(days: &[&str], from: &str, to: &str) -> Restriction {
    Restriction::Daily {
        days: if days.is_empty() {
            DaySet::ALL
        } else {
            days.iter().map(|d| parse_day(d).unwrap()).collect()
        },
        from: WallTime::parse(from).unwrap(),
        to: WallTime::parse(to).unwrap(),
    }
}

/// A weekly window, bounds like `fri 18:00`.
pub(crate) fn weekly(from: &str, to: &str) -> Restriction {
    Restriction::Weekly {
        from: parse_weekly_bound(from).unwrap(),
        to: parse_weekly_bound(to).unwrap(),
    }
}

/// `2026-03-29T01:30Z` (minutes, UTC) to an instant.
pub(crate) fn z(s: &str) -> DateTime<Utc> {
    let s = s.strip_suffix('Z').expect("ends in Z");
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M")
        .unwrap()
        .and_utc()
}

/// An instant as `2026-03-29T01:30Z` (or with seconds when it has them).
pub(crate) fn fmt_z(t: DateTime<Utc>) -> String {
    if t.timestamp() % 60 == 0 {
        t.format("%Y-%m-%dT%H:%MZ").to_string()
    } else {
        t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
    }
}

/// Final shifts as `person start..end` lines.
fn shift_lines(s: &Schedule, from: &str, to: &str) -> Vec<String> {
    shifts(s, z(from), z(to))
        .into_iter()
        .map(|x| format!("{} {}..{}", x.person, fmt_z(x.start), fmt_z(x.end)))
        .collect()
}

/// Timeline blocks as `person start..end` lines, `-` for a gap.
fn timeline_lines(s: &Schedule, from: &str, to: &str) -> Vec<String> {
    timeline(s, z(from), z(to))
        .into_iter()
        .map(|b| {
            format!(
                "{} {}..{}",
                b.person.unwrap_or("-"),
                fmt_z(b.span.start),
                fmt_z(b.span.end)
            )
        })
        .collect()
}

fn turn_starts(l: &Layer, tz: &Tz, n: i64) -> Vec<String> {
    let t = Turns::new(l, tz);
    (0..n).map(|k| fmt_z(t.start_of(k))).collect()
}

fn local_hm(tz: &Tz, t: DateTime<Utc>) -> String {
    local(tz, t).format("%m-%d %H:%M").to_string()
}

fn window_lines(tz: &Tz, r: &[Restriction], from: &str, to: &str) -> Vec<String> {
    windows(tz, r, z(from), z(to))
        .into_iter()
        .map(|s| format!("{}..{}", fmt_z(s.start), fmt_z(s.end)))
        .collect()
}

fn with(mut l: Layer, r: &[Restriction]) -> Layer {
    l.restrictions = r.to_vec();
    l
}

// ---------------------------------------------------------------------------
// The three original tests.

#[test]
fn weekly_handoff_keeps_wall_time_across_spring_forward() {
    let tz = Europe::Prague;
    let s = schedule(
        tz,
        vec![layer(&tz, "2026-03-23T09:00", "1w", &["alice", "bob"])],
        vec![],
    );
    // 09:00 CET is 08:00Z; 09:00 CEST is 07:00Z.
    assert_eq!(
        shift_lines(&s, "2026-03-23T08:00Z", "2026-04-06T07:00Z"),
        [
            "alice 2026-03-23T08:00Z..2026-03-30T07:00Z",
            "bob 2026-03-30T07:00Z..2026-04-06T07:00Z"
        ]
    );
}

#[test]
fn restriction_clips_turns() {
    let tz = UTC;
    let l = with(
        layer(&tz, "2026-01-05T00:00", "1d", &["a", "b"]),
        &[daily(&[], "22:00", "06:00")],
    );
    let s = schedule(tz, vec![l], vec![]);
    assert_eq!(
        shift_lines(&s, "2026-01-05T00:00Z", "2026-01-07T00:00Z"),
        [
            // The window that opened on the 4th still counts once the layer starts.
            "a 2026-01-05T00:00Z..2026-01-05T06:00Z",
            "a 2026-01-05T22:00Z..2026-01-06T00:00Z",
            "b 2026-01-06T00:00Z..2026-01-06T06:00Z",
            "b 2026-01-06T22:00Z..2026-01-07T00:00Z",
        ]
    );
}

#[test]
fn override_wins() {
    let tz = UTC;
    let s = schedule(
        tz,
        vec![layer(&tz, "2026-01-05T09:00", "1w", &["a", "b"])],
        vec![ovr("c", "2026-01-06T00:00:00Z", "2026-01-07T00:00:00Z")],
    );
    assert_eq!(who_at(&s, utc("2026-01-06T12:00:00Z")), Some("c"));
    let a = around(&s, utc("2026-01-06T12:00:00Z"), who_limit());
    assert_eq!(a.start, Some(utc("2026-01-06T00:00:00Z")));
    assert_eq!(a.end, Some(utc("2026-01-07T00:00:00Z")));
    assert_eq!(a.next, Some(Some("a")));
}

// ---------------------------------------------------------------------------
// Calendar handoffs across DST, Europe/Prague 2026:
// 2026-03-29 02:00 CET -> 03:00 CEST (01:00Z); 2026-10-25 03:00 CEST -> 02:00 CET (01:00Z).

#[test]
fn weekly_handoff_keeps_wall_time_across_fall_back() {
    let tz = Europe::Prague;
    let s = schedule(
        tz,
        vec![layer(&tz, "2026-10-19T09:00", "1w", &["alice", "bob"])],
        vec![],
    );
    // 09:00 CEST = 07:00Z on 10-19; 09:00 CET = 08:00Z from 10-26 on.
    assert_eq!(
        shift_lines(&s, "2026-10-19T07:00Z", "2026-11-02T08:00Z"),
        [
            "alice 2026-10-19T07:00Z..2026-10-26T08:00Z",
            "bob 2026-10-26T08:00Z..2026-11-02T08:00Z"
        ]
    );
    let d = shifts(&s, z("2026-10-19T07:00Z"), z("2026-10-26T08:00Z"))[0].clone();
    assert_eq!(d.end - d.start, TimeDelta::days(7) + TimeDelta::hours(1));
}

#[test]
fn daily_handoff_across_spring_forward() {
    let tz = Europe::Prague;
    let s = schedule(
        tz,
        vec![layer(&tz, "2026-03-27T09:00", "1d", &["a", "b", "c"])],
        vec![],
    );
    assert_eq!(
        shift_lines(&s, "2026-03-27T08:00Z", "2026-03-31T07:00Z"),
        [
            "a 2026-03-27T08:00Z..2026-03-28T08:00Z", // 09:00 CET .. 09:00 CET
            "b 2026-03-28T08:00Z..2026-03-29T07:00Z", // 09:00 CET .. 09:00 CEST: 23 h
            "c 2026-03-29T07:00Z..2026-03-30T07:00Z",
            "a 2026-03-30T07:00Z..2026-03-31T07:00Z",
        ]
    );
    // A daily handoff at 02:30, which does not exist on 03-29: 03:30 CEST that day.
    let l = layer(&tz, "2026-03-27T02:30", "1d", &["a", "b", "c"]);
    assert_eq!(
        turn_starts(&l, &tz, 4),
        [
            "2026-03-27T01:30Z",
            "2026-03-28T01:30Z",
            "2026-03-29T01:30Z",
            "2026-03-30T00:30Z"
        ]
    );
    let t = Turns::new(&l, &tz);
    assert_eq!(local_hm(&tz, t.start_of(2)), "03-29 03:30");
    assert_eq!(local_hm(&tz, t.start_of(3)), "03-30 02:30");
    assert_eq!(t.handoff_wall(2), Some(wall("2026-03-29T02:30")));
}

#[test]
fn daily_handoff_across_fall_back() {
    let tz = Europe::Prague;
    let s = schedule(
        tz,
        vec![layer(&tz, "2026-10-24T09:00", "1d", &["a", "b", "c"])],
        vec![],
    );
    assert_eq!(
        shift_lines(&s, "2026-10-24T07:00Z", "2026-10-27T08:00Z"),
        [
            "a 2026-10-24T07:00Z..2026-10-25T08:00Z", // 09:00 CEST .. 09:00 CET: 25 h
            "b 2026-10-25T08:00Z..2026-10-26T08:00Z",
            "c 2026-10-26T08:00Z..2026-10-27T08:00Z",
        ]
    );
    // A daily handoff at 02:30, which happens twice on 10-25: the earlier (CEST).
    let l = layer(&tz, "2026-10-23T02:30", "1d", &["a", "b", "c"]);
    assert_eq!(
        turn_starts(&l, &tz, 4),
        [
            "2026-10-23T00:30Z",
            "2026-10-24T00:30Z",
            "2026-10-25T00:30Z",
            "2026-10-26T01:30Z"
        ]
    );
    let s = schedule(tz, vec![l], vec![]);
    // The second 02:30 (01:30Z) is inside c's 25-hour turn.
    assert_eq!(who_at(&s, z("2026-10-25T01:30Z")), Some("c"));
    assert_eq!(who_at(&s, z("2026-10-25T00:29Z")), Some("b"));
}

#[test]
fn two_day_and_two_week_rotations_across_dst() {
    let tz = Europe::Prague;
    let l = layer(&tz, "2026-03-26T09:00", "2d", &["a", "b"]);
    assert_eq!(
        turn_starts(&l, &tz, 4),
        [
            "2026-03-26T08:00Z",
            "2026-03-28T08:00Z",
            "2026-03-30T07:00Z",
            "2026-04-01T07:00Z"
        ]
    );
    let l = layer(&tz, "2026-10-12T09:00", "2w", &["a", "b"]);
    assert_eq!(
        turn_starts(&l, &tz, 3),
        ["2026-10-12T07:00Z", "2026-10-26T08:00Z", "2026-11-09T08:00Z"]
    );
}

#[test]
fn start_in_spring_forward_gap() {
    let tz = Europe::Prague;
    let l = layer(&tz, "2026-03-29T02:30", "1d", &["a", "b"]);
    // Turn 0 at 03:30 CEST (the gap rule), later turns at 02:30 CEST as written.
    assert_eq!(l.start, z("2026-03-29T01:30Z"));
    assert_eq!(
        turn_starts(&l, &tz, 3),
        ["2026-03-29T01:30Z", "2026-03-30T00:30Z", "2026-03-31T00:30Z"]
    );
    let t = Turns::new(&l, &tz);
    assert_eq!(local_hm(&tz, t.start_of(0)), "03-29 03:30");
    assert_eq!(local_hm(&tz, t.start_of(1)), "03-30 02:30");
    assert_eq!(t.index_at(z("2026-03-29T01:29Z")), None);
    assert_eq!(t.index_at(z("2026-03-29T01:30Z")), Some(0));
    assert_eq!(t.index_at(z("2026-03-30T00:29Z")), Some(0));
    assert_eq!(t.index_at(z("2026-03-30T00:30Z")), Some(1));
    let s = schedule(tz, vec![l], vec![]);
    assert_eq!(
        timeline_lines(&s, "2026-03-29T00:00Z", "2026-03-31T00:30Z"),
        [
            "- 2026-03-29T00:00Z..2026-03-29T01:30Z",
            "a 2026-03-29T01:30Z..2026-03-30T00:30Z", // 23 h
            "b 2026-03-30T00:30Z..2026-03-31T00:30Z",
        ]
    );
    // Weekly, likewise.
    let l = layer(&tz, "2026-03-29T02:30", "1w", &["a", "b"]);
    assert_eq!(
        turn_starts(&l, &tz, 3),
        ["2026-03-29T01:30Z", "2026-04-05T00:30Z", "2026-04-12T00:30Z"]
    );
}

#[test]
fn start_in_fall_back_fold() {
    let tz = Europe::Prague;
    let l = layer(&tz, "2026-10-25T02:30", "1d", &["a", "b"]);
    // The earlier 02:30 (CEST, 00:30Z); the next day 02:30 CET (01:30Z).
    assert_eq!(
        turn_starts(&l, &tz, 3),
        ["2026-10-25T00:30Z", "2026-10-26T01:30Z", "2026-10-27T01:30Z"]
    );
    let s = schedule(tz, vec![l], vec![]);
    assert_eq!(who_at(&s, z("2026-10-25T00:29Z")), None);
    assert_eq!(who_at(&s, z("2026-10-25T00:30Z")), Some("a"));
    assert_eq!(who_at(&s, z("2026-10-25T01:30Z")), Some("a")); // the second 02:30
    assert_eq!(
        shift_lines(&s, "2026-10-25T00:00Z", "2026-10-27T01:30Z"),
        [
            "a 2026-10-25T00:30Z..2026-10-26T01:30Z",
            "b 2026-10-26T01:30Z..2026-10-27T01:30Z"
        ]
    );
}

#[test]
fn offset_start_uses_the_local_clock_at_that_instant() {
    let tz = Europe::Prague;
    // 2026-01-05T08:00:00Z in Prague means 09:00.
    let l = layer_at(&tz, "2026-01-05T08:00:00Z", "1w", &["a", "b"]);
    assert_eq!(l.start_wall, wall("2026-01-05T09:00"));
    assert_eq!(
        turn_starts(&l, &tz, 3),
        ["2026-01-05T08:00Z", "2026-01-12T08:00Z", "2026-01-19T08:00Z"]
    );
    // Written with a +01:00 offset, across the spring change: 09:00 CEST after it.
    let l = layer_at(&tz, "2026-03-23T09:00:00+01:00", "1w", &["a", "b"]);
    assert_eq!(
        turn_starts(&l, &tz, 3),
        ["2026-03-23T08:00Z", "2026-03-30T07:00Z", "2026-04-06T07:00Z"]
    );
    // Right after the gap: 01:30Z is 03:30 CEST, so handoffs stay at 03:30 ...
    let l = layer_at(&tz, "2026-03-29T01:30:00Z", "1d", &["a", "b"]);
    assert_eq!(l.start_wall, wall("2026-03-29T03:30"));
    assert_eq!(
        turn_starts(&l, &tz, 2),
        ["2026-03-29T01:30Z", "2026-03-30T01:30Z"]
    );
    // ... while the same instant written as local 02:30 hands off at 02:30.
    let l = layer(&tz, "2026-03-29T02:30", "1d", &["a", "b"]);
    assert_eq!(
        turn_starts(&l, &tz, 2),
        ["2026-03-29T01:30Z", "2026-03-30T00:30Z"]
    );
    // The second 02:30 of the fold, as an instant: turn 0 begins exactly there.
    let l = layer_at(&tz, "2026-10-25T01:30:00Z", "1d", &["a", "b"]);
    assert_eq!(l.start_wall, wall("2026-10-25T02:30"));
    assert_eq!(
        turn_starts(&l, &tz, 2),
        ["2026-10-25T01:30Z", "2026-10-26T01:30Z"]
    );
    let s = schedule(tz, vec![l], vec![]);
    assert_eq!(who_at(&s, z("2026-10-25T00:30Z")), None);
    assert_eq!(who_at(&s, z("2026-10-25T01:29Z")), None);
    assert_eq!(who_at(&s, z("2026-10-25T01:30Z")), Some("a"));
    // An offset start that is not on a whole minute is kept exactly.
    let l = layer_at(&tz, "2026-01-05T08:00:30Z", "1d", &["a", "b"]);
    let s = schedule(tz, vec![l], vec![]);
    assert_eq!(who_at(&s, utc("2026-01-05T08:00:29Z")), None);
    assert_eq!(who_at(&s, utc("2026-01-05T08:00:30Z")), Some("a"));
    assert_eq!(who_at(&s, utc("2026-01-06T08:00:29Z")), Some("a"));
    assert_eq!(who_at(&s, utc("2026-01-06T08:00:30Z")), Some("b"));
}

#[test]
fn elapsed_rotation_moves_in_wall_time_across_dst() {
    let tz = Europe::Prague;
    let l = layer(&tz, "2026-03-28T09:00", "12h", &["a", "b"]);
    let t = Turns::new(&l, &tz);
    assert_eq!(
        turn_starts(&l, &tz, 4),
        [
            "2026-03-28T08:00Z",
            "2026-03-28T20:00Z",
            "2026-03-29T08:00Z",
            "2026-03-29T20:00Z"
        ]
    );
    let walls: Vec<String> = (0..4).map(|k| local_hm(&tz, t.start_of(k))).collect();
    assert_eq!(
        walls,
        ["03-28 09:00", "03-28 21:00", "03-29 10:00", "03-29 22:00"]
    );
    assert_eq!(t.handoff_wall(1), None);
    // And back in the autumn: 09:00/21:00 CEST become 08:00/20:00 CET.
    let l = layer(&tz, "2026-10-24T09:00", "12h", &["a", "b"]);
    let t = Turns::new(&l, &tz);
    let walls: Vec<String> = (0..4).map(|k| local_hm(&tz, t.start_of(k))).collect();
    assert_eq!(
        walls,
        ["10-24 09:00", "10-24 21:00", "10-25 08:00", "10-25 20:00"]
    );
    // 90 minutes: exactly 90 minutes apart through the gap.
    let l = layer(&tz, "2026-03-28T23:00", "90m", &["a", "b"]);
    assert_eq!(
        turn_starts(&l, &tz, 4),
        [
            "2026-03-28T22:00Z",
            "2026-03-28T23:30Z",
            "2026-03-29T01:00Z",
            "2026-03-29T02:30Z"
        ]
    );
    let s = schedule(tz, vec![l], vec![]);
    assert_eq!(who_at(&s, z("2026-03-29T00:59Z")), Some("b"));
    assert_eq!(who_at(&s, z("2026-03-29T01:00Z")), Some("a"));
}

#[test]
fn new_york_across_dst() {
    let tz = America::New_York;
    // 2026-03-08 02:00 EST -> 03:00 EDT (07:00Z); 2026-11-01 02:00 EDT -> 01:00 EST (06:00Z).
    let l = layer(&tz, "2026-03-02T09:00", "1w", &["a", "b"]);
    assert_eq!(
        turn_starts(&l, &tz, 3),
        ["2026-03-02T14:00Z", "2026-03-09T13:00Z", "2026-03-16T13:00Z"]
    );
    let l = layer(&tz, "2026-10-26T09:00", "1w", &["a", "b"]);
    assert_eq!(
        turn_starts(&l, &tz, 3),
        ["2026-10-26T13:00Z", "2026-11-02T14:00Z", "2026-11-09T14:00Z"]
    );
    let l = layer(&tz, "2026-03-07T09:00", "1d", &["a", "b"]);
    assert_eq!(
        turn_starts(&l, &tz, 3),
        ["2026-03-07T14:00Z", "2026-03-08T13:00Z", "2026-03-09T13:00Z"]
    );
    let l = layer(&tz, "2026-10-31T09:00", "1d", &["a", "b"]);
    assert_eq!(
        turn_starts(&l, &tz, 3),
        ["2026-10-31T13:00Z", "2026-11-01T14:00Z", "2026-11-02T14:00Z"]
    );
    // Start in the gap: 02:30 -> 03:30 EDT; then 02:30 EDT.
    let l = layer(&tz, "2026-03-08T02:30", "1d", &["a", "b"]);
    assert_eq!(
        turn_starts(&l, &tz, 3),
        ["2026-03-08T07:30Z", "2026-03-09T06:30Z", "2026-03-10T06:30Z"]
    );
    // Start in the fold: the earlier 01:30 (EDT); then 01:30 EST.
    let l = layer(&tz, "2026-11-01T01:30", "1d", &["a", "b"]);
    assert_eq!(
        turn_starts(&l, &tz, 3),
        ["2026-11-01T05:30Z", "2026-11-02T06:30Z", "2026-11-03T06:30Z"]
    );
    let s = schedule(tz, vec![l], vec![]);
    assert_eq!(
        shift_lines(&s, "2026-11-01T00:00Z", "2026-11-03T06:30Z"),
        [
            "a 2026-11-01T05:30Z..2026-11-02T06:30Z",
            "b 2026-11-02T06:30Z..2026-11-03T06:30Z"
        ]
    );
}

#[test]
fn lord_howe_half_hour_dst() {
    let tz = Australia::Lord_Howe;
    // Standard +10:30, summer +11:00. 2026-04-05 02:00 LHDT -> 01:30 LHST
    // (2026-04-04T15:00Z); 2026-10-04 02:00 LHST -> 02:30 LHDT (2026-10-03T15:30Z).
    assert_eq!(local_hm(&tz, z("2026-04-04T14:59Z")), "04-05 01:59");
    assert_eq!(local_hm(&tz, z("2026-04-04T15:00Z")), "04-05 01:30");
    assert_eq!(local_hm(&tz, z("2026-10-03T15:29Z")), "10-04 01:59");
    assert_eq!(local_hm(&tz, z("2026-10-03T15:30Z")), "10-04 02:30");
    // Daily 09:00 handoffs: 09:00 +11 = 22:00Z the day before; 09:00 +10:30 = 22:30Z.
    let l = layer(&tz, "2026-04-03T09:00", "1d", &["a", "b", "c"]);
    assert_eq!(
        turn_starts(&l, &tz, 4),
        [
            "2026-04-02T22:00Z",
            "2026-04-03T22:00Z",
            "2026-04-04T22:30Z",
            "2026-04-05T22:30Z"
        ]
    );
    let s = schedule(tz, vec![l], vec![]);
    let sh = shifts(&s, z("2026-04-03T22:00Z"), z("2026-04-04T22:30Z"));
    assert_eq!(sh.len(), 1);
    assert_eq!(sh[0].end - sh[0].start, TimeDelta::minutes(24 * 60 + 30));
    let l = layer(&tz, "2026-10-02T09:00", "1d", &["a", "b", "c"]);
    assert_eq!(
        turn_starts(&l, &tz, 4),
        [
            "2026-10-01T22:30Z",
            "2026-10-02T22:30Z",
            "2026-10-03T22:00Z",
            "2026-10-04T22:00Z"
        ]
    );
    let l = layer(&tz, "2026-09-28T09:00", "1w", &["a", "b"]);
    assert_eq!(
        turn_starts(&l, &tz, 2),
        ["2026-09-27T22:30Z", "2026-10-04T22:00Z"]
    );
    // Start in the 30-minute gap: 02:15 is read at +10:30, i.e. 02:45 LHDT.
    let l = layer(&tz, "2026-10-04T02:15", "1d", &["a", "b"]);
    assert_eq!(
        turn_starts(&l, &tz, 3),
        ["2026-10-03T15:45Z", "2026-10-04T15:15Z", "2026-10-05T15:15Z"]
    );
    assert_eq!(local_hm(&tz, l.start), "10-04 02:45");
    // Start in the 30-minute fold: the earlier 01:45 (+11), then 01:45 +10:30.
    let l = layer(&tz, "2026-04-05T01:45", "1d", &["a", "b"]);
    assert_eq!(
        turn_starts(&l, &tz, 3),
        ["2026-04-04T14:45Z", "2026-04-05T15:15Z", "2026-04-06T15:15Z"]
    );
    let s = schedule(tz, vec![l], vec![]);
    assert_eq!(who_at(&s, z("2026-04-04T15:15Z")), Some("a")); // the second 01:45
    assert_eq!(who_at(&s, z("2026-04-05T15:15Z")), Some("b"));
}

// ---------------------------------------------------------------------------
// Restriction windows.

/// A single-member layer from long before, so shifts show the windows.
fn windowed(tz: &Tz, r: &[Restriction]) -> Schedule {
    schedule(
        *tz,
        vec![with(layer(tz, "2025-12-01T00:00", "1w", &["a"]), r)],
        vec![],
    )
}

#[test]
fn overnight_window_on_spring_forward_night_lasts_7h() {
    let tz = Europe::Prague;
    let s = windowed(&tz, &[daily(&[], "22:00", "06:00")]);
    // 22:00 CET (21:00Z) .. 06:00 CEST (04:00Z).
    assert_eq!(
        shift_lines(&s, "2026-03-28T12:00Z", "2026-03-29T12:00Z"),
        ["a 2026-03-28T21:00Z..2026-03-29T04:00Z"]
    );
    let w = windows(
        &tz,
        &s.layers[0].restrictions,
        z("2026-03-28T12:00Z"),
        z("2026-03-29T12:00Z"),
    );
    assert_eq!(w[0].duration(), TimeDelta::hours(7));
}

#[test]
fn overnight_window_on_fall_back_night_lasts_9h() {
    let tz = Europe::Prague;
    let s = windowed(&tz, &[daily(&[], "22:00", "06:00")]);
    // 22:00 CEST (20:00Z) .. 06:00 CET (05:00Z).
    assert_eq!(
        shift_lines(&s, "2026-10-24T12:00Z", "2026-10-25T12:00Z"),
        ["a 2026-10-24T20:00Z..2026-10-25T05:00Z"]
    );
    let w = windows(
        &tz,
        &s.layers[0].restrictions,
        z("2026-10-24T12:00Z"),
        z("2026-10-25T12:00Z"),
    );
    assert_eq!(w[0].duration(), TimeDelta::hours(9));
}

#[test]
fn window_to_24_00_is_the_end_of_the_date() {
    let tz = Europe::Prague;
    assert_eq!(
        window_lines(
            &tz,
            &[daily(&[], "16:00", "24:00")],
            "2026-03-28T00:00Z",
            "2026-03-30T00:00Z"
        ),
        [
            "2026-03-28T15:00Z..2026-03-28T23:00Z", // 16:00 CET .. 00:00 CET
            "2026-03-29T14:00Z..2026-03-29T22:00Z", // 16:00 CEST .. 00:00 CEST
        ]
    );
    // A whole date: 23 hours on the spring-forward Sunday, 25 on the fall-back one.
    let whole = [daily(&["sun"], "00:00", "24:00")];
    assert_eq!(
        window_lines(&tz, &whole, "2026-03-27T00:00Z", "2026-03-31T00:00Z"),
        ["2026-03-28T23:00Z..2026-03-29T22:00Z"]
    );
    assert_eq!(
        window_lines(&tz, &whole, "2026-10-23T00:00Z", "2026-10-27T00:00Z"),
        ["2026-10-24T22:00Z..2026-10-25T23:00Z"]
    );
    // Three windows 00:00-08:00, 08:00-16:00, 16:00-24:00 cover everything.
    let three = [
        daily(&[], "00:00", "08:00"),
        daily(&[], "08:00", "16:00"),
        daily(&[], "16:00", "24:00"),
    ];
    assert_eq!(
        window_lines(&tz, &three, "2026-03-27T00:00Z", "2026-03-31T00:00Z"),
        ["2026-03-27T00:00Z..2026-03-31T00:00Z"]
    );
    // Weekly, to the end of Saturday.
    assert_eq!(
        window_lines(
            &tz,
            &[weekly("sat 10:00", "sat 24:00")],
            "2026-01-05T00:00Z",
            "2026-01-12T00:00Z"
        ),
        ["2026-01-10T09:00Z..2026-01-10T23:00Z"]
    );
}

#[test]
fn window_from_equal_to() {
    // Daily: until the same wall time on the next date.
    let tz = UTC;
    assert_eq!(
        window_lines(
            &tz,
            &[daily(&["mon"], "09:00", "09:00")],
            "2026-01-01T00:00Z",
            "2026-01-12T00:00Z"
        ),
        ["2026-01-05T09:00Z..2026-01-06T09:00Z"]
    );
    let tz = Europe::Prague;
    assert_eq!(
        window_lines(
            &tz,
            &[daily(&["sat"], "09:00", "09:00")],
            "2026-03-23T00:00Z",
            "2026-03-30T00:00Z"
        ),
        ["2026-03-28T08:00Z..2026-03-29T07:00Z"] // 09:00 CET .. 09:00 CEST
    );
    // Every day 09:00-09:00: no hole at all.
    assert_eq!(
        window_lines(
            &tz,
            &[daily(&[], "09:00", "09:00")],
            "2026-03-23T00:00Z",
            "2026-04-06T00:00Z"
        ),
        ["2026-03-23T00:00Z..2026-04-06T00:00Z"]
    );
    // Weekly: a week, so the layer is never transparent.
    let r = [weekly("mon 09:00", "mon 09:00")];
    assert_eq!(
        window_lines(&tz, &r, "2026-03-16T00:00Z", "2026-04-08T00:00Z"),
        ["2026-03-16T00:00Z..2026-04-08T00:00Z"]
    );
    let (o, c) = occurrence_walls(&r[0], NaiveDate::from_ymd_opt(2026, 3, 23).unwrap()).unwrap();
    assert_eq!((o, c), (wall("2026-03-23T09:00"), wall("2026-03-30T09:00")));
    assert_eq!(
        resolve(&tz, c) - resolve(&tz, o),
        TimeDelta::days(7) - TimeDelta::hours(1)
    );
    let plain = schedule(
        tz,
        vec![layer(&tz, "2026-03-18T12:00", "1d", &["a", "b"])],
        vec![],
    );
    let restricted = schedule(tz, vec![with(plain.layers[0].clone(), &r)], vec![]);
    assert_eq!(
        shift_lines(&plain, "2026-03-16T00:00Z", "2026-04-08T00:00Z"),
        shift_lines(&restricted, "2026-03-16T00:00Z", "2026-04-08T00:00Z")
    );
}

#[test]
fn weekly_window_friday_to_monday() {
    let tz = Europe::Prague;
    let s = windowed(&tz, &[weekly("fri 18:00", "mon 09:00")]);
    assert_eq!(
        shift_lines(&s, "2026-01-05T12:00Z", "2026-01-20T00:00Z"),
        [
            "a 2026-01-09T17:00Z..2026-01-12T08:00Z",
            "a 2026-01-16T17:00Z..2026-01-19T08:00Z"
        ]
    );
    // Over the spring change: 18:00 CET .. 09:00 CEST.
    assert_eq!(
        shift_lines(&s, "2026-03-23T12:00Z", "2026-04-01T00:00Z"),
        ["a 2026-03-27T17:00Z..2026-03-30T07:00Z"]
    );
    // Clipped to the listing window.
    assert_eq!(
        shift_lines(&s, "2026-01-10T00:00Z", "2026-01-11T00:00Z"),
        ["a 2026-01-10T00:00Z..2026-01-11T00:00Z"]
    );
    assert_eq!(who_at(&s, z("2026-01-12T07:59Z")), Some("a"));
    assert_eq!(who_at(&s, z("2026-01-12T08:00Z")), None);
    assert_eq!(who_at(&s, z("2026-01-09T16:59Z")), None);
}

#[test]
fn window_shorter_than_the_dst_jump() {
    let tz = Europe::Prague;
    // Both bounds in the gap: each lands as far after the gap as it was into
    // it, so 02:00-02:30 is 03:00-03:30 CEST, 30 minutes (the close is after the open).
    assert_eq!(
        window_lines(
            &tz,
            &[daily(&["sun"], "02:00", "02:30")],
            "2026-03-28T00:00Z",
            "2026-03-30T00:00Z"
        ),
        ["2026-03-29T01:00Z..2026-03-29T01:30Z"]
    );
    // 02:30-03:00 and 02:30-03:15: the open (03:30 CEST) is not before the
    // close (03:00/03:15 CEST): empty occurrences. A week earlier they exist.
    for r in [
        daily(&["sun"], "02:30", "03:00"),
        daily(&["sun"], "02:30", "03:15"),
    ] {
        assert_eq!(
            window_lines(&tz, &[r], "2026-03-28T00:00Z", "2026-03-30T00:00Z"),
            Vec::<String>::new()
        );
        let s = windowed(&tz, &[r]);
        assert_eq!(
            shift_lines(&s, "2026-03-28T00:00Z", "2026-03-30T00:00Z"),
            Vec::<String>::new()
        );
        assert_eq!(who_at(&s, z("2026-03-29T01:00Z")), None);
        assert_eq!(who_at(&s, z("2026-03-29T01:30Z")), None);
        assert_eq!(shift_lines(&s, "2026-03-21T00:00Z", "2026-03-23T00:00Z").len(), 1);
    }
    // Exactly the jump: 02:30-03:30 opens and closes at 01:30Z. Empty.
    assert_eq!(
        window_lines(
            &tz,
            &[daily(&[], "02:30", "03:30")],
            "2026-03-29T00:00Z",
            "2026-03-29T12:00Z"
        ),
        Vec::<String>::new()
    );
    // Opening before the gap and closing in it: 01:30 CET .. 03:30 CEST = 1 h.
    assert_eq!(
        window_lines(
            &tz,
            &[daily(&[], "01:30", "02:30")],
            "2026-03-29T00:00Z",
            "2026-03-29T12:00Z"
        ),
        ["2026-03-29T00:30Z..2026-03-29T01:30Z"]
    );
    // Lord Howe's 30-minute jump: 02:15-02:35 on 10-04 is 02:45-02:35 LHDT: empty.
    let lh = Australia::Lord_Howe;
    let r = [daily(&["sun"], "02:15", "02:35")];
    assert_eq!(
        window_lines(&lh, &r, "2026-10-03T00:00Z", "2026-10-05T00:00Z"),
        Vec::<String>::new()
    );
    assert_eq!(
        window_lines(&lh, &r, "2026-09-26T00:00Z", "2026-09-28T00:00Z"),
        ["2026-09-26T15:45Z..2026-09-26T16:05Z"]
    );
}

#[test]
fn daily_window_belongs_to_the_date_it_opens_on() {
    let tz = UTC;
    let s = windowed(&tz, &[daily(&["fri"], "22:00", "06:00")]);
    assert_eq!(
        shift_lines(&s, "2026-01-05T00:00Z", "2026-01-12T00:00Z"),
        ["a 2026-01-09T22:00Z..2026-01-10T06:00Z"]
    );
    assert_eq!(who_at(&s, z("2026-01-09T02:00Z")), None); // Thursday night is not Friday's
    assert_eq!(who_at(&s, z("2026-01-10T05:59Z")), Some("a"));
    assert_eq!(who_at(&s, z("2026-01-10T06:00Z")), None);
    assert_eq!(who_at(&s, z("2026-01-10T23:00Z")), None); // nor Saturday night

    // With daily midnight handoffs the window spans two turns.
    let l = with(
        layer(&tz, "2026-01-05T00:00", "1d", &["a", "b"]),
        &[daily(&["fri"], "22:00", "06:00")],
    );
    let s = schedule(tz, vec![l], vec![]);
    assert_eq!(
        shift_lines(&s, "2026-01-05T00:00Z", "2026-01-12T00:00Z"),
        [
            "a 2026-01-09T22:00Z..2026-01-10T00:00Z",
            "b 2026-01-10T00:00Z..2026-01-10T06:00Z"
        ]
    );
}

#[test]
fn window_opened_before_layer_start_counts_once_it_starts() {
    let tz = Europe::Prague;
    // Starts at 03:00 CEST on the spring-forward night (01:00Z).
    let l = with(
        layer(&tz, "2026-03-29T03:00", "1w", &["a"]),
        &[daily(&[], "22:00", "06:00")],
    );
    let s = schedule(tz, vec![l], vec![]);
    assert_eq!(
        shift_lines(&s, "2026-03-28T00:00Z", "2026-03-29T12:00Z"),
        ["a 2026-03-29T01:00Z..2026-03-29T04:00Z"]
    );
    // A weekly window opened on Friday; the layer starts on Sunday noon.
    let l = with(
        layer(&tz, "2026-01-11T12:00", "1w", &["a"]),
        &[weekly("fri 18:00", "mon 09:00")],
    );
    let s = schedule(tz, vec![l], vec![]);
    assert_eq!(
        shift_lines(&s, "2026-01-05T00:00Z", "2026-01-14T00:00Z"),
        ["a 2026-01-11T11:00Z..2026-01-12T08:00Z"]
    );
    assert_eq!(who_at(&s, z("2026-01-11T10:59Z")), None);
    assert_eq!(who_at(&s, z("2026-01-11T11:00Z")), Some("a"));
}

#[test]
fn restrictions_never_change_who_holds_a_turn() {
    let tz = UTC;
    let l = layer(&tz, "2026-01-05T09:00", "1d", &["a", "b", "c"]);
    let r = with(
        l.clone(),
        &[
            daily(&["mon", "tue", "wed", "thu", "fri"], "09:00", "17:00"),
            weekly("sat 10:00", "sat 14:00"),
        ],
    );
    let s = schedule(tz, vec![r], vec![]);
    assert_eq!(
        shift_lines(&s, "2026-01-05T00:00Z", "2026-01-12T00:00Z"),
        [
            "a 2026-01-05T09:00Z..2026-01-05T17:00Z",
            "b 2026-01-06T09:00Z..2026-01-06T17:00Z",
            "c 2026-01-07T09:00Z..2026-01-07T17:00Z",
            "a 2026-01-08T09:00Z..2026-01-08T17:00Z",
            "b 2026-01-09T09:00Z..2026-01-09T17:00Z",
            "c 2026-01-10T10:00Z..2026-01-10T14:00Z",
        ]
    );
}

// ---------------------------------------------------------------------------
// Layer end, precedence, gaps.

#[test]
fn layer_end_stops_coverage() {
    let tz = UTC;
    let mut l = layer(&tz, "2026-01-05T00:00", "1d", &["a", "b"]);
    l.end = Some(z("2026-01-06T12:00Z"));
    let s = schedule(tz, vec![l.clone()], vec![]);
    assert_eq!(
        timeline_lines(&s, "2026-01-05T00:00Z", "2026-01-08T00:00Z"),
        [
            "a 2026-01-05T00:00Z..2026-01-06T00:00Z",
            "b 2026-01-06T00:00Z..2026-01-06T12:00Z",
            "- 2026-01-06T12:00Z..2026-01-08T00:00Z"
        ]
    );
    assert_eq!(who_at(&s, z("2026-01-06T11:59Z")), Some("b"));
    assert_eq!(who_at(&s, z("2026-01-06T12:00Z")), None);
    let a = around(&s, z("2026-01-06T06:00Z"), who_limit());
    assert_eq!(
        (a.start, a.end, a.next),
        (
            Some(z("2026-01-06T00:00Z")),
            Some(z("2026-01-06T12:00Z")),
            Some(None)
        )
    );
    // Windows entirely after the end, and the lower layer showing through.
    assert!(shifts(&s, z("2026-01-07T00:00Z"), z("2026-01-09T00:00Z")).is_empty());
    let base = layer(&tz, "2026-01-01T00:00", "1w", &["x"]);
    let s = schedule(tz, vec![base, l], vec![]);
    assert_eq!(
        shift_lines(&s, "2026-01-04T00:00Z", "2026-01-08T00:00Z"),
        [
            "x 2026-01-04T00:00Z..2026-01-05T00:00Z",
            "a 2026-01-05T00:00Z..2026-01-06T00:00Z",
            "b 2026-01-06T00:00Z..2026-01-06T12:00Z",
            "x 2026-01-06T12:00Z..2026-01-08T00:00Z",
        ]
    );
    // An end in the middle of a restriction window cuts it.
    let mut l = with(
        layer(&tz, "2026-01-05T00:00", "1w", &["a"]),
        &[daily(&[], "22:00", "06:00")],
    );
    l.end = Some(z("2026-01-06T03:00Z"));
    let s = schedule(tz, vec![l], vec![]);
    assert_eq!(
        shift_lines(&s, "2026-01-04T00:00Z", "2026-01-08T00:00Z"),
        [
            "a 2026-01-05T00:00Z..2026-01-05T06:00Z",
            "a 2026-01-05T22:00Z..2026-01-06T03:00Z"
        ]
    );
}

#[test]
fn last_listed_layer_wins() {
    let tz = UTC;
    let bottom = layer(&tz, "2026-01-05T00:00", "1w", &["x"]);
    let top = with(
        layer(&tz, "2026-01-05T00:00", "1d", &["a", "b"]),
        &[daily(&[], "09:00", "17:00")],
    );
    let s = schedule(tz, vec![bottom.clone(), top.clone()], vec![]);
    assert_eq!(
        shift_lines(&s, "2026-01-05T00:00Z", "2026-01-07T00:00Z"),
        [
            "x 2026-01-05T00:00Z..2026-01-05T09:00Z",
            "a 2026-01-05T09:00Z..2026-01-05T17:00Z",
            "x 2026-01-05T17:00Z..2026-01-06T09:00Z",
            "b 2026-01-06T09:00Z..2026-01-06T17:00Z",
            "x 2026-01-06T17:00Z..2026-01-07T00:00Z",
        ]
    );
    // Listed the other way round, the 24/7 layer hides the other one.
    let s = schedule(tz, vec![top, bottom], vec![]);
    assert_eq!(
        shift_lines(&s, "2026-01-05T00:00Z", "2026-01-07T00:00Z"),
        ["x 2026-01-05T00:00Z..2026-01-07T00:00Z"]
    );
    assert_eq!(who_at(&s, z("2026-01-05T10:00Z")), Some("x"));
    // The same person on two layers merges into one shift.
    let s = schedule(
        tz,
        vec![
            layer(&tz, "2026-01-05T00:00", "1d", &["a", "b"]),
            layer(&tz, "2026-01-05T12:00", "1d", &["a", "c"]),
        ],
        vec![],
    );
    assert_eq!(
        shift_lines(&s, "2026-01-05T00:00Z", "2026-01-06T12:00Z"),
        ["a 2026-01-05T00:00Z..2026-01-06T12:00Z"]
    );
    let mut sources: Vec<Source> = segments(&s, z("2026-01-05T00:00Z"), z("2026-01-06T12:00Z"))
        .iter()
        .map(|g| g.source)
        .collect();
    sources.dedup();
    assert_eq!(
        sources,
        [
            Source::Layer { layer: 0, turn: 0 },
            Source::Layer { layer: 1, turn: 0 }
        ]
    );
}

#[test]
fn last_listed_override_wins() {
    let tz = UTC;
    let base = layer(&tz, "2026-01-05T00:00", "1w", &["a"]);
    let s = schedule(
        tz,
        vec![base.clone()],
        vec![
            ovr("x", "2026-01-06T10:00:00Z", "2026-01-06T14:00:00Z"),
            ovr("y", "2026-01-06T12:00:00Z", "2026-01-06T13:00:00Z"),
        ],
    );
    assert_eq!(
        shift_lines(&s, "2026-01-06T00:00Z", "2026-01-07T00:00Z"),
        [
            "a 2026-01-06T00:00Z..2026-01-06T10:00Z",
            "x 2026-01-06T10:00Z..2026-01-06T12:00Z",
            "y 2026-01-06T12:00Z..2026-01-06T13:00Z",
            "x 2026-01-06T13:00Z..2026-01-06T14:00Z",
            "a 2026-01-06T14:00Z..2026-01-07T00:00Z",
        ]
    );
    assert_eq!(who_at(&s, z("2026-01-06T12:30Z")), Some("y"));
    // Reversed: the long one is listed last and hides the short one entirely.
    let s = schedule(
        tz,
        vec![base],
        vec![
            ovr("y", "2026-01-06T12:00:00Z", "2026-01-06T13:00:00Z"),
            ovr("x", "2026-01-06T10:00:00Z", "2026-01-06T14:00:00Z"),
        ],
    );
    assert_eq!(
        shift_lines(&s, "2026-01-06T00:00Z", "2026-01-07T00:00Z"),
        [
            "a 2026-01-06T00:00Z..2026-01-06T10:00Z",
            "x 2026-01-06T10:00Z..2026-01-06T14:00Z",
            "a 2026-01-06T14:00Z..2026-01-07T00:00Z"
        ]
    );
    assert_eq!(who_at(&s, z("2026-01-06T12:30Z")), Some("x"));
    // An override fills a gap too, and ends are exclusive.
    let s = schedule(
        tz,
        vec![],
        vec![ovr("z", "2026-01-06T10:00:00Z", "2026-01-06T11:00:00Z")],
    );
    assert_eq!(
        timeline_lines(&s, "2026-01-06T09:00Z", "2026-01-06T12:00Z"),
        [
            "- 2026-01-06T09:00Z..2026-01-06T10:00Z",
            "z 2026-01-06T10:00Z..2026-01-06T11:00Z",
            "- 2026-01-06T11:00Z..2026-01-06T12:00Z"
        ]
    );
    assert_eq!(who_at(&s, z("2026-01-06T11:00Z")), None);
}

#[test]
fn gaps_are_blocks_in_timeline_and_absent_from_shifts() {
    let tz = UTC;
    let l = with(
        layer(&tz, "2026-01-05T12:00", "1d", &["a", "b"]),
        &[daily(&[], "09:00", "17:00")],
    );
    let s = schedule(tz, vec![l], vec![]);
    assert_eq!(
        timeline_lines(&s, "2026-01-05T00:00Z", "2026-01-07T00:00Z"),
        [
            "- 2026-01-05T00:00Z..2026-01-05T12:00Z",
            "a 2026-01-05T12:00Z..2026-01-05T17:00Z",
            "- 2026-01-05T17:00Z..2026-01-06T09:00Z",
            "a 2026-01-06T09:00Z..2026-01-06T12:00Z",
            "b 2026-01-06T12:00Z..2026-01-06T17:00Z",
            "- 2026-01-06T17:00Z..2026-01-07T00:00Z",
        ]
    );
    assert_eq!(
        shift_lines(&s, "2026-01-05T00:00Z", "2026-01-07T00:00Z"),
        [
            "a 2026-01-05T12:00Z..2026-01-05T17:00Z",
            "a 2026-01-06T09:00Z..2026-01-06T12:00Z",
            "b 2026-01-06T12:00Z..2026-01-06T17:00Z"
        ]
    );
    // An empty schedule is one gap; an empty window is nothing.
    let e = schedule(tz, vec![], vec![]);
    assert_eq!(
        timeline_lines(&e, "2026-01-05T00:00Z", "2026-01-06T00:00Z"),
        ["- 2026-01-05T00:00Z..2026-01-06T00:00Z"]
    );
    assert!(timeline(&s, z("2026-01-05T00:00Z"), z("2026-01-05T00:00Z")).is_empty());
    assert!(shifts(&e, z("2026-01-05T00:00Z"), z("2026-01-06T00:00Z")).is_empty());
    // `around` in a gap.
    let a = around(&s, z("2026-01-05T20:00Z"), who_limit());
    assert_eq!(a.person, None);
    assert_eq!(
        (a.start, a.end, a.next),
        (
            Some(z("2026-01-05T17:00Z")),
            Some(z("2026-01-06T09:00Z")),
            Some(Some("a"))
        )
    );
}

#[test]
fn around_bounds_beyond_366_days_are_unknown() {
    let tz = Europe::Prague;
    let s = schedule(tz, vec![layer(&tz, "2026-01-05T09:00", "1w", &["a"])], vec![]);
    let start = z("2026-01-05T08:00Z");
    let a = around(&s, z("2026-06-01T00:00Z"), who_limit());
    assert_eq!(
        a,
        Around {
            person: Some("a"),
            start: Some(start),
            end: None,
            next: None
        }
    );
    // Exactly 366 days is still known; a second more is not.
    let t = start + TimeDelta::days(366);
    assert_eq!(around(&s, t, who_limit()).start, Some(start));
    let a = around(&s, t + TimeDelta::seconds(1), who_limit());
    assert_eq!((a.person, a.start, a.end), (Some("a"), None, None));
    // The gap before the layer: no start, the end is the layer's start.
    let a = around(&s, z("2025-12-01T00:00Z"), who_limit());
    assert_eq!(
        a,
        Around {
            person: None,
            start: None,
            end: Some(start),
            next: Some(Some("a"))
        }
    );
    let a = around(&s, start - TimeDelta::days(367), who_limit());
    assert_eq!((a.person, a.start, a.end), (None, None, None));
    // With an end within reach, both bounds are known.
    let mut l = s.layers[0].clone();
    l.end = Some(z("2026-09-01T00:00Z"));
    let s2 = schedule(tz, vec![l], vec![]);
    let a = around(&s2, z("2026-06-01T00:00Z"), who_limit());
    assert_eq!(
        a,
        Around {
            person: Some("a"),
            start: Some(start),
            end: Some(z("2026-09-01T00:00Z")),
            next: Some(None)
        }
    );
    // A smaller limit.
    let a = around(&s2, z("2026-06-01T00:00Z"), TimeDelta::days(30));
    assert_eq!((a.start, a.end), (None, None));
    let a = around(&s2, z("2026-08-20T00:00Z"), TimeDelta::days(30));
    assert_eq!((a.start, a.end), (None, Some(z("2026-09-01T00:00Z"))));
}

#[test]
fn a_layer_from_1990_asked_about_2036() {
    let tz = Europe::Prague;
    let weekly_l = layer(&tz, "1990-01-01T09:00", "1w", &["a", "b", "c", "d", "e"]);
    let mut night = with(
        layer(&tz, "1990-01-01T00:00", "90m", &["p", "q", "r"]),
        &[daily(&["sat", "sun"], "22:00", "06:00")],
    );
    night.name = "night".into();
    let s = schedule(tz, vec![weekly_l.clone(), night.clone()], vec![]);
    // A week around 2036-03-30, a spring-forward Sunday.
    let (from, to) = (z("2036-03-27T00:00Z"), z("2036-04-03T00:00Z"));
    // Direct computation, turn by turn from 1990.
    let weekly_starts = oracle_turn_starts(&weekly_l, &tz, to);
    let night_starts = oracle_turn_starts(&night, &tz, to);
    assert!(weekly_starts.len() > 2400 && night_starts.len() > 270_000);
    let occ = oracle_occurrences(&tz, &night.restrictions, from, to);
    let expect = |t: DateTime<Utc>| -> Option<&str> {
        if occ.iter().any(|&(a, b)| a <= t && t < b) {
            let k = oracle_turn_at(&night_starts, t).unwrap();
            return Some(&night.members[k % 3]);
        }
        oracle_turn_at(&weekly_starts, t).map(|k| weekly_l.members[k % 5].as_str())
    };
    let tl = timeline(&s, from, to);
    let mut t = from;
    let mut i = 0;
    while t < to {
        while !tl[i].span.contains(t) {
            i += 1;
        }
        assert_eq!(tl[i].person, expect(t), "at {t}");
        assert_eq!(who_at(&s, t), expect(t), "at {t}");
        t += TimeDelta::minutes(5);
    }
    // The weekly handoff on Monday 2036-03-31 is at 09:00 CEST.
    let k = oracle_turn_at(&weekly_starts, z("2036-04-01T00:00Z")).unwrap();
    assert_eq!(weekly_starts[k], z("2036-03-31T07:00Z"));
    let sat_noon = z("2036-03-29T11:00Z");
    let a = around(&s, sat_noon, who_limit());
    assert_eq!(
        a.person,
        Some(weekly_l.members[oracle_turn_at(&weekly_starts, sat_noon).unwrap() % 5].as_str())
    );
    assert_eq!(a.start, Some(weekly_starts[k - 1]));
    assert_eq!(a.end, Some(z("2036-03-29T21:00Z"))); // Saturday 22:00 CET, the night layer
    let turns = Turns::new(&night, &tz);
    let k = turns.index_at(z("2036-03-29T21:00Z")).unwrap();
    assert_eq!(
        k as usize,
        oracle_turn_at(&night_starts, z("2036-03-29T21:00Z")).unwrap()
    );
    assert_eq!(a.next, Some(Some(night.members[k as usize % 3].as_str())));
    // Shifts for a week equal the timeline's non-gap blocks.
    let sh = shifts(&s, from, to);
    assert_eq!(sh.len(), tl.iter().filter(|b| b.person.is_some()).count());
    // A single member since 1990: both bounds are more than 366 days away ...
    for rot in ["1w", "90m"] {
        let solo = schedule(tz, vec![layer(&tz, "1990-01-01T09:00", rot, &["a"])], vec![]);
        let a = around(&solo, sat_noon, who_limit());
        assert_eq!(
            a,
            Around {
                person: Some("a"),
                start: None,
                end: None,
                next: None
            }
        );
        // ... unless the layer ends within reach.
        let mut l = solo.layers[0].clone();
        l.end = Some(z("2036-12-01T00:00Z"));
        let ended = schedule(tz, vec![l], vec![]);
        let a = around(&ended, sat_noon, who_limit());
        assert_eq!(
            a,
            Around {
                person: Some("a"),
                start: None,
                end: Some(z("2036-12-01T00:00Z")),
                next: Some(None)
            }
        );
    }
}

// ---------------------------------------------------------------------------
// A slow, obviously correct oracle, and brute-force comparisons with it
// (in the spirit of GoAlert's TestRotation_StartEnd_BruteForce).

/// Turn starts listed one by one from turn 0 until one is past `until`:
/// `start + k * N` (elapsed) or the start's written wall time `k * N` days on,
/// resolved (calendar). Turn 0 is the layer's start itself.
pub(crate) fn oracle_turn_starts(l: &Layer, tz: &Tz, until: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let mut v = vec![l.start];
    let mut k: i64 = 1;
    while *v.last().unwrap() <= until {
        let t = match l.rotation {
            Rotation::Elapsed { minutes } => l.start + TimeDelta::minutes(minutes * k),
            Rotation::Calendar { days } => resolve(tz, l.start_wall + TimeDelta::days(days * k)),
        };
        v.push(t);
        k += 1;
    }
    v
}

/// The last turn whose start is not after `t`.
pub(crate) fn oracle_turn_at(starts: &[DateTime<Utc>], t: DateTime<Utc>) -> Option<usize> {
    starts.iter().rposition(|&s| s <= t)
}

/// The wall time an occurrence opening at `open` closes at, found by walking
/// forward date by date: daily windows close at `to` on the same date when
/// `to` is later, else on the next date; weekly windows at the first `to`
/// (day and time) strictly after the open.
fn oracle_close(r: &Restriction, open: NaiveDateTime) -> NaiveDateTime {
    let at = |d: NaiveDate, w: WallTime| d.and_time(NaiveTime::MIN) + TimeDelta::minutes(i64::from(w.0));
    match *r {
        Restriction::Daily { from, to, .. } => {
            if to > from {
                at(open.date(), to)
            } else {
                at(open.date() + Days::new(1), to)
            }
        }
        Restriction::Weekly { to, .. } => (0..=7)
            .map(|i| open.date() + Days::new(i))
            .filter(|d| d.weekday() == to.0)
            .map(|d| at(d, to.1))
            .find(|&c| c > open)
            .unwrap(),
    }
}

/// Every occurrence of the windows opening on a local date from ten days
/// before `from` to a day after `to`, both bounds resolved; empty ones dropped.
pub(crate) fn oracle_occurrences(
    tz: &Tz,
    rs: &[Restriction],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut out = Vec::new();
    let mut d = local(tz, from).date() - Days::new(10);
    let last = local(tz, to).date() + Days::new(1);
    while d <= last {
        for r in rs {
            let opens = match *r {
                Restriction::Daily { days, from, .. } => days.contains(d.weekday()).then_some(from),
                Restriction::Weekly { from, .. } => (d.weekday() == from.0).then_some(from.1),
            };
            if let Some(f) = opens {
                let open = d.and_time(NaiveTime::MIN) + TimeDelta::minutes(i64::from(f.0));
                let (a, b) = (resolve(tz, open), resolve(tz, oracle_close(r, open)));
                if a < b {
                    out.push((a, b));
                }
            }
        }
        d = d.succ_opt().unwrap();
    }
    out
}

/// The oracle for one layer over a window.
pub(crate) struct LayerOracle<'a> {
    layer: &'a Layer,
    starts: Vec<DateTime<Utc>>,
    occ: Vec<(DateTime<Utc>, DateTime<Utc>)>,
}

impl<'a> LayerOracle<'a> {
    pub(crate) fn new(layer: &'a Layer, tz: &Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        LayerOracle {
            layer,
            starts: oracle_turn_starts(layer, tz, to),
            occ: oracle_occurrences(tz, &layer.restrictions, from, to),
        }
    }

    pub(crate) fn turn_at(&self, t: DateTime<Utc>) -> Option<usize> {
        oracle_turn_at(&self.starts, t)
    }

    pub(crate) fn who(&self, t: DateTime<Utc>) -> Option<&'a str> {
        let l = self.layer;
        if t < l.start || l.end.is_some_and(|e| t >= e) {
            return None;
        }
        if !l.restrictions.is_empty() && !self.occ.iter().any(|&(a, b)| a <= t && t < b) {
            return None;
        }
        let k = self.turn_at(t)?;
        Some(&l.members[k % l.members.len()])
    }
}

/// The oracle for a whole schedule: last override, else last layer, else nobody.
pub(crate) fn oracle_who<'a>(
    s: &'a Schedule,
    layers: &[LayerOracle<'a>],
    t: DateTime<Utc>,
) -> Option<&'a str> {
    if let Some(o) = s.overrides.iter().rev().find(|o| o.start <= t && t < o.end) {
        return Some(&o.who);
    }
    layers.iter().rev().find_map(|o| o.who(t))
}

/// Steps through `[from, to)` every 5 minutes and compares `who_at`,
/// `layer_member_at`, `Turns::index_at` and the `timeline` with the oracle.
fn brute_force(s: &Schedule, from: DateTime<Utc>, to: DateTime<Utc>) {
    let tz = s.timezone;
    let oracles: Vec<LayerOracle> = s
        .layers
        .iter()
        .map(|l| LayerOracle::new(l, &tz, from, to))
        .collect();
    let tl = timeline(s, from, to);
    // With one layer and no overrides, `who_at` is `layer_member_at`.
    let alone = s.layers.len() == 1 && s.overrides.is_empty();
    let mut i = 0;
    let mut t = from;
    while t < to {
        let ctx = || format!("at {} in {:?}", fmt_z(t), s);
        for (l, o) in s.layers.iter().zip(&oracles) {
            let turns = Turns::new(l, &tz);
            assert_eq!(
                turns.index_at(t),
                o.turn_at(t).map(|k| k as i64),
                "index_at {}",
                ctx()
            );
            if !alone {
                assert_eq!(layer_member_at(l, &tz, t), o.who(t), "layer_member_at {}", ctx());
            }
        }
        let want = oracle_who(s, &oracles, t);
        assert_eq!(who_at(s, t), want, "who_at {}", ctx());
        while !tl[i].span.contains(t) {
            i += 1;
        }
        assert_eq!(tl[i].person, want, "timeline {}", ctx());
        t += TimeDelta::minutes(5);
    }
}

/// A DST transition (or, in UTC, an ordinary night) to test around: its
/// instant, its local date, and a wall time in its gap or fold.
struct Transition {
    tz: Tz,
    at: &'static str,
    date: &'static str,
    odd: &'static str,
}

const TRANSITIONS: &[Transition] = &[
    Transition {
        tz: Europe::Prague,
        at: "2026-03-29T01:00Z",
        date: "2026-03-29",
        odd: "02:30",
    },
    Transition {
        tz: Europe::Prague,
        at: "2026-10-25T01:00Z",
        date: "2026-10-25",
        odd: "02:30",
    },
    Transition {
        tz: America::New_York,
        at: "2026-03-08T07:00Z",
        date: "2026-03-08",
        odd: "02:30",
    },
    Transition {
        tz: America::New_York,
        at: "2026-11-01T06:00Z",
        date: "2026-11-01",
        odd: "01:30",
    },
    Transition {
        tz: Australia::Lord_Howe,
        at: "2026-04-04T15:00Z",
        date: "2026-04-05",
        odd: "01:45",
    },
    Transition {
        tz: Australia::Lord_Howe,
        at: "2026-10-03T15:30Z",
        date: "2026-10-04",
        odd: "02:15",
    },
    Transition {
        tz: UTC,
        at: "2026-03-29T01:00Z",
        date: "2026-03-29",
        odd: "02:30",
    },
];

fn hm_plus(hm: &str, minutes: i64) -> String {
    let t = NaiveTime::parse_from_str(hm, "%H:%M").unwrap() + TimeDelta::minutes(minutes);
    t.format("%H:%M").to_string()
}

fn restriction_sets(odd: &str) -> Vec<Vec<Restriction>> {
    vec![
        vec![],
        vec![daily(&[], "22:00", "06:00")],
        vec![
            daily(&["mon", "tue", "wed", "thu", "fri"], "09:00", "17:00"),
            weekly("sat 10:00", "sat 14:00"),
        ],
        vec![weekly("fri 18:00", "mon 09:00")],
        // Edges in the gap or fold of the transition.
        vec![
            daily(&[], &hm_plus(odd, -30), &hm_plus(odd, 30)),
            daily(&["sun"], odd, &hm_plus(odd, 45)),
        ],
        vec![
            daily(&["sat", "sun"], "00:00", "24:00"),
            daily(&["wed"], "13:00", "13:00"),
            weekly(&format!("sun {odd}"), &format!("sun {odd}")),
        ],
    ]
}

/// Layers of every kind around one transition, each checked alone over the
/// three days around it (about Friday afternoon to Monday afternoon), then
/// a few of them stacked, with overrides.
fn brute_force_transition(tr: &Transition) {
    let tz = tr.tz;
    let at = z(tr.at);
    let (from, to) = (at - TimeDelta::hours(36), at + TimeDelta::hours(36));
    let date = NaiveDate::parse_from_str(tr.date, "%Y-%m-%d").unwrap();
    let day = |d: i64, hm: &str| format!("{}T{hm}", date + TimeDelta::days(d));
    let offset_start = (at - TimeDelta::minutes(26 * 60 + 13)).to_rfc3339();
    // Starts: in the gap or fold three days before and on the day, 09:00
    // two days before, an offset date-time, inside the window, and 9 days before.
    let starts = [
        layer(&tz, &day(-3, tr.odd), "1d", &["a", "b", "c"]),
        layer(&tz, &day(0, tr.odd), "1d", &["a", "b", "c"]),
        layer(&tz, &day(-2, "09:00"), "1d", &["a", "b"]),
        layer_at(&tz, &offset_start, "1d", &["a", "b", "c"]),
        layer(&tz, &day(1, "00:00"), "1d", &["a", "b", "c", "d"]),
        layer(&tz, &day(-9, "22:45"), "1d", &["a", "b", "a", "c"]),
    ];
    let sets = restriction_sets(tr.odd);
    let rotations = ["1d", "1w", "2d", "12h", "90m"];
    let mut stack = Vec::new();
    for (si, start) in starts.iter().enumerate() {
        for (ri, rot) in rotations.iter().enumerate() {
            for set in [0, 1 + (si + ri) % (sets.len() - 1)] {
                let mut l = with(start.clone(), &sets[set]);
                l.rotation = Rotation::parse(rot).unwrap();
                if (si + ri + set) % 4 == 0 {
                    l.end = Some(at + TimeDelta::minutes(7 * 60 + 25));
                }
                brute_force(&schedule(tz, vec![l.clone()], vec![]), from, to);
                if (si + 2 * ri + set) % 7 == 0 {
                    stack.push(l);
                }
            }
        }
    }
    let o = |who: &str, from_min: i64, to_min: i64| Override {
        start: at + TimeDelta::minutes(from_min),
        end: at + TimeDelta::minutes(to_min),
        ..ovr(who, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z")
    };
    let overrides = vec![o("x", -95, 40), o("y", -20, 20), o("x", 30 * 60, 31 * 60)];
    brute_force(&schedule(tz, stack, overrides), from, to);
}

#[test]
fn brute_force_europe_prague() {
    brute_force_transition(&TRANSITIONS[0]);
    brute_force_transition(&TRANSITIONS[1]);
}

#[test]
fn brute_force_america_new_york() {
    brute_force_transition(&TRANSITIONS[2]);
    brute_force_transition(&TRANSITIONS[3]);
}

#[test]
fn brute_force_australia_lord_howe() {
    brute_force_transition(&TRANSITIONS[4]);
    brute_force_transition(&TRANSITIONS[5]);
}

#[test]
fn brute_force_utc() {
    brute_force_transition(&TRANSITIONS[6]);
}

/// The gap-and-fold rule checked against a minute-by-minute scan of the
/// clock: every minute within three hours of each transition above.
#[test]
fn resolve_matches_a_scan_of_the_clock() {
    for tr in TRANSITIONS {
        let tz = tr.tz;
        let date = NaiveDate::parse_from_str(tr.date, "%Y-%m-%d").unwrap();
        // Every instant whose clock reads a minute on that date, in order.
        let mut scan: Vec<(NaiveDateTime, DateTime<Utc>)> = Vec::new();
        let mut u = date.and_time(NaiveTime::MIN).and_utc() - TimeDelta::hours(16);
        while u < date.and_time(NaiveTime::MIN).and_utc() + TimeDelta::hours(40) {
            scan.push((local(&tz, u), u));
            u += TimeDelta::minutes(1);
        }
        let odd = NaiveTime::parse_from_str(tr.odd, "%H:%M").unwrap();
        for m in -180..180 {
            let w = date.and_time(odd) + TimeDelta::minutes(m);
            let hits: Vec<DateTime<Utc>> = scan.iter().filter(|(l, _)| *l == w).map(|&(_, u)| u).collect();
            let want = match hits.first() {
                Some(&first) => first, // the earlier of two
                None => {
                    // In a gap: the first instant whose clock is past w, and
                    // the offset in force just before it.
                    let &(_, after) = scan.iter().find(|(l, _)| *l > w).unwrap();
                    let before = (after - TimeDelta::minutes(1)).with_timezone(&tz).offset().fix();
                    (w - TimeDelta::seconds(i64::from(before.local_minus_utc()))).and_utc()
                }
            };
            assert_eq!(resolve(&tz, w), want, "{w} in {tz}");
            let kind = match hits.len() {
                0 => WallKind::Nonexistent,
                1 => WallKind::Normal,
                _ => WallKind::Ambiguous,
            };
            assert_eq!(wall_kind(&tz, w), kind, "{w} in {tz}");
        }
    }
}

/// `index_at` is the one turn whose start is not after `t` and whose end is.
#[test]
fn index_at_brackets_the_instant() {
    for tr in TRANSITIONS {
        let tz = tr.tz;
        let at = z(tr.at);
        for (start, rot) in [
            ("2026-01-01T02:30", "1d"),
            ("2025-06-01T01:45", "1w"),
            ("2026-01-03T02:15", "3d"),
            ("2025-12-30T02:00", "45m"),
        ] {
            let l = layer(&tz, start, rot, &["a"]);
            let turns = Turns::new(&l, &tz);
            let mut t = at - TimeDelta::hours(30);
            while t < at + TimeDelta::hours(30) {
                let k = turns.index_at(t).unwrap();
                assert!(
                    turns.start_of(k) <= t && t < turns.start_of(k + 1),
                    "{t} {start} {rot} {tz}"
                );
                t += TimeDelta::minutes(5);
            }
        }
    }
}
