//! `people.toml`: one table per person, keyed by handle.

use std::collections::{BTreeSet, HashMap};

use toml::de::{DeTable, DeValue};

use super::walk::{suggest, FileCx, Table};
use crate::diag::Location;
use crate::model::{is_valid_handle, Person};

const FIELDS: &[&str] = &["name", "email", "phone", "slack", "timezone"];

/// The handles declared in `people.toml`, including people whose entries
/// have other problems (so a schedule naming them is not reported twice).
pub(crate) struct Known<'a> {
    pub handles: &'a BTreeSet<String>,
    /// False when people.toml could not be read: then no handle is reported
    /// as unknown (the real problem is already reported there).
    pub complete: bool,
}

impl Known<'_> {
    /// Checks a handle used in a schedule; reports an unknown one.
    pub fn check(&self, cx: &mut FileCx, handle: &str, span: std::ops::Range<usize>, role: &str) -> bool {
        if self.handles.contains(handle) {
            return true;
        }
        if !self.complete {
            return false;
        }
        let d = cx.error(
            "unknown-person",
            span,
            format!("unknown person `{handle}` {role}: not in people.toml"),
        );
        d.hint = Some(match suggest(handle, self.handles.iter().map(String::as_str)) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("add [{handle}] with a name to people.toml"),
        });
        false
    }
}

/// E.164: a `+`, then 2 to 15 digits, the first not zero.
fn is_e164(s: &str) -> bool {
    let Some(digits) = s.strip_prefix('+') else {
        return false;
    };
    (2..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0')
}

pub(crate) fn read(
    cx: &mut FileCx,
    doc: &DeTable,
    people: &mut Vec<Person>,
    handles: &mut BTreeSet<String>,
    origins: &mut HashMap<String, Location>,
) {
    for (key, value) in doc.iter() {
        let handle = key.get_ref().as_ref();
        handles.insert(handle.to_string());
        origins.insert(handle.to_string(), cx.loc(key.span()));
        if !is_valid_handle(handle) {
            cx.error(
                "invalid-handle",
                key.span(),
                format!("invalid handle `{handle}`: handles are lowercase letters, digits, `.`, `_` and `-`, starting with a letter or digit"),
            )
            .hint = Some(format!("try [{}]", handle.to_lowercase().trim_start_matches(['.', '_', '-'])));
            continue;
        }
        let DeValue::Table(t) = value.get_ref() else {
            cx.error(
                "wrong-type",
                value.span(),
                format!("`{handle}` in people.toml must be a table, like [{handle}] with name = \"...\""),
            );
            continue;
        };
        let what = format!("person `{handle}`");
        // A missing field is reported at the `[handle]` header.
        let key_span = key.span();
        let line_start = cx.text[..key_span.start].rfind('\n').map_or(0, |i| i + 1);
        let close = usize::from(cx.text[key_span.end..].starts_with(']'));
        let span = line_start..key_span.end + close;
        let t = Table {
            table: t,
            span: &span,
            what: &what,
        };
        let before = cx.diags.len();
        t.check_keys(cx, FIELDS);
        let name = t.string(cx, "name", true);
        let email = t.string(cx, "email", false);
        let phone = t.string(cx, "phone", false);
        if let Some((p, span)) = &phone {
            if !is_e164(p) {
                cx.warning(
                    "invalid-phone",
                    span.clone(),
                    format!("phone `{p}` of `{handle}` is not in E.164 form"),
                )
                .hint = Some("write it with the country code and digits only, like +420601000001".into());
            }
        }
        let slack = t.string(cx, "slack", false);
        let timezone = t
            .string(cx, "timezone", false)
            .and_then(|(name, span)| super::timezone(cx, name, span));
        let failed = cx.diags[before..].iter().any(|d| d.is_error());
        if let (Some((name, _)), false) = (name, failed) {
            people.push(Person {
                handle: handle.to_string(),
                name: name.to_string(),
                email: email.map(|e| e.0.to_string()),
                phone: phone.map(|p| p.0.to_string()),
                slack: slack.map(|s| s.0.to_string()),
                timezone,
            });
        }
    }
}
