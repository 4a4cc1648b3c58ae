use super::{Check, gated_blocks, rule};
use crate::document::Document;
use crate::finding::{Finding, RuleInfo};
use crate::lang::Language;

rule! {
    /// Finds phrases whose capitalisation is wrong as written, from the list in
    /// `dictionaries/<lang>/capitalization.tsv` ("die Beiden" → "die beiden", "im allgemeinen"
    /// → "im Allgemeinen").
    ///
    /// Why it matters: spell checkers accept each word of such a phrase, since both spellings
    /// exist; only the phrase is wrong. Machine translation produces them when it treats a
    /// pronoun as a noun.
    ///
    /// Example: `Die Beiden sollte im weiteren Verlauf eine innige Freundschaft verbinden`
    /// should read `Die beiden`.
    pub struct CapitalizationSlip {
        id: "capitalization-slip",
        category: Capitalization,
        mqm: "Fluency/Spelling",
        severity: Minor,
        summary: "a phrase capitalised against the orthography rules",
    }
}

impl Check for CapitalizationSlip {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn runs_for(&self, lang: &Language) -> bool {
        !lang.capitalization.is_empty()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(lang) = doc.lang else { return };
        // One search for all phrases; the rule is looked up only where something matched.
        let (Some(any), Some(gate)) = (&lang.capitalization_any, &lang.capitalization_gate) else {
            return;
        };
        // The exact search is slow on text with umlauts; most blocks fail the fast gate.
        for block in gated_blocks(doc, gate) {
            let body = doc.slice(&block.body);
            for m in any.find_iter(body) {
                let Some(rule) = lang.capitalization.iter().find(|r| {
                    r.pattern
                        .find_at(body, m.start())
                        .is_some_and(|f| f.range() == m.range())
                }) else {
                    continue;
                };
                let span = block.body.start + m.start()..block.body.start + m.end();
                out.push(
                    Self::rule()
                        .finding(
                            span,
                            format!("write «{}»", same_initial_case(m.as_str(), &rule.right)),
                        )
                        .with_suggestion(same_initial_case(m.as_str(), &rule.right))
                        .with_evidence(rule.why.clone()),
                );
            }
        }
    }
}

/// `right` with the first letter in the case of `original`'s (a sentence start stays capital).
fn same_initial_case(original: &str, right: &str) -> String {
    let upper = original.chars().next().is_some_and(char::is_uppercase);
    let mut chars = right.chars();
    match chars.next() {
        Some(c) if upper => c.to_uppercase().chain(chars).collect(),
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::{flagged, suggestion};

    #[test]
    fn flags_listed_phrase_at_sentence_start() {
        let text = "Die Beiden sollte eine Freundschaft verbinden.";
        assert_eq!(flagged(&CapitalizationSlip, text), vec!["Die Beiden"]);
        assert_eq!(suggestion(&CapitalizationSlip, text), "Die beiden");
    }

    #[test]
    fn flags_listed_phrase_mid_sentence() {
        assert_eq!(
            suggestion(&CapitalizationSlip, "Das gilt im allgemeinen auch hier."),
            "im Allgemeinen"
        );
    }

    #[test]
    fn correct_phrases_are_quiet() {
        assert!(flagged(&CapitalizationSlip, "Die beiden verstanden sich gut.").is_empty());
        assert!(flagged(&CapitalizationSlip, "Die Beidenbacher kamen.").is_empty());
        // A word going on in a non-ASCII letter is no phrase either.
        assert!(flagged(&CapitalizationSlip, "Die Beidenä kamen.").is_empty());
        assert!(flagged(&CapitalizationSlip, "Ödie Beiden kamen.").is_empty());
    }
}
