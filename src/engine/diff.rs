//! The semantic diff: where two versions of a schedule put different people
//! on call.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeDelta, Utc};

use super::{timeline, Span};
use crate::model::Schedule;

/// An interval in which the on-call person differs between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change<'a> {
    pub span: Span,
    /// Who was on call (None: a gap).
    pub before: Option<&'a str>,
    /// Who is on call now (None: a gap).
    pub after: Option<&'a str>,
}

/// The maximal intervals in `[from, to)` where `before` and `after` put
/// different people (or a gap) on call, in order. Either version may be
/// missing: a schedule that was added or removed.
pub fn diff<'a>(
    before: Option<&'a Schedule>,
    after: Option<&'a Schedule>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Change<'a>> {
    let blocks = |s: Option<&'a Schedule>| match s {
        Some(s) => timeline(s, from, to),
        None if from < to => vec![super::Block {
            span: Span::new(from, to),
            person: None,
        }],
        None => Vec::new(),
    };
    let (a, b) = (blocks(before), blocks(after));
    let mut out: Vec<Change<'a>> = Vec::new();
    let (mut i, mut j) = (0, 0);
    let mut cur = from;
    while i < a.len() && j < b.len() {
        let end = a[i].span.end.min(b[j].span.end);
        if a[i].person != b[j].person && cur < end {
            let c = Change {
                span: Span::new(cur, end),
                before: a[i].person,
                after: b[j].person,
            };
            match out.last_mut() {
                Some(l) if l.span.end == cur && l.before == c.before && l.after == c.after => {
                    l.span.end = end
                }
                _ => out.push(c),
            }
        }
        cur = end;
        if a[i].span.end == end {
            i += 1;
        }
        if b[j].span.end == end {
            j += 1;
        }
    }
    out
}

/// On-call time gained (positive) or lost (negative) per person, summed
/// over `changes`. People whose time does not change are left out.
pub fn time_delta<'a>(changes: &[Change<'a>]) -> BTreeMap<&'a str, TimeDelta> {
    let mut m: BTreeMap<&str, TimeDelta> = BTreeMap::new();
    for c in changes {
        let d = c.span.duration();
        if let Some(p) = c.before {
            *m.entry(p).or_insert_with(TimeDelta::zero) -= d;
        }
        if let Some(p) = c.after {
            *m.entry(p).or_insert_with(TimeDelta::zero) += d;
        }
    }
    m.retain(|_, d| !d.is_zero());
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::tests::{layer, ovr, schedule, utc};

    #[test]
    fn an_override_shows_as_a_change_with_hours() {
        let tz = chrono_tz::UTC;
        let a = schedule(
            tz,
            vec![layer(&tz, "2026-01-05T09:00", "1w", &["alice", "bob"])],
            vec![],
        );
        let mut b = a.clone();
        b.overrides
            .push(ovr("carol", "2026-01-06T00:00:00Z", "2026-01-07T00:00:00Z"));
        let from = utc("2026-01-05T00:00:00Z");
        let to = utc("2026-01-20T00:00:00Z");
        let d = diff(Some(&a), Some(&b), from, to);
        assert_eq!(
            d,
            vec![Change {
                span: Span::new(utc("2026-01-06T00:00:00Z"), utc("2026-01-07T00:00:00Z")),
                before: Some("alice"),
                after: Some("carol"),
            }]
        );
        let t = time_delta(&d);
        assert_eq!(t["alice"], TimeDelta::hours(-24));
        assert_eq!(t["carol"], TimeDelta::hours(24));
        assert!(diff(Some(&a), Some(&a), from, to).is_empty());
    }

    #[test]
    fn added_schedule_is_a_change_from_nobody() {
        let tz = chrono_tz::UTC;
        let b = schedule(tz, vec![layer(&tz, "2026-01-05T09:00", "1w", &["alice"])], vec![]);
        let from = utc("2026-01-05T00:00:00Z");
        let to = utc("2026-01-06T00:00:00Z");
        let d = diff(None, Some(&b), from, to);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].before, None);
        assert_eq!(d[0].after, Some("alice"));
        assert_eq!(d[0].span.start, utc("2026-01-05T09:00:00Z"));
    }

    #[test]
    fn swap_moves_hours_both_ways() {
        let tz = chrono_tz::UTC;
        let a = schedule(
            tz,
            vec![layer(&tz, "2026-01-05T00:00", "1w", &["alice", "bob"])],
            vec![],
        );
        let mut b = a.clone();
        b.overrides
            .push(ovr("bob", "2026-01-05T00:00:00Z", "2026-01-12T00:00:00Z"));
        b.overrides
            .push(ovr("alice", "2026-01-12T00:00:00Z", "2026-01-19T00:00:00Z"));
        let d = diff(
            Some(&a),
            Some(&b),
            utc("2026-01-05T00:00:00Z"),
            utc("2026-01-26T00:00:00Z"),
        );
        assert_eq!(d.len(), 2);
        assert!(time_delta(&d).is_empty(), "a fair swap moves no hours");
    }
}
