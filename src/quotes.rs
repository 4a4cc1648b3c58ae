//! Quotation-mark pairing, computed once per document.
//!
//! Double quotation marks are classified by the target language's conventions
//! (`dictionaries/<lang>/locale.toml`): the primary pair („…“ in German), accepted
//! alternatives (»…«), straight marks ("…", opening or closing by position) and foreign
//! typographic marks (”, «, „ in English). Marks are paired within a block; a quotation left
//! open at the end of a paragraph may continue in a later one, because news style reopens a
//! quotation that runs over several paragraphs without closing the earlier ones.

use std::ops::Range;

use crate::document::Document;
use crate::keywords::ByteSet;
use crate::lang::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Open,
    Close,
}

/// Which convention a mark belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Style {
    /// The language's own pair, „…“ in German.
    Primary,
    /// An accepted alternative pair, »…« in German.
    Alternative,
    /// Straight typewriter marks "…".
    Straight,
    /// Typographic marks of another language, ” or « in German.
    Foreign,
}

#[derive(Debug, Clone)]
pub struct QuoteMark {
    pub pos: usize,
    pub ch: char,
    pub role: Role,
    pub style: Style,
    pub block: usize,
    /// Whether the mark opens its block's text (a reopened quotation in news style).
    pub at_block_start: bool,
    /// Index of the partner mark in `QuoteMarks::marks`.
    pub partner: Option<usize>,
}

impl QuoteMark {
    pub fn span(&self) -> Range<usize> {
        self.pos..self.pos + self.ch.len_utf8()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unpaired {
    /// A closing mark with no opening mark before it in its paragraph.
    CloseWithoutOpen,
    /// An opening mark that is never closed and not continued by a later paragraph.
    OpenNeverClosed,
}

#[derive(Debug, Clone, Default)]
pub struct QuoteMarks {
    pub marks: Vec<QuoteMark>,
    /// (index into `marks`, why)
    pub unpaired: Vec<(usize, Unpaired)>,
}

impl QuoteMarks {
    pub fn count_char(&self, c: char) -> usize {
        self.marks.iter().filter(|m| m.ch == c).count()
    }
}

/// Finds and pairs the double quotation marks of a document's article text.
pub fn analyse(doc: &Document) -> QuoteMarks {
    let Some(lang) = doc.lang else {
        return QuoteMarks::default();
    };
    let leads = MarkLeads::of(lang);
    let mut marks = Vec::new();
    for (b, block) in doc.blocks.iter().enumerate() {
        let text = &doc.text[block.span.clone()];
        // Two lead bytes, as every language mtlint knows has, are searched for with the
        // straight mark in one SIMD scan; more are screened byte by byte.
        let (mut by_memchr, mut by_byte);
        let starts: &mut dyn Iterator<Item = usize> = match leads.two {
            Some([a, b]) => {
                by_memchr = memchr::memchr3_iter(b'"', a, b, text.as_bytes());
                &mut by_memchr
            }
            None => {
                by_byte =
                    possible_marks(text).filter(|&i| leads.may_start_mark(text.as_bytes()[i]));
                &mut by_byte
            }
        };
        for i in starts {
            let Some(c) = text[i..].chars().next() else {
                continue;
            };
            let prev = text[..i].chars().next_back();
            let next = text[i + c.len_utf8()..].chars().next();
            if let Some((role, style)) = classify(lang, c, prev, next) {
                marks.push(QuoteMark {
                    pos: block.span.start + i,
                    ch: c,
                    role,
                    style,
                    block: b,
                    at_block_start: i == 0,
                    partner: None,
                });
            }
        }
    }
    pair(marks)
}

/// The first bytes of the characters beyond ASCII that [`classify`] may take for a mark: an
/// umlaut or an accented letter, the most frequent of those characters in European text,
/// starts with another byte and is passed over without decoding it and its neighbours.
struct MarkLeads {
    /// The first bytes beyond ASCII of the marks.
    firsts: ByteSet,
    /// The same bytes when there are at most two (one is given twice).
    two: Option<[u8; 2]>,
}

impl MarkLeads {
    fn of(lang: &Language) -> MarkLeads {
        let primary = [lang.primary_quotes.open, lang.primary_quotes.close];
        let alternatives = lang
            .alternative_quotes
            .iter()
            .flat_map(|p| [p.open, p.close]);
        let mut firsts = ByteSet::default();
        let mut distinct: Vec<u8> = Vec::new();
        for c in primary.into_iter().chain(alternatives).chain(FOREIGN_MARKS) {
            let mut buf = [0; 4];
            let first = c.encode_utf8(&mut buf).as_bytes()[0];
            if first >= 0xC0 {
                firsts.insert(first);
                if !distinct.contains(&first) {
                    distinct.push(first);
                }
            }
        }
        let two = match distinct[..] {
            [a] => Some([a, a]),
            [a, b] => Some([a, b]),
            _ => None,
        };
        MarkLeads { firsts, two }
    }

    /// Whether the character starting with byte `b` (a '"' or a first byte beyond ASCII, as
    /// [`possible_marks`] finds them) may be a mark.
    fn may_start_mark(&self, b: u8) -> bool {
        b == b'"' || self.firsts.contains(b)
    }
}

/// The byte offsets of the characters of `text` that may be quotation marks: the straight
/// mark and every character beyond ASCII (where all the typographic marks are). Looking at
/// bytes, eight at a time where none of them is either, skips the ASCII letters, digits and
/// spaces that make up nearly all text without decoding them.
fn possible_marks(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(i) {
            if let Some(word) = bytes
                .get(i..i + 8)
                .and_then(|w| <[u8; 8]>::try_from(w).ok())
            {
                let flags = special_bytes(u64::from_le_bytes(word));
                if flags == 0 {
                    i += 8;
                    continue;
                }
                // Straight to the first byte that is no plain ASCII.
                let skip = flags.trailing_zeros() as usize / 8;
                if skip > 0 {
                    i += skip;
                    continue;
                }
            }
            i += 1;
            // A byte from 0xC0 up starts a character beyond ASCII; 0x80–0xBF continue one.
            if b == b'"' || b >= 0xC0 {
                return Some(i - 1);
            }
        }
        None
    })
}

/// The high bit of each of eight bytes that is beyond ASCII or '"', and maybe of bytes after
/// the first such one, but never of a byte before it.
fn special_bytes(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte of `quotes_zeroed` is zero exactly where `word` has a '"'; the classic test
    // below flags each zero byte, and only the bytes after a zero byte may be flagged wrongly
    // (by the borrow).
    let quotes_zeroed = word ^ (ONES * u64::from(b'"'));
    let quotes = quotes_zeroed.wrapping_sub(ONES) & !quotes_zeroed & HIGH;
    (word & HIGH) | quotes
}

/// Whether eight bytes are all ASCII and none is '"'.
#[cfg(test)]
fn is_plain_ascii(word: u64) -> bool {
    special_bytes(word) == 0
}

fn classify(
    lang: &Language,
    c: char,
    prev: Option<char>,
    next: Option<char>,
) -> Option<(Role, Style)> {
    // Most characters are ASCII letters, digits and spaces: only '"' among them is a mark.
    if c.is_ascii() && c != '"' {
        return None;
    }
    let primary = lang.primary_quotes;
    if c == primary.open {
        return Some((Role::Open, Style::Primary));
    }
    if c == primary.close {
        return Some((Role::Close, Style::Primary));
    }
    for alt in &lang.alternative_quotes {
        if c == alt.open {
            return Some((Role::Open, Style::Alternative));
        }
        if c == alt.close {
            return Some((Role::Close, Style::Alternative));
        }
    }
    let by_position = || {
        let after_space = prev.is_none_or(|p| p.is_whitespace() || "([/–—-".contains(p));
        let before_word = next.is_some_and(|n| !n.is_whitespace());
        if after_space && before_word {
            Role::Open
        } else {
            Role::Close
        }
    };
    match c {
        '"' => Some((by_position(), Style::Straight)),
        c if FOREIGN_MARKS.contains(&c) => Some((
            match c {
                '„' => Role::Open,
                '”' => Role::Close,
                _ => by_position(),
            },
            Style::Foreign,
        )),
        _ => None,
    }
}

/// Quotation marks of other languages' styles, recognised in any text (see [`classify`]).
const FOREIGN_MARKS: [char; 5] = ['„', '”', '“', '«', '»'];

fn pair(mut marks: Vec<QuoteMark>) -> QuoteMarks {
    let mut unpaired = Vec::new();
    // Opening marks not yet closed, carried over paragraph ends.
    let mut open: Vec<usize> = Vec::new();
    for i in 0..marks.len() {
        let carried = open
            .last()
            .is_some_and(|&o| marks[o].block != marks[i].block);
        match marks[i].role {
            Role::Open => {
                if carried {
                    // A paragraph that opens with a quotation mark continues the open quotation;
                    // one that opens a quotation mid-text leaves the earlier one unclosed.
                    let continues = marks[i].at_block_start;
                    for o in open.drain(..) {
                        if !continues {
                            unpaired.push((o, Unpaired::OpenNeverClosed));
                        }
                    }
                }
                open.push(i);
            }
            Role::Close => match open.pop() {
                Some(o) => {
                    marks[o].partner = Some(i);
                    marks[i].partner = Some(o);
                }
                None => unpaired.push((i, Unpaired::CloseWithoutOpen)),
            },
        }
    }
    unpaired.extend(open.into_iter().map(|o| (o, Unpaired::OpenNeverClosed)));
    unpaired.sort_by_key(|&(i, _)| marks[i].pos);
    QuoteMarks { marks, unpaired }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, ReadOptions};

    fn marks(text: &str) -> QuoteMarks {
        let doc = Document::parse(
            text,
            &ReadOptions {
                language: Some("de".into()),
                ..ReadOptions::default()
            },
        );
        doc.quotes.clone()
    }

    #[test]
    fn balanced_quotes_pair() {
        let q = marks("Er sagte: „Wir kommen.“ Dann ging er.");
        assert!(q.unpaired.is_empty());
        assert_eq!(q.marks[0].partner, Some(1));
    }

    #[test]
    fn closing_mark_without_opening() {
        let q = marks("Putin sagte, sie akzeptierten nicht die Sprache des Diktats“.");
        assert_eq!(q.unpaired, vec![(0, Unpaired::CloseWithoutOpen)]);
    }

    #[test]
    fn quotation_continued_in_next_paragraph_is_fine() {
        let q = marks("„Wir kommen.\n\n„Und wir bleiben“, sagte er.\n");
        assert!(q.unpaired.is_empty(), "{:?}", q.unpaired);
    }

    #[test]
    fn quotation_closed_in_next_paragraph_is_fine() {
        let q = marks("„Wir kommen.\nUnd wir bleiben.“\n");
        assert!(q.unpaired.is_empty());
    }

    #[test]
    fn quotation_never_closed() {
        let q = marks("Er sagte: „Wir kommen.\n\nDann sagte sie: „Gut.“\n");
        assert_eq!(q.unpaired, vec![(0, Unpaired::OpenNeverClosed)]);
    }

    #[test]
    fn possible_marks_are_quotes_and_non_ascii_characters() {
        let text = "ab\"cdefghijklmnop„q“rstuvwxyz0123456789\"äbcdefghijklö\"\"xyzabcdefghij\"";
        let expected: Vec<usize> = text
            .char_indices()
            .filter(|&(_, c)| c == '"' || !c.is_ascii())
            .map(|(i, _)| i)
            .collect();
        assert_eq!(possible_marks(text).collect::<Vec<_>>(), expected);
        assert!(is_plain_ascii(u64::from_le_bytes(*b"abcdefgh")));
        assert!(!is_plain_ascii(u64::from_le_bytes(*b"abc\"efgh")));
        assert!(!is_plain_ascii(u64::from_le_bytes(*b"abcdefg\xc3")));
        assert!(!is_plain_ascii(u64::from_le_bytes(*b"\"!abcdef")));
    }

    #[test]
    fn every_mark_starts_with_a_lead_byte() {
        for code in crate::lang::SUPPORTED {
            let lang = crate::lang::language(code).expect("language data");
            let leads = MarkLeads::of(lang);
            for c in ('\u{80}'..='\u{FFFF}').chain(['"']) {
                let mut buf = [0; 4];
                let first = c.encode_utf8(&mut buf).as_bytes()[0];
                if !leads.may_start_mark(first) {
                    for (prev, next) in
                        [(None, None), (Some(' '), Some('a')), (Some('a'), Some(' '))]
                    {
                        assert_eq!(classify(lang, c, prev, next), None, "{code}: {c:?}");
                    }
                }
            }
            assert!(!leads.may_start_mark("ä".as_bytes()[0]), "{code}");
        }
    }

    #[test]
    fn every_language_has_two_lead_bytes_at_most() {
        for code in crate::lang::SUPPORTED {
            let lang = crate::lang::language(code).expect("language data");
            assert!(MarkLeads::of(lang).two.is_some(), "{code}");
        }
    }

    #[test]
    fn the_scan_for_lead_bytes_finds_what_the_byte_screen_finds() {
        let lang = crate::lang::language("de").expect("German");
        let leads = MarkLeads::of(lang);
        let [a, b] = leads.two.expect("two lead bytes");
        let text = "„Wir“ – sagt er… »Ja« \"x\" ’s ä é ¼ «Non» ‚so‘ ”gut“ \"end\"";
        let by_byte: Vec<usize> = possible_marks(text)
            .filter(|&i| leads.may_start_mark(text.as_bytes()[i]))
            .collect();
        let by_memchr: Vec<usize> = memchr::memchr3_iter(b'"', a, b, text.as_bytes()).collect();
        assert_eq!(by_memchr, by_byte);
    }

    #[test]
    fn straight_marks_pair_by_position() {
        let q = marks("Er sagte: \"Wir kommen.\" Dann ging er.");
        assert!(q.unpaired.is_empty());
        assert_eq!(q.marks[0].role, Role::Open);
        assert_eq!(q.marks[1].role, Role::Close);
        assert_eq!(q.marks[0].style, Style::Straight);
    }
}
