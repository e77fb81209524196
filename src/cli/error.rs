//! The command line's one error type and its rendering.
//!
//! Every command returns `Result<ExitCode, CliError>`. An error has a kind
//! that decides the exit code, a message, optional hints, and optional
//! diagnostics (problems in the schedule files). It is rendered in one
//! place, [`CliError::render`].

use std::process::ExitCode;

use crate::diag::{render_human, Diagnostic, Styles};

/// Exit codes, as documented in the README.
pub mod exit {
    /// Success (for `validate`: no errors, and no warnings with `--strict`).
    pub const OK: u8 = 0;
    /// The schedule files have problems, or the command could not do its job.
    pub const FAILURE: u8 = 1;
    /// The command line is wrong: unknown flag, bad TIME, unknown schedule.
    pub const USAGE: u8 = 2;
    /// A bug or an environment problem (I/O error other than a closed pipe).
    pub const INTERNAL: u8 = 3;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Bad input in the files or a request that cannot be satisfied.
    User,
    /// A mistake on the command line.
    Usage,
    /// Something that should not happen.
    Internal,
    /// The reader of our output went away (`oncall who | head`): not an error.
    Pipe,
}

#[derive(Debug)]
pub struct CliError {
    pub kind: Kind,
    pub message: String,
    pub hints: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
}

impl CliError {
    pub fn user(message: impl Into<String>) -> CliError {
        CliError {
            kind: Kind::User,
            message: message.into(),
            hints: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    pub fn usage(message: impl Into<String>) -> CliError {
        CliError {
            kind: Kind::Usage,
            ..CliError::user(message)
        }
    }

    pub fn internal(message: impl Into<String>) -> CliError {
        CliError {
            kind: Kind::Internal,
            ..CliError::user(message)
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> CliError {
        self.hints.push(hint.into());
        self
    }

    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(match self.kind {
            Kind::User => exit::FAILURE,
            Kind::Usage => exit::USAGE,
            Kind::Internal => exit::INTERNAL,
            Kind::Pipe => exit::OK,
        })
    }

    /// The text shown on stderr.
    pub fn render(&self, styles: &Styles) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            out.push_str(&render_human(d, styles));
            out.push('\n');
        }
        let e = styles.error;
        out.push_str(&format!("{e}error{e:#}: {}\n", self.message));
        for h in &self.hints {
            let s = styles.hint;
            out.push_str(&format!("{s}hint{s:#}: {h}\n"));
        }
        out
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        if is_broken_pipe(&e) {
            return CliError {
                kind: Kind::Pipe,
                ..CliError::user("output closed")
            };
        }
        CliError::internal(format!("cannot write output: {e}"))
    }
}

/// True when an error chain is a closed output pipe (`oncall who | head`).
pub fn is_broken_pipe(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe
}
