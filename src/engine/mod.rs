//! The schedule engine: pure computation of who is on call.
//!
//! Everything here takes a parsed [`Schedule`] and instants and returns
//! intervals. It never reads a file, the clock, git or the network, so it
//! can be tested exhaustively and used as a library.
//!
//! The pipeline, for a window `[from, to)`:
//! 1. each layer's turns are clipped to the layer's `[start, end)` and to
//!    the union of its restriction windows ([`layer_pieces`]);
//! 2. layers are painted in file order over an empty timeline, later ones
//!    on top, then overrides likewise ([`segments`]);
//! 3. neighbouring segments with the same person are merged into maximal
//!    intervals ([`timeline`]), and gaps are dropped for [`shifts`].
//!
//! All intervals are half-open `[start, end)`.

mod diff;
mod events;
mod time;
mod turns;
mod windows;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use diff::{diff, time_delta, Change};
pub use events::{events, Event, ShiftKey};
pub use time::{local, resolve, wall_kind, WallKind};
pub use turns::Turns;
pub use windows::{occurrence_walls, windows};

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::model::{Layer, Schedule};

/// A half-open interval of instants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Span {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Span {
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Span {
        Span { start, end }
    }

    pub fn contains(&self, t: DateTime<Utc>) -> bool {
        self.start <= t && t < self.end
    }

    pub fn duration(&self) -> TimeDelta {
        self.end - self.start
    }
}

/// What decides who is on call in a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// Nothing covers it.
    Gap,
    /// Turn `turn` of layer `layer` (indices into the schedule's lists).
    Layer { layer: usize, turn: i64 },
    /// Override number `index` of the schedule.
    Override { index: usize },
}

/// A covered piece of one layer: turn `turn`, held by `person`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece<'a> {
    pub span: Span,
    pub person: &'a str,
    pub turn: i64,
}

/// An elementary segment of a schedule: one source throughout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<'a> {
    pub span: Span,
    pub person: Option<&'a str>,
    pub source: Source,
}

/// A maximal interval in which the on-call person (or the gap) stays the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block<'a> {
    pub span: Span,
    /// `None` is a gap: nobody is on call.
    pub person: Option<&'a str>,
}

/// A final shift: a maximal interval with one person on call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shift {
    pub person: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// The turns of `layer` inside `[from, to)`, clipped to the layer's own
/// bounds and restriction windows, in order. Empty pieces are left out.
pub fn layer_pieces<'a>(layer: &'a Layer, tz: &Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Piece<'a>> {
    let lo = from.max(layer.start);
    let hi = layer.end.map_or(to, |e| e.min(to));
    let mut out = Vec::new();
    if lo >= hi || layer.members.is_empty() {
        return out;
    }
    let turns = Turns::new(layer, tz);
    let Some(mut k) = turns.index_at(lo) else {
        return out;
    };
    let mut start = turns.start_of(k);
    loop {
        let end = turns.start_of(k + 1);
        let span = Span::new(start.max(lo), end.min(hi));
        if span.start < span.end {
            out.push(Piece {
                span,
                person: turns.member(k),
                turn: k,
            });
        }
        if end >= hi || end <= start && end >= turns::far_future() {
            break;
        }
        start = end;
        k += 1;
    }
    if layer.restrictions.is_empty() {
        return out;
    }
    let wins = windows(tz, &layer.restrictions, lo, hi);
    intersect(&out, &wins)
}

/// Pieces intersected with sorted, disjoint windows.
fn intersect<'a>(pieces: &[Piece<'a>], wins: &[Span]) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut j = 0;
    for p in pieces {
        while j < wins.len() && wins[j].end <= p.span.start {
            j += 1;
        }
        let mut i = j;
        while i < wins.len() && wins[i].start < p.span.end {
            let span = Span::new(p.span.start.max(wins[i].start), p.span.end.min(wins[i].end));
            if span.start < span.end {
                out.push(Piece { span, ..*p });
            }
            i += 1;
        }
    }
    out
}

/// Paints sorted, disjoint `top` pieces over a partition `base`.
fn paint<'a>(base: Vec<Segment<'a>>, top: &[Segment<'a>]) -> Vec<Segment<'a>> {
    if top.is_empty() {
        return base;
    }
    let mut out = Vec::with_capacity(base.len() + 2 * top.len());
    let mut j = 0;
    for seg in base {
        let mut cur = seg.span.start;
        while cur < seg.span.end {
            while j < top.len() && top[j].span.end <= cur {
                j += 1;
            }
            if j < top.len() && top[j].span.start <= cur {
                let end = top[j].span.end.min(seg.span.end);
                out.push(Segment {
                    span: Span::new(cur, end),
                    ..top[j]
                });
                cur = end;
            } else {
                let end = top
                    .get(j)
                    .map_or(seg.span.end, |t| t.span.start.min(seg.span.end));
                out.push(Segment {
                    span: Span::new(cur, end),
                    ..seg
                });
                cur = end;
            }
        }
    }
    out
}

/// The partition of `[from, to)` into elementary segments, each with the
/// source that decides it. Neighbours may have the same person.
pub fn segments(schedule: &Schedule, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Segment<'_>> {
    if from >= to {
        return Vec::new();
    }
    let mut tl = vec![Segment {
        span: Span::new(from, to),
        person: None,
        source: Source::Gap,
    }];
    for (li, layer) in schedule.layers.iter().enumerate() {
        let top: Vec<Segment> = layer_pieces(layer, &schedule.timezone, from, to)
            .into_iter()
            .map(|p| Segment {
                span: p.span,
                person: Some(p.person),
                source: Source::Layer {
                    layer: li,
                    turn: p.turn,
                },
            })
            .collect();
        tl = paint(tl, &top);
    }
    for (index, o) in schedule.overrides.iter().enumerate() {
        let span = Span::new(o.start.max(from), o.end.min(to));
        if span.start < span.end {
            let top = [Segment {
                span,
                person: Some(o.who.as_str()),
                source: Source::Override { index },
            }];
            tl = paint(tl, &top);
        }
    }
    tl
}

/// Merges neighbouring segments with the same person.
fn merge<'a>(segs: impl IntoIterator<Item = Segment<'a>>) -> Vec<Block<'a>> {
    let mut out: Vec<Block<'a>> = Vec::new();
    for s in segs {
        match out.last_mut() {
            Some(b) if b.person == s.person && b.span.end == s.span.start => b.span.end = s.span.end,
            _ => out.push(Block {
                span: s.span,
                person: s.person,
            }),
        }
    }
    out
}

/// The final schedule inside `[from, to)`: maximal intervals with the same
/// person, gaps included (as `person: None`), covering the window exactly.
pub fn timeline(schedule: &Schedule, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Block<'_>> {
    merge(segments(schedule, from, to))
}

/// The final shifts inside `[from, to)`, clipped to it, gaps left out.
pub fn shifts(schedule: &Schedule, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Shift> {
    shifts_of(&segments(schedule, from, to))
}

/// The final shifts made of elementary segments (from [`segments`]).
pub fn shifts_of(segs: &[Segment<'_>]) -> Vec<Shift> {
    merge(segs.iter().copied())
        .into_iter()
        .filter_map(|b| {
            b.person.map(|p| Shift {
                person: p.to_owned(),
                start: b.span.start,
                end: b.span.end,
            })
        })
        .collect()
}

/// Who is on call at instant `t`, evaluated directly from the rules
/// (independently of [`timeline`], which the tests compare it with).
pub fn who_at(schedule: &Schedule, t: DateTime<Utc>) -> Option<&str> {
    if let Some(o) = schedule
        .overrides
        .iter()
        .rev()
        .find(|o| o.start <= t && t < o.end)
    {
        return Some(&o.who);
    }
    schedule
        .layers
        .iter()
        .rev()
        .find_map(|layer| layer_member_at(layer, &schedule.timezone, t))
}

/// Whether `who` is on call for all of `span`.
pub fn holds(schedule: &Schedule, who: &str, span: Span) -> bool {
    timeline(schedule, span.start, span.end)
        .iter()
        .all(|b| b.person == Some(who))
}

/// The member of `layer` covering `t`, if the layer covers it.
pub fn layer_member_at<'a>(layer: &'a Layer, tz: &Tz, t: DateTime<Utc>) -> Option<&'a str> {
    if t < layer.start || layer.end.is_some_and(|e| t >= e) || layer.members.is_empty() {
        return None;
    }
    if !layer.restrictions.is_empty()
        && windows(tz, &layer.restrictions, t, t + TimeDelta::seconds(1)).is_empty()
    {
        return None;
    }
    let turns = Turns::new(layer, tz);
    turns.index_at(t).map(|k| turns.member(k))
}

/// The maximal interval around an instant, as `oncall who` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Around<'a> {
    pub person: Option<&'a str>,
    /// `None` when the interval began more than `limit` before the instant.
    pub start: Option<DateTime<Utc>>,
    /// `None` when the interval ends more than `limit` after the instant.
    pub end: Option<DateTime<Utc>>,
    /// Who (or the gap) comes right after `end`, when `end` is known.
    pub next: Option<Option<&'a str>>,
}

/// The maximal interval of constant person (or constant gap) holding `t`,
/// searching at most `limit` each way. Cost grows with the length of the
/// interval found, not with the age of the schedule.
pub fn around(schedule: &Schedule, t: DateTime<Utc>, limit: TimeDelta) -> Around<'_> {
    let mut reach = TimeDelta::days(8).min(limit);
    loop {
        // One second past the limit tells "exactly at the limit" from "beyond".
        let span_back = (reach + TimeDelta::seconds(1)).min(limit + TimeDelta::seconds(1));
        let from = t
            .checked_sub_signed(span_back)
            .unwrap_or(DateTime::<Utc>::MIN_UTC);
        let to = t
            .checked_add_signed(span_back + TimeDelta::days(1))
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
        let tl = timeline(schedule, from, to);
        let Some(i) = tl.iter().position(|b| b.span.contains(t)) else {
            return Around {
                person: None,
                start: None,
                end: None,
                next: None,
            };
        };
        let b = tl[i];
        let open_start = b.span.start == from;
        let open_end = b.span.end == to;
        let exhausted = reach >= limit;
        if (!open_start && !open_end) || exhausted {
            let start = (!open_start && t - b.span.start <= limit).then_some(b.span.start);
            let end = (!open_end && b.span.end - t <= limit).then_some(b.span.end);
            let next = end.and_then(|_| tl.get(i + 1).map(|n| n.person));
            return Around {
                person: b.person,
                start,
                end,
                next,
            };
        }
        reach = (reach * 4).min(limit);
    }
}

/// The contract's bound for `who`: interval ends more than 366 days away are
/// reported as unknown (`null`).
pub fn who_limit() -> TimeDelta {
    TimeDelta::days(366)
}
