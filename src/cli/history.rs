//! `oncall history`: who changed what, when, why, and what it did.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::{CliError, Context};
use crate::engine;
use crate::load;
use crate::model::Directory;
use crate::store::Repo;
use crate::timearg::{parse_duration, rfc3339, short};

/// Show who changed what, when and why, with each change's effect.
///
/// For each commit touching the schedule directory: author, time, summary,
/// the user's words, and its effect on who is on call.
///
/// The effect is the semantic diff of the commit against its parent over
/// the horizon after the commit was made: the intervals whose person
/// changed, and on-call time gained or lost per person.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  oncall history
  oncall history platform/primary --limit 5
  oncall history --json")]
pub struct Args {
    /// Only changes that affect this schedule (or folder of schedules)
    #[arg(value_name = "SCHEDULE")]
    pub schedule: Option<String>,

    /// At most this many commits
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,

    /// How far after each commit to compute its effect
    #[arg(long, default_value = "180d", value_name = "DURATION")]
    pub horizon: String,

    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Entry {
    commit: String,
    short: String,
    author: String,
    email: String,
    time: String,
    summary: String,
    /// The message without the summary and trailers.
    body: String,
    action: Option<String>,
    trailers: Vec<(String, String)>,
    effect: Vec<Effect>,
}

#[derive(Serialize)]
struct Effect {
    schedule: String,
    start: String,
    end: String,
    before: Option<String>,
    after: Option<String>,
}

fn body(message: &str, trailers: &[(String, String)]) -> String {
    let mut lines: Vec<&str> = message.lines().skip(1).collect();
    while lines
        .last()
        .is_some_and(|l| l.trim().is_empty() || trailers.iter().any(|(k, _)| l.starts_with(&format!("{k}:"))))
    {
        lines.pop();
    }
    lines.join("\n").trim().to_string()
}

pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let horizon = parse_duration(&args.horizon).map_err(CliError::usage)?;
    let root = ctx.root()?;
    let repo = Repo::open(&root)?;
    let display_root = ctx.display_root(&root);
    let load_at = |id: Option<git2::Oid>| -> Result<Directory, CliError> {
        let files = match id {
            Some(id) => repo.read_at(&id.to_string())?,
            None => Vec::new(),
        };
        Ok(load::load_files(&root, &display_root, files).dir)
    };
    let selected = |id: &str| match &args.schedule {
        None => true,
        Some(s) => id == s || id.starts_with(&format!("{}/", s.trim_end_matches('/'))),
    };
    // Scan more commits than shown when filtering by schedule.
    let scan = if args.schedule.is_some() {
        args.limit.saturating_mul(20).max(200)
    } else {
        args.limit
    };
    let log = repo.log_all(scan)?;
    let mut entries = Vec::new();
    let mut loaded: std::collections::HashMap<Option<git2::Oid>, Directory> =
        std::collections::HashMap::new();
    for c in &log {
        if entries.len() >= args.limit {
            break;
        }
        // A commit's parent is usually the next commit listed: load each
        // revision once.
        for id in [Some(c.id), c.parent] {
            if let std::collections::hash_map::Entry::Vacant(e) = loaded.entry(id) {
                e.insert(load_at(id)?);
            }
        }
        let (after, before) = (&loaded[&Some(c.id)], &loaded[&c.parent]);
        let from = c.time.min(ctx.now);
        let to = from + horizon;
        let mut effect = Vec::new();
        for id in super::mutate::all_ids(before, after)
            .into_iter()
            .filter(|id| selected(id))
        {
            for ch in engine::diff(before.schedule(id), after.schedule(id), from, to) {
                effect.push(Effect {
                    schedule: id.to_string(),
                    start: rfc3339(ch.span.start),
                    end: rfc3339(ch.span.end),
                    before: ch.before.map(str::to_owned),
                    after: ch.after.map(str::to_owned),
                });
            }
        }
        let mentioned = c.trailer("Oncall-Schedule").is_some_and(&selected);
        if args.schedule.is_some() && effect.is_empty() && !mentioned {
            continue;
        }
        entries.push(Entry {
            commit: c.id.to_string(),
            short: c.short.clone(),
            author: c.author_name.clone(),
            email: c.author_email.clone(),
            time: rfc3339(c.time),
            summary: c.summary.clone(),
            body: body(&c.message, &c.trailers),
            action: c.trailer("Oncall-Action").map(str::to_owned),
            trailers: c.trailers.clone(),
            effect,
        });
    }
    if args.json {
        super::output::json(out, &entries)?;
        return Ok(ExitCode::SUCCESS);
    }
    if entries.is_empty() {
        writeln!(out, "no changes yet")?;
        return Ok(ExitCode::SUCCESS);
    }
    let st = ctx.out_styles();
    for e in &entries {
        let time = chrono::DateTime::parse_from_rfc3339(&e.time)
            .map(|t| t.with_timezone(&chrono::Utc))
            .unwrap_or(ctx.now);
        writeln!(
            out,
            "{}{}{:#} {} — {} ({})",
            st.location,
            e.short,
            st.location,
            e.summary,
            e.author,
            short(time, ctx.now, &ctx.tz)
        )?;
        if !e.body.is_empty() {
            for l in e.body.lines() {
                writeln!(out, "    {l}")?;
            }
        }
        let mut by_schedule: Vec<(&str, Vec<&Effect>)> = Vec::new();
        for ef in &e.effect {
            match by_schedule.last_mut() {
                Some((s, v)) if *s == ef.schedule => v.push(ef),
                _ => by_schedule.push((&ef.schedule, vec![ef])),
            }
        }
        for (s, effs) in by_schedule {
            let changes: Vec<engine::Change> = effs
                .iter()
                .filter_map(|ef| {
                    let p = |x: &str| {
                        chrono::DateTime::parse_from_rfc3339(x)
                            .ok()
                            .map(|t| t.with_timezone(&chrono::Utc))
                    };
                    Some(engine::Change {
                        span: engine::Span::new(p(&ef.start)?, p(&ef.end)?),
                        before: ef.before.as_deref(),
                        after: ef.after.as_deref(),
                    })
                })
                .collect();
            let deltas = super::mutate::deltas_text(&changes, "");
            let n = changes.len();
            writeln!(
                out,
                "    {s}: {n} interval{} changed{}",
                if n == 1 { "" } else { "s" },
                if deltas.is_empty() {
                    String::new()
                } else {
                    format!("; {deltas}")
                }
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
