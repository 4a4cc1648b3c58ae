//! What a check reports: a [`Finding`] is a byte span of the text with the rule that fired,
//! a message, ranked suggestions and the evidence that makes us believe it.
//!
//! Findings carry byte offsets only; line and column are computed when rendering.

use std::fmt;
use std::ops::Range;

/// The problem families of the report. The names are part of the JSON contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    Spelling,
    NameConsistency,
    Transliteration,
    Quotes,
    Punctuation,
    Untranslated,
    NumberFormat,
    Duplicate,
    Garbled,
    Capitalization,
    Grammar,
    Terminology,
    Style,
}

impl Category {
    pub const ALL: [Category; 13] = [
        Category::Spelling,
        Category::NameConsistency,
        Category::Transliteration,
        Category::Quotes,
        Category::Punctuation,
        Category::Untranslated,
        Category::NumberFormat,
        Category::Duplicate,
        Category::Garbled,
        Category::Capitalization,
        Category::Grammar,
        Category::Terminology,
        Category::Style,
    ];

    /// The stable kebab-case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Spelling => "spelling",
            Category::NameConsistency => "name-consistency",
            Category::Transliteration => "transliteration",
            Category::Quotes => "quotes",
            Category::Punctuation => "punctuation",
            Category::Untranslated => "untranslated",
            Category::NumberFormat => "number-format",
            Category::Duplicate => "duplicate",
            Category::Garbled => "garbled",
            Category::Capitalization => "capitalization",
            Category::Grammar => "grammar",
            Category::Terminology => "terminology",
            Category::Style => "style",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// MQM severity levels; the order is the order of seriousness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Severity {
    Minor,
    Major,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Minor => "minor",
            Severity::Major => "major",
            Severity::Critical => "critical",
        }
    }
}

/// A severity name that is not minor, major or critical.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown severity {0:?} (expected minor, major or critical)")]
pub struct UnknownSeverity(pub String);

impl std::str::FromStr for Severity {
    type Err = UnknownSeverity;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "minor" => Ok(Severity::Minor),
            "major" => Ok(Severity::Major),
            "critical" => Ok(Severity::Critical),
            _ => Err(UnknownSeverity(s.to_string())),
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Everything that describes a rule, independent of any text it runs on.
#[derive(Debug)]
pub struct RuleInfo {
    /// Stable kebab-case id naming the problem (never the fix).
    pub id: &'static str,
    pub category: Category,
    /// MQM error type path, e.g. `Fluency/Punctuation`.
    pub mqm: &'static str,
    pub severity: Severity,
    /// One line for `mtlint rules`.
    pub summary: &'static str,
    /// What it finds, why it matters and an example: the rule's doc comment.
    pub explanation: &'static str,
}

impl RuleInfo {
    /// Starts a finding of this rule over `span` with the rule's default severity.
    pub fn finding(&'static self, span: Range<usize>, message: impl Into<String>) -> Finding {
        Finding {
            rule: self,
            severity: self.severity,
            span,
            message: message.into(),
            suggestions: Vec::new(),
            evidence: String::new(),
        }
    }
}

/// One reported problem.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: &'static RuleInfo,
    pub severity: Severity,
    /// Byte range in the document text.
    pub span: Range<usize>,
    pub message: String,
    /// Ranked corrections, the most likely first.
    pub suggestions: Vec<String>,
    /// Why we believe it, in words an editor can check.
    pub evidence: String,
}

impl Finding {
    pub fn with_suggestion(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestions.push(suggestion.into());
        self
    }

    pub fn with_evidence(mut self, evidence: impl Into<String>) -> Self {
        self.evidence = evidence.into();
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn category(&self) -> Category {
        self.rule.category
    }
}

/// A count in words for evidence: "once", "3 times".
pub fn times(n: usize) -> String {
    if n == 1 {
        "once".to_string()
    } else {
        format!("{n} times")
    }
}
