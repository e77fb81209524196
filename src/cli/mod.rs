//! The command-line interface: argument types, the context every command
//! gets (clock, timezone, terminal, output), and dispatch.
//!
//! Each command lives in its own file with an `Args` struct (its doc
//! comments are the help text) and a `run` function. Nothing here computes
//! schedules: commands load the directory, ask the engine, and render.

mod completions;
mod diff_cmd;
mod error;
mod export;
mod history;
mod ics;
mod init;
mod man;
mod market;
mod mutate;
mod output;
mod override_cmd;
mod people;
mod roster;
mod schedules;
mod shifts;
mod swap;
mod undo;
mod validate;
mod vcard;
mod who;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, Timelike, Utc};
use chrono_tz::Tz;
use clap::{Parser, Subcommand, ValueEnum};

pub use error::{exit, CliError, Kind};

use crate::diag::{render_human, Styles};
use crate::load::{self, Loaded};
use crate::model::{Directory, Schedule};

const EXAMPLES: &str = "\
Examples:
  oncall who                          who is on call now, in every schedule
  oncall who platform --at 'next monday 09:00'
  oncall shifts platform/primary --from 2026-03-01 --to 2026-04-01
  oncall validate --format github     in CI, as annotations on a pull request

Exit codes: 0 success, 1 problems found (or the command failed), 2 usage error, 3 internal error.";

/// On-call rotations as plain TOML files in a git repository.
///
/// Schedules live in a directory with a `people.toml` and one TOML file per
/// schedule. `oncall` computes who is on call, to the minute, across time
/// zones and daylight saving changes.
#[derive(Debug, Parser)]
#[command(name = "oncall", version, after_help = EXAMPLES, max_term_width = 100)]
pub struct Cli {
    /// The schedule directory [default: the nearest folder, from here up,
    /// holding people.toml or schedules/people.toml]
    #[arg(long, global = true, env = "ONCALL_REPO", value_name = "DIR")]
    pub repo: Option<PathBuf>,

    /// When to use colour; NO_COLOR in the environment turns `auto` off
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Timezone to show times in and to read local TIMEs in [default: TZ, else the system's]
    #[arg(long, global = true, value_name = "IANA")]
    pub tz: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Who(who::Args),
    Shifts(shifts::Args),
    Schedules(schedules::Args),
    People(people::Args),
    Validate(validate::Args),
    Init(init::Args),
    Override(override_cmd::Args),
    Swap(swap::Args),
    Offer(market::OfferArgs),
    Offers(market::OffersArgs),
    Take(market::TakeArgs),
    Withdraw(market::WithdrawArgs),
    /// Change a layer's members without reshuffling the rotation
    #[command(subcommand)]
    Roster(roster::RosterCommand),
    Undo(undo::UndoArgs),
    Redo(undo::RedoArgs),
    History(history::Args),
    Diff(diff_cmd::Args),
    /// Export calendars (ICS) and contacts (vCard)
    #[command(subcommand)]
    Export(export::ExportCommand),
    Completions(completions::Args),
    Man(man::Args),
}

/// What every command may use: the clock, read once; the viewer's timezone;
/// where the schedule directory is; how to print.
pub struct Context {
    pub now: DateTime<Utc>,
    /// The viewer's timezone: output and local TIME arguments.
    pub tz: Tz,
    /// Colour on stdout.
    pub color: bool,
    /// Styles for stderr.
    pub err_styles: Styles,
    pub is_terminal: bool,
    pub cwd: PathBuf,
    pub repo: Option<PathBuf>,
    /// Who "you" are, from ONCALL_USER.
    pub user: Option<String>,
}

impl Context {
    /// Finds the schedule directory.
    pub fn root(&self) -> Result<PathBuf, CliError> {
        let found = match &self.repo {
            Some(p) => load::named_dir(&self.cwd.join(p)),
            None => load::discover(&self.cwd),
        };
        found.map_err(|e| {
            CliError::user(e.to_string())
                .hint("run oncall from inside a schedule directory, or pass --repo DIR (or set ONCALL_REPO)")
        })
    }

    /// How file names are shown: relative to the working directory when the
    /// schedule directory is below it.
    pub fn display_root(&self, root: &Path) -> String {
        match root.strip_prefix(&self.cwd) {
            Ok(rel) if rel.as_os_str().is_empty() => String::new(),
            Ok(rel) => format!("{}/", rel.display()),
            Err(_) => format!("{}/", root.display()),
        }
    }

    /// Loads the directory with every problem found, valid or not.
    pub fn load_all(&self) -> Result<Loaded, CliError> {
        self.load_all_at(None)
    }

    /// Loads the directory as in the working tree, or as it was at git
    /// revision `rev` (time travel).
    pub fn load_all_at(&self, rev: Option<&str>) -> Result<Loaded, CliError> {
        let root = self.root()?;
        let display_root = self.display_root(&root);
        match rev {
            None => load::load_path(&root, &display_root).map_err(|e| CliError::user(e.to_string())),
            Some(rev) => {
                let repo = crate::store::Repo::open(&root)?;
                let files = repo.read_at(rev)?;
                Ok(load::load_files(&root, &format!("{rev}:{display_root}"), files))
            }
        }
    }

    /// Loads the directory; files with errors stop the command.
    pub fn load(&self) -> Result<Directory, CliError> {
        self.load_at(None)
    }

    /// [`Context::load`] at a revision.
    pub fn load_at(&self, rev: Option<&str>) -> Result<Directory, CliError> {
        let loaded = self.load_all_at(rev)?;
        let (errors, _) = crate::diag::counts(&loaded.diagnostics);
        if errors > 0 {
            let mut e = CliError::user(format!(
                "the schedule directory has {errors} error{}",
                if errors == 1 { "" } else { "s" }
            ))
            .hint("fix them, then check with: oncall validate");
            e.diagnostics = loaded.diagnostics.into_iter().filter(|d| d.is_error()).collect();
            return Err(e);
        }
        Ok(loaded.dir)
    }

    /// Parses a TIME argument.
    pub fn time(&self, s: &str) -> Result<DateTime<Utc>, CliError> {
        crate::timearg::parse_time(s, self.now, &self.tz).map_err(CliError::usage)
    }

    /// Parses the end of a period: `+2d` counts from `start`.
    pub fn time_after(&self, s: &str, start: DateTime<Utc>) -> Result<DateTime<Utc>, CliError> {
        crate::timearg::parse_time_from(s, self.now, start, &self.tz).map_err(CliError::usage)
    }

    /// Styles for stdout.
    pub fn out_styles(&self) -> Styles {
        if self.color {
            Styles::colored()
        } else {
            Styles::default()
        }
    }

    /// Writes a warning to stderr.
    pub fn warn(&self, msg: &str) {
        let w = self.err_styles.warning;
        let _ = writeln!(std::io::stderr(), "{w}warning{w:#}: {msg}");
    }
}

/// The schedules named on the command line: an id, or a folder selecting
/// every schedule below it. None named: all of them.
pub fn select<'d>(dir: &'d Directory, names: &[String]) -> Result<Vec<&'d Schedule>, CliError> {
    if names.is_empty() {
        return Ok(dir.schedules.iter().collect());
    }
    let mut out: Vec<&Schedule> = Vec::new();
    for name in names {
        let name = name.trim_end_matches('/');
        let prefix = format!("{name}/");
        let found: Vec<&Schedule> = dir
            .schedules
            .iter()
            .filter(|s| s.id == name || s.id.starts_with(&prefix))
            .collect();
        if found.is_empty() {
            let mut e = CliError::usage(format!("no schedule `{name}`"));
            let ids = dir.schedules.iter().map(|s| s.id.as_str());
            if let Some(s) = crate::load::suggest_name(name, ids) {
                e = e.hint(format!("did you mean `{s}`?"));
            }
            return Err(e.hint("list them with: oncall schedules"));
        }
        for s in found {
            if !out.iter().any(|o| o.id == s.id) {
                out.push(s);
            }
        }
    }
    Ok(out)
}

/// One schedule by exact id.
pub fn select_one<'d>(dir: &'d Directory, name: &str) -> Result<&'d Schedule, CliError> {
    if let Some(s) = dir.schedule(name) {
        return Ok(s);
    }
    let found = select(dir, &[name.to_string()])?;
    let ids: Vec<&str> = found.iter().map(|s| s.id.as_str()).collect();
    Err(CliError::usage(format!(
        "`{name}` is a folder of {} schedules; name one",
        ids.len()
    ))
    .hint(format!("one of: {}", ids.join(", "))))
}

fn env_now() -> Result<DateTime<Utc>, CliError> {
    match std::env::var("ONCALL_NOW") {
        Ok(s) if !s.is_empty() => DateTime::parse_from_rfc3339(&s)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| CliError::usage(format!("ONCALL_NOW=`{s}` is not an RFC 3339 instant: {e}"))),
        // Whole seconds: instants in output and files stay readable.
        _ => Ok(Utc::now().with_nanosecond(0).unwrap_or_else(Utc::now)),
    }
}

/// Parses a timezone name given on the command line.
pub fn parse_tz(name: &str) -> Result<Tz, CliError> {
    name.parse::<Tz>().map_err(|_| {
        let mut e = CliError::usage(format!("unknown timezone `{name}`"));
        if let Some(s) = crate::load::suggest_name(name, chrono_tz::TZ_VARIANTS.iter().map(|t| t.name())) {
            e = e.hint(format!("did you mean `{s}`?"));
        }
        e
    })
}

/// The viewer's timezone: `--tz`, else `TZ`, else the system's, else UTC.
fn viewer_tz(flag: Option<&str>) -> Result<Tz, CliError> {
    if let Some(name) = flag {
        return parse_tz(name);
    }
    if let Ok(tz) = std::env::var("TZ") {
        let name = tz.trim_start_matches(':');
        let name = name.strip_prefix("/usr/share/zoneinfo/").unwrap_or(name);
        if let Ok(tz) = name.parse::<Tz>() {
            return Ok(tz);
        }
        if !name.is_empty() && name.contains('/') {
            let _ = writeln!(
                std::io::stderr(),
                "warning: TZ={tz} is not a timezone oncall knows; using the system's (pass --tz to choose)"
            );
        }
    }
    Ok(iana_time_zone::get_timezone()
        .ok()
        .and_then(|n| n.parse::<Tz>().ok())
        .unwrap_or(Tz::UTC))
}

fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Runs the command line of this process; the whole program.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { exit::USAGE } else { exit::OK });
        }
    };
    let stderr_color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color_env() && std::io::stderr().is_terminal(),
    };
    let err_styles = if stderr_color {
        Styles::colored()
    } else {
        Styles::default()
    };
    match run_cli(cli, err_styles) {
        Ok(code) => code,
        Err(e) if e.kind == Kind::Pipe => ExitCode::from(exit::OK),
        Err(e) => {
            let _ = std::io::stderr().write_all(e.render(&err_styles).as_bytes());
            e.exit_code()
        }
    }
}

fn run_cli(cli: Cli, err_styles: Styles) -> Result<ExitCode, CliError> {
    let is_terminal = std::io::stdout().is_terminal();
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color_env() && is_terminal,
    };
    let ctx = Context {
        now: env_now()?,
        tz: viewer_tz(cli.tz.as_deref())?,
        color,
        err_styles,
        is_terminal,
        cwd: std::env::current_dir()
            .map_err(|e| CliError::internal(format!("cannot read the working directory: {e}")))?,
        repo: cli.repo,
        user: std::env::var("ONCALL_USER").ok().filter(|u| !u.is_empty()),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let code = match &cli.command {
        Command::Who(a) => who::run(&ctx, a, &mut out),
        Command::Shifts(a) => shifts::run(&ctx, a, &mut out),
        Command::Schedules(a) => schedules::run(&ctx, a, &mut out),
        Command::People(a) => people::run(&ctx, a, &mut out),
        Command::Validate(a) => validate::run(&ctx, a, &mut out),
        Command::Override(a) => override_cmd::run(&ctx, a, &mut out),
        Command::Swap(a) => swap::run(&ctx, a, &mut out),
        Command::Undo(a) => undo::run_undo(&ctx, a, &mut out),
        Command::Redo(a) => undo::run_redo(&ctx, a, &mut out),
        Command::History(a) => history::run(&ctx, a, &mut out),
        Command::Diff(a) => diff_cmd::run(&ctx, a, &mut out),
        Command::Export(c) => export::run(&ctx, c, &mut out),
        Command::Completions(a) => completions::run(&ctx, a, &mut out),
        Command::Man(a) => man::run(&ctx, a, &mut out),
        Command::Offer(a) => market::run_offer(&ctx, a, &mut out),
        Command::Offers(a) => market::run_offers(&ctx, a, &mut out),
        Command::Take(a) => market::run_take(&ctx, a, &mut out),
        Command::Withdraw(a) => market::run_withdraw(&ctx, a, &mut out),
        Command::Roster(c) => roster::run(&ctx, c, &mut out),
        Command::Init(a) => init::run(&ctx, a, &mut out),
    }?;
    out.flush()?;
    Ok(code)
}

/// Renders diagnostics for stderr.
pub fn render_diagnostics(ds: &[crate::diag::Diagnostic], styles: &Styles) -> String {
    ds.iter().map(|d| render_human(d, styles) + "\n").collect()
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
