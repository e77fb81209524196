//! `oncall validate`: everything that can be wrong with the directory.

use std::io::Write;
use std::process::ExitCode;

use super::{CliError, Context};

/// Check the schedule directory.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_ctx: &Context, _args: &Args, _out: &mut dyn Write) -> Result<ExitCode, CliError> {
    Ok(ExitCode::SUCCESS)
}
