//! Which language each sentence of an article is written in, computed once per document for
//! the untranslated-text checks.
//!
//! Two kinds of evidence must agree before a sentence counts as foreign. A statistical
//! detector ([whatlang] by default, [lingua] with the `lingua` cargo feature), restricted to
//! the languages in play — the target and the source language, or every language mtlint
//! knows when the source is not named — identifies the sentence. And the sentence's function
//! words must point the same way: the foreign language's frequent words that the target
//! language does not share (`dictionaries/<lang>/langid.toml`). Names are written alike in
//! every language, so capitalised words, numbers and quoted phrases inside an otherwise
//! target-language sentence never make it foreign.
//!
//! [whatlang]: https://docs.rs/whatlang
//! [lingua]: https://docs.rs/lingua

use std::ops::Range;
use std::sync::{Mutex, OnceLock};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::document::{self, BlockKind, Document};
use crate::lang::{self, Language};

/// A statistical language identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Trigram profiles (the `whatlang` crate): fast, and accurate on sentences once the
    /// candidates are restricted.
    Whatlang,
    /// N-gram models of 1–5 characters (the `lingua` crate, `lingua` cargo feature).
    #[cfg(feature = "lingua")]
    Lingua,
}

/// The backend mtlint uses, chosen by the accuracy and speed figures in the notes.
pub const DEFAULT_BACKEND: Backend = Backend::Whatlang;

/// A detector's answer: an ISO 639-1 code and its confidence (0–1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Guess {
    pub lang: &'static str,
    pub confidence: f64,
}

/// Identifies text among a fixed set of candidate languages.
pub struct Identifier {
    candidates: Vec<&'static str>,
    whatlang: whatlang::Detector,
    backend: Backend,
}

impl Identifier {
    /// An identifier choosing among `candidates` (ISO 639-1 codes mtlint knows).
    pub fn new(backend: Backend, candidates: &[&'static str]) -> Identifier {
        let allow = candidates.iter().filter_map(|c| whatlang_code(c)).collect();
        Identifier {
            candidates: candidates.to_vec(),
            whatlang: whatlang::Detector::with_allowlist(allow),
            backend,
        }
    }

    /// The most likely candidate language of `text`.
    pub fn identify(&self, text: &str) -> Option<Guess> {
        match self.backend {
            Backend::Whatlang => {
                let info = self.whatlang.detect(text)?;
                Some(Guess {
                    lang: iso_code(info.lang())?,
                    confidence: info.confidence(),
                })
            }
            #[cfg(feature = "lingua")]
            Backend::Lingua => lingua_backend::identify(&self.candidates, text),
        }
    }

    pub fn candidates(&self) -> &[&'static str] {
        &self.candidates
    }
}

fn whatlang_code(code: &str) -> Option<whatlang::Lang> {
    use whatlang::Lang::*;
    Some(match code {
        "de" => Deu,
        "en" => Eng,
        "fr" => Fra,
        "es" => Spa,
        _ => return None,
    })
}

fn iso_code(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Deu => "de",
        Eng => "en",
        Fra => "fr",
        Spa => "es",
        _ => return None,
    })
}

#[cfg(feature = "lingua")]
mod lingua_backend {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};

    use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};

    use super::Guess;

    fn language(code: &str) -> Option<Language> {
        Some(match code {
            "de" => Language::German,
            "en" => Language::English,
            "fr" => Language::French,
            "es" => Language::Spanish,
            _ => return None,
        })
    }

    fn code(language: Language) -> Option<&'static str> {
        Some(match language {
            Language::German => "de",
            Language::English => "en",
            Language::French => "fr",
            Language::Spanish => "es",
            #[allow(unreachable_patterns)]
            _ => return None,
        })
    }

    /// Detectors load their models once; one per candidate set.
    fn detector(candidates: &[&'static str]) -> &'static LanguageDetector {
        static CACHE: OnceLock<Mutex<HashMap<Vec<&'static str>, &'static LanguageDetector>>> =
            OnceLock::new();
        let mut key = candidates.to_vec();
        key.sort_unstable();
        let cache = CACHE.get_or_init(Default::default);
        let mut map = cache.lock().unwrap_or_else(|e| e.into_inner());
        map.entry(key).or_insert_with(|| {
            let languages: Vec<Language> = candidates.iter().filter_map(|c| language(c)).collect();
            Box::leak(Box::new(
                LanguageDetectorBuilder::from_languages(&languages).build(),
            ))
        })
    }

    pub fn identify(candidates: &[&'static str], text: &str) -> Option<Guess> {
        if candidates.len() < 2 {
            return None;
        }
        let detector = detector(candidates);
        let values = detector.compute_language_confidence_values(text);
        let (language, confidence) = values.first()?;
        Some(Guess {
            lang: code(*language)?,
            confidence: *confidence,
        })
    }
}

/// The English name of a language mtlint knows, for messages.
pub fn language_name(code: &str) -> &str {
    match code {
        "de" => "German",
        "en" => "English",
        "fr" => "French",
        "es" => "Spanish",
        other => other,
    }
}

/// A text is a non-translation when at least this share of its words stand in foreign
/// sentences…
pub const NON_TRANSLATION_SHARE: f64 = 0.5;
/// …and at least this many sentences are foreign.
pub const NON_TRANSLATION_SENTENCES: usize = 3;

/// A sentence that reads as a language other than the target.
#[derive(Debug, Clone)]
pub struct ForeignSentence {
    /// Index into `Document::sentences`.
    pub sentence: usize,
    pub lang: &'static str,
    pub confidence: f64,
    /// The foreign function words that agree with the detector.
    pub markers: Vec<String>,
    pub words: usize,
}

/// The language picture of a document.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Languages the text may have been translated from.
    pub sources: Vec<&'static str>,
    pub foreign: Vec<ForeignSentence>,
    /// Words in sentences that were examined (article text, credits aside).
    pub words: usize,
}

impl Profile {
    /// Words in foreign sentences.
    pub fn foreign_words(&self) -> usize {
        self.foreign.iter().map(|f| f.words).sum()
    }

    pub fn is_foreign(&self, sentence: usize) -> bool {
        self.foreign.iter().any(|f| f.sentence == sentence)
    }

    /// Whether the text as a whole was left in the source language: then one finding says
    /// so instead of one per sentence.
    pub fn is_non_translation(&self) -> bool {
        self.foreign.len() >= NON_TRANSLATION_SENTENCES
            && self.foreign_words() as f64 >= NON_TRANSLATION_SHARE * self.words as f64
    }

    /// The language most foreign words are in.
    pub fn main_foreign_language(&self) -> Option<&'static str> {
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for f in &self.foreign {
            match counts.iter_mut().find(|(l, _)| *l == f.lang) {
                Some((_, n)) => *n += f.words,
                None => counts.push((f.lang, f.words)),
            }
        }
        counts.into_iter().max_by_key(|&(_, n)| n).map(|(l, _)| l)
    }
}

/// A sentence needs this many lower-case words before it can be told foreign: shorter ones
/// are fragments, and a run of capitalised words is a name in any language. A headline in
/// title case needs this many words instead.
pub const MIN_LOWER_WORDS: usize = 4;
pub const MIN_HEADLINE_WORDS: usize = 6;
/// The detector must be at least this sure (whatlang's confidence is the gap to the runner-up,
/// so it is low for short text even when right; the function words are the second opinion).
pub const MIN_CONFIDENCE: f64 = 0.05;
/// This many foreign function words must agree with the detector.
pub const MIN_MARKERS: usize = 2;

/// The source languages to consider for a target: the one the disclaimer names, else every
/// other language mtlint knows.
pub fn source_languages(doc: &Document) -> Vec<&'static str> {
    let named = doc
        .anatomy
        .disclaimer
        .as_ref()
        .and_then(|d| d.source.as_deref());
    let known = |code: &str| lang::SUPPORTED.iter().copied().find(|&c| c == code);
    match named.and_then(known) {
        Some(source) if source != doc.language => vec![source],
        _ => lang::SUPPORTED
            .iter()
            .copied()
            .filter(|&c| c != doc.language)
            .collect(),
    }
}

/// The give-away words of one language against another.
pub type Markers = FxHashSet<&'static str>;

/// Words of `source` that are not words of `target`: the give-aways of a `source` passage
/// in a `target` text.
fn markers(source: &'static Language, target: &Language) -> Markers {
    source
        .common_words
        .iter()
        .filter(|w| {
            !target.common_words.contains(*w)
                && !target.also_words.contains(*w)
                && w.chars().count() > 1
        })
        .map(String::as_str)
        .collect()
}

/// What the analysis of one document works with.
struct Context<'d, 'a> {
    doc: &'d Document<'a>,
    identifier: Identifier,
    /// The target's and the candidate sources' give-away words.
    table: &'static MarkerTable,
    /// What each distinct word form says about the language, outside any quotation (indexed
    /// like `Vocabulary::forms`).
    forms: Vec<Word>,
    /// The words and the words that give away some source language before each token
    /// (indexed like `Document::tokens`, one more at the end): a span's counts are two
    /// look-ups, and most spans have too few give-aways to be foreign.
    before: Vec<RunningCounts>,
    quotations: Quotations,
}

/// Finds the sentences of article text written in another language than the target.
pub fn profile(doc: &Document, backend: Backend) -> Profile {
    let Some(target) = doc.lang else {
        return Profile::default();
    };
    let sources = source_languages(doc);
    let mut candidates = vec![target.code];
    candidates.extend(sources.iter().copied());
    let table = marker_table(target, &sources);
    let forms = classify_forms(doc, table);
    let cx = Context {
        doc,
        identifier: Identifier::new(backend, &candidates),
        before: running_counts(doc, &forms),
        forms,
        table,
        quotations: Quotations::new(quoted_spans(doc)),
    };
    let mut profile = Profile {
        sources,
        ..Profile::default()
    };
    for block in doc.blocks.iter().filter(|b| b.kind != BlockKind::Credit) {
        let headline = block.kind == BlockKind::Headline;
        // A paragraph of short sentences ("“Thank you,” he said. “We will come back.”") is
        // judged as a whole; a target-language sentence in it stays the target's.
        let whole_block = cx.foreign(&block.body, headline);
        for index in block.sentences.clone() {
            let span = &doc.sentences[index].span;
            let words = cx.counts_in(span).words as usize;
            profile.words += words;
            // A block of one sentence is judged once: the sentence is the whole block.
            let found = if *span == block.body {
                whole_block.clone()
            } else {
                cx.foreign(span, headline)
            };
            let found = found.or_else(|| {
                whole_block
                    .as_ref()
                    .filter(|_| cx.own_marker_count(span) == 0)
                    .cloned()
            });
            if let Some(verdict) = found {
                profile.foreign.push(ForeignSentence {
                    sentence: index,
                    lang: verdict.lang,
                    confidence: verdict.confidence,
                    markers: verdict.markers,
                    words,
                });
            }
        }
    }
    profile
}

/// The give-away words of a target and its candidate sources in one table: a word is looked
/// up once to learn which languages it points to.
struct MarkerTable {
    languages: Vec<(&'static Language, Markers)>,
    /// For each give-away word, one bit per source language (in the order of `languages`)
    /// and [`OWN_MARKER`] for the target's own.
    words: FxHashMap<&'static str, u32>,
    /// The longest word in the table, in bytes: longer words need no look-up.
    longest: usize,
    /// The masks of the words of `words` of at most eight ASCII bytes, keyed by
    /// [`document::ascii_lower_key`]: most forms of an article are ASCII, and their look-up
    /// needs neither folding into a buffer nor hashing a string.
    short_words: FxHashMap<u64, u32>,
    /// What each common word of the candidate sources is in each of them (see
    /// [`source_words`]).
    source_words: FxHashMap<&'static str, SourceWord>,
}

/// What a word is in the candidate source languages of a document: one bit per language, in
/// the order of [`source_markers`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SourceWord {
    /// A common word (function word) of the language.
    pub common: u32,
    /// A give-away word of the language: a common word of it that the target lacks.
    pub marker: u32,
}

const OWN_MARKER: u32 = 1 << 31;

/// Each candidate source language with its give-away words against the target (see
/// [`Profile::sources`]), built once per combination of languages.
pub fn source_markers(
    target: &'static Language,
    sources: &[&'static str],
) -> &'static [(&'static Language, Markers)] {
    &marker_table(target, sources).languages
}

/// The common words of a target's candidate sources, each with what it is in each of them
/// (built once per combination of languages): a word is looked up once, not once per
/// source language.
pub fn source_words(
    target: &'static Language,
    sources: &[&'static str],
) -> &'static FxHashMap<&'static str, SourceWord> {
    &marker_table(target, sources).source_words
}

/// The marker table of a target and its sources, built once per combination.
fn marker_table(target: &'static Language, sources: &[&'static str]) -> &'static MarkerTable {
    type Key = (&'static str, Vec<&'static str>);
    type Cache = Mutex<Vec<(Key, &'static MarkerTable)>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(Cache::default);
    let mut cache = cache
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((_, found)) = cache
        .iter()
        .find(|((t, s), _)| *t == target.code && s.as_slice() == sources)
    {
        return found;
    }
    let built: &'static MarkerTable = Box::leak(Box::new(build_marker_table(target, sources)));
    cache.push(((target.code, sources.to_vec()), built));
    built
}

fn build_marker_table(target: &'static Language, sources: &[&str]) -> MarkerTable {
    let languages: Vec<_> = sources
        .iter()
        .filter_map(|&s| lang::language(s))
        .map(|l| (l, markers(l, target)))
        .collect();
    let mut words: FxHashMap<&'static str, u32> = FxHashMap::default();
    for (i, (_, markers)) in languages.iter().enumerate() {
        for &w in markers.iter() {
            *words.entry(w).or_default() |= 1 << i;
        }
    }
    for w in target_markers(target, &languages) {
        *words.entry(w).or_default() |= OWN_MARKER;
    }
    let longest = words.keys().map(|w| w.len()).max().unwrap_or(0);
    let short_words = words
        .iter()
        .filter(|(w, _)| has_short_key(w))
        .map(|(w, &mask)| (document::ascii_lower_key(w.as_bytes()), mask))
        .collect();
    let source_words = source_word_table(&languages);
    MarkerTable {
        languages,
        words,
        longest,
        short_words,
        source_words,
    }
}

/// Whether a word of the marker table is found by [`document::ascii_lower_key`]. Folded
/// forms are lower case: a word with a capital is never found, so it needs no key.
fn has_short_key(word: &str) -> bool {
    word.len() <= 8
        && word
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

fn source_word_table(
    languages: &[(&'static Language, Markers)],
) -> FxHashMap<&'static str, SourceWord> {
    let mut table: FxHashMap<&'static str, SourceWord> = FxHashMap::default();
    for (i, (language, markers)) in languages.iter().enumerate() {
        for word in &language.common_words {
            table.entry(word.as_str()).or_default().common |= 1 << i;
        }
        for &word in markers {
            table.entry(word).or_default().marker |= 1 << i;
        }
    }
    table
}

/// The target's own give-away words against every candidate source.
fn target_markers(
    target: &'static Language,
    sources: &[(&'static Language, Markers)],
) -> Vec<&'static str> {
    target
        .common_words
        .iter()
        .filter(|w| w.chars().count() > 1)
        .map(String::as_str)
        .filter(|w| sources.iter().all(|(s, _)| !s.common_words.contains(*w)))
        .collect()
}

/// Each distinct word form as the analysis sees it: what a word says about the language
/// depends on its form alone; only "inside a quotation" depends on where the token stands.
fn classify_forms(doc: &Document, table: &MarkerTable) -> Vec<Word> {
    let mut folded = String::new();
    doc.vocabulary
        .forms
        .iter()
        .map(|form| classify_form(form, table, &mut folded))
        .collect()
}

/// Counts of word tokens from the start of a document.
#[derive(Debug, Default, Clone, Copy)]
struct RunningCounts {
    words: u32,
    /// Words that give away at least one source language.
    give_aways: u32,
}

/// The [`RunningCounts`] before each token of a document and after its last.
fn running_counts(doc: &Document, forms: &[Word]) -> Vec<RunningCounts> {
    let mut running = RunningCounts::default();
    let mut before = Vec::with_capacity(doc.tokens.len() + 1);
    before.push(running);
    before.extend(doc.vocabulary.ids().map(|id| {
        if let Some(id) = id {
            running.words += 1;
            running.give_aways += u32::from(forms[id].foreign != 0);
        }
        running
    }));
    before
}

/// A word form as the analysis sees it, outside any quotation (`folded` is a scratch buffer).
fn classify_form(form: &str, table: &MarkerTable, folded: &mut String) -> Word {
    let mask = marker_mask(form, table, folded);
    Word {
        lower_case: form.chars().next().is_some_and(char::is_lowercase),
        quoted: false,
        own_marker: mask & OWN_MARKER != 0,
        foreign: mask & !OWN_MARKER,
    }
}

/// The bits of the marker table for a word form, looked up as [`fold_into`] folds it.
fn marker_mask(form: &str, table: &MarkerTable, folded: &mut String) -> u32 {
    if form.is_ascii() {
        // Folding ASCII keeps the length: a form longer than every marker is none, and one
        // of at most eight bytes is found by its key.
        if form.len() > table.longest {
            return 0;
        }
        if form.len() <= 8 {
            return table
                .short_words
                .get(&document::ascii_lower_key(form.as_bytes()))
                .copied()
                .unwrap_or(0);
        }
    }
    // Folding changes a word's length by a few bytes at most (’ → ' saves two), so a word
    // much longer than every marker is none.
    if form.len() <= table.longest + 4 {
        folded_mask(form, table, folded)
    } else {
        0
    }
}

/// The bits of the marker table for a word form, folded into `folded` to be looked up: the
/// rarer way, kept out of line so that the common one needs no room for it.
#[inline(never)]
fn folded_mask(form: &str, table: &MarkerTable, folded: &mut String) -> u32 {
    fold_into(form, folded);
    table.words.get(folded.as_str()).copied().unwrap_or(0)
}

/// Answers "is this position inside a quotation?" for any position.
struct Quotations {
    /// The starts of the quoted spans, ascending.
    starts: Vec<usize>,
    /// For each span, the furthest end of it and the spans before it (spans may nest).
    reach: Vec<usize>,
}

impl Quotations {
    /// The quotations of `spans`, which are ordered by their start.
    fn new(spans: Vec<Range<usize>>) -> Quotations {
        let starts = spans.iter().map(|s| s.start).collect();
        let reach = spans
            .iter()
            .scan(0, |furthest, s| {
                *furthest = s.end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        Quotations { starts, reach }
    }

    /// Whether a quoted span contains `pos`.
    fn covers(&self, pos: usize) -> bool {
        let started = self.starts.partition_point(|&start| start <= pos);
        started > 0 && pos < self.reach[started - 1]
    }
}

/// Lower case, with typographic apostrophes made straight.
fn fold_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        // The Unicode tables are consulted only for the few letters beyond ASCII.
        match c {
            _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            '’' => out.push('\''),
            // The capitals of Latin-1 (À–Þ but ×) lower-case 32 code points on; every other
            // character of Latin-1 is its own lower case.
            '\u{C0}'..='\u{DE}' if c != '×' => {
                out.push(char::from_u32(u32::from(c) + 0x20).unwrap_or(c));
            }
            '\u{80}'..='\u{FF}' => out.push(c),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// Why a span was judged foreign.
#[derive(Debug, Clone)]
struct Verdict {
    lang: &'static str,
    confidence: f64,
    markers: Vec<String>,
}

impl Context<'_, '_> {
    /// Whether a span of article text is in a source language rather than the target.
    fn foreign(&self, span: &Range<usize>, headline: bool) -> Option<Verdict> {
        // No language's give-aways can reach the minimum in a span with fewer words that
        // give away any: most sentences are told apart by two look-ups.
        if (self.counts_in(span).give_aways as usize) < MIN_MARKERS {
            return None;
        }
        let indexes = self.word_indexes(span);
        let tally = self.tally(indexes.clone());
        let words = tally.quoted.words + tally.unquoted.words;
        let long_enough =
            tally.lower >= MIN_LOWER_WORDS || (headline && words >= MIN_HEADLINE_WORDS);
        if !long_enough {
            return None;
        }
        // Quoted words are the speaker's; the sentence around them decides, when it has words.
        let unquoted_decide = tally.unquoted.words >= 3;
        let decisive = |i: &usize| !unquoted_decide || !self.word(*i).quoted;
        // The function words are counted first: they are cheap, and without them no detector
        // verdict counts, so most sentences never reach the detector.
        let counts = if unquoted_decide {
            tally.unquoted
        } else {
            tally.quoted.plus(&tally.unquoted)
        };
        let (own, found) = (counts.own, counts.found);
        let foreign_in = |language: usize| {
            indexes
                .clone()
                .filter(decisive)
                .filter(move |&i| self.word(i).foreign & (1 << language) != 0)
        };
        let enough = |found: usize| found >= MIN_MARKERS && own * 2 < found;
        if !found[..self.table.languages.len()]
            .iter()
            .any(|&n| enough(n))
        {
            return None;
        }
        let guess = self.identifier.identify(self.doc.slice(span))?;
        let position = self
            .table
            .languages
            .iter()
            .position(|(l, _)| l.code == guess.lang)?;
        if guess.confidence < MIN_CONFIDENCE || !enough(found[position]) {
            return None;
        }
        let mut folded = String::new();
        let markers = foreign_in(position)
            .map(|i| {
                fold_into(self.doc.slice(&self.doc.tokens[i].span), &mut folded);
                folded.clone()
            })
            .collect();
        Some(Verdict {
            lang: self.table.languages[position].0.code,
            confidence: guess.confidence,
            markers,
        })
    }

    /// The lower-case words among `words` (token indexes) and the give-away words of the
    /// quoted and the unquoted ones, counted in one pass: which of them decide is known only
    /// at the end.
    fn tally(&self, words: impl Iterator<Item = usize>) -> Tally {
        let mut tally = Tally::default();
        for i in words {
            let w = self.word(i);
            tally.lower += usize::from(w.lower_case);
            let counts = if w.quoted {
                &mut tally.quoted
            } else {
                &mut tally.unquoted
            };
            counts.words += 1;
            counts.own += usize::from(w.own_marker);
            for language in lang::languages_of(w.foreign) {
                counts.found[language] += 1;
            }
        }
        tally
    }

    fn own_marker_count(&self, span: &Range<usize>) -> usize {
        self.word_indexes(span)
            .filter(|&i| self.word(i).own_marker)
            .count()
    }

    /// What token `i`, a word, says about the language.
    fn word(&self, i: usize) -> Word {
        let form = self
            .doc
            .vocabulary
            .id(i)
            .map_or_else(Word::default, |id| self.forms[id]);
        Word {
            quoted: self.quotations.covers(self.doc.tokens[i].span.start),
            ..form
        }
    }

    /// The counts of the words inside a span.
    fn counts_in(&self, span: &Range<usize>) -> RunningCounts {
        let tokens = self.doc.token_range(span);
        let (from, to) = (self.before[tokens.start], self.before[tokens.end]);
        RunningCounts {
            words: to.words - from.words,
            give_aways: to.give_aways - from.give_aways,
        }
    }

    /// The indexes of the word tokens inside a span.
    fn word_indexes(&self, span: &Range<usize>) -> impl Iterator<Item = usize> + Clone + '_ {
        let tokens = &self.doc.tokens;
        let from = tokens.partition_point(|t| t.span.start < span.start);
        let to = tokens.partition_point(|t| t.span.start < span.end);
        (from..to).filter(|&i| self.doc.vocabulary.id(i).is_some())
    }
}

/// The words of a span, counted for [`Context::foreign`].
#[derive(Default)]
struct Tally {
    lower: usize,
    quoted: MarkerCounts,
    unquoted: MarkerCounts,
}

/// Words, the target's own give-away words among them and, for each source language (by its
/// bit in [`Word::foreign`]), its give-away words.
#[derive(Default, Clone, Copy)]
struct MarkerCounts {
    words: usize,
    own: usize,
    found: [usize; 31],
}

impl MarkerCounts {
    fn plus(&self, other: &MarkerCounts) -> MarkerCounts {
        let mut sum = *self;
        sum.words += other.words;
        sum.own += other.own;
        for (n, m) in sum.found.iter_mut().zip(&other.found) {
            *n += m;
        }
        sum
    }
}

/// A token as the analysis sees it.
#[derive(Debug, Default, Clone, Copy)]
struct Word {
    lower_case: bool,
    quoted: bool,
    /// A give-away word of the target language.
    own_marker: bool,
    /// One bit per candidate source language whose give-away word this is.
    foreign: u32,
}

/// The spans between paired quotation marks, ordered by their start.
pub fn quoted_spans(doc: &Document) -> Vec<Range<usize>> {
    let marks = &doc.quotes.marks;
    marks
        .iter()
        .filter_map(|m| {
            let partner = &marks[m.partner?];
            (partner.pos > m.pos).then_some(m.pos..partner.pos)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ReadOptions;

    fn parse<'a>(text: &'a str, lang: &str) -> Document<'a> {
        Document::parse(
            text,
            &ReadOptions {
                language: Some(lang.into()),
                ..ReadOptions::default()
            },
        )
    }

    #[test]
    fn source_words_tell_shared_words_from_give_aways() {
        let german = lang::language("de").expect("German");
        let sources = ["en", "fr"];
        let table = source_words(german, &sources);
        let position = |code: &str| {
            source_markers(german, &sources)
                .iter()
                .position(|(l, _)| l.code == code)
                .expect("a source")
        };
        let (en, fr) = (1 << position("en"), 1 << position("fr"));
        let the = table.get("the").copied().unwrap_or_default();
        assert!(the.common & en != 0 && the.marker & en != 0);
        assert_eq!(the.common & fr, 0);
        // "in" is English and German alike: an English word, but no give-away.
        let in_ = table.get("in").copied().unwrap_or_default();
        assert!(in_.common & en != 0 && in_.marker & en == 0);
        assert!(!table.contains_key("Regierung"));
    }

    #[test]
    fn whatlang_tells_german_from_english() {
        let id = Identifier::new(Backend::Whatlang, &["de", "en"]);
        let de = id.identify("Die Regierung hat am Mittwoch neue Hilfen beschlossen.");
        let en = id.identify("The government approved new aid on Wednesday, officials said.");
        assert_eq!(de.map(|g| g.lang), Some("de"));
        assert_eq!(en.map(|g| g.lang), Some("en"));
    }

    #[test]
    fn an_english_sentence_in_german_text_is_foreign() {
        let text = "Die Regierung hat am Mittwoch neue Hilfen beschlossen. \
                    The company said on Friday that it would cut hundreds of jobs.";
        let doc = parse(text, "de");
        let found = &doc.languages.foreign;
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].sentence, 1);
        assert_eq!(found[0].lang, "en");
    }

    #[test]
    fn an_english_name_in_a_german_sentence_is_not_foreign() {
        let doc = parse(
            "„Das ist ein Beweis“, sagte Lami Kim vom Daniel K. Inouye Asia-Pacific Center \
             for Security Studies in Honolulu.",
            "de",
        );
        assert!(doc.languages.foreign.is_empty());
    }

    #[test]
    fn a_quoted_english_title_in_a_german_sentence_is_not_foreign() {
        let doc = parse(
            "Er stellte am Abend in Berlin das Buch „The Art of the Deal“ vor, das er mit einem \
             Journalisten geschrieben hat.",
            "de",
        );
        assert!(doc.languages.foreign.is_empty());
    }

    #[test]
    fn marker_masks_agree_with_folded_look_ups() {
        let german = lang::language("de").expect("German");
        let table = marker_table(german, &["en", "fr", "es"]);
        let forms = [
            "the",
            "The",
            "THE",
            "tHe",
            "und",
            "Und",
            "über",
            "Über",
            "été",
            "don’t",
            "don't",
            "Regierung",
            "of",
            "a",
            "",
            "x",
            "theree",
            "which",
            "Which",
            "WHICH",
            "zwischen",
            "Zwischen",
            "zwischenzeitlich",
            "the’",
            "KKK",
            "\u{212A}",
        ];
        let mut folded = String::new();
        for form in forms {
            fold_into(form, &mut folded);
            let slow = table.words.get(folded.as_str()).copied().unwrap_or(0);
            assert_eq!(marker_mask(form, table, &mut folded), slow, "{form:?}");
        }
        for word in table.words.keys() {
            let upper = word.to_uppercase();
            assert_eq!(
                marker_mask(&upper, table, &mut folded),
                table.words[word],
                "{upper:?}"
            );
            assert_eq!(
                marker_mask(word, table, &mut folded),
                table.words[word],
                "{word:?}"
            );
        }
    }

    #[test]
    fn quotations_cover_the_positions_inside_nested_spans() {
        let spans = vec![2..10, 3..5, 12..14, 13..20, 30..31];
        let quotations = Quotations::new(spans.clone());
        for pos in 0..35 {
            let inside = spans.iter().any(|s| s.contains(&pos));
            assert_eq!(quotations.covers(pos), inside, "{pos}");
        }
        assert!(!Quotations::new(Vec::new()).covers(0));
    }

    #[test]
    fn folding_lower_cases_as_unicode_does() {
        let mut folded = String::new();
        for c in ('\u{80}'..='\u{3000}').chain(['\u{1E9E}', '\u{212A}', '\u{10400}']) {
            let text = format!("Ab{c}’x");
            fold_into(&text, &mut folded);
            let lower: String = match c {
                '’' => "'".into(),
                _ => c.to_lowercase().collect(),
            };
            let expected = format!("ab{lower}'x");
            assert_eq!(folded, expected, "{c:?}");
        }
    }

    #[test]
    fn markers_leave_out_shared_words() {
        let de = lang::language("de").expect("German");
        let en = lang::language("en").expect("English");
        let m = markers(en, de);
        assert!(m.contains("the") && m.contains("of"));
        assert!(!m.contains("in") && !m.contains("will") && !m.contains("was"));
    }
}
