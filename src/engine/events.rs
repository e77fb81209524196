//! Calendar events: final shifts with a stable identity.
//!
//! An event is a final shift (a maximal interval with one person) with the
//! logical shift it belongs to: the rotation turn it starts in (the layer's
//! name and start, and the turn number), or, where no layer is beneath, the
//! override that makes it. Together with the person and its place among
//! that person's events in the same turn, that identity derives the UID, so
//! exporting twice, or after a change elsewhere, gives the same UIDs.

use chrono::{DateTime, TimeDelta, Utc};

use super::{around, segments, timeline, Block, Source, Span, Turns};
use crate::model::Schedule;

/// What a shift is, independent of the window it was computed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShiftKey {
    /// Turn `turn` of the layer named `layer` that starts at `layer_start`.
    Turn {
        layer: String,
        layer_start: DateTime<Utc>,
        turn: i64,
    },
    /// An override over a gap in the layers.
    Override {
        who: String,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    },
}

/// A final shift for a calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event<'a> {
    /// The whole shift, not clipped to the window it was asked for (up to
    /// [`super::who_limit`] before and after it).
    pub span: Span,
    pub person: &'a str,
    pub key: ShiftKey,
    /// Which of `person`'s shifts in the same turn this is (0, 1, ...).
    pub nth: usize,
    /// Who hands over to them (None: a gap before).
    pub previous: Option<&'a str>,
    /// Who they hand over to (None: a gap after).
    pub next: Option<&'a str>,
}

/// The schedule without its overrides: the rotation's own structure.
fn layers_only(s: &Schedule) -> Schedule {
    Schedule {
        overrides: Vec::new(),
        ..s.clone()
    }
}

/// The identity of the shift that starts at `t` with `person`.
fn key_at(s: &Schedule, bare: &Schedule, t: DateTime<Utc>) -> (ShiftKey, Option<DateTime<Utc>>) {
    let at = segments(bare, t, t + TimeDelta::seconds(1));
    match at.first().map(|sg| sg.source) {
        Some(Source::Layer { layer, turn }) => {
            let l = &s.layers[layer];
            let turn_start = Turns::new(l, &s.timezone).start_of(turn);
            (
                ShiftKey::Turn {
                    layer: l.name.clone(),
                    layer_start: l.start,
                    turn,
                },
                Some(turn_start),
            )
        }
        _ => {
            let o = s.overrides.iter().rev().find(|o| o.start <= t && t < o.end);
            (
                ShiftKey::Override {
                    who: o.map(|o| o.who.clone()).unwrap_or_default(),
                    start: o.map_or(t, |o| o.start),
                    end: o.map_or(t, |o| o.end),
                },
                None,
            )
        }
    }
}

/// The events of `s` overlapping `[from, to)`, whole, in order.
pub fn events(s: &Schedule, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Event<'_>> {
    if from >= to {
        return Vec::new();
    }
    let margin = TimeDelta::days(35);
    let (wfrom, wto) = (from - margin, to + margin);
    let mut blocks: Vec<Block> = timeline(s, wfrom, wto);
    // Shifts that reach past the computed window: find their real bounds.
    if let Some(first) = blocks.first_mut() {
        if first.span.start == wfrom && first.person.is_some() {
            if let Some(start) = around(s, wfrom, super::who_limit()).start {
                first.span.start = start;
            }
        }
    }
    if let Some(last) = blocks.last_mut() {
        if last.span.end == wto && last.person.is_some() {
            let probe = wto - TimeDelta::seconds(1);
            if let Some(end) = around(s, probe, super::who_limit()).end {
                last.span.end = end;
            }
        }
    }
    let bare = layers_only(s);
    let mut out = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let Some(person) = b.person else { continue };
        if b.span.end <= from || b.span.start >= to {
            continue;
        }
        let (key, turn_start) = key_at(s, &bare, b.span.start);
        // The how-many-th shift of this person in this turn.
        let nth = match turn_start {
            Some(ts) if ts < b.span.start => timeline(s, ts, b.span.start)
                .iter()
                .filter(|x| x.person == Some(person))
                .count(),
            _ => 0,
        };
        out.push(Event {
            span: b.span,
            person,
            key,
            nth,
            previous: i.checked_sub(1).and_then(|j| blocks[j].person),
            next: blocks.get(i + 1).and_then(|n| n.person),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::tests::{layer, ovr, schedule, utc};

    #[test]
    fn events_are_whole_shifts_with_turn_keys() {
        let tz = chrono_tz::UTC;
        let s = schedule(
            tz,
            vec![layer(&tz, "2026-01-05T09:00", "1w", &["alice", "bob"])],
            vec![],
        );
        let ev = events(&s, utc("2026-01-14T00:00:00Z"), utc("2026-01-15T00:00:00Z"));
        assert_eq!(ev.len(), 1);
        assert_eq!(ev[0].person, "bob");
        assert_eq!(
            ev[0].span,
            Span::new(utc("2026-01-12T09:00:00Z"), utc("2026-01-19T09:00:00Z"))
        );
        assert_eq!(ev[0].previous, Some("alice"));
        assert_eq!(ev[0].next, Some("alice"));
        assert!(matches!(ev[0].key, ShiftKey::Turn { turn: 1, .. }));
    }

    #[test]
    fn keys_do_not_depend_on_the_window() {
        let tz = chrono_tz::Europe::Prague;
        let s = schedule(
            tz,
            vec![layer(&tz, "2020-01-06T09:00", "1w", &["alice", "bob", "carol"])],
            vec![ovr("dave", "2026-03-10T08:00:00Z", "2026-03-11T08:00:00Z")],
        );
        let a = events(&s, utc("2026-03-01T00:00:00Z"), utc("2026-04-01T00:00:00Z"));
        let b = events(&s, utc("2026-03-09T12:00:00Z"), utc("2026-03-20T00:00:00Z"));
        for e in &b {
            assert!(a.contains(e), "{e:?} differs between windows");
        }
        // The override splits a turn: the holder's two pieces are 0th and 1st.
        let split: Vec<&Event> = a
            .iter()
            .filter(|e| {
                e.span.start >= utc("2026-03-09T00:00:00Z") && e.span.start < utc("2026-03-16T00:00:00Z")
            })
            .collect();
        assert_eq!(split.len(), 3);
        assert_eq!(split[0].nth, 0);
        assert_eq!(split[1].person, "dave");
        assert_eq!(split[2].nth, 1);
        assert_eq!(split[0].key, split[2].key);
    }

    #[test]
    fn an_override_over_a_gap_is_keyed_by_itself() {
        let tz = chrono_tz::UTC;
        let s = schedule(
            tz,
            vec![],
            vec![ovr("dave", "2026-03-10T08:00:00Z", "2026-03-11T08:00:00Z")],
        );
        let ev = events(&s, utc("2026-03-01T00:00:00Z"), utc("2026-04-01T00:00:00Z"));
        assert_eq!(ev.len(), 1);
        assert!(matches!(ev[0].key, ShiftKey::Override { .. }));
        assert_eq!(ev[0].previous, None);
    }
}
