//! Calendar events: final shifts with a stable identity.
//!
//! An event is a stretch of the final schedule with one person inside one
//! *structural piece*: a stretch where the rotation itself (the layers and
//! their restrictions, without overrides) keeps one source — one turn of
//! one layer, or, in a restricted layer, one window occurrence of that turn.
//! A final shift that continues across a rotation handoff (the same person
//! holding two turns in a row) is therefore two events; merged back, the
//! events are exactly the final shifts.
//!
//! The identity of an event is its piece (layer name and start, turn, the
//! piece's start), its person, and its place among that person's events in
//! the piece; where no layer is beneath, the override that makes it. None of
//! this depends on the window asked for, so exporting again gives the same
//! identities, and a change touches only the events it changes.

use chrono::{DateTime, TimeDelta, Utc};

use super::{segments, timeline, Block, Segment, Source, Span};
use crate::model::{Rotation, Schedule};

/// What an event is, independent of the window it was computed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShiftKey {
    /// A piece of turn `turn` of the layer named `layer` that starts at
    /// `layer_start`; the piece starts at `piece_start`.
    Turn {
        layer: String,
        layer_start: DateTime<Utc>,
        turn: i64,
        piece_start: DateTime<Utc>,
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
    pub span: Span,
    pub person: &'a str,
    pub key: ShiftKey,
    /// Which of `person`'s events in the same piece this is (0, 1, ...).
    pub nth: usize,
    /// Who was on call before the shift this event belongs to: `None` when
    /// unknown (beyond what was computed), `Some(None)` for a gap.
    pub previous: Option<Option<&'a str>>,
    /// Who is on call after the shift: as `previous`.
    pub next: Option<Option<&'a str>>,
}

/// How far around a window to compute, so that events crossing its edges
/// are whole: the longest turn, within reason.
fn margin(s: &Schedule) -> TimeDelta {
    let longest = s
        .layers
        .iter()
        .map(|l| match l.rotation {
            Rotation::Elapsed { minutes } => TimeDelta::minutes(minutes),
            Rotation::Calendar { days } => TimeDelta::days(days + 1),
        })
        .max()
        .unwrap_or_else(TimeDelta::zero);
    (longest + TimeDelta::days(1)).clamp(TimeDelta::days(8), TimeDelta::days(400))
}

/// The events of `s` overlapping `[from, to)`, whole (up to the margin), in
/// order.
pub fn events(s: &Schedule, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Event<'_>> {
    if from >= to {
        return Vec::new();
    }
    let m = margin(s);
    let (wfrom, wto) = (from - m, to + m);
    let bare = Schedule {
        overrides: Vec::new(),
        ..s.clone()
    };
    let finals: Vec<Block> = timeline(s, wfrom, wto);
    let structure: Vec<Segment> = merge_sources(segments(&bare, wfrom, wto));

    // Intersect the final blocks with the structural pieces.
    let mut raw: Vec<(Span, &str, usize)> = Vec::new(); // (span, person, piece index)
    let (mut i, mut j) = (0, 0);
    while i < finals.len() && j < structure.len() {
        let start = finals[i].span.start.max(structure[j].span.start);
        let end = finals[i].span.end.min(structure[j].span.end);
        if start < end {
            if let Some(p) = finals[i].person {
                match raw.last_mut() {
                    Some((sp, lp, lj)) if *lp == p && *lj == j && sp.end == start => sp.end = end,
                    _ => raw.push((Span::new(start, end), p, j)),
                }
            }
        }
        if finals[i].span.end == end {
            i += 1;
        }
        if structure[j].span.end == end {
            j += 1;
        }
    }

    let mut out = Vec::new();
    for (k, (span, person, j)) in raw.iter().enumerate() {
        if span.end <= from || span.start >= to {
            continue;
        }
        let piece = &structure[*j];
        let key = match piece.source {
            Source::Layer { layer, turn } => ShiftKey::Turn {
                layer: s.layers[layer].name.clone(),
                layer_start: s.layers[layer].start,
                turn,
                piece_start: piece.span.start,
            },
            _ => {
                let o = s
                    .overrides
                    .iter()
                    .rev()
                    .find(|o| o.start <= span.start && span.start < o.end);
                ShiftKey::Override {
                    who: o.map(|o| o.who.clone()).unwrap_or_default(),
                    start: o.map_or(span.start, |o| o.start),
                    end: o.map_or(span.end, |o| o.end),
                }
            }
        };
        // Pieces at the edge of the computed range may be cut: their place
        // is counted from what was computed, which holds for all but
        // rotations longer than the margin.
        let nth = raw[..k]
            .iter()
            .filter(|(_, p, pj)| pj == j && p == person)
            .count();
        let block_at = |t: DateTime<Utc>| finals.iter().position(|b| b.span.contains(t));
        let previous = block_at(span.start).and_then(|b| {
            let mut b = b;
            // Skip back over the same person (a shift continuing across turns).
            while b > 0 && finals[b].person == Some(*person) && finals[b].span.start >= span.start {
                b -= 1;
            }
            (finals[b].person != Some(*person)).then_some(finals[b].person)
        });
        let next =
            block_at(span.end - TimeDelta::nanoseconds(1)).and_then(|b| finals.get(b + 1).map(|n| n.person));
        out.push(Event {
            span: *span,
            person,
            key,
            nth,
            previous: previous.filter(|_| span.start > wfrom),
            next: next.filter(|_| span.end < wto),
        });
    }
    out
}

/// Merges neighbouring segments with the same source into structural
/// pieces (a segment can be split where nothing about it changes).
fn merge_sources(segs: Vec<Segment<'_>>) -> Vec<Segment<'_>> {
    let mut out: Vec<Segment> = Vec::with_capacity(segs.len());
    for sg in segs {
        match out.last_mut() {
            Some(l) if l.source == sg.source && l.span.end == sg.span.start => l.span.end = sg.span.end,
            _ => out.push(sg),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::tests::{layer, ovr, schedule, utc};
    use crate::model::{DaySet, Restriction, WallTime};

    #[test]
    fn events_are_shifts_within_a_turn() {
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
        assert_eq!(ev[0].previous, Some(Some("alice")));
        assert_eq!(ev[0].next, Some(Some("alice")));
        assert!(matches!(ev[0].key, ShiftKey::Turn { turn: 1, .. }));
    }

    #[test]
    fn a_single_member_layer_gives_one_event_per_turn() {
        let tz = chrono_tz::UTC;
        let s = schedule(tz, vec![layer(&tz, "2020-01-06T09:00", "1w", &["solo"])], vec![]);
        let a = events(&s, utc("2026-12-03T00:00:00Z"), utc("2026-12-20T00:00:00Z"));
        let b = events(&s, utc("2026-12-04T00:00:00Z"), utc("2026-12-20T00:00:00Z"));
        assert_eq!(
            a[0].span,
            Span::new(utc("2026-11-30T09:00:00Z"), utc("2026-12-07T09:00:00Z"))
        );
        assert_eq!(a, b, "the window does not move the events");
        assert_eq!(
            a[1].previous, None,
            "the same person continues: no handover partner to name"
        );
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
        // The override splits a turn: the holder's two parts are 0th and 1st.
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
    fn an_override_on_one_window_leaves_the_others_alone() {
        // Nights only, weekly turns: seven pieces per turn, one per night.
        let tz = chrono_tz::UTC;
        let mut l = layer(&tz, "2026-01-05T00:00", "1w", &["kenji", "mei"]);
        l.restrictions.push(Restriction::Daily {
            days: DaySet::ALL,
            from: WallTime::parse("00:00").unwrap(),
            to: WallTime::parse("08:00").unwrap(),
        });
        let plain = schedule(tz, vec![l.clone()], vec![]);
        let changed = schedule(
            tz,
            vec![l],
            vec![ovr("olivia", "2026-01-06T00:00:00Z", "2026-01-06T08:00:00Z")],
        );
        let (from, to) = (utc("2026-01-05T00:00:00Z"), utc("2026-01-12T00:00:00Z"));
        let a = events(&plain, from, to);
        let b = events(&changed, from, to);
        assert_eq!(a.len(), 7);
        let kept = a
            .iter()
            .filter(|e| {
                b.iter()
                    .any(|f| f.key == e.key && f.person == e.person && f.nth == e.nth)
            })
            .count();
        assert_eq!(kept, 6, "only Tuesday's night changes hands");
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
        assert_eq!(ev[0].previous, Some(None));
    }
}
