//! The human report: a summary per document, findings grouped by category with position,
//! text, suggestion and evidence, and a count per category.

use std::collections::BTreeMap;
use std::io::{self, Write};

use tabled::builder::Builder;
use tabled::settings::object::Columns;
use tabled::settings::{Modify, Style, Width};

use crate::finding::{Category, Finding};
use crate::render::Stream;
use crate::report::{DocumentReport, LineIndex};
use crate::summary::DocSummary;

/// Long cells wrap at this many characters so the table fits a terminal.
const TEXT_WIDTH: usize = 36;
const WHY_WIDTH: usize = 56;
/// Longer matched texts (a repeated paragraph) are cut in the table; JSON has them whole.
const MAX_TEXT_CHARS: usize = 90;

pub fn render(reports: &[DocumentReport], out: &mut dyn Write) -> io::Result<()> {
    for (i, report) in reports.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        render_document(report, out)?;
    }
    Ok(())
}

/// The table report document by document, a blank line between documents.
#[derive(Default)]
pub struct TableStream {
    written: usize,
}

impl Stream for TableStream {
    fn render(
        &self,
        _doc: &DocSummary,
        report: &DocumentReport,
        buf: &mut Vec<u8>,
    ) -> io::Result<()> {
        render_document(report, buf)
    }

    fn write(&mut self, _doc: &DocSummary, rendered: &[u8], out: &mut dyn Write) -> io::Result<()> {
        if self.written > 0 {
            writeln!(out)?;
        }
        self.written += 1;
        out.write_all(rendered)
    }
}

fn render_document(report: &DocumentReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", report.path)?;
    if let Some(error) = &report.error {
        return writeln!(out, "  error: {error}");
    }
    let index = LineIndex::for_report(report);
    writeln!(out, "{}", summary(report, &index))?;
    if report.findings.is_empty() {
        return writeln!(out, "No findings.");
    }
    let mut by_category: BTreeMap<Category, Vec<&Finding>> = BTreeMap::new();
    for f in &report.findings {
        by_category.entry(f.category()).or_default().push(f);
    }
    for (category, findings) in &by_category {
        writeln!(out, "\n{category} ({})", findings.len())?;
        writeln!(out, "{}", findings_table(report, &index, findings))?;
    }
    writeln!(out, "\n{}", counts_table(&by_category))
}

fn summary(report: &DocumentReport, index: &LineIndex) -> String {
    let mut b = Builder::default();
    let translated = match (&report.machine_translated, &report.source_language) {
        (true, Some(source)) => format!("yes, from {source}"),
        (true, None) => "yes".to_string(),
        (false, _) => "not stated".to_string(),
    };
    let excluded: Vec<String> = report
        .excluded
        .iter()
        .map(|e| {
            let (first, last) = index.lines(&e.span);
            format!("{} (lines {first}–{last})", e.kind)
        })
        .collect();
    let verdict = if report.score.passed { "PASS" } else { "FAIL" };
    b.push_record(["language", &report.language]);
    b.push_record(["machine-translated", &translated]);
    b.push_record(["words", &report.words.to_string()]);
    b.push_record(["findings", &report.findings.len().to_string()]);
    b.push_record([
        "score",
        &format!(
            "{:.1} / 100 (pass mark {:.0})",
            report.score.value, report.threshold
        ),
    ]);
    b.push_record(["verdict", verdict]);
    if !excluded.is_empty() {
        b.push_record(["not article text", &excluded.join(", ")]);
    }
    let mut table = b.build();
    table.with(Style::rounded());
    table.to_string()
}

fn findings_table(report: &DocumentReport, index: &LineIndex, findings: &[&Finding]) -> String {
    let mut b = Builder::default();
    b.push_record(["line:col", "severity", "rule", "text", "suggestion", "why"]);
    for f in findings {
        let (line, column) = index.position(f.span.start);
        let text = shorten(
            report.text.get(f.span.clone()).unwrap_or(""),
            MAX_TEXT_CHARS,
        );
        let why = if f.evidence.is_empty() {
            f.message.clone()
        } else {
            format!("{} — {}", f.message, f.evidence)
        };
        b.push_record([
            format!("{line}:{column}"),
            f.severity.to_string(),
            f.rule.id.to_string(),
            text,
            f.suggestions.first().cloned().unwrap_or_default(),
            why,
        ]);
    }
    let mut table = b.build();
    table
        .with(Style::rounded())
        .with(Modify::new(Columns::new(3..5)).with(Width::wrap(TEXT_WIDTH).keep_words(true)))
        .with(Modify::new(Columns::new(5..6)).with(Width::wrap(WHY_WIDTH).keep_words(true)));
    table.to_string()
}

fn counts_table(by_category: &BTreeMap<Category, Vec<&Finding>>) -> String {
    let mut b = Builder::default();
    b.push_record(["category", "findings"]);
    for (category, findings) in by_category {
        b.push_record([category.to_string(), findings.len().to_string()]);
    }
    let mut table = b.build();
    table.with(Style::rounded());
    table.to_string()
}

/// The text, cut to `max` characters with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_are_cut_with_an_ellipsis() {
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abc", 4), "abc");
    }
}
