//! The paging service as a contact card: vCard 4.0 (RFC 6350).
//!
//! Engineers import the card on their phones and let the contact through
//! Do Not Disturb, so a page at 3 a.m. rings. This module only renders text:
//! reading `oncall.toml`, writing files and drawing QR codes stay with the
//! command line (`oncall export vcard`).
//!
//! The card is deliberately small, because it also travels as a QR code:
//! `VERSION`, `FN`, `N`, `UID` and one `TEL` per number. There is no `KIND`:
//! RFC 6350 reads an absent `KIND` as `individual`, which is what the address
//! books of iOS and Android show best (neither has a separate layout for
//! `KIND:org`, and some importers drop or mislabel cards they do not
//! recognise as a person). There is no `REV` or `PRODID` either, so the same
//! settings always give the same bytes.

use crate::model::Paging;

/// Renders the card for `paging`, with `uid` (a URI, like the one
/// [`uid_for`] makes) as its `UID`.
///
/// Lines end in CRLF and are folded at 75 octets, as RFC 6350 §3.2 asks.
/// The numbers are written as `tel:` URIs and are expected in E.164 form
/// (`+14155550100`), as the loader checks them.
pub fn vcard(paging: &Paging, uid: &str) -> String {
    let name = escape_text(&paging.name);
    let mut lines = vec![
        "BEGIN:VCARD".to_string(),
        "VERSION:4.0".to_string(),
        format!("FN:{name}"),
        // N is structured: family;given;additional;prefixes;suffixes. The
        // whole name goes in the first component, so phones sort and show
        // it as written.
        format!("N:{name};;;;"),
        format!("UID:{uid}"),
    ];
    for number in &paging.numbers {
        // `cell` makes both iOS and Android label the number "mobile"
        // instead of guessing (a bare `voice` becomes "other" or "home").
        lines.push(format!("TEL;VALUE=uri;TYPE=voice,cell:tel:{number}"));
    }
    lines.push("END:VCARD".to_string());
    let mut out = String::new();
    for line in &lines {
        fold_into(line, &mut out);
    }
    out
}

/// A stable `UID` for the paging service named `name`: re-importing a card
/// for the same service updates the contact instead of adding a second one.
///
/// The form is `urn:uuid:` and a version 8 UUID (RFC 9562, "custom") whose
/// bits are the 128-bit FNV-1a hash of `oncall paging:` and the name, with
/// surrounding whitespace trimmed. FNV is written out here, not taken from
/// `std` (whose hashers may change between Rust releases), because a
/// different UID would make phones keep both cards.
pub fn uid_for(name: &str) -> String {
    let input = format!("oncall paging:{}", name.trim());
    let mut bytes = fnv1a_128(input.as_bytes()).to_be_bytes();
    bytes[6] = (bytes[6] & 0x0f) | 0x80; // version 8
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // variant 10
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The 128-bit FNV-1a hash (draft-eastlake-fnv).
fn fnv1a_128(bytes: &[u8]) -> u128 {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    bytes
        .iter()
        .fold(OFFSET, |h, &b| (h ^ u128::from(b)).wrapping_mul(PRIME))
}

/// Escapes a TEXT value (RFC 6350 §3.4): backslash, comma and semicolon get
/// a backslash, a line break becomes `\n`. Other control characters (which
/// a content line cannot hold) are dropped; a tab is kept.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The longest a line may be, in octets, without its CRLF.
const MAX_LINE: usize = 75;

/// Appends `line` folded (RFC 6350 §3.2): no physical line longer than 75
/// octets, continuation lines starting with one space, and never a break
/// inside a UTF-8 character or between a backslash and the character it
/// escapes (some readers unescape before they unfold).
fn fold_into(line: &str, out: &mut String) {
    let mut used = 0;
    let mut rest = line;
    while !rest.is_empty() {
        let mut chars = rest.chars();
        let first = chars.next().expect("not empty");
        let unit_len = match (first, chars.next()) {
            ('\\', Some(next)) => 1 + next.len_utf8(),
            _ => first.len_utf8(),
        };
        if used + unit_len > MAX_LINE {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push_str(&rest[..unit_len]);
        used += unit_len;
        rest = &rest[unit_len..];
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paging(name: &str, numbers: &[&str]) -> Paging {
        Paging {
            name: name.to_string(),
            numbers: numbers.iter().map(|n| n.to_string()).collect(),
        }
    }

    /// Undoes folding: a CRLF followed by one space or tab disappears.
    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "").replace("\r\n\t", "")
    }

    /// Undoes [`escape_text`].
    fn unescape(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n' | 'N') => out.push('\n'),
                    Some(c) => out.push(c),
                    None => out.push('\\'),
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn a_card_with_two_numbers() {
        let p = paging("Acme Paging", &["+14155550100", "+420800555010"]);
        let card = vcard(&p, "urn:uuid:00000000-0000-8000-8000-000000000000");
        assert_eq!(
            card,
            "BEGIN:VCARD\r\n\
             VERSION:4.0\r\n\
             FN:Acme Paging\r\n\
             N:Acme Paging;;;;\r\n\
             UID:urn:uuid:00000000-0000-8000-8000-000000000000\r\n\
             TEL;VALUE=uri;TYPE=voice,cell:tel:+14155550100\r\n\
             TEL;VALUE=uri;TYPE=voice,cell:tel:+420800555010\r\n\
             END:VCARD\r\n"
        );
    }

    #[test]
    fn every_line_ends_in_crlf() {
        let card = vcard(&paging("A\nB", &["+14155550100"]), &uid_for("A"));
        assert!(card.ends_with("\r\n"));
        assert!(!card.replace("\r\n", "").contains(['\r', '\n']), "{card:?}");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text(r"a\b"), r"a\\b");
        assert_eq!(escape_text("Paging, Inc.; EU"), r"Paging\, Inc.\; EU");
        assert_eq!(escape_text("two\nlines"), r"two\nlines");
        assert_eq!(escape_text("two\r\nlines\rthree"), r"two\nlines\nthree");
        assert_eq!(escape_text("bell\u{7}\ttab"), "bell\ttab");
        assert_eq!(escape_text("Příliš žluťoučký"), "Příliš žluťoučký");
        let card = vcard(&paging("Ops, Inc.; 24/7 \\ EU", &["+14155550100"]), "urn:x");
        assert!(card.contains("\r\nFN:Ops\\, Inc.\\; 24/7 \\\\ EU\r\n"), "{card}");
        assert!(
            card.contains("\r\nN:Ops\\, Inc.\\; 24/7 \\\\ EU;;;;\r\n"),
            "{card}"
        );
    }

    #[test]
    fn long_names_fold_at_75_octets_and_unfold_back() {
        // 200 characters, most of them two, three or four octets long.
        let pattern = "Žluťoučký kůň, 日本語; ページング\\ 🚨 ";
        let name: String = pattern.chars().cycle().take(200).collect();
        assert_eq!(name.chars().count(), 200);
        let card = vcard(&paging(&name, &["+14155550100"]), &uid_for(&name));
        let lines: Vec<&str> = card.split_terminator("\r\n").collect();
        assert!(lines.len() > 10, "the name should need folding: {card}");
        for line in &lines {
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        }
        let continuation = lines.iter().filter(|l| l.starts_with(' ')).count();
        assert!(continuation > 4);
        let unfolded = unfold(&card);
        let fn_line = unfolded
            .split("\r\n")
            .find_map(|l| l.strip_prefix("FN:"))
            .expect("an FN line");
        assert_eq!(unescape(fn_line), name);
        let n_line = unfolded
            .split("\r\n")
            .find_map(|l| l.strip_prefix("N:"))
            .expect("an N line");
        assert_eq!(
            unescape(n_line.strip_suffix(";;;;").expect("five components")),
            name
        );
    }

    #[test]
    fn folding_keeps_escapes_whole() {
        for len in 70..80 {
            let name = format!("{}{}", "x".repeat(len), ",;\\".repeat(30));
            let mut out = String::new();
            fold_into(&format!("FN:{}", escape_text(&name)), &mut out);
            for line in out.split_terminator("\r\n") {
                assert!(line.len() <= 75);
                let body = line.strip_prefix(' ').unwrap_or(line);
                let trailing = body.len() - body.trim_end_matches('\\').len();
                assert_eq!(trailing % 2, 0, "a line ends inside an escape: {line:?}");
            }
        }
    }

    #[test]
    fn short_lines_are_not_folded() {
        let mut out = String::new();
        let line = "N".repeat(75);
        fold_into(&line, &mut out);
        assert_eq!(out, format!("{line}\r\n"));
        out.clear();
        fold_into(&"N".repeat(76), &mut out);
        assert_eq!(out, format!("{}\r\n N\r\n", "N".repeat(75)));
    }

    #[test]
    fn fnv_matches_the_reference_vectors() {
        assert_eq!(fnv1a_128(b""), 0x6c62272e07bb014262b821756295c58d);
        assert_eq!(fnv1a_128(b"a"), 0xd228cb696f1a8caf78912b704e4a8964);
    }

    #[test]
    fn uids_are_stable_uuids() {
        let uid = uid_for("Acme Paging");
        // Pinned: a change here makes every phone keep a second contact.
        assert_eq!(uid, "urn:uuid:da3247c6-b91c-888f-ac31-10ebc0aeeb20");
        assert_eq!(uid_for(" Acme Paging\n"), uid);
        assert_ne!(uid_for("Acme Paging EU"), uid);
        let hex = uid.strip_prefix("urn:uuid:").expect("urn:uuid:");
        let parts: Vec<&str> = hex.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('8'), "version 8: {uid}");
        assert!(
            matches!(&parts[3][..1], "8" | "9" | "a" | "b"),
            "RFC variant: {uid}"
        );
    }
}
