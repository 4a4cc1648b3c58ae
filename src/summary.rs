//! What a batch run keeps of each document once it is written out, and the aggregates over
//! the whole run: counts, a score histogram, findings per category and the worst documents.
//! Both are small and fixed in size, so a run over millions of articles summarises in
//! constant memory.

use std::collections::BTreeMap;

use crate::finding::Category;
use crate::report::DocumentReport;

/// How many of the worst documents the summary lists.
pub const WORST: usize = 10;

/// Width of a histogram bucket in score points; the last bucket includes 100.
pub const BUCKET: usize = 10;

/// One document, without its text and findings.
#[derive(Debug, Clone, PartialEq)]
pub struct DocSummary {
    /// Position in the input order, from 0.
    pub index: usize,
    /// The record id, else the path.
    pub id: String,
    pub path: String,
    pub language: String,
    pub machine_translated: bool,
    pub words: usize,
    pub score: f64,
    pub penalty: f64,
    pub passed: bool,
    pub findings: usize,
    /// Findings per category, in the order of [`Category::ALL`].
    pub by_category: [usize; Category::ALL.len()],
    pub error: Option<String>,
}

impl DocSummary {
    pub fn of(index: usize, report: &DocumentReport) -> DocSummary {
        let mut by_category = [0; Category::ALL.len()];
        for f in &report.findings {
            by_category[category_index(f.category())] += 1;
        }
        DocSummary {
            index,
            id: report.id.clone().unwrap_or_else(|| report.path.clone()),
            path: report.path.clone(),
            language: report.language.clone(),
            machine_translated: report.machine_translated,
            words: report.words,
            score: report.score.value,
            penalty: report.score.penalty,
            passed: report.score.passed,
            findings: report.findings.len(),
            by_category,
            error: report.error.clone(),
        }
    }

    /// Lower is worse: by score, then by penalty, then input order.
    fn worse_than(&self, other: &DocSummary) -> bool {
        (self.score, -self.penalty, self.index) < (other.score, -other.penalty, other.index)
    }
}

/// The position of a category in [`Category::ALL`].
pub fn category_index(category: Category) -> usize {
    Category::ALL
        .iter()
        .position(|&c| c == category)
        .unwrap_or_default()
}

/// Aggregates over a batch run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub documents: usize,
    /// Documents that could not be read or checked.
    pub errors: usize,
    pub passed: usize,
    pub failed: usize,
    pub machine_translated: usize,
    pub words: u64,
    pub findings: u64,
    pub by_category: [u64; Category::ALL.len()],
    /// Checked documents per score bucket: `[0, 10)`, `[10, 20)` … `[90, 100]`.
    pub histogram: [usize; 100 / BUCKET],
    pub languages: BTreeMap<String, usize>,
    /// The lowest-scoring checked documents, worst first.
    pub worst: Vec<DocSummary>,
}

impl Summary {
    pub fn add(&mut self, doc: &DocSummary) {
        self.documents += 1;
        if doc.error.is_some() {
            self.errors += 1;
            return;
        }
        if doc.passed {
            self.passed += 1;
        } else {
            self.failed += 1;
        }
        self.machine_translated += usize::from(doc.machine_translated);
        self.words += doc.words as u64;
        self.findings += doc.findings as u64;
        for (total, &n) in self.by_category.iter_mut().zip(&doc.by_category) {
            *total += n as u64;
        }
        self.histogram[bucket(doc.score)] += 1;
        *self.languages.entry(doc.language.clone()).or_default() += 1;
        self.keep_if_worst(doc);
    }

    fn keep_if_worst(&mut self, doc: &DocSummary) {
        if doc.findings == 0 {
            return;
        }
        let at = self.worst.partition_point(|w| w.worse_than(doc));
        if at < WORST {
            self.worst.insert(at, doc.clone());
            self.worst.truncate(WORST);
        }
    }

    /// Checked documents (read and analysed).
    pub fn checked(&self) -> usize {
        self.documents - self.errors
    }

    /// Share of checked documents that passed, 0–1 (1 when nothing was checked).
    pub fn pass_rate(&self) -> f64 {
        match self.checked() {
            0 => 1.0,
            n => self.passed as f64 / n as f64,
        }
    }

    /// Findings per 1000 words.
    pub fn findings_per_1000_words(&self) -> f64 {
        match self.words {
            0 => 0.0,
            w => 1000.0 * self.findings as f64 / w as f64,
        }
    }
}

/// The histogram bucket of a score.
pub fn bucket(score: f64) -> usize {
    let buckets = 100 / BUCKET;
    ((score.max(0.0) as usize) / BUCKET).min(buckets - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(index: usize, score: f64, findings: usize) -> DocSummary {
        DocSummary {
            index,
            id: format!("d{index}"),
            path: format!("d{index}.txt"),
            language: "de".into(),
            machine_translated: true,
            words: 100,
            score,
            penalty: 100.0 - score,
            passed: score >= 90.0,
            findings,
            by_category: [0; Category::ALL.len()],
            error: None,
        }
    }

    #[test]
    fn buckets_hold_ten_points_and_100_goes_last() {
        assert_eq!(bucket(0.0), 0);
        assert_eq!(bucket(9.9), 0);
        assert_eq!(bucket(90.0), 9);
        assert_eq!(bucket(100.0), 9);
    }

    #[test]
    fn worst_documents_are_kept_worst_first_and_capped() {
        let mut s = Summary::default();
        for i in 0..30 {
            s.add(&doc(i, (i * 3 % 100) as f64, 1));
        }
        assert_eq!(s.worst.len(), WORST);
        assert_eq!(s.worst[0].score, 0.0);
        assert!(s.worst.windows(2).all(|w| w[0].score <= w[1].score));
    }

    #[test]
    fn errors_are_counted_but_not_aggregated() {
        let mut s = Summary::default();
        s.add(&doc(0, 100.0, 0));
        s.add(&DocSummary {
            error: Some("x: no such file".into()),
            ..doc(1, 0.0, 0)
        });
        assert_eq!((s.documents, s.errors, s.checked()), (2, 1, 1));
        assert_eq!(s.words, 100);
        assert_eq!(s.pass_rate(), 1.0);
        assert!(s.worst.is_empty());
    }
}
