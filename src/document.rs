//! The document model: text → lines → blocks → sentences → tokens, all as byte spans into the
//! original text, plus what several checks need and should not each recompute: the article's
//! anatomy (non-article regions, the machine-translation disclaimer), quotation-mark pairing
//! and per-article word frequencies.
//!
//! A block is one non-empty line of article text: news pages put a paragraph, a headline or a
//! caption on each line. Lines inside excluded regions (paywalls, author bios …) produce no
//! block, so no check ever sees them and they do not count as words.

use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::anatomy::{self, Anatomy};
use crate::bilingual;
use crate::lang::{self, Language};
use crate::langid;
use crate::names::HouseList;
use crate::quotes::{self, QuoteMarks};

/// What a block of article text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// Running text: ends with terminal punctuation or has several sentences.
    Paragraph,
    /// A title or subheading: one short sentence without final punctuation.
    Headline,
    /// A picture caption: text followed by a photo credit ("… © Stringer/dpa").
    Caption,
    /// A line that is only a photo credit.
    Credit,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// The whole line (without the line break).
    pub span: Range<usize>,
    /// The text before a trailing photo credit; equal to `span` when there is none.
    pub body: Range<usize>,
    /// A trailing photo credit ("© Mikhail Klimentyev/Imago").
    pub credit: Option<Range<usize>>,
    /// Indexes into `Document::sentences`.
    pub sentences: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: Range<usize>,
    pub block: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens or apostrophes ("US-Präsidenten").
    Word,
    /// Digits with inner separators ("10.000", "4,8").
    Number,
    /// Any other single non-space character.
    Punct,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Range<usize>,
    /// Whether the token holds a digit, a numeric character that is no letter (every decimal
    /// digit; not the Roman numeral Ⅻ, which is a letter too): every number does, and so do
    /// words such as "A380" or "5ft".
    pub digits: bool,
}

/// How to read a document.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Target language code that overrides detection (`--lang`).
    pub language: Option<String>,
    /// A newsroom's house list of names, used instead of the embedded one for documents in
    /// its language (build it with [`HouseList::merged`] to keep the embedded rows).
    pub house_names: Option<Arc<HouseList>>,
}

/// A parsed article.
#[derive(Debug)]
pub struct Document<'a> {
    pub text: &'a str,
    /// The target language code (from `--lang`, the disclaimer, or detection).
    pub language: String,
    /// Data for the target language, if mtlint has any.
    pub lang: Option<&'static Language>,
    pub anatomy: Anatomy,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub quotes: QuoteMarks,
    /// The distinct word forms of the article text (case-sensitive), with their counts.
    pub vocabulary: Vocabulary<'a>,
    /// The sentences written in another language than the target (untranslated text).
    pub languages: langid::Profile,
    /// The original article, aligned block by block (bilingual mode, `--source`).
    pub source: Option<bilingual::Source>,
    /// The newsroom's house list of names, if one was given (see [`ReadOptions`]).
    pub house_names: Option<Arc<HouseList>>,
    /// The names mentioned in the article, found on first use by the name checks.
    pub name_mentions: std::sync::OnceLock<crate::names::mentions::Found>,
    /// The names spelled two ways, found on first use by the name checks.
    pub name_variants: std::sync::OnceLock<Vec<crate::names::variants::Variant>>,
    /// The names the article is about, found on first use by the name checks.
    pub name_subjects: std::sync::OnceLock<crate::names::Subjects>,
}

impl<'a> Document<'a> {
    pub fn parse(text: &'a str, options: &ReadOptions) -> Document<'a> {
        Document::parse_with_source(text, options, None)
    }

    /// Parses a translation together with its original article (`source`), which the
    /// bilingual checks compare it with.
    pub fn parse_with_source(
        text: &'a str,
        options: &ReadOptions,
        source: Option<&str>,
    ) -> Document<'a> {
        let lines = line_spans(text);
        let disclaimer = anatomy::find_disclaimer(text, &lines);
        let language = options
            .language
            .clone()
            .or_else(|| disclaimer.as_ref().and_then(|d| d.target.clone()))
            .unwrap_or_else(|| detect_language(text));
        let lang = lang::language(&language);
        let anatomy = Anatomy::read(text, &lines, lang, disclaimer);
        let mut doc = Document {
            text,
            language,
            lang,
            anatomy,
            blocks: Vec::new(),
            sentences: Vec::new(),
            tokens: Vec::new(),
            quotes: QuoteMarks::default(),
            vocabulary: Vocabulary::default(),
            languages: langid::Profile::default(),
            source: None,
            house_names: options.house_names.clone(),
            name_mentions: std::sync::OnceLock::new(),
            name_variants: std::sync::OnceLock::new(),
            name_subjects: std::sync::OnceLock::new(),
        };
        doc.build_blocks(&lines);
        doc.tokens = tokenize_blocks(text, &doc.blocks);
        doc.vocabulary = Vocabulary::of(text, &doc.tokens);
        doc.quotes = quotes::analyse(&doc);
        doc.languages = langid::profile(&doc, langid::DEFAULT_BACKEND);
        doc.source = source.map(|s| bilingual::Source::align(s, &doc));
        doc
    }

    fn build_blocks(&mut self, lines: &[Range<usize>]) {
        self.blocks.reserve(lines.len());
        // One buffer for the sentence spans of every block, rather than a vector per block.
        let mut spans = Vec::new();
        for line in lines {
            let span = trim_span(self.text, line.clone());
            if span.is_empty() || self.anatomy.is_excluded(span.start) {
                continue;
            }
            let credit = self.lang.and_then(|l| find_credit(self.text, &span, l));
            let body = match &credit {
                Some(c) => trim_span(self.text, span.start..c.start),
                None => span.clone(),
            };
            let first = self.sentences.len();
            let block_index = self.blocks.len();
            split_sentences(self.text, body.clone(), self.lang, &mut spans);
            self.sentences.extend(spans.drain(..).map(|span| Sentence {
                span,
                block: block_index,
            }));
            let sentences = first..self.sentences.len();
            let kind = classify_block(self.text, &body, credit.is_some(), sentences.len());
            self.blocks.push(Block {
                kind,
                span,
                body,
                credit,
                sentences,
            });
        }
    }

    /// The text of a span.
    pub fn slice(&self, span: &Range<usize>) -> &'a str {
        &self.text[span.clone()]
    }

    /// Words of article text, the denominator of the score.
    pub fn word_count(&self) -> usize {
        self.tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count()
    }

    /// The tokens inside `span`, in order.
    pub fn tokens_in(&self, span: &Range<usize>) -> &[Token] {
        &self.tokens[self.token_range(span)]
    }

    /// The indexes into [`Document::tokens`] of the tokens starting inside a byte span
    /// (they index the vocabulary too).
    pub fn token_range(&self, span: &Range<usize>) -> Range<usize> {
        let from = self.tokens.partition_point(|t| t.span.start < span.start);
        let to = self.tokens.partition_point(|t| t.span.start < span.end);
        from..to
    }

    /// The sentences of a block.
    pub fn sentences_of(&self, block: &Block) -> &[Sentence] {
        &self.sentences[block.sentences.clone()]
    }

    /// The 1-based line number of a byte offset, for evidence that points to another line.
    pub fn line_number(&self, pos: usize) -> usize {
        line_at(self.text, pos)
    }

    /// How often a word form occurs in the article.
    pub fn count(&self, word: &str) -> usize {
        self.vocabulary.count(word)
    }
}

/// The 1-based line of a byte offset of `text`.
pub fn line_at(text: &str, pos: usize) -> usize {
    text.as_bytes()[..pos.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Byte spans of the lines, without their line breaks.
pub fn line_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start = 0;
    // A line break is one byte, never part of another character: memchr finds it with SIMD,
    // where `str::match_indices` looks byte-wise.
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        spans.push(start..strip_cr(text, start, i));
        start = i + 1;
    }
    if start < text.len() {
        spans.push(start..strip_cr(text, start, text.len()));
    }
    spans
}

fn strip_cr(text: &str, start: usize, end: usize) -> usize {
    if end > start && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

/// Narrows a span to exclude leading and trailing white space.
pub fn trim_span(text: &str, span: Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.start + s.trim_end().len();
    start..end.max(start)
}

fn find_credit(text: &str, span: &Range<usize>, lang: &Language) -> Option<Range<usize>> {
    let pattern = lang.credit.as_ref()?;
    let line = &text[span.clone()];
    // Exact: every credit match contains one of the marks, so a line without any has none.
    if let Some(gate) = &lang.credit_gate
        && !gate.is_match(line)
    {
        return None;
    }
    let m = pattern.find(line)?;
    Some(span.start + m.start()..span.end)
}

fn classify_block(
    text: &str,
    body: &Range<usize>,
    has_credit: bool,
    sentences: usize,
) -> BlockKind {
    let body_text = &text[body.clone()];
    if body_text.is_empty() {
        return BlockKind::Credit;
    }
    if has_credit {
        return BlockKind::Caption;
    }
    // Counting words is the costly test, so it comes last and stops past the limit.
    if sentences <= 1
        && !ends_with_terminal(body_text)
        && body_text.split_whitespace().take(21).count() <= 20
    {
        BlockKind::Headline
    } else {
        BlockKind::Paragraph
    }
}

/// Whether text ends with sentence-final punctuation (closing quotes and brackets aside).
pub fn ends_with_terminal(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| is_closing_mark(c) || c.is_whitespace());
    trimmed.ends_with(['.', '!', '?', '…', ':', ';'])
}

fn is_closing_mark(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '"' | '«' | '»' | '‘' | '’' | ')' | ']' | '\''
    )
}

fn is_opening_mark(c: char) -> bool {
    matches!(
        c,
        '„' | '“' | '"' | '»' | '«' | '‚' | '‘' | '(' | '[' | '\''
    )
}

/// Splits a block body into sentences. A boundary is terminal punctuation followed by space
/// and an upper-case letter, a digit or an opening mark — unless the full stop ends a known
/// abbreviation, an initial ("Daniel K. Inouye") or an ordinal before a month ("7. Mai").
/// The sentence spans are appended to `out`.
fn split_sentences(
    text: &str,
    body: Range<usize>,
    lang: Option<&Language>,
    out: &mut Vec<Range<usize>>,
) {
    let s = &text[body.clone()];
    // Byte offsets into `s`.
    let mut start = 0;
    let mut from = 0;
    while let Some(mark) = next_terminal(s, from) {
        let stop = s[mark..].starts_with('.');
        // Take closing quotes and brackets along with the terminal mark.
        let mut end = mark + s[mark..].chars().next().map_or(1, char::len_utf8);
        while let Some(c) = s[end..]
            .chars()
            .next()
            .filter(|&c| is_closing_mark(c) || c == '.')
        {
            end += c.len_utf8();
        }
        let rest = &s[end..];
        if rest.starts_with(char::is_whitespace)
            && starts_new_sentence(rest)
            && !(stop && is_non_final_stop(text, body.start + start, body.start + mark, lang))
        {
            out.push(body.start + start..body.start + end);
            start = s.len() - rest.trim_start().len();
        }
        from = end.max(start);
    }
    if start < s.len() {
        out.push(body.start + start..body.end);
    }
}

/// The byte offset of the first sentence-final mark (. ! ? …) of `s` at or after `from`.
/// Looks at bytes: the ASCII marks are bytes of their own, and … starts with 0xE2.
fn next_terminal(s: &str, from: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let rest = bytes.get(from..)?;
    let ascii = memchr::memchr3(b'.', b'!', b'?', rest).map_or(bytes.len(), |p| from + p);
    // Typographic quotes and dashes start with 0xE2 too, so each such byte before the first
    // ASCII mark is looked at.
    let ellipsis = "…".as_bytes();
    let mut at = from;
    while let Some(p) = memchr::memchr(ellipsis[0], &bytes[at..ascii]) {
        let i = at + p;
        if bytes[i..].starts_with(ellipsis) {
            return Some(i);
        }
        at = i + 1;
    }
    (ascii < bytes.len()).then_some(ascii)
}

fn starts_new_sentence(rest: &str) -> bool {
    rest.chars()
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_opening_mark(c))
}

/// A full stop that belongs to an abbreviation, an initial or an ordinal number.
fn is_non_final_stop(
    text: &str,
    sentence_start: usize,
    stop: usize,
    lang: Option<&Language>,
) -> bool {
    let before = &text[sentence_start..stop];
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    if word.chars().all(|c| c.is_ascii_digit()) {
        // "7. Mai", "seinen 21. Geburtstag": short numbers with a stop are ordinals; a year
        // ("im Jahr 2019. Der …") ends its sentence.
        return word.len() <= 3;
    }
    let single_capital = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_capital || lang.is_some_and(|l| l.abbreviations.contains(word))
}

fn tokenize_blocks(text: &str, blocks: &[Block]) -> Vec<Token> {
    // News text has about one token per seven bytes; room for one per four saves growing the
    // vector several times per article.
    let bytes: usize = blocks.iter().map(|b| b.span.len()).sum();
    let mut tokens = Vec::with_capacity(bytes / 4);
    for block in blocks {
        tokenize(text, block.span.clone(), &mut tokens);
    }
    tokens
}

/// Splits a span into word, number and punctuation tokens.
pub fn tokenize(text: &str, span: Range<usize>, out: &mut Vec<Token>) {
    let s = &text[span.clone()];
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII, nearly all of news text, is told apart by its byte; only other characters
        // are decoded. The ASCII white space of `char::is_whitespace` is ' ' and \t..=\r.
        let (kind, end, digits) = match b {
            b' ' | b'\t'..=b'\r' => {
                i += 1;
                continue;
            }
            b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => word_or_number(s, i, char::from(b)),
            0..=0x7F => (TokenKind::Punct, i + 1, false),
            _ => {
                let Some(c) = char_at(s, i) else { break };
                if c.is_whitespace() {
                    i += c.len_utf8();
                    continue;
                }
                if is_alphanumeric(c) {
                    word_or_number(s, i, c)
                } else {
                    (TokenKind::Punct, i + c.len_utf8(), false)
                }
            }
        };
        out.push(Token {
            kind,
            span: span.start + i..span.start + end,
            digits,
        });
        i = end;
    }
}

/// The character of `s` that starts at byte `i`, if one does; ASCII needs no decoding.
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => s.get(i..).and_then(|rest| rest.chars().next()),
    }
}

/// The kind and end of the word or number of `s` that starts with the letter or digit
/// `first` at byte `start`, and whether it holds a digit.
fn word_or_number(s: &str, start: usize, first: char) -> (TokenKind, usize, bool) {
    let bytes = s.as_bytes();
    // An ASCII first character is read by the run of ASCII letters and digits below.
    let (mut end, mut has_letter, mut has_digit) = if first.is_ascii() {
        (start, false, false)
    } else {
        let letter = is_alphabetic(first);
        // An alphanumeric character that is no letter is a digit.
        (start + first.len_utf8(), letter, !letter)
    };
    loop {
        // Runs of ASCII letters and digits, most of any token, need no decoding; letters are
        // counted eight bytes at a time where the span has eight more.
        loop {
            let letters = bytes
                .get(end..end + 8)
                .and_then(|w| <[u8; 8]>::try_from(w).ok())
                .map_or(0, |w| leading_ascii_letters(u64::from_le_bytes(w)));
            if letters > 0 {
                has_letter = true;
                end += letters;
                if letters == 8 {
                    continue;
                }
            }
            match bytes.get(end) {
                Some(b) if b.is_ascii_alphabetic() => has_letter = true,
                Some(b) if b.is_ascii_digit() => has_digit = true,
                _ => break,
            }
            end += 1;
        }
        // Any other ASCII character but a joiner ends the token: it is no letter or digit.
        match bytes.get(end) {
            None => break,
            Some(&b) if b.is_ascii() && !is_joiner(char::from(b)) => break,
            Some(_) => {}
        }
        let Some(d) = char_at(s, end) else {
            break;
        };
        let joins = is_joiner(d)
            && char_at(s, end + d.len_utf8()).is_some_and(|n| joiner_allowed(d, n, has_letter));
        if !(joins || is_alphanumeric(d)) {
            break;
        }
        let letter = is_alphabetic(d);
        has_letter |= letter;
        has_digit |= !letter && is_alphanumeric(d);
        end += d.len_utf8();
    }
    let kind = if has_letter {
        TokenKind::Word
    } else {
        TokenKind::Number
    };
    (kind, end, has_digit)
}

/// How many of eight bytes (read little-endian), from the first, are ASCII letters before any
/// other byte.
pub(crate) fn leading_ascii_letters(word: u64) -> usize {
    // Setting bit 5 maps A–Z onto a–z and no other byte into a–z; a byte from 0x80 up is
    // flagged by its own high bit (its carry can only spoil later bytes).
    let lower = word | (0x20 * ASCII_ONES);
    let other = (!ascii_bytes_between(lower, b'a', b'z') | word) & ASCII_HIGH;
    other.trailing_zeros() as usize / 8
}

const ASCII_ONES: u64 = 0x0101_0101_0101_0101;
const ASCII_HIGH: u64 = 0x80 * ASCII_ONES;

/// At most eight bytes in one number (little-endian), padded with zero bytes. Read as two
/// overlapping halves rather than copied byte by byte: the bytes both halves hold are the
/// same, so or-ing them in is exact.
pub(crate) fn padded_u64(bytes: &[u8]) -> u64 {
    let bytes = &bytes[..bytes.len().min(8)];
    let n = bytes.len();
    let read = |part: &[u8]| part.iter().rev().fold(0, |v, &b| v << 8 | u64::from(b));
    match n {
        0 => 0,
        1 => u64::from(bytes[0]),
        2..=3 => read(&bytes[..2]) | read(&bytes[n - 2..]) << (8 * (n - 2)),
        _ => read(&bytes[..4]) | read(&bytes[n - 4..]) << (8 * (n - 4)),
    }
}

/// At most eight ASCII bytes, lower-cased, in one number, padded with zero bytes: a word
/// holds no zero byte, so two words of at most eight bytes have the same key only if they
/// are the same ignoring ASCII case.
pub(crate) fn ascii_lower_key(bytes: &[u8]) -> u64 {
    let key = padded_u64(bytes);
    // The capitals get bit 5 (their high bit, 0x80, shifted down by two) set.
    key | (ascii_bytes_between(key, b'A', b'Z') >> 2)
}

/// The high bit of each of eight bytes (read as one number) that lies between `lo` and `hi`
/// (ASCII, inclusive). Exact for ASCII bytes, whose sums below stay inside the byte; a byte
/// from 0x80 up may carry into the next, so callers look at those bytes themselves.
pub(crate) fn ascii_bytes_between(word: u64, lo: u8, hi: u8) -> u64 {
    let from_lo = word.wrapping_add(u64::from(0x80 - lo) * ASCII_ONES);
    let past_hi = word.wrapping_add(u64::from(0x80 - hi - 1) * ASCII_ONES);
    from_lo & !past_hi & ASCII_HIGH
}

/// A character that may join the parts of one token when letters or digits stand on both
/// sides ("Baden-Baden", "geht's", "3.5", "1,000"; see [`joiner_allowed`]).
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | ',')
}

/// Inside a token, hyphens and apostrophes join letters; full stops and commas join digits.
fn joiner_allowed(joiner: char, next: char, has_letter: bool) -> bool {
    match joiner {
        '.' | ',' => !has_letter && next.is_ascii_digit(),
        _ => is_alphanumeric(next),
    }
}

/// `char::is_alphabetic`, with the Latin-1 letters of European text (ä, ß, é …) and the
/// typographic quotes and dashes answered without a look-up in the Unicode tables.
pub(crate) fn is_alphabetic(c: char) -> bool {
    latin1_or_punctuation_letter(c).unwrap_or_else(|| c.is_alphabetic())
}

/// `char::is_alphanumeric`, with the same shortcuts as [`is_alphabetic`] (no character of
/// either range is a digit).
fn is_alphanumeric(c: char) -> bool {
    latin1_or_punctuation_letter(c).unwrap_or_else(|| c.is_alphanumeric())
}

/// Whether `c` is a letter, for the two ranges answered without the Unicode tables: all of
/// U+00C0–U+00FF but × and ÷ are letters, nothing in General Punctuation (U+2000–U+206F) is;
/// `None` for any other character.
fn latin1_or_punctuation_letter(c: char) -> Option<bool> {
    match c {
        '\u{C0}'..='\u{FF}' => Some(c != '×' && c != '÷'),
        '\u{2000}'..='\u{206F}' => Some(false),
        _ => None,
    }
}

/// The distinct word forms of an article. What is known about a word (is it a name, a common
/// noun, a give-away of another language?) is worked out once per form and then read by the
/// form's index, not looked up again at every occurrence.
#[derive(Debug, Default)]
pub struct Vocabulary<'a> {
    /// Each distinct form, in order of first occurrence.
    pub forms: Vec<&'a str>,
    /// For each token of the document, the index of its form; [`Vocabulary::NONE`] for
    /// numbers and punctuation.
    ids: Vec<u32>,
    counts: Vec<u32>,
    /// Form → id, with a fast hasher: this runs for every word of every article, and the
    /// keys come from the article itself, not from an adversary.
    index: FxHashMap<&'a str, u32>,
}

impl<'a> Vocabulary<'a> {
    /// The id of tokens that are not words.
    pub const NONE: u32 = u32::MAX;

    fn of(text: &'a str, tokens: &[Token]) -> Vocabulary<'a> {
        let mut v = Vocabulary::default();
        v.ids.reserve(tokens.len());
        // Sized for the worst case (every word distinct) so the index never rehashes: an
        // article has a few hundred words, and most of its forms are distinct.
        let words = tokens.iter().filter(|t| t.kind == TokenKind::Word).count();
        v.index.reserve(words);
        v.forms.reserve(words);
        v.counts.reserve(words);
        for t in tokens {
            if t.kind != TokenKind::Word {
                v.ids.push(Self::NONE);
                continue;
            }
            let form = &text[t.span.clone()];
            let next = v.forms.len() as u32;
            let id = *v.index.entry(form).or_insert(next);
            if id == next {
                v.forms.push(form);
                v.counts.push(0);
            }
            v.counts[id as usize] += 1;
            v.ids.push(id);
        }
        v
    }

    /// The form index of a word the document has as a whole token.
    pub fn id_of(&self, form: &str) -> Option<usize> {
        self.index.get(form).map(|&id| id as usize)
    }

    /// The form index of token `token`, if it is a word.
    pub fn id(&self, token: usize) -> Option<usize> {
        self.ids
            .get(token)
            .filter(|&&id| id != Self::NONE)
            .map(|&id| id as usize)
    }

    /// For each token of the document, in order, the form index if it is a word.
    pub fn ids(&self) -> impl ExactSizeIterator<Item = Option<usize>> + '_ {
        self.ids
            .iter()
            .map(|&id| (id != Self::NONE).then_some(id as usize))
    }

    /// The first token of `tokens` whose form `marked` marks (by form id), if any. Scans the
    /// form ids alone: checks that only care for a few forms pass over the rest of an
    /// article's words this way.
    pub fn next_marked(&self, tokens: Range<usize>, marked: &[bool]) -> Option<usize> {
        let start = tokens.start;
        // A token that is no word has the id NONE, which no table reaches.
        let k = (self.ids.get(tokens)?.iter())
            .position(|&id| marked.get(id as usize) == Some(&true))?;
        Some(start + k)
    }

    /// How often a form occurs.
    pub fn count(&self, form: &str) -> usize {
        self.index
            .get(form)
            .map_or(0, |&id| self.counts[id as usize] as usize)
    }
}

/// Detects the language of a text; "und" (undetermined) when unsure.
pub fn detect_language(text: &str) -> String {
    // Statistical detection is the most expensive step of checking an article; running text
    // of a language mtlint has data for is recognised far more cheaply by its frequent words.
    if let Some(code) = lang::recognise(text) {
        return code.to_string();
    }
    let sample: String = text.chars().take(20_000).collect();
    whatlang::detect(&sample)
        .map(|info| iso639_1(info.lang()).to_string())
        .unwrap_or_else(|| "und".to_string())
}

fn iso639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Deu => "de",
        Eng => "en",
        Fra => "fr",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Rus => "ru",
        Ukr => "uk",
        Pol => "pl",
        Tur => "tr",
        Swe => "sv",
        Dan => "da",
        Nob => "nb",
        Fin => "fi",
        Ces => "cs",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn german(text: &str) -> Document<'_> {
        Document::parse(
            text,
            &ReadOptions {
                language: Some("de".into()),
                ..ReadOptions::default()
            },
        )
    }

    fn sentences(text: &str) -> Vec<&str> {
        let doc = german(text);
        doc.sentences.iter().map(|s| doc.slice(&s.span)).collect()
    }

    #[test]
    fn ordinal_dates_do_not_end_sentences() {
        assert_eq!(
            sentences("Am 7. Mai 2000 legte er den Eid ab. Danach ging er."),
            vec!["Am 7. Mai 2000 legte er den Eid ab.", "Danach ging er."]
        );
        assert_eq!(sentences("Seit dem 24. Februar 2022 ist Krieg.").len(), 1);
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences("Er zog nach St. Petersburg. Dort blieb er.").len(),
            2
        );
        assert_eq!(sentences("Etwa z. B. Dr. Meier kam.").len(), 1);
        assert_eq!(sentences("George W. Bush kam am Abend.").len(), 1);
    }

    #[test]
    fn a_year_can_end_a_sentence() {
        assert_eq!(
            sentences("Das war im Jahr 2019. Der Präsident kam.").len(),
            2
        );
    }

    #[test]
    fn quotes_travel_with_their_sentence() {
        assert_eq!(
            sentences("„Wir kommen.“ Das sagte er."),
            vec!["„Wir kommen.“", "Das sagte er."]
        );
    }

    #[test]
    fn a_lower_case_start_is_not_a_boundary() {
        assert_eq!(sentences("Er kam. in seiner Hand").len(), 1);
    }

    #[test]
    fn credits_are_split_off_captions() {
        let doc = german("Putin im Kreml. © Sergei Ilnitsky/dpa\n");
        let block = &doc.blocks[0];
        assert_eq!(block.kind, BlockKind::Caption);
        assert_eq!(doc.slice(&block.body), "Putin im Kreml.");
        assert_eq!(
            doc.slice(block.credit.as_ref().unwrap()),
            "© Sergei Ilnitsky/dpa"
        );
    }

    #[test]
    fn headlines_are_short_and_unpunctuated() {
        let doc = german("Russland und Nordkorea träumen von einer Einheitsfront\n\nEr kam.\n");
        assert_eq!(doc.blocks[0].kind, BlockKind::Headline);
        assert_eq!(doc.blocks[1].kind, BlockKind::Paragraph);
    }

    #[test]
    fn tokens_keep_hyphenated_words_and_numbers_whole() {
        let doc = german("Der US-Präsident nannte 10.000 und 4,8 Millionen.");
        let words: Vec<_> = doc
            .tokens
            .iter()
            .map(|t| (doc.slice(&t.span), t.kind))
            .collect();
        assert!(words.contains(&("US-Präsident", TokenKind::Word)));
        assert!(words.contains(&("10.000", TokenKind::Number)));
        assert!(words.contains(&("4,8", TokenKind::Number)));
        assert!(words.contains(&(".", TokenKind::Punct)));
    }

    #[test]
    fn word_counts_are_per_form() {
        let doc = german("Putin und Putin und Putins.");
        assert_eq!(doc.count("Putin"), 2);
        assert_eq!(doc.count("Putins"), 1);
        assert_eq!(doc.word_count(), 5);
        assert_eq!(doc.vocabulary.forms, ["Putin", "und", "Putins"]);
        assert_eq!(doc.vocabulary.id(2), Some(0));
        assert_eq!(doc.vocabulary.id(5), None, "the full stop is no word");
    }

    #[test]
    fn marked_forms_are_found_in_a_token_range() {
        let doc = german("Putin und Putin und Putins.");
        let putins = [false, false, true];
        assert_eq!(doc.vocabulary.next_marked(0..6, &putins), Some(4));
        assert_eq!(doc.vocabulary.next_marked(0..4, &putins), None);
        let putin = [true];
        assert_eq!(doc.vocabulary.next_marked(1..6, &putin), Some(2));
        assert_eq!(
            doc.vocabulary.next_marked(3..9, &putin),
            None,
            "past the end"
        );
    }

    /// The tokenizer without its ASCII shortcuts: every character decoded and classified by
    /// the Unicode tables.
    fn tokenize_by_chars(s: &str) -> Vec<(TokenKind, Range<usize>)> {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let at = |k: usize| chars.get(k).map(|&(_, c)| c);
        let pos = |k: usize| chars.get(k).map_or(s.len(), |&(i, _)| i);
        let mut out = Vec::new();
        let mut k = 0;
        while let Some(c) = at(k) {
            if c.is_whitespace() {
                k += 1;
                continue;
            }
            let start = k;
            k += 1;
            let kind = if c.is_alphanumeric() {
                let mut has_letter = c.is_alphabetic();
                while let Some(d) = at(k) {
                    let joins = matches!(d, '-' | '\'' | '’' | '.' | ',')
                        && at(k + 1).is_some_and(|n| match d {
                            '.' | ',' => !has_letter && n.is_ascii_digit(),
                            _ => n.is_alphanumeric(),
                        });
                    if !(joins || d.is_alphanumeric()) {
                        break;
                    }
                    has_letter |= d.is_alphabetic();
                    k += 1;
                }
                if has_letter {
                    TokenKind::Word
                } else {
                    TokenKind::Number
                }
            } else {
                TokenKind::Punct
            };
            out.push((kind, pos(start)..pos(k)));
        }
        out
    }

    #[test]
    fn tokenize_agrees_with_the_char_by_char_tokenizer() {
        let texts = [
            "Der US-Präsident nannte 10.000 und 4,8 Millionen.",
            "„Wir kommen“, sagte er – am 7. Mai 2000 … (dpa)",
            "rock’n’roll l'homme 3.5.2024 1,2,3 a-1 -x x- 'x' ’x’ x’",
            "tab\there\x0bvt\x0cff\r\nnew\u{85}nel\u{a0}nbsp\u{2009}thin\u{3000}ideo",
            "\u{1c}\u{1f} fs× ÷ × ŠKODA ǅ Ⅻ ½ ² ٣ 三 𝟎𝟏 𐐀",
            "Straße ſ \u{212A}elvin İstanbul Αθήνα Київ",
            "x.-y 1.-2 ,5 .5 5. 5, a.b a,b 1’2 a’1 1-a -1",
            "Donaudampfschifffahrtsgesellschaftskapitän abcdefgh12345678ijklmnop@[`{ AZaz",
            "Bundesregierungs-Sprecherin A380-Flugzeuge Straßenbahnhaltestelle",
            "",
            " ",
            "é",
            "…",
        ];
        for text in texts {
            let mut tokens = Vec::new();
            tokenize(text, 0..text.len(), &mut tokens);
            for t in &tokens {
                let numeric = text[t.span.clone()]
                    .chars()
                    .any(|c| c.is_numeric() && !c.is_alphabetic());
                assert_eq!(t.digits, numeric, "{text:?} {:?}", t.span);
            }
            let fast: Vec<_> = tokens.into_iter().map(|t| (t.kind, t.span)).collect();
            assert_eq!(fast, tokenize_by_chars(text), "{text:?}");
        }
        // A span inside a text: offsets count from the start of the text.
        let text = "ab Cd-ef 12";
        let mut tokens = Vec::new();
        tokenize(text, 3..text.len(), &mut tokens);
        assert_eq!(tokens[0].span, 3..8);
        assert_eq!(tokens[1].span, 9..11);
    }

    #[test]
    fn latin1_shortcuts_agree_with_unicode() {
        for c in ('\0'..='\u{3000}').chain(['\u{10400}', '\u{1D7CE}']) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn next_terminal_finds_the_first_mark() {
        let by_chars = |s: &str, from: usize| {
            s.char_indices()
                .find(|&(i, c)| i >= from && matches!(c, '.' | '!' | '?' | '…'))
                .map(|(i, _)| i)
        };
        let texts = [
            "Er kam. Sie ging!",
            "„Wir“ – sagt er… und? ja.",
            "… – „“",
            "",
            "abc",
            "a…b.c?",
        ];
        for text in texts {
            for from in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(
                    next_terminal(text, from),
                    by_chars(text, from),
                    "{text:?} {from}"
                );
            }
        }
    }

    #[test]
    fn ascii_lower_keys_are_lower_case_and_padded() {
        for text in ["THE", "The", "the", "@[`{", "AZaz09", "ABCDEFGH", "x", ""] {
            let lower = text.to_ascii_lowercase();
            let mut expected = [0u8; 8];
            expected[..lower.len()].copy_from_slice(lower.as_bytes());
            assert_eq!(
                ascii_lower_key(text.as_bytes()),
                u64::from_le_bytes(expected),
                "{text:?}"
            );
        }
        assert_ne!(ascii_lower_key(b"ab"), ascii_lower_key(b"abc"));
    }

    #[test]
    fn padded_u64_reads_up_to_eight_bytes() {
        let bytes = b"\x01\x82abcdefghij";
        for n in 0..=bytes.len() {
            let mut padded = [0u8; 8];
            let k = n.min(8);
            padded[..k].copy_from_slice(&bytes[..k]);
            assert_eq!(padded_u64(&bytes[..n]), u64::from_le_bytes(padded), "{n}");
        }
    }

    #[test]
    fn ascii_bytes_between_flags_exactly_the_bytes_in_range() {
        for (lo, hi) in [(b'a', b'z'), (b'A', b'Z'), (b'0', b'9'), (0, 0x7F)] {
            for b in 0..0x80u8 {
                let word = u64::from_le_bytes([b'!', b, b'~', 0x7F, 0, b, b'a', b'Z']);
                let expected = word
                    .to_le_bytes()
                    .iter()
                    .enumerate()
                    .filter(|&(_, &x)| (lo..=hi).contains(&x))
                    .fold(0, |m, (i, _)| m | 0x80 << (8 * i));
                assert_eq!(ascii_bytes_between(word, lo, hi), expected, "{lo} {hi} {b}");
            }
        }
    }

    #[test]
    fn leading_ascii_letters_stop_at_the_first_other_byte() {
        for text in [
            "abcdefgh",
            "ABCDEFG1",
            "abc@defg",
            "Zz[`{/09",
            "é1234567",
            "ab\u{e9}cdefg",
        ] {
            let bytes: [u8; 8] = text.as_bytes()[..8].try_into().expect("eight bytes");
            let expected = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
            assert_eq!(
                leading_ascii_letters(u64::from_le_bytes(bytes)),
                expected,
                "{text:?}"
            );
        }
        for b in 0..=255u8 {
            let word = u64::from_le_bytes([b, b'a', b'a', b'a', b'a', b'a', b'a', b'a']);
            let expected = if b.is_ascii_alphabetic() { 8 } else { 0 };
            assert_eq!(leading_ascii_letters(word), expected, "{b:#x}");
        }
    }

    #[test]
    fn crlf_line_breaks_are_not_part_of_lines() {
        assert_eq!(line_spans("ab\r\ncd"), vec![0..2, 4..6]);
    }

    #[test]
    fn detects_german_without_a_hint() {
        let text = "Die Bundesregierung hat am Mittwoch beschlossen, die Hilfen für die Ukraine \
                    deutlich aufzustocken, wie ein Sprecher in Berlin mitteilte.";
        assert_eq!(detect_language(text), "de");
    }
}
