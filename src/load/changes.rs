//! Change files: what `oncall`'s commands record, one file per change.
//!
//! Overrides made on the command line (`override`, `swap`, `take`) live in
//! `.oncall/overrides/<schedule id>/<stamp>-<what>.toml`, one file per
//! change, each holding `[[overrides]]` tables exactly like a schedule
//! file's. They count as listed after the schedule file's own overrides, in
//! file-name order, which is the order they were made (the name starts with
//! the UTC time of the change). Offers of the shift market live in
//! `.oncall/offers/<id>.toml`. A file per change means two clones that each
//! make a change merge without conflicts.

use chrono_tz::Tz;
use toml::de::DeTable;

use super::people::Known;
use super::schedule::{instant, overrides_of};
use super::walk::{FileCx, Table};
use super::ScheduleOrigin;
use crate::model::{Offer, Override};

/// The folder, inside a schedule directory, for the tool's own records.
pub const CHANGES_DIR: &str = ".oncall";
/// Overrides made by commands, one folder per schedule.
pub const OVERRIDES_DIR: &str = ".oncall/overrides";
/// Open offers of the shift market.
pub const OFFERS_DIR: &str = ".oncall/offers";

/// The schedule id of an override change file, from its path.
pub fn override_file_schedule(rel: &str) -> Option<&str> {
    let rest = rel.strip_prefix(OVERRIDES_DIR)?.strip_prefix('/')?;
    let (id, name) = rest.rsplit_once('/')?;
    (name.ends_with(".toml") && !id.is_empty()).then_some(id)
}

/// The offer id of an offer file, from its path.
pub fn offer_file_id(rel: &str) -> Option<&str> {
    let name = rel.strip_prefix(OFFERS_DIR)?.strip_prefix('/')?;
    let id = name.strip_suffix(".toml")?;
    (!id.is_empty() && !id.contains('/')).then_some(id)
}

/// Reads an override change file of a schedule whose timezone is `tz`.
pub(crate) fn read_overrides(
    cx: &mut FileCx,
    doc: &DeTable,
    tz: Tz,
    known: &Known,
    origin: &mut ScheduleOrigin,
) -> Vec<Override> {
    let root = Table {
        table: doc,
        span: &(0..0),
        what: "an override file",
    };
    root.check_keys(cx, &["overrides"]);
    overrides_of(cx, &root, tz, Some(tz), known, origin)
}

/// Reads an offer file. `tz_of` gives the timezone of a valid schedule.
pub(crate) fn read_offer(
    cx: &mut FileCx,
    id: &str,
    doc: &DeTable,
    tz_of: &dyn Fn(&str) -> Option<Tz>,
    known: &Known,
) -> Option<Offer> {
    let t = Table {
        table: doc,
        span: &(0..0),
        what: "an offer",
    };
    let before = cx.diags.len();
    t.check_keys(cx, &["schedule", "who", "start", "end", "note", "created_at"]);
    let schedule = t.string(cx, "schedule", true);
    let tz = match &schedule {
        Some((s, span)) => match tz_of(s) {
            Some(tz) => Some(tz),
            None => {
                cx.error(
                    "unknown-schedule",
                    span.clone(),
                    format!("offer `{id}` is for unknown schedule `{s}`"),
                );
                None
            }
        },
        None => None,
    };
    let who = t.string(cx, "who", true);
    if let Some((h, span)) = &who {
        known.check(cx, h, span.clone(), &format!("in `who` of offer `{id}`"));
    }
    let eval = tz.unwrap_or(Tz::UTC);
    let start = instant(cx, &t, "start", true, tz).map(|w| w.resolve(&eval).0);
    let end_span = t.get("end").map(|v| v.span());
    let end = instant(cx, &t, "end", true, tz).map(|w| w.resolve(&eval).0);
    if let (Some(s), Some(e), Some(span)) = (start, end, end_span) {
        if e <= s {
            cx.error(
                "end-before-start",
                span,
                format!("`end` of offer `{id}` is not after its `start`"),
            );
        }
    }
    let note = t.string(cx, "note", false).map(|n| n.0.to_string());
    let created_at = t.get("created_at").map(|v| match v.get_ref() {
        toml::de::DeValue::Datetime(d) => d.to_string(),
        toml::de::DeValue::String(s) => s.to_string(),
        _ => String::new(),
    });
    if cx.diags[before..].iter().any(|d| d.is_error()) {
        return None;
    }
    Some(Offer {
        id: id.to_string(),
        schedule: schedule?.0.to_string(),
        who: who?.0.to_string(),
        start: start?,
        end: end?,
        note,
        created_at,
    })
}
