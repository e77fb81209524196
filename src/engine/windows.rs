//! Occurrences of restriction windows.
//!
//! A window's bounds are wall times in the schedule timezone, resolved by
//! the gap-and-fold rule; an occurrence whose resolved close is not after its
//! resolved open is empty. The union of a layer's windows is what the layer
//! may cover.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};
use chrono_tz::Tz;

use super::time::{local, resolve};
use super::Span;
use crate::model::Restriction;

/// The occurrence of window `r` opening on local `date`, if it opens that
/// date and is not empty.
fn occurrence(tz: &Tz, r: &Restriction, date: NaiveDate) -> Option<Span> {
    let (open_wall, close_wall) = occurrence_walls(r, date)?;
    let open = resolve(tz, open_wall);
    let close = resolve(tz, close_wall);
    (close > open).then_some(Span {
        start: open,
        end: close,
    })
}

/// The union of the windows' occurrences, clipped to `[lo, hi)`, as sorted,
/// disjoint, non-empty spans.
pub fn windows(tz: &Tz, restrictions: &[Restriction], lo: DateTime<Utc>, hi: DateTime<Utc>) -> Vec<Span> {
    if lo >= hi {
        return Vec::new();
    }
    // A window lasts at most a week of wall time, so one that covers `lo`
    // opened at most eight local dates before it.
    let first = local(tz, lo)
        .date()
        .checked_sub_days(Days::new(8))
        .unwrap_or(NaiveDate::MIN);
    let last = local(tz, hi).date();
    let mut spans = Vec::new();
    let mut date = first;
    while date <= last {
        for r in restrictions {
            if let Some(s) = occurrence(tz, r, date) {
                let start = s.start.max(lo);
                let end = s.end.min(hi);
                if start < end {
                    spans.push(Span { start, end });
                }
            }
        }
        match date.succ_opt() {
            Some(d) => date = d,
            None => break,
        }
    }
    spans.sort_by_key(|s| s.start);
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match merged.last_mut() {
            Some(m) if s.start <= m.end => m.end = m.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged
}

/// The wall times of the bounds of the occurrence of `r` that opens on
/// local `date`, if one opens that date.
pub fn occurrence_walls(r: &Restriction, date: NaiveDate) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let from = match *r {
        Restriction::Daily { days, from, .. } => days.contains(date.weekday()).then_some(from)?,
        Restriction::Weekly { from, .. } => (date.weekday() == from.0).then_some(from.1)?,
    };
    let open = date.and_time(NaiveTime::MIN) + TimeDelta::minutes(i64::from(from.minutes()));
    Some((open, open + TimeDelta::minutes(r.wall_length_minutes())))
}
