use std::ops::Range;

use super::{Check, rule};
use crate::document::Document;
use crate::finding::{Finding, RuleInfo};
use crate::langid::{ForeignSentence, language_name};

rule! {
    /// Finds sentences left in the source language: a statistical language identifier and the
    /// sentence's function words agree that it is, say, English in a German article.
    /// Consecutive foreign sentences of one paragraph are reported as one passage.
    ///
    /// Why it matters: machine translation passes through what it cannot parse — a quotation,
    /// a sentence with an odd structure, a pasted paragraph — and the reader of a German page
    /// meets an English sentence. Names, titles of works, credits, fragments under four
    /// lower-case words and quoted original-language phrases inside a target-language sentence
    /// are not reported. A text that is mostly foreign is reported once, by `non-translation`.
    ///
    /// Example: `Die Polizei sperrte die Straße. The suspect was taken into custody on Friday
    /// morning, police said.` — the second sentence was never translated.
    pub struct UntranslatedSentence {
        id: "untranslated-sentence",
        category: Untranslated,
        mqm: "Accuracy/Untranslated text",
        severity: Major,
        summary: "a sentence left in the source language",
    }
}

impl Check for UntranslatedSentence {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let profile = &doc.languages;
        if profile.is_non_translation() {
            return;
        }
        for passage in passages(doc, &profile.foreign) {
            out.push(finding(doc, &passage));
        }
    }
}

/// Runs of consecutive foreign sentences within one block.
fn passages<'p>(doc: &Document, foreign: &'p [ForeignSentence]) -> Vec<Vec<&'p ForeignSentence>> {
    let mut out: Vec<Vec<&ForeignSentence>> = Vec::new();
    for f in foreign {
        let continues = out.last().and_then(|p| p.last()).is_some_and(|last| {
            last.sentence + 1 == f.sentence
                && doc.sentences[last.sentence].block == doc.sentences[f.sentence].block
                && last.lang == f.lang
        });
        match out.last_mut() {
            Some(passage) if continues => passage.push(f),
            _ => out.push(vec![f]),
        }
    }
    out
}

fn finding(doc: &Document, passage: &[&ForeignSentence]) -> Finding {
    let first = passage[0];
    let span: Range<usize> = doc.sentences[first.sentence].span.start
        ..doc.sentences[passage[passage.len() - 1].sentence].span.end;
    let foreign = language_name(first.lang);
    let target = language_name(&doc.language);
    let mut markers: Vec<&str> = passage
        .iter()
        .flat_map(|f| f.markers.iter().map(String::as_str))
        .collect();
    markers.sort_unstable();
    markers.dedup();
    markers.truncate(6);
    let what = if passage.len() == 1 {
        "sentence".to_string()
    } else {
        format!("passage of {} sentences", passage.len())
    };
    let confidence = passage.iter().map(|f| f.confidence).fold(1.0, f64::min);
    UntranslatedSentence::rule()
        .finding(span, format!("{what} left in {foreign}"))
        .with_suggestion(format!("translate the {what} into {target}"))
        .with_evidence(format!(
            "identified as {foreign} (confidence {confidence:.2}), with the {foreign} function \
             words {}",
            markers.join(", ")
        ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::flagged;

    #[test]
    fn flags_an_english_sentence_in_german_text() {
        let text = "Die Polizei sperrte am Morgen die Straße. The suspect was taken into custody \
                    on Friday morning, police said.";
        assert_eq!(
            flagged(&UntranslatedSentence, text),
            vec!["The suspect was taken into custody on Friday morning, police said."]
        );
    }

    #[test]
    fn consecutive_sentences_are_one_passage() {
        let text = "The suspect was taken into custody on Friday. He was released on bail in \
                    the evening.\n";
        assert_eq!(flagged(&UntranslatedSentence, text).len(), 1);
    }

    #[test]
    fn names_and_short_fragments_are_not_untranslated() {
        for text in [
            "Er sprach auf der Honda Motor Show in Tokio über neue Modelle.",
            "Lami Kim lehrt am Daniel K. Inouye Asia-Pacific Center for Security Studies.",
            "Thank you very much.",
            "Der Slogan „Make America Great Again“ war überall zu sehen, als er in die Halle kam.",
        ] {
            assert!(flagged(&UntranslatedSentence, text).is_empty(), "{text}");
        }
    }
}
