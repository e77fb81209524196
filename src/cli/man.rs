//! `oncall man`: roff man pages for `oncall` and every subcommand, generated
//! by clap_mangen from the same definition the parser uses.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory;

use super::{CliError, Context};

/// Write man pages for oncall and each of its commands.
///
/// Writes oncall.1 and one page per command and subcommand (oncall-who.1,
/// oncall-roster-add.1, ...) into DIR, and lists the files written. Put them
/// in a man1 folder on your MANPATH to read them with `man oncall-who`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  oncall man --dir ~/.local/share/man/man1    then: man oncall-who
  sudo oncall man --dir /usr/local/share/man/man1
  oncall man --dir target/man                 for a package")]
pub struct Args {
    /// The folder to write the pages into, created if missing [default: the current directory]
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let shown = args.dir.clone().unwrap_or_default();
    let dir = ctx.cwd.join(&shown);
    std::fs::create_dir_all(&dir)
        .map_err(|e| CliError::user(format!("cannot create {}: {e}", show(&shown))))?;
    let pages = pages()?;
    for (name, roff) in &pages {
        std::fs::write(dir.join(name), roff)
            .map_err(|e| CliError::user(format!("cannot write {}: {e}", show(&shown.join(name)))))?;
        writeln!(out, "{}", show(&shown.join(name)))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A path as the user wrote it; the empty path (the current folder) as `.`.
fn show(p: &Path) -> String {
    if p.as_os_str().is_empty() {
        ".".to_string()
    } else {
        p.display().to_string()
    }
}

/// Every page, as (file name, roff), the top command first and then its
/// subcommands depth first, in the order `--help` lists them. Hidden
/// commands and clap's `help` subcommand get no page.
fn pages() -> Result<Vec<(String, Vec<u8>)>, CliError> {
    // Building sets each subcommand's display name (`oncall-roster-add`),
    // which names its page, and its bin name (`oncall roster add`), which
    // its synopsis shows.
    let mut cmd = super::Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    add_pages(&cmd, &mut pages)?;
    Ok(pages)
}

fn add_pages(cmd: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) -> Result<(), CliError> {
    // Every page names the program and its version in the footer, not
    // only the top one (a subcommand has no version of its own).
    let man = clap_mangen::Man::new(cmd.clone()).source(format!("oncall {}", env!("CARGO_PKG_VERSION")));
    let mut roff = Vec::new();
    man.render(&mut roff)
        .map_err(|e| CliError::internal(format!("cannot render the man page of {}: {e}", cmd.get_name())))?;
    pages.push((man.get_filename(), roff));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        add_pages(sub, pages)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_gets_a_page() {
        let pages = pages().expect("renders");
        let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names[0], "oncall.1");
        for name in [
            "oncall-who.1",
            "oncall-roster-add.1",
            "oncall-export-vcard.1",
            "oncall-man.1",
        ] {
            assert!(names.contains(&name), "no {name} in {names:?}");
        }
        assert!(!names.iter().any(|n| n.starts_with("oncall-help")), "{names:?}");

        // One page per command, counted independently of clap_mangen.
        fn count(cmd: &clap::Command) -> usize {
            1 + cmd
                .get_subcommands()
                .filter(|s| !s.is_hide_set() && s.get_name() != "help")
                .map(count)
                .sum::<usize>()
        }
        assert_eq!(pages.len(), count(&crate::cli::Cli::command()));
    }

    #[test]
    fn subcommand_pages_name_the_full_command() {
        let pages = pages().expect("renders");
        let (_, roff) = pages
            .iter()
            .find(|(n, _)| n == "oncall-roster-add.1")
            .expect("a page for roster add");
        let roff = String::from_utf8_lossy(roff);
        assert!(
            roff.lines().any(|l| l.starts_with(".TH oncall-roster-add 1 ")),
            "{roff}"
        );
        assert!(roff.contains("oncall roster add"), "{roff}");
    }
}
