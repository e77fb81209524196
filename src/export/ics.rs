//! RFC 5545 calendars of final shifts, written by hand.
//!
//! The `icalendar` crate would insert a random UID and the current time
//! unless told otherwise, passes control characters through and can emit a
//! 76-octet line; the format is small, so it is written here, to the
//! letter: CRLF line endings, lines folded at 75 octets without splitting a
//! UTF-8 character, TEXT values escaped. Event times are in UTC (`...Z`), so
//! no VTIMEZONE is needed and every client agrees on the instant.
//!
//! UIDs come from the logical shift ([`crate::engine::ShiftKey`]: the
//! rotation turn and the piece of it the event lies in), the person and
//! their place in the piece, hashed: exporting twice gives the same UIDs,
//! and so does exporting after an unrelated change. When a shift's person
//! changes (a swap, an override), its UID changes too: a subscribed calendar
//! drops the old event and adds the new one ("cancelled and replaced"),
//! rather than keeping a stale copy under the old UID.

use std::fmt::Write as _;

use chrono::{DateTime, TimeDelta, Utc};

use crate::engine::{Event, ShiftKey};
use crate::model::{Directory, Person, Schedule};

/// How clients should refresh a subscribed feed.
const REFRESH: &str = "PT1H";

/// Options of a calendar.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// `X-WR-CALNAME`.
    pub name: String,
    /// `DTSTAMP` of every event: the time of the export.
    pub stamp: DateTime<Utc>,
    /// A reminder this long before each shift.
    pub alarm: Option<TimeDelta>,
}

/// An event of a schedule, ready to render.
pub struct Entry<'a> {
    pub schedule: &'a Schedule,
    pub event: Event<'a>,
}

/// Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and
/// newline; other control characters are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8
/// character; continuation lines start with a space. Ends with CRLF.
pub fn fold(line: &str, out: &mut String) {
    let mut rest = line;
    let mut limit = 75;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        // Keep an escape (`\,`) whole, for readers that unescape first.
        let slashes = rest.as_bytes()[..cut]
            .iter()
            .rev()
            .take_while(|b| **b == b'\\')
            .count();
        if slashes % 2 == 1 {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = 74;
    }
}

fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// RFC 5545 duration of a (positive) span, like `PT1H30M` or `P1D`.
pub fn duration(d: TimeDelta) -> String {
    let secs = d.num_seconds().abs();
    let (days, h, m, s) = (secs / 86_400, secs % 86_400 / 3600, secs % 3600 / 60, secs % 60);
    let mut out = String::from("P");
    if days > 0 {
        let _ = write!(out, "{days}D");
    }
    if h > 0 || m > 0 || s > 0 || days == 0 {
        out.push('T');
        if h > 0 {
            let _ = write!(out, "{h}H");
        }
        if m > 0 {
            let _ = write!(out, "{m}M");
        }
        if s > 0 || (h == 0 && m == 0) {
            let _ = write!(out, "{s}S");
        }
    }
    out
}

/// 64-bit FNV-1a: stable across runs, platforms and versions.
fn fnv(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// The UID of an event of schedule `schedule_id`.
pub fn uid(schedule_id: &str, e: &Event) -> String {
    let nth = e.nth.to_string();
    let parts: Vec<String> = match &e.key {
        ShiftKey::Turn {
            layer,
            layer_start,
            turn,
            piece_start,
        } => vec![
            "turn".into(),
            layer.clone(),
            stamp(*layer_start),
            turn.to_string(),
            stamp(*piece_start),
        ],
        ShiftKey::Override { who, start, end } => {
            vec!["override".into(), who.clone(), stamp(*start), stamp(*end)]
        }
    };
    let mut all: Vec<&str> = vec![schedule_id];
    all.extend(parts.iter().map(String::as_str));
    all.push(e.person);
    all.push(&nth);
    // Two differently seeded hashes make 128 bits.
    let a = fnv(&all);
    all.push("second");
    let b = fnv(&all);
    format!("{a:016x}{b:016x}@oncall")
}

fn contact(p: &Person) -> String {
    let mut parts = Vec::new();
    if let Some(e) = &p.email {
        parts.push(format!("email {e}"));
    }
    if let Some(ph) = &p.phone {
        parts.push(format!("phone {ph}"));
    }
    if let Some(s) = &p.slack {
        parts.push(format!("Slack {s}"));
    }
    parts.join(", ")
}

fn name_of<'a>(dir: &'a Directory, handle: &'a str) -> &'a str {
    dir.person(handle).map_or(handle, |p| p.name.as_str())
}

/// Renders a calendar of `entries`.
pub fn render(dir: &Directory, cal: &Calendar, entries: &[Entry]) -> String {
    let mut out = String::new();
    let mut line = |s: &str| fold(s, &mut out);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!(
        "PRODID:-//oncall//oncall {}//EN",
        env!("CARGO_PKG_VERSION")
    ));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("NAME:{}", escape(&cal.name)));
    line(&format!("X-WR-CALNAME:{}", escape(&cal.name)));
    line(&format!("REFRESH-INTERVAL;VALUE=DURATION:{REFRESH}"));
    line(&format!("X-PUBLISHED-TTL:{REFRESH}"));
    for Entry {
        schedule: s,
        event: e,
    } in entries
    {
        let who = name_of(dir, e.person);
        let summary = format!("On call: {} ({who})", s.name);
        let mut desc = format!("{who} ({}) is on call for {} ({}).", e.person, s.name, s.id);
        match e.previous {
            Some(Some(p)) => {
                let _ = write!(desc, "\nTakes over from {} ({p}).", name_of(dir, p));
            }
            Some(None) => desc.push_str("\nNobody is on call before this shift."),
            None => {}
        }
        match e.next {
            Some(Some(n)) => {
                let _ = write!(desc, "\nHands over to {} ({n}).", name_of(dir, n));
            }
            Some(None) => desc.push_str("\nNobody is on call after this shift."),
            None => {}
        }
        let mut listed: Vec<&str> = Vec::new();
        for h in [Some(e.person), e.previous.flatten(), e.next.flatten()]
            .into_iter()
            .flatten()
        {
            if listed.contains(&h) {
                continue;
            }
            listed.push(h);
            if let Some(p) = dir.person(h) {
                let c = contact(p);
                if !c.is_empty() {
                    let _ = write!(desc, "\n{}: {c}", p.name);
                }
            }
        }
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", uid(&s.id, e)));
        line(&format!("DTSTAMP:{}", stamp(cal.stamp)));
        line(&format!("DTSTART:{}", stamp(e.span.start)));
        line(&format!("DTEND:{}", stamp(e.span.end)));
        line(&format!("SUMMARY:{}", escape(&summary)));
        line(&format!("DESCRIPTION:{}", escape(&desc)));
        line("TRANSP:TRANSPARENT");
        line("STATUS:CONFIRMED");
        line(&format!("X-ONCALL-SCHEDULE:{}", escape(&s.id)));
        line(&format!("X-ONCALL-PERSON:{}", escape(e.person)));
        if let Some(a) = cal.alarm {
            line("BEGIN:VALARM");
            line("ACTION:DISPLAY");
            line(&format!(
                "DESCRIPTION:{}",
                escape(&format!("On call soon: {}", s.name))
            ));
            line(&format!("TRIGGER:-{}", duration(a)));
            line("END:VALARM");
        }
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape(r#"O'Brien, Jr.; "ops""#), r#"O'Brien\, Jr.\; "ops""#);
        assert_eq!(escape("a\\b\nc\rd\u{7}\te"), "a\\\\b\\ncd\te");
    }

    #[test]
    fn folding_at_75_octets_keeps_characters_whole() {
        let long = format!("SUMMARY:{}", "žluťoučký kůň 🐎 ".repeat(20));
        let mut out = String::new();
        fold(&long, &mut out);
        assert!(out.ends_with("\r\n"));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
        // An escape is never split.
        let mut out = String::new();
        fold(&format!("{}\\,rest", "x".repeat(74)), &mut out);
        assert!(out.starts_with(&format!("{}\r\n \\,", "x".repeat(74))), "{out:?}");
        // Exactly 75 octets: one line, no empty continuation.
        let mut out = String::new();
        fold(&"x".repeat(75), &mut out);
        assert_eq!(out, format!("{}\r\n", "x".repeat(75)));
        let mut out = String::new();
        fold(&"x".repeat(76), &mut out);
        assert_eq!(out, format!("{}\r\n x\r\n", "x".repeat(75)));
    }

    #[test]
    fn durations() {
        assert_eq!(duration(TimeDelta::hours(1)), "PT1H");
        assert_eq!(duration(TimeDelta::minutes(90)), "PT1H30M");
        assert_eq!(duration(TimeDelta::days(1)), "P1D");
        assert_eq!(duration(TimeDelta::zero()), "PT0S");
    }
}
