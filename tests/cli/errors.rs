//! Bad command lines and hostile conditions: clear messages, right exit codes.

use std::io::Read;
use std::process::Stdio;

use predicates::str::contains;

use super::common::{oncall, root, NOW};

#[test]
fn unknown_schedule_is_a_usage_error_with_a_suggestion() {
    oncall()
        .args(["who", "paymnets"])
        .assert()
        .code(2)
        .stderr(contains("no schedule `paymnets`"))
        .stderr(contains("did you mean `payments`?"));
}

#[test]
fn bad_time_is_a_usage_error() {
    oncall()
        .args(["who", "--at", "the day after"])
        .assert()
        .code(2)
        .stderr(contains("invalid time `the day after`"));
}

#[test]
fn bad_flag_is_a_usage_error() {
    oncall().args(["who", "--bogus"]).assert().code(2);
}

#[test]
fn unknown_tz_is_a_usage_error() {
    oncall()
        .args(["--tz", "Europe/Prag", "who"])
        .assert()
        .code(2)
        .stderr(contains("did you mean `Europe/Prague`?"));
}

#[test]
fn bad_oncall_now_is_reported() {
    oncall()
        .env("ONCALL_NOW", "yesterday")
        .arg("who")
        .assert()
        .code(2)
        .stderr(contains("ONCALL_NOW"));
}

#[test]
fn a_broken_file_stops_who_with_its_location() {
    let dir = root().join("tests/corpus/broken/28-unknown-member");
    super::common::oncall_in(&dir)
        .arg("who")
        .assert()
        .code(1)
        .stderr(contains("team.toml:8:21"))
        .stderr(contains("oncall validate"));
}

#[test]
fn folder_is_not_a_single_schedule() {
    oncall()
        .args(["shifts", "platform"])
        .assert()
        .code(2)
        .stderr(contains("platform/primary, platform/secondary"));
}

#[test]
fn closed_pipe_is_not_an_error() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_oncall"))
        .env_clear()
        .env("ONCALL_NOW", NOW)
        .env("TZ", "UTC")
        .current_dir(root())
        .args(["shifts", "payments", "--to", "+300d"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "exit {:?}, stderr: {stderr}", out.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let plain = oncall().arg("who").output().unwrap();
    assert!(!plain.stdout.contains(&0x1b));
    let forced = oncall().args(["--color", "always", "who"]).output().unwrap();
    assert!(forced.stdout.contains(&0x1b));
    let never = oncall()
        .env_remove("NO_COLOR")
        .args(["--color", "never", "who"])
        .output()
        .unwrap();
    assert!(!never.stdout.contains(&0x1b));
}

#[test]
fn every_command_has_help_with_examples() {
    // Every leaf command, found by walking the help tree.
    fn commands(path: &[String]) -> Vec<Vec<String>> {
        let mut c = oncall();
        c.args(path).arg("--help");
        let help = String::from_utf8(c.output().unwrap().stdout).unwrap();
        let Some(list) = help.split("Commands:\n").nth(1) else {
            return vec![path.to_vec()];
        };
        list.lines()
            .take_while(|l| !l.trim().is_empty())
            // "  name   about"; wrapped "about" lines are indented further.
            .filter_map(|l| l.strip_prefix("  ").filter(|l| !l.starts_with(' ')))
            .filter_map(|l| l.split_whitespace().next())
            .filter(|name| *name != "help")
            .flat_map(|name| {
                let mut p = path.to_vec();
                p.push(name.to_string());
                commands(&p)
            })
            .collect()
    }
    let all = commands(&[]);
    assert!(all.len() >= 20, "{all:?}");
    for cmd in all {
        oncall()
            .args(&cmd)
            .arg("--help")
            .assert()
            .success()
            .stdout(contains("Examples:"));
    }
    oncall()
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("Exit codes"));
}
