//! `oncall who`: who is on call, since when, until when, who is next.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::output::{self, cell, CellStyle};
use super::{select, CliError, Context};
use crate::engine::{self, who_limit};
use crate::model::Directory;
use crate::timearg::{relative, rfc3339, short};

/// Show who is on call now (or at --at) in every schedule, or those named.
///
/// For each schedule: the person on call, since when and until when they
/// hold it (the maximal stretch with the same person, overrides included),
/// and who comes next. A schedule with nobody on call shows "nobody" and a
/// warning.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  oncall who                           every schedule, now
  oncall who platform                  the schedules in folder platform/
  oncall who payments --at 'tomorrow 03:00'
  oncall who --at 2026-03-29T01:30:00Z --json

TIME: RFC 3339 (2026-03-02T09:00:00+01:00), a local 2026-03-02 09:00 or 2026-03-02
(in --tz), now, +2h, -30m, +1d, tomorrow 09:00, next monday 09:00.")]
pub struct Args {
    /// Schedule ids, or folders of schedules [default: all]
    #[arg(value_name = "SCHEDULE")]
    pub schedules: Vec<String>,

    /// The instant to ask about [default: now]
    #[arg(long, allow_hyphen_values = true, value_name = "TIME")]
    pub at: Option<String>,

    /// Read the schedules as they were at this git revision (time travel)
    #[arg(long, value_name = "REV")]
    pub rev: Option<String>,

    /// Print JSON: [{"schedule", "person", "start", "end"}, ...]
    #[arg(long)]
    pub json: bool,
}

/// One row of `oncall who --json`, exactly as the contract specifies.
#[derive(Debug, Serialize)]
pub struct WhoRow {
    pub schedule: String,
    pub person: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
}

pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let dir = ctx.load_at(args.rev.as_deref())?;
    let at = match &args.at {
        Some(s) => ctx.time(s)?,
        None => ctx.now,
    };
    let schedules = select(&dir, &args.schedules)?;
    let results: Vec<_> = schedules
        .iter()
        .map(|s| (*s, engine::around(s, at, who_limit())))
        .collect();

    if args.json {
        let rows: Vec<WhoRow> = results
            .iter()
            .map(|(s, a)| WhoRow {
                schedule: s.id.clone(),
                person: a.person.map(str::to_owned),
                start: a.start.map(rfc3339),
                end: a.end.map(rfc3339),
            })
            .collect();
        output::json(out, &rows)?;
        return Ok(ExitCode::SUCCESS);
    }

    let when = if args.at.is_some() { "at" } else { "now," };
    let rev = args
        .rev
        .as_deref()
        .map_or(String::new(), |r| format!(", as the schedules stood at {r}"));
    writeln!(
        out,
        "On call {when} {} ({}){rev}",
        at.with_timezone(&ctx.tz).format("%a %-d %b %Y %H:%M"),
        ctx.tz.name()
    )?;
    if schedules.is_empty() {
        writeln!(out, "no schedules yet: add a .toml file next to people.toml")?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut t = output::table(ctx, &["SCHEDULE", "ON CALL", "SINCE", "UNTIL", "NEXT"]);
    let mut gaps = Vec::new();
    for (s, a) in &results {
        let who = match a.person {
            Some(h) => cell(ctx, person_label(&dir, h), CellStyle::Strong),
            None => {
                gaps.push((s.id.as_str(), a.end));
                cell(ctx, "nobody", CellStyle::Alarm)
            }
        };
        let since = a.start.map_or_else(
            || "over a year ago".to_string(),
            |t| format!("{} ({})", short(t, at, &ctx.tz), relative(t, at)),
        );
        let until = a.end.map_or_else(
            || "over a year from now".to_string(),
            |t| format!("{} ({})", short(t, at, &ctx.tz), relative(t, at)),
        );
        let next = match a.next {
            Some(Some(h)) => h.to_string(),
            Some(None) => "nobody".to_string(),
            None => "—".to_string(),
        };
        t.add_row(vec![
            cell(ctx, &s.id, CellStyle::Plain),
            who,
            cell(ctx, since, CellStyle::Plain),
            cell(ctx, until, CellStyle::Plain),
            cell(ctx, next, CellStyle::Plain),
        ]);
    }
    output::print_table(out, &t)?;
    out.flush()?;
    for (id, end) in gaps {
        match end {
            Some(e) => ctx.warn(&format!(
                "nobody is on call for `{id}` until {} ({})",
                short(e, at, &ctx.tz),
                relative(e, at)
            )),
            None => ctx.warn(&format!("nobody is on call for `{id}`")),
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `alice (Alice Novak)`.
pub fn person_label(dir: &Directory, handle: &str) -> String {
    match dir.person(handle) {
        Some(p) => format!("{handle} ({})", p.name),
        None => handle.to_string(),
    }
}
