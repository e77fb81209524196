//! Shared pieces of human output: tables, styles, JSON writing.

use std::io::Write;

use comfy_table::{ContentArrangement, LineStyle, Table, TableStyle};
use serde::Serialize;

use super::Context;

/// Header, a rule under it, and columns separated by spaces.
const STYLE: TableStyle = TableStyle::new().header_separator(LineStyle::none().fill('─').junction('─'));

/// A table in the house style: borders only where they help, colour and
/// terminal-width wrapping only on a terminal.
pub fn table(ctx: &Context, header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(STYLE);
    if ctx.is_terminal {
        t.set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        t.force_no_tty();
    }
    if ctx.color {
        t.enforce_styling();
        t.set_header(
            header
                .iter()
                .map(|h| comfy_table::Cell::new(h).add_attribute(comfy_table::Attribute::Bold)),
        );
    } else {
        t.set_header(header.to_vec());
    }
    t
}

/// A cell, bold or red when colour is on.
pub fn cell(ctx: &Context, text: impl ToString, style: CellStyle) -> comfy_table::Cell {
    let c = comfy_table::Cell::new(text);
    if !ctx.color {
        return c;
    }
    match style {
        CellStyle::Plain => c,
        CellStyle::Strong => c.add_attribute(comfy_table::Attribute::Bold),
        CellStyle::Alarm => c
            .add_attribute(comfy_table::Attribute::Bold)
            .fg(comfy_table::Color::Red),
        CellStyle::Dim => c.add_attribute(comfy_table::Attribute::Dim),
    }
}

#[derive(Debug, Clone, Copy)]
pub enum CellStyle {
    Plain,
    Strong,
    Alarm,
    Dim,
}

/// Writes `value` as pretty JSON and a newline.
pub fn json(out: &mut dyn Write, value: &impl Serialize) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// Writes a table, trimming the trailing spaces comfy-table leaves.
pub fn print_table(out: &mut dyn Write, t: &Table) -> std::io::Result<()> {
    for line in t.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
