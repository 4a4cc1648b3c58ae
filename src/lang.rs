//! Language data: everything mtlint knows about a language comes from `dictionaries/<lang>/`,
//! embedded in the binary at build time and parsed once on first use.
//!
//! The data files are part of the program, so a parse error in them is a bug caught by the
//! tests below; user-supplied data (config, accept lists) goes through typed errors instead.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use regex::Regex;
use serde::Deserialize;

use crate::document;
use crate::keywords::{self, ByteSet};
use crate::locale::{self, Locale};

/// Target languages with embedded data, in the order disclaimers are tried.
pub const SUPPORTED: [&str; 4] = ["de", "en", "fr", "es"];

struct EmbeddedFiles {
    anatomy: &'static str,
    grammar: &'static str,
    capitalization: &'static str,
    locale: &'static str,
    langid: &'static str,
}

fn embedded(code: &str) -> Option<EmbeddedFiles> {
    macro_rules! files {
        ($lang:literal) => {
            EmbeddedFiles {
                anatomy: include_str!(concat!("../dictionaries/", $lang, "/anatomy.toml")),
                grammar: include_str!(concat!("../dictionaries/", $lang, "/grammar.toml")),
                capitalization: include_str!(concat!(
                    "../dictionaries/",
                    $lang,
                    "/capitalization.tsv"
                )),
                locale: include_str!(concat!("../dictionaries/", $lang, "/locale.toml")),
                langid: include_str!(concat!("../dictionaries/", $lang, "/langid.toml")),
            }
        };
    }
    match code {
        "de" => Some(files!("de")),
        "en" => Some(files!("en")),
        "fr" => Some(files!("fr")),
        "es" => Some(files!("es")),
        _ => None,
    }
}

/// A non-article region rule from `anatomy.toml`.
#[derive(Debug)]
pub struct RegionRule {
    pub kind: String,
    pub start: DataRegex,
    /// The bytes a line matching `start` can begin with, worked out on first use (see
    /// [`crate::keywords::first_bytes`]).
    pub first_bytes: OnceLock<Option<ByteSet>>,
    /// The beginnings of up to four bytes a line matching `start` begins with, worked out on
    /// first use (see [`crate::keywords::prefixes`]).
    pub prefixes: OnceLock<Option<keywords::Prefixes>>,
    pub until: Option<DataRegex>,
    pub max_lines: usize,
    pub to_end: bool,
}

/// A phrase from `capitalization.tsv` that is wrong as written.
#[derive(Debug)]
pub struct CapitalizationRule {
    /// Matches the wrong phrase; its first letter may be either case (sentence start).
    pub pattern: DataRegex,
    pub right: String,
    pub why: String,
}

/// A quotation mark pair: opening and closing character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotePair {
    pub open: char,
    pub close: char,
}

/// Everything the checks know about one language.
#[derive(Debug)]
pub struct Language {
    pub code: &'static str,
    pub regions: Vec<RegionRule>,
    pub disclaimers: Vec<DataRegex>,
    pub language_names: FxHashMap<String, String>,
    pub credit: Option<DataRegex>,
    /// Finds the characters one of which every `credit` match contains (see
    /// [`keywords::marks`]): a line without them needs no search with the pattern. A literal
    /// search skips through a line far faster than the pattern or a test per character.
    pub credit_gate: Option<AhoCorasick>,
    pub abbreviations: FxHashSet<String>,
    pub doubled_allowed: FxHashSet<String>,
    pub nominative_pronouns: FxHashSet<String>,
    pub function_words: FxHashSet<String>,
    pub determiners: FxHashSet<String>,
    /// A predicate directly followed by a subordinating conjunction ("unklar ob"), if the
    /// language lists any.
    pub missing_comma: Option<DataRegex>,
    /// `missing_comma` without its word boundaries and with each predicate cut to its last
    /// word, so it matches wherever that does (and a little more). Unicode word boundaries
    /// keep the regex engine from its fast automaton on text with umlauts; a text this finds
    /// nothing in need not be searched with the exact pattern.
    pub missing_comma_gate: Option<DataRegex>,
    pub capitalization: Vec<CapitalizationRule>,
    /// Matches any of the `capitalization` phrases, so a text is searched once for all;
    /// confirm a hit with the phrase's own pattern to know which it is.
    pub capitalization_any: Option<DataRegex>,
    /// The last words of the `capitalization` phrases, as literals: a text this finds nothing
    /// in holds none of the phrases, and words such as "Beiden" or "allgemeinen" are found
    /// much faster than the phrases with their Unicode word boundaries ("die", "im").
    pub capitalization_gate: Option<DataRegex>,
    pub primary_quotes: QuotePair,
    pub alternative_quotes: Vec<QuotePair>,
    pub dash: char,
    /// Number, currency, date, time and unit conventions (`locale.toml`).
    pub locale: Locale,
    /// The language's most frequent function words (`langid.toml`), lower-case: the words
    /// that give away a passage of this language left in a text of another.
    pub common_words: FxHashSet<String>,
    /// Lower-case words inside personal names ("von der", "de la"): between two capitalised
    /// words they are part of a name, not a leftover.
    pub name_particles: FxHashSet<String>,
    /// Words of this language that other languages' function words spell too ("die" in
    /// English): in this language's text they never give a foreign passage away.
    pub also_words: FxHashSet<String>,
    /// Frequent words of the language that quickly recognise it (`[detection]` in
    /// `locale.toml`).
    pub frequent_words: FxHashSet<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnatomyFile {
    #[serde(default)]
    region: Vec<RegionEntry>,
    #[serde(default)]
    disclaimer: Vec<DisclaimerEntry>,
    #[serde(default)]
    language_names: FxHashMap<String, String>,
    credit: Option<DisclaimerEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionEntry {
    kind: String,
    start: String,
    until: Option<String>,
    #[serde(default = "default_max_lines")]
    max_lines: usize,
    #[serde(default)]
    to_end: bool,
}

fn default_max_lines() -> usize {
    1
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DisclaimerEntry {
    pattern: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GrammarFile {
    abbreviations: Vec<String>,
    doubled_allowed: Vec<String>,
    nominative_pronouns: Vec<String>,
    function_words: Vec<String>,
    determiners: Vec<String>,
    comma_predicates: Vec<String>,
    comma_conjunctions: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LocaleFile {
    quotes: QuotesEntry,
    numbers: locale::Numbers,
    percent: locale::Percent,
    currency: locale::Currency,
    dates: locale::Dates,
    times: locale::Times,
    #[serde(default)]
    units: locale::Units,
    #[serde(default)]
    detection: DetectionEntry,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LangidFile {
    common_words: Vec<String>,
    #[serde(default)]
    name_particles: Vec<String>,
    #[serde(default)]
    also_words: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct DetectionEntry {
    frequent_words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuotesEntry {
    primary: [char; 2],
    alternatives: Vec<[char; 2]>,
    dash: char,
}

/// Why embedded language data could not be read (a bug in `dictionaries/`).
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("dictionaries/{lang}/{file}: {message}")]
    Invalid {
        lang: &'static str,
        file: &'static str,
        message: String,
    },
}

fn invalid(lang: &'static str, file: &'static str, message: impl ToString) -> DataError {
    DataError::Invalid {
        lang,
        file,
        message: message.to_string(),
    }
}

/// A pattern of the language data, compiled on first use: compiling every pattern of every
/// language costs more than checking a short article, and most runs need the patterns of one
/// language only (the others lend their function words to language identification).
///
/// The data is embedded in the binary, so a broken pattern is a build defect: the test
/// `all_embedded_data_parses` compiles every one. Checking the syntax again each time the data
/// is read would cost about as much as the rest of reading it.
pub struct DataRegex {
    pattern: String,
    compiled: OnceLock<Regex>,
}

impl DataRegex {
    /// Keeps the pattern; compiling waits for the first search.
    pub fn new(pattern: &str) -> DataRegex {
        DataRegex {
            pattern: pattern.to_string(),
            compiled: OnceLock::new(),
        }
    }

    /// The pattern as written (without compiling it).
    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// The compiled pattern. One that parses but exceeds the regex size limits matches
    /// nothing (`all_embedded_data_parses` compiles every pattern, so none does).
    pub fn regex(&self) -> &Regex {
        self.compiled.get_or_init(|| {
            Regex::new(&self.pattern)
                .or_else(|_| Regex::new(r"[^\s\S]"))
                .unwrap_or_else(|_| unreachable!("the empty class compiles"))
        })
    }

    /// Whether the pattern compiles (for tests of patterns built at run time).
    #[cfg(test)]
    pub(crate) fn compiles(&self) -> Result<(), regex::Error> {
        Regex::new(&self.pattern).map(drop)
    }
}

impl std::ops::Deref for DataRegex {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.regex()
    }
}

impl std::fmt::Debug for DataRegex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("DataRegex").field(&self.pattern).finish()
    }
}

fn lower_set(words: Vec<String>) -> FxHashSet<String> {
    words.into_iter().map(|w| w.to_lowercase()).collect()
}

/// Word boundaries of a pattern (`\b`), or none: the gate patterns leave them out.
const WORD_EDGE: &str = r"\b";
const NO_EDGE: &str = "";

/// A whole-word pattern for a phrase whose first letter may be capitalised.
fn phrase_pattern(phrase: &str) -> String {
    let mut chars = phrase.chars();
    let first = chars.next().map(|c| {
        let (lower, upper): (String, String) =
            (c.to_lowercase().collect(), c.to_uppercase().collect());
        format!("[{}{}]", regex::escape(&lower), regex::escape(&upper))
    });
    let rest = regex::escape(chars.as_str()).replace(' ', r"\s+");
    format!(r"\b{}{rest}\b", first.unwrap_or_default())
}

/// The last word of a phrase as a literal pattern (see `capitalization_gate`). Every match of
/// the phrase holds it verbatim, except a one-word phrase's first letter, which may change
/// case and is left out.
fn phrase_tail(phrase: &str) -> String {
    let tail = match phrase.rsplit_once(' ') {
        Some((_, last)) => last,
        None => phrase
            .char_indices()
            .nth(1)
            .map_or("", |(i, _)| &phrase[i..]),
    };
    regex::escape(tail)
}

/// `predicate conjunction` with no comma between, e.g. "unklar ob", between `edge`s. A
/// predicate is matched as listed, with a capital first letter ("Unklar ob" opening a
/// headline) or in capitals throughout; the conjunction as listed.
fn comma_pattern(predicates: &[String], conjunctions: &[String], edge: &str) -> Option<String> {
    if predicates.is_empty() || conjunctions.is_empty() {
        return None;
    }
    let spaced = |w: &str| regex::escape(w).replace(' ', r"\s+");
    let cased = |w: &String| {
        let mut chars = w.chars();
        let first = chars.next().map(|c| {
            let upper: String = c.to_uppercase().collect();
            format!(
                "(?:{}|{})",
                regex::escape(&c.to_string()),
                regex::escape(&upper)
            )
        });
        let rest = spaced(chars.as_str());
        format!(
            "{}{rest}|{}",
            first.unwrap_or_default(),
            spaced(&w.to_uppercase())
        )
    };
    let predicates = predicates.iter().map(cased).collect::<Vec<_>>().join("|");
    let conjunctions = conjunctions
        .iter()
        .map(|w| spaced(w))
        .collect::<Vec<_>>()
        .join("|");
    Some(format!(r"{edge}(?:{predicates})\s+({conjunctions}){edge}"))
}

/// The last word of each phrase, each once ("noch unklar" → "unklar"). A phrase ends with
/// its last word, so a text in which no last word is followed by a conjunction holds no
/// phrase followed by one. The regex engine finds a few single words much faster than
/// phrases that open with words as common as "nicht" and "noch".
fn last_words(phrases: &[String]) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for phrase in phrases {
        let last = phrase.rsplit(' ').next().unwrap_or(phrase);
        if !words.iter().any(|w| w == last) {
            words.push(last.to_string());
        }
    }
    words
}

/// One pattern matching any of `patterns`, or none if there are none.
fn any_of(patterns: impl Iterator<Item = String>) -> Option<String> {
    let alternatives: Vec<String> = patterns.map(|p| format!("(?:{p})")).collect();
    (!alternatives.is_empty()).then(|| alternatives.join("|"))
}

fn parse_tsv_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

impl Language {
    fn parse(code: &'static str, files: &EmbeddedFiles) -> Result<Language, DataError> {
        let anatomy: AnatomyFile =
            toml::from_str(files.anatomy).map_err(|e| invalid(code, "anatomy.toml", e))?;
        let grammar: GrammarFile =
            toml::from_str(files.grammar).map_err(|e| invalid(code, "grammar.toml", e))?;
        let locale: LocaleFile =
            toml::from_str(files.locale).map_err(|e| invalid(code, "locale.toml", e))?;
        let langid: LangidFile =
            toml::from_str(files.langid).map_err(|e| invalid(code, "langid.toml", e))?;
        let conventions = Locale {
            numbers: locale.numbers,
            percent: locale.percent,
            currency: locale.currency,
            dates: locale.dates,
            times: locale.times,
            units: locale.units,
        };
        conventions
            .validate()
            .map_err(|e| invalid(code, "locale.toml", e))?;
        let regions: Vec<RegionRule> = anatomy
            .region
            .into_iter()
            .map(|r| RegionRule {
                kind: r.kind,
                start: DataRegex::new(&r.start),
                first_bytes: OnceLock::new(),
                prefixes: OnceLock::new(),
                until: r.until.as_deref().map(DataRegex::new),
                max_lines: r.max_lines,
                to_end: r.to_end,
            })
            .collect();
        let disclaimers = anatomy
            .disclaimer
            .iter()
            .map(|d| DataRegex::new(&d.pattern))
            .collect();
        let credit_gate = anatomy
            .credit
            .as_ref()
            .and_then(|c| keywords::marks(&c.pattern))
            .and_then(|marks| AhoCorasick::new(marks.iter().map(char::to_string)).ok());
        let credit = anatomy.credit.map(|c| DataRegex::new(&c.pattern));
        let capitalization_rows = parse_tsv_rows(files.capitalization);
        let capitalization = capitalization_rows
            .iter()
            .map(|row| match row.as_slice() {
                [wrong, right, why] => Ok(CapitalizationRule {
                    pattern: DataRegex::new(&phrase_pattern(wrong)),
                    right: right.clone(),
                    why: why.clone(),
                }),
                _ => Err(invalid(code, "capitalization.tsv", "expected 3 columns")),
            })
            .collect::<Result<Vec<_>, _>>()?;
        let capitalization_any = any_of(capitalization.iter().map(|r| r.pattern.as_str().into()))
            .map(|p| DataRegex::new(&p));
        let capitalization_gate = any_of(
            capitalization_rows
                .iter()
                .filter_map(|row| row.first())
                .map(|wrong| phrase_tail(wrong)),
        )
        .map(|p| DataRegex::new(&p));
        let comma = |predicates: &[String], edge| {
            comma_pattern(predicates, &grammar.comma_conjunctions, edge).map(|p| DataRegex::new(&p))
        };
        let missing_comma = comma(&grammar.comma_predicates, WORD_EDGE);
        let missing_comma_gate = comma(&last_words(&grammar.comma_predicates), NO_EDGE);
        let pair = |[open, close]: [char; 2]| QuotePair { open, close };
        Ok(Language {
            code,
            regions,
            disclaimers,
            language_names: anatomy
                .language_names
                .into_iter()
                .map(|(k, v)| (k.to_lowercase(), v))
                .collect(),
            credit,
            credit_gate,
            abbreviations: grammar.abbreviations.into_iter().collect(),
            doubled_allowed: lower_set(grammar.doubled_allowed),
            nominative_pronouns: lower_set(grammar.nominative_pronouns),
            function_words: lower_set(grammar.function_words),
            determiners: lower_set(grammar.determiners),
            missing_comma,
            missing_comma_gate,
            capitalization,
            capitalization_any,
            capitalization_gate,
            primary_quotes: pair(locale.quotes.primary),
            alternative_quotes: locale.quotes.alternatives.into_iter().map(pair).collect(),
            dash: locale.quotes.dash,
            locale: conventions,
            common_words: lower_set(langid.common_words),
            name_particles: lower_set(langid.name_particles),
            also_words: lower_set(langid.also_words),
            frequent_words: locale
                .detection
                .frequent_words
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
        })
    }

    /// The ISO code for a language name as a disclaimer writes it ("Englischen" → "en").
    pub fn code_for_name(&self, name: &str) -> Option<&str> {
        self.language_names
            .get(&name.to_lowercase())
            .map(String::as_str)
    }
}

/// The data of a supported language, parsed on first use.
///
/// Returns `None` for a language mtlint has no data for. Embedded data that fails to parse is
/// a build defect; `all_embedded_data_parses` guards it, and the error is reported rather
/// than panicking.
pub fn language(code: &str) -> Option<&'static Language> {
    static DE: OnceLock<Option<Language>> = OnceLock::new();
    static EN: OnceLock<Option<Language>> = OnceLock::new();
    static FR: OnceLock<Option<Language>> = OnceLock::new();
    static ES: OnceLock<Option<Language>> = OnceLock::new();
    let (cell, code): (&OnceLock<Option<Language>>, &'static str) = match code {
        "de" => (&DE, "de"),
        "en" => (&EN, "en"),
        "fr" => (&FR, "fr"),
        "es" => (&ES, "es"),
        _ => return None,
    };
    cell.get_or_init(|| load(code).ok()).as_ref()
}

/// Parses one language's embedded data, reporting what is wrong with it.
pub fn load(code: &'static str) -> Result<Language, DataError> {
    let files = embedded(code).ok_or_else(|| invalid(code, "*", "no data for this language"))?;
    Language::parse(code, &files)
}

/// Words of a text sampled for recognising its language.
const SAMPLE_WORDS: usize = 60;
/// A language is recognised when its frequent words are at least this share of the sample…
const MIN_SHARE: f64 = 0.2;
/// … and this many times as many as those of any other language.
const MIN_LEAD: usize = 4;
/// Samples shorter than this are left to statistical detection.
const MIN_WORDS: usize = 12;

/// The frequent words of every supported language in one table, built once: a word is looked
/// up once to learn which languages it is frequent in, not once per language.
struct FrequentWords {
    /// The supported languages with data; bit `i` of a word's mask stands for `languages[i]`.
    languages: Vec<&'static Language>,
    words: FxHashMap<&'static str, u32>,
    /// The length in bytes of the longest word: longer words need no look-up.
    longest: usize,
    /// The words of at most eight ASCII letters, by [`document::ascii_lower_key`]: most words of a text are
    /// such, and are looked up without folding them into a buffer or hashing a string. A
    /// word with any other character is never a run of letters, all ASCII, of the text.
    short_words: FxHashMap<u64, u32>,
}

impl FrequentWords {
    fn get() -> &'static FrequentWords {
        static TABLE: OnceLock<FrequentWords> = OnceLock::new();
        TABLE.get_or_init(|| {
            let languages: Vec<&'static Language> =
                SUPPORTED.iter().filter_map(|c| language(c)).collect();
            let mut words: FxHashMap<&'static str, u32> = FxHashMap::default();
            for (i, l) in languages.iter().enumerate() {
                for w in &l.frequent_words {
                    *words.entry(w.as_str()).or_default() |= 1 << i;
                }
            }
            let longest = words.keys().map(|w| w.len()).max().unwrap_or(0);
            let short_words = words
                .iter()
                .filter(|(w, _)| {
                    (1..=8).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase())
                })
                .map(|(w, &mask)| (document::ascii_lower_key(w.as_bytes()), mask))
                .collect();
            FrequentWords {
                languages,
                words,
                longest,
                short_words,
            }
        })
    }
}

/// Recognises a supported language by the share of its frequent words among the text's first
/// words: cheap and certain on running text of a supported language. `None` leaves the
/// decision to statistical detection.
pub fn recognise(text: &str) -> Option<&'static str> {
    let table = FrequentWords::get();
    // One count per language (`SUPPORTED` has far fewer than 32).
    let mut hits = [0usize; 32];
    let hits = &mut hits[..table.languages.len()];
    let mut words = 0;
    let mut lower = String::new();
    for word in letter_runs(text).take(SAMPLE_WORDS) {
        words += 1;
        // Frequent words are short; longer words need no look-up.
        if word.len() > table.longest {
            continue;
        }
        // Nearly every word is a short run of ASCII letters, found by its key.
        if (1..=8).contains(&word.len()) && word.is_ascii() {
            let mask = table
                .short_words
                .get(&document::ascii_lower_key(word.as_bytes()));
            for language in languages_of(mask.copied().unwrap_or(0)) {
                hits[language] += 1;
            }
            continue;
        }
        lower.clear();
        if word.is_ascii() {
            lower.push_str(word);
            lower.make_ascii_lowercase();
        } else {
            lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        for language in languages_of(table.words.get(lower.as_str()).copied().unwrap_or(0)) {
            hits[language] += 1;
        }
    }
    clear_winner(hits, words).map(|best| table.languages[best].code)
}

/// The words of a text, as runs of letters (`char::is_alphabetic`): the non-empty pieces of
/// `text.split(|c: char| !c.is_alphabetic())`. Read byte by byte, so that ASCII, nearly all
/// of European text, is classified without decoding a character.
fn letter_runs(text: &str) -> impl Iterator<Item = &str> {
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = skip_non_letters(text, i);
        i = skip_letters(text, start);
        (i > start).then(|| &text[start..i])
    })
}

/// The character of `text` at byte `i` (a character boundary) if it is a letter beyond
/// ASCII, with its length in bytes.
fn letter_beyond_ascii(text: &str, i: usize) -> Option<usize> {
    let c = text.get(i..)?.chars().next()?;
    document::is_alphabetic(c).then_some(c.len_utf8())
}

/// The first byte offset from `i` (a character boundary) of a letter, or the end of `text`.
fn skip_non_letters(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if b.is_ascii_alphabetic() {
                break;
            }
            i += 1;
        } else if letter_beyond_ascii(text, i).is_some() {
            break;
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    i
}

/// The first byte offset from `i` (a character boundary) of a character that is no letter,
/// or the end of `text`. ASCII letters are skipped eight at a time.
fn skip_letters(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        if let Some(eight) = bytes
            .get(i..i + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
        {
            let letters = document::leading_ascii_letters(u64::from_le_bytes(eight));
            i += letters;
            if letters == 8 {
                continue;
            }
        }
        let len = match bytes.get(i) {
            None => return i,
            Some(b) if b.is_ascii() => b.is_ascii_alphabetic().then_some(1),
            Some(_) => letter_beyond_ascii(text, i),
        };
        match len {
            Some(len) => i += len,
            None => return i,
        }
    }
}

/// The indexes of the bits set in a mask of languages (one bit per language), lowest first.
pub(crate) fn languages_of(mut mask: u32) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (mask != 0).then(|| {
            let language = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            language
        })
    })
}

/// The language (index into `hits`) whose frequent words clearly lead in a sample of `words`
/// words, if one does.
fn clear_winner(hits: &[usize], words: usize) -> Option<usize> {
    let (best, &top) = hits.iter().enumerate().max_by_key(|&(_, h)| *h)?;
    let runner_up = hits
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != best)
        .map(|(_, &h)| h)
        .max()
        .unwrap_or(0);
    let clear = words >= MIN_WORDS
        && top as f64 >= MIN_SHARE * words as f64
        && top >= MIN_LEAD * runner_up.max(1);
    clear.then_some(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_of_a_mask_are_its_bits() {
        assert_eq!(languages_of(0).count(), 0);
        assert_eq!(languages_of(0b1010_0001).collect::<Vec<_>>(), [0, 5, 7]);
        assert_eq!(languages_of(1 << 31).collect::<Vec<_>>(), [31]);
    }

    #[test]
    fn recognise_counts_as_one_look_up_per_language_would() {
        let texts = [
            "Die Regierung hat am Mittwoch beschlossen, die Hilfen für die Ukraine deutlich \
             aufzustocken, wie ein Sprecher in Berlin mitteilte, und sie will mehr tun.",
            "The government said on Wednesday that it would increase the aid to Ukraine, and \
             that the new money was on its way to the front as of this week.",
            "Le gouvernement a annoncé mercredi qu'il allait augmenter l'aide à l'Ukraine, et \
             que les fonds sont en route pour le front depuis cette semaine.",
            "El gobierno anunció el miércoles que aumentaría la ayuda a Ucrania, y que el dinero \
             ya está en camino hacia el frente desde esta semana para los soldados.",
            "Die the le el die the le el die the le el die the le el die the",
            "Putin Kim Xi",
            "",
        ];
        let languages: Vec<&Language> = SUPPORTED.iter().filter_map(|c| language(c)).collect();
        for text in texts {
            // Every language's list asked separately, as recognise once did.
            let mut hits = vec![0usize; languages.len()];
            let mut words = 0;
            for word in text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .take(SAMPLE_WORDS)
            {
                words += 1;
                let lower = word.to_lowercase();
                for (hit, l) in hits.iter_mut().zip(&languages) {
                    *hit += usize::from(l.frequent_words.contains(&lower));
                }
            }
            let expected = clear_winner(&hits, words).map(|best| languages[best].code);
            assert_eq!(recognise(text), expected, "{text}");
        }
        assert_eq!(recognise(texts[0]), Some("de"));
        assert_eq!(recognise(texts[1]), Some("en"));
    }

    #[test]
    fn letter_runs_are_the_pieces_between_non_letters() {
        let texts = [
            "Die Regierung hat am Mittwoch beschlossen, die Hilfen für die Ukraine.",
            "„Straße“ – Ärger über 10.000 Euro… l'homme rock’n’roll",
            "  Αθήνα Київ 三 ǅx Ⅻ ½² \u{212A}elvin ſ İstanbul\t\r\n",
            "a",
            "1",
            "",
            "é",
            "€",
            "xé€ü1ß",
        ];
        for text in texts {
            let expected: Vec<&str> = text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(letter_runs(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn running_text_is_recognised_by_frequent_words() {
        let de = "Die Bundesregierung hat am Mittwoch beschlossen, die Hilfen für die Ukraine \
                  deutlich aufzustocken, wie ein Sprecher in Berlin mitteilte. Er sagte, das sei nötig.";
        let en = "The government decided on Wednesday to increase its aid to Ukraine, a spokesman \
                  said in Berlin. He said that it was necessary and that more would follow.";
        assert_eq!(recognise(de), Some("de"));
        assert_eq!(recognise(en), Some("en"));
    }

    #[test]
    fn other_languages_and_short_texts_are_left_to_detection() {
        let fr = "Le gouvernement a décidé mercredi d'augmenter son aide à l'Ukraine, a déclaré un \
                  porte-parole à Berlin. Il a dit que c'était nécessaire et que d'autres suivraient.";
        assert_eq!(recognise(fr), None);
        assert_eq!(recognise("Die Hilfe kommt."), None);
    }

    #[test]
    fn all_embedded_data_parses() {
        for code in SUPPORTED {
            let lang = match load(code) {
                Ok(lang) => lang,
                Err(e) => panic!("{e}"),
            };
            let patterns = lang
                .regions
                .iter()
                .flat_map(|r| std::iter::once(&r.start).chain(&r.until))
                .chain(&lang.disclaimers)
                .chain(&lang.credit)
                .chain(&lang.missing_comma)
                .chain(&lang.missing_comma_gate)
                .chain(lang.capitalization.iter().map(|c| &c.pattern))
                .chain(&lang.capitalization_any)
                .chain(&lang.capitalization_gate);
            for p in patterns {
                if let Err(e) = p.compiles() {
                    panic!("{code}: {p:?}: {e}");
                }
            }
        }
    }

    /// The comma pattern takes a predicate as listed, capitalised or in capitals, and its
    /// gate finds every text the pattern does.
    #[test]
    fn comma_gate_finds_whatever_the_pattern_does() {
        let de = language("de").expect("German data");
        let (Some(exact), Some(gate)) = (&de.missing_comma, &de.missing_comma_gate) else {
            panic!("German lists comma predicates");
        };
        let flagged = [
            "Unklar ob er kommt",
            "Es ist unklar wann",
            "ES IST UNKLAR wie",
            "Das ist noch  unklar, aber nicht klar ob",
            "Weiter unklar wer",
            "Nicht bekannt dass",
            "UNGEKLÄRT warum",
        ];
        let quiet = [
            "Unklar, ob er kommt",
            "unKlar ob",
            "unklarob",
            "Das Unklare ob",
            "klar ob",
        ];
        for text in flagged {
            assert!(exact.is_match(text), "{text}");
            assert!(gate.is_match(text), "gate: {text}");
        }
        for text in quiet {
            assert!(!exact.is_match(text), "{text}");
        }
    }

    #[test]
    fn disclaimer_language_names_resolve() {
        let de = language("de").expect("German data");
        assert_eq!(de.code_for_name("Englischen"), Some("en"));
        assert_eq!(de.code_for_name("Deutsche"), Some("de"));
    }

    /// The house name lists keep the invariants their READMEs promise.
    #[test]
    fn house_name_lists_keep_their_invariants() {
        for (lang, text) in [
            ("en", include_str!("../dictionaries/en/names.tsv")),
            ("fr", include_str!("../dictionaries/fr/names.tsv")),
            ("es", include_str!("../dictionaries/es/names.tsv")),
        ] {
            let rows: Vec<Vec<&str>> = text
                .lines()
                .filter(|l| !l.starts_with('#'))
                .skip(1)
                .map(|l| l.split('\t').collect())
                .collect();
            assert!(rows.len() >= 300, "{lang}: {} rows", rows.len());
            let houses: FxHashSet<&str> = rows.iter().map(|r| r[0]).collect();
            assert_eq!(houses.len(), rows.len(), "{lang}: a house form twice");
            let mut variants = FxHashSet::default();
            for row in &rows {
                assert_eq!(row.len(), 5, "{lang}: {row:?}");
                for v in row[1].split('|') {
                    assert!(variants.insert(v), "{lang}: variant {v} in two rows");
                    assert!(!houses.contains(v), "{lang}: variant {v} is a house form");
                }
            }
        }
    }

    #[test]
    fn unknown_language_has_no_data() {
        assert!(language("xx").is_none());
    }
}
