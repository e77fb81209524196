//! Files and git: everything `oncall` writes, and every read of history.
//!
//! The rest of the crate never touches git directly. A mutating command
//! computes a list of [`FileChange`]s (whole-file contents, paths relative to
//! the schedule directory), validates the directory as it would be after
//! them, and hands them to [`Repo::commit_changes`], which
//! - refuses unless the repository is in a clean state (no merge, rebase,
//!   cherry-pick or revert in progress), HEAD is on a branch, and an author
//!   identity is known;
//! - refuses when a file it must change has uncommitted edits (staged or not);
//! - writes the files atomically (temp file in the same folder, then rename);
//! - builds the commit's tree from HEAD's tree plus exactly these changes, so
//!   other staged or unstaged edits of the user are never committed, reset or
//!   lost, and updates the index entries of these paths only;
//! - on any failure restores the files it wrote, leaving the working tree and
//!   history as they were.
//!
//! Commands that mutate hold [`Repo::lock`] for their whole read-check-write
//! cycle, so two `oncall` processes on one repository run one after the other.

mod repo;

pub use repo::{CommitInfo, FileChange, Lock, Repo, StoreError};
