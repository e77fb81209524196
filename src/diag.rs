//! Diagnostics: problems found in a schedule directory, and their renderings.
//!
//! A [`Diagnostic`] carries its own location (display path, 1-based line and
//! column) and the text of the offending line, so it can be rendered long
//! after the file was read: for people (with a caret under the problem), as
//! JSON, or as GitHub Actions annotations. This module renders; it decides
//! nothing about what is wrong.

use std::fmt::Write as _;
use std::ops::Range;

use serde::Serialize;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// Where a problem is, in a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The path as the user would type it (relative to the working directory
    /// when the file is below it).
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column in characters; 0 when the problem concerns the whole file.
    pub column: usize,
    /// The text of the line (without its line ending), for rendering.
    #[serde(skip)]
    pub line_text: String,
    /// Width of the underline, in characters (at least 1).
    #[serde(skip)]
    pub width: usize,
}

impl Location {
    /// A location for a whole file.
    pub fn file(file: impl Into<String>) -> Location {
        Location {
            file: file.into(),
            line: 0,
            column: 0,
            line_text: String::new(),
            width: 0,
        }
    }

    /// The location of byte range `span` in `text`. A UTF-8 byte order mark
    /// is not counted as a column, and `\r` before a line break is not part
    /// of the line. For many locations in one text, use a [`LineIndex`].
    pub fn at(file: impl Into<String>, text: &str, span: Range<usize>) -> Location {
        LineIndex::new(text).locate(file, text, span)
    }
}

/// The byte offsets where the lines of a text start, to turn byte spans
/// into lines and columns in logarithmic time.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// The [`Location`] of byte range `span` in `text` (the text this index
    /// was built from).
    pub fn locate(&self, file: impl Into<String>, text: &str, span: Range<usize>) -> Location {
        let start = floor_char(text, span.start.min(text.len()));
        let end = floor_char(text, span.end.clamp(start, text.len()));
        let line_idx = self.starts.partition_point(|&s| s <= start) - 1;
        let line_start = self.starts[line_idx];
        let line_end = self.starts.get(line_idx + 1).map_or(text.len(), |&s| s - 1);
        let mut line_text = &text[line_start..line_end];
        let mut prefix = &text[line_start..start];
        if line_start == 0 && line_text.starts_with('\u{feff}') {
            line_text = &line_text[3..];
            prefix = prefix.strip_prefix('\u{feff}').unwrap_or(prefix);
        }
        let line_text = line_text.strip_suffix('\r').unwrap_or(line_text);
        let width = text[start..end.min(line_end).max(start)]
            .trim_end_matches('\r')
            .chars()
            .count()
            .max(1);
        Location {
            file: file.into(),
            line: line_idx + 1,
            column: prefix.chars().count() + 1,
            line_text: line_text.to_owned(),
            width,
        }
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable, short identifier of the kind of problem, like `unknown-field`.
    pub code: &'static str,
    pub message: String,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// What to do about it, when there is something useful to say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            location: None,
            hint: None,
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    pub fn at(mut self, location: Location) -> Diagnostic {
        self.location = Some(location);
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Styles for human rendering; all plain when colour is off.
#[derive(Debug, Clone, Copy, Default)]
pub struct Styles {
    pub error: anstyle::Style,
    pub warning: anstyle::Style,
    pub location: anstyle::Style,
    pub hint: anstyle::Style,
}

impl Styles {
    pub fn colored() -> Styles {
        use anstyle::{AnsiColor, Style};
        Styles {
            error: Style::new().bold().fg_color(Some(AnsiColor::Red.into())),
            warning: Style::new().bold().fg_color(Some(AnsiColor::Yellow.into())),
            location: Style::new().fg_color(Some(AnsiColor::Blue.into())),
            hint: Style::new().bold().fg_color(Some(AnsiColor::Cyan.into())),
        }
    }
}

/// Renders a diagnostic for a person:
///
/// ```text
/// error: unknown field `rotaton` in a layer
///   --> platform.toml:7:1
///    |
///  7 | rotaton = "1w"
///    | ^^^^^^^
///    = hint: did you mean `rotation`?
/// ```
pub fn render_human(d: &Diagnostic, st: &Styles) -> String {
    let mut out = String::new();
    let (label, style) = match d.severity {
        Severity::Error => ("error", st.error),
        Severity::Warning => ("warning", st.warning),
    };
    let _ = writeln!(out, "{style}{label}{style:#}: {}", d.message);
    let gutter = d.location.as_ref().map_or(1, |l| l.line.max(1).to_string().len());
    let pad = " ".repeat(gutter);
    let loc = st.location;
    if let Some(l) = &d.location {
        if l.line == 0 {
            let _ = writeln!(out, "{pad}{loc}-->{loc:#} {}", l.file);
        } else {
            let _ = writeln!(out, "{pad}{loc}-->{loc:#} {}:{}:{}", l.file, l.line, l.column);
            let shown: String = l.line_text.replace('\t', " ");
            let caret_pad = " ".repeat(l.column - 1);
            let _ = writeln!(out, "{pad} {loc}|{loc:#}");
            let _ = writeln!(out, "{loc}{:>gutter$} |{loc:#} {shown}", l.line);
            let _ = writeln!(
                out,
                "{pad} {loc}|{loc:#} {caret_pad}{style}{}{style:#}",
                "^".repeat(l.width)
            );
        }
    }
    if let Some(h) = &d.hint {
        let hs = st.hint;
        let _ = writeln!(out, "{pad} {loc}={loc:#} {hs}hint{hs:#}: {h}");
    }
    out
}

/// Renders a diagnostic as a GitHub Actions workflow command.
pub fn render_github(d: &Diagnostic) -> String {
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut props = Vec::new();
    if let Some(l) = &d.location {
        props.push(format!("file={}", escape_property(&l.file)));
        if l.line > 0 {
            props.push(format!("line={}", l.line));
            props.push(format!("col={}", l.column));
        }
    }
    props.push(format!(
        "title={}",
        escape_property(&format!("oncall {}", d.code))
    ));
    let mut msg = d.message.clone();
    if let Some(h) = &d.hint {
        msg.push_str("\nhint: ");
        msg.push_str(h);
    }
    format!("::{kind} {}::{}", props.join(","), escape_data(&msg))
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Counts of errors and warnings.
pub fn counts(ds: &[Diagnostic]) -> (usize, usize) {
    let errors = ds.iter().filter(|d| d.is_error()).count();
    (errors, ds.len() - errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_counts_lines_and_characters() {
        let text = "a = 1\nbé = \"x\"\r\nrotaton = 2\n";
        let off = text.find("rotaton").unwrap();
        let l = Location::at("f.toml", text, off..off + 7);
        assert_eq!((l.line, l.column, l.width), (3, 1, 7));
        assert_eq!(l.line_text, "rotaton = 2");
        let off = text.find("\"x\"").unwrap();
        let l = Location::at("f.toml", text, off..off + 3);
        assert_eq!((l.line, l.column), (2, 6));
        assert_eq!(l.line_text, "bé = \"x\"");
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{feff}x = 1\n";
        let l = Location::at("f", text, 3..4);
        assert_eq!((l.line, l.column), (1, 1));
        assert_eq!(l.line_text, "x = 1");
    }

    #[test]
    fn human_rendering() {
        let text = "name = \"P\"\nrotaton = \"1w\"\n";
        let d = Diagnostic::error("unknown-field", "unknown field `rotaton`")
            .at(Location::at("team.toml", text, 11..18))
            .hint("did you mean `rotation`?");
        assert_eq!(
            render_human(&d, &Styles::default()),
            "error: unknown field `rotaton`\n --> team.toml:2:1\n  |\n2 | rotaton = \"1w\"\n  | ^^^^^^^\n  = hint: did you mean `rotation`?\n"
        );
    }

    #[test]
    fn github_escapes() {
        let d = Diagnostic::warning("gap", "gap: 50%\nnext").at(Location::at("a,b:c.toml", "x", 0..1));
        assert_eq!(
            render_github(&d),
            "::warning file=a%2Cb%3Ac.toml,line=1,col=1,title=oncall gap::gap: 50%25%0Anext"
        );
    }
}
