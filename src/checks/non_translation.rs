use super::{Check, rule};
use crate::document::Document;
use crate::finding::{Finding, RuleInfo};
use crate::langid::language_name;

rule! {
    /// Finds a text that was not translated at all: most of its words stand in sentences of
    /// another language than the target (at least half of the words, in three sentences or
    /// more). It is reported once, at the first foreign sentence, instead of sentence by
    /// sentence.
    ///
    /// Why it matters: a pipeline that publishes the source article under the target
    /// language's label — because translation failed or the wrong file was picked — must be
    /// stopped, not scored down. The finding is critical, so the article fails.
    ///
    /// Example: an article labelled German (by `--lang de` or its disclaimer) whose paragraphs
    /// are all the English original.
    pub struct NonTranslation {
        id: "non-translation",
        category: Untranslated,
        mqm: "Non-translation",
        severity: Critical,
        summary: "a text that is mostly in the source language",
    }
}

impl Check for NonTranslation {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let profile = &doc.languages;
        if !profile.is_non_translation() {
            return;
        }
        let (Some(first), Some(foreign)) =
            (profile.foreign.first(), profile.main_foreign_language())
        else {
            return;
        };
        let foreign = language_name(foreign);
        let target = language_name(&doc.language);
        let share = 100.0 * profile.foreign_words() as f64 / profile.words.max(1) as f64;
        out.push(
            Self::rule()
                .finding(
                    doc.sentences[first.sentence].span.clone(),
                    format!("the text is in {foreign}, not {target}"),
                )
                .with_suggestion(format!("translate the article into {target}"))
                .with_evidence(format!(
                    "{} of {} sentences, {share:.0}% of the words, are {foreign}",
                    profile.foreign.len(),
                    doc.sentences.len()
                )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::findings;
    use crate::checks::untranslated_sentence::UntranslatedSentence;

    const ENGLISH: &str = "Police closed the road on Friday morning after the crash.\n\n\
        The driver of the truck was taken to a hospital, a spokesman said.\n\n\
        It was not clear when the road would be opened again, he added.\n";

    #[test]
    fn an_untranslated_text_is_one_critical_finding() {
        let found = findings(&NonTranslation, ENGLISH);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("English"));
        assert!(findings(&UntranslatedSentence, ENGLISH).is_empty());
    }

    #[test]
    fn one_foreign_sentence_is_not_a_non_translation() {
        let text = "Die Polizei sperrte am Morgen die Straße nach dem Unfall.\n\n\
                    Der Fahrer wurde in ein Krankenhaus gebracht, sagte ein Sprecher.\n\n\
                    It was not clear when the road would be opened again, he added.\n";
        assert!(findings(&NonTranslation, text).is_empty());
    }
}
