//! On-call hours per person over the next 30 days, across every schedule:
//! the final shifts (layers, restrictions and overrides applied) summed up.
//!
//! Run from the project root: `cargo run --example hours_next_month`

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{TimeDelta, Utc};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = oncall::load::discover(Path::new("."))?;
    let dir =
        oncall::load::load_dir(&root).map_err(|p| format!("{} problems; run `oncall validate`", p.len()))?;

    let from = Utc::now();
    let to = from + TimeDelta::days(30);
    let mut hours: BTreeMap<String, f64> = BTreeMap::new();
    for schedule in &dir.schedules {
        for shift in oncall::engine::shifts(schedule, from, to) {
            *hours.entry(shift.person).or_default() += (shift.end - shift.start).num_minutes() as f64 / 60.0;
        }
    }
    let mut rows: Vec<_> = hours.into_iter().collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (person, h) in rows {
        println!("{person:<12} {h:>7.1} h");
    }
    Ok(())
}
