use std::ops::Range;

use super::{Check, rule};
use crate::document::{Document, Token, TokenKind};
use crate::finding::{Finding, RuleInfo};
use crate::lang::Language;
use crate::langid::{self, DEFAULT_BACKEND, Identifier, language_name};

rule! {
    /// Finds short leftovers of the source language inside a target-language sentence: a run
    /// of two or more of the source language's function words, at least one of which the
    /// target language does not have ("of the", "and the", "in the" in German text).
    ///
    /// Why it matters: machine translation sometimes copies a phrase it could not place, and
    /// the leftover hides in an otherwise translated sentence where a reader stumbles over
    /// it. Runs inside quotation marks (titles, quoted phrases) and runs between two
    /// capitalised words (names such as "Association of the British Pharmaceutical Industry",
    /// "Ursula von der Leyen") are not reported.
    ///
    /// Example: `Die Zahl der Opfer of the Überschwemmung stieg weiter.` — "of the" was left
    /// in English.
    pub struct UntranslatedFragment {
        id: "untranslated-fragment",
        category: Untranslated,
        mqm: "Accuracy/Untranslated text",
        severity: Minor,
        summary: "source-language function words left inside a translated sentence",
    }
}

impl Check for UntranslatedFragment {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(target) = doc.lang else { return };
        if doc.languages.is_non_translation() {
            return;
        }
        // The give-away words of each source language (built once per language pair).
        let sources = langid::source_markers(target, &doc.languages.sources);
        let quoted = langid::quoted_spans(doc);
        // Each distinct word is looked up once, not once per token and source language.
        let known = source_words_of_vocabulary(doc, target, &doc.languages.sources);
        let classes: Vec<Vec<WordClass>> = (0..sources.len())
            .map(|i| classify_vocabulary(&known, i))
            .collect();
        // A run needs a give-away word, and most articles and sentences hold none: those are
        // passed over without scanning for runs once per source language.
        let any_marker = marker_forms(&classes);
        if !any_marker.contains(&true) {
            return;
        }
        for (index, sentence) in doc.sentences.iter().enumerate() {
            if doc.languages.is_foreign(index) {
                continue;
            }
            let indices = doc.token_range(&sentence.span);
            if !holds_marker(doc, &any_marker, indices.clone()) {
                continue;
            }
            let first = indices.start;
            let tokens = &doc.tokens[indices];
            for ((source, _), classes) in sources.iter().zip(&classes) {
                let class_of = |i: usize| word_class(doc, classes, first + i);
                for run in runs(tokens.len(), class_of) {
                    let span = tokens[run.start].span.start..tokens[run.end - 1].span.end;
                    if quoted.iter().any(|q| q.contains(&span.start))
                        || is_name(doc, tokens, &run, source, target)
                    {
                        continue;
                    }
                    out.push(finding(doc, span, source, target));
                }
            }
        }
    }
}

/// What a word form is in one source language.
#[derive(Clone, Copy, PartialEq, Eq)]
enum WordClass {
    /// Not a lower-case function word of the source language (or no word at all).
    Other,
    /// A lower-case function word of the source language that the target shares.
    SourceWord,
    /// A lower-case function word of the source language that the target does not have.
    Marker,
}

/// What each distinct word form of the document is in the candidate source languages,
/// indexed by vocabulary id: only lower-case forms count.
fn source_words_of_vocabulary(
    doc: &Document,
    target: &'static Language,
    sources: &[&'static str],
) -> Vec<langid::SourceWord> {
    let table = langid::source_words(target, sources);
    doc.vocabulary
        .forms
        .iter()
        .map(|form| {
            let lower_case = form.chars().next().is_some_and(char::is_lowercase);
            lower_case
                .then(|| table.get(*form).copied())
                .flatten()
                .unwrap_or_default()
        })
        .collect()
}

/// The class of each distinct word form of the document in source language number `source`
/// (of [`langid::source_markers`]), indexed by vocabulary id.
fn classify_vocabulary(known: &[langid::SourceWord], source: usize) -> Vec<WordClass> {
    let bit = 1 << source;
    known
        .iter()
        .map(|word| {
            if word.common & bit == 0 {
                WordClass::Other
            } else if word.marker & bit != 0 {
                WordClass::Marker
            } else {
                WordClass::SourceWord
            }
        })
        .collect()
}

/// For each distinct word form, whether it is a give-away word of some source language.
fn marker_forms(classes: &[Vec<WordClass>]) -> Vec<bool> {
    let forms = classes.first().map_or(0, Vec::len);
    (0..forms)
        .map(|id| classes.iter().any(|c| c[id] == WordClass::Marker))
        .collect()
}

/// Whether one of the document tokens `tokens` is a give-away word of some source language.
fn holds_marker(doc: &Document, any_marker: &[bool], tokens: Range<usize>) -> bool {
    tokens
        .filter_map(|t| doc.vocabulary.id(t))
        .any(|id| any_marker.get(id).copied().unwrap_or(false))
}

/// The class of document token `token`; numbers and punctuation are [`WordClass::Other`].
fn word_class(doc: &Document, classes: &[WordClass], token: usize) -> WordClass {
    doc.vocabulary
        .id(token)
        .and_then(|id| classes.get(id))
        .copied()
        .unwrap_or(WordClass::Other)
}

/// Index ranges, among `len` tokens, of lower-case words that are all function words of the
/// source, at least two long and holding a word the target does not share.
fn runs(len: usize, class_of: impl Fn(usize) -> WordClass) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < len {
        let start = i;
        let mut has_marker = false;
        while i < len {
            match class_of(i) {
                WordClass::Other => break,
                WordClass::SourceWord => {}
                WordClass::Marker => has_marker = true,
            }
            i += 1;
        }
        if i - start >= 2 && has_marker {
            out.push(start..i);
        }
        i = i.max(start + 1);
    }
    out
}

/// A run between two capitalised words belongs to a name or a title when it is made of name
/// particles ("von der") or when the words around it are themselves in the source language
/// ("Association of the British Pharmaceutical Industry"), not the target's ("Opfer of the
/// Überschwemmung").
fn is_name(
    doc: &Document,
    tokens: &[Token],
    run: &Range<usize>,
    source: &Language,
    target: &Language,
) -> bool {
    let capitalised = |t: &Token| {
        t.kind == TokenKind::Word
            && doc
                .slice(&t.span)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    };
    let before = run.start.checked_sub(1).and_then(|i| tokens.get(i));
    let flanked = before.is_some_and(capitalised) && tokens.get(run.end).is_some_and(capitalised);
    if !flanked {
        return false;
    }
    let particles = tokens[run.clone()]
        .iter()
        .all(|t| source.name_particles.contains(doc.slice(&t.span)));
    if particles {
        return true;
    }
    let in_title = |t: &Token| capitalised(t) || source.common_words.contains(doc.slice(&t.span));
    let mut start = run.start;
    while start > 0 && in_title(&tokens[start - 1]) {
        start -= 1;
    }
    let mut end = run.end;
    while end < tokens.len() && in_title(&tokens[end]) {
        end += 1;
    }
    let title = doc.slice(&(tokens[start].span.start..tokens[end - 1].span.end));
    Identifier::new(DEFAULT_BACKEND, &[target.code, source.code])
        .identify(title)
        .is_some_and(|g| g.lang == source.code)
}

fn finding(doc: &Document, span: Range<usize>, source: &Language, target: &Language) -> Finding {
    let text = doc.slice(&span);
    let foreign = language_name(source.code);
    UntranslatedFragment::rule()
        .finding(span, format!("«{text}» is {foreign}"))
        .with_suggestion(format!(
            "translate «{text}» into {}",
            language_name(target.code)
        ))
        .with_evidence(format!(
            "«{text}» are {foreign} function words, and {} does not use them",
            language_name(target.code)
        ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::flagged;

    #[test]
    fn flags_english_function_words_in_a_german_sentence() {
        assert_eq!(
            flagged(
                &UntranslatedFragment,
                "Die Zahl der Opfer of the Überschwemmung stieg am Abend weiter."
            ),
            vec!["of the"]
        );
    }

    #[test]
    fn names_titles_and_german_words_are_not_fragments() {
        for text in [
            "Dr. Richard Torbett von der Association of the British Pharmaceutical Industry sagte es.",
            "Der Titel lautet „China and the World in the New Era“ und erschien gestern.",
            "Er will in die Stadt, was er so auch sagte.",
        ] {
            assert!(flagged(&UntranslatedFragment, text).is_empty(), "{text}");
        }
    }
}
