//! The JSON contract (`--format json`). Other tools read it: field names are stable; new
//! fields may be added.

use std::io::{self, Write};

use serde::Serialize;

use crate::render::Stream;
use crate::report::{DocumentReport, LineIndex};
use crate::summary::{DocSummary, Summary};

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
    let index = LineIndex::for_report(report);
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

/// The JSON contract written document by document; the bytes are those `render` writes.
#[derive(Default)]
pub struct JsonStream {
    written: usize,
}

/// Indentation of a document inside `{"documents": [...]}` as the pretty printer lays it out.
const DOCUMENT_INDENT: &str = "    ";

impl Stream for JsonStream {
    fn render(
        &self,
        _doc: &DocSummary,
        report: &DocumentReport,
        buf: &mut Vec<u8>,
    ) -> io::Result<()> {
        let pretty = serde_json::to_string_pretty(&wire_document(report))?;
        // JSON strings hold no raw line breaks, so indenting every line is safe.
        for (i, line) in pretty.lines().enumerate() {
            if i > 0 {
                buf.push(b'\n');
            }
            buf.extend_from_slice(DOCUMENT_INDENT.as_bytes());
            buf.extend_from_slice(line.as_bytes());
        }
        Ok(())
    }

    fn write(&mut self, _doc: &DocSummary, rendered: &[u8], out: &mut dyn Write) -> io::Result<()> {
        let separator = if self.written == 0 {
            "{\n  \"documents\": [\n"
        } else {
            ",\n"
        };
        self.written += 1;
        out.write_all(separator.as_bytes())?;
        out.write_all(rendered)
    }

    fn finish(&mut self, _summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        if self.written == 0 {
            writeln!(out, "{{\n  \"documents\": []\n}}")
        } else {
            writeln!(out, "\n  ]\n}}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks;
    use crate::report::{Options, check_text};

    fn streamed(reports: &[DocumentReport]) -> String {
        let mut out = Vec::new();
        crate::render::render(crate::render::Format::Json, reports, &mut out).expect("render");
        String::from_utf8(out).expect("UTF-8")
    }

    fn whole(reports: &[DocumentReport]) -> String {
        let mut out = Vec::new();
        render(reports, &mut out).expect("render");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn streaming_writes_the_same_bytes_as_the_whole_document() {
        let checks = checks::all();
        let report = |text: &str| check_text("x.txt", text.into(), &Options::default(), &checks);
        let reports = vec![
            report("Er sagte: „Wir kommen.\n"),
            report("Ein \"Test\" mit und und Fehlern.\n"),
        ];
        assert_eq!(streamed(&reports), whole(&reports));
        assert_eq!(streamed(&reports[..1]), whole(&reports[..1]));
        assert_eq!(streamed(&[]), whole(&[]));
    }
}
