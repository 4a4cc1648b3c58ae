//! Output formats, one per file. Renderers turn [`DocumentReport`]s into text; they never
//! analyse. Each format keeps its own private wire types so that refactoring the internal
//! types cannot silently change a public schema.

use std::io::{self, Write};

use crate::report::DocumentReport;

pub mod json;
pub mod table;

/// The output formats of `mtlint check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A report table for people (the default).
    Table,
    /// The JSON contract: `{"documents": [...]}`.
    Json,
}

/// Writes the reports in the chosen format.
pub fn render(format: Format, reports: &[DocumentReport], out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Table => table::render(reports, out),
        Format::Json => json::render(reports, out),
    }
}
