//! The house list: how a newsroom spells names (`dictionaries/<lang>/names.tsv`, see
//! `names.README.md`). Each row has the house form, the variant spellings that should not
//! appear, a kind, the authority and a note; an optional sixth column holds tags
//! (`head-of-state`). A row without variants accepts its spelling as it is ("Andrei Lankov",
//! a scholar who publishes under that spelling).
//!
//! A newsroom adds its own rows with [`HouseList::load`] and [`HouseList::merged`]; its rows
//! win over the embedded ones.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::document::{self, Document, Token, TokenKind};
use crate::keywords::{BitTable, ByteSet};

/// Why a house list could not be read.
#[derive(Debug, thiserror::Error)]
pub enum NamesError {
    #[error("cannot read the house list {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{origin}, line {line}: {message}")]
    Invalid {
        origin: String,
        line: usize,
        message: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Place,
    Org,
}

/// One row of a house list.
#[derive(Debug, Clone)]
pub struct HouseRow {
    pub house: String,
    pub variants: Vec<String>,
    pub kind: Kind,
    /// Who sets the house form: `dpa`, `Duden`, `AA`, `common`, or a newsroom's name.
    pub source: String,
    pub note: String,
    pub head_of_state: bool,
}

impl HouseRow {
    /// Variants that only lack accents German agency copy often drops too (`Erdogan`);
    /// a missing umlaut (`Ozil`) is always an error and not covered.
    pub fn plain_diacritics(&self) -> bool {
        self.note.starts_with("diacritics") && !self.note.starts_with("diacritics (umlaut")
    }
}

/// A spelling the list knows, as the tokens it is written with.
#[derive(Debug, Clone)]
struct Form {
    tokens: Vec<String>,
    row: usize,
    variant: bool,
}

/// Where a listed spelling stands in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormMatch {
    /// Byte span of the spelling as listed (a genitive `s` is not part of it).
    pub span: Range<usize>,
    /// Index into `Document::tokens` of the first token and one past the last.
    pub tokens: Range<usize>,
    pub row: usize,
    /// A variant (to be replaced) rather than the house form.
    pub variant: bool,
    /// The word carries a genitive `s` after the listed spelling ("Zelenskys").
    pub genitive: bool,
}

#[derive(Debug, Clone, Default)]
pub struct HouseList {
    /// The target language the list is for.
    pub lang: String,
    rows: Vec<HouseRow>,
    /// Forms by their first token.
    forms: FxHashMap<String, Vec<Form>>,
    /// How the keys of `forms` begin: a word beginning otherwise (most words) starts no
    /// listed spelling, and is not looked up.
    key_starts: KeyStarts,
    /// Report variants that only lack accents (`Erdogan`) too; off by default because dpa
    /// itself often writes them.
    pub report_plain_diacritics: bool,
}

impl HouseList {
    /// Parses a list in the `names.tsv` format; `origin` names it in errors.
    pub fn parse(lang: &str, text: &str, origin: &str) -> Result<HouseList, NamesError> {
        let mut rows = Vec::new();
        let mut header_seen = false;
        for (i, line) in text.lines().enumerate() {
            let invalid = |message: String| NamesError::Invalid {
                origin: origin.to_string(),
                line: i + 1,
                message,
            };
            if line.trim().is_empty() || (!header_seen && line.starts_with('#')) {
                continue;
            }
            if !header_seen {
                header_seen = true;
                if line.starts_with("house\t") {
                    continue;
                }
            }
            rows.push(parse_row(line).map_err(invalid)?);
        }
        let mut list = HouseList {
            lang: lang.to_string(),
            rows,
            ..HouseList::default()
        };
        list.validate()
            .map_err(|(row, message)| NamesError::Invalid {
                origin: origin.to_string(),
                line: row,
                message,
            })?;
        list.index();
        Ok(list)
    }

    /// Reads a newsroom's list from a file.
    pub fn load(lang: &str, path: &Path) -> Result<HouseList, NamesError> {
        let text = std::fs::read_to_string(path).map_err(|source| NamesError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        HouseList::parse(lang, &text, &path.display().to_string())
    }

    /// This list with a newsroom's rows laid over it. A newsroom row takes over the rows
    /// whose house form it lists as a variant, with their other variants; no spelling the
    /// newsroom names stays a variant of another row.
    pub fn merged(&self, newsroom: &HouseList) -> HouseList {
        let named: HashSet<&str> = newsroom
            .rows
            .iter()
            .flat_map(|r| std::iter::once(&r.house).chain(&r.variants))
            .map(String::as_str)
            .collect();
        let mut rows: Vec<HouseRow> = Vec::new();
        let mut taken_over: HashMap<&str, Vec<String>> = HashMap::new();
        for row in &self.rows {
            let variants = row
                .variants
                .iter()
                .filter(|v| !named.contains(v.as_str()))
                .cloned();
            if named.contains(row.house.as_str()) {
                taken_over
                    .entry(row.house.as_str())
                    .or_default()
                    .extend(variants);
            } else {
                rows.push(HouseRow {
                    variants: variants.collect(),
                    ..row.clone()
                });
            }
        }
        for row in &newsroom.rows {
            let mut row = row.clone();
            let inherited: Vec<String> = row
                .variants
                .iter()
                .filter_map(|v| taken_over.remove(v.as_str()))
                .flatten()
                .collect();
            row.variants.extend(inherited);
            rows.push(row);
        }
        let mut list = HouseList {
            lang: self.lang.clone(),
            rows,
            forms: FxHashMap::default(),
            key_starts: KeyStarts::default(),
            report_plain_diacritics: self.report_plain_diacritics
                || newsroom.report_plain_diacritics,
        };
        list.index();
        list
    }

    pub fn rows(&self) -> &[HouseRow] {
        &self.rows
    }

    pub fn row(&self, index: usize) -> &HouseRow {
        &self.rows[index]
    }

    /// The row whose house form is exactly `name`.
    pub fn house_row(&self, name: &str) -> Option<usize> {
        let first = name.split(' ').next()?;
        self.forms
            .get(first)?
            .iter()
            .find_map(|f| (!f.variant && f.tokens.join(" ") == name).then_some(f.row))
    }

    /// Every listed spelling in the tokens `tokens` of `doc`, longest first at each position.
    pub fn find(&self, doc: &Document, tokens: Range<usize>) -> Vec<FormMatch> {
        self.find_in(doc, [tokens])
    }

    /// [`HouseList::find`] in each of several token ranges (blocks), one after the other.
    pub fn find_in(
        &self,
        doc: &Document,
        ranges: impl IntoIterator<Item = Range<usize>>,
    ) -> Vec<FormMatch> {
        // Whether each distinct word may start a listed spelling, asked once per form:
        // function words that share a first letter with a listed name ("als", "al-Kaida")
        // recur all through an article, and each lookup hashes the word up to three times.
        let starts_spelling: Vec<bool> = doc
            .vocabulary
            .forms
            .iter()
            .map(|form| self.may_start(form))
            .collect();
        let mut out = Vec::new();
        if !starts_spelling.contains(&true) {
            // No word of the article starts a listed spelling: most articles.
            return out;
        }
        for tokens in ranges {
            let mut i = tokens.start;
            while let Some(candidate) = doc.vocabulary.next_marked(i..tokens.end, &starts_spelling)
            {
                match self.match_at(doc, candidate, tokens.end) {
                    Some(m) => {
                        i = m.tokens.end;
                        out.push(m);
                    }
                    None => i = candidate + 1,
                }
            }
        }
        out
    }

    /// Whether a word is a key of some listed spelling: otherwise no spelling starts with it
    /// ([`HouseList::match_at`] finds nothing).
    fn may_start(&self, word: &str) -> bool {
        // Asked about every form of an article: the first screen is inline, the rest is
        // asked about the few forms that pass it.
        self.key_starts.may_begin(word) && self.has_key(word)
    }

    /// Whether one of the lookup keys of a word is a key of the list, for a word some key
    /// may begin ([`KeyStarts::may_begin`]). Kept out of line: it hashes, and is asked about
    /// few words.
    #[inline(never)]
    fn has_key(&self, word: &str) -> bool {
        self.key_starts.as_long_as_a_key(word)
            && lookup_keys(word).any(|key| self.forms.contains_key(key))
    }

    fn match_at(&self, doc: &Document, i: usize, end: usize) -> Option<FormMatch> {
        let token = &doc.tokens[i];
        if token.kind != TokenKind::Word {
            return None;
        }
        let text = doc.slice(&token.span);
        let mut best: Option<FormMatch> = None;
        for key in lookup_keys(text) {
            for form in self.forms.get(key).into_iter().flatten() {
                let Some(m) = form_at(doc, form, i, end) else {
                    continue;
                };
                if best.as_ref().is_none_or(|b| m.span.len() > b.span.len()) {
                    best = Some(m);
                }
            }
        }
        best
    }

    fn validate(&self) -> Result<(), (usize, String)> {
        let mut houses = HashSet::new();
        let mut variants = HashSet::new();
        for (i, row) in self.rows.iter().enumerate() {
            if !houses.insert(row.house.as_str()) {
                return Err((i + 1, format!("house form «{}» listed twice", row.house)));
            }
            for v in &row.variants {
                if !variants.insert(v.as_str()) {
                    return Err((i + 1, format!("variant «{v}» listed in two rows")));
                }
            }
        }
        match variants.intersection(&houses).next() {
            Some(v) => Err((0, format!("«{v}» is both a house form and a variant"))),
            None => Ok(()),
        }
    }

    fn index(&mut self) {
        self.forms.clear();
        self.key_starts = KeyStarts::default();
        for (row, r) in self.rows.iter().enumerate() {
            let spellings =
                std::iter::once((&r.house, false)).chain(r.variants.iter().map(|v| (v, true)));
            for (spelling, variant) in spellings {
                let tokens = form_tokens(spelling);
                if let Some(first) = tokens.first() {
                    self.key_starts.insert(first);
                    self.forms.entry(first.clone()).or_default().push(Form {
                        tokens,
                        row,
                        variant,
                    });
                }
            }
        }
    }
}

fn parse_row(line: &str) -> Result<HouseRow, String> {
    let cols: Vec<&str> = line.split('\t').collect();
    if !(5..=6).contains(&cols.len()) {
        return Err(format!(
            "expected 5 or 6 tab-separated columns, found {}",
            cols.len()
        ));
    }
    let house = cols[0].trim();
    if house.is_empty() {
        return Err("empty house form".into());
    }
    let kind = match cols[2].trim() {
        "person" => Kind::Person,
        "place" => Kind::Place,
        "org" => Kind::Org,
        other => return Err(format!("unknown kind {other:?} (person, place or org)")),
    };
    let mut head_of_state = false;
    for tag in cols.get(5).iter().flat_map(|t| t.split(',')).map(str::trim) {
        match tag {
            "" => {}
            "head-of-state" => head_of_state = true,
            other => return Err(format!("unknown tag {other:?} (head-of-state)")),
        }
    }
    Ok(HouseRow {
        house: house.to_string(),
        variants: cols[1]
            .split('|')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .collect(),
        kind,
        source: cols[3].trim().to_string(),
        note: cols[4].trim().to_string(),
        head_of_state,
    })
}

/// How the keys of a house list begin: their first three bytes, or all the bytes of a
/// shorter key. Every lookup key of a word begins the word ([`lookup_keys`]), so a word none
/// of whose first one, two and three bytes is such a beginning has no key in the list.
/// Three bytes rule out far more words than two: German words share their first two
/// letters with some listed name far more often ("Kinder", "Kim").
#[derive(Debug, Clone, Default)]
struct KeyStarts {
    /// The first bytes of all keys.
    firsts: ByteSet,
    /// Keys of one byte.
    singles: ByteSet,
    /// Keys of two bytes.
    pairs: BitTable,
    /// The first three bytes of longer keys, hashed: a word that shares a hash with a key
    /// is only looked up for nothing.
    triples: BitTable,
    /// The first three bytes of longer keys with their length, hashed: many German words
    /// begin like a listed name ("Verhandlungen", "Vereinte Nationen"), few as long as it.
    triple_lengths: BitTable,
}

impl KeyStarts {
    fn insert(&mut self, key: &str) {
        if let Some(&first) = key.as_bytes().first() {
            self.firsts.insert(first);
        }
        match key.as_bytes() {
            [a, b, c, ..] => {
                self.triples.insert(triple_index(*a, *b, *c));
                let length = triple_length_index(*a, *b, *c, key.len());
                self.triple_lengths.insert(length);
            }
            [a, b] => self.pairs.insert(pair_index(*a, *b)),
            [a] => self.singles.insert(*a),
            [] => {}
        }
    }

    /// For a word that some key may begin ([`KeyStarts::may_begin`]), whether one of its
    /// lookup keys ([`lookup_keys`]) may be a key: a key of one or two bytes begins the word,
    /// or a longer one begins it and is as long as one of them (the word, the word without a
    /// final `s`, the part before a hyphen).
    fn as_long_as_a_key(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let [a, b, c, ..] = *bytes else {
            // Only a key of one or two bytes begins a word this short.
            return true;
        };
        let short_key = self.singles.contains(a) || self.pairs.contains(pair_index(a, b));
        let as_long = |len: usize| {
            self.triple_lengths
                .contains(triple_length_index(a, b, c, len))
        };
        short_key
            || as_long(bytes.len())
            || (bytes.last() == Some(&b's') && as_long(bytes.len() - 1))
            || before_hyphen(word).is_some_and(|head| as_long(head.len()))
    }

    /// Whether some key may begin `word`.
    #[inline]
    fn may_begin(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let Some(&a) = bytes.first() else {
            return false;
        };
        // Most words of an article begin with a lower-case letter that no key begins with.
        if !self.firsts.contains(a) {
            return false;
        }
        self.singles.contains(a)
            || bytes
                .get(1)
                .is_some_and(|&b| self.pairs.contains(pair_index(a, b)))
            || bytes
                .get(1..3)
                .is_some_and(|bc| self.triples.contains(triple_index(a, bc[0], bc[1])))
    }
}

fn pair_index(a: u8, b: u8) -> u16 {
    u16::from(a) << 8 | u16::from(b)
}

/// [`triple_index`] of three bytes and a length (the length's low byte).
fn triple_length_index(a: u8, b: u8, c: u8, len: usize) -> u16 {
    let packed = u32::from_le_bytes([a, b, c, len as u8]);
    (packed.wrapping_mul(0x9E37_79B1) >> 16) as u16
}

/// Three bytes in one slot of a [`BitTable`]: the high bits of a multiplicative hash, which
/// mixes all three bytes into them.
fn triple_index(a: u8, b: u8, c: u8) -> u16 {
    triple_length_index(a, b, c, 0)
}

/// The tokens of a spelling, split the way documents are.
fn form_tokens(spelling: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    document::tokenize(spelling, 0..spelling.len(), &mut tokens);
    tokens
        .iter()
        .map(|t| spelling[t.span.clone()].to_string())
        .collect()
}

/// The keys under which a document word may start a listed spelling: itself, without a
/// genitive `s`, and its first part before a hyphen ("Zelensky-Regierung").
fn lookup_keys(word: &str) -> impl Iterator<Item = &str> {
    let genitive = word.strip_suffix('s');
    let head = before_hyphen(word);
    std::iter::once(word).chain(genitive).chain(head)
}

/// The part of a word before its first hyphen, if it has one. Found byte by byte: a hyphen
/// is one byte that no other character's encoding contains, and words are short.
fn before_hyphen(word: &str) -> Option<&str> {
    let at = word.bytes().position(|b| b == b'-')?;
    Some(&word[..at])
}

/// A form starting at token `i`, its words separated by spaces only.
fn form_at(doc: &Document, form: &Form, i: usize, end: usize) -> Option<FormMatch> {
    let n = form.tokens.len();
    if i + n > end {
        return None;
    }
    let toks = &doc.tokens[i..i + n];
    if !joined_by_spaces(doc, toks) {
        return None;
    }
    let (last_form, last_tok) = (form.tokens.last()?, toks.last()?);
    for (t, f) in toks[..n - 1].iter().zip(&form.tokens) {
        if doc.slice(&t.span) != f {
            return None;
        }
    }
    let last = doc.slice(&last_tok.span);
    let (end_byte, genitive) = if last == last_form {
        (last_tok.span.end, false)
    } else if last.strip_suffix('s') == Some(last_form.as_str()) {
        (last_tok.span.end - 1, true)
    } else if n == 1 && before_hyphen(last) == Some(last_form.as_str()) {
        (last_tok.span.start + last_form.len(), false)
    } else {
        return None;
    };
    Some(FormMatch {
        span: toks[0].span.start..end_byte,
        tokens: i..i + n,
        row: form.row,
        variant: form.variant,
        genitive,
    })
}

fn joined_by_spaces(doc: &Document, toks: &[Token]) -> bool {
    toks.windows(2).all(|w| {
        let gap = &doc.text[w[0].span.end..w[1].span.start];
        !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ReadOptions;

    const LIST: &str = "house\tvariants\tkind\tsource\tnote\n\
        Kim Jong Un\tKim Jong-un|Kim Jong-Un\tperson\tdpa\tNorth Korean ruler\thead-of-state\n\
        Selenskyj\tZelensky|Zelenskij\tperson\tdpa\tsurname alone\n\
        Recep Tayyip Erdoğan\tRecep Tayyip Erdogan\tperson\tdpa\tdiacritics; plain form common\n\
        Andrei Lankov\t\tperson\tcommon\tpublishes in English\n";

    fn list() -> HouseList {
        HouseList::parse("de", LIST, "test").expect("valid list")
    }

    fn found(text: &str) -> Vec<(String, bool, bool)> {
        let doc = Document::parse(
            text,
            &ReadOptions {
                language: Some("de".into()),
                ..ReadOptions::default()
            },
        );
        list()
            .find(&doc, 0..doc.tokens.len())
            .into_iter()
            .map(|m| (text[m.span].to_string(), m.variant, m.genitive))
            .collect()
    }

    #[test]
    fn finds_variants_house_forms_and_genitives() {
        assert_eq!(
            found("Kim Jong-un traf Zelenskys Berater und Kim Jong Un."),
            vec![
                ("Kim Jong-un".to_string(), true, false),
                ("Zelensky".to_string(), true, true),
                ("Kim Jong Un".to_string(), false, false),
            ]
        );
    }

    #[test]
    fn finds_the_name_part_of_a_compound() {
        assert_eq!(
            found("Die Zelensky-Regierung tagte."),
            vec![("Zelensky".to_string(), true, false)]
        );
    }

    /// The search as it was before words were screened once per distinct form: a match
    /// tried at every token.
    fn find_at_every_token(
        list: &HouseList,
        doc: &Document,
        tokens: Range<usize>,
    ) -> Vec<FormMatch> {
        let mut out = Vec::new();
        let mut i = tokens.start;
        while i < tokens.end {
            match list.match_at(doc, i, tokens.end) {
                Some(m) => {
                    i = m.tokens.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }

    #[test]
    fn screening_words_once_finds_the_same() {
        let list = list();
        let german = &crate::names::data("de").expect("German name data").house;
        let text = "Als al-Kaida und al Qaeda kamen, traf Kim Jong-un Zelenskys Berater.\n\
                    Die Zelensky-Regierung, Kim Jong Un, Kim, Jong-un und Recep Tayyip Erdogan.\n\
                    Auf als al Als. Selenskyj Selenskyjs Kiew Kyiv Kyivs Kyiv-Reise Putin.\n";
        let doc = Document::parse(
            text,
            &ReadOptions {
                language: Some("de".into()),
                ..ReadOptions::default()
            },
        );
        for list in [&list, german] {
            let blocks = doc.blocks.iter().map(|b| doc.token_range(&b.body));
            let expected: Vec<FormMatch> = blocks
                .clone()
                .flat_map(|tokens| find_at_every_token(list, &doc, tokens))
                .collect();
            assert!(expected.len() >= 6, "{expected:?}");
            assert_eq!(list.find_in(&doc, blocks), expected);
            let all = 0..doc.tokens.len();
            assert_eq!(
                list.find(&doc, all.clone()),
                find_at_every_token(list, &doc, all)
            );
        }
    }

    #[test]
    fn key_starts_rule_out_words_that_no_key_begins() {
        let mut starts = KeyStarts::default();
        for key in ["Kim", "al", "Ö", "A", "Öz"] {
            starts.insert(key);
        }
        for word in [
            "Kim",
            "Kims",
            "Kim-Regierung",
            "als",
            "al",
            "Ö",
            "Özil",
            "As",
            "A-Team",
            "A",
        ] {
            assert!(starts.may_begin(word), "{word}");
        }
        for word in [
            "K", "auf", "a", "Ü", "Übel", "Putin", "", "Kinder", "Ki", "Kü",
        ] {
            assert!(!starts.may_begin(word), "{word}");
        }
        assert!(!KeyStarts::default().may_begin("Kim"));
    }

    #[test]
    fn key_lengths_rule_out_words_that_begin_like_a_key() {
        let mut starts = KeyStarts::default();
        for key in ["Kim", "Kiew", "al", "Vereinte"] {
            starts.insert(key);
        }
        let may_hold_key = |word| starts.may_begin(word) && starts.as_long_as_a_key(word);
        for word in [
            "Kim",
            "Kims",
            "Kim-Regierung",
            "Kiews",
            "als",
            "al-Kaida",
            "alles",
            "Vereinte",
        ] {
            assert!(may_hold_key(word), "{word}");
        }
        for word in ["Kimono", "Kie", "Vereint", "Vereinten", "Kim_", ""] {
            assert!(!may_hold_key(word), "{word}");
        }
    }

    #[test]
    fn punctuation_breaks_a_multi_word_form() {
        assert!(found("Kim, Jong-un").is_empty());
    }

    #[test]
    fn rows_carry_tags_and_diacritics_notes() {
        let list = list();
        assert!(list.row(0).head_of_state);
        assert!(list.row(2).plain_diacritics());
        assert!(list.row(3).variants.is_empty());
    }

    #[test]
    fn rejects_malformed_rows() {
        for bad in [
            "house\tvariants\tkind\tsource\tnote\nA\tB\tperson\tdpa\n",
            "house\tvariants\tkind\tsource\tnote\nA\tB\tanimal\tdpa\tx\n",
            "house\tvariants\tkind\tsource\tnote\nA\tB\tperson\tdpa\tx\nC\tB\tperson\tdpa\tx\n",
            "house\tvariants\tkind\tsource\tnote\nA\tB\tperson\tdpa\tx\nB\t\tperson\tdpa\tx\n",
        ] {
            assert!(HouseList::parse("de", bad, "test").is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_newsroom_list_wins() {
        let newsroom = HouseList::parse(
            "de",
            "Selenski\tSelenskyj|Zelensky\tperson\tNZZ\tour style\n",
            "newsroom",
        )
        .expect("valid");
        let merged = list().merged(&newsroom);
        assert!(merged.house_row("Selenskyj").is_none());
        let row = merged.house_row("Selenski").expect("newsroom row");
        assert_eq!(
            merged.row(row).variants,
            vec!["Selenskyj", "Zelensky", "Zelenskij"]
        );
        assert!(merged.rows().iter().all(|r| r.house != "Selenskyj"));
    }
}
