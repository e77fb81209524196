//! The shift market: `offer`, `offers`, `take`, `withdraw`.
//!
//! An offer is a file `.oncall/offers/ID.toml`, committed like every change.
//! Taking it turns it into an override (the taker covers the offered time,
//! replacing the offerer) and deletes the offer, in one commit.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::mutate::{apply, nonce, shift_on, toml_instant, whoami, Change, MutateArgs, Workspace};
use super::output::{self, cell, CellStyle};
use super::override_cmd::{author_name, override_file, override_path};
use super::{select, select_one, CliError, Context};
use crate::engine::{self, Span};
use crate::load::OFFERS_DIR;
use crate::model::{Directory, Offer, Override};
use crate::store::FileChange;
use crate::timearg::{rfc3339, short};

/// Put one of your shifts (or part of one) up for grabs.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  oncall offer platform/primary --as alice --shift 2026-03-02 --note 'family wedding'
  oncall offer payments --as alice --from '2026-03-03 09:00' --to '2026-03-03 17:00'")]
pub struct OfferArgs {
    /// The schedule id
    #[arg(value_name = "SCHEDULE")]
    pub schedule: String,

    /// A date on which you hold the shift to offer
    #[arg(long, allow_hyphen_values = true, value_name = "DATE", conflicts_with_all = ["from", "to"], required_unless_present = "from")]
    pub shift: Option<String>,

    /// Start of the part of your shift to offer
    #[arg(long, allow_hyphen_values = true, value_name = "TIME", requires = "to")]
    pub from: Option<String>,

    /// End of the part of your shift to offer
    #[arg(long, allow_hyphen_values = true, value_name = "TIME", requires = "from")]
    pub to: Option<String>,

    /// Whose shift [default: ONCALL_USER, else the person with git's user.email]
    #[arg(long = "as", value_name = "HANDLE")]
    pub as_: Option<String>,

    /// A note for whoever takes it
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,

    #[command(flatten)]
    pub mutate: MutateArgs,
}

/// List the open offers of the shift market.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  oncall offers
  oncall offers platform --json")]
pub struct OffersArgs {
    /// Only offers in these schedules (ids or folders)
    #[arg(value_name = "SCHEDULE")]
    pub schedules: Vec<String>,

    /// Include offers whose time is over
    #[arg(long)]
    pub all: bool,

    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

/// Take an offered shift: you are on call instead, as a committed override.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  oncall offers
  oncall take 3fa9c2 --as bob")]
pub struct TakeArgs {
    /// The offer's id (see oncall offers)
    #[arg(value_name = "OFFER")]
    pub offer: String,

    /// Who takes it [default: ONCALL_USER, else the person with git's user.email]
    #[arg(long = "as", value_name = "HANDLE")]
    pub as_: Option<String>,

    #[command(flatten)]
    pub mutate: MutateArgs,
}

/// Withdraw an offer you made.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  oncall withdraw 3fa9c2")]
pub struct WithdrawArgs {
    /// The offer's id (see oncall offers)
    #[arg(value_name = "OFFER")]
    pub offer: String,

    /// Who withdraws it; someone other than the offerer needs --force
    #[arg(long = "as", value_name = "HANDLE")]
    pub as_: Option<String>,

    #[command(flatten)]
    pub mutate: MutateArgs,
}

fn offer_path(id: &str) -> String {
    format!("{OFFERS_DIR}/{id}.toml")
}

fn find<'d>(dir: &'d Directory, id: &str) -> Result<&'d Offer, CliError> {
    dir.offers.iter().find(|o| o.id == id).ok_or_else(|| {
        let mut e = CliError::usage(format!("no open offer `{id}`"));
        if let Some(s) = crate::load::suggest_name(id, dir.offers.iter().map(|o| o.id.as_str())) {
            e = e.hint(format!("did you mean `{s}`?"));
        }
        e.hint("list them with: oncall offers")
    })
}

/// Does `who` hold all of `span` in schedule `sid`?
fn holds(dir: &Directory, sid: &str, who: &str, span: Span) -> bool {
    dir.schedule(sid).is_some_and(|s| engine::holds(s, who, span))
}

pub fn run_offer(ctx: &Context, args: &OfferArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let ws = Workspace::open(ctx)?;
    let dir = ws.dir();
    let s = select_one(dir, &args.schedule)?;
    let me = whoami(ctx, dir, args.as_.as_deref())?;
    let span = match (&args.shift, &args.from, &args.to) {
        (Some(d), _, _) => {
            let found = shift_on(ctx, s, Some(&me), ctx.time(d)?);
            match found.as_slice() {
                [(_, sp)] => *sp,
                [] => {
                    return Err(
                        CliError::user(format!("`{me}` holds no shift in `{}` on {d}", s.id)).hint(format!(
                            "see the shifts with: oncall shifts {} --person {me}",
                            s.id
                        )),
                    )
                }
                _ => {
                    return Err(
                        CliError::user(format!("`{me}` has several shifts in `{}` on {d}", s.id))
                            .hint("say which with --from and --to"),
                    )
                }
            }
        }
        (None, Some(f), Some(t)) => {
            let f = ctx.time(f)?;
            let sp = Span::new(f, ctx.time_after(t, f)?);
            if sp.start >= sp.end {
                return Err(CliError::usage("--to must be after --from"));
            }
            if !holds(dir, &s.id, &me, sp) {
                return Err(CliError::user(format!(
                    "`{me}` is not on call for all of that time in `{}`",
                    s.id
                )));
            }
            sp
        }
        _ => return Err(CliError::usage("give --shift DATE, or --from and --to")),
    };
    if span.end <= ctx.now && !args.mutate.force {
        return Err(CliError::user("that shift is over").hint("pass --force to offer it anyway"));
    }
    // Only what is still ahead can be given away.
    let span = if args.mutate.force {
        span
    } else {
        Span::new(span.start.max(ctx.now), span.end)
    };
    let mut id = nonce();
    while dir.offers.iter().any(|o| o.id == id) {
        id = nonce();
    }
    let tz = s.timezone;
    let summary = format!(
        "offer {}: {me} offers {} (offer {id})",
        s.id,
        crate::timearg::range(span.start, span.end, ctx.now, &tz)
    );
    let mut doc = toml_edit::DocumentMut::new();
    doc["schedule"] = toml_edit::value(s.id.as_str());
    doc["who"] = toml_edit::value(me.as_str());
    doc["start"] = toml_edit::value(toml_instant(span.start));
    doc["end"] = toml_edit::value(toml_instant(span.end));
    if let Some(n) = &args.note {
        doc["note"] = toml_edit::value(n.as_str());
    }
    doc["created_at"] = toml_edit::value(toml_instant(ctx.now));
    let content =
        format!("# Made by `oncall offer`: {summary}\n# Take it with: oncall take {id}\n{doc}").into_bytes();
    let change = Change {
        summary,
        action: "offer",
        trailers: vec![("Oncall-Schedule", s.id.clone()), ("Oncall-Offer", id.clone())],
        files: vec![FileChange::Write {
            path: offer_path(&id),
            content,
        }],
        window: (span.start, span.end),
        reason: None,
    };
    if apply(ctx, &ws, &args.mutate, change, out, None)?.is_some() {
        writeln!(out, "take it with: oncall take {id}")?;
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct OfferView<'a> {
    id: &'a str,
    schedule: &'a str,
    who: &'a str,
    start: String,
    end: String,
    note: Option<&'a str>,
}

pub fn run_offers(ctx: &Context, args: &OffersArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let dir = ctx.load()?;
    let ids: Vec<String> = select(&dir, &args.schedules)?
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let offers: Vec<&Offer> = dir
        .offers
        .iter()
        .filter(|o| ids.contains(&o.schedule))
        .filter(|o| args.all || o.end > ctx.now)
        .collect();
    if args.json {
        let v: Vec<OfferView> = offers
            .iter()
            .map(|o| OfferView {
                id: &o.id,
                schedule: &o.schedule,
                who: &o.who,
                start: rfc3339(o.start),
                end: rfc3339(o.end),
                note: o.note.as_deref(),
            })
            .collect();
        output::json(out, &v)?;
        return Ok(ExitCode::SUCCESS);
    }
    if offers.is_empty() {
        writeln!(out, "no open offers")?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "Open offers (times in {})", ctx.tz.name())?;
    let mut t = output::table(ctx, &["OFFER", "SCHEDULE", "FROM", "TO", "OFFERED BY", "NOTE"]);
    for o in offers {
        let stale = !holds(&dir, &o.schedule, &o.who, Span::new(o.start, o.end));
        let mut note = o.note.clone().unwrap_or_default();
        if stale {
            note = format!("{note} (stale: {} no longer holds all of it)", o.who)
                .trim()
                .to_string();
        }
        t.add_row(vec![
            cell(ctx, &o.id, CellStyle::Strong),
            cell(ctx, &o.schedule, CellStyle::Plain),
            cell(ctx, short(o.start, ctx.now, &ctx.tz), CellStyle::Plain),
            cell(ctx, short(o.end, ctx.now, &ctx.tz), CellStyle::Plain),
            cell(ctx, &o.who, CellStyle::Plain),
            cell(ctx, note, if stale { CellStyle::Alarm } else { CellStyle::Plain }),
        ]);
    }
    output::print_table(out, &t)?;
    Ok(ExitCode::SUCCESS)
}

pub fn run_take(ctx: &Context, args: &TakeArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let ws = Workspace::open(ctx)?;
    let dir = ws.dir();
    let offer = find(dir, &args.offer)?;
    let me = whoami(ctx, dir, args.as_.as_deref())?;
    if me == offer.who {
        return Err(CliError::user("you cannot take your own offer")
            .hint(format!("withdraw it with: oncall withdraw {}", offer.id)));
    }
    if offer.end <= ctx.now && !args.mutate.force {
        return Err(CliError::user("the offered time is over").hint("pass --force to take it anyway"));
    }
    let span = Span::new(offer.start, offer.end);
    let span = if args.mutate.force {
        span
    } else {
        Span::new(span.start.max(ctx.now), span.end)
    };
    if !holds(dir, &offer.schedule, &offer.who, span) {
        return Err(CliError::user(format!(
            "offer {} is stale: {} no longer holds all of that time in `{}`",
            offer.id, offer.who, offer.schedule
        ))
        .hint(format!(
            "ask {} to withdraw it: oncall withdraw {}",
            offer.who, offer.id
        )));
    }
    let s = select_one(dir, &offer.schedule)?;
    let tz = s.timezone;
    let summary = format!(
        "take {}: {me} covers {} for {} (offer {})",
        s.id,
        crate::timearg::range(span.start, span.end, ctx.now, &tz),
        offer.who,
        offer.id
    );
    let reason = match &offer.note {
        Some(n) => format!("took offer {}: {n}", offer.id),
        None => format!("took offer {}", offer.id),
    };
    let o = Override {
        who: me.clone(),
        start: span.start,
        end: span.end,
        reason: Some(reason),
        replaces: Some(offer.who.clone()),
        created_by: Some(author_name(ctx, &args.mutate)),
        created_at: Some(toml_instant(ctx.now).to_string()),
    };
    let change = Change {
        summary: summary.clone(),
        action: "take",
        trailers: vec![
            ("Oncall-Schedule", s.id.clone()),
            ("Oncall-Offer", offer.id.clone()),
            ("Oncall-Who", me.clone()),
        ],
        files: vec![
            FileChange::Write {
                path: override_path(&s.id, ctx.now, &format!("take-{me}")),
                content: override_file(&format!("Made by `oncall take`: {summary}"), &[o]),
            },
            FileChange::Delete {
                path: offer_path(&offer.id),
            },
        ],
        window: (span.start, span.end),
        reason: None,
    };
    apply(ctx, &ws, &args.mutate, change, out, None)?;
    Ok(ExitCode::SUCCESS)
}

pub fn run_withdraw(ctx: &Context, args: &WithdrawArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let ws = Workspace::open(ctx)?;
    let dir = ws.dir();
    let offer = find(dir, &args.offer)?;
    if let Some(a) = &args.as_ {
        let me = whoami(ctx, dir, Some(a))?;
        if me != offer.who && !args.mutate.force {
            return Err(
                CliError::user(format!("offer {} was made by {}, not {me}", offer.id, offer.who))
                    .hint("pass --force to withdraw it anyway"),
            );
        }
    }
    let tz = dir.schedule(&offer.schedule).map_or(ctx.tz, |s| s.timezone);
    let summary = format!(
        "withdraw {}: {}'s offer of {} (offer {})",
        offer.schedule,
        offer.who,
        crate::timearg::range(offer.start, offer.end, ctx.now, &tz),
        offer.id
    );
    let change = Change {
        summary,
        action: "withdraw",
        trailers: vec![
            ("Oncall-Schedule", offer.schedule.clone()),
            ("Oncall-Offer", offer.id.clone()),
        ],
        files: vec![FileChange::Delete {
            path: offer_path(&offer.id),
        }],
        window: (offer.start, offer.end),
        reason: None,
    };
    apply(ctx, &ws, &args.mutate, change, out, None)?;
    Ok(ExitCode::SUCCESS)
}
