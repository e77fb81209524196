//! Integration tests: the `oncall` binary run as a user would run it.
//!
//! One test binary, a hermetic environment for every run (see
//! [`common::oncall`]): a cleared environment, a fixed `ONCALL_NOW`, a fixed
//! viewer timezone, no colour, a temporary HOME.

mod common;
mod corpus;
mod demo;
mod errors;
mod export_misc;
mod git;
mod gitenv;
mod ics;
mod json;
mod snapshots;
mod undo_prop;
