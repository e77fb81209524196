//! `oncall export`: calendars and contacts for other programs.

use std::io::Write;
use std::process::ExitCode;

use super::{CliError, Context};

/// Export calendars (ICS) and contacts (vCard)
#[derive(Debug, clap::Subcommand)]
pub enum ExportCommand {
    Ics(super::ics::Args),
    Vcard(super::vcard::Args),
}

pub fn run(ctx: &Context, cmd: &ExportCommand, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    match cmd {
        ExportCommand::Ics(a) => super::ics::run(ctx, a, out),
        ExportCommand::Vcard(a) => super::vcard::run(ctx, a, out),
    }
}
