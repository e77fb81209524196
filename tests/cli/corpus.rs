//! The corpus of broken and warning-laden directories in `tests/corpus/`:
//! each case's `.expect` says the exit status and texts that must appear;
//! the whole output is also kept as a snapshot for review.

use super::common::{oncall_in, root, transcript};

fn run_case(dir: &std::path::Path) -> (String, Vec<String>) {
    let expect = std::fs::read_to_string(dir.join(".expect")).expect(".expect");
    let mut now = "2026-03-01T00:00:00Z".to_string();
    let mut want_exit = None;
    let mut contains = Vec::new();
    let mut args: Vec<String> = Vec::new();
    for line in expect.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (k, v) = line.split_once(':').expect("key: value");
        let v = v.trim().to_string();
        match k {
            "exit" => want_exit = Some(v.parse::<i32>().unwrap()),
            "contains" => contains.push(v),
            "now" => now = v,
            "args" => args = v.split_whitespace().map(String::from).collect(),
            other => panic!("unknown .expect key {other}"),
        }
    }
    let out = oncall_in(dir)
        .env("ONCALL_NOW", &now)
        .args(["validate", "--horizon", "60d"])
        .args(&args)
        .output()
        .unwrap();
    let text = transcript(&out);
    let mut problems = Vec::new();
    if out.status.code() != want_exit {
        problems.push(format!("exit {:?}, expected {want_exit:?}", out.status.code()));
    }
    if text.contains("panicked") {
        problems.push("panicked".into());
    }
    for c in contains {
        if !text.contains(&c) {
            problems.push(format!("missing `{c}`"));
        }
    }
    (text, problems)
}

fn cases(kind: &str) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(root().join("tests/corpus").join(kind))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    v
}

fn check_all(kind: &str, min: usize) {
    let cases = cases(kind);
    assert!(cases.len() >= min, "expected at least {min} {kind} cases");
    let mut failures = Vec::new();
    for dir in &cases {
        let (text, problems) = run_case(dir);
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        if !problems.is_empty() {
            failures.push(format!("{name}: {}\n{text}", problems.join("; ")));
        }
        insta::with_settings!({snapshot_suffix => name.clone(), prepend_module_to_snapshot => false, omit_expression => true}, {
            insta::assert_snapshot!(format!("corpus_{kind}"), text);
        });
    }
    assert!(
        failures.is_empty(),
        "{} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn broken_files_are_reported_with_locations_and_exit_1() {
    check_all("broken", 40);
}

#[test]
fn warnings_are_reported_and_exit_0() {
    check_all("warn", 8);
}

#[test]
fn strict_turns_warnings_into_failure() {
    let dir = root().join("tests/corpus/warn/01-gap-nights");
    oncall_in(&dir)
        .env("ONCALL_NOW", "2026-03-01T00:00:00Z")
        .args(["validate", "--horizon", "60d", "--strict"])
        .assert()
        .code(1);
}
