use std::borrow::Cow;
use std::ops::Range;

use rustc_hash::FxHashMap;

use super::{Check, rule};
use crate::document::Document;
use crate::finding::{Finding, RuleInfo};

/// Sentences shorter than this are too often repeated on purpose ("Das ist alles.").
const MIN_WORDS: usize = 6;

rule! {
    /// Finds sentences that stand a second time in the article, such as a picture caption
    /// pasted twice or a paragraph repeated by a content pipeline. Consecutive repeated
    /// sentences are reported as one finding.
    ///
    /// Why it matters: readers notice a repeated sentence at once and take the article for
    /// unedited. Page extraction and translation pipelines duplicate captions and teasers.
    ///
    /// Example: a gallery caption `Wladimir Putin während einer Trainingssession in Sotschi im
    /// Jahr 2019.` followed by the same sentence again with the photo credit added.
    pub struct RepeatedSentence {
        id: "repeated-sentence",
        category: Duplicate,
        mqm: "Accuracy/Addition",
        severity: Minor,
        summary: "a sentence or paragraph that stands twice",
    }
}

impl Check for RepeatedSentence {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        // Sized for every sentence, so that the map never rehashes its long keys as it grows.
        let mut first_seen: FxHashMap<Cow<str>, usize> =
            FxHashMap::with_capacity_and_hasher(doc.sentences.len(), Default::default());
        // The run of repeated sentences being collected: (block, span, first earlier position).
        let mut run: Option<(usize, Range<usize>, usize)> = None;
        for sentence in &doc.sentences {
            let text = doc.slice(&sentence.span);
            if text.split_whitespace().take(MIN_WORDS).count() < MIN_WORDS {
                flush(doc, &mut run, out);
                continue;
            }
            let key = normalize(text, spaced_regularly(doc, &sentence.span));
            match first_seen.get(&key) {
                Some(&earlier) => match &mut run {
                    Some((block, span, _)) if *block == sentence.block => {
                        span.end = sentence.span.end
                    }
                    _ => {
                        flush(doc, &mut run, out);
                        run = Some((sentence.block, sentence.span.clone(), earlier));
                    }
                },
                None => {
                    flush(doc, &mut run, out);
                    first_seen.insert(key, sentence.span.start);
                }
            }
        }
        flush(doc, &mut run, out);
    }
}

fn flush(doc: &Document, run: &mut Option<(usize, Range<usize>, usize)>, out: &mut Vec<Finding>) {
    if let Some((_, span, earlier)) = run.take() {
        let line = doc.line_number(earlier);
        out.push(
            RepeatedSentence::rule()
                .finding(span, "repeated text")
                .with_suggestion("delete the repetition")
                .with_evidence(format!("the same text already stands on line {line}")),
        );
    }
}

/// Compares sentences regardless of spacing and of a trailing space before the full stop.
/// Most sentences are spaced normally already (`regular`) and are compared as they stand.
fn normalize(sentence: &str, regular: bool) -> Cow<'_, str> {
    if !regular {
        Cow::Owned(sentence.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        Cow::Borrowed(sentence)
    }
}

/// Whether a sentence is spaced normally: no white space at its ends, and none between its
/// words but single plain spaces. Read off the tokens, which take in every character but
/// white space, so the text is not decoded character by character; `false` when unsure.
fn spaced_regularly(doc: &Document, span: &Range<usize>) -> bool {
    let tokens = doc.tokens_in(span);
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return false;
    };
    let bytes = doc.text.as_bytes();
    first.span.start == span.start
        && last.span.end == span.end
        && tokens.windows(2).all(|pair| {
            let gap = &bytes[pair[0].span.end..pair[1].span.start];
            gap.is_empty() || gap == b" "
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::flagged;

    #[test]
    fn flags_a_caption_pasted_twice() {
        let text = "Putin beim Training in Sotschi im Jahr 2019. Er gilt als Judo-Fan mit großem Ehrgeiz.\n\
                    Putin beim Training in Sotschi im Jahr 2019. Er gilt als Judo-Fan mit großem Ehrgeiz. © dpa\n";
        assert_eq!(
            flagged(&RepeatedSentence, text),
            vec![
                "Putin beim Training in Sotschi im Jahr 2019. Er gilt als Judo-Fan mit großem Ehrgeiz."
            ]
        );
    }

    #[test]
    fn spacing_is_told_from_the_tokens() {
        use crate::document::{Document, ReadOptions};
        let text = "Er kam (spät) heim.\tEr  kam.\nEr\u{a0}kam an. Dann ging er .";
        let doc = Document::parse(
            text,
            &ReadOptions {
                language: Some("de".into()),
                ..ReadOptions::default()
            },
        );
        let spacing: Vec<(&str, bool)> = doc
            .sentences
            .iter()
            .map(|s| (doc.slice(&s.span), spaced_regularly(&doc, &s.span)))
            .collect();
        let by_chars = |s: &str| {
            !(s.contains("  ")
                || s.contains(|c: char| c.is_whitespace() && c != ' ')
                || s.starts_with(' ')
                || s.ends_with(' '))
        };
        assert!(spacing.len() >= 3, "{spacing:?}");
        for (sentence, regular) in spacing {
            assert_eq!(regular, by_chars(sentence), "{sentence:?}");
        }
    }

    #[test]
    fn short_sentences_may_repeat() {
        assert!(flagged(&RepeatedSentence, "Das ist alles.\nDas ist alles.\n").is_empty());
    }

    #[test]
    fn different_sentences_are_quiet() {
        let text = "Putin beim Training in Sotschi im Jahr 2019.\nPutin beim Training in Sotschi im Jahr 2020.\n";
        assert!(flagged(&RepeatedSentence, text).is_empty());
    }
}
