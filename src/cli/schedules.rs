//! `oncall schedules`: what schedules are defined, with layers and members.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::output::{self, cell, CellStyle};
use super::{CliError, Context};
use crate::model::Schedule;
use crate::timearg::{rfc3339, short};

/// List the schedules with their layers and overrides.
///
/// For each schedule: id, name, timezone, layers (rotation, start, members,
/// restrictions; the last listed wins) and overrides.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  oncall schedules
  oncall schedules --json | jq '.[].id'")]
pub struct Args {
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct ScheduleView<'a> {
    id: &'a str,
    name: &'a str,
    timezone: &'a str,
    layers: Vec<LayerView<'a>>,
    overrides: usize,
}

#[derive(Serialize)]
struct LayerView<'a> {
    name: &'a str,
    rotation: String,
    start: String,
    end: Option<String>,
    members: &'a [String],
    restrictions: Vec<String>,
}

fn view(s: &Schedule) -> ScheduleView<'_> {
    ScheduleView {
        id: &s.id,
        name: &s.name,
        timezone: s.timezone.name(),
        layers: s
            .layers
            .iter()
            .map(|l| LayerView {
                name: &l.name,
                rotation: l.rotation.to_string(),
                start: rfc3339(l.start),
                end: l.end.map(rfc3339),
                members: &l.members,
                restrictions: l.restrictions.iter().map(ToString::to_string).collect(),
            })
            .collect(),
        overrides: s.overrides.len(),
    }
}

pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let dir = ctx.load()?;
    if args.json {
        let views: Vec<_> = dir.schedules.iter().map(view).collect();
        output::json(out, &views)?;
        return Ok(ExitCode::SUCCESS);
    }
    if dir.schedules.is_empty() {
        writeln!(out, "no schedules yet: add a .toml file next to people.toml")?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut t = output::table(
        ctx,
        &[
            "SCHEDULE",
            "NAME",
            "TIMEZONE",
            "LAYERS (first listed at the bottom)",
            "OVERRIDES",
        ],
    );
    for s in &dir.schedules {
        let layers: Vec<String> = s
            .layers
            .iter()
            .rev()
            .map(|l| {
                let mut line = format!(
                    "{}: {} from {}, {}",
                    l.name,
                    l.rotation,
                    short(l.start, ctx.now, &s.timezone),
                    l.members.join(", ")
                );
                if !l.restrictions.is_empty() {
                    let r: Vec<String> = l.restrictions.iter().map(ToString::to_string).collect();
                    line.push_str(&format!(" [{}]", r.join("; ")));
                }
                if let Some(e) = l.end {
                    line.push_str(&format!(" until {}", short(e, ctx.now, &s.timezone)));
                }
                line
            })
            .collect();
        let upcoming = s.overrides.iter().filter(|o| o.end > ctx.now).count();
        t.add_row(vec![
            cell(ctx, &s.id, CellStyle::Strong),
            cell(ctx, &s.name, CellStyle::Plain),
            cell(ctx, s.timezone.name(), CellStyle::Plain),
            cell(ctx, layers.join("\n"), CellStyle::Plain),
            cell(
                ctx,
                format!("{} ({upcoming} current or upcoming)", s.overrides.len()),
                CellStyle::Plain,
            ),
        ]);
    }
    output::print_table(out, &t)?;
    Ok(ExitCode::SUCCESS)
}
