//! The MQM-style quality score.
//!
//! Each finding costs penalty points by severity (minor 1, major 5, critical 25). The points
//! are normalised per 1000 words of article text and subtracted from 100:
//!
//! ```text
//! score = max(0, 100 − 1000 × Σ penalty / words)
//! ```
//!
//! A document passes when its score reaches the threshold (default 90, i.e. at most 10
//! penalty points per 1000 words) and it has no finding at or above the fail-on severity
//! (default critical).

use crate::finding::Severity;

/// Penalty points per severity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    pub minor: f64,
    pub major: f64,
    pub critical: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            minor: 1.0,
            major: 5.0,
            critical: 25.0,
        }
    }
}

impl Weights {
    pub fn of(&self, severity: Severity) -> f64 {
        match severity {
            Severity::Minor => self.minor,
            Severity::Major => self.major,
            Severity::Critical => self.critical,
        }
    }
}

/// The default pass mark.
pub const DEFAULT_THRESHOLD: f64 = 90.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// 0–100, one decimal.
    pub value: f64,
    pub penalty: f64,
    pub passed: bool,
}

/// Scores a document of `words` words with findings of the given severities; any critical
/// finding fails it.
pub fn score(severities: &[Severity], words: usize, weights: &Weights, threshold: f64) -> Score {
    score_failing_on(severities, words, weights, threshold, Severity::Critical)
}

/// Like [`score`], but any finding at or above `fail_on` fails the document.
pub fn score_failing_on(
    severities: &[Severity],
    words: usize,
    weights: &Weights,
    threshold: f64,
    fail_on: Severity,
) -> Score {
    let penalty: f64 = severities.iter().map(|&s| weights.of(s)).sum();
    let value = if penalty == 0.0 {
        100.0
    } else if words == 0 {
        0.0
    } else {
        (100.0 - 1000.0 * penalty / words as f64).max(0.0)
    };
    let value = (value * 10.0).round() / 10.0;
    let too_serious = severities.iter().any(|&s| s >= fail_on);
    Score {
        value,
        penalty,
        passed: value >= threshold && !too_serious,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Severity::*;

    fn s(severities: &[Severity], words: usize) -> Score {
        score(severities, words, &Weights::default(), DEFAULT_THRESHOLD)
    }

    #[test]
    fn no_findings_is_a_perfect_score() {
        assert_eq!(s(&[], 500).value, 100.0);
        assert!(s(&[], 0).passed);
    }

    #[test]
    fn penalty_is_normalised_per_thousand_words() {
        // 1 + 5 = 6 points in 2000 words = 3 points per 1000 words.
        let r = s(&[Minor, Major], 2000);
        assert_eq!(r.penalty, 6.0);
        assert_eq!(r.value, 97.0);
        assert!(r.passed);
    }

    #[test]
    fn threshold_is_inclusive() {
        // 10 points per 1000 words gives exactly 90.
        assert!(s(&[Major, Major], 1000).passed);
        assert!(!s(&[Major, Major, Minor], 1000).passed);
    }

    #[test]
    fn any_critical_finding_fails() {
        let r = s(&[Critical], 100_000);
        assert!(r.value > 99.0);
        assert!(!r.passed);
    }

    #[test]
    fn fail_on_lowers_the_bar_for_a_failing_severity() {
        let w = Weights::default();
        let r = score_failing_on(&[Minor], 100_000, &w, 90.0, Minor);
        assert!(r.value > 99.0);
        assert!(!r.passed);
        assert!(score_failing_on(&[Minor], 100_000, &w, 90.0, Major).passed);
        assert!(!score_failing_on(&[Major], 100_000, &w, 90.0, Major).passed);
    }

    #[test]
    fn score_never_drops_below_zero() {
        assert_eq!(s(&[Critical; 10], 100).value, 0.0);
    }

    #[test]
    fn findings_in_an_empty_text_score_zero() {
        assert_eq!(s(&[Minor], 0).value, 0.0);
    }

    #[test]
    fn weights_are_configurable() {
        let w = Weights {
            minor: 2.0,
            ..Weights::default()
        };
        assert_eq!(score(&[Minor], 1000, &w, 90.0).value, 98.0);
    }
}
