use std::ops::Range;

use rustc_hash::FxHashSet;

use super::{Check, rule};
use crate::document::{Block, BlockKind, Document, Token, TokenKind, ends_with_terminal};
use crate::finding::{Finding, RuleInfo, Severity};
use crate::lang::Language;

rule! {
    /// Finds garbled or truncated fragments: a sentence that starts lower-case after a full
    /// stop, a capitalised preposition or article right after a determiner in mid-sentence
    /// ("in seiner Mit dem"), a paragraph that ends in a lone capital letter, and running text
    /// (a paragraph of several sentences) that ends without punctuation. Signals in one
    /// sentence make one finding; two or more make it major.
    ///
    /// Why it matters: content pipelines cut captions and splice sentences, and machine
    /// translation carries the damage over. A truncated sentence in a published article is the
    /// first thing a reader notices. Headlines and one-line captions, which end without
    /// punctuation by convention, are not reported.
    ///
    /// Example: `… mit dem er es zu tun bekam. in seiner Mit dem damals noch amtierenden
    /// US-Präsidenten B` is a spliced, truncated caption.
    pub struct GarbledFragment {
        id: "garbled-fragment",
        category: Garbled,
        mqm: "Fluency/Grammar",
        severity: Minor,
        summary: "a garbled, spliced or truncated fragment of text",
    }
}

/// A shorter last sentence without punctuation is more often a kicker or a subtitle
/// ("Das müssen Sie wissen") than a truncation.
const MIN_UNFINISHED_WORDS: usize = 8;

/// One piece of evidence that a sentence is damaged.
struct Signal {
    start: usize,
    what: String,
}

impl Check for GarbledFragment {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(lang) = doc.lang else { return };
        let mut forms = FormClasses::new(doc, lang);
        for (block_index, block) in doc.blocks.iter().enumerate() {
            let sentences = doc.sentences_of(block);
            for (k, sentence) in sentences.iter().enumerate() {
                let is_last = k + 1 == sentences.len();
                let token_range = doc.token_range(&sentence.span);
                let tokens = &doc.tokens[token_range.clone()];
                let mut signals = lower_case_starts(doc, lang, tokens);
                signals.extend(capitalised_function_words(doc, &mut forms, token_range));
                if is_last && block_index > 0 {
                    // The first block is the title, which may end without punctuation.
                    signals.extend(unfinished_ending(doc, block, &sentence.span, tokens));
                }
                if let Some(finding) = fragment_finding(&sentence.span, signals) {
                    out.push(finding);
                }
            }
        }
    }
}

fn fragment_finding(sentence: &Range<usize>, signals: Vec<Signal>) -> Option<Finding> {
    let start = signals.iter().map(|s| s.start).min()?;
    let evidence: Vec<&str> = signals.iter().map(|s| s.what.as_str()).collect();
    let severity = if signals.len() >= 2 {
        Severity::Major
    } else {
        Severity::Minor
    };
    let span = start..sentence.end;
    let message = if signals.len() >= 2 {
        "garbled or truncated fragment".to_string()
    } else {
        format!("possibly garbled text: {}", evidence[0])
    };
    Some(
        GarbledFragment::rule()
            .finding(span, message)
            .with_severity(severity)
            .with_suggestion("restore the sentence from the source text")
            .with_evidence(evidence.join("; ")),
    )
}

/// "bekam. in seiner": a full stop after a word, then a lower-case word. Abbreviations
/// ("z. B. in", "ca. zehn") and ellipses are not sentence ends.
fn lower_case_starts(doc: &Document, lang: &Language, tokens: &[Token]) -> Vec<Signal> {
    let mut found = Vec::new();
    // The full stop has a token on either side; most sentences hold no full stop but their
    // last, which one search through the bytes rules out.
    let (Some(second), Some(last_but_one)) = (tokens.get(1), tokens.len().checked_sub(2)) else {
        return found;
    };
    let inner = second.span.start..tokens[last_but_one].span.end.max(second.span.start);
    if memchr::memchr(b'.', &doc.text.as_bytes()[inner]).is_none() {
        return found;
    }
    for w in tokens.windows(3) {
        let (word, stop, next) = (&w[0], &w[1], &w[2]);
        // Most tokens are no full stop: that is tested first, before any slicing.
        if !is_full_stop(doc, stop) {
            continue;
        }
        let (word_text, next_text) = (doc.slice(&word.span), doc.slice(&next.span));
        let attached = word.span.end == stop.span.start;
        let spaced = next.span.start > stop.span.end;
        if word.kind == TokenKind::Word
            && attached
            && spaced
            && next.kind == TokenKind::Word
            && next_text.chars().next().is_some_and(char::is_lowercase)
            && word_text.chars().count() > 1
            && !lang.abbreviations.contains(word_text)
        {
            found.push(Signal {
                start: next.span.start,
                what: format!("«{next_text}» starts lower-case after a full stop"),
            });
        }
    }
    found
}

/// Whether `token` is a full stop, read from its one byte.
fn is_full_stop(doc: &Document, token: &Token) -> bool {
    token.span.len() == 1 && doc.text.as_bytes().get(token.span.start) == Some(&b'.')
}

/// "in seiner Mit dem": a preposition or article capitalised right after a determiner.
/// `tokens` indexes [`Document::tokens`] (and so the vocabulary).
fn capitalised_function_words(
    doc: &Document,
    forms: &mut FormClasses,
    tokens: Range<usize>,
) -> Vec<Signal> {
    let text = doc.text.as_bytes();
    let first = tokens.start;
    let mut found = Vec::new();
    // The pairs are read from a slice, with the text's bytes at hand, so that the common
    // case (a lower-case word) costs a few instructions.
    for (offset, pair) in doc.tokens[tokens].windows(2).enumerate() {
        let (prev, word) = (&pair[0], &pair[1]);
        // Most words start with a lower-case ASCII letter: that is tested first, on one byte.
        if word.kind != TokenKind::Word
            || starts_with_ascii_non_capital(text, word)
            || prev.kind != TokenKind::Word
        {
            continue;
        }
        let i = first + offset + 1;
        let (Some(prev_id), Some(word_id)) = (doc.vocabulary.id(i - 1), doc.vocabulary.id(i))
        else {
            continue;
        };
        // Few words are determiners, and so that is asked first.
        if forms.is_lower_case_determiner(prev_id) && forms.is_capitalised_function_word(word_id) {
            let (prev_text, word_text) = (doc.slice(&prev.span), doc.slice(&word.span));
            found.push(Signal {
                start: prev.span.start,
                what: format!("«{word_text}» is capitalised in mid-sentence after «{prev_text}»"),
            });
        }
    }
    found
}

/// What the capitalised-function-word test knows of each distinct word form of a document,
/// indexed by vocabulary id and worked out on first use: an article repeats its determiners
/// ("der", "die", "seiner") and nouns many times, and each form is looked up only once.
struct FormClasses<'d> {
    forms: &'d [&'d str],
    lang: &'static Language,
    lower_case_determiner: Vec<Option<bool>>,
    capitalised_function_word: Vec<Option<bool>>,
}

impl<'d> FormClasses<'d> {
    fn new(doc: &'d Document, lang: &'static Language) -> Self {
        let forms = doc.vocabulary.forms.as_slice();
        FormClasses {
            forms,
            lang,
            lower_case_determiner: vec![None; forms.len()],
            capitalised_function_word: vec![None; forms.len()],
        }
    }

    /// Whether form `id` is a determiner written in lower case ("seiner").
    fn is_lower_case_determiner(&mut self, id: usize) -> bool {
        let (form, lang) = (self.forms[id], self.lang);
        *self.lower_case_determiner[id].get_or_insert_with(|| {
            form.chars().next().is_some_and(char::is_lowercase) && lang.determiners.contains(form)
        })
    }

    /// Whether form `id` is a function word written with a capital ("Mit").
    fn is_capitalised_function_word(&mut self, id: usize) -> bool {
        let (form, lang) = (self.forms[id], self.lang);
        *self.capitalised_function_word[id].get_or_insert_with(|| {
            form.chars().next().is_some_and(char::is_uppercase)
                && contains_lowercased(&lang.function_words, form)
        })
    }
}

/// Whether `token` starts with an ASCII character other than a capital letter: a quick "not
/// capitalised" for most words, read from one byte. Non-ASCII starts are left to the
/// Unicode test.
fn starts_with_ascii_non_capital(text: &[u8], token: &Token) -> bool {
    text.get(token.span.start)
        .is_some_and(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// Whether `set` holds `word` in lower case. Short ASCII words, most of them, are
/// lower-cased in a stack buffer instead of a new String (for ASCII the two agree).
fn contains_lowercased(set: &FxHashSet<String>, word: &str) -> bool {
    const BUFFER: usize = 32;
    if word.is_ascii() && word.len() <= BUFFER {
        let mut buffer = [0u8; BUFFER];
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return set.contains(lower);
        }
    }
    set.contains(&word.to_lowercase())
}

/// A paragraph of several sentences whose last one stops without punctuation, perhaps on a
/// lone capital letter ("… US-Präsidenten B").
fn unfinished_ending(
    doc: &Document,
    block: &Block,
    sentence: &Range<usize>,
    tokens: &[Token],
) -> Vec<Signal> {
    let text = doc.slice(sentence);
    let several_sentences = block.sentences.len() >= 2
        && matches!(block.kind, BlockKind::Paragraph | BlockKind::Caption);
    // Nearly every paragraph ends in punctuation, which shows at its end; the words are
    // counted only for the few that do not, and only as far as the threshold.
    if !several_sentences
        || ends_with_terminal(text)
        || text.split_whitespace().take(MIN_UNFINISHED_WORDS).count() < MIN_UNFINISHED_WORDS
    {
        return Vec::new();
    }
    let Some(last) = tokens.last() else {
        return Vec::new();
    };
    let last_text = doc.slice(&last.span);
    let mut found = vec![Signal {
        start: last.span.start,
        what: "the paragraph ends without punctuation".to_string(),
    }];
    let lone_capital = last_text.chars().count() == 1 && last_text.chars().all(char::is_uppercase);
    if lone_capital {
        found.push(Signal {
            start: last.span.start,
            what: format!("it ends on a lone «{last_text}»"),
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::{findings, flagged};

    #[test]
    fn flags_spliced_and_truncated_caption() {
        let text = "Clinton war der erste US-Präsident, mit dem er zu tun bekam. in seiner Mit dem damals amtierenden US-Präsidenten B © Imago\n";
        let found = findings(&GarbledFragment, text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].span.clone()],
            "in seiner Mit dem damals amtierenden US-Präsidenten B"
        );
        assert_eq!(found[0].severity, Severity::Major);
    }

    #[test]
    fn abbreviations_before_lower_case_are_fine() {
        assert!(
            flagged(
                &GarbledFragment,
                "Er nannte z. B. drei Länder, etwa ca. zehn."
            )
            .is_empty()
        );
    }

    #[test]
    fn headlines_and_short_captions_end_without_punctuation() {
        let text = "Putin lobt Nordkorea für seine Unterstützung\n\nXi Jinping und Putin geben sich die Hände\n";
        assert!(flagged(&GarbledFragment, text).is_empty());
    }

    #[test]
    fn the_title_and_short_kickers_may_end_without_punctuation() {
        assert!(flagged(&GarbledFragment, "Wahl in Bayern. Das müssen Sie wissen").is_empty());
        assert!(
            flagged(
                &GarbledFragment,
                "Titel\n\nWahl in Bayern. Das müssen Sie wissen"
            )
            .is_empty()
        );
    }

    #[test]
    fn capitalised_function_word_after_determiner() {
        assert_eq!(
            flagged(&GarbledFragment, "Er kam mit seiner Mit dem Auto.").len(),
            1
        );
    }

    #[test]
    fn running_text_ending_without_punctuation() {
        let text = "Titel\n\nEr kam. Dann ging er spät am Abend nach Hause und";
        assert_eq!(flagged(&GarbledFragment, text).len(), 1);
    }
}
