//! `oncall diff`: the semantic diff between two revisions.

use std::io::Write;
use std::process::ExitCode;

use clap::ValueEnum;
use serde::Serialize;

use super::mutate::deltas_text;
use super::{CliError, Context};
use crate::engine::{self, time_delta};
use crate::load;
use crate::model::Directory;
use crate::store::Repo;
use crate::timearg::{parse_duration, rfc3339, short};

/// Show where two revisions put different people on call.
///
/// For each schedule, the intervals within the horizon whose person differs,
/// and on-call time gained or lost per person.
///
/// With no revision: HEAD against the working tree. With one: that revision
/// against the working tree. With two: the first against the second.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  oncall diff                                  your uncommitted edits
  oncall diff HEAD~1 HEAD                      the latest commit
  oncall diff origin/main HEAD --format markdown   a comment for a pull request review
  oncall diff HEAD platform --horizon 30d")]
pub struct Args {
    /// Up to two revisions, then schedule ids (or folders)
    #[arg(value_name = "REV_OR_SCHEDULE")]
    pub args: Vec<String>,

    /// How far ahead from now to compare
    #[arg(long, default_value = "90d", value_name = "DURATION")]
    pub horizon: String,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Markdown,
}

#[derive(Serialize)]
struct Report {
    from: String,
    to: String,
    before: String,
    after: String,
    schedules: Vec<ScheduleDiff>,
}

#[derive(Serialize)]
struct ScheduleDiff {
    schedule: String,
    changes: Vec<ChangeView>,
    /// Hours gained (positive) or lost (negative) per person.
    hours: std::collections::BTreeMap<String, f64>,
}

#[derive(Serialize)]
struct ChangeView {
    start: String,
    end: String,
    before: Option<String>,
    after: Option<String>,
}

pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let horizon = parse_duration(&args.horizon).map_err(CliError::usage)?;
    let root = ctx.root()?;
    let repo = Repo::open(&root)?;
    let display_root = ctx.display_root(&root);
    let mut revs = Vec::new();
    let mut names = Vec::new();
    for a in &args.args {
        if names.is_empty() && revs.len() < 2 && repo.resolve(a).is_ok() {
            revs.push(a.clone());
        } else {
            names.push(a.clone());
        }
    }
    let load_rev = |rev: &str| -> Result<Directory, CliError> {
        let loaded = load::load_files(&root, &display_root, repo.read_at(rev)?);
        Ok(loaded.dir)
    };
    let worktree = || -> Result<Directory, CliError> { Ok(ctx.load_all()?.dir) };
    let (before_name, before, after_name, after) = match revs.as_slice() {
        [] => (
            "HEAD".to_string(),
            load_rev("HEAD")?,
            "working tree".to_string(),
            worktree()?,
        ),
        [a] => (a.clone(), load_rev(a)?, "working tree".to_string(), worktree()?),
        [a, b, ..] => (a.clone(), load_rev(a)?, b.clone(), load_rev(b)?),
    };
    let from = ctx.now;
    let to = from + horizon;
    let ids = super::mutate::all_ids(&before, &after);
    for n in &names {
        let n = n.trim_end_matches('/');
        if !ids.iter().any(|id| *id == n || id.starts_with(&format!("{n}/"))) {
            return Err(CliError::usage(format!(
                "`{n}` is neither a revision nor a schedule"
            )));
        }
    }
    let selected = |id: &str| {
        names.is_empty()
            || names.iter().any(|n| {
                let n = n.trim_end_matches('/');
                id == n || id.starts_with(&format!("{n}/"))
            })
    };
    let mut report = Report {
        from: rfc3339(from),
        to: rfc3339(to),
        before: before_name.clone(),
        after: after_name.clone(),
        schedules: Vec::new(),
    };
    let mut diffs = Vec::new();
    for id in ids.into_iter().filter(|id| selected(id)) {
        let changes = engine::diff(before.schedule(id), after.schedule(id), from, to);
        if changes.is_empty() {
            continue;
        }
        report.schedules.push(ScheduleDiff {
            schedule: id.to_string(),
            changes: changes
                .iter()
                .map(|c| ChangeView {
                    start: rfc3339(c.span.start),
                    end: rfc3339(c.span.end),
                    before: c.before.map(str::to_owned),
                    after: c.after.map(str::to_owned),
                })
                .collect(),
            hours: time_delta(&changes)
                .into_iter()
                .map(|(p, d)| (p.to_string(), d.num_minutes() as f64 / 60.0))
                .collect(),
        });
        diffs.push((id, changes));
    }
    let when = |t| short(t, ctx.now, &ctx.tz);
    match args.format {
        Format::Json => super::output::json(out, &report)?,
        Format::Human => {
            writeln!(
                out,
                "{before_name} → {after_name}, {} – {} ({})",
                when(from),
                when(to),
                ctx.tz.name()
            )?;
            if diffs.is_empty() {
                writeln!(out, "no change in who is on call")?;
            }
            for (id, changes) in &diffs {
                writeln!(out, "{id}:")?;
                for c in changes {
                    writeln!(
                        out,
                        "  {} – {}: {} → {}",
                        when(c.span.start),
                        when(c.span.end),
                        c.before.unwrap_or("nobody"),
                        c.after.unwrap_or("nobody")
                    )?;
                }
                let deltas = deltas_text(changes, "");
                if !deltas.is_empty() {
                    writeln!(out, "  on-call time: {deltas}")?;
                }
            }
        }
        Format::Markdown => {
            writeln!(
                out,
                "### On-call changes: `{before_name}` → `{after_name}`\n\nFrom {} to {} ({}).\n",
                when(from),
                when(to),
                ctx.tz.name()
            )?;
            if diffs.is_empty() {
                writeln!(out, "No change in who is on call.")?;
            }
            for (id, changes) in &diffs {
                writeln!(
                    out,
                    "#### `{id}`\n\n| from | to | before | after |\n|---|---|---|---|"
                )?;
                for c in changes {
                    writeln!(
                        out,
                        "| {} | {} | {} | {} |",
                        when(c.span.start),
                        when(c.span.end),
                        c.before.unwrap_or("*nobody*"),
                        c.after.unwrap_or("*nobody*")
                    )?;
                }
                let deltas = deltas_text(changes, "**");
                if !deltas.is_empty() {
                    writeln!(out, "\nOn-call time: {deltas}")?;
                }
                writeln!(out)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
