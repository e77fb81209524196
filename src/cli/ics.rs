//! `oncall export ics`: the final shifts as calendars.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, TimeDelta, Utc};

use super::{select, CliError, Context};
use crate::engine;
use crate::export::ics::{render, Calendar, Entry};
use crate::model::{Directory, Schedule};
use crate::timearg::parse_duration;

/// Export the final shifts as an iCalendar (RFC 5545) feed, or a folder of
/// feeds to publish for phones to subscribe to.
///
/// Events are the final shifts (layers, restrictions and overrides applied),
/// in UTC, with the person, the schedule, the handoff partners and their
/// contact details; a shift that continues across a rotation handoff (the
/// same person two turns in a row) is one event per turn. UIDs are stable: exporting again, or after an
/// unrelated change, gives the same UIDs; when a shift's person changes its
/// UID changes, so a subscribed calendar replaces the event.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  oncall export ics > oncall.ics                       every schedule
  oncall export ics platform/primary --alarm 1h -o primary.ics
  oncall export ics --person alice -o alice.ics        all of alice's shifts
  oncall export ics --dir public --base-url https://oncall.example.com/
                                                       a static site of feeds

Subscribe on a phone: publish the --dir folder on any static web host, open
its index.html and tap a webcal:// link (iOS: Settings > Calendar > Accounts >
Add Subscribed Calendar also takes the URL; Google Calendar: Other calendars >
From URL, with https://).")]
pub struct Args {
    /// Schedule ids, or folders of schedules [default: all]
    #[arg(value_name = "SCHEDULE")]
    pub schedules: Vec<String>,

    /// Only this person's shifts
    #[arg(long, value_name = "HANDLE")]
    pub person: Option<String>,

    /// Start of the window [default: 15 days ago]
    #[arg(long, allow_hyphen_values = true, value_name = "TIME")]
    pub from: Option<String>,

    /// End of the window [default: 180 days from now]
    #[arg(long, allow_hyphen_values = true, value_name = "TIME")]
    pub to: Option<String>,

    /// A reminder this long before each shift, like 1h or 30m
    #[arg(long, value_name = "DURATION")]
    pub alarm: Option<String>,

    /// Write the calendar to this file instead of stdout
    #[arg(long, short = 'o', value_name = "FILE", conflicts_with = "dir")]
    pub output: Option<PathBuf>,

    /// Write a static site: a feed per schedule, one per person, and index.html
    #[arg(long, value_name = "OUT")]
    pub dir: Option<PathBuf>,

    /// Where the --dir site will be published, for webcal:// links in index.html
    #[arg(long, value_name = "URL", requires = "dir")]
    pub base_url: Option<String>,
}

/// The events of `schedules` in `[from, to)`, optionally one person's, in
/// order of start.
fn entries<'d>(
    schedules: &[&'d Schedule],
    person: Option<&str>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Entry<'d>> {
    let mut all: Vec<Entry> = schedules
        .iter()
        .flat_map(|s| {
            engine::events(s, from, to)
                .into_iter()
                .filter(|e| person.is_none_or(|p| e.person == p))
                .map(move |event| Entry { schedule: s, event })
        })
        .collect();
    all.sort_by(|a, b| (a.event.span.start, &a.schedule.id).cmp(&(b.event.span.start, &b.schedule.id)));
    all
}

/// Writes a file atomically: a temporary file in the same folder, renamed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let err = |e: std::io::Error| CliError::user(format!("cannot write {}: {e}", path.display()));
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(err)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.oncall-tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(err)?;
    // A file being replaced keeps its permissions (a feed holds phone numbers).
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(&tmp, meta.permissions());
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        err(e)
    })
}

fn calendar_name(dir: &Directory, schedules: &[&Schedule], person: Option<&str>) -> String {
    let who = person.map(|p| dir.person(p).map_or(p.to_string(), |x| x.name.clone()));
    match (schedules, who) {
        ([s], Some(w)) => format!("On call: {} ({w})", s.name),
        (_, Some(w)) => format!("On call: {w}"),
        ([s], None) => format!("On call: {}", s.name),
        _ => "On call".to_string(),
    }
}

pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let dir = ctx.load()?;
    let schedules = select(&dir, &args.schedules)?;
    let from = match &args.from {
        Some(s) => ctx.time(s)?,
        None => ctx.now - TimeDelta::days(15),
    };
    let to = match &args.to {
        Some(s) => ctx.time_after(s, from)?,
        None => ctx.now + TimeDelta::days(180),
    };
    if to <= from {
        return Err(CliError::usage("--to must be after --from"));
    }
    if let Some(p) = &args.person {
        if dir.person(p).is_none() {
            return Err(CliError::usage(format!("no person `{p}` in people.toml")));
        }
    }
    let alarm = args
        .alarm
        .as_deref()
        .map(parse_duration)
        .transpose()
        .map_err(CliError::usage)?;
    let cal = |name: String| Calendar {
        name,
        stamp: ctx.now,
        alarm,
    };
    if let Some(out_dir) = &args.dir {
        let base = args.base_url.as_deref().map(base_url).transpose()?;
        return site(
            ctx,
            &dir,
            &schedules,
            out_dir,
            base.as_deref(),
            from,
            to,
            &cal,
            out,
        );
    }
    let text = render(
        &dir,
        &cal(calendar_name(&dir, &schedules, args.person.as_deref())),
        &entries(&schedules, args.person.as_deref(), from, to),
    );
    match &args.output {
        Some(path) => {
            write_atomic(&ctx.cwd.join(path), text.as_bytes())?;
            writeln!(std::io::stderr(), "wrote {}", path.display())?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

fn html_escape(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Percent-encodes a relative URL path (keeps `/` and unreserved characters).
fn url_path(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Checks `--base-url`: an http(s) URL without query or fragment; returns
/// it with a lowercase scheme and a trailing slash.
fn base_url(url: &str) -> Result<String, CliError> {
    let bad = || {
        CliError::usage(format!("--base-url `{url}` is not an http(s) URL of a folder"))
            .hint("like https://oncall.example.com/feeds/")
    };
    let (scheme, rest) = url.split_once("://").ok_or_else(bad)?;
    let scheme = scheme.to_ascii_lowercase();
    if !(scheme == "https" || scheme == "http") || rest.is_empty() || rest.contains(['?', '#', ' ']) {
        return Err(bad());
    }
    let rest = if rest.ends_with('/') {
        rest.to_string()
    } else {
        format!("{rest}/")
    };
    Ok(format!("{scheme}://{rest}"))
}

/// Removes `.ics` files under `root/schedules` and `root/people` that this
/// export did not write (feeds of schedules or people no longer there).
fn remove_stale(root: &Path, written: &[String]) -> Result<usize, CliError> {
    let mut removed = 0;
    for sub in ["schedules", "people"] {
        let base = root.join(sub);
        if !base.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&base).into_iter().filter_map(Result::ok) {
            let p = entry.path();
            if !entry.file_type().is_file() || p.extension().is_none_or(|x| x != "ics") {
                continue;
            }
            let rel = p
                .strip_prefix(root)
                .unwrap_or(p)
                .to_string_lossy()
                .replace('\\', "/");
            if !written.contains(&rel) {
                std::fs::remove_file(p)
                    .map_err(|e| CliError::user(format!("cannot remove {}: {e}", p.display())))?;
                removed += 1;
            }
        }
    }
    Ok(removed)
}

/// The static site: `schedules/<id>.ics`, `people/<handle>.ics`, `index.html`.
#[allow(clippy::too_many_arguments)]
fn site(
    ctx: &Context,
    dir: &Directory,
    schedules: &[&Schedule],
    out_dir: &Path,
    base_url: Option<&str>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    cal: &dyn Fn(String) -> Calendar,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let root = ctx.cwd.join(out_dir);
    let mut links: Vec<(&str, String, String)> = Vec::new(); // (section, label, path)
    for s in schedules {
        let path = format!("schedules/{}.ics", s.id);
        let text = render(
            dir,
            &cal(calendar_name(dir, &[*s], None)),
            &entries(&[*s], None, from, to),
        );
        write_atomic(&root.join(&path), text.as_bytes())?;
        links.push(("Schedules", format!("{} ({})", s.name, s.id), path));
    }
    for p in &dir.people {
        let mine = entries(schedules, Some(&p.handle), from, to);
        if mine.is_empty() {
            continue;
        }
        let path = format!("people/{}.ics", p.handle);
        let text = render(dir, &cal(calendar_name(dir, schedules, Some(&p.handle))), &mine);
        write_atomic(&root.join(&path), text.as_bytes())?;
        links.push(("People", format!("{} ({})", p.name, p.handle), path));
    }
    let written: Vec<String> = links.iter().map(|(_, _, p)| p.clone()).collect();
    let removed = remove_stale(&root, &written)?;
    let mut html = String::from(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>On-call calendars</title>\n<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}a{word-break:break-all}li{margin:.4rem 0}small{color:#666}</style>\n</head>\n<body>\n<h1>On-call calendars</h1>\n<p>Tap a calendar to subscribe on your phone; it updates by itself. Or copy its direct link into your calendar app (Google Calendar: Other calendars &rarr; From URL).</p>\n",
    );
    let mut section = "";
    for (sec, label, path) in &links {
        if sec != &section {
            if !section.is_empty() {
                html.push_str("</ul>\n");
            }
            html.push_str(&format!("<h2>{sec}</h2>\n<ul>\n"));
            section = sec;
        }
        let path = url_path(path);
        let (webcal, direct) = match base_url {
            Some(b) => {
                let url = format!("{b}{path}");
                let webcal = url
                    .replacen("https://", "webcal://", 1)
                    .replacen("http://", "webcal://", 1);
                (format!("href=\"{}\"", html_escape(&webcal)), url)
            }
            None => (
                format!("href=\"{}\" data-webcal", html_escape(&path)),
                path.clone(),
            ),
        };
        html.push_str(&format!(
            "<li><a {webcal}>{}</a> <small>(<a href=\"{}\">direct link</a>)</small></li>\n",
            html_escape(label),
            html_escape(&direct)
        ));
    }
    if !section.is_empty() {
        html.push_str("</ul>\n");
    }
    html.push_str("<script>\n// Without a published base URL, make webcal:// links from where this page is served.\nfor (const a of document.querySelectorAll('a[data-webcal]')) {\n  const u = new URL(a.getAttribute('href'), location.href);\n  if (u.protocol.startsWith('http')) a.href = 'webcal://' + u.host + u.pathname;\n}\n</script>\n");
    html.push_str(&format!(
        "<p><small>Generated by oncall at {} UTC.</small></p>\n</body>\n</html>\n",
        ctx.now.format("%Y-%m-%d %H:%M")
    ));
    write_atomic(&root.join("index.html"), html.as_bytes())?;
    writeln!(
        out,
        "wrote {} calendars and index.html to {}",
        links.len(),
        out_dir.display()
    )?;
    if removed > 0 {
        writeln!(
            out,
            "removed {removed} feed{} no longer published",
            if removed == 1 { "" } else { "s" }
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
