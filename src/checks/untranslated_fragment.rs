use std::ops::Range;
use std::sync::Mutex;

use rustc_hash::FxHashMap;

use super::{Check, rule};
use crate::document::{Document, Token, TokenKind};
use crate::finding::{Finding, RuleInfo};
use crate::keywords::BitTable;
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
        let table = langid::source_words(target, &doc.languages.sources);
        // A run needs a give-away word, and most articles and sentences hold none: those are
        // passed over without looking up their other words. Each distinct word is looked up
        // at most once, not once per token and source language.
        let any_marker = marker_forms(doc, table, sources.len());
        if !any_marker.contains(&true) {
            return;
        }
        let quoted = langid::quoted_spans(doc);
        let mut known = vec![None; any_marker.len()];
        for (index, sentence) in doc.sentences.iter().enumerate() {
            if doc.languages.is_foreign(index) {
                continue;
            }
            let indices = doc.token_range(&sentence.span);
            // A sentence without a give-away word of any source language holds no fragment.
            if doc
                .vocabulary
                .next_marked(indices.clone(), &any_marker)
                .is_none()
            {
                continue;
            }
            let words: Vec<langid::SourceWord> = indices
                .clone()
                .map(|token| source_word(doc, table, &mut known, token))
                .collect();
            let tokens = &doc.tokens[indices];
            for (i, (source, _)) in sources.iter().enumerate() {
                let class_of = |k: usize| class_in(words[k], i);
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

/// For each distinct word form of the document (by vocabulary id), whether it is a
/// give-away word of one of the first `sources` source languages of `table`: only lower-case
/// forms count.
fn marker_forms(
    doc: &Document,
    table: &'static FxHashMap<&'static str, langid::SourceWord>,
    sources: usize,
) -> Vec<bool> {
    let screen = WordScreen::of_markers(table, sources);
    doc.vocabulary
        .forms
        .iter()
        .map(|form| {
            // Most forms are content words: the screen rules them out before hashing.
            is_lower_case(form)
                && screen.may_hold(form)
                && table.get(*form).is_some_and(|w| is_marker(*w, sources))
        })
        .collect()
}

fn is_lower_case(form: &str) -> bool {
    form.chars().next().is_some_and(char::is_lowercase)
}

/// Whether a word is a give-away of one of the first `sources` source languages.
fn is_marker(word: langid::SourceWord, sources: usize) -> bool {
    (0..sources).any(|i| class_in(word, i) == WordClass::Marker)
}

/// What document token `token` is in the source languages, looked up once per form and kept
/// in `known` (by vocabulary id); numbers, punctuation and forms that are not lower-case are
/// nothing.
fn source_word(
    doc: &Document,
    table: &FxHashMap<&'static str, langid::SourceWord>,
    known: &mut [Option<langid::SourceWord>],
    token: usize,
) -> langid::SourceWord {
    let Some((id, form)) = doc
        .vocabulary
        .id(token)
        .and_then(|id| Some((id, *doc.vocabulary.forms.get(id)?)))
    else {
        return langid::SourceWord::default();
    };
    *known[id].get_or_insert_with(|| {
        is_lower_case(form)
            .then(|| table.get(form).copied())
            .flatten()
            .unwrap_or_default()
    })
}

/// The class of a word in source language number `source` (of [`langid::source_markers`]).
fn class_in(word: langid::SourceWord, source: usize) -> WordClass {
    let bit = 1 << source;
    if word.common & bit == 0 {
        WordClass::Other
    } else if word.marker & bit != 0 {
        WordClass::Marker
    } else {
        WordClass::SourceWord
    }
}

/// The give-away words of a source-word table summarised by their length, first and last byte,
/// one bit per combination (two may share a bit, but none is missing): a form whose bit is
/// clear is no give-away, told from three bytes instead of a hash and a look-up. There are
/// few give-away words, and nearly every form of an article is ruled out.
struct WordScreen {
    bits: BitTable,
}

impl WordScreen {
    /// The screen of the give-away words of the first `sources` languages of `table`, built
    /// once per table and count (there is a table per combination of languages, and it lives
    /// as long as the program).
    fn of_markers(
        table: &'static FxHashMap<&'static str, langid::SourceWord>,
        sources: usize,
    ) -> &'static Self {
        type Screens = Vec<((usize, usize), &'static WordScreen)>;
        static SCREENS: Mutex<Screens> = Mutex::new(Vec::new());
        let key = (std::ptr::from_ref(table) as usize, sources);
        let mut screens = SCREENS
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(&(_, screen)) = screens.iter().find(|(k, _)| *k == key) {
            return screen;
        }
        let markers = table
            .iter()
            .filter(|&(_, &w)| is_marker(w, sources))
            .map(|(form, _)| form);
        let screen: &'static WordScreen = Box::leak(Box::new(WordScreen::of(markers)));
        screens.push((key, screen));
        screen
    }

    fn of<'w>(words: impl Iterator<Item = &'w &'w str>) -> WordScreen {
        let mut bits = BitTable::default();
        words.for_each(|word| bits.insert(Self::slot(word)));
        WordScreen { bits }
    }

    /// Whether `word` may be one of the words; `false` means it is not.
    fn may_hold(&self, word: &str) -> bool {
        self.bits.contains(Self::slot(word))
    }

    /// The bit of a word: its length, first and last byte, mixed by a multiplication.
    fn slot(word: &str) -> u16 {
        let bytes = word.as_bytes();
        let first = u32::from(bytes.first().copied().unwrap_or(0));
        let last = u32::from(bytes.last().copied().unwrap_or(0));
        let length = u32::try_from(bytes.len().min(255)).unwrap_or(255);
        let key = first | last << 8 | length << 16;
        (key.wrapping_mul(0x9E37_79B1) >> 16) as u16
    }
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
    fn the_word_screen_keeps_every_word_of_its_table() {
        let words = ["of", "the", "and", "à", "über", "a", "zwischen"];
        let screen = WordScreen::of(words.iter());
        assert!(words.iter().all(|w| screen.may_hold(w)));
        let others = ["Überschwemmung", "stieg", "weiter", "Opfer", "zahlreichen"];
        assert!(others.iter().filter(|w| screen.may_hold(w)).count() <= 1);
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
