//! `oncall`: on-call rotations as plain TOML files in a git repository.
//!
//! The crate is both the `oncall` command and a library for programs that
//! want to ask the same questions. Its parts, from the inside out:
//!
//! - [`model`]: the validated domain types (people, schedules, layers,
//!   rotations, restrictions, overrides). Pure data.
//! - [`engine`]: pure computation over the model: turns, restriction
//!   windows, layering, final shifts, who is on call. No I/O, no clock.
//! - [`load`]: finds a schedule directory, reads and checks its files, and
//!   builds the model, collecting every problem with file, line and column.
//! - [`check`]: the semantic checks `oncall validate` adds on top of loading
//!   (gaps, overlapping overrides, double booking, ...). Pure.
//! - [`diag`]: diagnostics and their renderings (human, JSON, GitHub).
//! - [`timearg`]: the TIME and DURATION arguments of the command line.
//! - [`cli`]: the command-line interface, one file per command.
//!
//! ```no_run
//! use oncall::{engine, load};
//! let dir = load::load_dir(std::path::Path::new("schedules")).expect("loads");
//! let now = chrono::Utc::now();
//! for s in &dir.schedules {
//!     println!("{}: {:?}", s.id, engine::who_at(s, now));
//! }
//! ```

pub mod check;
pub mod cli;
pub mod diag;
pub mod engine;
pub mod export;
pub mod load;
pub mod model;
pub mod store;
pub mod timearg;

pub use cli::run;
