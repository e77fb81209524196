//! `oncall override`: someone covers a period.

use std::io::Write;
use std::process::ExitCode;

use super::mutate::{apply, nonce, toml_instant, Change, MutateArgs, Workspace};
use super::{select_one, CliError, Context};
use crate::engine;
use crate::load::OVERRIDES_DIR;
use crate::model::Override;
use crate::store::FileChange;

/// Put someone on call for a period, above every layer: a committed override.
///
/// The override is recorded as a file of its own under
/// .oncall/overrides/SCHEDULE/, so changes made in two clones merge without
/// conflicts. It counts after the schedule file's own overrides, in the order
/// overrides were made.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  oncall override platform/primary --who bob --from '2026-03-02 09:00' --to '2026-03-09 09:00'
  oncall override payments --who alice --from now --to +4h --reason 'covering the release'
  oncall override payments --who alice --from tomorrow --to +2d --dry-run")]
pub struct Args {
    /// The schedule id
    #[arg(value_name = "SCHEDULE")]
    pub schedule: String,

    /// Who is on call
    #[arg(long, value_name = "HANDLE")]
    pub who: String,

    /// Start of the override
    #[arg(long, allow_hyphen_values = true, value_name = "TIME")]
    pub from: String,

    /// End of the override (exclusive)
    #[arg(long, allow_hyphen_values = true, value_name = "TIME")]
    pub to: String,

    /// Why (kept in the file and the commit)
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,

    #[command(flatten)]
    pub mutate: MutateArgs,
}

/// Renders the TOML of an override change file.
pub fn override_file(header: &str, overrides: &[Override]) -> Vec<u8> {
    let mut doc = toml_edit::DocumentMut::new();
    let mut aot = toml_edit::ArrayOfTables::new();
    for o in overrides {
        let mut t = toml_edit::Table::new();
        t["who"] = toml_edit::value(o.who.as_str());
        t["start"] = toml_edit::value(toml_instant(o.start));
        t["end"] = toml_edit::value(toml_instant(o.end));
        if let Some(r) = &o.replaces {
            t["replaces"] = toml_edit::value(r.as_str());
        }
        if let Some(r) = &o.reason {
            t["reason"] = toml_edit::value(r.as_str());
        }
        if let Some(c) = &o.created_by {
            t["created_by"] = toml_edit::value(c.as_str());
        }
        if let Some(c) = &o.created_at {
            if let Ok(d) = c.parse::<toml_edit::Datetime>() {
                t["created_at"] = toml_edit::value(d);
            }
        }
        aot.push(t);
    }
    doc["overrides"] = toml_edit::Item::ArrayOfTables(aot);
    let comment: String = header.lines().map(|l| format!("# {l}\n")).collect();
    format!("{comment}\n{doc}").into_bytes()
}

/// The path of a new override change file.
pub fn override_path(schedule: &str, now: chrono::DateTime<chrono::Utc>, what: &str) -> String {
    format!(
        "{OVERRIDES_DIR}/{schedule}/{}-{what}-{}.toml",
        now.format("%Y%m%dT%H%M%SZ"),
        nonce()
    )
}

pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let ws = Workspace::open(ctx)?;
    let dir = ws.dir();
    let s = select_one(dir, &args.schedule)?;
    let who = super::mutate::whoami(ctx, dir, Some(&args.who))?;
    let from = ctx.time(&args.from)?;
    let to = ctx.time_after(&args.to, from)?;
    if to <= from {
        return Err(CliError::usage("--to must be after --from"));
    }
    if to <= ctx.now && !args.mutate.force {
        return Err(
            CliError::user("this override ends in the past: it rewrites history")
                .hint("pass --force if that is what you want"),
        );
    }
    // The past is not rewritten: an override that started already starts now.
    let from = if from < ctx.now && !args.mutate.force {
        writeln!(
            out,
            "note: the override starts now, not in the past (--force to rewrite history)"
        )?;
        ctx.now
    } else {
        from
    };
    // Who it replaces, for the record: the person on call at its start.
    let replaces = engine::timeline(s, from, to)
        .into_iter()
        .filter_map(|b| b.person)
        .find(|p| *p != who)
        .map(str::to_owned);
    let tz = s.timezone;
    let summary = format!(
        "override {}: {who} on call {}",
        s.id,
        crate::timearg::range(from, to, ctx.now, &tz)
    );
    let o = Override {
        who: who.clone(),
        start: from,
        end: to,
        reason: args.reason.clone(),
        replaces,
        created_by: Some(author_name(ctx, &args.mutate)),
        created_at: Some(super::mutate::toml_instant(ctx.now).to_string()),
    };
    let path = override_path(&s.id, ctx.now, &who);
    let content = override_file(&format!("Made by `oncall override`: {summary}"), &[o]);
    let change = Change {
        summary,
        action: "override",
        trailers: vec![("Oncall-Schedule", s.id.clone()), ("Oncall-Who", who.clone())],
        files: vec![FileChange::Write { path, content }],
        window: (from, to),
        reason: args.reason.clone(),
    };
    apply(ctx, &ws, &args.mutate, change, out, None)?;
    Ok(ExitCode::SUCCESS)
}

/// Who is making the change, for `created_by`: the author's name.
pub fn author_name(ctx: &Context, args: &MutateArgs) -> String {
    if let Some(a) = &args.author {
        return a.split('<').next().unwrap_or(a).trim().to_string();
    }
    if let Some(u) = &ctx.user {
        return u.clone();
    }
    ctx.root()
        .ok()
        .and_then(|r| git2::Repository::discover(r).ok())
        .and_then(|r| r.config().ok())
        .and_then(|c| c.get_string("user.name").ok())
        .unwrap_or_else(|| "unknown".into())
}
