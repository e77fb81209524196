//! Loading a schedule directory: discovery, reading, checking, building the
//! model.
//!
//! Loading works on a list of [`SourceFile`]s (relative path and bytes), so
//! the same code reads a directory on disk ([`read_dir`]) or, later, a tree
//! from another source. Every problem becomes a [`Diagnostic`] with file,
//! line and column; loading never stops at the first one. The result holds
//! whatever was valid, so `validate` can go on to check it.

mod changes;
mod people;
mod schedule;
mod walk;

pub use changes::{offer_file_id, override_file_schedule, CHANGES_DIR, OFFERS_DIR, OVERRIDES_DIR};

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use toml::de::DeTable;

use crate::diag::{Diagnostic, Location};
use crate::model::{Directory, Settings};
use walk::{FileCx, Table};

/// The reserved file that lists people and marks a schedule directory.
pub const PEOPLE_FILE: &str = "people.toml";
/// The reserved, optional settings file.
pub const SETTINGS_FILE: &str = "oncall.toml";

/// One file of a schedule directory.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the schedule directory, with `/` separators.
    pub rel: String,
    pub bytes: Vec<u8>,
}

/// The outcome of loading: the valid part and every problem found.
#[derive(Debug)]
pub struct Loaded {
    pub dir: Directory,
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were read.
    pub files: usize,
    /// Where things were defined, for checks that report on them.
    pub origins: Origins,
}

/// Where the parts of a loaded directory were written.
#[derive(Debug, Default, Clone)]
pub struct Origins {
    /// By schedule id.
    pub schedules: std::collections::HashMap<String, ScheduleOrigin>,
    /// By handle: the person's table header in people.toml.
    pub people: std::collections::HashMap<String, Location>,
}

/// Where a schedule's parts were written.
#[derive(Debug, Clone)]
pub struct ScheduleOrigin {
    /// The file, as displayed.
    pub file: String,
    /// The `[[layers]]` headers, by layer index.
    pub layers: Vec<Location>,
    /// The `[[overrides]]` headers, by override index.
    pub overrides: Vec<Location>,
    /// The `replaces` values of overrides, by override index.
    pub replaces: Vec<Option<Location>>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Why a schedule directory could not be found or read.
#[derive(Debug, thiserror::Error)]
pub enum FindError {
    #[error("no schedule directory found in {start} or any of its parents (looked for `people.toml`, or `schedules/people.toml`)")]
    NotFound { start: PathBuf },
    #[error("{path} is not a schedule directory: it has no `people.toml` (nor `schedules/people.toml`)")]
    NotADirectory { path: PathBuf },
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

fn holds_people(dir: &Path) -> bool {
    dir.join(PEOPLE_FILE).is_file()
}

/// The schedule directory named explicitly (`--repo`, `ONCALL_REPO`): the
/// folder itself, or its `schedules/` folder.
pub fn named_dir(path: &Path) -> Result<PathBuf, FindError> {
    if holds_people(path) {
        Ok(path.to_path_buf())
    } else if holds_people(&path.join("schedules")) {
        Ok(path.join("schedules"))
    } else if !path.exists() {
        Err(FindError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such directory"),
        })
    } else {
        Err(FindError::NotADirectory {
            path: path.to_path_buf(),
        })
    }
}

/// The nearest of `start` and its ancestors that holds `people.toml`, or a
/// `schedules/` folder that holds it.
pub fn discover(start: &Path) -> Result<PathBuf, FindError> {
    for dir in start.ancestors() {
        if holds_people(dir) {
            return Ok(dir.to_path_buf());
        }
        let sub = dir.join("schedules");
        if holds_people(&sub) {
            return Ok(sub);
        }
    }
    Err(FindError::NotFound {
        start: start.to_path_buf(),
    })
}

/// Reads every file of the schedule directory at `root`: `people.toml`,
/// `oncall.toml` and every `*.toml` below, skipping names that start with `.`
/// except the tool's own `.oncall/` folder of change files.
pub fn read_dir(root: &Path) -> Result<Vec<SourceFile>, FindError> {
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            e.depth() == 0 || !name.starts_with('.') || (e.depth() == 1 && name == CHANGES_DIR)
        });
    for entry in walker {
        let entry = entry.map_err(|e| FindError::Io {
            path: e.path().unwrap_or(root).to_path_buf(),
            source: e
                .into_io_error()
                .unwrap_or_else(|| std::io::Error::other("filesystem loop")),
        })?;
        if !entry.file_type().is_file() || entry.path().extension().is_none_or(|x| x != "toml") {
            continue;
        }
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let bytes = std::fs::read(entry.path()).map_err(|source| FindError::Io {
            path: entry.path().to_path_buf(),
            source,
        })?;
        files.push(SourceFile { rel, bytes });
    }
    Ok(files)
}

/// Loads the directory at `root` from disk. `display_root` prefixes file
/// names in diagnostics (like `schedules/`).
pub fn load_path(root: &Path, display_root: &str) -> Result<Loaded, FindError> {
    let files = read_dir(root)?;
    Ok(load_files(root, display_root, files))
}

/// Loads the directory and returns it only when it has no errors; the
/// convenient entry point for programs using the library.
pub fn load_dir(root: &Path) -> Result<Directory, Vec<Diagnostic>> {
    let loaded = load_path(root, "").map_err(|e| vec![Diagnostic::error("io", e.to_string())])?;
    if loaded.has_errors() {
        Err(loaded.diagnostics)
    } else {
        Ok(loaded.dir)
    }
}

/// A file's text, or an error when it is not UTF-8.
fn text_of<'a>(f: &'a SourceFile, display: &str, diags: &mut Vec<Diagnostic>) -> Option<&'a str> {
    match std::str::from_utf8(&f.bytes) {
        Ok(t) => Some(t),
        Err(e) => {
            let good = &f.bytes[..e.valid_up_to()];
            let text = String::from_utf8_lossy(&f.bytes);
            let good = std::str::from_utf8(good).unwrap_or("");
            diags.push(
                Diagnostic::error("not-utf8", "the file is not valid UTF-8")
                    .at(Location::at(display, &text, good.len()..good.len() + 1))
                    .hint("save the file as UTF-8"),
            );
            None
        }
    }
}

/// Parses TOML, reporting every syntax error. `None` when there were any.
fn parse<'a>(cx: &mut FileCx, text: &'a str, people: bool) -> Option<toml::Spanned<DeTable<'a>>> {
    // An unresolved merge conflict: say so once, not once per `=`.
    if let Some(at) = conflict_marker(text) {
        cx.error("merge-conflict", at..at + 7, "unresolved merge conflict")
            .hint = Some("resolve it (keep the lines you want, delete the <<<<<<<, ======= and >>>>>>> lines), then commit".into());
        return None;
    }
    let (table, mut errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        return Some(table);
    }
    errors.sort_by_key(|e| e.span().map_or(0, |s| s.start));
    // A table header that repeats an earlier one makes every key below it a
    // duplicate too; report the header only.
    let mut skip_until = 0;
    for e in errors {
        let span = e.span().unwrap_or(0..0);
        let msg = e.message().trim_end().to_string();
        if msg.contains("duplicate key") {
            if span.start < skip_until {
                continue;
            }
            let header = text[..span.start].trim_end_matches([' ', '\t']).ends_with('[');
            if header {
                skip_until = text[span.end..].find("\n[").map_or(text.len(), |i| span.end + i);
                let key = text[span.clone()].trim_matches('"');
                let msg = if people {
                    format!("duplicate handle `{key}`: people.toml already has [{key}]")
                } else {
                    format!("duplicate table [{key}]")
                };
                cx.error("duplicate-key", span, msg);
                continue;
            }
            let key = &text[span.clone()];
            cx.error(
                "duplicate-key",
                span.clone(),
                format!("duplicate key `{key}`: it is already set above"),
            );
            continue;
        }
        cx.error("syntax", span, format!("invalid TOML: {msg}"));
    }
    None
}

/// The byte offset of a line starting with `<<<<<<< `, if any.
fn conflict_marker(text: &str) -> Option<usize> {
    if text.starts_with("<<<<<<< ") {
        return Some(0);
    }
    text.find("\n<<<<<<< ").map(|i| i + 1)
}

/// Loads a directory from its files.
pub fn load_files(root: &Path, display_root: &str, files: Vec<SourceFile>) -> Loaded {
    let display = |rel: &str| format!("{display_root}{rel}");
    let mut diagnostics = Vec::new();
    let nfiles = files.len();

    // oncall.toml
    let mut settings = Settings::default();
    let mut default_tz_declared = false;
    if let Some(f) = files.iter().find(|f| f.rel == SETTINGS_FILE) {
        let disp = display(&f.rel);
        if let Some(text) = text_of(f, &disp, &mut diagnostics) {
            let mut cx = FileCx::new(&disp, text);
            if let Some(doc) = parse(&mut cx, text, false) {
                let t = Table {
                    table: doc.get_ref(),
                    span: &(0..0),
                    what: "oncall.toml",
                };
                t.check_keys(&mut cx, &["default_timezone", "paging"]);
                if let Some((name, span)) = t.string(&mut cx, "default_timezone", false) {
                    default_tz_declared = true;
                    settings.default_timezone = timezone(&mut cx, name, span);
                }
                settings.paging = read_paging(&mut cx, &t);
            }
            diagnostics.extend(cx.into_sorted());
        } else {
            default_tz_declared = true;
        }

        /// `[paging]`: the service's name and the numbers it calls from.
        /// `None` when absent or when anything in it is wrong (reported).
        fn read_paging(cx: &mut FileCx, top: &Table) -> Option<crate::model::Paging> {
            let value = top.get("paging")?;
            let toml::de::DeValue::Table(table) = value.get_ref() else {
                cx.error(
                    "wrong-type",
                    value.span(),
                    "`paging` in oncall.toml must be a table: [paging] with name = \"...\" and numbers = [...]",
                );
                return None;
            };
            // Problems of the table as a whole point at its `[paging]` header.
            let key_span = top.key_span("paging").unwrap_or(value.span());
            let line_start = cx.text[..key_span.start].rfind('\n').map_or(0, |i| i + 1);
            let close = usize::from(cx.text[key_span.end..].starts_with(']'));
            let span = line_start..key_span.end + close;
            let t = Table {
                table,
                span: &span,
                what: "[paging]",
            };
            let before = cx.diags.iter().filter(|d| d.is_error()).count();
            t.check_keys(cx, &["name", "numbers"]);
            let name = t.string(cx, "name", true);
            if let Some((n, span)) = &name {
                if n.trim().is_empty() {
                    cx.error("empty-name", span.clone(), "`name` in [paging] is empty")
                        .hint = Some("write the name phones should show, like name = \"Acme Paging\"".into());
                }
            }
            let mut numbers: Vec<String> = Vec::new();
            if let Some((items, span)) = t.strings(cx, "numbers", true) {
                let written_empty = matches!(
                    t.get("numbers").map(|v| v.get_ref()),
                    Some(toml::de::DeValue::Array(a)) if a.is_empty()
                );
                if written_empty {
                    cx.error("empty-numbers", span, "`numbers` in [paging] is empty")
                        .hint = Some(
                        "list the numbers the paging service calls from, like numbers = [\"+14155550100\"]"
                            .into(),
                    );
                }
                for (n, span) in items {
                    if !is_e164(n) {
                        cx.error(
                            "invalid-phone",
                            span,
                            format!("paging number `{n}` is not in E.164 form"),
                        )
                        .hint = Some(
                            "write `+`, the country code and the number, digits only, like +14155550100"
                                .into(),
                        );
                    } else if numbers.iter().any(|m| m == n) {
                        cx.warning(
                            "duplicate-phone",
                            span,
                            format!("paging number `{n}` is listed twice"),
                        );
                    } else {
                        numbers.push(n.to_string());
                    }
                }
            }
            let errors = cx.diags.iter().filter(|d| d.is_error()).count();
            match name {
                Some((n, _)) if errors == before => Some(crate::model::Paging {
                    name: n.to_string(),
                    numbers,
                }),
                _ => None,
            }
        }

        /// `+`, then 2 to 15 digits, the first not 0 (ITU-T E.164).
        fn is_e164(s: &str) -> bool {
            let Some(digits) = s.strip_prefix('+') else {
                return false;
            };
            (2..=15).contains(&digits.len())
                && digits.bytes().all(|b| b.is_ascii_digit())
                && !digits.starts_with('0')
        }
    }

    // people.toml
    let mut origins = Origins::default();
    let mut people = Vec::new();
    let mut handles = BTreeSet::new();
    let mut people_complete = false;
    match files.iter().find(|f| f.rel == PEOPLE_FILE) {
        None => diagnostics.push(
            Diagnostic::error("no-people", format!("{} has no `people.toml`", root.display()))
                .hint("create people.toml with a table per person, like [alice] name = \"Alice\""),
        ),
        Some(f) => {
            let disp = display(&f.rel);
            if let Some(text) = text_of(f, &disp, &mut diagnostics) {
                let mut cx = FileCx::new(&disp, text);
                if let Some(doc) = parse(&mut cx, text, true) {
                    people_complete = true;
                    people::read(
                        &mut cx,
                        doc.get_ref(),
                        &mut people,
                        &mut handles,
                        &mut origins.people,
                    );
                }
                diagnostics.extend(cx.into_sorted());
            }
        }
    }

    // schedules
    let mut schedules = Vec::new();
    let known = people::Known {
        handles: &handles,
        complete: people_complete,
    };
    let is_hidden = |rel: &str| rel.split('/').any(|c| c.starts_with('.'));
    for f in &files {
        if f.rel == PEOPLE_FILE || f.rel == SETTINGS_FILE || is_hidden(&f.rel) {
            continue;
        }
        let disp = display(&f.rel);
        let Some(text) = text_of(f, &disp, &mut diagnostics) else {
            continue;
        };
        let mut cx = FileCx::new(&disp, text);
        if let Some(doc) = parse(&mut cx, text, false) {
            let id = f.rel.strip_suffix(".toml").unwrap_or(&f.rel).to_string();
            let default_tz = schedule::DefaultTz {
                tz: settings.default_timezone,
                declared: default_tz_declared,
            };
            if let Some((s, origin)) = schedule::read(&mut cx, id, doc.get_ref(), default_tz, &known) {
                if !cx.has_errors() {
                    origins.schedules.insert(s.id.clone(), origin);
                    schedules.push(s);
                }
            }
        }
        diagnostics.extend(cx.into_sorted());
    }
    schedules.sort_by(|a, b| a.id.cmp(&b.id));

    // Overrides made by commands, in file-name order after each schedule's own.
    let mut change_files: Vec<&SourceFile> = files
        .iter()
        .filter(|f| override_file_schedule(&f.rel).is_some())
        .collect();
    change_files.sort_by(|a, b| a.rel.cmp(&b.rel));
    for f in change_files {
        let id = override_file_schedule(&f.rel).unwrap_or_default();
        let disp = display(&f.rel);
        let Some(text) = text_of(f, &disp, &mut diagnostics) else {
            continue;
        };
        let mut cx = FileCx::new(&disp, text);
        let Ok(i) = schedules.binary_search_by(|s| s.id.as_str().cmp(id)) else {
            let exists = files.iter().any(|g| g.rel == format!("{id}.toml"));
            if !exists {
                cx.file_error(
                    "unknown-schedule",
                    format!("overrides for schedule `{id}`, which does not exist (no {id}.toml)"),
                )
                .hint = Some("delete the folder, or restore the schedule file".into());
            }
            diagnostics.extend(cx.into_sorted());
            continue;
        };
        if let Some(doc) = parse(&mut cx, text, false) {
            let tz = schedules[i].timezone;
            let mut found_at = ScheduleOrigin {
                file: disp.clone(),
                layers: Vec::new(),
                overrides: Vec::new(),
                replaces: Vec::new(),
            };
            let found = changes::read_overrides(&mut cx, doc.get_ref(), tz, &known, &mut found_at);
            if !cx.has_errors() {
                schedules[i].overrides.extend(found);
                if let Some(origin) = origins.schedules.get_mut(id) {
                    origin.overrides.extend(found_at.overrides);
                    origin.replaces.extend(found_at.replaces);
                }
            }
        }
        diagnostics.extend(cx.into_sorted());
    }

    // Offers of the shift market.
    let mut offers = Vec::new();
    for f in files.iter().filter(|f| offer_file_id(&f.rel).is_some()) {
        let id = offer_file_id(&f.rel).unwrap_or_default();
        let disp = display(&f.rel);
        let Some(text) = text_of(f, &disp, &mut diagnostics) else {
            continue;
        };
        let mut cx = FileCx::new(&disp, text);
        if let Some(doc) = parse(&mut cx, text, false) {
            let tz_of = |sid: &str| {
                schedules
                    .binary_search_by(|s| s.id.as_str().cmp(sid))
                    .ok()
                    .map(|i| schedules[i].timezone)
            };
            if let Some(o) = changes::read_offer(&mut cx, id, doc.get_ref(), &tz_of, &known) {
                offers.push(o);
            }
        }
        diagnostics.extend(cx.into_sorted());
    }
    offers.sort_by(|a: &crate::model::Offer, b| a.id.cmp(&b.id));

    Loaded {
        dir: Directory {
            root: root.to_path_buf(),
            settings,
            people,
            schedules,
            offers,
        },
        diagnostics,
        files: nfiles,
        origins,
    }
}

/// An IANA timezone name, or an error with a suggestion.
fn timezone(cx: &mut FileCx, name: &str, span: std::ops::Range<usize>) -> Option<Tz> {
    if let Ok(tz) = name.parse::<Tz>() {
        return Some(tz);
    }
    let d = cx.error("unknown-timezone", span, format!("unknown timezone `{name}`"));
    let names = chrono_tz::TZ_VARIANTS.iter().map(|t| t.name());
    d.hint = Some(match walk::suggest(name, names) {
        Some(s) => format!("did you mean `{s}`? (timezones are IANA names like Europe/Prague)"),
        None => "use an IANA timezone name, like Europe/Prague, America/New_York or UTC".into(),
    });
    None
}

/// The closest of `candidates` to `name`, if one is close enough to suggest.
pub fn suggest_name<'c>(name: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    walk::suggest(name, candidates)
}

/// A point in time as the format writes it, before a timezone is applied.
#[derive(Debug, Clone, Copy)]
pub(crate) enum When {
    /// An offset date-time: an instant.
    Instant(DateTime<Utc>),
    /// A local date-time or date (midnight), in the schedule's timezone.
    Local(NaiveDateTime),
}

impl When {
    /// The instant, and the wall clock in `tz` that calendar turns keep.
    pub fn resolve(self, tz: &Tz) -> (DateTime<Utc>, NaiveDateTime) {
        match self {
            When::Instant(t) => (t, crate::engine::local(tz, t)),
            When::Local(w) => (crate::engine::resolve(tz, w), w),
        }
    }
}

/// Reads a TOML date-time value as a [`When`].
pub(crate) fn when(
    cx: &mut FileCx,
    dt: &toml::value::Datetime,
    span: std::ops::Range<usize>,
    key: &str,
) -> Option<When> {
    let bad = |cx: &mut FileCx, why: &str| {
        cx.error(
            "invalid-datetime",
            span.clone(),
            format!("invalid `{key}`: {why}"),
        )
        .hint = Some(
            "write a date-time like 2026-01-05T09:00:00 (schedule timezone) or 2026-01-05T08:00:00Z".into(),
        );
        None
    };
    let Some(d) = dt.date else {
        return bad(cx, "a time of day without a date");
    };
    let Some(date) = NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day)) else {
        return bad(cx, "no such date");
    };
    let time = match dt.time {
        None => NaiveTime::MIN,
        Some(t) => match NaiveTime::from_hms_nano_opt(
            u32::from(t.hour),
            u32::from(t.minute),
            u32::from(t.second.unwrap_or(0)),
            t.nanosecond.unwrap_or(0),
        ) {
            Some(t) => t,
            None => return bad(cx, "no such time of day"),
        },
    };
    let naive = date.and_time(time);
    match dt.offset {
        None => Some(When::Local(naive)),
        Some(toml::value::Offset::Z) => Some(When::Instant(naive.and_utc())),
        Some(toml::value::Offset::Custom { minutes }) => {
            let utc = naive - chrono::TimeDelta::minutes(i64::from(minutes));
            Some(When::Instant(utc.and_utc()))
        }
    }
}
