//! Calendars: checked by an independent parser (Python's `icalendar`, set up
//! by .ci/run and named by ONCALL_PYTHON) against `oncall shifts --json`,
//! and for what subscribed calendars rely on: stable UIDs, determinism,
//! escaping, folding.

use std::collections::BTreeMap;
use std::path::Path;

use super::common::{oncall, oncall_in, root, tmp_dir};
use super::gitenv::GitEnv;

const FROM: &str = "2026-11-18T17:00:00Z";
const TO: &str = "2027-06-01T17:00:00Z";

fn export(args: &[&str]) -> String {
    let out = oncall()
        .args(["export", "ics"])
        .args(args)
        .args(["--from", FROM, "--to", TO])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn shifts_json(cwd: &Path, ids: &[&str], person: Option<&str>) -> String {
    let mut all = BTreeMap::new();
    for id in ids {
        let mut c = oncall_in(cwd);
        c.args(["shifts", id, "--from", FROM, "--to", TO, "--json"]);
        if let Some(p) = person {
            c.args(["--person", p]);
        }
        let out = c.output().unwrap();
        assert!(out.status.success());
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        all.insert(id.to_string(), v);
    }
    serde_json::to_string(&all).unwrap()
}

/// Runs the Python check; skipped (loudly) outside CI when no Python with
/// `icalendar` is configured.
fn python_check(feed: &str, shifts: &str) {
    let Some(python) = std::env::var_os("ONCALL_PYTHON") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must set ONCALL_PYTHON (see .ci/run)"
        );
        eprintln!("ONCALL_PYTHON not set: skipping the independent ICS check");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("feed.ics"), feed).unwrap();
    std::fs::write(dir.path().join("shifts.json"), shifts).unwrap();
    let out = std::process::Command::new(python)
        .arg(root().join("tests/ics/check_ics.py"))
        .arg(dir.path().join("feed.ics"))
        .arg(dir.path().join("shifts.json"))
        .args([FROM, TO])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the independent check failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn uids(feed: &str) -> Vec<String> {
    feed.lines()
        .filter_map(|l| l.strip_prefix("UID:"))
        .map(|u| u.trim_end().to_string())
        .collect()
}

#[test]
fn every_demo_feed_parses_and_equals_the_shifts() {
    let ids = [
        "payments",
        "platform/primary",
        "platform/secondary",
        "support/follow-the-sun",
    ];
    for id in ids {
        python_check(&export(&[id]), &shifts_json(&root(), &[id], None));
    }
    python_check(&export(&[]), &shifts_json(&root(), &ids, None));
    python_check(
        &export(&["--person", "alice"]),
        &shifts_json(&root(), &ids, Some("alice")),
    );
    python_check(
        &export(&["payments", "--alarm", "1h"]),
        &shifts_json(&root(), &["payments"], None),
    );
}

#[test]
fn lines_are_crlf_and_at_most_75_octets() {
    let feed = export(&[]);
    assert!(feed.ends_with("\r\n"));
    assert!(!feed.replace("\r\n", "").contains('\n'));
    for line in feed.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    for key in [
        "PRODID:",
        "X-WR-CALNAME:",
        "REFRESH-INTERVAL;VALUE=DURATION:",
        "X-PUBLISHED-TTL:",
        "DTSTAMP:20261203T170000Z",
    ] {
        assert!(feed.contains(key), "{key}");
    }
}

#[test]
fn exports_are_byte_identical() {
    assert_eq!(export(&[]), export(&[]));
}

#[test]
fn awkward_names_survive() {
    let people = "[ob]\nname = 'O''Brien, Jr.; \"ops\" \\\\ back'\nemail = \"ob@example.com\"\n"
        .replace("'O''Brien", "\"O'Brien")
        .replace("\\\\ back'", "\\\\ back\"")
        .replace("\"ops\"", "\\\"ops\\\"");
    let dir = tmp_dir(&[
        ("people.toml", &people),
        ("x.toml", "timezone = \"UTC\"\n[[layers]]\nname = \"l\"\nstart = 2026-11-30T09:00:00\nrotation = \"1w\"\nmembers = [\"ob\"]\n"),
    ]);
    let out = oncall_in(dir.path())
        .args(["export", "ics", "--from", FROM, "--to", TO])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let feed = String::from_utf8(out.stdout).unwrap();
    let unfolded = feed.replace("\r\n ", "");
    assert!(
        unfolded.contains("SUMMARY:On call: x (O'Brien\\, Jr.\\; \"ops\" \\\\ back)"),
        "{unfolded}"
    );
    python_check(&feed, &shifts_json(dir.path(), &["x"], None));
}

#[test]
fn uids_are_stable_and_follow_the_person() {
    let env = GitEnv::new();
    let run = |from: &str| {
        let out = env
            .oncall()
            .args([
                "export",
                "ics",
                "team",
                "--from",
                from,
                "--to",
                "2027-01-31T00:00:00Z",
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let before = uids(&run(FROM));
    assert!(before.len() > 5);
    // An override a month away changes only the events it touches.
    env.oncall()
        .args([
            "override",
            "team",
            "--who",
            "dave",
            "--from",
            "2027-01-12 09:00",
            "--to",
            "2027-01-13 09:00",
        ])
        .assert()
        .success();
    let after = uids(&run(FROM));
    let kept = before.iter().filter(|u| after.contains(u)).count();
    // The shift splits around the override: its first part keeps its UID
    // (same turn, same person), the override and the rest are new events.
    assert_eq!(kept, before.len(), "no other event changes");
    assert_eq!(after.len(), before.len() + 2);
    // A swap replaces the swapped events and keeps the others.
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
    let swapped = uids(&run(FROM));
    let kept = after.iter().filter(|u| swapped.contains(u)).count();
    assert_eq!(kept, after.len() - 2);
    // An unrelated schedule changes nothing in this feed.
    std::fs::write(
        env.dir().join("other.toml"),
        super::gitenv::TEAM.replace("Team", "Other"),
    )
    .unwrap();
    assert_eq!(uids(&run(FROM)), swapped);
    // The window moving does not change the UIDs of the events in both.
    let later = uids(&run("2026-12-20T00:00:00Z"));
    assert!(later.iter().all(|u| swapped.contains(u)));
}

#[test]
fn a_static_site_of_feeds() {
    let out_dir = tempfile::tempdir().unwrap();
    oncall()
        .args(["export", "ics", "--dir"])
        .arg(out_dir.path())
        .args(["--base-url", "https://oncall.example.com/feeds"])
        .assert()
        .success();
    let p = out_dir.path();
    assert!(p.join("schedules/platform/primary.ics").is_file());
    assert!(p.join("people/alice.ics").is_file());
    let index = std::fs::read_to_string(p.join("index.html")).unwrap();
    assert!(
        index.contains("webcal://oncall.example.com/feeds/schedules/platform/primary.ics"),
        "{index}"
    );
    assert!(index.contains("webcal://oncall.example.com/feeds/people/alice.ics"));
    let alice = std::fs::read_to_string(p.join("people/alice.ics")).unwrap();
    assert!(alice.contains("X-WR-CALNAME:On call: Alice Novak"));
    assert!(!alice.contains("X-ONCALL-PERSON:bob"));
}

#[test]
fn output_file_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("cal.ics");
    oncall()
        .args(["export", "ics", "payments", "-o"])
        .arg(&f)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&f)
        .unwrap()
        .starts_with("BEGIN:VCALENDAR\r\n"));
}

#[test]
fn an_override_on_one_night_changes_only_that_night() {
    // The follow-the-sun demo: each region's week is seven nightly pieces.
    let env = GitEnv::bare();
    let dir = env.dir();
    for f in ["people.toml", "oncall.toml", "support/follow-the-sun.toml"] {
        let to = dir.join(f);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(root().join("schedules").join(f), to).unwrap();
    }
    env.git(&["init", "-q", "-b", "main"]);
    env.git(&["add", "."]);
    env.git(&["commit", "-q", "-m", "demo"]);
    let feed = || {
        let out = env
            .oncall()
            .args([
                "export",
                "ics",
                "--from",
                "2027-01-25T00:00:00Z",
                "--to",
                "2027-02-08T00:00:00Z",
            ])
            .output()
            .unwrap();
        uids(&String::from_utf8(out.stdout).unwrap())
    };
    let before = feed();
    env.oncall()
        .args(["override", "support/follow-the-sun", "--who", "olivia"])
        .args(["--from", "2027-02-01T00:00:00Z", "--to", "2027-02-01T08:00:00Z"])
        .assert()
        .success();
    let after = feed();
    let gone: Vec<_> = before.iter().filter(|u| !after.contains(u)).collect();
    let new: Vec<_> = after.iter().filter(|u| !before.contains(u)).collect();
    assert_eq!(
        (gone.len(), new.len()),
        (1, 1),
        "one night replaced, the other nights keep their UIDs"
    );
}

#[test]
fn site_links_are_encoded_and_base_url_checked() {
    let dir = tmp_dir(&[
        ("people.toml", super::common::PEOPLE),
        (
            "team/night ops #1.toml",
            "timezone = \"UTC\"\n[[layers]]\nname = \"l\"\nstart = 2026-11-30T09:00:00\nrotation = \"1w\"\nmembers = [\"alice\"]\n",
        ),
    ]);
    let out = tempfile::tempdir().unwrap();
    oncall_in(dir.path())
        .args(["export", "ics", "--dir"])
        .arg(out.path())
        .args(["--base-url", "HTTPS://x.example/feeds"])
        .assert()
        .success();
    let index = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    assert!(
        index.contains("webcal://x.example/feeds/schedules/team/night%20ops%20%231.ics"),
        "{index}"
    );
    for bad in ["x.example", "ftp://x/", "https://x/a?b=1"] {
        oncall_in(dir.path())
            .args(["export", "ics", "--dir"])
            .arg(out.path())
            .args(["--base-url", bad])
            .assert()
            .code(2);
    }
    // A second export into the same folder removes feeds no longer published.
    std::fs::write(out.path().join("people/gone.ics"), "x").unwrap();
    oncall_in(dir.path())
        .args(["export", "ics", "--dir"])
        .arg(out.path())
        .assert()
        .success();
    assert!(!out.path().join("people/gone.ics").exists());
}
