//! Tests of the git layer, on real repositories in temporary folders,
//! checked with the `git` command line where it is the better judge.
//!
//! Hermetic: libgit2's global, XDG, system and program-data configuration
//! are pointed at an empty folder (once, for the whole test process), and the
//! `git` command runs without the user's global or system configuration.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use tempfile::TempDir;

use super::*;

/// An empty folder that stands in for every configuration outside the
/// repositories under test.
fn empty_home() -> &'static Path {
    static EMPTY: OnceLock<TempDir> = OnceLock::new();
    EMPTY
        .get_or_init(|| {
            let dir = TempDir::new().expect("temp dir");
            for level in [
                git2::ConfigLevel::Global,
                git2::ConfigLevel::XDG,
                git2::ConfigLevel::System,
                git2::ConfigLevel::ProgramData,
            ] {
                // SAFETY: process-global libgit2 state, set exactly once
                // (inside `get_or_init`) before any test opens a repository.
                unsafe { git2::opts::set_search_path(level, dir.path()) }.expect("set search path");
            }
            dir
        })
        .path()
}

/// Runs `git` in `dir`, hermetically.
fn git_output(dir: &Path, args: &[&str]) -> Output {
    let home = empty_home();
    Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home)
        .env("GIT_CONFIG_GLOBAL", home.join("gitconfig"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Cli User")
        .env("GIT_AUTHOR_EMAIL", "cli@example.com")
        .env("GIT_COMMITTER_NAME", "Cli User")
        .env("GIT_COMMITTER_EMAIL", "cli@example.com")
        .env("GIT_EDITOR", "true")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .env_remove("GIT_OBJECT_DIRECTORY")
        .output()
        .expect("git runs")
}

/// Runs `git` in `dir` and returns its output; it must succeed.
fn git(dir: &Path, args: &[&str]) -> String {
    let out = git_output(dir, args);
    assert!(
        out.status.success(),
        "git {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

fn lines(s: &str) -> Vec<&str> {
    s.lines().collect()
}

fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_767_323_045, 0).expect("valid time")
}

/// A repository in a temporary folder whose schedule directory is `sub`
/// ("" for the root).
struct Fx {
    _tmp: TempDir,
    root: PathBuf,
    sched: PathBuf,
    repo: Repo,
}

fn fixture(sub: &str) -> Fx {
    fixture_with(sub, true)
}

fn fixture_with(sub: &str, identity: bool) -> Fx {
    empty_home();
    let tmp = TempDir::new().expect("temp dir");
    let root = tmp.path().canonicalize().expect("canonical");
    Repo::init(&root).expect("init");
    if identity {
        let raw = git2::Repository::open(&root).expect("open");
        let mut config = raw.config().expect("config");
        config.set_str("user.name", "Ann Example").expect("set");
        config.set_str("user.email", "ann@example.com").expect("set");
    }
    let sched = if sub.is_empty() {
        root.clone()
    } else {
        root.join(sub)
    };
    fs::create_dir_all(&sched).expect("mkdir");
    let repo = Repo::open(&sched).expect("open");
    Fx {
        _tmp: tmp,
        root,
        sched,
        repo,
    }
}

impl Fx {
    fn sig(&self) -> git2::Signature<'static> {
        self.repo.signature(None, t0()).expect("identity")
    }

    fn commit(&self, changes: &[FileChange], message: &str) -> git2::Oid {
        self.repo
            .commit_changes(changes, message, &self.sig())
            .expect("commit")
    }

    /// The path of `rel` relative to the work tree root.
    fn full(&self, rel: &str) -> String {
        if self.repo.prefix().is_empty() {
            rel.to_string()
        } else {
            format!("{}/{rel}", self.repo.prefix())
        }
    }

    fn read(&self, rel: &str) -> Option<String> {
        fs::read_to_string(self.sched.join(rel)).ok()
    }

    fn put(&self, rel: &str, text: &str) {
        let path = self.sched.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    fn git(&self, args: &[&str]) -> String {
        git(&self.root, args)
    }

    fn head(&self) -> Option<git2::Oid> {
        self.repo.head_commit().unwrap().map(|c| c.id())
    }

    /// `git show REV:path` of a path relative to the schedule directory.
    fn show(&self, rev: &str, rel: &str) -> String {
        self.git(&["show", &format!("{rev}:{}", self.full(rel))])
    }

    fn fsck(&self) {
        self.git(&["fsck", "--strict", "--no-progress"]);
    }

    fn porcelain(&self) -> String {
        self.git(&["status", "--porcelain", "--untracked-files=all"])
    }
}

fn w(path: &str, content: &str) -> FileChange {
    FileChange::Write {
        path: path.to_string(),
        content: content.as_bytes().to_vec(),
    }
}

fn d(path: &str) -> FileChange {
    FileChange::Delete {
        path: path.to_string(),
    }
}

fn temp_files_left(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("oncall-tmp"))
        .map(|e| e.path().to_path_buf())
        .collect()
}

// ---- open / init -----------------------------------------------------------

#[test]
fn init_creates_a_repository_on_main_and_open_finds_the_prefix() {
    empty_home();
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().canonicalize().unwrap().join("new");
    let repo = Repo::init(&root).expect("init");
    assert_eq!(repo.prefix(), "");
    assert_eq!(repo.workdir().canonicalize().unwrap(), root);
    assert_eq!(git(&root, &["symbolic-ref", "HEAD"]).trim(), "refs/heads/main");

    // Inside an existing repository, init opens it: no nested repository.
    let sub = root.join("schedules");
    let repo = Repo::init(&sub).expect("init inside");
    assert_eq!(repo.prefix(), "schedules");
    assert!(!sub.join(".git").exists());

    let deep = root.join("a/b c");
    fs::create_dir_all(&deep).unwrap();
    assert_eq!(Repo::open(&deep).unwrap().prefix(), "a/b c");
    // A path with `..` in it still gives the canonical prefix.
    assert_eq!(Repo::open(&deep.join("..")).unwrap().prefix(), "a");
}

#[test]
fn open_outside_a_repository_is_not_a_repo() {
    empty_home();
    let tmp = TempDir::new().unwrap();
    match Repo::open(tmp.path()) {
        Err(StoreError::NotARepo { path }) => assert_eq!(path, tmp.path()),
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("opened a repository in {}", tmp.path().display()),
    }
}

#[test]
fn open_refuses_a_bare_repository() {
    empty_home();
    let tmp = TempDir::new().unwrap();
    git2::Repository::init_bare(tmp.path()).unwrap();
    assert!(matches!(Repo::open(tmp.path()), Err(StoreError::Git(_))));
}

// ---- 1. commit_changes -----------------------------------------------------

fn check_commit_writes_exactly_the_changes(sub: &str) {
    let fx = fixture(sub);
    assert_eq!(fx.head(), None);
    let first = fx.commit(
        &[w("people.toml", "[alice]\n"), w("a.toml", "a = 1\n")],
        "Initial",
    );
    assert_eq!(fx.head(), Some(first));
    assert_eq!(fx.repo.commit_info(first).unwrap().parent, None);

    // Untracked files of the user, inside and outside the schedule directory.
    fx.put("notes.txt", "mine\n");
    fs::write(fx.root.join("README.md"), "readme\n").unwrap();

    let message = "Swap alice and bob\n\nOncall-Action: swap\n";
    let id = fx.commit(&[w("a.toml", "a = 2\n"), w("teams/b.toml", "b = 1\n")], message);
    assert_eq!(fx.head(), Some(id));
    assert_eq!(fx.repo.commit_info(id).unwrap().parent, Some(first));

    let tree = fx.git(&["ls-tree", "-r", "--name-only", "HEAD"]);
    let mut want = vec![fx.full("a.toml"), fx.full("people.toml"), fx.full("teams/b.toml")];
    want.sort();
    assert_eq!(lines(&tree), want);
    let touched = fx.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(lines(&touched), [fx.full("a.toml"), fx.full("teams/b.toml")]);
    let mode = fx.git(&["ls-tree", "HEAD", &fx.full("a.toml")]);
    assert!(mode.starts_with("100644 blob "), "{mode}");

    for rel in ["a.toml", "teams/b.toml", "people.toml"] {
        assert_eq!(fx.read(rel).unwrap(), fx.show("HEAD", rel), "{rel}");
    }
    let want_status = ["?? README.md".to_string(), format!("?? {}", fx.full("notes.txt"))];
    assert_eq!(lines(&fx.porcelain()), want_status);
    assert_eq!(
        lines(&fx.git(&["log", "--format=%s"])),
        ["Swap alice and bob", "Initial"]
    );
    assert_eq!(
        fx.git(&["log", "-1", "--format=%an <%ae>|%cn <%ce>|%at"]).trim(),
        {
            format!(
                "Ann Example <ann@example.com>|Ann Example <ann@example.com>|{}",
                t0().timestamp()
            )
        }
    );
    assert_eq!(fx.git(&["symbolic-ref", "HEAD"]).trim(), "refs/heads/main");
    fx.fsck();
    assert_eq!(temp_files_left(&fx.root), Vec::<PathBuf>::new());
}

#[test]
fn commit_writes_and_commits_exactly_the_changes_at_the_root() {
    check_commit_writes_exactly_the_changes("");
}

#[test]
fn commit_writes_and_commits_exactly_the_changes_in_a_subfolder() {
    check_commit_writes_exactly_the_changes("schedules");
}

#[test]
fn commit_keeps_permissions_of_rewritten_files() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let fx = fixture("");
        fx.commit(&[w("a.toml", "a = 1\n")], "one");
        let path = fx.sched.join("a.toml");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        fx.commit(&[w("a.toml", "a = 2\n")], "two");
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(fx.porcelain(), "");
    }
}

// ---- 2. the user's other work ----------------------------------------------

#[test]
fn other_staged_and_unstaged_work_is_kept_and_not_committed() {
    let fx = fixture("schedules");
    fx.commit(
        &[w("a.toml", "a1\n"), w("b.toml", "b1\n"), w("c.toml", "c1\n")],
        "Initial",
    );

    // b: a staged edit and an unstaged one on top; d: a new staged file;
    // c: an unstaged edit; e: untracked.
    fx.put("b.toml", "b2\n");
    fx.git(&["add", "schedules/b.toml"]);
    fx.put("b.toml", "b3\n");
    fx.put("d.toml", "d1\n");
    fx.git(&["add", "schedules/d.toml"]);
    fx.put("c.toml", "c2\n");
    fx.put("e.toml", "e1\n");
    let index_before = fx.git(&["ls-files", "-s"]);

    fx.commit(&[w("a.toml", "a2\n")], "Change a");

    assert_eq!(
        lines(&fx.git(&["show", "--name-only", "--format=", "HEAD"])),
        ["schedules/a.toml"]
    );
    assert_eq!(fx.show("HEAD", "b.toml"), "b1\n");
    assert!(
        !git_output(&fx.root, &["cat-file", "-e", "HEAD:schedules/d.toml"])
            .status
            .success()
    );
    assert_eq!(fx.show("HEAD", "c.toml"), "c1\n");

    // The index: only a.toml's entry changed.
    let index_after = fx.git(&["ls-files", "-s"]);
    let others = |s: &str| {
        s.lines()
            .filter(|l| !l.ends_with("schedules/a.toml"))
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(others(&index_after), others(&index_before));
    assert_eq!(fx.git(&["show", ":schedules/b.toml"]), "b2\n");
    assert_eq!(fx.git(&["show", ":schedules/d.toml"]), "d1\n");

    // The working tree: untouched.
    assert_eq!(fx.read("b.toml").unwrap(), "b3\n");
    assert_eq!(fx.read("c.toml").unwrap(), "c2\n");
    assert_eq!(fx.read("e.toml").unwrap(), "e1\n");
    assert_eq!(fx.read("a.toml").unwrap(), "a2\n");

    assert_eq!(
        lines(&fx.porcelain()),
        [
            "MM schedules/b.toml",
            " M schedules/c.toml",
            "A  schedules/d.toml",
            "?? schedules/e.toml"
        ]
    );
    fx.fsck();
}

// ---- 3. dirty ---------------------------------------------------------------

#[test]
fn dirty_lists_every_kind_of_uncommitted_change() {
    let fx = fixture("schedules");
    fx.commit(
        &[
            w("a.toml", "a1\n"),
            w("b.toml", "b1\n"),
            w("c.toml", "c1\n"),
            w("gone.toml", "g\n"),
        ],
        "Initial",
    );
    fx.put("a.toml", "a2\n"); // unstaged edit
    fx.put("b.toml", "b2\n"); // staged edit
    fx.git(&["add", "schedules/b.toml"]);
    fx.put("new.toml", "n\n"); // untracked
    fs::remove_file(fx.sched.join("gone.toml")).unwrap(); // deleted, not staged
    fs::write(fx.root.join(".gitignore"), "*.ignored.toml\n").unwrap();
    fx.put("x.ignored.toml", "i\n"); // ignored
    fx.put("sub/deep.toml", "s\n"); // untracked, in an untracked folder

    let all = [
        "a.toml",
        "b.toml",
        "c.toml",
        "new.toml",
        "gone.toml",
        "x.ignored.toml",
        "missing.toml",
        "sub/deep.toml",
        "nope/missing.toml",
    ];
    assert_eq!(
        fx.repo.dirty(&all).unwrap(),
        ["a.toml", "b.toml", "new.toml", "gone.toml", "sub/deep.toml"]
    );
    assert_eq!(
        fx.repo.dirty(&["c.toml", "missing.toml"]).unwrap(),
        Vec::<String>::new()
    );
    assert!(matches!(
        fx.repo.dirty(&["../escape.toml"]),
        Err(StoreError::Git(_))
    ));
}

#[test]
fn changes_to_dirty_files_are_refused_and_nothing_is_written() {
    let fx = fixture("");
    let first = fx.commit(
        &[w("a.toml", "a1\n"), w("b.toml", "b1\n"), w("c.toml", "c1\n")],
        "Initial",
    );
    fx.put("a.toml", "a-mine\n");
    fx.put("b.toml", "b-staged\n");
    fx.git(&["add", "b.toml"]);
    fx.put("new.toml", "untracked\n");
    let status_before = fx.porcelain();

    let cases: Vec<(Vec<FileChange>, Vec<&str>)> = vec![
        (vec![w("c.toml", "c2\n"), w("a.toml", "a2\n")], vec!["a.toml"]),
        (vec![w("fresh/z.toml", "z\n"), d("b.toml")], vec!["b.toml"]),
        (
            vec![w("new.toml", "theirs\n"), w("a.toml", "x\n")],
            vec!["new.toml", "a.toml"],
        ),
    ];
    for (changes, want) in cases {
        match fx.repo.commit_changes(&changes, "nope", &fx.sig()) {
            Err(StoreError::Dirty { paths }) => assert_eq!(paths, want),
            other => panic!("expected Dirty, got {other:?}"),
        }
    }
    assert_eq!(fx.head(), Some(first));
    assert_eq!(fx.read("a.toml").unwrap(), "a-mine\n");
    assert_eq!(fx.read("b.toml").unwrap(), "b-staged\n");
    assert_eq!(fx.read("c.toml").unwrap(), "c1\n");
    assert_eq!(fx.read("new.toml").unwrap(), "untracked\n");
    assert!(!fx.sched.join("fresh").exists());
    assert_eq!(fx.porcelain(), status_before);
    assert_eq!(temp_files_left(&fx.root), Vec::<PathBuf>::new());
}

#[test]
fn bad_change_paths_are_refused() {
    let fx = fixture("schedules");
    for path in [
        "",
        "/abs.toml",
        "../up.toml",
        "a//b.toml",
        "./a.toml",
        ".git/config",
        "a\\b.toml",
    ] {
        let result = fx.repo.commit_changes(&[w(path, "x")], "nope", &fx.sig());
        assert!(matches!(result, Err(StoreError::Git(_))), "{path:?}: {result:?}");
    }
    let twice = fx
        .repo
        .commit_changes(&[w("a.toml", "1"), d("a.toml")], "nope", &fx.sig());
    assert!(matches!(twice, Err(StoreError::Git(_))), "{twice:?}");
    assert_eq!(fx.head(), None);
}

// ---- 4. deletes and new folders --------------------------------------------

#[test]
fn deletes_and_nested_new_folders() {
    let fx = fixture("schedules");
    fx.commit(
        &[
            w("people.toml", "p\n"),
            w("teams/x/only.toml", "only\n"),
            w("keep/k.toml", "k\n"),
            w("keep/l.toml", "l\n"),
        ],
        "Initial",
    );
    let path = ".oncall/overrides/platform/primary/x.toml";
    fx.commit(
        &[
            d("teams/x/only.toml"),
            d("keep/l.toml"),
            w(path, "[[overrides]]\n"),
        ],
        "Override",
    );

    assert!(!fx.sched.join("teams").exists(), "empty folders are removed");
    assert!(fx.sched.join("keep/k.toml").exists());
    assert!(!fx.sched.join("keep/l.toml").exists());
    assert!(fx.sched.is_dir(), "the schedule directory stays");
    assert_eq!(fx.read(path).unwrap(), "[[overrides]]\n");
    assert_eq!(
        lines(&fx.git(&["ls-tree", "-r", "--name-only", "HEAD"])),
        [
            "schedules/.oncall/overrides/platform/primary/x.toml",
            "schedules/keep/k.toml",
            "schedules/people.toml"
        ]
    );
    assert_eq!(
        lines(&fx.git(&["show", "--name-status", "--format=", "HEAD"])),
        [
            "A\tschedules/.oncall/overrides/platform/primary/x.toml",
            "D\tschedules/keep/l.toml",
            "D\tschedules/teams/x/only.toml"
        ]
    );
    assert_eq!(fx.porcelain(), "");
    fx.fsck();

    // Deleting everything keeps the (now empty) schedule directory.
    fx.commit(&[d(path), d("keep/k.toml"), d("people.toml")], "Empty");
    assert!(fx.sched.is_dir());
    assert_eq!(fs::read_dir(&fx.sched).unwrap().count(), 0);
    assert_eq!(fx.git(&["ls-tree", "-r", "--name-only", "HEAD"]), "");
    assert_eq!(fx.porcelain(), "");
    fx.fsck();
}

// ---- 5. refusals -------------------------------------------------------------

#[test]
fn a_merge_in_progress_is_busy() {
    let fx = fixture("");
    let base = fx.commit(&[w("a.toml", "a = 0\n")], "Initial");
    fx.git(&["switch", "-q", "-c", "other"]);
    fx.put("a.toml", "a = 1\n");
    fx.git(&["commit", "-qam", "other"]);
    fx.git(&["switch", "-q", "main"]);
    let main = fx.commit(&[w("a.toml", "a = 2\n")], "main");
    assert_ne!(base, main);
    assert!(!git_output(&fx.root, &["merge", "-q", "other"]).status.success());
    assert!(fx.root.join(".git/MERGE_HEAD").exists());

    match fx.repo.check_ready() {
        Err(StoreError::Busy { state }) => assert_eq!(state, "merge"),
        other => panic!("expected Busy, got {other:?}"),
    }
    let result = fx.repo.commit_changes(&[w("b.toml", "b\n")], "nope", &fx.sig());
    assert!(matches!(result, Err(StoreError::Busy { .. })), "{result:?}");
    assert!(!fx.sched.join("b.toml").exists());
    assert_eq!(fx.head(), Some(main));

    fx.git(&["merge", "--abort"]);
    fx.repo.check_ready().expect("clean again");
}

#[test]
fn a_cherry_pick_in_progress_is_busy() {
    let fx = fixture("");
    fx.commit(&[w("a.toml", "a = 0\n")], "Initial");
    fx.git(&["switch", "-q", "-c", "other"]);
    fx.put("a.toml", "a = 1\n");
    fx.git(&["commit", "-qam", "other"]);
    fx.git(&["switch", "-q", "main"]);
    fx.commit(&[w("a.toml", "a = 2\n")], "main");
    assert!(!git_output(&fx.root, &["cherry-pick", "other"]).status.success());
    match fx.repo.check_ready() {
        Err(StoreError::Busy { state }) => assert_eq!(state, "cherry-pick"),
        other => panic!("expected Busy, got {other:?}"),
    }
}

#[test]
fn a_detached_head_is_refused() {
    let fx = fixture("");
    let first = fx.commit(&[w("a.toml", "a = 0\n")], "Initial");
    fx.git(&["checkout", "-q", "--detach", "HEAD"]);
    assert!(matches!(fx.repo.check_ready(), Err(StoreError::Detached)));
    let result = fx.repo.commit_changes(&[w("b.toml", "b\n")], "nope", &fx.sig());
    assert!(matches!(result, Err(StoreError::Detached)), "{result:?}");
    assert!(!fx.sched.join("b.toml").exists());
    assert_eq!(fx.head(), Some(first));
}

#[test]
fn an_unborn_branch_is_ready() {
    let fx = fixture("schedules");
    fx.repo.check_ready().expect("ready");
    assert_eq!(fx.repo.log(10).unwrap().len(), 0);
    assert!(matches!(fx.repo.resolve("HEAD"), Err(StoreError::UnknownRev(r)) if r == "HEAD"));
}

#[test]
fn identity_comes_from_the_repository_config_or_the_author() {
    // The user running the tests may well have a global identity: it must
    // not be seen (the search paths point at an empty folder).
    let fx = fixture_with("", false);
    assert!(matches!(
        fx.repo.signature(None, t0()),
        Err(StoreError::NoIdentity)
    ));
    let raw = git2::Repository::open(&fx.root).unwrap();
    raw.config().unwrap().set_str("user.name", "Only Name").unwrap();
    assert!(matches!(
        fx.repo.signature(None, t0()),
        Err(StoreError::NoIdentity)
    ));
    raw.config().unwrap().set_str("user.email", "  ").unwrap();
    assert!(matches!(
        fx.repo.signature(None, t0()),
        Err(StoreError::NoIdentity)
    ));
    raw.config()
        .unwrap()
        .set_str("user.email", "only@example.com")
        .unwrap();
    let sig = fx.repo.signature(None, t0()).unwrap();
    assert_eq!(
        (sig.name_bytes(), sig.email_bytes()),
        (&b"Only Name"[..], &b"only@example.com"[..])
    );
    assert_eq!(sig.when().seconds(), t0().timestamp());

    let sig = fx
        .repo
        .signature(Some("  Bob Builder <bob@example.com> "), t0())
        .unwrap();
    assert_eq!(
        (sig.name_bytes(), sig.email_bytes()),
        (&b"Bob Builder"[..], &b"bob@example.com"[..])
    );
    assert_eq!(sig.when().seconds(), t0().timestamp());
    assert_eq!(sig.when().offset_minutes(), 0);

    for bad in [
        "",
        "Bob",
        "bob@example.com",
        "<bob@example.com>",
        "Bob <>",
        "Bob <b@x> extra",
        "Bob b@x>",
        "B<o>b <b@x>",
    ] {
        match fx.repo.signature(Some(bad), t0()) {
            Err(StoreError::BadAuthor(s)) => assert_eq!(s, bad),
            Err(e) => panic!("{bad:?}: expected BadAuthor, got {e:?}"),
            Ok(_) => panic!("{bad:?}: accepted"),
        }
    }
}

#[test]
fn no_identity_without_config() {
    let fx = fixture_with("schedules", false);
    let Err(err) = fx.repo.signature(None, t0()) else {
        panic!("an identity was found")
    };
    assert!(matches!(err, StoreError::NoIdentity));
    assert!(err.to_string().contains("user.name"));
}

// ---- 6. read_at ----------------------------------------------------------------

#[test]
fn read_at_returns_the_files_of_a_revision_under_the_prefix() {
    let fx = fixture("schedules");
    // A commit from before the schedule directory existed, outside it.
    fs::write(fx.root.join("other.toml"), "outside\n").unwrap();
    fx.git(&["add", "other.toml"]);
    fx.git(&["commit", "-qm", "outside"]);
    fx.commit(
        &[
            w("people.toml", "v1\n"),
            w(".oncall/overrides/o.toml", "o\n"),
            w("notes.md", "not toml\n"),
            w("teams.toml", "t\n"),
            w("teams/x.toml", "x\n"),
        ],
        "one",
    );
    fx.commit(
        &[
            w("people.toml", "v2\n"),
            w("b.toml", "b\n"),
            d(".oncall/overrides/o.toml"),
        ],
        "two",
    );

    let files = |rev: &str| -> Vec<(String, String)> {
        fx.repo
            .read_at(rev)
            .unwrap()
            .into_iter()
            .map(|f| (f.rel, String::from_utf8(f.bytes).unwrap()))
            .collect()
    };
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    };
    assert_eq!(
        files("HEAD~1"),
        pairs(&[
            (".oncall/overrides/o.toml", "o\n"),
            ("people.toml", "v1\n"),
            ("teams/x.toml", "x\n"),
            ("teams.toml", "t\n"),
        ])
    );
    assert_eq!(
        files("HEAD"),
        pairs(&[
            ("b.toml", "b\n"),
            ("people.toml", "v2\n"),
            ("teams/x.toml", "x\n"),
            ("teams.toml", "t\n")
        ])
    );
    assert_eq!(files("HEAD~2"), pairs(&[]));
    assert!(matches!(fx.repo.read_at("nope"), Err(StoreError::UnknownRev(r)) if r == "nope"));

    // Without dot-folders, the same files in the same order as the working
    // tree reader.
    let disk = crate::load::read_dir(&fx.sched).unwrap();
    let head = fx.repo.read_at("HEAD").unwrap();
    assert_eq!(
        disk.iter().map(|f| (&f.rel, &f.bytes)).collect::<Vec<_>>(),
        head.iter().map(|f| (&f.rel, &f.bytes)).collect::<Vec<_>>()
    );
}

#[test]
fn read_at_the_root_prefix_sees_everything() {
    let fx = fixture("");
    fx.commit(
        &[
            w("people.toml", "p\n"),
            w(".hidden/h.toml", "h\n"),
            w("x.txt", "x\n"),
        ],
        "one",
    );
    let rels: Vec<String> = fx
        .repo
        .read_at("HEAD")
        .unwrap()
        .into_iter()
        .map(|f| f.rel)
        .collect();
    assert_eq!(rels, [".hidden/h.toml", "people.toml"]);
}

// ---- 7. revert_changes ------------------------------------------------------------

#[test]
fn revert_of_the_latest_commit_restores_the_previous_content() {
    let fx = fixture("");
    let text1 = "x = 1\n\n\n\ny = 1\n\n\n\nz = 1\n";
    let text2 = "x = 1\n\n\n\ny = 2\n\n\n\nz = 1\n";
    fx.commit(&[w("a.toml", text1), w("b.toml", "b\n")], "one");
    let two = fx.commit(&[w("a.toml", text2), d("b.toml")], "two");
    let changes = fx.repo.revert_changes(two).unwrap();
    assert_eq!(changes, [w("a.toml", text1), w("b.toml", "b\n")]);

    // Nothing touched by computing it.
    assert_eq!(fx.head(), Some(two));
    assert_eq!(fx.porcelain(), "");

    fx.commit(&changes, "Undo two");
    assert_eq!(fx.read("a.toml").unwrap(), text1);
    assert_eq!(fx.read("b.toml").unwrap(), "b\n");
    assert_eq!(fx.porcelain(), "");
    fx.fsck();
}

#[test]
fn revert_of_an_adding_commit_is_a_delete_and_older_commits_revert_cleanly() {
    let fx = fixture("schedules");
    let text1 = "x = 1\n\n\n\ny = 1\n\n\n\nz = 1\n";
    let text2 = "x = 2\n\n\n\ny = 1\n\n\n\nz = 1\n";
    let text3 = "x = 2\n\n\n\ny = 1\n\n\n\nz = 3\n";
    fx.commit(&[w("a.toml", text1)], "one");
    let two = fx.commit(&[w("a.toml", text2)], "two");
    let add = fx.commit(&[w("new/n.toml", "n\n")], "add");
    fx.commit(&[w("a.toml", text3)], "three");

    assert_eq!(fx.repo.revert_changes(add).unwrap(), [d("new/n.toml")]);
    // Lines changed by `two` were not touched since: a clean revert.
    assert_eq!(
        fx.repo.revert_changes(two).unwrap(),
        [w("a.toml", "x = 1\n\n\n\ny = 1\n\n\n\nz = 3\n")]
    );
    assert_eq!(fx.porcelain(), "");
}

#[test]
fn revert_of_a_commit_whose_lines_changed_later_conflicts() {
    let fx = fixture("schedules");
    fx.commit(&[w("a.toml", "x = 1\n"), w("b.toml", "b = 1\n")], "one");
    let two = fx.commit(&[w("a.toml", "x = 2\n"), w("b.toml", "b = 2\n")], "two");
    let three = fx.commit(&[w("a.toml", "x = 3\n")], "three");
    match fx.repo.revert_changes(two) {
        Err(StoreError::Conflict { paths }) => assert_eq!(paths, ["a.toml"]),
        other => panic!("expected Conflict, got {other:?}"),
    }
    assert_eq!(fx.head(), Some(three));
    assert_eq!(fx.porcelain(), "");
    assert!(!fx.root.join(".git/REVERT_HEAD").exists());
}

#[test]
fn revert_ignores_what_is_outside_the_schedule_directory() {
    let fx = fixture("schedules");
    fx.commit(&[w("a.toml", "a = 1\n")], "one");
    // A commit of the user that touches both the schedule and other files.
    fs::write(fx.root.join("README.md"), "r1\n").unwrap();
    fx.put("a.toml", "a = 2\n");
    fx.git(&["add", "-A"]);
    fx.git(&["commit", "-qm", "both"]);
    let both = fx.resolve_head();
    fs::write(fx.root.join("README.md"), "r2\n").unwrap();
    fx.git(&["commit", "-qam", "readme"]);
    // README conflicts, but only the schedule directory matters.
    assert_eq!(fx.repo.revert_changes(both).unwrap(), [w("a.toml", "a = 1\n")]);
}

impl Fx {
    fn resolve_head(&self) -> git2::Oid {
        self.repo.resolve("HEAD").unwrap()
    }
}

#[test]
fn the_first_commit_cannot_be_reverted() {
    let fx = fixture("");
    let first = fx.commit(&[w("a.toml", "a\n")], "one");
    match fx.repo.revert_changes(first) {
        Err(StoreError::Git(e)) => assert!(e.message().contains("first commit"), "{e}"),
        other => panic!("expected an error, got {other:?}"),
    }
}

// ---- 8. the lock --------------------------------------------------------------------

#[test]
fn locked_commits_from_two_threads_both_land() {
    let fx = fixture("schedules");
    fx.commit(&[w("people.toml", "p\n")], "Initial");
    let handles: Vec<_> = (0..2)
        .map(|i| {
            let sched = fx.sched.clone();
            std::thread::spawn(move || {
                let repo = Repo::open(&sched).unwrap();
                let _lock = repo.lock().unwrap();
                let sig = repo.signature(None, t0()).unwrap();
                repo.commit_changes(
                    &[w(&format!("t{i}.toml"), &format!("t = {i}\n"))],
                    &format!("thread {i}"),
                    &sig,
                )
                .unwrap()
            })
        })
        .collect();
    let ids: Vec<git2::Oid> = handles.into_iter().map(|h| h.join().unwrap()).collect();

    let log = fx.git(&["log", "--format=%H %s"]);
    let log = lines(&log);
    assert_eq!(log.len(), 3);
    for id in &ids {
        assert!(
            log.iter().any(|l| l.starts_with(&id.to_string())),
            "{id} missing from {log:?}"
        );
    }
    for rev in ["HEAD", "HEAD~1"] {
        let files = fx.git(&["show", "--name-only", "--format=", rev]);
        assert_eq!(lines(&files).len(), 1, "{rev}: {files}");
    }
    assert_eq!(fx.read("t0.toml").unwrap(), "t = 0\n");
    assert_eq!(fx.read("t1.toml").unwrap(), "t = 1\n");
    assert_eq!(fx.porcelain(), "");
    fx.fsck();
}

#[test]
fn the_lock_waits_for_its_holder() {
    let fx = fixture("");
    let held = fx.repo.lock().unwrap();
    let taken = Arc::new(AtomicBool::new(false));
    let handle = {
        let (root, taken) = (fx.root.clone(), Arc::clone(&taken));
        std::thread::spawn(move || {
            let repo = Repo::open(&root).unwrap();
            let _lock = repo.lock().unwrap();
            taken.store(true, Ordering::SeqCst);
        })
    };
    std::thread::sleep(Duration::from_millis(300));
    assert!(!taken.load(Ordering::SeqCst), "the lock was taken twice");
    drop(held);
    handle.join().unwrap();
    assert!(taken.load(Ordering::SeqCst));
    assert!(fx.root.join(".git/oncall.lock").exists());
}

// ---- 9. log, commit_info, resolve -------------------------------------------------------

#[test]
fn log_lists_commits_touching_the_schedule_directory_newest_first() {
    let fx = fixture("schedules");
    let one = fx.commit(&[w("people.toml", "p\n")], "Init\n\nOncall-Action: init\n");
    fs::write(fx.root.join("README.md"), "r\n").unwrap();
    fx.git(&["add", "README.md"]);
    fx.git(&["commit", "-qm", "Docs"]);
    let docs = fx.resolve_head();
    let swap_msg =
        "Swap alice and bob\n\nBecause of a trip.\n\nOncall-Action: swap\nOncall-Schedule: platform\n";
    let swap = fx.commit(&[w("platform.toml", "s\n")], swap_msg);
    fs::write(fx.root.join("README.md"), "r2\n").unwrap();
    fx.git(&["commit", "-qam", "More docs"]);

    let log = fx.repo.log(10).unwrap();
    assert_eq!(log.iter().map(|c| c.id).collect::<Vec<_>>(), [swap, one]);
    let c = &log[0];
    assert_eq!(c.summary, "Swap alice and bob");
    assert_eq!(c.message, swap_msg);
    assert_eq!(
        c.trailers,
        [
            ("Oncall-Action".to_string(), "swap".to_string()),
            ("Oncall-Schedule".to_string(), "platform".to_string())
        ]
    );
    assert_eq!(c.trailer("oncall-action"), Some("swap"));
    assert_eq!(c.trailer("Missing"), None);
    assert_eq!(
        (c.author_name.as_str(), c.author_email.as_str()),
        ("Ann Example", "ann@example.com")
    );
    assert_eq!(c.time, t0());
    assert_eq!(c.parent, Some(docs));
    assert!(
        c.short.len() >= 7 && c.id.to_string().starts_with(&c.short),
        "{}",
        c.short
    );
    assert_eq!(
        log[1].trailers,
        [("Oncall-Action".to_string(), "init".to_string())]
    );
    assert_eq!(log[1].parent, None);

    assert_eq!(
        fx.repo.log(1).unwrap().iter().map(|c| c.id).collect::<Vec<_>>(),
        [swap]
    );
    assert!(fx.repo.log(0).unwrap().is_empty());

    assert_eq!(fx.repo.resolve("HEAD~1").unwrap(), swap);
    assert_eq!(fx.repo.resolve(&c.short).unwrap(), swap);
    assert_eq!(fx.repo.resolve("main~3").unwrap(), one);
    assert_eq!(fx.repo.resolve(&format!("{}^{{tree}}", "HEAD")).ok(), None);
    assert!(matches!(fx.repo.resolve("nope"), Err(StoreError::UnknownRev(r)) if r == "nope"));
}

#[test]
fn log_follows_the_first_parent_through_merges() {
    let fx = fixture("");
    let one = fx.commit(&[w("a.toml", "a\n")], "one");
    fx.git(&["switch", "-q", "-c", "side"]);
    fx.put("side.toml", "s\n");
    fx.git(&["add", "side.toml"]);
    fx.git(&["commit", "-qm", "side"]);
    fx.git(&["switch", "-q", "main"]);
    let two = fx.commit(&[w("b.toml", "b\n")], "two");
    fx.git(&["merge", "-q", "--no-ff", "-m", "Merge side", "side"]);
    let merge = fx.resolve_head();
    let ids: Vec<_> = fx.repo.log(10).unwrap().into_iter().map(|c| c.id).collect();
    assert_eq!(ids, [merge, two, one]);

    // Undoing the merge (relative to its first parent) removes the side file.
    assert_eq!(fx.repo.revert_changes(merge).unwrap(), [d("side.toml")]);
}

// ---- failures after writing -------------------------------------------------------------

#[test]
fn a_failed_commit_restores_the_working_tree() {
    let fx = fixture("schedules");
    let first = fx.commit(&[w("a.toml", "a1\n"), w("b.toml", "b1\n")], "one");
    let changes = [w("a.toml", "a2\n"), d("b.toml"), w("n/m/new.toml", "n\n")];

    // The branch cannot be updated: the commit fails.
    let ref_lock = fx.root.join(".git/refs/heads/main.lock");
    fs::write(&ref_lock, "").unwrap();
    let result = fx.repo.commit_changes(&changes, "nope", &fx.sig());
    assert!(matches!(result, Err(StoreError::Git(_))), "{result:?}");
    fs::remove_file(&ref_lock).unwrap();
    check_untouched(&fx, first);

    // The index cannot be written: the commit is taken back.
    let index_lock = fx.root.join(".git/index.lock");
    fs::write(&index_lock, "").unwrap();
    let result = fx.repo.commit_changes(&changes, "nope", &fx.sig());
    assert!(matches!(result, Err(StoreError::Git(_))), "{result:?}");
    fs::remove_file(&index_lock).unwrap();
    check_untouched(&fx, first);

    // And then it works.
    fx.commit(&changes, "yes");
    assert_eq!(fx.read("n/m/new.toml").unwrap(), "n\n");
    assert_eq!(fx.porcelain(), "");
    fx.fsck();
}

fn check_untouched(fx: &Fx, head: git2::Oid) {
    assert_eq!(fx.head(), Some(head));
    assert_eq!(fx.read("a.toml").unwrap(), "a1\n");
    assert_eq!(fx.read("b.toml").unwrap(), "b1\n");
    assert!(!fx.sched.join("n").exists());
    assert_eq!(fx.porcelain(), "");
    assert_eq!(temp_files_left(&fx.root), Vec::<PathBuf>::new());
}

#[test]
fn a_failed_first_commit_leaves_the_branch_unborn() {
    let fx = fixture("schedules");
    let index_lock = fx.root.join(".git/index.lock");
    fs::write(&index_lock, "").unwrap();
    let result = fx
        .repo
        .commit_changes(&[w("people.toml", "p\n")], "nope", &fx.sig());
    assert!(matches!(result, Err(StoreError::Git(_))), "{result:?}");
    fs::remove_file(&index_lock).unwrap();
    assert_eq!(fx.head(), None);
    assert!(!fx.sched.join("people.toml").exists());
    assert!(fx.sched.is_dir());
    fx.repo.check_ready().unwrap();
    fx.commit(&[w("people.toml", "p\n")], "yes");
    assert_eq!(fx.porcelain(), "");
}

// ---- a model check --------------------------------------------------------------------

fn op() -> impl Strategy<Value = (usize, Option<u8>)> {
    (0..PATHS.len(), proptest::option::of(0u8..4))
}

const PATHS: [&str; 6] = [
    "people.toml",
    "a.toml",
    "teams/x.toml",
    "teams/y/z.toml",
    ".oncall/o.toml",
    "notes.md",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// After any sequence of commits, HEAD, the working tree, the index and
    /// `read_at` agree with a simple model, and `undo` of the last commit
    /// gives back the model before it.
    #[test]
    fn commits_agree_with_a_model(steps in proptest::collection::vec(proptest::collection::vec(op(), 1..4), 1..5)) {
        let fx = fixture("schedules");
        fx.commit(&[w("base.toml", "b\n")], "base");
        let mut model: BTreeMap<String, String> = BTreeMap::new();
        model.insert("base.toml".to_string(), "b\n".to_string());
        let mut previous = model.clone();
        let mut last = None;
        for (n, step) in steps.iter().enumerate() {
            let mut changes = Vec::new();
            let mut seen = std::collections::HashSet::new();
            previous = model.clone();
            for &(i, v) in step {
                let path = PATHS[i];
                if !seen.insert(path) {
                    continue;
                }
                match v {
                    Some(v) => {
                        let text = format!("v = {v} # {n}\n");
                        model.insert(path.to_string(), text.clone());
                        changes.push(w(path, &text));
                    }
                    None => {
                        model.remove(path);
                        changes.push(d(path));
                    }
                }
            }
            last = Some(fx.commit(&changes, &format!("step {n}")));
            let at_head: BTreeMap<String, String> = fx.repo.read_at("HEAD").unwrap().into_iter()
                .map(|f| (f.rel, String::from_utf8(f.bytes).unwrap())).collect();
            let want: BTreeMap<String, String> = model.iter()
                .filter(|(k, _)| k.ends_with(".toml")).map(|(k, v)| (k.clone(), v.clone())).collect();
            prop_assert_eq!(at_head, want);
            for path in PATHS {
                prop_assert_eq!(fx.read(path), model.get(path).cloned(), "{}", path);
            }
            prop_assert!(fx.repo.dirty(&PATHS).unwrap().is_empty());
        }
        let undo = fx.repo.revert_changes(last.unwrap()).unwrap();
        fx.commit(&undo, "undo");
        for path in PATHS {
            prop_assert_eq!(fx.read(path), previous.get(path).cloned(), "{}", path);
        }
        prop_assert_eq!(fx.porcelain(), "");
    }
}

#[test]
fn log_skips_commits_that_change_nothing() {
    let fx = fixture("");
    fx.git(&["commit", "-q", "--allow-empty", "-m", "empty root"]);
    let one = fx.commit(&[w("a.toml", "a\n")], "one");
    fx.git(&["commit", "-q", "--allow-empty", "-m", "empty"]);
    let ids: Vec<_> = fx.repo.log(10).unwrap().into_iter().map(|c| c.id).collect();
    assert_eq!(ids, [one]);
}
