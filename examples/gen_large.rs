//! Writes a large generated schedule directory, for benchmarks.
//!
//! ```text
//! cargo run --release --example gen_large -- OUT_DIR [--schedules N] [--overrides N]
//!     [--layers N] [--members N] [--people N] [--seed N]
//! ```
//!
//! Defaults: 500 schedules x 3 layers x 8 members, 400 people, 2,000
//! overrides (see `benches/support/generate.rs`). The output is the same for
//! the same options. `bench/run.sh` uses it.

#[path = "../benches/support/generate.rs"]
mod generate;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen_large OUT_DIR [--schedules N] [--overrides N] [--layers N] \
                     [--members N] [--people N] [--seed N]";

fn parse_args() -> Result<(PathBuf, generate::Config), String> {
    let mut cfg = generate::Config::default();
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Err(USAGE.to_string());
        }
        if !arg.starts_with("--") {
            if out.replace(PathBuf::from(&arg)).is_some() {
                return Err(format!("more than one OUT_DIR given\n{USAGE}"));
            }
            continue;
        }
        let value = args
            .next()
            .ok_or_else(|| format!("{arg} needs a value\n{USAGE}"))?;
        let n: u64 = value
            .parse()
            .map_err(|_| format!("{arg}: `{value}` is not a whole number\n{USAGE}"))?;
        let size = usize::try_from(n).map_err(|_| format!("{arg}: {n} is too large"))?;
        match arg.as_str() {
            "--schedules" => cfg.schedules = size,
            "--overrides" => cfg.overrides = size,
            "--layers" => cfg.layers = size,
            "--members" => cfg.members = size,
            "--people" => cfg.people = size,
            "--seed" => cfg.seed = n,
            _ => return Err(format!("unknown option {arg}\n{USAGE}")),
        }
    }
    let out = out.ok_or_else(|| USAGE.to_string())?;
    Ok((out, cfg))
}

fn main() -> ExitCode {
    let (out, cfg) = match parse_args() {
        Ok(x) => x,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    match generate::generate(&out, &cfg) {
        Ok(()) => {
            println!(
                "wrote {}: {} schedules x {} layers x {} members, {} people, {} overrides",
                out.display(),
                cfg.schedules,
                cfg.layers,
                cfg.members,
                cfg.people,
                cfg.overrides
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_large: cannot write {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}
