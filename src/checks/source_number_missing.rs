use super::{Check, rule};
use crate::bilingual::{self, Number};
use crate::document::Document;
use crate::finding::{Finding, RuleInfo};

rule! {
    /// Bilingual mode (`--source`): finds a number of the original that its translated
    /// paragraph does not have, compared by value across conventions (4.8 million and
    /// 4,8 Millionen are the same number; 10,000 and 10.000 too). Counts up to twelve (often
    /// written out), clock times (which change form) and segments that are identical to the
    /// source are not compared.
    ///
    /// Why it matters: a dropped or changed figure is one of the most damaging errors a
    /// translated news story can carry, and it is invisible without the original.
    ///
    /// Example: source `The fine is $2,700.`, translation `Die Strafe beträgt 2.000 Dollar.`
    /// — 2,700 is missing.
    pub struct SourceNumberMissing {
        id: "source-number-missing",
        category: NumberFormat,
        mqm: "Accuracy/Mistranslation",
        severity: Major,
        summary: "a number of the original missing or changed in the translation (bilingual mode)",
    }
}

impl Check for SourceNumberMissing {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(source) = &doc.source else { return };
        let source_locale = source.language.map(|l| &l.locale);
        let target_locale = doc.lang.map(|l| &l.locale);
        for aligned in source.aligned(doc) {
            let (block, text, original) = (aligned.block, aligned.text, aligned.original);
            if bilingual::normalise(text) == bilingual::normalise(original) {
                continue;
            }
            let found = bilingual::numbers(text, target_locale);
            let missing: Vec<Number> = bilingual::numbers(original, source_locale)
                .into_iter()
                .filter(|n| {
                    !found
                        .iter()
                        .any(|f| bilingual::same_value(f.value, n.value))
                })
                .collect();
            if missing.is_empty() {
                continue;
            }
            let listed: Vec<&str> = missing.iter().map(|n| n.text.as_str()).collect();
            let line = aligned.source_line();
            out.push(
                Self::rule()
                    .finding(
                        block.body.clone(),
                        format!(
                            "the original's {} not in the translation",
                            quantity(&listed)
                        ),
                    )
                    .with_suggestion(format!("check the figures against source line {line}"))
                    .with_evidence(format!("source line {line}: «{}»", shorten(original))),
            );
        }
    }
}

fn quantity(numbers: &[&str]) -> String {
    match numbers {
        [one] => format!("number {one} is"),
        more => format!("numbers {} are", more.join(", ")),
    }
}

fn shorten(text: &str) -> String {
    const MAX: usize = 160;
    match text.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::findings_with_source;

    fn run(target: &str, source: &str) -> Vec<Finding> {
        findings_with_source(&SourceNumberMissing, target, source)
    }

    #[test]
    fn a_changed_number_is_reported() {
        let found = run(
            "Die Strafe beträgt 2.000 Dollar.\n",
            "The fine is $2,700, the council said.\n",
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("2,700"));
    }

    #[test]
    fn the_same_numbers_in_another_format_are_fine() {
        assert!(
            run(
                "Der Umsatz lag bei 4,8 Millionen Dollar, 10.000 Menschen kamen um 18:19 Uhr, drei blieben.\n",
                "Sales were $4.8 million, 10,000 people came at 6:19 p.m., and 3 stayed.\n",
            )
            .is_empty()
        );
    }
}
