//! Human output, as a person sees it (without a terminal, so no colour).

use super::common::{oncall, transcript};

fn snap(name: &str, args: &[&str]) {
    let out = oncall().args(args).output().unwrap();
    insta::with_settings!({prepend_module_to_snapshot => false, omit_expression => true}, {
        insta::assert_snapshot!(name, transcript(&out));
    });
}

#[test]
fn who_table() {
    snap("who", &["who"]);
}

#[test]
fn who_at_a_dst_change() {
    snap(
        "who_at_dst",
        &["who", "--at", "2026-03-29 02:30", "--tz", "America/New_York"],
    );
}

#[test]
fn shifts_table() {
    snap(
        "shifts_payments",
        &["shifts", "payments", "--from", "2026-12-04", "--to", "2026-12-08"],
    );
}

#[test]
fn schedules_table() {
    snap("schedules", &["schedules"]);
}

#[test]
fn people_table() {
    snap("people", &["people"]);
}

#[test]
fn validate_clean() {
    snap("validate_demo", &["validate"]);
}

#[test]
fn who_shows_a_gap_as_nobody_with_a_warning() {
    let dir = super::common::tmp_dir(&[
        ("people.toml", super::common::PEOPLE),
        (
            "office.toml",
            "timezone = \"Europe/Prague\"\n[[layers]]\nname = \"office\"\nstart = 2026-01-05T09:00:00\nrotation = \"1w\"\nmembers = [\"alice\", \"bob\"]\nrestrictions = [{ days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"], from = \"09:00\", to = \"17:00\" }]\n",
        ),
    ]);
    // Thursday 18:00 in Prague: the office window closed an hour ago.
    let out = super::common::oncall_in(dir.path()).arg("who").output().unwrap();
    insta::with_settings!({prepend_module_to_snapshot => false, omit_expression => true}, {
        insta::assert_snapshot!("who_gap", transcript(&out));
    });
}

#[test]
fn validate_github_annotations() {
    let dir = super::common::root().join("tests/corpus/broken/72-multi-schedule-errors");
    let out = super::common::oncall_in(&dir)
        .args(["validate", "--format", "github"])
        .output()
        .unwrap();
    insta::with_settings!({prepend_module_to_snapshot => false, omit_expression => true}, {
        insta::assert_snapshot!("validate_github", transcript(&out));
    });
}
