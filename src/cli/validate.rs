//! `oncall validate`: everything that can be wrong with the directory.

use std::io::Write;
use std::process::ExitCode;

use chrono::TimeDelta;
use clap::ValueEnum;
use serde::Serialize;

use super::{exit, CliError, Context};
use crate::diag::{counts, render_github, render_human, Diagnostic, Styles};

/// Check the schedule directory for errors, and for problems over time.
///
/// Checks every file, and what the schedules do over the coming horizon.
///
/// Errors (exit 1): TOML syntax, unknown fields, wrong types, unknown people
/// or timezones, bad rotation, time or day strings, empty lists, ends not
/// after starts, invalid or duplicate handles. Warnings (exit 0, or 1 with
/// --strict): gaps in coverage, overlapping overrides, a person on call in
/// two schedules at once, members who never get on-call time, handoffs at
/// wall times that do not exist or happen twice, people without a contact
/// method, overrides whose `replaces` is not on call.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  oncall validate
  oncall validate --horizon 30d --strict
  oncall validate --format github        # annotations in a GitHub Actions job

Exit codes: 0 clean (warnings allowed without --strict), 1 errors (or warnings with --strict), 2 usage error.")]
pub struct Args {
    /// How far ahead from now to look for gaps and other problems in time
    #[arg(long, value_name = "DURATION", default_value = "90d")]
    pub horizon: String,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Check the directory as it was at this git revision
    #[arg(long, value_name = "REV")]
    pub rev: Option<String>,

    /// Treat warnings as errors (exit 1)
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
}

#[derive(Serialize)]
struct Report<'a> {
    valid: bool,
    errors: usize,
    warnings: usize,
    files: usize,
    schedules: usize,
    people: usize,
    diagnostics: &'a [Diagnostic],
}

pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let horizon: TimeDelta = crate::timearg::parse_duration(&args.horizon).map_err(CliError::usage)?;
    let loaded = ctx.load_all_at(args.rev.as_deref())?;
    let mut diags = loaded.diagnostics.clone();
    // What the schedules do over time is only worth checking once every file
    // reads cleanly; before that, the checks would mostly echo the errors.
    let checked_in_time = !loaded.has_errors();
    if checked_in_time {
        diags.extend(crate::check::check(
            &loaded.dir,
            &loaded.origins,
            ctx.now,
            horizon,
        ));
    }
    let (errors, warnings) = counts(&diags);
    let failed = errors > 0 || (args.strict && warnings > 0);
    match args.format {
        Format::Json => super::output::json(
            out,
            &Report {
                valid: !failed,
                errors,
                warnings,
                files: loaded.files,
                schedules: loaded.dir.schedules.len(),
                people: loaded.dir.people.len(),
                diagnostics: &diags,
            },
        )?,
        Format::Github => {
            for d in &diags {
                writeln!(out, "{}", render_github(d))?;
            }
            writeln!(out, "{}", summary(errors, warnings, &loaded, checked_in_time))?;
        }
        Format::Human => {
            let styles = if ctx.color {
                Styles::colored()
            } else {
                Styles::default()
            };
            for d in &diags {
                writeln!(out, "{}", render_human(d, &styles))?;
            }
            writeln!(out, "{}", summary(errors, warnings, &loaded, checked_in_time))?;
        }
    }
    Ok(ExitCode::from(if failed { exit::FAILURE } else { exit::OK }))
}

fn summary(errors: usize, warnings: usize, loaded: &crate::load::Loaded, checked_in_time: bool) -> String {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    format!(
        "checked {} ({}, {}): {}, {}{}",
        plural(loaded.files, "file"),
        plural(loaded.dir.schedules.len(), "valid schedule"),
        if loaded.dir.people.len() == 1 {
            "1 person".to_string()
        } else {
            format!("{} people", loaded.dir.people.len())
        },
        plural(errors, "error"),
        plural(warnings, "warning"),
        if checked_in_time {
            ""
        } else {
            " (gaps, overlaps and other checks over time run once the errors are fixed)"
        }
    )
}
