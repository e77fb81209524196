//! What every command that changes the repository shares: the flags, the
//! workspace (lock, current state, validation of the state after the
//! change), the preview as a semantic diff, and the commit.
//!
//! The order is fixed: take the lock, read, compute the change in memory,
//! load the directory as it would be after it (refuse on any error), show
//! the effect, then — unless `--dry-run` — let the store write and commit
//! exactly the changed files.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use chrono::{DateTime, Offset, TimeDelta, TimeZone, Utc};

use super::{CliError, Context};
use crate::diag::render_human;
use crate::engine::{self, time_delta};
use crate::load::{self, Loaded, SourceFile};
use crate::model::{Directory, Schedule};
use crate::store::{FileChange, Lock, Repo, StoreError};
use crate::timearg::{humanize, short};

/// Flags shared by every mutating command.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct MutateArgs {
    /// Show the change and its effect, write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Answer yes to any confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,

    /// Your own words for the commit message
    #[arg(long, short = 'm', value_name = "TEXT")]
    pub message: Option<String>,

    /// Commit author, "Name <email>" [default: ONCALL_AUTHOR, else git config]
    #[arg(long, value_name = "AUTHOR", env = "ONCALL_AUTHOR")]
    pub author: Option<String>,

    /// Allow changes that rewrite the past
    #[arg(long)]
    pub force: bool,
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        let hint = match &e {
            StoreError::Dirty { .. } => {
                Some("oncall never commits edits it did not make: commit or stash yours first")
            }
            StoreError::NotARepo { .. } => {
                Some("oncall records changes as git commits: run `git init` and commit the directory first")
            }
            StoreError::Conflict { .. } => {
                Some("later commits changed the same lines; change them by hand instead")
            }
            _ => None,
        };
        let mut err = CliError::user(e.to_string());
        if let Some(h) = hint {
            err = err.hint(h);
        }
        err
    }
}

/// A schedule directory in a git repository, locked for a change.
pub struct Workspace {
    pub root: PathBuf,
    pub display_root: String,
    pub repo: Repo,
    pub files: Vec<SourceFile>,
    pub loaded: Loaded,
    _lock: Lock,
}

impl Workspace {
    /// Opens the repository, takes its lock, and reads the committed state
    /// (HEAD), which must be free of errors. Changes are computed on what is
    /// committed, not on uncommitted edits, because what is committed is what
    /// every clone will see.
    pub fn open(ctx: &Context) -> Result<Workspace, CliError> {
        Workspace::open_with(ctx, false)
    }

    /// [`Workspace::open`] that accepts a committed state with errors (for
    /// `undo` and `redo`, which may be what repairs it).
    pub fn open_with(ctx: &Context, allow_errors: bool) -> Result<Workspace, CliError> {
        let root = ctx.root()?;
        let repo = Repo::open(&root)?;
        repo.check_ready()?;
        let lock = repo.lock()?;
        let display_root = ctx.display_root(&root);
        let files = repo.read_at("HEAD")?;
        let loaded = load::load_files(&root, &display_root, files.clone());
        if loaded.has_errors() && !allow_errors {
            let mut e = CliError::user(
                "the committed schedule directory (HEAD) has errors; fix them before changing it",
            )
            .hint("see them with: oncall validate --rev HEAD");
            e.diagnostics = loaded.diagnostics.into_iter().filter(|d| d.is_error()).collect();
            return Err(e);
        }
        Ok(Workspace {
            root,
            display_root,
            repo,
            files,
            loaded,
            _lock: lock,
        })
    }

    pub fn dir(&self) -> &Directory {
        &self.loaded.dir
    }

    /// The committed directory as it would be after `changes`; refuses when
    /// it would have errors it does not have now (nothing is written).
    pub fn after(&self, changes: &[FileChange]) -> Result<Loaded, CliError> {
        let mut files = self.files.clone();
        for c in changes {
            files.retain(|f| f.rel != c.path());
            if let FileChange::Write { path, content } = c {
                files.push(SourceFile {
                    rel: path.clone(),
                    bytes: content.clone(),
                });
            }
        }
        files.sort_by(|a, b| a.rel.cmp(&b.rel));
        let loaded = load::load_files(&self.root, &self.display_root, files);
        let before: Vec<&String> = self
            .loaded
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| &d.message)
            .collect();
        let new: Vec<_> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.is_error() && !before.contains(&&d.message))
            .cloned()
            .collect();
        if !new.is_empty() {
            let mut e =
                CliError::user("refusing the change: the schedule directory would not be valid after it");
            e.diagnostics = new;
            return Err(e);
        }
        Ok(loaded)
    }
}

/// A change ready to be shown and committed.
pub struct Change {
    /// What the commit's summary line says.
    pub summary: String,
    /// `Oncall-Action`.
    pub action: &'static str,
    /// Further trailers (`Oncall-Schedule`, ...).
    pub trailers: Vec<(&'static str, String)>,
    pub files: Vec<FileChange>,
    /// The window whose effect the preview shows.
    pub window: (DateTime<Utc>, DateTime<Utc>),
    /// The `--reason` given, for the commit message.
    pub reason: Option<String>,
}

/// The commit message: summary, the user's words, trailers.
pub fn message(change: &Change, user: Option<&str>) -> String {
    let mut m = change.summary.clone();
    m.push_str("\n\n");
    if let Some(r) = change.reason.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        m.push_str(&format!("Reason: {r}\n\n"));
    }
    if let Some(u) = user.map(str::trim).filter(|u| !u.is_empty()) {
        m.push_str(u);
        m.push_str("\n\n");
    }
    m.push_str(&format!("Oncall-Action: {}\n", change.action));
    for (k, v) in &change.trailers {
        m.push_str(&format!("{k}: {v}\n"));
    }
    m
}

/// Writes the semantic diff of every schedule between two states over
/// `[from, to)`: the intervals whose person changes, and hours per person.
pub fn write_effect(
    ctx: &Context,
    out: &mut dyn Write,
    before: &Directory,
    after: &Directory,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> std::io::Result<usize> {
    let mut n = 0;
    for id in all_ids(before, after) {
        let (a, b) = (before.schedule(id), after.schedule(id));
        let changes = engine::diff(a, b, from, to);
        if changes.is_empty() {
            continue;
        }
        n += changes.len();
        writeln!(out, "{id} (times in {}):", ctx.tz.name())?;
        for c in &changes {
            writeln!(
                out,
                "  {} – {}: {} → {}",
                short(c.span.start, ctx.now, &ctx.tz),
                short(c.span.end, ctx.now, &ctx.tz),
                c.before.unwrap_or("nobody"),
                c.after.unwrap_or("nobody")
            )?;
        }
        let deltas = deltas_text(&changes, "");
        if !deltas.is_empty() {
            writeln!(out, "  on-call time: {deltas}")?;
        }
    }
    Ok(n)
}

/// The ids of every schedule in either directory, sorted.
pub fn all_ids<'d>(before: &'d Directory, after: &'d Directory) -> Vec<&'d str> {
    let mut ids: Vec<&str> = before
        .schedules
        .iter()
        .chain(&after.schedules)
        .map(|s| s.id.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// `alice +7d, bob −7d`: on-call time gained or lost per person, each name
/// wrapped in `mark` (`**` for Markdown).
pub fn deltas_text(changes: &[engine::Change], mark: &str) -> String {
    time_delta(changes)
        .iter()
        .map(|(p, d)| {
            format!(
                "{mark}{p}{mark} {}{}",
                if *d > TimeDelta::zero() { "+" } else { "−" },
                humanize(*d)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// How many intervals of `[from, to)` put someone else on call after the change.
fn changes_between(before: &Directory, after: &Directory, from: DateTime<Utc>, to: DateTime<Utc>) -> usize {
    let mut ids: Vec<&str> = before
        .schedules
        .iter()
        .chain(&after.schedules)
        .map(|s| s.id.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.iter()
        .map(|id| engine::diff(before.schedule(id), after.schedule(id), from, to).len())
        .sum()
}

/// Asks for confirmation where a person can answer; `--yes` answers for
/// them. Without a terminal it never waits: it refuses, asking for `--yes`.
pub fn confirm(args: &MutateArgs, question: &str) -> Result<bool, CliError> {
    if args.yes {
        return Ok(true);
    }
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(
            CliError::usage("confirmation needed, but there is no terminal to ask on").hint("pass --yes"),
        );
    }
    dialoguer::Confirm::new()
        .with_prompt(question)
        .default(true)
        .interact()
        .map_err(|e| CliError::internal(format!("cannot read the answer: {e}")))
}

/// Shows the change, and commits it unless `--dry-run`. With `ask`, asks
/// that question after the preview (see [`confirm`]).
pub fn apply(
    ctx: &Context,
    ws: &Workspace,
    args: &MutateArgs,
    change: Change,
    out: &mut dyn Write,
    ask: Option<&str>,
) -> Result<Option<git2::Oid>, CliError> {
    // What would refuse the commit is checked before anything is shown.
    let offset = ctx
        .tz
        .offset_from_utc_datetime(&ctx.now.naive_utc())
        .fix()
        .local_minus_utc()
        / 60;
    let sig = match args.dry_run {
        true => None,
        false => Some(ws.repo.signature_at(args.author.as_deref(), ctx.now, offset)?),
    };
    let paths: Vec<&str> = change.files.iter().map(FileChange::path).collect();
    let dirty = ws.repo.dirty(&paths)?;
    if !dirty.is_empty() && !args.dry_run {
        return Err(StoreError::Dirty { paths: dirty }.into());
    }
    let after = ws.after(&change.files)?;
    if !args.force {
        let (from, _) = change.window;
        if from < ctx.now {
            let past = changes_between(ws.dir(), &after.dir, from, ctx.now);
            if past > 0 {
                return Err(CliError::user(format!(
                    "this change rewrites who was on call before now ({past} interval{} in the past)",
                    if past == 1 { "" } else { "s" }
                ))
                .hint("pass --force if that is what you want; see it first with --dry-run --force"));
            }
        }
    }
    for d in after.diagnostics.iter().filter(|d| !d.is_error()) {
        // Warnings the files themselves carry (a wall time in a DST gap, ...).
        let _ = write!(std::io::stderr(), "{}", render_human(d, &ctx.err_styles));
    }
    writeln!(out, "{}", change.summary)?;
    let (from, to) = change.window;
    let n = write_effect(ctx, out, ws.dir(), &after.dir, from, to)?;
    if n == 0 {
        writeln!(out, "  (no change in who is on call)")?;
    }
    // Problems the change brings (double booking, a gap, ...): a warning,
    // not a refusal, since the change may be the first of two.
    let from = from.max(ctx.now);
    if to > from {
        let horizon = to - from;
        let before: Vec<String> = crate::check::check(ws.dir(), &ws.loaded.origins, from, horizon)
            .into_iter()
            .map(|d| d.message)
            .collect();
        out.flush()?;
        for d in crate::check::check(&after.dir, &after.origins, from, horizon) {
            let relevant = matches!(d.code, "double-booked" | "gap" | "overlapping-overrides");
            if relevant && !before.contains(&d.message) {
                let _ = write!(std::io::stderr(), "{}", render_human(&d, &ctx.err_styles));
            }
        }
    }
    if args.dry_run {
        for f in &change.files {
            match f {
                FileChange::Write { path, .. } => writeln!(out, "would write {}{path}", ws.display_root)?,
                FileChange::Delete { path } => writeln!(out, "would delete {}{path}", ws.display_root)?,
            }
        }
        writeln!(out, "dry run: nothing written")?;
        return Ok(None);
    }
    if let Some(q) = ask {
        out.flush()?;
        if !confirm(args, q)? {
            writeln!(out, "nothing changed")?;
            return Ok(None);
        }
    }
    let msg = message(&change, args.message.as_deref());
    let sig = sig.ok_or_else(|| CliError::internal("no signature"))?;
    let id = ws.repo.commit_changes(&change.files, &msg, &sig)?;
    let info = ws.repo.commit_info(id)?;
    writeln!(out, "committed {}", info.short)?;
    Ok(Some(id))
}

/// A short random suffix for file names, unique enough across clones.
pub fn nonce() -> String {
    let mut h = RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.write_u32(std::process::id());
    format!("{:06x}", h.finish() & 0xff_ffff)
}

/// RFC 3339 in UTC for change files, e.g. `2026-03-02T08:00:00Z`.
pub fn toml_instant(t: DateTime<Utc>) -> toml_edit::Datetime {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        .parse()
        .expect("RFC 3339 is a TOML date-time")
}

/// Who "you" are: `--as`, else ONCALL_USER, else the person whose email is
/// git's user.email.
pub fn whoami(ctx: &Context, dir: &Directory, as_: Option<&str>) -> Result<String, CliError> {
    let check = |h: &str| -> Result<String, CliError> {
        if dir.person(h).is_some() {
            Ok(h.to_string())
        } else {
            let mut e = CliError::usage(format!("no person `{h}` in people.toml"));
            if let Some(s) = load::suggest_name(h, dir.people.iter().map(|p| p.handle.as_str())) {
                e = e.hint(format!("did you mean `{s}`?"));
            }
            Err(e)
        }
    };
    if let Some(h) = as_ {
        return check(h);
    }
    if let Some(h) = ctx.user.as_deref() {
        return check(h);
    }
    let email = git2::Repository::discover(&dir.root)
        .and_then(|r| r.config())
        .and_then(|c| c.get_string("user.email"))
        .ok();
    if let Some(email) = email {
        if let Some(p) = dir
            .people
            .iter()
            .find(|p| p.email.as_deref().is_some_and(|e| e.eq_ignore_ascii_case(&email)))
        {
            return Ok(p.handle.clone());
        }
    }
    Err(CliError::usage(
        "who are you? pass --as HANDLE (or set ONCALL_USER)",
    ))
}

/// The shifts (of `who`, or of anyone) on the local date of `day` in the
/// viewer's timezone: those overlapping the date, or, when several do, those
/// that start on it.
pub fn shift_on(
    ctx: &Context,
    s: &Schedule,
    who: Option<&str>,
    day: DateTime<Utc>,
) -> Vec<(String, engine::Span)> {
    let date = engine::local(&ctx.tz, day).date();
    let from = engine::resolve(&ctx.tz, date.and_hms_opt(0, 0, 0).expect("midnight"));
    let to = engine::resolve(
        &ctx.tz,
        date.succ_opt()
            .unwrap_or(date)
            .and_hms_opt(0, 0, 0)
            .expect("midnight"),
    );
    // Look around the day so the whole shift is found, not just its part.
    let wide_from = from - TimeDelta::days(60);
    let wide_to = to + TimeDelta::days(60);
    let found: Vec<(String, engine::Span)> = engine::timeline(s, wide_from, wide_to)
        .into_iter()
        .filter(|b| b.span.start < to && b.span.end > from)
        .filter_map(|b| b.person.map(|p| (p.to_string(), b.span)))
        .filter(|(p, _)| who.is_none_or(|w| w == p))
        .collect();
    // On a handoff day two shifts touch the date: "the shift on Monday" is
    // the one that starts that day.
    let starting: Vec<(String, engine::Span)> =
        found.iter().filter(|(_, sp)| sp.start >= from).cloned().collect();
    if found.len() > 1 && !starting.is_empty() {
        starting
    } else {
        found
    }
}
