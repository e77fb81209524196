//! `oncall init`: a new schedule directory with a git repository.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::mutate::{message, Change, MutateArgs};
use super::{CliError, Context};
use crate::load::{self, PEOPLE_FILE, SETTINGS_FILE};
use crate::store::{FileChange, Repo};

/// Create a schedule directory in a new git repository.
///
/// Writes people.toml, oncall.toml and a first schedule, and commits them.
///
/// At a terminal, asks for what the flags leave out. --example writes a
/// small working example (a primary and a secondary rotation) instead.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  oncall init                       here, asking questions at a terminal
  oncall init ops/oncall --example  a working example to start from
  oncall init team --timezone Europe/Prague --people alice,bob,carol --yes
  oncall init team --example --dry-run")]
pub struct Args {
    /// The directory [default: the current one]
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Write a small working example
    #[arg(long)]
    pub example: bool,

    /// The default timezone of the schedules [default: --tz, TZ or the system's]
    #[arg(long, value_name = "IANA")]
    pub timezone: Option<String>,

    /// Handles of the first people, comma-separated (a weekly rotation of them is created)
    #[arg(long, value_name = "HANDLES", value_delimiter = ',')]
    pub people: Vec<String>,

    #[command(flatten)]
    pub mutate: MutateArgs,
}

const EXAMPLE_PEOPLE: &str = include_str!("../../examples/patterns/primary-secondary/people.toml");
const EXAMPLE_PRIMARY: &str = include_str!("../../examples/patterns/primary-secondary/primary.toml");
const EXAMPLE_SECONDARY: &str = include_str!("../../examples/patterns/primary-secondary/secondary.toml");

fn quote(s: &str) -> String {
    toml_edit::Value::from(s).to_string()
}

/// The files of a new directory for `people` in `tz`.
fn starter(people: &[String], tz: &str, ctx: &Context) -> Vec<(String, String)> {
    let mut p = String::from(
        "# The people who can be on call. The table name is the handle;\n# only `name` is required.\n",
    );
    for h in people {
        p.push_str(&format!("\n[{h}]\nname = {}\n# email = \"{h}@example.com\"\n# phone = \"+15555550100\"   # E.164\n# slack = \"U0123456\"\n# timezone = {}\n", quote(h), quote(tz)));
    }
    if people.is_empty() {
        p.push_str("\n# [alice]\n# name = \"Alice Novak\"\n# email = \"alice@example.com\"\n");
    }
    let mut files = vec![
        (PEOPLE_FILE.to_string(), p),
        (
            SETTINGS_FILE.to_string(),
            format!(
                "# Settings for the whole directory.\ndefault_timezone = {}\n",
                quote(tz)
            ),
        ),
    ];
    if !people.is_empty() {
        // Start at the latest Monday 09:00 that has passed, a week at a time,
        // so someone is on call from the first minute.
        let zone: chrono_tz::Tz = tz.parse().unwrap_or(chrono_tz::UTC);
        let now_local = crate::engine::local(&zone, ctx.now);
        let today = now_local.date();
        let back = chrono::Datelike::weekday(&today).num_days_from_monday();
        let mut monday = today - chrono::Days::new(u64::from(back));
        if monday == today && now_local.time() < chrono::NaiveTime::from_hms_opt(9, 0, 0).expect("09:00") {
            monday = monday - chrono::Days::new(7);
        }
        let members: Vec<String> = people.iter().map(|h| quote(h)).collect();
        files.push((
            "primary.toml".to_string(),
            format!(
                "# A weekly rotation handing off on Mondays at 09:00 ({tz}).\nname = \"Primary\"\n\n[[layers]]\nname = \"weekly\"\nstart = {}T09:00:00\nrotation = \"1w\"\nmembers = [{}]\n",
                monday.format("%Y-%m-%d"),
                members.join(", ")
            ),
        ));
    }
    files
}

pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let dir = ctx
        .cwd
        .join(args.dir.clone().unwrap_or_else(|| PathBuf::from(".")));
    if dir.join(PEOPLE_FILE).exists() {
        return Err(CliError::user(format!(
            "{} is already a schedule directory",
            dir.display()
        )));
    }
    let interactive = !args.mutate.yes
        && !args.mutate.dry_run
        && !args.example
        && std::io::stdin().is_terminal()
        && std::io::stderr().is_terminal();
    let mut tz = args.timezone.clone().unwrap_or_else(|| ctx.tz.name().to_string());
    let mut people = args.people.clone();
    if interactive {
        let err = |e: dialoguer::Error| CliError::internal(format!("cannot read the answer: {e}"));
        tz = dialoguer::Input::new()
            .with_prompt("Timezone of the schedules")
            .default(tz)
            .validate_with(|s: &String| {
                s.parse::<chrono_tz::Tz>()
                    .map(|_| ())
                    .map_err(|_| "not an IANA timezone name")
            })
            .interact_text()
            .map_err(err)?;
        if people.is_empty() {
            let answer: String = dialoguer::Input::new()
                .with_prompt("Handles of the people on call, comma-separated (empty: none yet)")
                .allow_empty(true)
                .validate_with(|s: &String| {
                    match s
                        .split(',')
                        .map(str::trim)
                        .find(|h| !h.is_empty() && !crate::model::is_valid_handle(h))
                    {
                        Some(_) => Err(
                            "handles are lowercase letters, digits, `.`, `_` and `-`, like alice or j.doe",
                        ),
                        None => Ok(()),
                    }
                })
                .interact_text()
                .map_err(err)?;
            people = answer
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
        }
    }
    super::parse_tz(&tz)?;
    for h in &people {
        if !crate::model::is_valid_handle(h) {
            return Err(CliError::usage(format!(
                "invalid handle `{h}`: use lowercase letters, digits, `.`, `_` and `-`"
            )));
        }
    }
    let files: Vec<(String, String)> = if args.example {
        vec![
            (PEOPLE_FILE.to_string(), EXAMPLE_PEOPLE.to_string()),
            ("primary.toml".to_string(), EXAMPLE_PRIMARY.to_string()),
            ("secondary.toml".to_string(), EXAMPLE_SECONDARY.to_string()),
        ]
    } else {
        starter(&people, &tz, ctx)
    };
    // The new directory must be valid before anything is written.
    let sources = files
        .iter()
        .map(|(p, c)| load::SourceFile {
            rel: p.clone(),
            bytes: c.clone().into_bytes(),
        })
        .collect();
    let loaded = load::load_files(&dir, "", sources);
    if loaded.has_errors() {
        let mut e = CliError::internal("the starter files do not validate");
        e.diagnostics = loaded.diagnostics;
        return Err(e);
    }
    std::fs::create_dir_all(&dir)
        .map_err(|e| CliError::user(format!("cannot create {}: {e}", dir.display())))?;
    let repo = Repo::init(&dir)?;
    repo.check_ready()?;
    let _lock = repo.lock()?;
    let sig = repo.signature(args.mutate.author.as_deref(), ctx.now)?;
    let change = Change {
        summary: format!(
            "init: schedule directory{}",
            if args.example { " (example)" } else { "" }
        ),
        action: "init",
        trailers: Vec::new(),
        files: files
            .into_iter()
            .map(|(path, c)| FileChange::Write {
                path,
                content: c.into_bytes(),
            })
            .collect(),
        window: (ctx.now, ctx.now),
        reason: None,
    };
    let id = repo.commit_changes(
        &change.files,
        &message(&change, args.mutate.message.as_deref()),
        &sig,
    )?;
    let info = repo.commit_info(id)?;
    writeln!(
        out,
        "created a schedule directory in {} (commit {})",
        dir.display(),
        info.short
    )?;
    for f in &change.files {
        writeln!(out, "  {}", f.path())?;
    }
    writeln!(
        out,
        "next: edit people.toml, then run `oncall validate` and `oncall who`"
    )?;
    Ok(ExitCode::SUCCESS)
}
