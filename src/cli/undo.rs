//! `oncall undo` and `oncall redo`: revert a change as a new commit.
//!
//! Changes form a stack: `undo` reverts the latest `oncall` change that is
//! not undone yet, so N undos take back the last N changes; `redo` reverts
//! the latest undo, as long as no new change was made after it. Both are
//! commits of their own (`Oncall-Action: undo`/`redo`, `Oncall-Reverts: ID`),
//! so history is never rewritten.

use std::collections::HashSet;
use std::io::Write;
use std::process::ExitCode;

use chrono::TimeDelta;

use super::mutate::{apply, Change, MutateArgs, Workspace};
use super::{CliError, Context};
use crate::store::CommitInfo;

/// How far back the undo stack is searched.
const SEARCH: usize = 100_000;

/// Take back the latest change made with oncall (or REV), as a new commit.
///
/// Refuses a commit that oncall did not make unless --force, and refuses
/// cleanly when later commits changed the same lines.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  oncall undo                 take back the latest oncall change
  oncall undo --dry-run       show what it would take back
  oncall undo 3f2a9c1         take back that commit
  oncall redo                 take back the latest undo")]
pub struct UndoArgs {
    /// The commit to revert [default: the latest oncall change not undone yet]
    #[arg(value_name = "REV")]
    pub rev: Option<String>,

    #[command(flatten)]
    pub mutate: MutateArgs,
}

/// Take back the latest undo, as a new commit.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  oncall undo && oncall redo   back where you were")]
pub struct RedoArgs {
    #[command(flatten)]
    pub mutate: MutateArgs,
}

fn action(c: &CommitInfo) -> Option<&str> {
    c.trailer("Oncall-Action")
}

fn reverts(c: &CommitInfo) -> Option<git2::Oid> {
    c.trailer("Oncall-Reverts")
        .and_then(|s| git2::Oid::from_str(s.trim()).ok())
}

/// The latest change that is not undone, walking the stack.
fn undo_target(log: &[CommitInfo]) -> Result<&CommitInfo, CliError> {
    let mut cancelled: HashSet<git2::Oid> = HashSet::new();
    let mut undone: HashSet<git2::Oid> = HashSet::new();
    for c in log {
        match action(c) {
            Some("redo") => cancelled.extend(reverts(c)),
            Some("undo") if !cancelled.contains(&c.id) => undone.extend(reverts(c)),
            Some("undo") => {}
            Some("init") => break,
            Some(_) if !undone.contains(&c.id) => return Ok(c),
            _ => {}
        }
    }
    Err(CliError::user(
        "nothing to undo: no oncall change left to take back",
    ))
}

/// The latest undo that is not redone, unless a change came after it.
fn redo_target(log: &[CommitInfo]) -> Result<&CommitInfo, CliError> {
    let mut cancelled: HashSet<git2::Oid> = HashSet::new();
    for c in log {
        match action(c) {
            Some("redo") => cancelled.extend(reverts(c)),
            Some("undo") if !cancelled.contains(&c.id) => return Ok(c),
            Some("undo") | None => {}
            Some(_) => break,
        }
    }
    Err(CliError::user("nothing to redo: no undo since the last change"))
}

/// Finds `pick`'s answer in the newest commits first, looking further back
/// only when needed: the stack's top is almost always near HEAD.
fn search(
    ws: &Workspace,
    pick: fn(&[CommitInfo]) -> Result<&CommitInfo, CliError>,
) -> Result<CommitInfo, CliError> {
    let mut limit = 64;
    loop {
        let log = ws.repo.log(limit)?;
        match pick(&log) {
            Ok(c) => return Ok(c.clone()),
            Err(e) if log.len() < limit || limit >= SEARCH => return Err(e),
            Err(_) => limit = (limit * 16).min(SEARCH),
        }
    }
}

fn revert(
    ctx: &Context,
    ws: &Workspace,
    target: &CommitInfo,
    action: &'static str,
    args: &MutateArgs,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let files = ws.repo.revert_changes(target.id)?;
    if files.is_empty() {
        return Err(CliError::user(format!(
            "{} {} changed nothing in the schedule directory",
            target.short, target.summary
        )));
    }
    let original = target
        .summary
        .strip_prefix("undo: ")
        .filter(|_| action == "redo")
        .unwrap_or(&target.summary);
    let mut trailers = vec![("Oncall-Reverts", target.id.to_string())];
    if let Some(s) = target.trailer("Oncall-Schedule") {
        trailers.push(("Oncall-Schedule", s.to_string()));
    }
    let change = Change {
        summary: format!("{action}: {original}"),
        action,
        trailers,
        files,
        window: (ctx.now - TimeDelta::days(30), ctx.now + TimeDelta::days(365)),
        reason: None,
    };
    apply(ctx, ws, args, change, out, None)?;
    Ok(())
}

pub fn run_undo(ctx: &Context, args: &UndoArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let ws = Workspace::open_with(ctx, true)?;
    let target = match &args.rev {
        Some(rev) => {
            let id = ws.repo.resolve(rev)?;
            let c = ws.repo.commit_info(id)?;
            if action(&c).is_none() && !args.mutate.force {
                return Err(
                    CliError::user(format!("{} was not made by oncall: {}", c.short, c.summary))
                        .hint("pass --force to revert it anyway"),
                );
            }
            c
        }
        None => search(&ws, undo_target)?,
    };
    revert(ctx, &ws, &target, "undo", &args.mutate, out)?;
    Ok(ExitCode::SUCCESS)
}

pub fn run_redo(ctx: &Context, args: &RedoArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let ws = Workspace::open_with(ctx, true)?;
    let target = search(&ws, redo_target)?;
    revert(ctx, &ws, &target, "redo", &args.mutate, out)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(n: u8, action: Option<&str>, reverts: Option<u8>) -> CommitInfo {
        let id = |n: u8| git2::Oid::from_bytes(&[n; 20]).unwrap();
        let mut trailers = Vec::new();
        if let Some(a) = action {
            trailers.push(("Oncall-Action".to_string(), a.to_string()));
        }
        if let Some(r) = reverts {
            trailers.push(("Oncall-Reverts".to_string(), id(r).to_string()));
        }
        CommitInfo {
            id: id(n),
            short: n.to_string(),
            summary: format!("c{n}"),
            message: String::new(),
            author_name: String::new(),
            author_email: String::new(),
            time: chrono::Utc::now(),
            trailers,
            parent: None,
        }
    }

    #[test]
    fn undos_walk_back_the_stack() {
        // newest first: undo(3), 3, 2, hand edit, 1, init
        let log = vec![
            c(5, Some("undo"), Some(3)),
            c(3, Some("swap"), None),
            c(2, Some("override"), None),
            c(9, None, None),
            c(1, Some("override"), None),
            c(0, Some("init"), None),
        ];
        assert_eq!(undo_target(&log).unwrap().short, "2");
        assert_eq!(redo_target(&log).unwrap().short, "5");
    }

    #[test]
    fn redo_cancels_an_undo() {
        let log = vec![
            c(6, Some("redo"), Some(5)),
            c(5, Some("undo"), Some(3)),
            c(3, Some("swap"), None),
        ];
        assert_eq!(undo_target(&log).unwrap().short, "3");
        assert!(redo_target(&log).is_err());
    }

    #[test]
    fn a_new_change_clears_redo() {
        let log = vec![
            c(7, Some("override"), None),
            c(5, Some("undo"), Some(3)),
            c(3, Some("swap"), None),
        ];
        assert!(redo_target(&log).is_err());
        assert_eq!(undo_target(&log).unwrap().short, "7");
    }

    #[test]
    fn nothing_before_init() {
        let log = vec![c(0, Some("init"), None)];
        assert!(undo_target(&log).is_err());
    }
}
