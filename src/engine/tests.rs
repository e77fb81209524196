//! Unit tests of the engine on hand-built schedules.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;

use super::*;
use crate::model::{Layer, Override, Restriction, Rotation, Schedule};

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

fn shift_list(s: &Schedule, from: &str, to: &str) -> Vec<(String, String, String)> {
    shifts(s, utc(from), utc(to))
        .into_iter()
        .map(|x| (x.person, x.start.to_rfc3339(), x.end.to_rfc3339()))
        .collect()
}

#[test]
fn weekly_handoff_keeps_wall_time_across_spring_forward() {
    let tz = chrono_tz::Europe::Prague;
    let s = schedule(
        tz,
        vec![layer(&tz, "2026-03-23T09:00", "1w", &["alice", "bob"])],
        vec![],
    );
    // 09:00 CET is 08:00Z; 09:00 CEST is 07:00Z.
    assert_eq!(
        shift_list(&s, "2026-03-23T08:00:00Z", "2026-04-06T07:00:00Z"),
        vec![
            (
                "alice".into(),
                "2026-03-23T08:00:00+00:00".into(),
                "2026-03-30T07:00:00+00:00".into()
            ),
            (
                "bob".into(),
                "2026-03-30T07:00:00+00:00".into(),
                "2026-04-06T07:00:00+00:00".into()
            ),
        ]
    );
}

#[test]
fn restriction_clips_turns() {
    let tz = chrono_tz::UTC;
    let mut l = layer(&tz, "2026-01-05T00:00", "1d", &["a", "b"]);
    l.restrictions.push(Restriction::Daily {
        days: crate::model::DaySet::ALL,
        from: crate::model::WallTime::parse("22:00").unwrap(),
        to: crate::model::WallTime::parse("06:00").unwrap(),
    });
    let s = schedule(tz, vec![l], vec![]);
    assert_eq!(
        shift_list(&s, "2026-01-05T00:00:00Z", "2026-01-07T00:00:00Z"),
        vec![
            // The window that opened on the 4th still counts once the layer starts.
            (
                "a".into(),
                "2026-01-05T00:00:00+00:00".into(),
                "2026-01-05T06:00:00+00:00".into()
            ),
            (
                "a".into(),
                "2026-01-05T22:00:00+00:00".into(),
                "2026-01-06T00:00:00+00:00".into()
            ),
            (
                "b".into(),
                "2026-01-06T00:00:00+00:00".into(),
                "2026-01-06T06:00:00+00:00".into()
            ),
            (
                "b".into(),
                "2026-01-06T22:00:00+00:00".into(),
                "2026-01-07T00:00:00+00:00".into()
            ),
        ]
    );
}

#[test]
fn override_wins() {
    let tz = chrono_tz::UTC;
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
