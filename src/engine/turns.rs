//! Turns of a rotation layer, computed arithmetically.
//!
//! Finding the turn at an instant costs the same whether the layer started
//! last week or twenty years ago: elapsed rotations divide, calendar
//! rotations count local dates and correct by at most a step or two.

use chrono::{DateTime, Days, NaiveDateTime, TimeDelta, Utc};
use chrono_tz::Tz;

use super::time::{local, resolve};
use crate::model::{Layer, Rotation};

/// The turns of one layer in one timezone.
#[derive(Debug, Clone, Copy)]
pub struct Turns<'a> {
    layer: &'a Layer,
    tz: Tz,
}

/// Latest instant the engine will produce; used instead of overflowing.
pub(crate) fn far_future() -> DateTime<Utc> {
    DateTime::<Utc>::MAX_UTC - TimeDelta::days(400)
}

impl<'a> Turns<'a> {
    pub fn new(layer: &'a Layer, tz: &Tz) -> Self {
        Turns { layer, tz: *tz }
    }

    /// The instant turn `k` begins (`k >= 0`). Turn 0 begins at the layer's
    /// `start`; later calendar turns begin at the start's wall time on their
    /// local date, resolved by the gap-and-fold rule.
    pub fn start_of(&self, k: i64) -> DateTime<Utc> {
        if k <= 0 {
            return self.layer.start;
        }
        match self.layer.rotation {
            Rotation::Elapsed { minutes } => k
                .checked_mul(minutes)
                .and_then(|m| m.checked_mul(60))
                .and_then(TimeDelta::try_seconds)
                .and_then(|d| self.layer.start.checked_add_signed(d))
                .map_or_else(far_future, |t| t.min(far_future())),
            Rotation::Calendar { days } => {
                let wall = k
                    .checked_mul(days)
                    .and_then(|d| u64::try_from(d).ok())
                    .and_then(|d| self.layer.start_wall.checked_add_days(Days::new(d)));
                match wall {
                    Some(w) if w.and_utc() < far_future() => resolve(&self.tz, w),
                    _ => far_future(),
                }
            }
        }
    }

    /// The index of the turn holding instant `t`, or `None` before the
    /// layer's start. (The layer's `end` is not considered here.)
    pub fn index_at(&self, t: DateTime<Utc>) -> Option<i64> {
        if t < self.layer.start {
            return None;
        }
        let mut k = match self.layer.rotation {
            Rotation::Elapsed { minutes } => {
                let secs = (t - self.layer.start).num_seconds();
                return Some(secs.div_euclid(minutes * 60));
            }
            Rotation::Calendar { days } => {
                let d = (local(&self.tz, t).date() - self.layer.start_wall.date()).num_days();
                d.div_euclid(days).max(0)
            }
        };
        // The estimate is off by at most one turn around a DST change or
        // when the wall time of the handoff has not been reached yet today.
        while self.start_of(k + 1) <= t {
            k += 1;
        }
        while k > 0 && self.start_of(k) > t {
            k -= 1;
        }
        Some(k)
    }

    /// The member holding turn `k`.
    pub fn member(&self, k: i64) -> &'a str {
        let n = self.layer.members.len() as i64;
        &self.layer.members[k.rem_euclid(n) as usize]
    }

    /// The wall time a calendar turn's handoff is written at, for turn `k >= 1`
    /// (`None` for elapsed rotations, whose handoffs are not wall times).
    pub fn handoff_wall(&self, k: i64) -> Option<NaiveDateTime> {
        match self.layer.rotation {
            Rotation::Calendar { days } if k >= 1 => u64::try_from(k * days)
                .ok()
                .and_then(|d| self.layer.start_wall.checked_add_days(Days::new(d))),
            _ => None,
        }
    }
}
