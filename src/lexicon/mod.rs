//! The lexicon of a language: what mtlint knows about its words, for the misspelling check.
//!
//! Three sources, all embedded in the binary (see `dictionaries/<lang>/SOURCES.md`):
//! - the Hunspell dictionary (`hunspell/<lang>.aff`, `.dic`), read with the `spellbook` crate,
//!   which knows inflection and compounding rules;
//! - word frequencies (`wordfreq.tsv`), compiled by `build.rs` into a table that is read in
//!   place ([`freq`]), looked up by case-folded form;
//! - the newsroom's accept list (`accept.txt`) and the check's word lists (`spelling.toml`).
//!
//! A lexicon is loaded once per process on first use; the Hunspell parse is the only
//! noticeable start-up cost (about 30 ms for German).

pub mod deletes;
pub mod edits;
pub mod freq;

use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashSet as HashSet;

use serde::Deserialize;
use spellbook::Dictionary;

use self::deletes::DeletionIndex;
use self::freq::FreqTable;
use crate::memo::WordMemo;

/// Why a lexicon could not be loaded. The data is embedded, so any of these is a build
/// defect; `every_lexicon_loads` guards against it.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// spellbook's parse error is not a `std::error::Error` (the crate is `no_std`), so it is
    /// kept as its message.
    #[error("dictionaries/{lang}/hunspell: {message}")]
    Hunspell { lang: &'static str, message: String },
    #[error("dictionaries/{lang}/wordfreq.tsv: {source}")]
    Deletions {
        lang: &'static str,
        #[source]
        source: deletes::FormatError,
    },
    #[error("dictionaries/{lang}/wordfreq.tsv: {source}")]
    Frequencies {
        lang: &'static str,
        #[source]
        source: freq::FormatError,
    },
    #[error("dictionaries/{lang}/spelling.toml: {source}")]
    WordLists {
        lang: &'static str,
        #[source]
        source: toml::de::Error,
    },
}

struct Embedded {
    aff: &'static str,
    dic: &'static str,
    freq: &'static [u8],
    deletes: &'static [u8],
    frequent_deletes: &'static [u8],
    common_deletes: &'static [u8],
    names: &'static [u8],
    spelling: &'static str,
    accept: &'static str,
}

fn embedded(code: &str) -> Option<(&'static str, Embedded)> {
    match code {
        "de" => Some((
            "de",
            Embedded {
                aff: include_str!("../../dictionaries/de/hunspell/de_DE.aff"),
                dic: include_str!("../../dictionaries/de/hunspell/de_DE.dic"),
                freq: include_bytes!(concat!(env!("OUT_DIR"), "/wordfreq-de.bin")),
                deletes: include_bytes!(concat!(env!("OUT_DIR"), "/deletes-de.bin")),
                frequent_deletes: include_bytes!(concat!(
                    env!("OUT_DIR"),
                    "/deletes-frequent-de.bin"
                )),
                common_deletes: include_bytes!(concat!(env!("OUT_DIR"), "/deletes-common-de.bin")),
                names: include_bytes!(concat!(env!("OUT_DIR"), "/names-de.bin")),
                spelling: include_str!("../../dictionaries/de/spelling.toml"),
                accept: include_str!("../../dictionaries/de/accept.txt"),
            },
        )),
        _ => None,
    }
}

/// The frequencies from which words are in the small deletion indexes (see `build.rs`).
const FREQUENT_ZIPF: f32 = 3.5;
const COMMON_ZIPF: f32 = 5.0;

/// Words this long that Hunspell accepts only capitalised are nouns, not names.
const LONG_NOUN_CHARS: usize = 12;

/// The word lists of `spelling.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordLists {
    pub titles: HashSet<String>,
    pub title_endings: Vec<String>,
    pub name_particles: HashSet<String>,
    pub speech_verbs: HashSet<String>,
    pub english_words: HashSet<String>,
    pub article_contractions: HashSet<String>,
    pub inflection_endings: Vec<String>,
    pub linking_elements: Vec<String>,
    pub verb_particles: Vec<String>,
    pub noun_probe: String,
    pub keyboard: Vec<String>,
}

/// Everything the misspelling check knows about the words of one language.
pub struct Lexicon {
    pub code: &'static str,
    /// The Hunspell dictionary, parsed on first use: the parse takes tens of milliseconds and
    /// most articles never ask Hunspell anything (it is asked only about doubtful words).
    /// `None` if the embedded files do not parse (a bug in `dictionaries/`, caught by a test).
    dictionary: OnceLock<Option<Dictionary>>,
    hunspell_files: (&'static str, &'static str),
    freq: FreqTable<'static>,
    deletes: DeletionIndex<'static>,
    /// The same for the words of Zipf 3.5 and more only, and of 5.0 and more: small
    /// enough to stay in the processor's caches.
    frequent_deletes: DeletionIndex<'static>,
    common_deletes: DeletionIndex<'static>,
    /// Personal names of the Hunspell word list (case-folded), see `build.rs`.
    names: FreqTable<'static>,
    /// Case-folded accepted words. Asked about every rare form of every article: a fast
    /// hasher, as for the word lists (the keys are ours, not an adversary's).
    accept: HashSet<String>,
    pub lists: WordLists,
    /// Hunspell's verdicts and the neighbours found so far, per word: the check asks about
    /// the same words in article after article.
    spelled: WordMemo<bool>,
    near: WordMemo<Neighbours>,
}

/// The frequent words one edit from a word, for one frequency floor.
#[derive(Debug, Clone)]
struct Neighbours {
    min_zipf: f32,
    words: Arc<[(Box<str>, f32)]>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("code", &self.code)
            .field("frequencies", &self.freq.len())
            .field("accepted", &self.accept.len())
            .finish_non_exhaustive()
    }
}

impl Lexicon {
    fn parse(code: &'static str, files: &Embedded) -> Result<Lexicon, LexiconError> {
        let freq = FreqTable::from_bytes(files.freq)
            .map_err(|source| LexiconError::Frequencies { lang: code, source })?;
        let deletes = DeletionIndex::from_bytes(files.deletes)
            .map_err(|source| LexiconError::Deletions { lang: code, source })?;
        let frequent_deletes = DeletionIndex::from_bytes(files.frequent_deletes)
            .map_err(|source| LexiconError::Deletions { lang: code, source })?;
        let common_deletes = DeletionIndex::from_bytes(files.common_deletes)
            .map_err(|source| LexiconError::Deletions { lang: code, source })?;
        let names = FreqTable::from_bytes(files.names)
            .map_err(|source| LexiconError::Frequencies { lang: code, source })?;
        let lists = toml::from_str(files.spelling)
            .map_err(|source| LexiconError::WordLists { lang: code, source })?;
        Ok(Lexicon {
            code,
            dictionary: OnceLock::new(),
            hunspell_files: (files.aff, files.dic),
            freq,
            deletes,
            frequent_deletes,
            common_deletes,
            names,
            accept: parse_accept_list(files.accept),
            lists,
            spelled: WordMemo::new(),
            near: WordMemo::new(),
        })
    }

    /// The Zipf frequency (0–8, log10 of occurrences per billion words) of a case-folded
    /// word, if the frequency list has it.
    pub fn zipf(&self, folded: &str) -> Option<f32> {
        self.freq.zipf(folded)
    }

    /// The frequency list's own copy of a case-folded word, with its Zipf frequency, if the
    /// list has it: the copy lives as long as the program, so a caller that keeps it needs
    /// no copy of its own.
    pub fn listed(&self, folded: &str) -> Option<(&'static str, f32)> {
        self.freq.find(folded)
    }

    /// Calls `found` with every word of the frequency list one Damerau edit from a folded
    /// word and at least `min_zipf` frequent, with its frequency. The deletion index holds
    /// the words of Zipf 2.5 and more and all words of eight letters and more (see
    /// `build.rs`): rarer short words are never found.
    pub fn neighbours(&self, folded: &str, min_zipf: f32, mut found: impl FnMut(&str, f32)) {
        let remembered = self.near.get_or(folded, || Neighbours {
            min_zipf,
            words: self.look_up_neighbours(folded, min_zipf),
        });
        // The floor follows from the word's own frequency, so it is almost always the same.
        let words = if remembered.min_zipf == min_zipf {
            remembered.words
        } else {
            self.look_up_neighbours(folded, min_zipf)
        };
        for (word, zipf) in words.iter() {
            found(word, *zipf);
        }
    }

    fn look_up_neighbours(&self, folded: &str, min_zipf: f32) -> Arc<[(Box<str>, f32)]> {
        let mut out = Vec::new();
        // All one-letter deletions in one buffer: one allocation, not one per letter.
        let mut deletions = String::with_capacity(folded.len() * folded.len());
        let mut ends = Vec::with_capacity(folded.len());
        for (i, c) in folded.char_indices() {
            deletions.push_str(&folded[..i]);
            deletions.push_str(&folded[i + c.len_utf8()..]);
            ends.push(deletions.len());
        }
        let keys: Vec<&str> = std::iter::once(folded)
            .chain(ends.iter().scan(0, |start, &end| {
                let key = &deletions[*start..end];
                *start = end;
                Some(key)
            }))
            .collect();
        let index = if min_zipf >= COMMON_ZIPF {
            &self.common_deletes
        } else if min_zipf >= FREQUENT_ZIPF {
            &self.frequent_deletes
        } else {
            &self.deletes
        };
        let mut offsets = Vec::new();
        index.for_each_word_of(&keys, DeletionIndex::class_for(min_zipf), |o| {
            offsets.push(o)
        });
        offsets.sort_unstable();
        offsets.dedup();
        for offset in offsets {
            if let Some((word, zipf)) = self.freq.entry(offset)
                && zipf >= min_zipf
                && edits::one_edit_apart(folded, word)
            {
                out.push((word.into(), zipf));
            }
        }
        out.into()
    }

    /// Whether Hunspell accepts the word as written (its case rules included: a capitalised
    /// form of a lower-case word is accepted, a lower-case noun is not).
    pub fn spells(&self, word: &str) -> bool {
        // Without a dictionary every word counts as spelled: no finding rests on it.
        self.spelled
            .get_or(word, || self.hunspell().is_none_or(|d| d.check(word)))
    }

    /// Parses the Hunspell dictionary now unless that has happened: for a background thread,
    /// so that a batch run finds it ready.
    pub fn load_hunspell(&self) {
        self.hunspell();
    }

    fn hunspell(&self) -> Option<&Dictionary> {
        self.dictionary
            .get_or_init(|| parse_hunspell(self.code, self.hunspell_files).ok())
            .as_ref()
    }

    /// Whether Hunspell's word list has the case-folded word as a personal name.
    pub fn is_listed_name(&self, folded: &str) -> bool {
        self.names.zipf(folded).is_some()
    }

    /// Whether a word can be read as a noun. Hunspell accepts any word capitalised (at the
    /// start of a sentence), so its case rules cannot tell "Nachfrage" from "wenn"; but only
    /// nouns end a compound: "Testnachfrage" is a word, "Testwenn" is not.
    /// Hunspell does not compound every long compound again; a long word that Hunspell only
    /// accepts capitalised is a noun too (short ones may be names: "Intel").
    pub fn is_noun(&self, word: &str) -> bool {
        let probe = &self.lists.noun_probe;
        let lower: String = word.chars().flat_map(char::to_lowercase).collect();
        let mut compound = String::with_capacity(probe.len() + lower.len());
        compound.push_str(probe);
        compound.push_str(&lower);
        self.spells(&compound)
            || (lower.chars().count() >= LONG_NOUN_CHARS
                && self.spells(word)
                && !self.spells(&lower))
    }

    fn key_position(&self, c: char) -> Option<(usize, usize)> {
        self.lists
            .keyboard
            .iter()
            .enumerate()
            .find_map(|(row, keys)| keys.chars().position(|k| k == c).map(|col| (row, col)))
    }

    /// How many keys apart two letters of the same keyboard row are.
    pub fn keys_apart(&self, a: char, b: char) -> Option<usize> {
        let ((ra, ca), (rb, cb)) = (self.key_position(a)?, self.key_position(b)?);
        (ra == rb).then(|| ca.abs_diff(cb))
    }

    /// Whether two letters lie next to each other on the keyboard, for telling typing
    /// slips from other spellings.
    pub fn are_neighbour_keys(&self, a: char, b: char) -> bool {
        let (Some((ra, ca)), Some((rb, cb))) = (self.key_position(a), self.key_position(b)) else {
            return false;
        };
        // Rows are staggered by about half a key: a key touches two in the next row.
        match rb as isize - ra as isize {
            0 => ca.abs_diff(cb) == 1,
            1 => cb == ca || cb + 1 == ca,
            -1 => ca == cb || ca + 1 == cb,
            _ => false,
        }
    }

    /// Whether the newsroom's accept list has the case-folded word.
    pub fn accepts(&self, folded: &str) -> bool {
        self.accept.contains(folded)
    }

    /// Whether `word` is a title that introduces a name ("Präsident", "Außenminister").
    pub fn is_title(&self, word: &str) -> bool {
        if self.lists.titles.contains(word) {
            return true;
        }
        let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
        let lower = word.to_lowercase();
        starts_upper
            && self
                .lists
                .title_endings
                .iter()
                .any(|e| lower.len() > e.len() && lower.ends_with(e.as_str()))
    }
}

fn parse_accept_list(text: &str) -> HashSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(fold)
        .collect()
}

/// Whether a word starts with a capital letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The word with its first letter in upper case ("präsident" → "Präsident").
pub fn capitalise(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    capitalise_into(word, &mut out);
    out
}

/// [`capitalise`] into a buffer, for callers that capitalise many words in turn.
pub fn capitalise_into(word: &str, out: &mut String) {
    out.clear();
    // At once rather than letter and rest apart: nearly every capital is as long as its
    // small letter.
    out.reserve(word.len());
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
}

/// Case-folds a word the way the frequency list stores words: lower case, `ß` → `ss`.
pub fn fold(word: &str) -> String {
    // ASCII folds byte for byte (see `fold_into`), in one go.
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len() + 2);
    fold_chars_into(word, &mut out);
    out
}

/// [`fold`] into a reusable buffer.
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    // ASCII folds byte for byte: no ASCII letter but a capital changes, none changes length.
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    fold_chars_into(word, out);
}

/// [`fold_into`] character by character, into an empty buffer.
fn fold_chars_into(word: &str, out: &mut String) {
    for c in word.chars() {
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => match latin_1_lower(c) {
                Some(lower) => out.push(lower),
                None => out.extend(c.to_lowercase()),
            },
        }
    }
}

/// The lower case of a Latin-1 character, where German's letters are, without the Unicode
/// tables: its capitals ("A", "Ä", "Ö", "Ü") lie 32 code points before their small letters,
/// and every other Latin-1 character is its own lower case (tested against
/// [`char::to_lowercase`]). `None` beyond Latin-1.
pub(crate) fn latin_1_lower(c: char) -> Option<char> {
    match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(u32::from(c) + 32),
        '\0'..='\u{FF}' => Some(c),
        _ => None,
    }
}

/// The compiled frequency table of a language alone, read in place (no Hunspell parse): for
/// checks that only need to know how common a word is.
pub fn frequencies(code: &str) -> Option<freq::FreqTable<'static>> {
    let (_, files) = embedded(code)?;
    freq::FreqTable::from_bytes(files.freq).ok()
}

/// The lexicon of a language, loaded on first use; `None` when mtlint has none for it.
pub fn lexicon(code: &str) -> Option<Result<&'static Lexicon, &'static LexiconError>> {
    static DE: OnceLock<Result<Lexicon, LexiconError>> = OnceLock::new();
    let (code, files) = embedded(code)?;
    let cell = match code {
        "de" => &DE,
        _ => return None,
    };
    Some(cell.get_or_init(|| Lexicon::parse(code, &files)).as_ref())
}

fn parse_hunspell(
    lang: &'static str,
    (aff, dic): (&'static str, &'static str),
) -> Result<Dictionary, LexiconError> {
    Dictionary::new(aff, dic).map_err(|e| LexiconError::Hunspell {
        lang,
        message: e.to_string(),
    })
}

/// The German lexicon, for tests.
#[cfg(test)]
pub(crate) fn german() -> &'static Lexicon {
    match lexicon("de") {
        Some(Ok(l)) => l,
        Some(Err(e)) => panic!("{e}"),
        None => panic!("no German lexicon"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_loads() {
        assert!(german().freq.len() > 250_000);
        assert!(lexicon("xx").is_none());
    }

    #[test]
    fn the_embedded_hunspell_dictionary_parses() {
        let de = german();
        if let Err(e) = parse_hunspell(de.code, de.hunspell_files) {
            panic!("{e}");
        }
        assert!(de.spells("Seitdem") && !de.spells("Setdem"));
    }

    #[test]
    fn frequencies_are_looked_up_case_folded() {
        let de = german();
        assert!(de.zipf(&fold("Seitdem")).is_some_and(|z| z > 4.0));
        assert!(de.zipf(&fold("Straße")).is_some_and(|z| z > 4.0));
        assert_eq!(de.zipf(&fold("Setdem")), None);
    }

    #[test]
    fn hunspell_knows_inflection_and_rejects_typos() {
        let de = german();
        assert!(de.spells("Seitdem"));
        assert!(de.spells("Putins"));
        assert!(!de.spells("Setdem"));
        assert!(!de.spells("Wladmir"));
    }

    #[test]
    fn folding_matches_wordfreq() {
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("ÄRGER"), "ärger");
    }

    #[test]
    fn latin_1_lowers_as_the_unicode_tables_do() {
        for c in '\0'..='\u{2FF}' {
            if let Some(lower) = latin_1_lower(c) {
                assert_eq!(
                    c.to_lowercase().collect::<String>(),
                    lower.to_string(),
                    "{c:?}"
                );
            } else {
                assert!(c > '\u{FF}', "{c:?}");
            }
        }
    }

    #[test]
    fn ascii_folds_as_any_word_does() {
        let mut out = String::new();
        let mut by_char = String::new();
        for word in [
            "Haus",
            "NATO-Gipfel",
            "iPhone",
            "x",
            "",
            "Straße",
            "GROẞ",
            "Ärger",
            "A-Z@[`{~",
        ] {
            by_char.clear();
            fold_chars_into(word, &mut by_char);
            fold_into(word, &mut out);
            assert_eq!(out, by_char, "{word}");
            assert_eq!(fold(word), by_char, "{word}");
        }
    }

    #[test]
    fn personal_names_and_nouns_are_told_apart() {
        let de = german();
        assert!(de.is_listed_name("putin"));
        assert!(de.is_listed_name("wladimir"));
        assert!(!de.is_listed_name("monat"));
        assert!(de.is_noun("Nachfrage"));
        assert!(de.is_noun("Wegen"));
        assert!(!de.is_noun("Wenn"));
        assert!(!de.is_noun("Seitdem"));
    }

    #[test]
    fn neighbour_keys_follow_the_german_layout() {
        let de = german();
        assert!(de.are_neighbour_keys('t', 'z'));
        assert!(de.are_neighbour_keys('a', 's'));
        assert!(de.are_neighbour_keys('h', 'n'));
        assert!(de.are_neighbour_keys('n', 'h'));
        assert!(!de.are_neighbour_keys('n', 't'));
        assert!(!de.are_neighbour_keys('q', 'n'));
    }

    #[test]
    fn titles_include_compound_titles() {
        let de = german();
        assert!(de.is_title("Präsident"));
        assert!(de.is_title("Außenminister"));
        assert!(!de.is_title("minister"));
        assert!(!de.is_title("Putin"));
    }
}
