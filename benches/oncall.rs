//! Benchmarks of `oncall` on a large generated directory (500 schedules x 3
//! layers x 8 members, 2,000 overrides, rotations started ten years ago),
//! through the library API.
//!
//! ```text
//! cargo bench --bench oncall
//! ```
//!
//! - `load`: read and parse every file (`load::load_path`);
//! - `who`: load, then `engine::around` for every schedule (what `oncall who`
//!   computes, without rendering);
//! - `who_engine_only`: the `around` calls on an already loaded directory;
//! - `shifts_90d`: `engine::shifts` over 90 days for every schedule;
//! - `validate_90d`: load, then `check::check` with a 90-day horizon.
//!
//! Before the criterion runs it prints a quick summary with the ratio
//! `who / load` (the target: within 3x, and well under 100 ms). See
//! `bench/README.md`.

#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, Utc};
use criterion::Criterion;
use oncall::load::{load_files, load_path, read_dir, Loaded, SourceFile, PEOPLE_FILE, SETTINGS_FILE};
use oncall::{check, engine};

/// The fixed "now" of every benchmark: ten years after the rotations began.
fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-03T17:00:00Z")
        .expect("a valid instant")
        .with_timezone(&Utc)
}

fn load(dir: &Path) -> Loaded {
    let loaded = load_path(dir, "").expect("the generated directory loads");
    assert!(
        !loaded.has_errors(),
        "the generated directory has errors: {:?}",
        loaded.diagnostics.iter().find(|d| d.is_error())
    );
    loaded
}

/// What `oncall who` computes for every schedule.
fn who_all(loaded: &Loaded, now: DateTime<Utc>) -> usize {
    loaded
        .dir
        .schedules
        .iter()
        .map(|s| engine::around(s, now, engine::who_limit()))
        .filter(|a| a.person.is_some())
        .count()
}

fn shifts_all(loaded: &Loaded, from: DateTime<Utc>, to: DateTime<Utc>) -> usize {
    loaded
        .dir
        .schedules
        .iter()
        .map(|s| engine::shifts(s, from, to).len())
        .sum()
}

fn validate(loaded: &Loaded, now: DateTime<Utc>) -> usize {
    check::check(&loaded.dir, &loaded.origins, now, TimeDelta::days(90)).len()
}

/// The median of `runs` timings of `f`, after one warm-up call.
fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    black_box(f());
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// A quick, criterion-independent summary: the figures the issue asks for.
fn summary(dir: &Path) {
    let now = now();
    let loaded = load(dir);
    let to = now + TimeDelta::days(90);
    let runs = 21;
    let t_load = median(runs, || load(dir));
    let t_who = median(runs, || who_all(&load(dir), now));
    let t_engine = median(runs, || who_all(&loaded, now));
    let t_shifts = median(runs, || shifts_all(&loaded, now, to));
    let t_validate = median(runs, || validate(&load(dir), now));
    // Where load and validate time goes.
    let files = read_dir(dir).expect("the directory reads");
    let head: Vec<SourceFile> = files
        .iter()
        .filter(|f| f.rel == PEOPLE_FILE || f.rel == SETTINGS_FILE)
        .cloned()
        .collect();
    let t_read = median(runs, || read_dir(dir).expect("the directory reads"));
    let t_parse = median(runs, || load_files(dir, "", files.clone()));
    let t_people = median(runs, || load_files(dir, "", head.clone()));
    let t_check = median(runs, || validate(&loaded, now));
    let n = loaded.dir.schedules.len();
    println!(
        "oncall bench: {n} schedules, {} people, {} files; now = {now}",
        loaded.dir.people.len(),
        loaded.files
    );
    println!(
        "  on call now: {}/{n}; shifts over 90 days: {}; validate warnings: {}",
        who_all(&loaded, now),
        shifts_all(&loaded, now, to),
        validate(&loaded, now)
    );
    println!("  median of {runs} runs:");
    println!("    load (read + parse)      {:>10}", ms(t_load));
    println!("    who (load + around)      {:>10}", ms(t_who));
    println!("    who, engine only         {:>10}", ms(t_engine));
    println!("    shifts 90d, engine only  {:>10}", ms(t_shifts));
    println!("    validate 90d (load + check) {:>7}", ms(t_validate));
    println!("  pieces:");
    println!("    load: read_dir (I/O)     {:>10}", ms(t_read));
    println!("    load: load_files (parse) {:>10}", ms(t_parse));
    println!("    load: people.toml alone  {:>10}", ms(t_people));
    println!("    validate: check alone    {:>10}", ms(t_check));
    let ratio = t_who.as_secs_f64() / t_load.as_secs_f64();
    let verdict = if ratio <= 3.0 && t_who < Duration::from_millis(100) {
        "within target"
    } else {
        "OVER TARGET"
    };
    println!("    who / load = {ratio:.2} (target <= 3, who < 100 ms): {verdict}");
    println!();
}

fn benches(c: &mut Criterion, dir: &Path) {
    let now = now();
    let to = now + TimeDelta::days(90);
    let loaded = load(dir);

    let mut g = c.benchmark_group("large");
    g.sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    g.bench_function("load", |b| b.iter(|| load(black_box(dir))));
    g.bench_function("who", |b| b.iter(|| who_all(&load(black_box(dir)), now)));
    g.bench_function("who_engine_only", |b| {
        b.iter(|| who_all(black_box(&loaded), black_box(now)))
    });
    // The slower ones: fewer samples, so the whole run stays short.
    g.measurement_time(Duration::from_secs(6));
    g.bench_function("shifts_90d", |b| {
        b.iter(|| shifts_all(black_box(&loaded), black_box(now), to))
    });
    g.sample_size(10).measurement_time(Duration::from_secs(6));
    g.bench_function("validate_90d", |b| {
        b.iter(|| validate(&load(black_box(dir)), now))
    });
    g.finish();
}

fn main() {
    let tmp = tempfile::tempdir().expect("a temporary directory");
    let dir = tmp.path().join("large");
    generate::generate(&dir, &generate::Config::default()).expect("the directory is written");

    let mut c = Criterion::default().configure_from_args();
    // The summary only under `cargo bench` (which passes `--bench`), not in
    // criterion's test (`cargo test --benches`), list or profile modes.
    let args: Vec<String> = std::env::args().collect();
    let has = |flag: &str| args.iter().any(|a| a == flag);
    if has("--bench") && !has("--test") && !has("--list") && !has("--profile-time") {
        summary(&dir);
    }
    benches(&mut c, &dir);
    c.final_summary();
}
