//! Output formats, one per file. Renderers turn [`DocumentReport`]s into text; they never
//! analyse. Each format keeps its own private wire types so that refactoring the internal
//! types cannot silently change a public schema.
//!
//! Every format is a [`Stream`]: the batch pipeline renders documents on its worker threads
//! and writes them in input order, so no format has to hold a run's reports in memory.

use std::io::{self, Write};

use crate::finding::{Finding, RuleInfo, Severity};
use crate::report::DocumentReport;
use crate::summary::{DocSummary, Summary};

pub mod csv;
pub mod github;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod sarif;
pub mod summary;
pub mod table;

/// The output formats of `mtlint check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A report table for people (the default).
    Table,
    /// The JSON contract: `{"documents": [...]}`.
    Json,
    /// One JSON document object per line (the contract's document shape plus `id`).
    Jsonl,
    /// One CSV row per document with its counts per category.
    Csv,
    /// One table summarising the whole run.
    Summary,
    /// A self-contained HTML report with charts, a sortable table and highlighted texts.
    Html,
    /// SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning, GitLab, IDEs).
    Sarif,
    /// GitHub Actions workflow commands: one annotation per finding.
    Github,
}

/// A format written document by document.
///
/// `render` runs on worker threads in any order and must not depend on other documents;
/// `write` then receives the rendered bytes in input order.
pub trait Stream: Sync {
    /// Writes what comes before the first document.
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    /// Renders one document (`doc` is its summary, with its position in the input).
    fn render(
        &self,
        doc: &DocSummary,
        report: &DocumentReport,
        buf: &mut Vec<u8>,
    ) -> io::Result<()>;

    /// Writes one rendered document, in input order.
    fn write(&mut self, _doc: &DocSummary, rendered: &[u8], out: &mut dyn Write) -> io::Result<()> {
        out.write_all(rendered)
    }

    /// Writes what comes after the last document.
    fn finish(&mut self, _summary: &Summary, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

/// The stream of a format.
pub fn stream(format: Format) -> io::Result<Box<dyn Stream>> {
    Ok(match format {
        Format::Table => Box::new(table::TableStream::default()),
        Format::Json => Box::new(json::JsonStream::default()),
        Format::Jsonl => Box::new(jsonl::JsonlStream),
        Format::Csv => Box::new(csv::CsvStream),
        Format::Summary => Box::new(summary::SummaryStream),
        Format::Html => Box::new(html::HtmlStream::new()?),
        Format::Sarif => Box::new(sarif::SarifStream::default()),
        Format::Github => Box::new(github::GithubStream),
    })
}

/// Writes reports already in memory in any format, as the pipeline would.
pub fn render(format: Format, reports: &[DocumentReport], out: &mut dyn Write) -> io::Result<()> {
    let mut stream = stream(format)?;
    let mut summary = Summary::default();
    stream.begin(out)?;
    for (index, report) in reports.iter().enumerate() {
        let doc = DocSummary::of(index, report);
        let mut buf = Vec::new();
        stream.render(&doc, report, &mut buf)?;
        stream.write(&doc, &buf, out)?;
        summary.add(&doc);
    }
    stream.finish(&summary, out)
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
