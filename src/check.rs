//! The semantic checks `oncall validate` runs on a loaded directory.
//!
//! Loading already reports what is wrong in a file (syntax, fields,
//! references). These checks look at what the schedules *do* over a horizon
//! starting at `now`: gaps in coverage, overlapping overrides, a person on
//! call in two schedules at once, members who never get on-call time,
//! handoffs on nonexistent or ambiguous wall times, people nobody can reach,
//! overrides whose `replaces` is not on call. All are warnings. Pure: the
//! directory, the origins, `now` and the horizon come in; diagnostics go out.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Days, TimeDelta, Utc};
use chrono_tz::Tz;

use crate::diag::{Diagnostic, Location};
use crate::engine::{self, occurrence_walls, wall_kind, Segment, Source, Span, Turns, WallKind};
use crate::load::Origins;
use crate::model::{Directory, Schedule};

/// How many items one warning lists before summarizing the rest.
const LIST_MAX: usize = 10;

/// Runs every check over `[now, now + horizon)`.
pub fn check(dir: &Directory, origins: &Origins, now: DateTime<Utc>, horizon: TimeDelta) -> Vec<Diagnostic> {
    let until = now + horizon;
    let mut out = Vec::new();
    for p in &dir.people {
        if !p.has_contact() {
            let mut d = Diagnostic::warning(
                "no-contact",
                format!("`{}` ({}) has no contact method", p.handle, p.name),
            )
            .hint("add an email, phone or slack so they can be paged");
            d.location = origins.people.get(&p.handle).cloned();
            out.push(d);
        }
    }
    let mut all_shifts = Vec::new();
    for s in &dir.schedules {
        let origin = origins.schedules.get(&s.id);
        let file_loc = origin.map(|o| Location::file(o.file.clone()));
        let layer_loc = |i: usize| {
            origin
                .and_then(|o| o.layers.get(i).cloned())
                .or_else(|| file_loc.clone())
        };
        let override_loc = |i: usize| {
            origin
                .and_then(|o| o.overrides.get(i).cloned())
                .or_else(|| file_loc.clone())
        };
        let segs = engine::segments(s, now, until);
        gaps(s, &segs, horizon, file_loc.clone(), &mut out);
        overlapping_overrides(s, &override_loc, &mut out);
        hidden_members(s, now, until, &layer_loc, &mut out);
        dst_handoffs(s, now, until, &layer_loc, &mut out);
        let replaces_loc = |i: usize| {
            origin
                .and_then(|o| o.replaces.get(i).cloned().flatten())
                .or_else(|| override_loc(i))
        };
        replaces(s, &replaces_loc, &mut out);
        all_shifts.push((s, engine::shifts_of(&segs)));
    }
    double_booking(&all_shifts, origins, &mut out);
    out
}

fn when(t: DateTime<Utc>, tz: &Tz) -> String {
    t.with_timezone(tz).format("%a %Y-%m-%d %H:%M %Z").to_string()
}

fn horizon_text(h: TimeDelta) -> String {
    if h.num_seconds() % 86_400 == 0 {
        format!("{} days", h.num_days())
    } else {
        crate::timearg::humanize(h)
    }
}

fn listed(items: &[String]) -> String {
    let mut s: String = items.iter().take(LIST_MAX).map(|i| format!("\n  {i}")).collect();
    if items.len() > LIST_MAX {
        s.push_str(&format!("\n  … and {} more", items.len() - LIST_MAX));
    }
    s
}

fn gaps(
    s: &Schedule,
    segs: &[Segment],
    horizon: TimeDelta,
    loc: Option<Location>,
    out: &mut Vec<Diagnostic>,
) {
    let mut list = Vec::new();
    let mut i = 0;
    while i < segs.len() {
        if segs[i].person.is_some() {
            i += 1;
            continue;
        }
        let start = segs[i].span.start;
        while i < segs.len() && segs[i].person.is_none() {
            i += 1;
        }
        let end = segs[i - 1].span.end;
        list.push(format!(
            "{} – {}",
            when(start, &s.timezone),
            when(end, &s.timezone)
        ));
    }
    if list.is_empty() {
        return;
    }
    let mut d = Diagnostic::warning(
        "gap",
        format!(
            "nobody is on call in `{}` {} time{} within the next {}:{}",
            s.id,
            list.len(),
            if list.len() == 1 { "" } else { "s" },
            horizon_text(horizon),
            listed(&list)
        ),
    )
    .hint("add a layer or a member to cover these times, or an override");
    d.location = loc;
    out.push(d);
}

fn overlapping_overrides(s: &Schedule, loc: &dyn Fn(usize) -> Option<Location>, out: &mut Vec<Diagnostic>) {
    let mut order: Vec<usize> = (0..s.overrides.len()).collect();
    order.sort_by_key(|&i| s.overrides[i].start);
    // For each override, the earlier-listed ones it overlaps.
    let mut overlaps: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut active: Vec<usize> = Vec::new();
    for &i in &order {
        let o = &s.overrides[i];
        active.retain(|&j| s.overrides[j].end > o.start);
        for &j in &active {
            let (first, later) = if j < i { (j, i) } else { (i, j) };
            overlaps.entry(later).or_default().push(first);
        }
        active.push(i);
    }
    for (later, mut firsts) in overlaps {
        firsts.sort_unstable();
        let o = &s.overrides[later];
        let others: Vec<String> = firsts
            .iter()
            .map(|&j| {
                let p = &s.overrides[j];
                format!(
                    "override {} ({}, {} – {})",
                    j + 1,
                    p.who,
                    when(p.start, &s.timezone),
                    when(p.end, &s.timezone)
                )
            })
            .collect();
        let mut d = Diagnostic::warning(
            "overlapping-overrides",
            format!(
                "override {} of `{}` ({}, {} – {}) overlaps {}",
                later + 1,
                s.id,
                o.who,
                when(o.start, &s.timezone),
                when(o.end, &s.timezone),
                others.join(" and ")
            ),
        )
        .hint(
            "where overrides overlap the later-listed one wins; shorten one of them if that is not intended",
        );
        d.location = loc(later);
        out.push(d);
    }
}

/// The part of `[now, until)` where `layer` is active, with the indices of
/// the first and last turns in it.
fn active(
    layer: &crate::model::Layer,
    tz: &Tz,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Option<(DateTime<Utc>, DateTime<Utc>, i64, i64)> {
    let lo = now.max(layer.start);
    let hi = layer.end.map_or(until, |e| e.min(until));
    if lo >= hi {
        return None;
    }
    let turns = Turns::new(layer, tz);
    Some((
        lo,
        hi,
        turns.index_at(lo)?,
        turns.index_at(hi - TimeDelta::seconds(1))?,
    ))
}

/// Members whose turns the schedule's own structure hides: restrictions, or
/// layers listed after theirs. (Overrides covering someone's turns are a
/// deliberate choice, not a mistake in the rotation, so they don't count.)
fn hidden_members(
    s: &Schedule,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
    loc: &dyn Fn(usize) -> Option<Location>,
    out: &mut Vec<Diagnostic>,
) {
    let tz = &s.timezone;
    let layers_only = Schedule {
        overrides: Vec::new(),
        ..s.clone()
    };
    let segs = engine::segments(&layers_only, now, until);
    for (li, layer) in s.layers.iter().enumerate() {
        let Some((lo, hi, k0, k1)) = active(layer, tz, now, until) else {
            continue;
        };
        let turns = Turns::new(layer, tz);
        // Members with a turn in the horizon.
        let n = layer.members.len() as i64;
        let with_turns: BTreeSet<&str> = if k1 - k0 + 1 >= n {
            layer.members.iter().map(String::as_str).collect()
        } else {
            (k0..=k1).map(|k| turns.member(k)).collect()
        };
        let shown: BTreeSet<&str> = segs
            .iter()
            .filter(|sg| matches!(sg.source, Source::Layer { layer, .. } if layer == li))
            .filter_map(|sg| sg.person)
            .collect();
        let in_windows: BTreeSet<&str> = engine::layer_pieces(layer, tz, lo, hi)
            .iter()
            .map(|p| p.person)
            .collect();
        for m in with_turns.iter().filter(|m| !shown.contains(*m)) {
            let (why, hint) = if in_windows.contains(m) {
                (
                    "layers listed after it cover all of their turns",
                    "reorder the layers (the last listed wins), or drop the member from this layer",
                )
            } else {
                (
                    "the layer's restrictions hide all of their turns",
                    "turns that always fall outside the windows are lost: with a 1d rotation and weekday windows, 7 members land each member on the same weekday every time",
                )
            };
            let mut d = Diagnostic::warning(
                "member-never-on-call",
                format!(
                    "`{m}` in layer `{}` of `{}` gets no on-call time within the next {}: {why}",
                    layer.name,
                    s.id,
                    horizon_text(until - now)
                ),
            )
            .hint(hint);
            d.location = loc(li);
            out.push(d);
        }
    }
}

fn dst_handoffs(
    s: &Schedule,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
    loc: &dyn Fn(usize) -> Option<Location>,
    out: &mut Vec<Diagnostic>,
) {
    let tz = &s.timezone;
    for (li, layer) in s.layers.iter().enumerate() {
        let Some((lo, hi, k0, k1)) = active(layer, tz, now, until) else {
            continue;
        };
        let mut found: Vec<String> = Vec::new();
        let turns = Turns::new(layer, tz);
        for k in (k0 + 1).max(1)..=k1 {
            if let Some(w) = turns.handoff_wall(k) {
                note(tz, w, "handoff", &mut found);
            }
        }
        let mut date = engine::local(tz, lo)
            .date()
            .pred_opt()
            .unwrap_or(engine::local(tz, lo).date());
        let last = engine::local(tz, hi).date();
        while date <= last {
            for r in &layer.restrictions {
                if let Some((open, close)) = occurrence_walls(r, date) {
                    note(tz, open, "window opens", &mut found);
                    note(tz, close, "window closes", &mut found);
                }
            }
            match date.checked_add_days(Days::new(1)) {
                Some(d) => date = d,
                None => break,
            }
        }
        found.dedup();
        if found.is_empty() {
            continue;
        }
        let mut d = Diagnostic::warning(
            "dst-handoff",
            format!(
                "layer `{}` of `{}` changes hands at a wall time that does not exist or happens twice in {}:{}",
                layer.name,
                s.id,
                tz.name(),
                listed(&found)
            ),
        )
        .hint("a nonexistent time is read as the same number of minutes after the jump, an ambiguous one as the first occurrence; move the handoff out of the 01:00–03:00 range to avoid surprises");
        d.location = loc(li);
        out.push(d);
    }
}

fn note(tz: &Tz, wall: chrono::NaiveDateTime, what: &str, found: &mut Vec<String>) {
    let at = engine::resolve(tz, wall).with_timezone(tz);
    match wall_kind(tz, wall) {
        WallKind::Normal => {}
        WallKind::Nonexistent => found.push(format!(
            "{what} at {} does not exist; it happens at {}",
            wall.format("%Y-%m-%d %H:%M"),
            at.format("%H:%M %Z")
        )),
        WallKind::Ambiguous => found.push(format!(
            "{what} at {} happens twice; the first, {}, is used",
            wall.format("%Y-%m-%d %H:%M"),
            at.format("%H:%M %Z")
        )),
    }
}

fn replaces(s: &Schedule, loc: &dyn Fn(usize) -> Option<Location>, out: &mut Vec<Diagnostic>) {
    for (i, o) in s.overrides.iter().enumerate() {
        let Some(r) = &o.replaces else { continue };
        // The schedule as it stood before this override was listed.
        let before = Schedule {
            overrides: s.overrides[..i].to_vec(),
            ..s.clone()
        };
        let blocks = engine::timeline(&before, o.start, o.end);
        if blocks.iter().any(|b| b.person == Some(r.as_str())) {
            continue;
        }
        let there: BTreeSet<&str> = blocks.iter().filter_map(|b| b.person).collect();
        let there = if there.is_empty() {
            "nobody is".to_string()
        } else {
            format!(
                "{} {}",
                there.into_iter().collect::<Vec<_>>().join(", "),
                "would be"
            )
        };
        let mut d = Diagnostic::warning(
            "replaces-not-on-call",
            format!(
                "override {} of `{}` replaces `{r}`, but `{r}` is not on call from {} to {} ({there} on call then)",
                i + 1,
                s.id,
                when(o.start, &s.timezone),
                when(o.end, &s.timezone)
            ),
        )
        .hint("check the dates, or correct `replaces`");
        d.location = loc(i);
        out.push(d);
    }
}

fn double_booking(all: &[(&Schedule, Vec<engine::Shift>)], origins: &Origins, out: &mut Vec<Diagnostic>) {
    // person -> (start, end, schedule index)
    let mut by_person: BTreeMap<&str, Vec<(Span, usize)>> = BTreeMap::new();
    for (si, (_, shifts)) in all.iter().enumerate() {
        for sh in shifts {
            by_person
                .entry(&sh.person)
                .or_default()
                .push((Span::new(sh.start, sh.end), si));
        }
    }
    for (person, mut list) in by_person {
        list.sort_by_key(|(span, si)| (span.start, span.end, *si));
        // (schedule a, schedule b) -> overlapping intervals
        let mut pairs: BTreeMap<(usize, usize), Vec<Span>> = BTreeMap::new();
        let mut active: Vec<(DateTime<Utc>, usize)> = Vec::new();
        for (Span { start, end }, si) in list {
            active.retain(|(e, _)| *e > start);
            for &(e, sj) in &active {
                if sj != si {
                    let key = (sj.min(si), sj.max(si));
                    pairs.entry(key).or_default().push(Span::new(start, e.min(end)));
                }
            }
            active.push((end, si));
        }
        for ((a, b), spans) in pairs {
            let (sa, sb) = (all[a].0, all[b].0);
            let tz = &sa.timezone;
            let items: Vec<String> = spans
                .iter()
                .map(|sp| format!("{} – {}", when(sp.start, tz), when(sp.end, tz)))
                .collect();
            let mut d = Diagnostic::warning(
                "double-booked",
                format!(
                    "`{person}` is on call in both `{}` and `{}` at the same time:{}",
                    sa.id,
                    sb.id,
                    listed(&items)
                ),
            )
            .hint("one person cannot answer two pages at once; add an override in one of them");
            d.location = origins
                .schedules
                .get(&sb.id)
                .map(|o| Location::file(o.file.clone()));
            out.push(d);
        }
    }
}
