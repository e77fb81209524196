//! The demo directory and the schedule patterns: they must work and stay
//! clean, now and in the future.

use super::common::{demo, oncall, oncall_in, root};

#[test]
fn who_works_from_the_project_root_with_no_flags() {
    let out = oncall().arg("who").assert().success().get_output().clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    for id in [
        "payments",
        "platform/primary",
        "platform/secondary",
        "support/follow-the-sun",
    ] {
        assert!(stdout.contains(id), "{id} missing from:\n{stdout}");
    }
    assert!(!stdout.contains("nobody"));
}

#[test]
fn demo_validates_clean_at_several_dates() {
    for now in [
        "2026-01-05T08:00:00Z",
        "2026-03-20T00:00:00Z",
        "2026-10-20T00:00:00Z",
        "2026-12-03T17:00:00Z",
        "2027-06-01T00:00:00Z",
        "2030-01-01T00:00:00Z",
    ] {
        oncall()
            .env("ONCALL_NOW", now)
            .args(["validate", "--strict", "--horizon", "120d"])
            .assert()
            .success();
    }
}

#[test]
fn patterns_validate_clean() {
    let dir = root().join("examples/patterns");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let p = entry.unwrap().path();
        if p.join("people.toml").is_file() {
            n += 1;
            oncall_in(&p).args(["validate", "--strict"]).assert().success();
        }
    }
    assert!(n >= 4, "expected at least 4 patterns, found {n}");
}

#[test]
fn discovery_from_a_subfolder_and_by_flag_and_env() {
    // From a folder inside the schedule directory.
    oncall_in(&demo().join("platform"))
        .arg("schedules")
        .assert()
        .success();
    // --repo naming the project root accepts its schedules/ folder.
    oncall_in(&std::env::temp_dir())
        .args(["--repo", root().to_str().unwrap(), "schedules"])
        .assert()
        .success();
    // ONCALL_REPO.
    oncall_in(&std::env::temp_dir())
        .env("ONCALL_REPO", demo())
        .arg("people")
        .assert()
        .success();
    // Nowhere to be found.
    let empty = tempfile::tempdir().unwrap();
    oncall_in(empty.path())
        .arg("who")
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no schedule directory found"));
}
