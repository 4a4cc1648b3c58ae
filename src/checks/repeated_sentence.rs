use std::borrow::Cow;
use std::collections::hash_map::Entry;
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
        // The sentences and the tokens are both in text order, so each sentence's tokens
        // are found by walking on from the last one rather than by a search per sentence.
        let mut next_token = 0;
        for sentence in &doc.sentences {
            let layout = Layout::of(doc, &sentence.span, &mut next_token);
            if layout.words < MIN_WORDS {
                flush(doc, &mut run, out);
                continue;
            }
            let text = doc.slice(&sentence.span);
            let key = normalize(text, layout.regular);
            // One hash and probe per sentence: most are new and are inserted where the
            // look-up ended.
            match first_seen.entry(key) {
                Entry::Occupied(seen) => {
                    let earlier = *seen.get();
                    match &mut run {
                        Some((block, span, _)) if *block == sentence.block => {
                            span.end = sentence.span.end
                        }
                        _ => {
                            flush(doc, &mut run, out);
                            run = Some((sentence.block, sentence.span.clone(), earlier));
                        }
                    }
                }
                Entry::Vacant(new) => {
                    flush(doc, &mut run, out);
                    new.insert(sentence.span.start);
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

/// How a sentence is laid out, read off its tokens, which take in every character but white
/// space, so that the text is not decoded character by character.
struct Layout {
    /// Its words as white space separates them (`str::split_whitespace`), counted up to
    /// [`MIN_WORDS`] only.
    words: usize,
    /// Whether it is spaced normally: no white space at its ends, and none between its words
    /// but single plain spaces; `false` when unsure.
    regular: bool,
}

impl Layout {
    /// The layout of the sentence at `span`. `next_token` is the index of a token at or
    /// before the sentence's first; it is left at the first token after the sentence.
    fn of(doc: &Document, span: &Range<usize>, next_token: &mut usize) -> Layout {
        let tokens = &doc.tokens;
        let bytes = doc.text.as_bytes();
        let mut k = *next_token;
        while tokens.get(k).is_some_and(|t| t.span.start < span.start) {
            k += 1;
        }
        let first = k;
        // A word as white space separates them starts at each token that white space comes
        // before, since only white space lies between tokens.
        let mut words = 0;
        let mut regular = true;
        let mut previous_end = span.start;
        while let Some(token) = tokens.get(k).filter(|t| t.span.start < span.end) {
            let gap = &bytes[previous_end..token.span.start];
            if k == first || !gap.is_empty() {
                words += 1;
            }
            regular &= gap.is_empty() || (k > first && gap == b" ");
            previous_end = token.span.end;
            k += 1;
            if words >= MIN_WORDS && !regular {
                break;
            }
        }
        regular &= k > first && previous_end == span.end;
        *next_token = k;
        Layout {
            words: words.min(MIN_WORDS),
            regular,
        }
    }
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
    fn layout_is_told_from_the_tokens() {
        use crate::document::{Document, ReadOptions};
        let text = "Er kam (spät) heim.\tEr  kam.\nEr\u{a0}kam an. Dann ging er .\n\
                    Sie  sagte, dass es so nicht weitergehen könne. Er lief\u{2009}- wie immer - \
                    nach Hause und kam spät an. Ein ganz normaler Satz mit sieben Wörtern.";
        let doc = Document::parse(
            text,
            &ReadOptions {
                language: Some("de".into()),
                ..ReadOptions::default()
            },
        );
        let mut next_token = 0;
        let layouts: Vec<(&str, usize, bool)> = doc
            .sentences
            .iter()
            .map(|s| {
                let layout = Layout::of(&doc, &s.span, &mut next_token);
                (doc.slice(&s.span), layout.words, layout.regular)
            })
            .collect();
        let by_chars = |s: &str| {
            !(s.contains("  ")
                || s.contains(|c: char| c.is_whitespace() && c != ' ')
                || s.starts_with(' ')
                || s.ends_with(' '))
        };
        assert!(layouts.len() >= 6, "{layouts:?}");
        for (sentence, words, regular) in layouts {
            let split = sentence.split_whitespace().take(MIN_WORDS).count();
            assert_eq!(words, split, "{sentence:?}");
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
