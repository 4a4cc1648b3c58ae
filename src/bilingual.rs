//! Bilingual mode: the original article next to its translation (`mtlint check --source`).
//!
//! The source is aligned with the target block by block: line by line when both texts have
//! the same number of lines (aligned corpora, segment files), else by the order of their
//! non-empty lines when they have as many of those; otherwise nothing is aligned and the
//! bilingual checks stay silent rather than guess. The checks in `src/checks/source_*.rs`
//! then compare each target block with its source segment.

use std::ops::Range;

use regex::Regex;

use crate::document::{Block, BlockKind, Document, line_at, line_spans, trim_span};
use crate::lang::{self, Language};
use crate::locale::{Locale, parse_number};

/// The original article, aligned with the target's blocks.
#[derive(Debug, Clone, Default)]
pub struct Source {
    pub text: String,
    /// The source language (from detection), if mtlint knows it.
    pub language: Option<&'static Language>,
    /// The source segment of each target block (same index as `Document::blocks`).
    pub segments: Vec<Option<Range<usize>>>,
}

impl Source {
    /// Aligns `text` with the blocks of `doc`.
    pub fn align(text: &str, doc: &Document) -> Source {
        let code = crate::document::detect_language(text);
        let language = lang::language(&code);
        let source_lines = non_empty(text, line_spans(text));
        let target_all = line_spans(doc.text);
        let by_line = line_spans(text).len() == target_all.len();
        let target_lines = non_empty(doc.text, target_all.clone());
        let by_order = source_lines.len() == target_lines.len();
        let segments = doc
            .blocks
            .iter()
            .map(|block| {
                if by_line {
                    let index = target_all
                        .iter()
                        .position(|l| l.contains(&block.span.start))?;
                    let line = line_spans(text).get(index).cloned()?;
                    let line = trim_span(text, line);
                    (!line.is_empty()).then_some(line)
                } else if by_order {
                    let index = target_lines
                        .iter()
                        .position(|l| l.contains(&block.span.start))?;
                    source_lines.get(index).cloned()
                } else {
                    None
                }
            })
            .collect();
        Source {
            text: text.to_string(),
            language,
            segments,
        }
    }

    /// The translation's article blocks (photo credits aside) that have a source segment,
    /// each with it: what every bilingual check compares.
    pub fn aligned<'d>(&'d self, doc: &'d Document<'_>) -> impl Iterator<Item = Aligned<'d>> {
        doc.blocks
            .iter()
            .enumerate()
            .filter(|(_, block)| block.kind != BlockKind::Credit)
            .filter_map(move |(index, block)| {
                let span = self.segments.get(index)?.as_ref()?;
                Some(Aligned {
                    block,
                    text: doc.text.get(block.body.clone())?,
                    original: self.text.get(span.clone())?,
                    source: &self.text,
                    start: span.start,
                })
            })
    }
}

/// A block of the translation and the source segment aligned with it.
pub struct Aligned<'d> {
    pub block: &'d Block,
    /// The block's text, without its photo credit.
    pub text: &'d str,
    pub original: &'d str,
    source: &'d str,
    start: usize,
}

impl Aligned<'_> {
    /// The 1-based line of the segment in the source, for evidence.
    pub fn source_line(&self) -> usize {
        line_at(self.source, self.start)
    }
}

fn non_empty(text: &str, lines: Vec<Range<usize>>) -> Vec<Range<usize>> {
    lines
        .into_iter()
        .map(|l| trim_span(text, l))
        .filter(|l| !l.is_empty())
        .collect()
}

/// A number as written in a text, with its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub text: String,
    pub value: f64,
}

fn number_pattern() -> &'static Regex {
    static PATTERN: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    PATTERN.get_or_init(|| {
        // Digits with inner separators, not part of a clock time ("6:19") or a word.
        Regex::new(r"(?:^|[^\w:.,])(\d+(?:[.,\u{a0}\u{202f}]\d+)*)").expect("valid pattern")
    })
}

/// The numbers of a text that a translation must keep: clock times and 12-hour hours
/// (which change form: "6:19 p.m." → "18:19 Uhr") and small counts (often written out:
/// "three" → "drei") are left out.
pub fn numbers(text: &str, locale: Option<&Locale>) -> Vec<Number> {
    let mut out = Vec::new();
    for caps in number_pattern().captures_iter(text) {
        let Some(m) = caps.get(1) else { continue };
        let after = &text[m.end()..];
        // "am" is a German word: lower-case markers only count where the 12-hour clock is used.
        let lower_case_markers = locale.is_none_or(|l| l.times.twelve_hour);
        if after.starts_with(':') || is_twelve_hour_marker(after, lower_case_markers) {
            continue;
        }
        let written = m.as_str();
        let value = match locale {
            Some(l) => l.read_amount(written),
            None => parse_number(written, '.', &[',']),
        };
        if let Some(value) = value.filter(|v| *v > 12.0 || written.len() > 2) {
            out.push(Number {
                text: written.to_string(),
                value,
            });
        }
    }
    out
}

fn is_twelve_hour_marker(after: &str, lower_case: bool) -> bool {
    let after = after.trim_start();
    let markers: &[&str] = if lower_case {
        &["a.m.", "p.m.", "AM", "PM", "am", "pm"]
    } else {
        &["a.m.", "p.m.", "AM", "PM"]
    };
    markers.iter().any(|m| {
        after.starts_with(m)
            && !after[m.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    })
}

/// Whether two numbers are the same value (4.8 and 4,8; 10,000 and 10.000).
pub fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9 * a.abs().max(1.0)
}

/// Whether a text quotes someone: quotation marks of any style around four words or more
/// (scare quotes around a word or two are left to the translator).
pub fn has_quotation(text: &str) -> bool {
    static PATTERN: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    let pattern = PATTERN.get_or_init(|| {
        Regex::new(r#"(?:^|[\s(\[–—-])["“„«»]([^"“”„«»]+)["”“»«](?:[\s,.;:!?)\]]|$)"#)
            .expect("valid pattern")
    });
    pattern.captures_iter(text).any(|c| {
        c.get(1)
            .is_some_and(|m| m.as_str().split_whitespace().count() >= 4)
    })
}

/// Text with runs of white space made single, for comparing segments.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_compare_across_conventions() {
        let de = &lang::language("de").expect("German").locale;
        let en = &lang::language("en").expect("English").locale;
        let source = numbers(
            "Sales of 4.8 million cars, 10,000 jobs, at 6:19 p.m.",
            Some(en),
        );
        let target = numbers(
            "4,8 Millionen Autos, 10.000 Stellen, um 18:19 Uhr",
            Some(de),
        );
        assert_eq!(source.len(), 2);
        for (s, t) in source.iter().zip(&target) {
            assert!(same_value(s.value, t.value), "{s:?} {t:?}");
        }
    }

    #[test]
    fn german_am_is_not_a_time() {
        let de = &lang::language("de").expect("German").locale;
        assert_eq!(numbers("Flug 328 am Donnerstag", Some(de)).len(), 1);
    }

    #[test]
    fn small_counts_and_times_are_left_out() {
        assert!(numbers("three or 3 people at 6 p.m.", None).is_empty());
    }

    #[test]
    fn quotations_of_any_style() {
        assert!(has_quotation("Er sagte: „Wir kommen bald wieder.“"));
        assert!(has_quotation("He said: \"We will be back.\""));
        assert!(!has_quotation(
            "He \"murdered\" the runway, Williams\" fans said."
        ));
        assert!(!has_quotation("Er sagte, sie kämen."));
    }
}
