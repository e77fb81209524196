//! `oncall swap`: two people trade shifts, as one commit of two overrides.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use chrono::{DateTime, TimeDelta, Utc};

use super::mutate::{apply, shift_on, whoami, Change, MutateArgs, Workspace};
use super::override_cmd::{author_name, override_file, override_path};
use super::{select_one, CliError, Context};
use crate::engine::{self, Span};
use crate::model::{Override, Schedule};
use crate::store::FileChange;
use crate::timearg::short;

/// Trade shifts: you take theirs and they take yours (two overrides, one
/// commit).
///
/// Pick the shifts by date (the shift you hold on --mine, the shift someone
/// else holds on --theirs), or by explicit times for part of a shift. At a
/// terminal with no flags, choose interactively.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  oncall swap platform/primary --as alice --mine 2026-03-02 --theirs 2026-03-16
  oncall swap platform/primary --as alice --with bob --from '2026-03-03 09:00' --to '2026-03-04 09:00' \\
      --theirs-from '2026-03-17 09:00' --theirs-to '2026-03-18 09:00'
  oncall swap                       interactive: schedule, your shift, theirs, confirm")]
pub struct Args {
    /// The schedule id [interactive: chosen from a list]
    #[arg(value_name = "SCHEDULE")]
    pub schedule: Option<String>,

    /// Whose "mine" [default: ONCALL_USER, else the person with git's user.email]
    #[arg(long = "as", value_name = "HANDLE")]
    pub as_: Option<String>,

    /// The partner [default: whoever holds the shift on --theirs]
    #[arg(long, value_name = "HANDLE")]
    pub with: Option<String>,

    /// A date on which you hold the shift to give away
    #[arg(long, allow_hyphen_values = true, value_name = "DATE", conflicts_with_all = ["from", "to"])]
    pub mine: Option<String>,

    /// A date on which your partner holds the shift you take
    #[arg(long, allow_hyphen_values = true, value_name = "DATE", conflicts_with_all = ["theirs_from", "theirs_to"])]
    pub theirs: Option<String>,

    /// Start of the part of your shift to give away
    #[arg(long, allow_hyphen_values = true, value_name = "TIME", requires = "to")]
    pub from: Option<String>,

    /// End of the part of your shift to give away
    #[arg(long, allow_hyphen_values = true, value_name = "TIME", requires = "from")]
    pub to: Option<String>,

    /// Start of the part of their shift you take
    #[arg(long, allow_hyphen_values = true, value_name = "TIME", requires = "theirs_to")]
    pub theirs_from: Option<String>,

    /// End of the part of their shift you take
    #[arg(
        long,
        allow_hyphen_values = true,
        value_name = "TIME",
        requires = "theirs_from"
    )]
    pub theirs_to: Option<String>,

    /// Why (kept in the file and the commit)
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,

    #[command(flatten)]
    pub mutate: MutateArgs,
}

/// The one shift of `who` (or of anyone but `not`) on the date of `day`.
fn pick(
    ctx: &Context,
    s: &Schedule,
    who: Option<&str>,
    not: &str,
    day: DateTime<Utc>,
    what: &str,
) -> Result<(String, Span), CliError> {
    let found: Vec<(String, Span)> = shift_on(ctx, s, who, day)
        .into_iter()
        .filter(|(p, _)| p != not)
        .collect();
    let date = engine::local(&ctx.tz, day).date();
    match found.len() {
        1 => Ok(found.into_iter().next().expect("one")),
        0 => {
            let who = who.map_or("anyone else".to_string(), |w| format!("`{w}`"));
            Err(CliError::user(format!(
                "cannot swap: {who} holds no shift in `{}` on {date} ({what})",
                s.id
            ))
            .hint(format!(
                "see the shifts with: oncall shifts {} --from {date} --to +14d",
                s.id
            )))
        }
        _ => {
            let list: Vec<String> = found
                .iter()
                .map(|(p, sp)| {
                    format!(
                        "{p} {} – {}",
                        short(sp.start, ctx.now, &ctx.tz),
                        short(sp.end, ctx.now, &ctx.tz)
                    )
                })
                .collect();
            Err(CliError::user(format!("{} shifts in `{}` on {date} ({what}): {}", found.len(), s.id, list.join("; ")))
                .hint("name the partner with --with, or give exact times with --from/--to and --theirs-from/--theirs-to"))
        }
    }
}

/// Checks that `who` holds all of `span`; returns the span.
fn holds(s: &Schedule, who: &str, span: Span) -> Result<Span, CliError> {
    if engine::holds(s, who, span) {
        Ok(span)
    } else {
        Err(CliError::user(format!(
            "cannot swap: `{who}` is not on call for all of that time in `{}`",
            s.id
        ))
        .hint(format!(
            "see the shifts with: oncall shifts {} --person {who}",
            s.id
        )))
    }
}

/// The single person on call for all of `span`.
fn holder(s: &Schedule, span: Span) -> Result<String, CliError> {
    let blocks = engine::timeline(s, span.start, span.end);
    match blocks.as_slice() {
        [b] if b.person.is_some() => Ok(b.person.unwrap_or_default().to_string()),
        _ => Err(CliError::user(
            "cannot swap: more than one person (or nobody) is on call in --theirs-from/--theirs-to",
        )),
    }
}

fn interactive(
    ctx: &Context,
    dir: &crate::model::Directory,
    args: &Args,
) -> Result<(String, String, Span, String, Span), CliError> {
    let theme = dialoguer::theme::SimpleTheme;
    let err = |e: dialoguer::Error| CliError::internal(format!("cannot read the answer: {e}"));
    let sid = match &args.schedule {
        Some(s) => select_one(dir, s)?.id.clone(),
        None => {
            let ids: Vec<&str> = dir.schedules.iter().map(|s| s.id.as_str()).collect();
            let i = dialoguer::Select::with_theme(&theme)
                .with_prompt("Schedule")
                .items(&ids)
                .default(0)
                .interact()
                .map_err(err)?;
            ids[i].to_string()
        }
    };
    let s = select_one(dir, &sid)?;
    let me = whoami(ctx, dir, args.as_.as_deref())?;
    // Shifts starting within 90 days, whole (the window reaches further).
    let horizon = ctx.now + TimeDelta::days(90);
    let upcoming: Vec<engine::Block> = engine::timeline(s, ctx.now, horizon + TimeDelta::days(60))
        .into_iter()
        .filter(|b| b.span.start < horizon)
        .collect();
    let label = |p: &str, sp: &Span| {
        format!(
            "{p:<10} {} – {}",
            short(sp.start, ctx.now, &ctx.tz),
            short(sp.end, ctx.now, &ctx.tz)
        )
    };
    let mine: Vec<Span> = upcoming
        .iter()
        .filter(|b| b.person == Some(me.as_str()))
        .map(|b| b.span)
        .collect();
    if mine.is_empty() {
        return Err(CliError::user(format!(
            "`{me}` has no shift in `{sid}` in the next 90 days"
        )));
    }
    let items: Vec<String> = mine.iter().map(|sp| label(&me, sp)).collect();
    let i = dialoguer::Select::with_theme(&theme)
        .with_prompt("Your shift to give away")
        .items(&items)
        .default(0)
        .interact()
        .map_err(err)?;
    let theirs: Vec<(String, Span)> = upcoming
        .iter()
        .filter_map(|b| b.person.filter(|p| *p != me).map(|p| (p.to_string(), b.span)))
        .filter(|(p, _)| args.with.as_deref().is_none_or(|w| w == p))
        .collect();
    if theirs.is_empty() {
        return Err(CliError::user(
            "nobody else has a shift to swap with in the next 90 days",
        ));
    }
    let items: Vec<String> = theirs.iter().map(|(p, sp)| label(p, sp)).collect();
    let j = dialoguer::Select::with_theme(&theme)
        .with_prompt("The shift you take")
        .items(&items)
        .default(0)
        .interact()
        .map_err(err)?;
    let (partner, their_span) = theirs[j].clone();
    Ok((sid, me, mine[i], partner, their_span))
}

pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let ws = Workspace::open(ctx)?;
    let dir = ws.dir();
    let flags_given = args.mine.is_some() || args.from.is_some();
    let prompted = !flags_given;
    let (sid, me, my_span, partner, their_span) = if flags_given {
        let sid = args
            .schedule
            .clone()
            .ok_or_else(|| CliError::usage("name the schedule"))?;
        let s = select_one(dir, &sid)?;
        let me = whoami(ctx, dir, args.as_.as_deref())?;
        let (_, my_span) = match (&args.mine, &args.from, &args.to) {
            (Some(d), _, _) => pick(ctx, s, Some(&me), "", ctx.time(d)?, "--mine")?,
            (None, Some(f), Some(t)) => {
                let f = ctx.time(f)?;
                (me.clone(), holds(s, &me, Span::new(f, ctx.time_after(t, f)?))?)
            }
            _ => return Err(CliError::usage("give --mine DATE, or --from and --to")),
        };
        let with = match &args.with {
            Some(w) => Some(whoami(ctx, dir, Some(w))?),
            None => None,
        };
        let (partner, their_span) = match (&args.theirs, &args.theirs_from, &args.theirs_to) {
            (Some(d), _, _) => pick(ctx, s, with.as_deref(), &me, ctx.time(d)?, "--theirs")?,
            (None, Some(f), Some(t)) => {
                let f = ctx.time(f)?;
                let span = Span::new(f, ctx.time_after(t, f)?);
                let p = match with {
                    Some(w) => {
                        holds(s, &w, span)?;
                        w
                    }
                    None => holder(s, span)?,
                };
                (p, span)
            }
            _ => {
                return Err(CliError::usage(
                    "give --theirs DATE, or --theirs-from and --theirs-to",
                ))
            }
        };
        (s.id.clone(), me, my_span, partner, their_span)
    } else if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
        interactive(ctx, dir, args)?
    } else {
        return Err(CliError::usage(
            "which shifts? pass --mine DATE and --theirs DATE (there is no terminal to ask on)",
        ));
    };
    let s = select_one(dir, &sid)?;
    // A shift under way is swapped from now on: the past is not rewritten.
    let (my_span, their_span) = if args.mutate.force {
        (my_span, their_span)
    } else {
        let cut = |sp: Span| Span::new(sp.start.max(ctx.now), sp.end);
        (cut(my_span), cut(their_span))
    };
    if (my_span.end <= my_span.start || their_span.end <= their_span.start) && !args.mutate.force {
        return Err(
            CliError::user("one of these shifts is over: swapping it rewrites history")
                .hint("pass --force if that is what you want"),
        );
    }
    if my_span.start >= my_span.end || their_span.start >= their_span.end {
        return Err(CliError::usage("each period must end after it starts"));
    }
    if partner == me {
        return Err(CliError::user("cannot swap with yourself"));
    }
    if my_span.start < their_span.end && their_span.start < my_span.end {
        return Err(CliError::user("cannot swap: the two shifts overlap"));
    }
    let tz = s.timezone;
    let range = |sp: Span| crate::timearg::range(sp.start, sp.end, ctx.now, &tz);
    let summary = format!(
        "swap {}: {me} ⇄ {partner}, {} and {}",
        s.id,
        range(my_span),
        range(their_span)
    );
    let created_by = Some(author_name(ctx, &args.mutate));
    let created_at = Some(super::mutate::toml_instant(ctx.now).to_string());
    let reason = args
        .reason
        .clone()
        .or_else(|| Some(format!("swap: {me} ⇄ {partner}")));
    let overrides = [
        Override {
            who: partner.clone(),
            start: my_span.start,
            end: my_span.end,
            reason: reason.clone(),
            replaces: Some(me.clone()),
            created_by: created_by.clone(),
            created_at: created_at.clone(),
        },
        Override {
            who: me.clone(),
            start: their_span.start,
            end: their_span.end,
            reason,
            replaces: Some(partner.clone()),
            created_by,
            created_at,
        },
    ];
    let path = override_path(&s.id, ctx.now, &format!("swap-{me}-{partner}"));
    let content = override_file(&format!("Made by `oncall swap`: {summary}"), &overrides);
    let change = Change {
        summary,
        action: "swap",
        trailers: vec![
            ("Oncall-Schedule", s.id.clone()),
            ("Oncall-Who", format!("{me}, {partner}")),
        ],
        files: vec![FileChange::Write { path, content }],
        window: (
            my_span.start.min(their_span.start),
            my_span.end.max(their_span.end),
        ),
        reason: args.reason.clone(),
    };
    let ask = prompted.then_some("Make this swap?");
    apply(ctx, &ws, &args.mutate, change, out, ask)?;
    Ok(ExitCode::SUCCESS)
}
