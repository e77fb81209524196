//! The JSON outputs are a contract: exactly these keys, in these shapes.

use serde::Deserialize;

use super::common::{oncall, oncall_in, tmp_dir, PEOPLE};

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Who {
    schedule: String,
    person: Option<String>,
    start: Option<String>,
    end: Option<String>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Shift {
    person: String,
    start: String,
    end: String,
}

fn who(args: &[&str]) -> Vec<Who> {
    let out = oncall()
        .arg("who")
        .args(args)
        .arg("--json")
        .assert()
        .success()
        .get_output()
        .clone();
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn who_json_is_one_object_per_schedule_in_id_order() {
    let rows = who(&[]);
    let ids: Vec<&str> = rows.iter().map(|r| r.schedule.as_str()).collect();
    assert_eq!(
        ids,
        [
            "payments",
            "platform/primary",
            "platform/secondary",
            "support/follow-the-sun"
        ]
    );
}

#[test]
fn who_json_at_an_instant() {
    // Monday 2026-03-30 12:00 CEST: the week after DST began.
    let rows = who(&["--at", "2026-03-30T10:00:00Z", "platform/primary"]);
    assert_eq!(
        rows,
        vec![Who {
            schedule: "platform/primary".into(),
            person: Some("alice".into()),
            start: Some("2026-03-30T07:00:00Z".into()),
            end: Some("2026-04-06T07:00:00Z".into()),
        }]
    );
}

#[test]
fn who_json_gap_and_far_bounds_are_null() {
    let dir = tmp_dir(&[
        ("people.toml", PEOPLE),
        (
            "solo.toml",
            "timezone = \"UTC\"\n[[layers]]\nname = \"x\"\nstart = 2026-01-01T00:00:00\nrotation = \"1d\"\nmembers = [\"alice\"]\n",
        ),
        (
            "later.toml",
            "timezone = \"UTC\"\n[[layers]]\nname = \"x\"\nstart = 2027-01-01T00:00:00\nrotation = \"1w\"\nmembers = [\"bob\"]\n",
        ),
    ]);
    let out = oncall_in(dir.path())
        .args(["who", "--json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let rows: Vec<Who> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        rows,
        vec![
            // Nobody until the layer starts; the gap began more than 366 days ago.
            Who {
                schedule: "later".into(),
                person: None,
                start: None,
                end: Some("2027-01-01T00:00:00Z".into()),
            },
            // Alice forever: start known (within 366 days), end unknown.
            Who {
                schedule: "solo".into(),
                person: Some("alice".into()),
                start: Some("2026-01-01T00:00:00Z".into()),
                end: None,
            },
        ]
    );
}

#[test]
fn shifts_json_lists_final_shifts_in_order() {
    let out = oncall()
        .args([
            "shifts",
            "payments",
            "--from",
            "2026-12-07T00:00:00Z",
            "--to",
            "2026-12-08T00:00:00Z",
            "--json",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let rows: Vec<Shift> = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|s| (s.person.as_str(), s.start.as_str(), s.end.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("julia", "2026-12-07T00:00:00Z", "2026-12-07T08:00:00Z"),
            ("lukas", "2026-12-07T08:00:00Z", "2026-12-07T16:00:00Z"),
            ("ivan", "2026-12-07T16:00:00Z", "2026-12-08T00:00:00Z"),
        ]
    );
}

#[test]
fn shifts_json_for_a_person_and_with_local_times() {
    let out = oncall()
        .args([
            "shifts",
            "platform/primary",
            "--from",
            "2026-03-23",
            "--to",
            "2026-04-13",
            "--person",
            "alice",
            "--json",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let rows: Vec<Shift> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(rows.iter().all(|s| s.person == "alice"));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].start, "2026-03-30T07:00:00Z");
}

#[test]
fn validate_json_reports_counts_and_locations() {
    let dir = super::common::root().join("tests/corpus/broken/06-unknown-top-rotaton");
    let out = oncall_in(&dir)
        .args(["validate", "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["valid"], false);
    assert_eq!(v["errors"], 1);
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "unknown-field");
    assert_eq!(d["file"], "team.toml");
    assert_eq!(d["line"], 3);
    assert_eq!(d["column"], 1);
}
