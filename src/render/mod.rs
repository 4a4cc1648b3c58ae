//! Output formats, one per file. Renderers turn [`DocumentReport`]s into text; they never
//! analyse. Each format keeps its own private wire types so that refactoring the internal
//! types cannot silently change a public schema.

use std::io::{self, Write};

use crate::finding::{Finding, RuleInfo, Severity};
use crate::report::DocumentReport;

pub mod github;
pub mod json;
pub mod sarif;
pub mod table;

/// The output formats of `mtlint check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A report table for people (the default).
    Table,
    /// The JSON contract: `{"documents": [...]}`.
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning, GitLab, IDEs).
    Sarif,
    /// GitHub Actions workflow commands: one annotation per finding.
    Github,
}

/// Writes the reports in the chosen format.
pub fn render(format: Format, reports: &[DocumentReport], out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Table => table::render(reports, out),
        Format::Json => json::render(reports, out),
        Format::Sarif => sarif::render(reports, out),
        Format::Github => github::render(reports, out),
    }
}

/// CI levels: a major or critical finding is an error, a minor one a warning.
fn is_error(severity: Severity) -> bool {
    severity >= Severity::Major
}

/// A finding's message with its evidence and first suggestion, one per line, for formats
/// whose message is the only text a reviewer sees.
fn describe(f: &Finding) -> String {
    let mut text = f.message.clone();
    if !f.evidence.is_empty() {
        text.push_str("\nwhy: ");
        text.push_str(&f.evidence);
    }
    if let Some(suggestion) = f.suggestions.first() {
        text.push_str("\nsuggestion: ");
        text.push_str(suggestion);
    }
    text
}

/// A rule's doc comment as plain text (the macro keeps the space after `///`).
fn explanation(rule: &RuleInfo) -> String {
    let lines: Vec<&str> = rule
        .explanation
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    lines.join("\n").trim().to_string()
}
