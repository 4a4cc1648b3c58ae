//! The JSON contract (`--format json`). Other tools read it: field names are stable; new
//! fields may be added.

use std::io::{self, Write};

use serde::Serialize;

use crate::report::{DocumentReport, LineIndex};

#[derive(Serialize)]
struct Output<'a> {
    documents: Vec<WireDocument<'a>>,
}

#[derive(Serialize)]
pub(crate) struct WireDocument<'a> {
    path: &'a str,
    language: Option<&'a str>,
    source_language: Option<&'a str>,
    machine_translated: bool,
    words: usize,
    score: f64,
    passed: bool,
    excluded: Vec<WireExcluded<'a>>,
    findings: Vec<WireFinding<'a>>,
    error: Option<&'a str>,
}

#[derive(Serialize)]
struct WireExcluded<'a> {
    kind: &'a str,
    start_line: usize,
    end_line: usize,
}

#[derive(Serialize)]
struct WireFinding<'a> {
    rule: &'a str,
    category: &'a str,
    mqm: &'a str,
    severity: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    start: usize,
    end: usize,
    text: &'a str,
    suggestions: &'a [String],
    message: &'a str,
    evidence: &'a str,
}

/// The wire form of one document, shared with line-oriented formats.
pub(crate) fn wire_document(report: &DocumentReport) -> WireDocument<'_> {
    let index = LineIndex::new(&report.text);
    let excluded = report
        .excluded
        .iter()
        .map(|e| {
            let (start_line, end_line) = index.lines(&e.span);
            WireExcluded {
                kind: &e.kind,
                start_line,
                end_line,
            }
        })
        .collect();
    let findings = report
        .findings
        .iter()
        .map(|f| {
            let (line, column) = index.position(f.span.start);
            let (end_line, end_column) = index.position(f.span.end);
            WireFinding {
                rule: f.rule.id,
                category: f.category().as_str(),
                mqm: f.rule.mqm,
                severity: f.severity.as_str(),
                line,
                column,
                end_line,
                end_column,
                start: f.span.start,
                end: f.span.end,
                text: report.text.get(f.span.clone()).unwrap_or(""),
                suggestions: &f.suggestions,
                message: &f.message,
                evidence: &f.evidence,
            }
        })
        .collect();
    WireDocument {
        path: &report.path,
        language: (!report.language.is_empty()).then_some(report.language.as_str()),
        source_language: report.source_language.as_deref(),
        machine_translated: report.machine_translated,
        words: report.words,
        score: report.score.value,
        passed: report.score.passed,
        excluded,
        findings,
        error: report.error.as_deref(),
    }
}

pub fn render(reports: &[DocumentReport], out: &mut dyn Write) -> io::Result<()> {
    let output = Output {
        documents: reports.iter().map(wire_document).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    writeln!(out)
}
