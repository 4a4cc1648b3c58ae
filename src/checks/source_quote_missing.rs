use super::{Check, rule};
use crate::bilingual;
use crate::document::Document;
use crate::finding::{Finding, RuleInfo};

rule! {
    /// Bilingual mode (`--source`): finds a paragraph whose original quotes someone
    /// (quotation marks of any style) while the translation has no quotation marks at all.
    ///
    /// Why it matters: machine translation drops quotation marks, and a quotation turned into
    /// the reporter's own words misattributes them. (A translator who renders a quotation as
    /// reported speech on purpose can ignore the finding.)
    ///
    /// Example: source `"We will be back," he said.`, translation `Er sagte, sie kämen zurück.`
    pub struct SourceQuoteMissing {
        id: "source-quote-missing",
        category: Quotes,
        mqm: "Accuracy/Omission",
        severity: Minor,
        summary: "a quotation of the original without quotation marks in the translation (bilingual mode)",
    }
}

impl Check for SourceQuoteMissing {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(source) = &doc.source else { return };
        for aligned in source.aligned(doc) {
            let (block, original) = (aligned.block, aligned.original);
            if !bilingual::has_quotation(original)
                || aligned.text.chars().any(|c| "\"“”„«»‚‘’'".contains(c))
            {
                continue;
            }
            let line = aligned.source_line();
            out.push(
                Self::rule()
                    .finding(
                        block.body.clone(),
                        "the original's quotation has no quotation marks here",
                    )
                    .with_suggestion("restore the quotation marks of the original")
                    .with_evidence(format!("source line {line} quotes: «{original}»")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::findings_with_source;

    fn run(target: &str, source: &str) -> usize {
        findings_with_source(&SourceQuoteMissing, target, source).len()
    }

    #[test]
    fn a_lost_quotation_is_reported() {
        assert_eq!(
            run(
                "Er sagte, sie kämen zurück.\n",
                "\"We will be back,\" he said.\n"
            ),
            1
        );
        assert_eq!(
            run(
                "„Wir kommen zurück“, sagte er.\n",
                "\"We will be back,\" he said.\n"
            ),
            0
        );
    }
}
