//! The hermetic test environment.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The fixed "now" of the tests: Thursday 2026-12-03 18:00 in Prague.
pub const NOW: &str = "2026-12-03T17:00:00Z";

/// The project root (where `schedules/` is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The demo schedule directory.
pub fn demo() -> PathBuf {
    root().join("schedules")
}

/// `oncall` with a clean environment, run in `cwd`.
pub fn oncall_in(cwd: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_oncall"));
    c.env_clear()
        .env("HOME", std::env::temp_dir())
        .env("ONCALL_NOW", NOW)
        .env("TZ", "Europe/Prague")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "120")
        .current_dir(cwd);
    c
}

/// `oncall` run at the project root, which finds the demo directory.
pub fn oncall() -> Command {
    oncall_in(&root())
}

/// stdout, stderr and the exit status in one text, for snapshots.
pub fn transcript(out: &std::process::Output) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().map_or("signal".to_string(), |c| c.to_string()),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Writes a small schedule directory into a temporary folder.
pub fn tmp_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

pub const PEOPLE: &str = r#"
[alice]
name = "Alice"
email = "alice@example.com"

[bob]
name = "Bob"
email = "bob@example.com"

[carol]
name = "Carol"
email = "carol@example.com"
"#;
