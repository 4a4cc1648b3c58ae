//! The batch summary (`--format summary`): one report for a whole run — documents, words,
//! pass rate, the score distribution, findings per category and the worst documents —
//! readable at a glance; `jsonl`, `csv` or `html` give the detail.

use std::io::{self, Write};

use tabled::builder::Builder;
use tabled::settings::Style;

use crate::finding::Category;
use crate::render::Stream;
use crate::report::DocumentReport;
use crate::summary::{BUCKET, DocSummary, Summary};

/// Width of the longest histogram bar, in characters.
const BAR_WIDTH: usize = 40;

pub struct SummaryStream;

impl Stream for SummaryStream {
    fn render(
        &self,
        _doc: &DocSummary,
        _report: &DocumentReport,
        _buf: &mut Vec<u8>,
    ) -> io::Result<()> {
        Ok(())
    }

    fn write(&mut self, _: &DocSummary, _: &[u8], _: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{}", totals(summary))?;
        writeln!(out, "\nScore distribution\n{}", histogram(summary))?;
        writeln!(out, "\nFindings per category\n{}", categories(summary))?;
        if !summary.worst.is_empty() {
            writeln!(out, "\nWorst documents\n{}", worst(summary))?;
        }
        Ok(())
    }
}

fn totals(s: &Summary) -> String {
    let mut b = Builder::default();
    let unreadable = match s.errors {
        0 => String::new(),
        n => format!(" ({n} could not be read)"),
    };
    let languages: Vec<String> = s
        .languages
        .iter()
        .map(|(code, n)| format!("{code} {n}"))
        .collect();
    b.push_record(["documents", &format!("{}{unreadable}", s.documents)]);
    b.push_record(["words", &s.words.to_string()]);
    b.push_record([
        "passed",
        &format!(
            "{} of {} checked ({:.1} %)",
            s.passed,
            s.checked(),
            100.0 * s.pass_rate()
        ),
    ]);
    b.push_record(["failed", &s.failed.to_string()]);
    b.push_record(["machine-translated", &s.machine_translated.to_string()]);
    b.push_record([
        "findings",
        &format!(
            "{} ({:.2} per 1000 words)",
            s.findings,
            s.findings_per_1000_words()
        ),
    ]);
    b.push_record(["languages", &languages.join(", ")]);
    let mut table = b.build();
    table.with(Style::rounded());
    table.to_string()
}

/// Bucket label such as `80–90`; the last bucket includes 100.
pub fn bucket_label(i: usize) -> String {
    format!("{}–{}", i * BUCKET, (i + 1) * BUCKET)
}

fn bar(n: usize, max: usize) -> String {
    if n == 0 || max == 0 {
        return String::new();
    }
    let len = (n * BAR_WIDTH).div_ceil(max);
    "█".repeat(len)
}

fn histogram(s: &Summary) -> String {
    let max = s.histogram.iter().copied().max().unwrap_or(0);
    let mut b = Builder::default();
    b.push_record(["score", "documents", ""]);
    for (i, &n) in s.histogram.iter().enumerate().rev() {
        b.push_record([bucket_label(i), n.to_string(), bar(n, max)]);
    }
    let mut table = b.build();
    table.with(Style::rounded());
    table.to_string()
}

fn categories(s: &Summary) -> String {
    let mut b = Builder::default();
    b.push_record(["category", "findings", "per 1000 words"]);
    for (category, &n) in Category::ALL.iter().zip(&s.by_category) {
        if n == 0 {
            continue;
        }
        let rate = if s.words == 0 {
            0.0
        } else {
            1000.0 * n as f64 / s.words as f64
        };
        b.push_record([category.to_string(), n.to_string(), format!("{rate:.2}")]);
    }
    let mut table = b.build();
    table.with(Style::rounded());
    table.to_string()
}

fn worst(s: &Summary) -> String {
    let mut b = Builder::default();
    b.push_record(["score", "findings", "words", "document"]);
    for doc in &s.worst {
        b.push_record([
            format!("{:.1}", doc.score),
            doc.findings.to_string(),
            doc.words.to_string(),
            doc.id.clone(),
        ]);
    }
    let mut table = b.build();
    table.with(Style::rounded());
    table.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_bucket() {
        assert_eq!(bar(0, 10), "");
        assert_eq!(bar(10, 10).chars().count(), BAR_WIDTH);
        assert_eq!(bar(1, 1000).chars().count(), 1);
    }

    #[test]
    fn labels_name_the_bucket_range() {
        assert_eq!(bucket_label(0), "0–10");
        assert_eq!(bucket_label(9), "90–100");
    }
}
