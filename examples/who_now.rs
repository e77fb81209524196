//! Who is on call right now in each schedule, using `oncall` as a library.
//!
//! Run from the project root: `cargo run --example who_now`

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Find the schedule directory the way the CLI does, and load it.
    let root = oncall::load::discover(Path::new("."))?;
    let dir = oncall::load::load_dir(&root).map_err(|problems| {
        format!(
            "{} problems in {}; run `oncall validate`",
            problems.len(),
            root.display()
        )
    })?;

    let now = chrono::Utc::now();
    for schedule in &dir.schedules {
        let who = oncall::engine::who_at(schedule, now).map_or("nobody".to_string(), |h| {
            dir.person(h).map_or(h.to_string(), |p| p.name.clone())
        });
        println!("{:<28} {who}", schedule.id);
    }
    Ok(())
}
