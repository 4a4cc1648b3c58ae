use super::{Check, rule};
use crate::bilingual::normalise;
use crate::document::Document;
use crate::finding::{Finding, RuleInfo};
use crate::langid::language_name;

/// Shorter segments are often the same in both languages (names, titles, datelines).
const MIN_WORDS: usize = 4;

rule! {
    /// Bilingual mode (`--source`): finds a paragraph or headline that stands in the
    /// translation exactly as in the original article. It was never translated.
    ///
    /// Why it matters: a segment copied through unchanged is the surest sign of untranslated
    /// text, and the comparison needs no language identification. Segments under four words
    /// and those without two lower-case words (names, titles, datelines) are not reported.
    ///
    /// Example: source line `Police said the man was arrested on Friday.` and the same line in
    /// the German translation.
    pub struct SourceIdentical {
        id: "source-identical",
        category: Untranslated,
        mqm: "Accuracy/Untranslated text",
        severity: Major,
        summary: "a segment identical to the original (bilingual mode)",
    }
}

impl Check for SourceIdentical {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(source) = &doc.source else { return };
        for aligned in source.aligned(doc) {
            let (block, text) = (aligned.block, aligned.text);
            if normalise(text) != normalise(aligned.original) {
                continue;
            }
            // Already reported, sentence by sentence, as untranslated.
            let reported = block.sentences.clone().all(|i| doc.languages.is_foreign(i));
            let words: Vec<&str> = text.split_whitespace().collect();
            let lower = words
                .iter()
                .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                .count();
            if reported || words.len() < MIN_WORDS || lower < 2 {
                continue;
            }
            out.push(
                Self::rule()
                    .finding(block.body.clone(), "identical to the original")
                    .with_suggestion(format!("translate into {}", language_name(&doc.language)))
                    .with_evidence(format!(
                        "source line {} reads the same",
                        aligned.source_line()
                    )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::findings_with_source;

    fn run(target: &str, source: &str) -> Vec<Finding> {
        findings_with_source(&SourceIdentical, target, source)
    }

    #[test]
    fn a_copied_line_is_untranslated() {
        let source = "Police closed the road.\nThe man was arrested on Friday.\n";
        let target = "Die Polizei sperrte die Straße.\nThe man was arrested on Friday.\n";
        let found = run(target, source);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].evidence, "source line 2 reads the same");
    }

    #[test]
    fn names_and_unaligned_texts_are_not_reported() {
        assert!(
            run(
                "Honda Motor Show Tokyo\nEr kam.\n",
                "Honda Motor Show Tokyo\nHe came.\n"
            )
            .is_empty()
        );
        assert!(
            run(
                "The man was arrested today.\n",
                "A\nThe man was arrested today.\nB\nC\n"
            )
            .is_empty()
        );
    }
}
