//! The checks. Each file holds one check: a unit struct declared with [`rule!`], whose doc
//! comment says what it finds, why it matters and gives an example (`mtlint explain ID` prints
//! it), and an implementation of [`Check`] that reads the shared [`Document`] and pushes
//! [`Finding`]s. Checks never print and never mutate the document, so documents can be
//! checked in parallel.

use crate::document::Document;
use crate::finding::{Finding, RuleInfo};

mod capitalization_slip;
mod doubled_word;
mod garbled_fragment;
mod hyphen_as_dash;
mod missing_comma;
mod misspelling;
mod mixed_quote_style;
mod repeated_sentence;
mod unbalanced_quote;

/// A check over one document.
pub trait Check: Send + Sync {
    fn info(&self) -> &'static RuleInfo;
    fn check(&self, doc: &Document, out: &mut Vec<Finding>);
}

/// Declares a check's struct and its [`RuleInfo`], taking the explanation from the doc comment
/// so the documentation and `mtlint explain` cannot drift apart.
macro_rules! rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            id: $id:literal,
            category: $category:ident,
            mqm: $mqm:literal,
            severity: $severity:ident,
            summary: $summary:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            pub fn rule() -> &'static $crate::finding::RuleInfo {
                static INFO: $crate::finding::RuleInfo = $crate::finding::RuleInfo {
                    id: $id,
                    category: $crate::finding::Category::$category,
                    mqm: $mqm,
                    severity: $crate::finding::Severity::$severity,
                    summary: $summary,
                    explanation: concat!($($doc, "\n"),*),
                };
                &INFO
            }
        }
    };
}
pub(crate) use rule;

/// Every check, in alphabetical order of its id.
pub fn all() -> Vec<Box<dyn Check>> {
    vec![
        Box::new(capitalization_slip::CapitalizationSlip),
        Box::new(doubled_word::DoubledWord),
        Box::new(garbled_fragment::GarbledFragment),
        Box::new(hyphen_as_dash::HyphenAsDash),
        Box::new(missing_comma::MissingComma),
        Box::new(misspelling::Misspelling),
        Box::new(mixed_quote_style::MixedQuoteStyle),
        Box::new(repeated_sentence::RepeatedSentence),
        Box::new(unbalanced_quote::UnbalancedQuote),
    ]
}

/// The rule descriptions of every check.
pub fn rules() -> Vec<&'static RuleInfo> {
    all().iter().map(|c| c.info()).collect()
}

/// Runs the checks over a document; findings come back in text order.
pub fn run(doc: &Document, checks: &[Box<dyn Check>]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for check in checks {
        check.check(doc, &mut findings);
    }
    findings.retain(|f| !doc.anatomy.is_excluded(f.span.start));
    findings.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule.id).cmp(&(b.span.start, b.span.end, b.rule.id))
    });
    findings
}

#[cfg(test)]
pub(crate) mod test_util {
    use super::*;
    use crate::document::ReadOptions;

    /// Runs one check over German text and returns the matched texts.
    pub fn flagged(check: &dyn Check, text: &str) -> Vec<String> {
        findings(check, text)
            .iter()
            .map(|f| text[f.span.clone()].to_string())
            .collect()
    }

    pub fn findings(check: &dyn Check, text: &str) -> Vec<Finding> {
        let doc = Document::parse(
            text,
            &ReadOptions {
                language: Some("de".into()),
            },
        );
        let mut out = Vec::new();
        check.check(&doc, &mut out);
        out
    }

    /// The first suggestion of the only finding.
    pub fn suggestion(check: &dyn Check, text: &str) -> String {
        let found = findings(check, text);
        assert_eq!(found.len(), 1, "expected one finding in {text:?}");
        found[0].suggestions.first().cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rule_ids_are_unique_kebab_case_and_explained() {
        let mut seen = HashSet::new();
        for rule in rules() {
            assert!(seen.insert(rule.id), "duplicate id {}", rule.id);
            assert!(
                rule.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{} is not kebab-case",
                rule.id
            );
            assert!(
                rule.explanation.contains("Example"),
                "{} has no example",
                rule.id
            );
        }
    }

    #[test]
    fn checks_are_listed_alphabetically() {
        let ids: Vec<_> = rules().iter().map(|r| r.id).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
    }
}
