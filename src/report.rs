//! Checking a document end to end: parse, run the checks, score. The result is a
//! [`DocumentReport`] that renderers turn into output; nothing here prints.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use crate::anatomy::Excluded;
use crate::baseline::Baseline;
use crate::checks::{self, Check};
use crate::config::HouseNames;
use crate::document::{Document, ReadOptions};
use crate::extract::Extracted;
use crate::finding::{Finding, Severity};
use crate::score::{self, Score, Weights};
use crate::suppress::{self, Ignore};

/// Settings of a run, from the defaults, `mtlint.toml` and the command line
/// ([`crate::config::Settings`] merges them).
#[derive(Debug, Clone)]
pub struct Options {
    pub read: ReadOptions,
    pub weights: Weights,
    /// The pass mark (`--fail-under`).
    pub threshold: f64,
    /// A finding at or above this severity fails the document whatever its score.
    pub fail_on: Severity,
    /// The source language reported when the machine-translation notice names none.
    pub source_language: Option<String>,
    /// Severity per rule id, replacing the rule's own before scoring.
    pub severities: BTreeMap<String, Severity>,
    /// Accepted findings by rule and text.
    pub ignore: Vec<Ignore>,
    /// Words the newsroom accepts; for the spelling check.
    pub accept_words: Vec<String>,
    /// The newsroom's house spellings of names; for the names check.
    pub house_names: HouseNames,
    /// Accepted findings recorded earlier; only findings not in it are reported.
    pub baseline: Option<Arc<Baseline>>,
    /// The original article, for bilingual checks (`--source`).
    pub source: Option<std::sync::Arc<str>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            read: ReadOptions::default(),
            weights: Weights::default(),
            threshold: score::DEFAULT_THRESHOLD,
            fail_on: Severity::Critical,
            source_language: None,
            severities: BTreeMap::new(),
            ignore: Vec::new(),
            accept_words: Vec::new(),
            house_names: HouseNames::default(),
            baseline: None,
            source: None,
        }
    }
}

/// Everything known about one checked (or unreadable) document.
#[derive(Debug)]
pub struct DocumentReport {
    pub path: String,
    /// The text the spans point into (empty when the document could not be read).
    pub text: String,
    pub language: String,
    pub source_language: Option<String>,
    pub machine_translated: bool,
    pub words: usize,
    pub score: Score,
    pub threshold: f64,
    pub excluded: Vec<Excluded>,
    pub findings: Vec<Finding>,
    /// Why the document could not be checked.
    pub error: Option<String>,
    /// The document's own id (a JSONL record's id field), when it has one.
    pub id: Option<String>,
    /// For each line of `text`, the line of the input file it was extracted from (HTML and
    /// Markdown); `None` when `text` is the input itself.
    pub source_lines: Option<Vec<usize>>,
}

impl DocumentReport {
    /// A document that could not be read.
    pub fn failed(path: &str, error: impl ToString, options: &Options) -> DocumentReport {
        DocumentReport {
            path: path.to_string(),
            text: String::new(),
            language: String::new(),
            source_language: None,
            machine_translated: false,
            words: 0,
            score: Score {
                value: 0.0,
                penalty: 0.0,
                passed: false,
            },
            threshold: options.threshold,
            excluded: Vec::new(),
            findings: Vec::new(),
            error: Some(error.to_string()),
            id: None,
            source_lines: None,
        }
    }
}

/// Checks one article's text.
pub fn check_text(
    path: &str,
    text: String,
    options: &Options,
    checks: &[Box<dyn Check>],
) -> DocumentReport {
    check_extracted(
        path,
        Extracted {
            text,
            ..Extracted::default()
        },
        options,
        checks,
    )
}

/// Checks text extracted from an input (Markdown, HTML, a JSONL record): findings report the
/// input's lines, and the input's suppression comments apply.
pub fn check_extracted(
    path: &str,
    extracted: Extracted,
    options: &Options,
    checks: &[Box<dyn Check>],
) -> DocumentReport {
    let Extracted {
        text,
        source_lines,
        suppressions,
    } = extracted;
    let (findings, meta) = {
        let doc = Document::parse_with_source(&text, &options.read, options.source.as_deref());
        let findings = checks::run(&doc, checks);
        let meta = Meta {
            language: doc.language.clone(),
            source_language: doc
                .anatomy
                .disclaimer
                .as_ref()
                .and_then(|d| d.source.clone()),
            machine_translated: doc.anatomy.machine_translated(),
            words: doc.word_count(),
            excluded: doc.anatomy.excluded.clone(),
        };
        (findings, meta)
    };
    let mut findings = settle(path, &text, findings, options);
    if !suppressions.is_empty() {
        let index = LineIndex {
            source_lines: source_lines.as_deref(),
            ..LineIndex::new(&text)
        };
        suppress::apply_extracted(&mut findings, &index, &suppressions);
    }
    let severities: Vec<_> = findings.iter().map(|f| f.severity).collect();
    let score = score::score_failing_on(
        &severities,
        meta.words,
        &options.weights,
        options.threshold,
        options.fail_on,
    );
    DocumentReport {
        path: path.to_string(),
        text,
        language: meta.language,
        source_language: meta
            .source_language
            .or_else(|| options.source_language.clone()),
        machine_translated: meta.machine_translated,
        words: meta.words,
        score,
        threshold: options.threshold,
        excluded: meta.excluded,
        findings,
        error: None,
        id: None,
        source_lines,
    }
}

/// Applies the run's settings to what the checks found, before scoring: severity overrides,
/// accepted findings (config and comments), then the baseline.
fn settle(path: &str, text: &str, mut findings: Vec<Finding>, options: &Options) -> Vec<Finding> {
    for f in &mut findings {
        if let Some(&severity) = options.severities.get(f.rule.id) {
            f.severity = severity;
        }
    }
    suppress::apply(&mut findings, text, path, &options.ignore);
    match &options.baseline {
        Some(baseline) => baseline.filter(path, text, findings),
        None => findings,
    }
}

/// What the report keeps of the parsed document once the text is handed over.
struct Meta {
    language: String,
    source_language: Option<String>,
    machine_translated: bool,
    words: usize,
    excluded: Vec<Excluded>,
}

/// 1-based line and character column of byte offsets in a text, for output.
#[derive(Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// Input line of each text line, for text extracted from HTML or Markdown.
    source_lines: Option<&'a [usize]>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            text,
            starts,
            source_lines: None,
        }
    }

    /// Positions in a report's text, with lines given as lines of the input file.
    pub fn for_report(report: &'a DocumentReport) -> LineIndex<'a> {
        LineIndex {
            source_lines: report.source_lines.as_deref(),
            ..LineIndex::new(&report.text)
        }
    }

    /// (line, column) of a byte offset; the column counts characters from 1.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        let line = self
            .source_lines
            .and_then(|map| map.get(line).copied())
            .unwrap_or(line + 1);
        (line, column)
    }

    /// First and last line of a span (the last line of an empty span is its first).
    pub fn lines(&self, span: &Range<usize>) -> (usize, usize) {
        let first = self.position(span.start).0;
        let last = self.position(span.end.saturating_sub(1).max(span.start)).0;
        (first, last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let index = LineIndex::new("ab\nÄö„x");
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(3), (2, 1));
        // "Äö„" is 2 + 2 + 3 bytes.
        assert_eq!(index.position(10), (2, 4));
    }

    #[test]
    fn extracted_lines_map_to_input_lines() {
        let report = DocumentReport {
            text: "Eins.\nZwei.\n".into(),
            source_lines: Some(vec![4, 9]),
            ..DocumentReport::failed("x", "", &Options::default())
        };
        let index = LineIndex::for_report(&report);
        assert_eq!(index.position(7), (9, 2));
    }

    #[test]
    fn span_lines_exclude_the_final_newline() {
        let index = LineIndex::new("a\nb\nc\n");
        assert_eq!(index.lines(&(0..4)), (1, 2));
    }
}
