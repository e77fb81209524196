//! Shell completions, man pages, `[paging]` in oncall.toml and the paging
//! contact card (`oncall export vcard`).

use clap::CommandFactory;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

use super::common::{oncall, oncall_in, root, tmp_dir, PEOPLE};

/// The checked-in scripts, by shell.
const COMPLETIONS: [(&str, &str); 5] = [
    ("bash", "oncall.bash"),
    ("zsh", "_oncall"),
    ("fish", "oncall.fish"),
    ("elvish", "oncall.elv"),
    ("powershell", "_oncall.ps1"),
];

fn stdout_of(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().expect("runs");
    assert!(out.status.success(), "{}", super::common::transcript(&out));
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn checked_in_completions_are_up_to_date() {
    let mut stale = Vec::new();
    for (shell, file) in COMPLETIONS {
        let generated = stdout_of(oncall().args(["completions", shell]));
        assert!(generated.contains("oncall"), "{shell}: {generated}");
        let path = root().join("completions").join(file);
        let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
        if generated != checked_in {
            stale.push(format!(
                "completions/{file} is out of date: run `cargo run -- completions {shell} > completions/{file}`"
            ));
        }
    }
    assert!(stale.is_empty(), "{}", stale.join("\n"));
}

#[test]
fn completions_know_the_subcommands() {
    let bash = stdout_of(oncall().args(["completions", "bash"]));
    for word in ["who", "shifts", "roster", "export", "vcard", "completions", "man"] {
        assert!(bash.contains(word), "no `{word}` in the bash script");
    }
}

#[test]
fn completions_for_an_unknown_shell_is_a_usage_error() {
    oncall()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("bash").and(contains("powershell")));
}

#[test]
fn completions_work_outside_a_schedule_directory() {
    let dir = tempfile::tempdir().expect("temp dir");
    oncall_in(dir.path())
        .args(["completions", "zsh"])
        .assert()
        .success()
        .stdout(contains("#compdef oncall"));
}

#[test]
fn man_writes_a_page_for_every_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out_dir = dir.path().join("share/man/man1");
    let listed = stdout_of(oncall_in(dir.path()).args(["man", "--dir", "share/man/man1"]));
    let listed: Vec<&str> = listed.lines().collect();
    assert_eq!(listed[0], "share/man/man1/oncall.1");

    // Every command and subcommand, found by walking the definition.
    fn names(cmd: &clap::Command, prefix: &str, out: &mut Vec<String>) {
        let name = format!("{prefix}{}", cmd.get_name());
        out.push(format!("{name}.1"));
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            names(sub, &format!("{name}-"), out);
        }
    }
    let mut expected = Vec::new();
    names(&oncall::cli::Cli::command(), "", &mut expected);
    for must in ["oncall-who.1", "oncall-roster-add.1", "oncall-export-vcard.1"] {
        assert!(expected.iter().any(|e| e == must), "{must} in {expected:?}");
    }
    for name in &expected {
        assert!(out_dir.join(name).is_file(), "no {name}");
        assert!(
            listed.contains(&format!("share/man/man1/{name}").as_str()),
            "{name} not listed in {listed:?}"
        );
    }
    assert_eq!(listed.len(), expected.len(), "{listed:?}");
    assert!(!out_dir.join("oncall-help.1").exists());

    let who = std::fs::read_to_string(out_dir.join("oncall-who.1")).expect("oncall-who.1");
    assert!(who.contains(".TH oncall-who 1"), "{who}");
    let about = oncall::cli::Cli::command()
        .find_subcommand("who")
        .and_then(|c| c.get_about())
        .expect("who has help text")
        .to_string();
    // roff writes `-` as `\-`.
    assert!(who.replace("\\-", "-").contains(&about), "no {about:?} in {who}");
    assert!(who.contains("oncall who"), "{who}");
}

#[test]
fn man_writes_into_the_current_directory_by_default() {
    let dir = tempfile::tempdir().expect("temp dir");
    let listed = stdout_of(oncall_in(dir.path()).arg("man"));
    assert!(listed.lines().any(|l| l == "oncall-who.1"), "{listed}");
    assert!(dir.path().join("oncall.1").is_file());
    assert!(dir.path().join("oncall-who.1").is_file());
}

#[test]
fn man_into_a_file_is_an_error() {
    let dir = tmp_dir(&[("taken", "")]);
    oncall_in(dir.path())
        .args(["man", "--dir", "taken"])
        .assert()
        .code(1)
        .stderr(contains("cannot create taken"));
}

/// The demo's card, byte for byte.
const DEMO_CARD: &str = "BEGIN:VCARD\r\n\
VERSION:4.0\r\n\
FN:Acme Paging\r\n\
N:Acme Paging;;;;\r\n\
UID:urn:uuid:da3247c6-b91c-888f-ac31-10ebc0aeeb20\r\n\
TEL;VALUE=uri;TYPE=voice,cell:tel:+14155550100\r\n\
TEL;VALUE=uri;TYPE=voice,cell:tel:+420800555010\r\n\
END:VCARD\r\n";

#[test]
fn vcard_of_the_demo() {
    oncall()
        .args(["export", "vcard"])
        .assert()
        .success()
        .stdout(DEMO_CARD)
        .stderr("");
}

#[test]
fn vcard_to_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("paging.vcf"), "an older card").expect("write");
    oncall_in(dir.path())
        .args([
            "--repo",
            &root().display().to_string(),
            "export",
            "vcard",
            "-o",
            "paging.vcf",
        ])
        .assert()
        .success()
        .stdout("")
        .stderr(contains("wrote paging.vcf").and(contains("Acme Paging")));
    let written = std::fs::read_to_string(dir.path().join("paging.vcf")).expect("read");
    assert_eq!(written, DEMO_CARD);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["paging.vcf"], "a temporary file was left behind");
}

#[test]
fn vcard_to_a_missing_folder_is_an_error() {
    oncall()
        .args(["export", "vcard", "-o", "no/such/folder/paging.vcf"])
        .assert()
        .code(1)
        .stderr(contains("cannot write no/such/folder/paging.vcf"));
}

#[test]
fn vcard_as_a_qr_code() {
    let out = stdout_of(oncall().args(["export", "vcard", "--qr"]));
    assert!(!out.contains("BEGIN:VCARD"), "{out}");
    assert!(out.contains('█'), "{out}");
    assert!(out.contains('▀') || out.contains('▄'), "{out}");
    assert!(!out.contains('\x1b'), "colour with NO_COLOR: {out}");
    let lines: Vec<&str> = out.lines().collect();
    let width = lines[0].chars().count();
    assert!(width <= 80, "{width} columns");
    // The quiet zone: full rows of light modules above the code.
    assert!(lines[0].chars().all(|c| c == '█'), "{}", lines[0]);
    assert!(lines.iter().all(|l| l.chars().count() == width), "ragged: {out}");
}

#[test]
fn vcard_as_a_qr_code_in_colour() {
    oncall()
        .args(["--color", "always", "export", "vcard", "--qr"])
        .assert()
        .success()
        .stdout(contains("\x1b[97;40m█"));
}

#[test]
fn vcard_without_paging_says_what_to_add() {
    let dir = tmp_dir(&[
        ("people.toml", PEOPLE),
        ("oncall.toml", "default_timezone = \"UTC\"\n"),
    ]);
    oncall_in(dir.path())
        .args(["export", "vcard"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            contains("error: no paging service to export: oncall.toml has no [paging] table")
                .and(contains("hint:"))
                .and(contains("[paging]\n"))
                .and(contains("name = \"Acme Paging\""))
                .and(contains("numbers = [\"+14155550100\"")),
        );
}

#[test]
fn vcard_without_oncall_toml_says_what_to_add() {
    let dir = tmp_dir(&[("people.toml", PEOPLE)]);
    oncall_in(dir.path())
        .args(["export", "vcard", "--qr"])
        .assert()
        .code(1)
        .stderr(contains("has no [paging] table"));
}

fn validate(oncall_toml: &str) -> assert_cmd::assert::Assert {
    let dir = tmp_dir(&[("people.toml", PEOPLE), ("oncall.toml", oncall_toml)]);
    oncall_in(dir.path()).arg("validate").assert()
}

#[test]
fn paging_is_accepted_as_a_table_or_inline() {
    validate("[paging]\nname = \"Acme Paging\"\nnumbers = [\"+14155550100\"]\n").success();
    validate("default_timezone = \"UTC\"\npaging = { name = \"P\", numbers = [\"+420800555010\"] }\n")
        .success();
}

#[test]
fn paging_number_not_in_e164_is_an_error_at_its_place() {
    validate("[paging]\nname = \"Acme Paging\"\nnumbers = [\"+14155550100\", \"0800 123\"]\n")
        .code(1)
        .stdout(contains("paging number `0800 123` is not in E.164 form").and(contains("oncall.toml:3:28")));
    for bad in [
        "14155550100",
        "+0123",
        "+1",
        "+1234567890123456",
        "+1 415 555 0100",
    ] {
        validate(&format!("[paging]\nname = \"P\"\nnumbers = [\"{bad}\"]\n"))
            .code(1)
            .stdout(contains(format!("paging number `{bad}`")));
    }
}

#[test]
fn paging_unknown_keys_are_errors() {
    validate("[paging]\nname = \"P\"\nnumbers = [\"+14155550100\"]\nnumber = \"+14155550101\"\n")
        .code(1)
        .stdout(
            contains("unknown field `number` in [paging]")
                .and(contains("oncall.toml:4:1"))
                .and(contains("did you mean `numbers`?")),
        );
}

#[test]
fn paging_needs_a_name_and_numbers() {
    validate("[paging]\nnumbers = []\n").code(1).stdout(
        contains("missing field `name` in [paging]")
            .and(contains("oncall.toml:1:1"))
            .and(contains("`numbers` in [paging] is empty"))
            .and(contains("oncall.toml:2:11")),
    );
    validate("[paging]\nname = \"P\"\n")
        .code(1)
        .stdout(contains("missing field `numbers` in [paging]"));
    validate("[paging]\nname = \"  \"\nnumbers = [\"+14155550100\"]\n")
        .code(1)
        .stdout(contains("`name` in [paging] is empty"));
    validate("[paging]\nname = \"P\"\nnumbers = \"+14155550100\"\n")
        .code(1)
        .stdout(contains("`numbers` in [paging] must be an array"));
    validate("paging = \"Acme\"\n")
        .code(1)
        .stdout(contains("`paging` in oncall.toml must be a table"));
}

#[test]
fn paging_number_listed_twice_is_a_warning() {
    validate("[paging]\nname = \"P\"\nnumbers = [\"+14155550100\", \"+14155550100\"]\n")
        .success()
        .stdout(contains("warning: paging number `+14155550100` is listed twice"));
}

#[test]
fn a_broken_paging_table_stops_export() {
    let dir = tmp_dir(&[
        ("people.toml", PEOPLE),
        ("oncall.toml", "[paging]\nname = \"P\"\nnumbers = [\"call us\"]\n"),
    ]);
    oncall_in(dir.path())
        .args(["export", "vcard"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("oncall.toml:3:12").and(contains("not in E.164 form")));
}
