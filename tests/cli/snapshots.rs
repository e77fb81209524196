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
