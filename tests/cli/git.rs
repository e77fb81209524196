//! Every change is a git commit: the commands that mutate, checked with the
//! real `git` CLI.

use predicates::str::contains;

use super::gitenv::GitEnv;

// In the test repository, weeks start Monday 09:00 Prague (08:00Z):
// alice from 2026-11-30, bob from 12-07, carol from 12-14, alice 12-21, ...
const BOB_WEEK: &str = "2026-12-08T12:00:00Z";
const CAROL_WEEK: &str = "2026-12-15T12:00:00Z";

#[test]
fn init_example_makes_a_repository_with_one_clean_commit() {
    let env = GitEnv::bare();
    let dir = env.dir().join("oncall");
    env.oncall()
        .args(["init", "oncall", "--example"])
        .assert()
        .success()
        .stdout(contains("created"));
    assert_eq!(env.git_in(&dir, &["rev-list", "--count", "HEAD"]).trim(), "1");
    assert_eq!(env.git_in(&dir, &["status", "--porcelain"]), "");
    let msg = env.git_in(&dir, &["log", "-1", "--format=%B"]);
    assert!(msg.contains("Oncall-Action: init"), "{msg}");
    env.oncall_in(&dir).args(["validate"]).assert().success();
    env.oncall_in(&dir)
        .args(["init"])
        .assert()
        .code(1)
        .stderr(contains("already a schedule directory"));
}

#[test]
fn init_with_flags_and_no_terminal() {
    let env = GitEnv::bare();
    env.oncall()
        .args([
            "init",
            "team",
            "--timezone",
            "Europe/Prague",
            "--people",
            "ann,ben",
            "--yes",
        ])
        .assert()
        .success();
    let dir = env.dir().join("team");
    env.oncall_in(&dir).args(["validate"]).assert().success();
    env.oncall_in(&dir)
        .args(["who", "--json"])
        .assert()
        .success()
        .stdout(contains("\"schedule\": \"primary\""));
}

#[test]
fn override_commits_one_new_file_with_trailers() {
    let env = GitEnv::new();
    let before = env.commits();
    env.oncall()
        .args([
            "override",
            "team",
            "--who",
            "dave",
            "--from",
            "2026-12-08 09:00",
            "--to",
            "2026-12-09 09:00",
        ])
        .args(["--reason", "bob at the dentist", "-m", "agreed in standup"])
        .assert()
        .success()
        .stdout(contains("bob → dave"))
        .stdout(contains("committed"));
    assert_eq!(env.commits(), before + 1);
    env.assert_clean();
    let msg = env.git(&["log", "-1", "--format=%B"]);
    assert!(msg.starts_with("override team: dave on call"), "{msg}");
    assert!(msg.contains("agreed in standup"));
    assert!(msg.contains("Oncall-Action: override"));
    assert!(msg.contains("Oncall-Schedule: team"));
    let files = env.git(&["show", "--name-status", "--format=", "HEAD"]);
    assert_eq!(files.lines().count(), 1, "{files}");
    assert!(files.starts_with("A\t.oncall/overrides/team/"), "{files}");
    assert_eq!(env.who_at("2026-12-08T12:00:00Z").as_deref(), Some("dave"));
    assert_eq!(env.who_at("2026-12-09T12:00:00Z").as_deref(), Some("bob"));
    // The author comes from git config.
    assert_eq!(
        env.git(&["log", "-1", "--format=%an <%ae>"]).trim(),
        "Test User <alice@example.com>"
    );
}

#[test]
fn author_flag_and_env() {
    let env = GitEnv::new();
    env.oncall()
        .args([
            "override",
            "team",
            "--who",
            "dave",
            "--from",
            "2026-12-08 09:00",
            "--to",
            "2026-12-09 09:00",
        ])
        .args(["--author", "Pat Ops <pat@example.com>"])
        .assert()
        .success();
    assert_eq!(
        env.git(&["log", "-1", "--format=%an <%ae>"]).trim(),
        "Pat Ops <pat@example.com>"
    );
    env.oncall()
        .env("ONCALL_AUTHOR", "Env Person <env@example.com>")
        .args([
            "override",
            "team",
            "--who",
            "dave",
            "--from",
            "2026-12-10 09:00",
            "--to",
            "2026-12-11 09:00",
        ])
        .assert()
        .success();
    assert_eq!(env.git(&["log", "-1", "--format=%an"]).trim(), "Env Person");
}

#[test]
fn dry_run_writes_nothing() {
    let env = GitEnv::new();
    let head = env.head();
    env.oncall()
        .args([
            "override",
            "team",
            "--who",
            "dave",
            "--from",
            "2026-12-08 09:00",
            "--to",
            "2026-12-09 09:00",
            "--dry-run",
        ])
        .assert()
        .success()
        .stdout(contains("bob → dave"))
        .stdout(contains("dry run"));
    assert_eq!(env.head(), head);
    env.assert_clean();
    assert!(!env.dir().join(".oncall").exists());
}

#[test]
fn past_overrides_need_force() {
    let env = GitEnv::new();
    env.oncall()
        .args([
            "override",
            "team",
            "--who",
            "dave",
            "--from",
            "2026-12-01 09:00",
            "--to",
            "2026-12-02 09:00",
        ])
        .assert()
        .code(1)
        .stderr(contains("--force"));
    env.oncall()
        .args([
            "override",
            "team",
            "--who",
            "dave",
            "--from",
            "2026-12-01 09:00",
            "--to",
            "2026-12-02 09:00",
            "--force",
        ])
        .assert()
        .success();
}

#[test]
fn swap_by_dates_is_one_commit_of_two_overrides() {
    let env = GitEnv::new();
    env.oncall()
        .args([
            "swap",
            "team",
            "--as",
            "bob",
            "--mine",
            "2026-12-08",
            "--theirs",
            "2026-12-15",
        ])
        .assert()
        .success()
        .stdout(contains("bob ⇄ carol"));
    env.assert_clean();
    assert_eq!(env.who_at(BOB_WEEK).as_deref(), Some("carol"));
    assert_eq!(env.who_at(CAROL_WEEK).as_deref(), Some("bob"));
    let msg = env.git(&["log", "-1", "--format=%B"]);
    assert!(msg.contains("Oncall-Action: swap"), "{msg}");
    // A fair swap moves no hours: the diff says who changed where.
    env.oncall()
        .args(["diff", "HEAD~1", "HEAD"])
        .assert()
        .success()
        .stdout(contains("bob → carol"))
        .stdout(contains("carol → bob"));
}

#[test]
fn swap_by_explicit_times_for_part_of_a_shift() {
    let env = GitEnv::new();
    env.oncall()
        .args(["swap", "team", "--as", "bob", "--with", "carol"])
        .args(["--from", "2026-12-09 09:00", "--to", "2026-12-10 09:00"])
        .args([
            "--theirs-from",
            "2026-12-16 09:00",
            "--theirs-to",
            "2026-12-17 09:00",
        ])
        .assert()
        .success();
    assert_eq!(env.who_at("2026-12-09T12:00:00Z").as_deref(), Some("carol"));
    assert_eq!(env.who_at("2026-12-08T12:00:00Z").as_deref(), Some("bob"));
    assert_eq!(env.who_at("2026-12-16T12:00:00Z").as_deref(), Some("bob"));
}

#[test]
fn swap_errors_change_nothing() {
    let env = GitEnv::new();
    let head = env.head();
    // alice holds no shift on 12-08.
    env.oncall()
        .args([
            "swap",
            "team",
            "--as",
            "alice",
            "--mine",
            "2026-12-08",
            "--theirs",
            "2026-12-15",
        ])
        .assert()
        .code(1)
        .stderr(contains("holds no shift"))
        .stderr(contains("hint: see the shifts with: oncall shifts team"));
    // Unknown person and schedule.
    env.oncall()
        .args([
            "swap",
            "team",
            "--as",
            "zed",
            "--mine",
            "2026-12-08",
            "--theirs",
            "2026-12-15",
        ])
        .assert()
        .code(2);
    env.oncall()
        .args([
            "swap",
            "taem",
            "--as",
            "bob",
            "--mine",
            "2026-12-08",
            "--theirs",
            "2026-12-15",
        ])
        .assert()
        .code(2);
    // Overlapping: the same week.
    env.oncall()
        .args([
            "swap",
            "team",
            "--as",
            "bob",
            "--with",
            "carol",
            "--from",
            "2026-12-08 09:00",
            "--to",
            "2026-12-09 09:00",
        ])
        .args([
            "--theirs-from",
            "2026-12-08 10:00",
            "--theirs-to",
            "2026-12-08 11:00",
        ])
        .assert()
        .code(1);
    // No flags and no terminal: never waits for input.
    env.oncall()
        .args(["swap", "team", "--as", "bob"])
        .assert()
        .code(2)
        .stderr(contains("--mine"));
    assert_eq!(env.head(), head);
    env.assert_clean();
}

#[test]
fn uncommitted_edits_are_never_swept_up() {
    let env = GitEnv::new();
    // An unstaged edit to people.toml and a staged new file.
    let people = env.dir().join("people.toml");
    let edited = format!("{}\n# my edit\n", std::fs::read_to_string(&people).unwrap());
    std::fs::write(&people, &edited).unwrap();
    std::fs::write(env.dir().join("notes.txt"), "staged\n").unwrap();
    env.git(&["add", "notes.txt"]);
    env.oncall()
        .args([
            "override",
            "team",
            "--who",
            "dave",
            "--from",
            "2026-12-08 09:00",
            "--to",
            "2026-12-09 09:00",
        ])
        .assert()
        .success();
    let files = env.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert!(
        !files.contains("people.toml") && !files.contains("notes.txt"),
        "{files}"
    );
    assert_eq!(std::fs::read_to_string(&people).unwrap(), edited);
    let status = env.status();
    assert!(status.contains(" M people.toml"), "{status}");
    assert!(status.contains("A  notes.txt"), "{status}");
}

#[test]
fn a_file_with_uncommitted_edits_is_not_touched() {
    let env = GitEnv::new();
    let team = env.dir().join("team.toml");
    let edited = TEAM_EDITED;
    std::fs::write(&team, edited).unwrap();
    let head = env.head();
    env.oncall()
        .args(["roster", "add", "team", "weekly", "dave", "--from", "2026-12-10"])
        .assert()
        .code(1)
        .stderr(contains("uncommitted changes in team.toml"));
    assert_eq!(std::fs::read_to_string(&team).unwrap(), edited);
    assert_eq!(env.head(), head);
}

const TEAM_EDITED: &str = "# edited by hand\nname = \"Team\"\ntimezone = \"Europe/Prague\"\n\n[[layers]]\nname = \"weekly\"\nstart = 2026-11-30T09:00:00\nrotation = \"1w\"\nmembers = [\"alice\", \"bob\", \"carol\"]\n";

#[test]
fn repository_states_that_refuse() {
    // Detached HEAD.
    let env = GitEnv::new();
    let head = env.head();
    env.git(&["checkout", "-q", "--detach"]);
    env.oncall()
        .args([
            "override",
            "team",
            "--who",
            "dave",
            "--from",
            "2026-12-08 09:00",
            "--to",
            "2026-12-09 09:00",
        ])
        .assert()
        .code(1)
        .stderr(contains("detached"));
    assert_eq!(env.head(), head);

    // A merge in progress.
    let env = GitEnv::new();
    env.git(&["checkout", "-q", "-b", "other"]);
    std::fs::write(
        env.dir().join("team.toml"),
        super::gitenv::TEAM.replace("Team", "Other"),
    )
    .unwrap();
    env.git(&["commit", "-q", "-am", "other"]);
    env.git(&["checkout", "-q", "main"]);
    std::fs::write(
        env.dir().join("team.toml"),
        super::gitenv::TEAM.replace("Team", "Main"),
    )
    .unwrap();
    env.git(&["commit", "-q", "-am", "main"]);
    let (ok, _) = env.git_try(&["merge", "other"]);
    assert!(!ok, "the merge should conflict");
    env.oncall()
        .args([
            "override",
            "team",
            "--who",
            "dave",
            "--from",
            "2026-12-08 09:00",
            "--to",
            "2026-12-09 09:00",
        ])
        .assert()
        .code(1)
        .stderr(contains("merge"));

    // No identity.
    let env = GitEnv::new();
    std::fs::write(env.home.path().join(".gitconfig"), "").unwrap();
    let head = env.head();
    env.oncall()
        .args([
            "override",
            "team",
            "--who",
            "dave",
            "--from",
            "2026-12-08 09:00",
            "--to",
            "2026-12-09 09:00",
        ])
        .assert()
        .code(1)
        .stderr(contains("no author identity"));
    assert_eq!(env.head(), head);
    assert_eq!(env.status(), "");
}

#[test]
fn undo_and_redo_walk_the_stack() {
    let env = GitEnv::new();
    let start = env.tree();
    env.oncall()
        .args([
            "override",
            "team",
            "--who",
            "dave",
            "--from",
            "2026-12-08 09:00",
            "--to",
            "2026-12-09 09:00",
        ])
        .assert()
        .success();
    env.oncall()
        .args([
            "swap",
            "team",
            "--as",
            "bob",
            "--mine",
            "2026-12-08",
            "--theirs",
            "2026-12-15",
        ])
        .assert()
        .success();
    env.oncall()
        .args(["undo"])
        .assert()
        .success()
        .stdout(contains("undo: swap team"));
    assert_eq!(env.who_at(CAROL_WEEK).as_deref(), Some("carol"));
    env.oncall()
        .args(["redo"])
        .assert()
        .success()
        .stdout(contains("redo: swap team"));
    assert_eq!(env.who_at(CAROL_WEEK).as_deref(), Some("bob"));
    env.oncall().args(["undo"]).assert().success();
    env.oncall()
        .args(["undo"])
        .assert()
        .success()
        .stdout(contains("undo: override team"));
    assert_eq!(
        env.tree(),
        start,
        "two changes and two undos leave the tree as it was"
    );
    env.oncall()
        .args(["undo"])
        .assert()
        .code(1)
        .stderr(contains("nothing to undo"));
    env.assert_clean();
    let log = env.git(&["log", "--format=%s"]);
    assert_eq!(log.lines().count(), 7, "{log}");
}

#[test]
fn undo_refuses_a_hand_commit_without_force_and_conflicts_cleanly() {
    let env = GitEnv::new();
    std::fs::write(
        env.dir().join("team.toml"),
        super::gitenv::TEAM.replace("Team", "Core"),
    )
    .unwrap();
    env.git(&["commit", "-q", "-am", "rename by hand"]);
    env.oncall()
        .args(["undo", "HEAD"])
        .assert()
        .code(1)
        .stderr(contains("not made by oncall"));
    env.oncall().args(["undo", "HEAD", "--force"]).assert().success();
    assert!(std::fs::read_to_string(env.dir().join("team.toml"))
        .unwrap()
        .contains("\"Team\""));

    // A roster change, then a hand edit of the same lines: undo conflicts.
    env.oncall()
        .args(["roster", "add", "team", "weekly", "dave", "--from", "2026-12-10"])
        .assert()
        .success();
    let roster = env.head();
    let text = std::fs::read_to_string(env.dir().join("team.toml")).unwrap();
    std::fs::write(
        env.dir().join("team.toml"),
        text.replace("\"dave\"]", "\"dave\", \"alice\"]"),
    )
    .unwrap();
    env.git(&["commit", "-q", "-am", "hand edit"]);
    let head = env.head();
    env.oncall()
        .args(["undo", &roster])
        .assert()
        .code(1)
        .stderr(contains("conflicts"));
    assert_eq!(env.head(), head);
    env.assert_clean();
}

#[test]
fn roster_add_keeps_the_rotation_and_the_comments() {
    let env = GitEnv::new();
    // From 12-10 the next handoff is Mon 12-14 09:00, when carol is due.
    env.oncall()
        .args(["roster", "add", "team", "weekly", "dave", "--from", "2026-12-10"])
        .assert()
        .success()
        .stdout(contains("dave joins layer `weekly`"));
    env.assert_clean();
    let text = std::fs::read_to_string(env.dir().join("team.toml")).unwrap();
    assert!(text.starts_with("# The team's primary rotation."), "{text}");
    assert!(text.contains("name = \"weekly\"   # Monday handoffs"), "{text}");
    assert!(text.contains("end = 2026-12-14T09:00:00"), "{text}");
    assert!(
        text.contains("members = [\"carol\", \"alice\", \"bob\", \"dave\"]"),
        "{text}"
    );
    // The diff of the commit only adds lines.
    let diff = env.git(&["show", "--format=", "HEAD"]);
    assert!(
        !diff.lines().any(|l| l.starts_with('-') && !l.starts_with("---")),
        "{diff}"
    );
    for (at, who) in [
        ("2026-12-08T12:00:00Z", "bob"),
        ("2026-12-15T12:00:00Z", "carol"),
        ("2026-12-22T12:00:00Z", "alice"),
        ("2026-12-29T12:00:00Z", "bob"),
        ("2027-01-05T12:00:00Z", "dave"),
        ("2027-01-12T12:00:00Z", "carol"),
    ] {
        assert_eq!(env.who_at(at).as_deref(), Some(who), "at {at}");
    }
    env.oncall()
        .args([
            "roster",
            "remove",
            "team",
            "weekly",
            "alice",
            "--from",
            "2027-01-01",
        ])
        .assert()
        .success();
    env.oncall().args(["validate"]).assert().success();
}

#[test]
fn shift_market_offer_take_withdraw() {
    let env = GitEnv::new();
    let out = env
        .oncall()
        .args([
            "offer",
            "team",
            "--as",
            "bob",
            "--shift",
            "2026-12-08",
            "--note",
            "wedding",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let id = stdout
        .lines()
        .last()
        .unwrap()
        .rsplit(' ')
        .next()
        .unwrap()
        .to_string();
    env.assert_clean();
    let offers = env.oncall().args(["offers", "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&offers.stdout).unwrap();
    assert_eq!(v[0]["id"], id.as_str());
    assert_eq!(v[0]["who"], "bob");
    env.oncall()
        .args(["take", &id, "--as", "bob"])
        .assert()
        .code(1)
        .stderr(contains("your own offer"));
    env.oncall()
        .args(["take", "nope", "--as", "dave"])
        .assert()
        .code(2)
        .stderr(contains("no open offer"));
    env.oncall()
        .args(["take", &id, "--as", "dave"])
        .assert()
        .success();
    env.assert_clean();
    assert_eq!(env.who_at(BOB_WEEK).as_deref(), Some("dave"));
    env.oncall()
        .args(["offers"])
        .assert()
        .success()
        .stdout(contains("no open offers"));

    // Offer and withdraw.
    env.oncall()
        .args(["offer", "team", "--as", "carol", "--shift", "2026-12-15"])
        .assert()
        .success();
    let offers = env.oncall().args(["offers", "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&offers.stdout).unwrap();
    let id = v[0]["id"].as_str().unwrap().to_string();
    env.oncall()
        .args(["withdraw", &id, "--as", "alice"])
        .assert()
        .code(1);
    env.oncall()
        .args(["withdraw", &id, "--as", "carol"])
        .assert()
        .success();
    env.oncall()
        .args(["offers"])
        .assert()
        .success()
        .stdout(contains("no open offers"));
    env.assert_clean();
}

#[test]
fn history_lists_changes_with_their_effect() {
    let env = GitEnv::new();
    env.oncall()
        .args([
            "swap",
            "team",
            "--as",
            "bob",
            "--mine",
            "2026-12-08",
            "--theirs",
            "2026-12-15",
            "-m",
            "family visit",
        ])
        .assert()
        .success();
    let out = env.oncall().args(["history", "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["action"], "swap");
    assert_eq!(v[0]["body"], "family visit");
    assert_eq!(v[0]["author"], "Test User");
    assert_eq!(v[0]["effect"].as_array().unwrap().len(), 2);
    env.oncall()
        .args(["history", "team"])
        .assert()
        .success()
        .stdout(contains("swap team: bob ⇄ carol"))
        .stdout(contains("family visit"));
}

#[test]
fn time_travel_reads_an_older_revision() {
    let env = GitEnv::new();
    env.oncall()
        .args([
            "override",
            "team",
            "--who",
            "dave",
            "--from",
            "2026-12-08 09:00",
            "--to",
            "2026-12-09 09:00",
        ])
        .assert()
        .success();
    let at = "2026-12-08T12:00:00Z";
    let who = |rev: &str| {
        let out = env
            .oncall()
            .args(["who", "team", "--json", "--at", at, "--rev", rev])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v[0]["person"].as_str().unwrap().to_string()
    };
    assert_eq!(who("HEAD"), "dave");
    assert_eq!(who("HEAD~1"), "bob");
    env.oncall()
        .args([
            "shifts",
            "team",
            "--rev",
            "HEAD~1",
            "--from",
            "2026-12-08",
            "--to",
            "2026-12-09",
            "--json",
        ])
        .assert()
        .success()
        .stdout(contains("bob"));
    env.oncall()
        .args(["validate", "--rev", "HEAD~1"])
        .assert()
        .success();
    env.oncall()
        .args(["who", "--rev", "nope"])
        .assert()
        .code(1)
        .stderr(contains("unknown revision"));
}

#[test]
fn diff_formats() {
    let env = GitEnv::new();
    env.oncall()
        .args([
            "override",
            "team",
            "--who",
            "dave",
            "--from",
            "2026-12-08 09:00",
            "--to",
            "2026-12-09 09:00",
        ])
        .assert()
        .success();
    let md = env
        .oncall()
        .args(["diff", "HEAD~1", "HEAD", "--format", "markdown"])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("| from | to | before | after |"), "{md}");
    assert!(md.contains("**dave** +1d"), "{md}");
    let js = env
        .oncall()
        .args(["diff", "HEAD~1", "HEAD", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&js.stdout).unwrap();
    assert_eq!(v["schedules"][0]["schedule"], "team");
    assert_eq!(v["schedules"][0]["hours"]["dave"], 24.0);
    assert_eq!(v["schedules"][0]["hours"]["bob"], -24.0);
    // Working tree against HEAD: an uncommitted edit shows up.
    std::fs::write(
        env.dir().join("team.toml"),
        super::gitenv::TEAM.replace("\"alice\", \"bob\", \"carol\"", "\"bob\", \"alice\", \"carol\""),
    )
    .unwrap();
    env.oncall()
        .args(["diff"])
        .assert()
        .success()
        .stdout(contains("alice → bob"));
}

#[test]
fn two_processes_at_once_both_commit() {
    let env = GitEnv::new();
    let spawn = |who: &str, day: &str| {
        let mut c = env.oncall_process();
        c.args([
            "override",
            "team",
            "--who",
            who,
            "--from",
            &format!("2026-12-{day} 09:00"),
            "--to",
            &format!("2026-12-{day} 18:00"),
        ]);
        c.stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let children: Vec<_> = [("dave", "08"), ("alice", "09"), ("carol", "10"), ("dave", "11")]
        .iter()
        .map(|(w, d)| spawn(w, d))
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(env.commits(), 5);
    env.assert_clean();
    assert_eq!(env.who_at("2026-12-10T12:00:00Z").as_deref(), Some("carol"));
}

#[test]
fn two_clones_merge_without_conflicts() {
    let env = GitEnv::new();
    let origin = env
        .work
        .path()
        .join("../origin-".to_string() + &std::process::id().to_string() + ".git");
    let origin = origin.to_str().unwrap().to_string();
    env.git(&["clone", "-q", "--bare", ".", &origin]);
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    env.git_in(a.path(), &["clone", "-q", &origin, "."]);
    env.git_in(b.path(), &["clone", "-q", &origin, "."]);
    env.oncall_in(a.path())
        .args([
            "swap",
            "team",
            "--as",
            "bob",
            "--mine",
            "2026-12-08",
            "--theirs",
            "2026-12-15",
        ])
        .assert()
        .success();
    env.oncall_in(b.path())
        .args([
            "swap",
            "team",
            "--as",
            "alice",
            "--mine",
            "2026-12-22",
            "--theirs",
            "2026-12-29",
        ])
        .assert()
        .success();
    env.git_in(a.path(), &["push", "-q", "origin", "main"]);
    env.git_in(b.path(), &["pull", "-q", "--rebase", "origin", "main"]);
    env.git_in(b.path(), &["push", "-q", "origin", "main"]);
    env.git_in(a.path(), &["pull", "-q", "--no-rebase", "origin", "main"]);
    // history in A lists B's swap, merged in, as well as A's own.
    let out = env
        .oncall_in(a.path())
        .args(["history", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let swaps = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "swap")
        .count();
    assert_eq!(swaps, 2, "{v}");
    for dir in [a.path(), b.path()] {
        env.oncall_in(dir).args(["validate"]).assert().success();
        let out = env
            .oncall_in(dir)
            .args(["who", "team", "--json", "--at", "2026-12-30T12:00:00Z"])
            .output()
            .unwrap();
        assert!(String::from_utf8_lossy(&out.stdout).contains("alice"));
        let out = env
            .oncall_in(dir)
            .args(["who", "team", "--json", "--at", BOB_WEEK])
            .output()
            .unwrap();
        assert!(String::from_utf8_lossy(&out.stdout).contains("carol"));
    }
    let _ = std::fs::remove_dir_all(&origin);
}

#[test]
fn a_change_that_double_books_someone_is_made_with_a_warning() {
    let env = GitEnv::new();
    let backup = super::gitenv::TEAM.replace("\"Team\"", "\"Backup\"").replace(
        "[\"alice\", \"bob\", \"carol\"]",
        "[\"carol\", \"alice\", \"bob\"]",
    );
    std::fs::write(env.dir().join("backup.toml"), backup).unwrap();
    env.git(&["add", "backup.toml"]);
    env.git(&["commit", "-q", "-m", "backup rotation"]);
    // In carol's primary week bob is backup: swapping bob in doubles him up.
    env.oncall()
        .args([
            "swap",
            "team",
            "--as",
            "bob",
            "--mine",
            "2026-12-08",
            "--theirs",
            "2026-12-15",
        ])
        .assert()
        .success()
        .stderr(contains(
            "`bob` is on call in both `backup` and `team` at the same time",
        ));
}

#[test]
fn changes_are_checked_against_what_is_committed() {
    let env = GitEnv::new();
    // erin exists only in an uncommitted edit: an override naming erin
    // would commit a directory that names an unknown person.
    let people = env.dir().join("people.toml");
    let edited = format!(
        "{}\n[erin]\nname = \"Erin\"\n",
        std::fs::read_to_string(&people).unwrap()
    );
    std::fs::write(&people, &edited).unwrap();
    let head = env.head();
    env.oncall()
        .args([
            "override",
            "team",
            "--who",
            "erin",
            "--from",
            "2026-12-08 09:00",
            "--to",
            "+1d",
        ])
        .assert()
        .code(2)
        .stderr(contains("no person `erin`"));
    assert_eq!(env.head(), head);
    assert_eq!(std::fs::read_to_string(&people).unwrap(), edited);
}

#[test]
fn the_past_is_not_rewritten_without_force() {
    let env = GitEnv::new();
    // Started yesterday: the override starts now instead.
    env.oncall()
        .args([
            "override",
            "team",
            "--who",
            "dave",
            "--from",
            "yesterday",
            "--to",
            "+2d",
        ])
        .assert()
        .success()
        .stdout(contains("starts now"));
    assert_eq!(env.who_at("2026-12-02T12:00:00Z").as_deref(), Some("alice"));
    assert_eq!(env.who_at("2026-12-03T18:00:00Z").as_deref(), Some("dave"));
    // Undoing a change whose time has begun rewrites the past: --force.
    let env = GitEnv::new();
    env.oncall()
        .args([
            "swap",
            "team",
            "--as",
            "alice",
            "--mine",
            "2026-12-03",
            "--theirs",
            "2026-12-08",
        ])
        .assert()
        .success();
    assert_eq!(
        env.who_at("2026-12-02T12:00:00Z").as_deref(),
        Some("alice"),
        "the past of the current shift is kept"
    );
    assert_eq!(env.who_at("2026-12-04T12:00:00Z").as_deref(), Some("bob"));
}

#[test]
fn reason_and_relative_times() {
    let env = GitEnv::new();
    env.oncall()
        .args([
            "override",
            "team",
            "--who",
            "dave",
            "--from",
            "2026-12-08 09:00",
            "--to",
            "+8h",
            "--reason",
            "bob at the dentist",
        ])
        .assert()
        .success();
    let msg = env.git(&["log", "-1", "--format=%B"]);
    assert!(msg.contains("Reason: bob at the dentist"), "{msg}");
    assert_eq!(env.who_at("2026-12-08T15:30:00Z").as_deref(), Some("dave"));
    assert_eq!(
        env.who_at("2026-12-08T16:30:00Z").as_deref(),
        Some("bob"),
        "+8h counts from --from"
    );
    env.oncall().args(["who", "--at", "-1h"]).assert().success();
}
