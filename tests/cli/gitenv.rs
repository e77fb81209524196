//! A hermetic environment for tests of commands that commit: a temporary
//! HOME with its own git identity, a repository made with `oncall init`,
//! and the real `git` CLI to check what `oncall` did.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

use super::common::NOW;

pub struct GitEnv {
    pub home: tempfile::TempDir,
    pub work: tempfile::TempDir,
}

/// A schedule directory with one weekly rotation of alice, bob, carol
/// handing off on Mondays 09:00 Prague, from 2026-11-30.
pub const TEAM: &str = r#"# The team's primary rotation.
name = "Team"
timezone = "Europe/Prague"

[[layers]]
name = "weekly"   # Monday handoffs
start = 2026-11-30T09:00:00
rotation = "1w"
members = ["alice", "bob", "carol"]
"#;

pub const PEOPLE: &str = r#"[alice]
name = "Alice"
email = "alice@example.com"

[bob]
name = "Bob"
email = "bob@example.com"

[carol]
name = "Carol"
email = "carol@example.com"

[dave]
name = "Dave"
email = "dave@example.com"
"#;

impl GitEnv {
    /// A new repository holding `people.toml` and `team.toml`, committed by hand.
    pub fn new() -> GitEnv {
        let env = GitEnv::bare();
        std::fs::write(env.dir().join("people.toml"), PEOPLE).unwrap();
        std::fs::write(env.dir().join("team.toml"), TEAM).unwrap();
        env.git(&["init", "-q", "-b", "main"]);
        env.git(&["add", "."]);
        env.git(&["commit", "-q", "-m", "schedules"]);
        env
    }

    /// An empty work folder and a HOME with a git identity.
    pub fn bare() -> GitEnv {
        let home = tempfile::tempdir().unwrap();
        std::fs::write(
            home.path().join(".gitconfig"),
            "[user]\n\tname = Test User\n\temail = alice@example.com\n[init]\n\tdefaultBranch = main\n",
        )
        .unwrap();
        GitEnv {
            home,
            work: tempfile::tempdir().unwrap(),
        }
    }

    pub fn dir(&self) -> PathBuf {
        self.work.path().to_path_buf()
    }

    fn envs(&self, c: &mut std::process::Command) {
        c.env_clear()
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path().join(".config"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("ONCALL_NOW", NOW)
            .env("TZ", "Europe/Prague")
            .env("NO_COLOR", "1")
            .env("GIT_AUTHOR_DATE", "2026-12-03T17:00:00Z")
            .env("GIT_COMMITTER_DATE", "2026-12-03T17:00:00Z");
    }

    /// `oncall` in the work folder.
    pub fn oncall(&self) -> Command {
        self.oncall_in(&self.dir())
    }

    /// `oncall` as a plain process, to spawn.
    pub fn oncall_process(&self) -> std::process::Command {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_oncall"));
        self.envs(&mut c);
        c.current_dir(self.dir());
        c
    }

    pub fn oncall_in(&self, cwd: &Path) -> Command {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_oncall"));
        self.envs(&mut c);
        c.current_dir(cwd);
        Command::from_std(c)
    }

    /// Runs `git` in `cwd`; panics on failure; returns stdout.
    pub fn git_in(&self, cwd: &Path, args: &[&str]) -> String {
        let mut c = std::process::Command::new("git");
        self.envs(&mut c);
        let out = c.current_dir(cwd).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "git {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn git(&self, args: &[&str]) -> String {
        self.git_in(&self.dir(), args)
    }

    /// `git` that may fail: (success, stdout + stderr).
    pub fn git_try(&self, args: &[&str]) -> (bool, String) {
        let mut c = std::process::Command::new("git");
        self.envs(&mut c);
        let out = c.current_dir(self.dir()).args(args).output().unwrap();
        (
            out.status.success(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        )
    }

    pub fn head(&self) -> String {
        self.git(&["rev-parse", "HEAD"]).trim().to_string()
    }

    pub fn tree(&self) -> String {
        self.git(&["rev-parse", "HEAD^{tree}"]).trim().to_string()
    }

    pub fn commits(&self) -> usize {
        self.git(&["rev-list", "--count", "HEAD"]).trim().parse().unwrap()
    }

    /// `git status --porcelain` (empty when clean).
    pub fn status(&self) -> String {
        self.git(&["status", "--porcelain"])
    }

    /// Asserts the repository is consistent and the work tree clean.
    pub fn assert_clean(&self) {
        self.git(&["fsck", "--no-progress"]);
        assert_eq!(self.status(), "", "work tree not clean");
    }

    /// Who is on call in `team` at an instant, from `oncall who --json`.
    pub fn who_at(&self, at: &str) -> Option<String> {
        let out = self
            .oncall()
            .args(["who", "team", "--json", "--at", at])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v[0]["person"].as_str().map(String::from)
    }
}
