//! `oncall export vcard`: the paging service's numbers as a contact card,
//! printed, written to a file, or shown as a QR code to scan.
//!
//! The card itself is rendered by [`crate::export::vcard`]; this file reads
//! the settings, writes the file and draws the QR code.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use qrcode::render::unicode::Dense1x2;
use qrcode::{EcLevel, QrCode};

use super::{CliError, Context};
use crate::export::vcard::{uid_for, vcard};
use crate::load::SETTINGS_FILE;

/// Export the paging service's numbers as a contact card (vCard 4.0).
///
/// The name and numbers come from [paging] in oncall.toml. The card keeps
/// the same UID while the name stays the same, so importing it again after
/// the numbers change updates the contact instead of adding a second one.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Import the card on your phone, then let the contact through Do Not Disturb so
that a page rings at night:
  iPhone:   the contact > Edit > Ringtone > Emergency Bypass
  Android:  star the contact, then allow calls from starred contacts in
            Do Not Disturb (Settings > Sound > Do Not Disturb > People)

Examples:
  oncall export vcard --qr                 scan it with your phone's camera
  oncall export vcard -o paging.vcf        then send or AirDrop the file to your phone
  oncall export vcard > paging.vcf

Needs in oncall.toml:
  [paging]
  name = \"Acme Paging\"
  numbers = [\"+14155550100\", \"+420800123456\"]")]
pub struct Args {
    /// Write the card to FILE instead of stdout (replaced atomically)
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Print the card as a QR code for a phone's camera instead of as text
    #[arg(long)]
    pub qr: bool,
}

pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let dir = ctx.load()?;
    let Some(paging) = &dir.settings.paging else {
        let file = format!("{}{SETTINGS_FILE}", ctx.display_root(&dir.root));
        return Err(CliError::user(format!(
            "no paging service to export: {file} has no [paging] table"
        ))
        .hint(format!(
            "add the name and the numbers your paging service calls from to {file}:\n\n    \
             [paging]\n    \
             name = \"Acme Paging\"\n    \
             numbers = [\"+14155550100\", \"+420800123456\"]\n"
        )));
    };
    let card = vcard(paging, &uid_for(&paging.name));
    let count = paging.numbers.len();
    let summary = format!(
        "\"{}\" with {count} number{}",
        paging.name,
        if count == 1 { "" } else { "s" }
    );

    if let Some(path) = &args.output {
        let target = ctx.cwd.join(path);
        write_atomic(&target, card.as_bytes()).map_err(|e| {
            CliError::user(format!("cannot write {}: {e}", path.display()))
                .hint("check that the folder exists and that you may write to it")
        })?;
        let _ = writeln!(std::io::stderr(), "wrote {}: {summary}", path.display());
    }
    if args.qr {
        out.write_all(qr(&card, ctx.color)?.as_bytes())?;
        let _ = writeln!(
            std::io::stderr(),
            "scan the code with your phone's camera to add {summary}"
        );
    } else if args.output.is_none() {
        out.write_all(card.as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The text drawn as a QR code in half blocks, two modules to a character.
///
/// Error correction is the lowest level, L: a screen does not smudge, and
/// the smaller code fits an 80-column terminal with room to spare.
///
/// Light modules are drawn as blocks and dark ones as blanks, with the
/// standard quiet zone of four light modules around the code. On a terminal
/// with colour the blocks are white on black, so phones read the code on
/// any terminal theme; without colour it reads on the usual light-on-dark
/// terminal (most phone cameras also read it inverted).
fn qr(text: &str, color: bool) -> Result<String, CliError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).map_err(|e| {
        CliError::user(format!("the card is too large for a QR code ({e})"))
            .hint("write it to a file instead with: oncall export vcard -o paging.vcf")
    })?;
    let image = code
        .render::<Dense1x2>()
        .dark_color(Dense1x2::Light)
        .light_color(Dense1x2::Dark)
        .quiet_zone(true)
        .build();
    let mut out = String::with_capacity(image.len() * 2);
    for line in image.lines() {
        if color {
            // Bright white on black, then reset.
            out.push_str("\x1b[97;40m");
            out.push_str(line);
            out.push_str("\x1b[0m\n");
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    Ok(out)
}

/// Writes `bytes` to `target` through a temporary file in the same folder,
/// renamed over it, so a reader never sees half a card.
fn write_atomic(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"))?
        .to_string_lossy();
    let tmp = dir.join(format!(".{name}.oncall-tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        if let Ok(meta) = std::fs::metadata(target) {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_codes_have_a_light_quiet_zone() {
        let image = qr("BEGIN:VCARD\r\nEND:VCARD\r\n", false).expect("fits");
        let lines: Vec<&str> = image.lines().collect();
        // Four light modules on every side: the first two rows of characters
        // and the first and last four columns are full blocks.
        for line in &lines[..2] {
            assert!(line.chars().all(|c| c == '█'), "{line:?}");
        }
        for line in &lines[..lines.len() - 1] {
            let chars: Vec<char> = line.chars().collect();
            assert!(chars[..4].iter().all(|&c| c == '█'), "{line:?}");
            assert!(chars[chars.len() - 4..].iter().all(|&c| c == '█'), "{line:?}");
        }
        // The top-left finder pattern starts dark right after the quiet zone.
        let third: Vec<char> = lines[2].chars().collect();
        assert_ne!(third[4], '█');
    }

    #[test]
    fn qr_codes_are_coloured_only_when_asked() {
        let plain = qr("x", false).expect("fits");
        assert!(!plain.contains('\x1b'));
        let coloured = qr("x", true).expect("fits");
        assert!(coloured
            .lines()
            .all(|l| l.starts_with("\x1b[97;40m") && l.ends_with("\x1b[0m")));
    }

    #[test]
    fn atomic_writes_replace_and_leave_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("paging.vcf");
        std::fs::write(&target, "old").expect("write");
        write_atomic(&target, b"new").expect("write_atomic");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("read_dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["paging.vcf"]);
    }
}
