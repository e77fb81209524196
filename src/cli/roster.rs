//! `oncall roster add|remove`: change a layer's members without reshuffling.
//!
//! The layer ends at the next handoff after `--from`, and a copy of it
//! continues from there with the new member list, ordered so that whoever
//! was due next is still due next and the rotation goes on as before. The
//! schedule file is edited in place with toml_edit: comments, ordering and
//! formatting stay as the user wrote them.

use std::io::Write;
use std::process::ExitCode;

use chrono::{DateTime, Utc};

use super::mutate::{apply, toml_instant, whoami, Change, MutateArgs, Workspace};
use super::{select_one, CliError, Context};
use crate::engine::Turns;
use crate::model::{Layer, Rotation, Schedule};
use crate::store::FileChange;
use crate::timearg::short;

/// Change who is in a layer, keeping the rotation going.
#[derive(Debug, clap::Subcommand)]
pub enum RosterCommand {
    /// Add a member: they join at the end of the rotation order
    #[command(after_help = "\
Examples:
  oncall roster add platform/primary weekly erin
  oncall roster add platform/primary weekly erin --from 2026-04-01")]
    Add(RosterArgs),
    /// Remove a member; the others keep their order
    #[command(after_help = "\
Examples:
  oncall roster remove platform/primary weekly dave --from 'next monday'")]
    Remove(RosterArgs),
}

#[derive(Debug, clap::Args)]
pub struct RosterArgs {
    /// The schedule id
    #[arg(value_name = "SCHEDULE")]
    pub schedule: String,

    /// The layer: its name, or its number counting from 1
    #[arg(value_name = "LAYER")]
    pub layer: String,

    /// The person
    #[arg(value_name = "HANDLE")]
    pub handle: String,

    /// The change takes effect at the first handoff after this [default: now]
    #[arg(long, allow_hyphen_values = true, value_name = "TIME")]
    pub from: Option<String>,

    #[command(flatten)]
    pub mutate: MutateArgs,
}

/// The member order continuing a rotation at turn `k`: `members[k]` first.
pub fn continued(members: &[String], k: i64) -> Vec<String> {
    let n = members.len() as i64;
    (0..n)
        .map(|i| members[(k + i).rem_euclid(n) as usize].clone())
        .collect()
}

/// The layer named `name` (or numbered, from 1). Several layers share a name
/// once a roster change has continued one: take the one running at `at`, else
/// the one that starts last.
fn find_layer<'s>(s: &'s Schedule, name: &str, at: DateTime<Utc>) -> Result<(usize, &'s Layer), CliError> {
    let named: Vec<usize> = (0..s.layers.len())
        .filter(|&i| s.layers[i].name == name)
        .collect();
    let running = named
        .iter()
        .copied()
        .find(|&i| s.layers[i].start <= at && s.layers[i].end.is_none_or(|e| at < e));
    if let Some(i) = running.or_else(|| named.iter().copied().max_by_key(|&i| s.layers[i].start)) {
        return Ok((i, &s.layers[i]));
    }
    if let Ok(n) = name.parse::<usize>() {
        if (1..=s.layers.len()).contains(&n) {
            return Ok((n - 1, &s.layers[n - 1]));
        }
    }
    let names: Vec<&str> = s.layers.iter().map(|l| l.name.as_str()).collect();
    Err(CliError::usage(format!("no layer `{name}` in `{}`", s.id))
        .hint(format!("its layers: {}", names.join(", "))))
}

/// A `members` array in the style of `like` (the array it replaces): one
/// line, or one member per line when that is how the user wrote it.
fn members_value(members: &[String], like: Option<&toml_edit::Item>) -> toml_edit::Item {
    let mut a = toml_edit::Array::new();
    for m in members {
        a.push(m.as_str());
    }
    let multiline = like
        .and_then(|i| i.as_array())
        .is_some_and(|old| old.to_string().contains('\n'));
    if multiline {
        for v in a.iter_mut() {
            v.decor_mut().set_prefix("\n  ");
        }
        a.set_trailing_comma(true);
        a.set_trailing("\n");
    }
    toml_edit::value(a)
}

/// The TOML value for a handoff: the local wall time for calendar
/// rotations (so later turns keep it), the instant for elapsed ones.
fn handoff_value(layer: &Layer, turns: &Turns, k: i64, at: DateTime<Utc>) -> toml_edit::Item {
    match (layer.rotation, turns.handoff_wall(k)) {
        (Rotation::Calendar { .. }, Some(w)) => {
            let s = w.format("%Y-%m-%dT%H:%M:%S").to_string();
            toml_edit::value(s.parse::<toml_edit::Datetime>().expect("local date-time"))
        }
        _ => toml_edit::value(toml_instant(at)),
    }
}

pub fn run(ctx: &Context, cmd: &RosterCommand, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let (args, adding) = match cmd {
        RosterCommand::Add(a) => (a, true),
        RosterCommand::Remove(a) => (a, false),
    };
    let ws = Workspace::open(ctx)?;
    let dir = ws.dir();
    let s = select_one(dir, &args.schedule)?;
    let from = match &args.from {
        Some(t) => ctx.time(t)?,
        None => ctx.now,
    };
    let (li, layer) = find_layer(s, &args.layer, from)?;
    // A later roster change of the same layer is already planned: changing
    // the part before it would not carry over into it.
    if let Some(later) = s
        .layers
        .iter()
        .filter(|l| l.name == layer.name && l.start > from)
        .min_by_key(|l| l.start)
    {
        let when = later.start.with_timezone(&s.timezone).format("%Y-%m-%d %H:%M");
        return Err(CliError::user(format!(
            "layer `{}` already changes at {when} (an earlier roster change)",
            layer.name
        ))
        .hint(format!(
            "make this change from then on (--from '{when}'), or undo that change first"
        )));
    }
    let handle = whoami(ctx, dir, Some(&args.handle))?;
    if adding && layer.members.contains(&handle) {
        return Err(CliError::user(format!(
            "`{handle}` is already in layer `{}`",
            layer.name
        )));
    }
    if !adding && !layer.members.contains(&handle) {
        return Err(CliError::user(format!(
            "`{handle}` is not in layer `{}`",
            layer.name
        )));
    }
    if from < ctx.now && !args.mutate.force {
        return Err(CliError::user("--from is in the past: that rewrites history")
            .hint("pass --force if that is what you want"));
    }
    let path = format!("{}.toml", s.id);
    let text = ws
        .files
        .iter()
        .find(|f| f.rel == path)
        .and_then(|f| String::from_utf8(f.bytes.clone()).ok())
        .ok_or_else(|| CliError::internal(format!("cannot read {path}")))?;
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e| CliError::internal(format!("cannot edit {path}: {e}")))?;
    let layers = doc
        .get_mut("layers")
        .and_then(|l| l.as_array_of_tables_mut())
        .ok_or_else(|| CliError::internal(format!("{path} has no [[layers]]")))?;

    let turns = Turns::new(layer, &s.timezone);
    let verb = if adding { "add" } else { "remove" };
    let (summary, effective) = if from < layer.start {
        // Not started yet: edit the member list in place.
        let mut members = layer.members.clone();
        if adding {
            members.push(handle.clone());
        } else {
            members.retain(|m| *m != handle);
        }
        if members.is_empty() {
            return Err(CliError::user("cannot remove the last member of a layer"));
        }
        let t = layers
            .get_mut(li)
            .ok_or_else(|| CliError::internal("layer not found in file"))?;
        let like = t.get("members").cloned();
        t["members"] = members_value(&members, like.as_ref());
        (
            format!(
                "roster {verb} {}: {handle} {} layer `{}`",
                s.id,
                if adding { "joins" } else { "leaves" },
                layer.name
            ),
            layer.start,
        )
    } else {
        let k = turns.index_at(from).unwrap_or(0) + 1;
        let at = turns.start_of(k);
        if layer.end.is_some_and(|e| e <= at) {
            return Err(CliError::user(format!(
                "layer `{}` ends before its next handoff",
                layer.name
            )));
        }
        let mut members = continued(&layer.members, k);
        if adding {
            members.push(handle.clone());
        } else {
            members.retain(|m| *m != handle);
        }
        if members.is_empty() {
            return Err(CliError::user("cannot remove the last member of a layer"));
        }
        let value = handoff_value(layer, &turns, k, at);
        let old = layers
            .get_mut(li)
            .ok_or_else(|| CliError::internal("layer not found in file"))?;
        let mut new = old.clone();
        let old_end = old.get("end").cloned();
        old["end"] = value.clone();
        new["start"] = value;
        let like = new.get("members").cloned();
        new["members"] = members_value(&members, like.as_ref());
        match old_end {
            Some(e) => new["end"] = e,
            None => {
                new.remove("end");
            }
        }
        let when = format!(
            "{} {}",
            short(at, ctx.now, &s.timezone),
            at.with_timezone(&s.timezone).format("%Z")
        );
        new.decor_mut().set_prefix(format!(
            "\n# `{}` continues from {when} with {handle} {} (oncall roster {verb}).\n",
            layer.name,
            if adding { "added" } else { "removed" }
        ));
        layers.insert(li + 1, new);
        (
            format!(
                "roster {verb} {}: {handle} {} layer `{}` from {when}",
                s.id,
                if adding { "joins" } else { "leaves" },
                layer.name
            ),
            at,
        )
    };
    let content = doc.to_string().into_bytes();
    let change = Change {
        summary,
        action: if adding { "roster-add" } else { "roster-remove" },
        trailers: vec![("Oncall-Schedule", s.id.clone()), ("Oncall-Who", handle.clone())],
        files: vec![FileChange::Write { path, content }],
        window: (effective, effective + chrono::TimeDelta::days(120)),
        reason: None,
    };
    apply(ctx, &ws, &args.mutate, change, out, None)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::continued;

    #[test]
    fn member_lists_keep_their_layout() {
        let doc: toml_edit::DocumentMut = "a = [\n  \"x\",\n]\nb = [\"x\"]\n".parse().unwrap();
        let m = vec!["y".to_string(), "z".to_string()];
        let multi = super::members_value(&m, doc.get("a")).to_string();
        assert_eq!(multi, "[\n  \"y\",\n  \"z\",\n]");
        let one = super::members_value(&m, doc.get("b")).to_string();
        assert_eq!(one, "[\"y\", \"z\"]");
    }

    #[test]
    fn whoever_is_due_stays_due() {
        let m: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(continued(&m, 4), ["b", "c", "a"]);
        assert_eq!(continued(&m, 0), ["a", "b", "c"]);
        assert_eq!(continued(&m, 2), ["c", "a", "b"]);
    }
}
