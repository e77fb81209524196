//! Typed access to a parsed TOML table, reporting problems as diagnostics.
//!
//! The files are parsed into `toml::de::DeTable`, which keeps a byte span for
//! every key and value. These helpers read fields by name, check their types,
//! report unknown keys (with a suggestion), and never stop at the first
//! problem: each getter reports and returns `None`, so the caller keeps going
//! and a file's problems are all reported at once.

use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::diag::{Diagnostic, LineIndex, Location};

/// A file being checked: its text, display path and the problems so far.
pub(crate) struct FileCx<'a> {
    pub display: &'a str,
    pub text: &'a str,
    pub diags: Vec<Diagnostic>,
    lines: LineIndex,
}

impl<'a> FileCx<'a> {
    pub fn new(display: &'a str, text: &'a str) -> Self {
        FileCx {
            display,
            text,
            diags: Vec::new(),
            lines: LineIndex::new(text),
        }
    }

    pub fn loc(&self, span: Range<usize>) -> Location {
        self.lines.locate(self.display, self.text, span)
    }

    /// Reports an error at `span`; returns it so a hint can be added.
    pub fn error(
        &mut self,
        code: &'static str,
        span: Range<usize>,
        msg: impl Into<String>,
    ) -> &mut Diagnostic {
        let d = Diagnostic::error(code, msg).at(self.loc(span));
        self.push(d)
    }

    fn push(&mut self, d: Diagnostic) -> &mut Diagnostic {
        self.diags.push(d);
        self.diags.last_mut().expect("just pushed")
    }

    /// Reports a warning at `span`.
    pub fn warning(
        &mut self,
        code: &'static str,
        span: Range<usize>,
        msg: impl Into<String>,
    ) -> &mut Diagnostic {
        let d = Diagnostic::warning(code, msg).at(self.loc(span));
        self.push(d)
    }

    /// Reports an error about the whole file.
    pub fn file_error(&mut self, code: &'static str, msg: impl Into<String>) -> &mut Diagnostic {
        let d = Diagnostic::error(code, msg).at(self.loc(0..0));
        self.push(d)
    }

    pub fn has_errors(&self) -> bool {
        self.diags.iter().any(Diagnostic::is_error)
    }

    /// The problems in reading order (by line and column).
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.diags
            .sort_by_key(|d| d.location.as_ref().map_or((0, 0), |l| (l.line, l.column)));
        self.diags
    }
}

/// A table with its span and a description for messages ("a layer").
#[derive(Clone, Copy)]
pub(crate) struct Table<'t, 'i> {
    pub table: &'t DeTable<'i>,
    /// Where to point for problems of the table as a whole (a missing key).
    pub span: &'t Range<usize>,
    pub what: &'t str,
}

pub(crate) type Value<'i> = Spanned<DeValue<'i>>;

/// A string and where it is.
pub(crate) type Located<'t> = (&'t str, Range<usize>);

/// The TOML type name of a value, for messages.
pub(crate) fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// The closest candidate to `word`, if one is close enough to suggest: a
/// typo or two away (transpositions count once), or very similar overall.
pub(crate) fn suggest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let w = word.to_lowercase();
    let max_edits = (w.chars().count() / 3).clamp(1, 3);
    candidates
        .into_iter()
        .filter_map(|c| {
            let lc = c.to_lowercase();
            let edits = strsim::damerau_levenshtein(&w, &lc);
            let jw = strsim::jaro_winkler(&w, &lc);
            (edits <= max_edits || jw >= 0.85).then_some((edits, std::cmp::Reverse((jw * 1e6) as i64), c))
        })
        .min()
        .map(|(_, _, c)| c)
}

impl<'t, 'i> Table<'t, 'i> {
    /// Where key `key` is written.
    pub fn key_span(&self, key: &str) -> Option<Range<usize>> {
        self.table
            .iter()
            .find(|(k, _)| k.get_ref() == key)
            .map(|(k, _)| k.span())
    }

    pub fn get(&self, key: &str) -> Option<&'t Value<'i>> {
        self.table
            .iter()
            .find(|(k, _)| k.get_ref() == key)
            .map(|(_, v)| v)
    }

    /// Reports every key not in `known`.
    pub fn check_keys(&self, cx: &mut FileCx, known: &[&str]) {
        for (k, _) in self.table.iter() {
            let name = k.get_ref().as_ref();
            if !known.contains(&name) {
                let d = cx.error(
                    "unknown-field",
                    k.span(),
                    format!("unknown field `{name}` in {}", self.what),
                );
                match suggest(name, known.iter().copied()) {
                    Some(s) => d.hint = Some(format!("did you mean `{s}`?")),
                    None => d.hint = Some(format!("the fields of {} are: {}", self.what, known.join(", "))),
                }
            }
        }
    }

    fn missing(&self, cx: &mut FileCx, key: &str) {
        cx.error(
            "missing-field",
            self.span.clone(),
            format!("missing field `{key}` in {}", self.what),
        );
    }

    fn wrong_type(&self, cx: &mut FileCx, key: &str, v: &Value, expected: &str) {
        cx.error(
            "wrong-type",
            v.span(),
            format!(
                "`{key}` in {} must be {expected}, not {}",
                self.what,
                type_name(v.get_ref())
            ),
        );
    }

    /// A string field; `required` reports its absence.
    pub fn string(&self, cx: &mut FileCx, key: &str, required: bool) -> Option<(&'t str, Range<usize>)> {
        match self.get(key) {
            None => {
                if required {
                    self.missing(cx, key);
                }
                None
            }
            Some(v) => match v.get_ref() {
                DeValue::String(s) => Some((s.as_ref(), v.span())),
                _ => {
                    self.wrong_type(cx, key, v, "a string");
                    None
                }
            },
        }
    }

    /// A date-time field (a TOML date-time or date, not a string).
    pub fn datetime(
        &self,
        cx: &mut FileCx,
        key: &str,
        required: bool,
    ) -> Option<(toml::value::Datetime, Range<usize>)> {
        match self.get(key) {
            None => {
                if required {
                    self.missing(cx, key);
                }
                None
            }
            Some(v) => match v.get_ref() {
                DeValue::Datetime(d) => Some((*d, v.span())),
                DeValue::String(_) => {
                    cx.error(
                        "wrong-type",
                        v.span(),
                        format!("`{key}` in {} must be a TOML date-time, not a string", self.what),
                    )
                    .hint = Some("write it without quotes, like 2026-01-05T09:00:00".into());
                    None
                }
                _ => {
                    self.wrong_type(cx, key, v, "a date-time");
                    None
                }
            },
        }
    }

    /// An array field.
    pub fn array(
        &self,
        cx: &mut FileCx,
        key: &str,
        required: bool,
    ) -> Option<(&'t [Value<'i>], Range<usize>)> {
        match self.get(key) {
            None => {
                if required {
                    self.missing(cx, key);
                }
                None
            }
            Some(v) => match v.get_ref() {
                DeValue::Array(a) => Some((&a[..], v.span())),
                DeValue::Table(_) => {
                    self.wrong_type(cx, key, v, "an array");
                    if let Some(d) = cx.diags.last_mut() {
                        d.hint = Some(format!("write [[{key}]] (double brackets) for each entry"));
                    }
                    None
                }
                _ => {
                    self.wrong_type(cx, key, v, "an array");
                    None
                }
            },
        }
    }

    /// An array of strings; non-string items are reported and skipped.
    pub fn strings(
        &self,
        cx: &mut FileCx,
        key: &str,
        required: bool,
    ) -> Option<(Vec<Located<'t>>, Range<usize>)> {
        let (items, span) = self.array(cx, key, required)?;
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match item.get_ref() {
                DeValue::String(s) => out.push((s.as_ref(), item.span())),
                other => {
                    cx.error(
                        "wrong-type",
                        item.span(),
                        format!(
                            "items of `{key}` in {} must be strings, not {}",
                            self.what,
                            type_name(other)
                        ),
                    );
                }
            }
        }
        Some((out, span))
    }
}
