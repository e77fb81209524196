//! `oncall people`: who can be on call, how to reach them, and where.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::output::{self, cell, CellStyle};
use super::{CliError, Context};
use crate::model::Directory;

/// List the people with their contact methods and schedules.
///
/// For each person: handle, name, timezone, contact methods, and the
/// schedules they appear in.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  oncall people
  oncall people --json")]
pub struct Args {
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct PersonView<'a> {
    handle: &'a str,
    name: &'a str,
    email: Option<&'a str>,
    phone: Option<&'a str>,
    slack: Option<&'a str>,
    timezone: Option<&'a str>,
    schedules: Vec<&'a str>,
}

fn schedules_of<'d>(dir: &'d Directory, handle: &str) -> Vec<&'d str> {
    dir.schedules
        .iter()
        .filter(|s| {
            s.layers.iter().any(|l| l.members.iter().any(|m| m == handle))
                || s.overrides.iter().any(|o| o.who == handle)
        })
        .map(|s| s.id.as_str())
        .collect()
}

pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let dir = ctx.load()?;
    let views: Vec<PersonView> = dir
        .people
        .iter()
        .map(|p| PersonView {
            handle: &p.handle,
            name: &p.name,
            email: p.email.as_deref(),
            phone: p.phone.as_deref(),
            slack: p.slack.as_deref(),
            timezone: p.timezone.as_ref().map(|t| t.name()),
            schedules: schedules_of(&dir, &p.handle),
        })
        .collect();
    if args.json {
        output::json(out, &views)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut t = output::table(ctx, &["HANDLE", "NAME", "TIMEZONE", "CONTACT", "SCHEDULES"]);
    for v in &views {
        let mut contact = Vec::new();
        if let Some(e) = v.email {
            contact.push(format!("email {e}"));
        }
        if let Some(p) = v.phone {
            contact.push(format!("phone {p}"));
        }
        if let Some(s) = v.slack {
            contact.push(format!("slack {s}"));
        }
        let contact = if contact.is_empty() {
            cell(ctx, "none", CellStyle::Alarm)
        } else {
            cell(ctx, contact.join("\n"), CellStyle::Plain)
        };
        t.add_row(vec![
            cell(ctx, v.handle, CellStyle::Strong),
            cell(ctx, v.name, CellStyle::Plain),
            cell(ctx, v.timezone.unwrap_or("—"), CellStyle::Plain),
            contact,
            cell(
                ctx,
                if v.schedules.is_empty() {
                    "—".to_string()
                } else {
                    v.schedules.join("\n")
                },
                CellStyle::Plain,
            ),
        ]);
    }
    output::print_table(out, &t)?;
    Ok(ExitCode::SUCCESS)
}
