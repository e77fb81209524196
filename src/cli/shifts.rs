//! `oncall shifts`: the final shifts of one schedule in a window.

use std::io::Write;
use std::process::ExitCode;

use chrono::TimeDelta;

use super::output::{self, cell, CellStyle};
use super::who::person_label;
use super::{select_one, CliError, Context};
use crate::engine::{self, Shift};
use crate::timearg::{humanize, rfc3339, short};

/// List the final shifts of a schedule: who is on call from when to when.
///
/// Shifts are maximal: a stretch with the same person is one shift, however
/// many layers, turns or overrides make it up. Shifts are clipped to the
/// window. The table shows gaps (nobody on call) too; JSON leaves them out.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  oncall shifts platform/primary                      now to 14 days ahead
  oncall shifts payments --from 2026-03-01 --to 2026-04-01
  oncall shifts payments --person alice --from 'next monday' --to +30d
  oncall shifts payments --json

TIME: RFC 3339 (2026-03-02T09:00:00+01:00), a local 2026-03-02 09:00 or 2026-03-02
(in --tz), now, +2h, -30m, +1d, tomorrow 09:00, next monday 09:00.")]
pub struct Args {
    /// The schedule id
    #[arg(value_name = "SCHEDULE")]
    pub schedule: String,

    /// Start of the window [default: now]
    #[arg(long, allow_hyphen_values = true, value_name = "TIME")]
    pub from: Option<String>,

    /// End of the window [default: 14 days after --from]
    #[arg(long, allow_hyphen_values = true, value_name = "TIME")]
    pub to: Option<String>,

    /// Only this person's shifts
    #[arg(long, value_name = "HANDLE")]
    pub person: Option<String>,

    /// Read the schedules as they were at this git revision (time travel)
    #[arg(long, value_name = "REV")]
    pub rev: Option<String>,

    /// Print JSON: [{"person", "start", "end"}, ...]
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, serde::Serialize)]
struct ShiftRow<'a> {
    person: &'a str,
    start: String,
    end: String,
}

pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let dir = ctx.load_at(args.rev.as_deref())?;
    let schedule = select_one(&dir, &args.schedule)?;
    let from = match &args.from {
        Some(s) => ctx.time(s)?,
        None => ctx.now,
    };
    let to = match &args.to {
        Some(s) => ctx.time_after(s, from)?,
        None => from + TimeDelta::days(14),
    };
    if to <= from {
        return Err(CliError::usage("--to must be after --from"));
    }
    if let Some(p) = &args.person {
        if dir.person(p).is_none() {
            let mut e = CliError::usage(format!("no person `{p}` in people.toml"));
            if let Some(s) = crate::load::suggest_name(p, dir.people.iter().map(|p| p.handle.as_str())) {
                e = e.hint(format!("did you mean `{s}`?"));
            }
            return Err(e);
        }
    }
    let keep = |person: Option<&str>| args.person.as_deref().is_none_or(|p| person == Some(p));

    if args.json {
        let shifts: Vec<Shift> = engine::shifts(schedule, from, to);
        let rows: Vec<ShiftRow> = shifts
            .iter()
            .filter(|s| keep(Some(&s.person)))
            .map(|s| ShiftRow {
                person: &s.person,
                start: rfc3339(s.start),
                end: rfc3339(s.end),
            })
            .collect();
        output::json(out, &rows)?;
        return Ok(ExitCode::SUCCESS);
    }

    writeln!(
        out,
        "{} ({}): {} – {} ({})",
        schedule.name,
        schedule.id,
        short(from, ctx.now, &ctx.tz),
        short(to, ctx.now, &ctx.tz),
        ctx.tz.name()
    )?;
    let mut t = output::table(ctx, &["FROM", "TO", "LENGTH", "ON CALL"]);
    let mut rows = 0;
    for b in engine::timeline(schedule, from, to) {
        if args.person.is_some() && !keep(b.person) {
            continue;
        }
        let who = match b.person {
            Some(h) => cell(ctx, person_label(&dir, h), CellStyle::Strong),
            None => cell(ctx, "nobody", CellStyle::Alarm),
        };
        t.add_row(vec![
            cell(ctx, short(b.span.start, ctx.now, &ctx.tz), CellStyle::Plain),
            cell(ctx, short(b.span.end, ctx.now, &ctx.tz), CellStyle::Plain),
            cell(ctx, humanize(b.span.duration()), CellStyle::Dim),
            who,
        ]);
        rows += 1;
    }
    if rows == 0 {
        writeln!(out, "no shifts in this window")?;
    } else {
        output::print_table(out, &t)?;
    }
    Ok(ExitCode::SUCCESS)
}
