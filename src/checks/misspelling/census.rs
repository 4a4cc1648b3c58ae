//! The words of one article as the misspelling check sees them: every checkable word part
//! with where it stands, and how often each form occurs (case-folded).
//!
//! A hyphenated token ("Ukraine-Krieg", "Sechs-Parteien-Gesprächen") is checked part by
//! part, so a finding points at the misspelt part only.

use foldhash::{HashMap, HashMapExt};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use crate::document::{Block, Document, TokenKind};
use crate::lang;
use crate::lexicon::{self, Lexicon};
use crate::memo::WordMemo;

/// Shorter words are left alone: too many abbreviations and foreign particles, too little
/// evidence.
const MIN_CHARS: usize = 4;

/// One checkable word part.
#[derive(Debug, Clone)]
pub struct Occurrence<'a> {
    pub span: Range<usize>,
    pub form: &'a str,
    /// The index of its form in [`Census::forms`].
    pub form_id: usize,
    /// The word token it belongs to and the tokens of its sentence (indexes into
    /// `Document::tokens`), to look at its neighbours.
    pub token: usize,
    pub sentence: Range<usize>,
    /// A part before a hyphen ("sino-indisch", "Bernhard-Nocht-Institut").
    pub before_hyphen: bool,
    /// Inside a photo credit ("© Alexei Nikolsky/dpa").
    pub credit: bool,
}

/// Per case-folded form: how often it occurs, its most frequent spelling and its frequency
/// in the language.
#[derive(Debug, Clone, Default)]
pub struct FoldedStats<'a> {
    pub count: usize,
    pub spelling: &'a str,
    spelling_count: usize,
    pub zipf: Option<f32>,
    /// The index in [`Census::forms`] of its first spelling, which has the folded form.
    first: usize,
}

/// One distinct (exactly spelled) form of the article's word parts.
#[derive(Debug)]
pub struct DistinctForm<'a> {
    pub form: &'a str,
    /// Its case-folded form: borrowed from the form where folding changes nothing, else
    /// from the frequency list where that has it (see [`Folder::distinct`]).
    pub folded: Cow<'a, str>,
    /// The index of its folded form's statistics in [`Census::stats`].
    pub folded_id: usize,
    /// The frequency of the folded form (see [`Lexicon::zipf`]).
    zipf: Option<f32>,
    count: usize,
}

#[derive(Debug, Default)]
pub struct Census<'a> {
    pub occurrences: Vec<Occurrence<'a>>,
    /// The distinct forms, in order of first occurrence ([`Occurrence::form_id`]).
    pub forms: Vec<DistinctForm<'a>>,
    /// Per bucket of case-folded forms (see [`bucket_of`]): nothing, the one folded form
    /// there (see [`FoldedBucket`]), or several, which are looked up in `folded`. Most
    /// buckets hold one folded form, found by a cheap hash of a few of its bytes and one
    /// comparison, not by hashing the whole form for the map.
    buckets: Vec<u32>,
    /// `buckets` has `1 << bucket_bits` buckets.
    bucket_bits: u32,
    /// Case-folded form → the index of its statistics in `stats`, for the folded forms
    /// that share a bucket with another.
    folded: HashMap<Cow<'a, str>, usize>,
    /// Per case-folded form: statistics, in order of first occurrence.
    pub stats: Vec<FoldedStats<'a>>,
}

impl<'a> Census<'a> {
    pub fn of(doc: &Document<'a>, lexicon: &Lexicon) -> Census<'a> {
        let mut census = Census::default();
        // Sized so that the vectors seldom grow: most of an article's distinct forms are
        // checked, and every occurrence is a word token or a part of one; the tokens (words
        // and punctuation) outnumber the parts of the few hyphenated words.
        census.forms.reserve(doc.vocabulary.forms.len());
        census.occurrences.reserve(doc.tokens.len());
        let mut ids = FormIds::new(doc, lexicon);
        for block in &doc.blocks {
            for sentence in doc.sentences_of(block) {
                census.add_run(doc, block, doc.token_range(&sentence.span), &mut ids);
            }
            if let Some(credit) = &block.credit {
                census.add_run(doc, block, doc.token_range(credit), &mut ids);
            }
        }
        census.tally();
        census
    }

    /// How often a case-folded form occurs.
    pub fn count(&self, folded: &str) -> usize {
        self.stats_of(folded).map_or(0, |s| s.count)
    }

    /// The statistics of a case-folded form, if the article has it.
    pub fn stats_of(&self, folded: &str) -> Option<&FoldedStats<'a>> {
        let bucket = *self.buckets.get(bucket_of(folded, self.bucket_bits))?;
        match FoldedBucket::of(bucket) {
            FoldedBucket::Empty => None,
            FoldedBucket::One(id) => {
                let stats = &self.stats[id];
                (self.forms[stats.first].folded == folded).then_some(stats)
            }
            FoldedBucket::Shared => self.folded.get(folded).map(|&id| &self.stats[id]),
        }
    }

    /// Every case-folded form of the article with its statistics, in order of first
    /// occurrence.
    pub fn folded_forms(&self) -> impl Iterator<Item = (&str, &FoldedStats<'a>)> {
        self.stats
            .iter()
            .map(|stats| (self.forms[stats.first].folded.as_ref(), stats))
    }

    fn add_run(
        &mut self,
        doc: &Document<'a>,
        block: &Block,
        range: Range<usize>,
        ids: &mut FormIds<'_, '_, 'a>,
    ) {
        for (i, token) in doc.tokens[range.clone()].iter().enumerate() {
            if token.kind != TokenKind::Word {
                continue;
            }
            let at = range.start + i;
            // Every word token has a vocabulary id.
            let Some(v) = doc.vocabulary.id(at) else {
                continue;
            };
            // The shape depends on the form alone, so it is worked out once per distinct
            // form; the address test looks around the word, so it is made per occurrence
            // (and only for a word that would be checked).
            let shape = ids.shape_of(v);
            if shape == Shape::Unchecked || is_address(doc.text, &token.span) {
                continue;
            }
            let text = doc.vocabulary.forms[v];
            let credit = block
                .credit
                .as_ref()
                .is_some_and(|c| c.contains(&token.span.start));
            let occurrence = |span, form, form_id, before_hyphen| Occurrence {
                span,
                form,
                form_id,
                token: at,
                sentence: range.clone(),
                before_hyphen,
                credit,
            };
            if shape == Shape::Whole {
                let form_id = ids.of_word(v, &mut self.forms);
                self.forms[form_id].count += 1;
                let o = occurrence(token.span.clone(), text, form_id, false);
                self.occurrences.push(o);
                continue;
            }
            for (span, before_hyphen) in parts(doc.text, &token.span) {
                let form = &doc.text[span.clone()];
                if is_checkable(form) {
                    let form_id = ids.of_part(form, &mut self.forms);
                    self.forms[form_id].count += 1;
                    self.occurrences
                        .push(occurrence(span, form, form_id, before_hyphen));
                }
            }
        }
    }

    /// Fills the per-form statistics once all occurrences are known. Forms are visited in
    /// order of first occurrence, so that the first of equally frequent spellings wins.
    fn tally(&mut self) {
        self.stats.reserve(self.forms.len());
        // A few times as many buckets as forms, so that few share one.
        self.bucket_bits = (4 * self.forms.len()).next_power_of_two().trailing_zeros();
        self.buckets = vec![FoldedBucket::EMPTY; 1 << self.bucket_bits];
        for index in 0..self.forms.len() {
            let next = self.stats.len();
            let id = self.folded_id(index, next);
            if id == next {
                self.stats.push(FoldedStats {
                    first: index,
                    ..FoldedStats::default()
                });
            }
            let distinct = &mut self.forms[index];
            distinct.folded_id = id;
            let stats = &mut self.stats[id];
            if distinct.count > stats.spelling_count {
                stats.spelling = distinct.form;
                stats.spelling_count = distinct.count;
            }
            stats.count += distinct.count;
            // The same for every spelling of the folded form.
            stats.zipf = distinct.zipf;
        }
    }
}

impl<'a> Census<'a> {
    /// The statistics index of the folded form of form `index`: that of an earlier form
    /// with the same folded form, else `next`. Forms are told apart by their bucket first,
    /// and hashed only where two folded forms share one.
    fn folded_id(&mut self, index: usize, next: usize) -> usize {
        let folded = &self.forms[index].folded;
        let bucket = bucket_of(folded, self.bucket_bits);
        match FoldedBucket::of(self.buckets[bucket]) {
            FoldedBucket::Empty => match FoldedBucket::one(next) {
                Some(packed) => {
                    self.buckets[bucket] = packed;
                    next
                }
                None => {
                    self.buckets[bucket] = FoldedBucket::SHARED;
                    *self.folded.entry(folded.clone()).or_insert(next)
                }
            },
            FoldedBucket::One(id) => {
                let first = &self.forms[self.stats[id].first].folded;
                if first == folded {
                    return id;
                }
                // A second folded form in the bucket: both are looked up by hash from now on.
                let (first, folded) = (first.clone(), folded.clone());
                self.folded.insert(first, id);
                self.buckets[bucket] = FoldedBucket::SHARED;
                *self.folded.entry(folded).or_insert(next)
            }
            FoldedBucket::Shared => *self.folded.entry(folded.clone()).or_insert(next),
        }
    }
}

/// The bucket of a folded form among `1 << bits`: a hash of its length and its first and
/// last eight bytes, which tell nearly all words apart, read without a loop over the word.
fn bucket_of(folded: &str, bits: u32) -> usize {
    let bytes = folded.as_bytes();
    let (head, tail) = match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        (Some(head), Some(tail)) => (u64::from_le_bytes(*head), u64::from_le_bytes(*tail)),
        _ => (crate::document::padded_u64(bytes), 0),
    };
    let mixed =
        (head ^ tail.rotate_left(29) ^ bytes.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    // Nothing to shift for a single bucket (no forms).
    mixed.checked_shr(64 - bits).unwrap_or(0) as usize
}

/// What a bucket of [`Census::buckets`] holds, packed in a `u32`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FoldedBucket {
    Empty,
    /// One folded form, with the index of its statistics.
    One(usize),
    /// Several folded forms, in [`Census::folded`].
    Shared,
}

impl FoldedBucket {
    const EMPTY: u32 = 0;
    const SHARED: u32 = u32::MAX;

    fn of(packed: u32) -> FoldedBucket {
        match packed {
            Self::EMPTY => FoldedBucket::Empty,
            Self::SHARED => FoldedBucket::Shared,
            id => FoldedBucket::One(id as usize - 1),
        }
    }

    /// A bucket holding the folded form with statistics `id`; `None` for an index too
    /// large to pack (no article has that many forms), which is then looked up by hash.
    fn one(id: usize) -> Option<u32> {
        u32::try_from(id + 1)
            .ok()
            .filter(|&packed| packed != Self::SHARED)
    }
}

/// How the census takes a word token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// One part, not worth checking (see [`is_checkable`]).
    Unchecked,
    /// One part, checked as a whole.
    Whole,
    /// Hyphenated: checked part by part.
    Hyphenated,
}

impl Shape {
    fn of(token: &str) -> Shape {
        // A checkable token is letters only, so it has no hyphen: testing it first spares
        // most long words the search for one.
        if is_checkable(token) {
            Shape::Whole
        } else if token.contains('-') {
            Shape::Hyphenated
        } else {
            Shape::Unchecked
        }
    }
}

/// Numbers the distinct forms of the word parts. A whole word token has the form of its
/// vocabulary entry (see [`crate::document::Vocabulary`]), so most words are numbered
/// without hashing them again; only the parts of hyphenated words are looked up by text.
struct FormIds<'v, 'l, 'a> {
    vocabulary: &'v crate::document::Vocabulary<'a>,
    /// Folds and looks up each new form.
    folder: Folder<'l>,
    /// Vocabulary id → form id, once numbered.
    of_vocabulary: Vec<Option<usize>>,
    /// Vocabulary id → the shape of its tokens, once seen: news repeats its short words
    /// ("der", "und") far more often than it has distinct ones.
    shapes: Vec<Option<Shape>>,
    /// Parts that are no whole word of the article → form id.
    of_text: HashMap<&'a str, usize>,
}

impl<'v, 'l, 'a> FormIds<'v, 'l, 'a> {
    fn new(doc: &'v Document<'a>, lexicon: &'l Lexicon) -> FormIds<'v, 'l, 'a> {
        let forms = doc.vocabulary.forms.len();
        FormIds {
            vocabulary: &doc.vocabulary,
            folder: Folder::new(lexicon),
            of_vocabulary: vec![None; forms],
            shapes: vec![None; forms],
            of_text: HashMap::new(),
        }
    }

    /// The shape of the tokens of vocabulary form `v`.
    fn shape_of(&mut self, v: usize) -> Shape {
        let form = self.vocabulary.forms[v];
        *self.shapes[v].get_or_insert_with(|| Shape::of(form))
    }

    /// The form id of the tokens of vocabulary form `v`, numbered on first sight.
    fn of_word(&mut self, v: usize, forms: &mut Vec<DistinctForm<'a>>) -> usize {
        let form = self.vocabulary.forms[v];
        *self.of_vocabulary[v].get_or_insert_with(|| self.folder.push(forms, form))
    }

    fn of_part(&mut self, form: &'a str, forms: &mut Vec<DistinctForm<'a>>) -> usize {
        if let Some(v) = self.vocabulary.id_of(form) {
            return *self.of_vocabulary[v].get_or_insert_with(|| self.folder.push(forms, form));
        }
        *self
            .of_text
            .entry(form)
            .or_insert_with(|| self.folder.push(forms, form))
    }
}

/// Case-folds new forms and looks them up in the frequency list.
struct Folder<'l> {
    lexicon: &'l Lexicon,
    /// What folding and looking up gave for the words seen so far, in any article: a form
    /// the run has met before is read back with one hash of it, not folded, hashed for the
    /// frequency list and validated again. `None` for a language without a memo.
    memo: Option<&'static WordMemo<Folded>>,
    /// Each folded form is written here first, and copied only if it must be kept.
    scratch: String,
}

/// A form case-folded and looked up in the frequency list (see [`Folder::distinct`]).
#[derive(Debug, Clone)]
enum Folded {
    /// Folding leaves the form as it is; its frequency.
    Itself(Option<f32>),
    /// The frequency list's own copy of the folded form, and its frequency.
    Listed(&'static str, f32),
    /// Folded, and in no list (mostly names).
    Unlisted(Box<str>),
}

/// One memo per language (`lang::SUPPORTED`, in its order), keyed by the form as written.
static FOLDED: LazyLock<[WordMemo<Folded>; lang::SUPPORTED.len()]> =
    LazyLock::new(|| std::array::from_fn(|_| WordMemo::new()));

fn folded_memo(code: &str) -> Option<&'static WordMemo<Folded>> {
    let index = lang::SUPPORTED.iter().position(|&c| c == code)?;
    FOLDED.get(index)
}

impl<'l> Folder<'l> {
    fn new(lexicon: &'l Lexicon) -> Folder<'l> {
        Folder {
            lexicon,
            memo: folded_memo(lexicon.code),
            scratch: String::new(),
        }
    }

    /// Numbers a new distinct form.
    fn push<'a>(&mut self, forms: &mut Vec<DistinctForm<'a>>, form: &'a str) -> usize {
        forms.push(self.distinct(form));
        forms.len() - 1
    }

    /// A new distinct form, case-folded and looked up. The folded form is borrowed from the
    /// form when that is folded already (most lower-case words), else from the frequency
    /// list when the list has it (most capitalised words: the list's copy is the same text
    /// and lives as long as the program); only the rest (mostly names) is copied.
    fn distinct<'a>(&mut self, form: &'a str) -> DistinctForm<'a> {
        let read = |folded: &Folded| match folded {
            Folded::Itself(zipf) => (Cow::Borrowed(form), *zipf),
            Folded::Listed(listed, zipf) => (Cow::Borrowed(*listed), Some(*zipf)),
            Folded::Unlisted(folded) => (Cow::Owned(folded.to_string()), None),
        };
        let (folded, zipf) = match self.memo {
            Some(memo) => memo.read_or(form, || self.fold(form), read),
            None => read(&self.fold(form)),
        };
        DistinctForm {
            form,
            folded,
            // Numbered once all forms are known (see `Census::tally`).
            folded_id: 0,
            zipf,
            count: 0,
        }
    }

    /// Folds a form and looks it up.
    fn fold(&mut self, form: &str) -> Folded {
        if is_folded(form) {
            return Folded::Itself(self.lexicon.zipf(form));
        }
        lexicon::fold_into(form, &mut self.scratch);
        match self.lexicon.listed(&self.scratch) {
            Some((listed, zipf)) => Folded::Listed(listed, zipf),
            None => Folded::Unlisted(self.scratch.as_str().into()),
        }
    }
}

/// Whether case-folding leaves a form as it is (see [`lexicon::fold`]).
fn is_folded(form: &str) -> bool {
    // One pass over the ASCII start: there only the capitals change. The first non-ASCII
    // byte starts a character (it follows ASCII), from which on characters are asked.
    let bytes = form.as_bytes();
    match bytes
        .iter()
        .position(|b| !b.is_ascii() || b.is_ascii_uppercase())
    {
        None => true,
        Some(at) if bytes[at].is_ascii() => false,
        Some(at) => form[at..].chars().all(folds_to_itself),
    }
}

/// Whether [`lexicon::fold`] leaves a character as it is. Answered directly for Latin-1,
/// where German's letters are: there only the capitals change, and "ß" (to "ss"). Beyond,
/// a character is asked whether it is its own lower case: not only capitals change
/// ("ẞ"), but also title-case letters ("ǅ"), which are no capitals.
fn folds_to_itself(c: char) -> bool {
    match lexicon::latin_1_lower(c) {
        Some(lower) => lower == c && c != 'ß',
        None => {
            let mut lower = c.to_lowercase();
            lower.next() == Some(c) && lower.next().is_none()
        }
    }
}

/// The spans of the hyphen-separated parts of a word token, each with whether a hyphen
/// follows it.
fn parts(text: &str, span: &Range<usize>) -> impl Iterator<Item = (Range<usize>, bool)> {
    let token = &text[span.clone()];
    let mut start = span.start;
    token.split('-').map(move |part| {
        let range = start..start + part.len();
        start = range.end + 1;
        (range.clone(), range.end < span.end)
    })
}

/// Words worth checking: long enough, letters only (Latin script), no inner capitals
/// (acronyms such as "NATO", brands such as "iPhone" or "McDonald").
fn is_checkable(form: &str) -> bool {
    // A form has no more letters than bytes.
    if form.len() < MIN_CHARS {
        return false;
    }
    let bytes = form.as_bytes();
    if !bytes[0].is_ascii() {
        return checkable_letters(form, 0);
    }
    // An ASCII start is tested byte by byte, in one pass: an ASCII letter is a Latin letter,
    // and ASCII upper case is the only upper case there is in ASCII; a letter that is no
    // capital is a lower-case one.
    if !bytes[0].is_ascii_alphabetic() {
        return false;
    }
    let lower = 1 + bytes[1..]
        .iter()
        .take_while(|b| b.is_ascii_lowercase())
        .count();
    match bytes.get(lower) {
        // All letters, and at least `MIN_CHARS` of them, one per byte.
        None => true,
        // A digit, a sign or an inner capital.
        Some(b) if b.is_ascii() => false,
        // The first non-ASCII character: the rest is tested letter by letter, counting the
        // `lower` letters before it. It starts at a character boundary, as it follows ASCII.
        Some(_) => checkable_letters(&form[lower..], lower),
    }
}

/// The letter-by-letter test of [`is_checkable`] for the rest of a form that follows
/// `letters` letters (none of them a capital, but maybe the first).
fn checkable_letters(rest: &str, mut letters: usize) -> bool {
    for c in rest.chars() {
        match latin_letter_case(c) {
            None => return false,
            Some(upper) if upper && letters > 0 => return false,
            Some(_) => letters += 1,
        }
    }
    letters >= MIN_CHARS
}

/// For a letter of the Latin script (up to U+024F), whether it is upper case; `None` for
/// any other character. ASCII and Latin-1 (German's letters) are answered directly, the
/// Latin Extended letters by the Unicode tables.
fn latin_letter_case(c: char) -> Option<bool> {
    match c {
        'a'..='z' | 'ª' | 'µ' | 'º' | 'ß'..='ö' | 'ø'..='ÿ' => Some(false),
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => Some(true),
        '\0'..='\u{FF}' => None,
        '\u{100}'..='\u{24F}' if c.is_alphabetic() => Some(c.is_uppercase()),
        _ => None,
    }
}

/// Whether a token is part of a web or e-mail address, a handle or a hashtag: the
/// whitespace-separated chunk around it holds `@`, `#`, `://`, `www.` or a dotted domain.
fn is_address(text: &str, span: &Range<usize>) -> bool {
    if !touches_mark(text, span) {
        return false;
    }
    let start = text[..span.start]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[span.end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| span.end + i);
    let chunk = text[start..end].trim_end_matches(|c: char| !c.is_alphanumeric());
    chunk.contains(['@', '#'])
        || chunk.contains("://")
        || chunk.starts_with("www.")
        || chunk
            .split_once('.')
            .is_some_and(|(a, b)| !a.is_empty() && b.starts_with(|c: char| c.is_lowercase()))
}

/// Whether the character before or after a token is one of the marks of an address. The
/// marks are ASCII, and in UTF-8 an ASCII byte is always a whole character, so the bytes
/// around the token tell without decoding the characters.
fn touches_mark(text: &str, span: &Range<usize>) -> bool {
    let mark = |b: &u8| matches!(b, b'.' | b'@' | b'/' | b':' | b'#' | b'_');
    let bytes = text.as_bytes();
    let before = span.start.checked_sub(1).and_then(|i| bytes.get(i));
    before.is_some_and(mark) || bytes.get(span.end).is_some_and(mark)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ReadOptions;

    fn census(text: &str) -> (Vec<String>, HashMap<String, usize>) {
        let doc = Document::parse(
            text,
            &ReadOptions {
                language: Some("de".into()),
                ..ReadOptions::default()
            },
        );
        let Some(Ok(lexicon)) = lexicon::lexicon("de") else {
            panic!("German lexicon");
        };
        let census = Census::of(&doc, lexicon);
        let words = census
            .occurrences
            .iter()
            .map(|o| o.form.to_string())
            .collect();
        for distinct in &census.forms {
            let stats = &census.stats[distinct.folded_id];
            assert_eq!(
                census.stats_of(&distinct.folded).map(|s| s.count),
                Some(stats.count)
            );
        }
        let counts = census
            .folded_forms()
            .map(|(k, v)| (k.to_string(), v.count))
            .collect();
        (words, counts)
    }

    #[test]
    fn hyphenated_words_are_checked_by_part_and_short_or_odd_words_not_at_all() {
        let (words, _) = census("Der Ukraine-Krieg, die NATO, G7-Staaten und www.example.com.");
        assert_eq!(words, vec!["Ukraine", "Krieg", "Staaten"]);
    }

    /// Tricky forms for the fast paths: ASCII and not, umlauts, ß, hyphens, digits,
    /// capitals first and inside, short and long.
    const TRICKY: &[&str] = &[
        "der",
        "Haus",
        "haus",
        "HAUS",
        "iPhone",
        "McDonald",
        "Straße",
        "STRASSE",
        "Ärger",
        "ärger",
        "über",
        "Über",
        "groß",
        "GROẞ",
        "Ukraine-Krieg",
        "G7",
        "abc1",
        "Zoë",
        "café",
        "naïve",
        "Łódź",
        "Ab",
        "Äb",
        "Ääää",
        "aÄbc",
        "Øresund",
        "ªbcd",
        "abc×",
        "Ǆemal",
        "ǅemal",
        "aǅem",
        "Москва",
        "x\u{300}yz",
        "Bundes-",
        "Aäbc",
        "Abcä",
        "abcÄ",
        "aBcä",
        "Ab1ä",
        "Ab-ä",
        "Abäc1",
        "Abäc",
        "Aä",
        "Aääb",
        "ÄbcD",
        "",
    ];

    #[test]
    fn the_ascii_fast_paths_agree_with_the_character_paths() {
        // The tests as they read without a fast path.
        let checkable = |form: &str| {
            let mut letters = 0;
            for c in form.chars() {
                let latin_letter = c <= '\u{24F}' && c.is_alphabetic();
                if !latin_letter || (letters > 0 && c.is_uppercase()) {
                    return false;
                }
                letters += 1;
            }
            letters >= MIN_CHARS
        };
        for &form in TRICKY {
            assert_eq!(is_checkable(form), checkable(form), "{form}");
            assert_eq!(is_folded(form), lexicon::fold(form) == form, "{form}");
        }
    }

    #[test]
    fn a_token_is_hyphenated_whenever_it_holds_a_hyphen() {
        // The order of the tests as it reads without the shortcut.
        let shape = |token: &str| {
            if token.contains('-') {
                Shape::Hyphenated
            } else if is_checkable(token) {
                Shape::Whole
            } else {
                Shape::Unchecked
            }
        };
        for &token in TRICKY
            .iter()
            .chain(&["Abc-", "-Abcd", "ab-cdefg", "Äbcd-Efgh", "-"])
        {
            assert_eq!(Shape::of(token), shape(token), "{token}");
        }
    }

    #[test]
    fn marks_are_found_by_byte_as_by_character() {
        let by_char = |text: &str, span: &Range<usize>| {
            let marks = |c: char| matches!(c, '.' | '@' | '/' | ':' | '#' | '_');
            text[..span.start].chars().next_back().is_some_and(marks)
                || text[span.end..].chars().next().is_some_and(marks)
        };
        for text in [
            "a.b",
            "ä@ö",
            "x/ü_",
            "Ärger",
            "é:é",
            "#Haus",
            "www.zoë.de",
            "ß",
            "",
        ] {
            for (start, _) in text.char_indices().chain([(text.len(), ' ')]) {
                for (end, _) in text[start..]
                    .char_indices()
                    .chain([(text.len() - start, ' ')])
                {
                    let span = start..start + end;
                    assert_eq!(
                        touches_mark(text, &span),
                        by_char(text, &span),
                        "{text} {span:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_latin_1_fast_paths_agree_with_the_unicode_tables() {
        for c in ('\0'..='\u{2FF}').chain(['ẞ', 'Ω', 'ж', 'Ж', '\u{10FFFF}']) {
            let latin_letter = c <= '\u{24F}' && c.is_alphabetic();
            let expected = latin_letter.then(|| c.is_uppercase());
            assert_eq!(latin_letter_case(c), expected, "{c:?}");
            let text = c.to_string();
            assert_eq!(folds_to_itself(c), lexicon::fold(&text) == text, "{c:?}");
        }
    }

    #[test]
    fn folded_forms_are_borrowed_from_the_form_or_the_frequency_list() {
        let lexicon = lexicon::german();
        let mut folder = Folder::new(lexicon);
        for form in ["haus", "Haus", "Straße", "HAUS", "Wrzeszcz", "Zoë", "x"] {
            let distinct = folder.distinct(form);
            let folded = lexicon::fold(form);
            assert_eq!(distinct.folded, folded, "{form}");
            assert_eq!(distinct.zipf, lexicon.zipf(&folded), "{form}");
            let listed = lexicon.zipf(&folded).is_some();
            let borrowed = matches!(distinct.folded, Cow::Borrowed(_));
            assert_eq!(borrowed, listed || folded == form, "{form}");
        }
    }

    #[test]
    fn folded_forms_are_found_in_crowded_buckets_too() {
        // Enough forms that many buckets hold several, some spelled two ways.
        let mut text = String::new();
        let letters = b"abcdefghijklmnopqrstuvwxyz";
        for i in 0..3000 {
            let letter = |n: usize| char::from(letters[n % 26]);
            let word = format!("wort{}{}{}", letter(i), letter(i / 26), letter(i / 676));
            text.push_str(&word);
            text.push(' ');
            if i % 7 == 0 {
                text.push_str(&lexicon::capitalise(&word));
                text.push_str(". ");
            }
        }
        let (words, counts) = census(&text);
        let mut expected: HashMap<String, usize> = HashMap::new();
        for word in &words {
            *expected.entry(lexicon::fold(word)).or_default() += 1;
        }
        assert_eq!(counts, expected);
    }

    #[test]
    fn forms_are_counted_regardless_of_case() {
        let (_, counts) = census("Die Russische Föderation und die russische Armee.");
        assert_eq!(counts["russische"], 2);
        assert_eq!(counts["föderation"], 1);
    }
}
