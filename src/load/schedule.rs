//! A schedule file: name, timezone, layers, restrictions, overrides.

use std::ops::Range;

use chrono_tz::Tz;
use toml::de::{DeTable, DeValue};

use super::people::Known;
use super::walk::{FileCx, Table, Value};
use super::{timezone, when, ScheduleOrigin, When};
use crate::model::{
    parse_day, parse_weekly_bound, DaySet, Layer, Override, Restriction, Rotation, Schedule, WallTime,
};

const FIELDS: &[&str] = &["name", "timezone", "layers", "overrides"];
const LAYER_FIELDS: &[&str] = &["name", "start", "rotation", "members", "end", "restrictions"];
const RESTRICTION_FIELDS: &[&str] = &["days", "from", "to"];
const OVERRIDE_FIELDS: &[&str] = &[
    "who",
    "start",
    "end",
    "reason",
    "replaces",
    "created_by",
    "created_at",
];

/// The directory-wide default timezone, from `oncall.toml`.
#[derive(Clone, Copy)]
pub(crate) struct DefaultTz {
    pub tz: Option<Tz>,
    /// Set even when the name was invalid (already reported there).
    pub declared: bool,
}

/// The tables of an array-of-tables field like `layers`.
fn tables<'t, 'i>(cx: &mut FileCx, t: &Table<'t, 'i>, key: &str) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
    let Some((items, _)) = t.array(cx, key, false) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        match item.get_ref() {
            DeValue::Table(tab) => out.push((tab, item.span())),
            other => {
                cx.error(
                    "wrong-type",
                    item.span(),
                    format!(
                        "items of `{key}` must be tables (write [[{key}]]), not {}",
                        super::walk::type_name(other)
                    ),
                );
            }
        }
    }
    out
}

/// A table's span points at its whole text; for "missing field" problems
/// point at its first line only (the `[[layers]]` header or `{`).
fn head(cx: &FileCx, span: &Range<usize>) -> Range<usize> {
    let text = &cx.text[span.start.min(cx.text.len())..span.end.min(cx.text.len())];
    let len = text.find(['\n', '\r']).unwrap_or(text.len()).max(1);
    span.start..span.start + len
}

pub(crate) fn read(
    cx: &mut FileCx,
    id: String,
    doc: &DeTable,
    default_tz: DefaultTz,
    known: &Known,
) -> Option<(Schedule, ScheduleOrigin)> {
    let root = Table {
        table: doc,
        span: &(0..0),
        what: "a schedule",
    };
    root.check_keys(cx, FIELDS);
    let name = root.string(cx, "name", false).map(|(n, _)| n.to_string());
    let tz = match root.string(cx, "timezone", false) {
        Some((n, span)) => timezone(cx, n, span),
        None => {
            if default_tz.declared {
                default_tz.tz
            } else {
                cx.file_error("missing-timezone", "missing field `timezone` in a schedule")
                    .hint = Some(
                    "add timezone = \"Europe/Prague\" (an IANA name), or set default_timezone in oncall.toml"
                        .into(),
                );
                None
            }
        }
    };
    // Without a timezone nothing local can be resolved; still check the rest
    // (with UTC) so every problem of the file is reported at once.
    let eval_tz = tz.unwrap_or(Tz::UTC);

    let mut origin = ScheduleOrigin {
        file: cx.display.to_string(),
        layers: Vec::new(),
        overrides: Vec::new(),
        replaces: Vec::new(),
    };
    let mut layers = Vec::new();
    for (i, (table, span)) in tables(cx, &root, "layers").into_iter().enumerate() {
        let hspan = head(cx, &span);
        let what = format!("layer {}", i + 1);
        let t = Table {
            table,
            span: &hspan,
            what: &what,
        };
        let loc = cx.loc(hspan.clone());
        if let Some(l) = layer(cx, &t, i, eval_tz, tz, known) {
            layers.push(l);
            origin.layers.push(loc);
        }
    }
    let overrides = overrides_of(cx, &root, eval_tz, tz, known, &mut origin);
    let tz = tz?;
    Some((
        Schedule {
            name: name.unwrap_or_else(|| id.clone()),
            id,
            timezone: tz,
            layers,
            overrides,
        },
        origin,
    ))
}

/// The `[[overrides]]` of a table (a schedule file or a change file), with
/// their locations recorded in `origin`.
pub(crate) fn overrides_of(
    cx: &mut FileCx,
    root: &Table,
    tz: Tz,
    real_tz: Option<Tz>,
    known: &Known,
    origin: &mut ScheduleOrigin,
) -> Vec<Override> {
    let mut overrides = Vec::new();
    for (i, (table, span)) in tables(cx, root, "overrides").into_iter().enumerate() {
        let hspan = head(cx, &span);
        let what = format!("override {}", i + 1);
        let t = Table {
            table,
            span: &hspan,
            what: &what,
        };
        let loc = cx.loc(hspan.clone());
        let replaces_loc = t.get("replaces").map(|v| cx.loc(v.span()));
        if let Some(o) = override_(cx, &t, tz, real_tz, known) {
            overrides.push(o);
            origin.overrides.push(loc);
            origin.replaces.push(replaces_loc);
        }
    }
    overrides
}

pub(crate) fn instant(cx: &mut FileCx, t: &Table, key: &str, required: bool, tz: Option<Tz>) -> Option<When> {
    let (dt, span) = t.datetime(cx, key, required)?;
    let w = when(cx, &dt, span.clone(), key)?;
    if let (When::Local(wall), Some(tz)) = (w, tz) {
        let kind = crate::engine::wall_kind(&tz, wall);
        if kind != crate::engine::WallKind::Normal {
            let at = crate::engine::resolve(&tz, wall).with_timezone(&tz);
            let what = if kind == crate::engine::WallKind::Nonexistent {
                "does not exist (clocks jump forward over it)"
            } else {
                "happens twice (clocks fall back)"
            };
            cx.warning(
                "dst-wall-time",
                span,
                format!("`{key}` of {}: {wall} {what} in {}", t.what, tz.name()),
            )
            .hint = Some(format!(
                "it is read as {}; write an offset date-time to say exactly which instant you mean",
                at.format("%Y-%m-%d %H:%M %Z (%:z)")
            ));
        }
    }
    Some(w)
}

fn layer(
    cx: &mut FileCx,
    t: &Table,
    index: usize,
    tz: Tz,
    real_tz: Option<Tz>,
    known: &Known,
) -> Option<Layer> {
    let before = cx.diags.len();
    t.check_keys(cx, LAYER_FIELDS);
    let name = t
        .string(cx, "name", false)
        .map_or_else(|| format!("layer {}", index + 1), |(n, _)| n.to_string());
    let start = instant(cx, t, "start", true, real_tz);
    let end_span = t.get("end").map(|v| v.span());
    let end = instant(cx, t, "end", false, real_tz);
    let rotation = t
        .string(cx, "rotation", true)
        .and_then(|(s, span)| match Rotation::parse(s) {
            Ok(r) => Some(r),
            Err(msg) => {
                cx.error("invalid-rotation", span, msg);
                None
            }
        });
    let mut members = Vec::new();
    if let Some((items, span)) = t.strings(cx, "members", true) {
        if items.is_empty()
            && t.get("members")
                .is_some_and(|v| matches!(v.get_ref(), DeValue::Array(a) if a.is_empty()))
        {
            cx.error("empty-members", span, format!("`members` of {} is empty", t.what))
                .hint = Some("list at least one handle, like members = [\"alice\", \"bob\"]".into());
        }
        for (h, span) in items {
            if known.check(cx, h, span, &format!("in `members` of {}", t.what)) {
                members.push(h.to_string());
            }
        }
    }
    let mut restrictions = Vec::new();
    if let Some((items, span)) = t.array(cx, "restrictions", false) {
        if items.is_empty() {
            cx.error("empty-restrictions", span, format!("`restrictions` of {} is empty", t.what))
                .hint = Some("remove `restrictions` to cover every instant of the turns, or add a window like { from = \"09:00\", to = \"17:00\" }".into());
        }
        for (j, item) in items.iter().enumerate() {
            if let Some(r) = restriction(cx, item, &format!("restriction {} of {}", j + 1, t.what)) {
                restrictions.push(r);
            }
        }
    }
    let (start, start_wall) = start?.resolve(&tz);
    let end = end.map(|e| e.resolve(&tz).0);
    if let (Some(e), Some(span)) = (end, end_span) {
        if e <= start {
            cx.error(
                "end-before-start",
                span,
                format!("`end` of {} is not after its `start`", t.what),
            )
            .hint = Some("a layer covers [start, end): end must be later than start".into());
        }
    }
    if cx.diags[before..].iter().any(|d| d.is_error()) || members.is_empty() {
        return None;
    }
    Some(Layer {
        name,
        start,
        start_wall,
        rotation: rotation?,
        members,
        end,
        restrictions,
    })
}

fn restriction(cx: &mut FileCx, item: &Value, what: &str) -> Option<Restriction> {
    let DeValue::Table(table) = item.get_ref() else {
        cx.error(
            "wrong-type",
            item.span(),
            format!(
                "{what} must be a table like {{ from = \"09:00\", to = \"17:00\" }}, not {}",
                super::walk::type_name(item.get_ref())
            ),
        );
        return None;
    };
    let span = item.span();
    let hspan = head(cx, &span);
    let t = Table {
        table,
        span: &hspan,
        what,
    };
    let before = cx.diags.len();
    t.check_keys(cx, RESTRICTION_FIELDS);
    let from = t.string(cx, "from", true);
    let to = t.string(cx, "to", true);
    let days = t.strings(cx, "days", false);
    let weekly = from.as_ref().is_some_and(|(s, _)| s.contains(' '))
        || to.as_ref().is_some_and(|(s, _)| s.contains(' '));
    let result = if weekly {
        if days.is_some() {
            let span = t.key_span("days").unwrap_or(0..0);
            cx.error("days-on-weekly", span, format!("`days` in {what}: a weekly window (`from = \"sat 10:00\"`) takes no `days`"))
                .hint = Some("use days with plain times (from = \"09:00\"), or drop days and keep the day names in from/to".into());
        }
        let bound = |cx: &mut FileCx, v: &Option<(&str, Range<usize>)>| {
            let (s, span) = v.as_ref()?;
            match parse_weekly_bound(s) {
                Ok(b) => Some(b),
                Err(msg) => {
                    let hint = if s.contains(' ') {
                        None
                    } else {
                        Some("in a weekly window both `from` and `to` name a day, like from = \"fri 18:00\", to = \"mon 09:00\"".to_string())
                    };
                    cx.error("invalid-time", span.clone(), msg).hint = hint;
                    None
                }
            }
        };
        let f = bound(cx, &from);
        let to_b = bound(cx, &to);
        if let (Some(f), Some(_)) = (f, &from) {
            if f.1 == WallTime::END_OF_DAY {
                let span = from.as_ref().map(|x| x.1.clone()).unwrap_or(0..0);
                cx.error("invalid-time", span, format!("`from` in {what} cannot be 24:00"))
                    .hint = Some("a window opens at 00:00 of the next day instead".into());
            }
        }
        match (f, to_b) {
            (Some(from), Some(to)) => Some(Restriction::Weekly { from, to }),
            _ => None,
        }
    } else {
        let time = |cx: &mut FileCx, v: &Option<(&str, Range<usize>)>| {
            let (s, span) = v.as_ref()?;
            WallTime::parse(s)
                .map_err(|msg| cx.error("invalid-time", span.clone(), msg))
                .ok()
        };
        let f = time(cx, &from);
        let to_t = time(cx, &to);
        if f == Some(WallTime::END_OF_DAY) {
            let span = from.as_ref().map(|x| x.1.clone()).unwrap_or(0..0);
            cx.error("invalid-time", span, format!("`from` in {what} cannot be 24:00"))
                .hint = Some("a window opens at 00:00 of the next day instead".into());
        }
        let mut set = DaySet::ALL;
        if let Some((items, span)) = &days {
            set = DaySet::default();
            if items.is_empty()
                && t.get("days")
                    .is_some_and(|v| matches!(v.get_ref(), DeValue::Array(a) if a.is_empty()))
            {
                cx.error("empty-days", span.clone(), format!("`days` in {what} is empty"))
                    .hint = Some("list days like [\"mon\", \"fri\"], or drop `days` for every day".into());
            }
            for (d, span) in items {
                match parse_day(d) {
                    Ok(d) => set.insert(d),
                    Err(msg) => {
                        cx.error("invalid-day", span.clone(), msg);
                    }
                }
            }
        }
        match (f, to_t) {
            (Some(from), Some(to)) => Some(Restriction::Daily { days: set, from, to }),
            _ => None,
        }
    };
    if cx.diags[before..].iter().any(|d| d.is_error()) {
        return None;
    }
    result
}

fn override_(cx: &mut FileCx, t: &Table, tz: Tz, real_tz: Option<Tz>, known: &Known) -> Option<Override> {
    let before = cx.diags.len();
    t.check_keys(cx, OVERRIDE_FIELDS);
    let who = t.string(cx, "who", true);
    if let Some((h, span)) = &who {
        known.check(cx, h, span.clone(), &format!("in `who` of {}", t.what));
    }
    let start = instant(cx, t, "start", true, real_tz).map(|w| w.resolve(&tz).0);
    let end_span = t.get("end").map(|v| v.span());
    let end = instant(cx, t, "end", true, real_tz).map(|w| w.resolve(&tz).0);
    let reason = t.string(cx, "reason", false).map(|x| x.0.to_string());
    let replaces = t.string(cx, "replaces", false);
    if let Some((h, span)) = &replaces {
        known.check(cx, h, span.clone(), &format!("in `replaces` of {}", t.what));
    }
    let created_by = t.string(cx, "created_by", false).map(|x| x.0.to_string());
    let created_at = match t.get("created_at") {
        None => None,
        Some(v) => match v.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            DeValue::Datetime(d) => Some(d.to_string()),
            other => {
                cx.error(
                    "wrong-type",
                    v.span(),
                    format!(
                        "`created_at` in {} must be a date-time or a string, not {}",
                        t.what,
                        super::walk::type_name(other)
                    ),
                );
                None
            }
        },
    };
    if let (Some(s), Some(e), Some(span)) = (start, end, end_span) {
        if e <= s {
            cx.error(
                "end-before-start",
                span,
                format!("`end` of {} is not after its `start`", t.what),
            )
            .hint = Some("an override covers [start, end): end must be later than start".into());
        }
    }
    if cx.diags[before..].iter().any(|d| d.is_error()) {
        return None;
    }
    Some(Override {
        who: who?.0.to_string(),
        start: start?,
        end: end?,
        reason,
        replaces: replaces.map(|r| r.0.to_string()),
        created_by,
        created_at,
    })
}
