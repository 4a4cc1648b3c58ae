//! The words of one article as the misspelling check sees them: every checkable word part
//! with where it stands, and how often each form occurs (case-folded).
//!
//! A hyphenated token ("Ukraine-Krieg", "Sechs-Parteien-Gesprächen") is checked part by
//! part, so a finding points at the misspelt part only.

use foldhash::{HashMap, HashMapExt};
use std::borrow::Cow;
use std::ops::Range;

use crate::document::{Block, Document, TokenKind};
use crate::lexicon::{self, Lexicon};

/// Shorter words are left alone: too many abbreviations and foreign particles, too little
/// evidence.
const MIN_CHARS: usize = 4;

/// One checkable word part.
#[derive(Debug, Clone)]
pub struct Occurrence<'a> {
    pub span: Range<usize>,
    pub form: &'a str,
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
}

#[derive(Debug, Default)]
pub struct Census<'a> {
    pub occurrences: Vec<Occurrence<'a>>,
    /// Case-folded form → statistics.
    pub folded: HashMap<Cow<'a, str>, FoldedStats<'a>>,
    /// Exact form → its case-folded form (borrowed where folding changes nothing).
    pub fold_of: HashMap<&'a str, Cow<'a, str>>,
}

impl<'a> Census<'a> {
    pub fn of(doc: &Document<'a>, lexicon: &Lexicon) -> Census<'a> {
        let mut census = Census::default();
        for block in &doc.blocks {
            for sentence in doc.sentences_of(block) {
                census.add_run(doc, block, token_range(doc, &sentence.span));
            }
            if let Some(credit) = &block.credit {
                census.add_run(doc, block, token_range(doc, credit));
            }
        }
        census.tally();
        census.look_up(lexicon);
        census
    }

    /// Fills in the frequency of every form, all in one go (see [`Lexicon::zipf_of_all`]).
    fn look_up(&mut self, lexicon: &Lexicon) {
        let forms: Vec<&str> = self.folded.keys().map(|f| f.as_ref()).collect();
        let frequencies = lexicon.zipf_of_all(&forms);
        // An unchanged map yields its values in the order of its keys.
        for (stats, zipf) in self.folded.values_mut().zip(frequencies) {
            stats.zipf = zipf;
        }
    }

    /// How often a case-folded form occurs.
    pub fn count(&self, folded: &str) -> usize {
        self.folded.get(folded).map_or(0, |s| s.count)
    }

    fn add_run(&mut self, doc: &Document<'a>, block: &Block, range: Range<usize>) {
        for (i, token) in doc.tokens[range.clone()].iter().enumerate() {
            if token.kind != TokenKind::Word || is_address(doc.text, &token.span) {
                continue;
            }
            let credit = block
                .credit
                .as_ref()
                .is_some_and(|c| c.contains(&token.span.start));
            for (span, before_hyphen) in parts(doc.text, &token.span) {
                let form = &doc.text[span.clone()];
                if is_checkable(form) {
                    self.occurrences.push(Occurrence {
                        span,
                        form,
                        token: range.start + i,
                        sentence: range.clone(),
                        before_hyphen,
                        credit,
                    });
                }
            }
        }
    }

    /// Fills the per-form statistics once all occurrences are known. Forms are visited in
    /// text order, so that the first of equally frequent spellings wins.
    fn tally(&mut self) {
        let mut index: HashMap<&'a str, usize> = HashMap::with_capacity(self.occurrences.len());
        let mut distinct: Vec<(&'a str, usize)> = Vec::new();
        for o in &self.occurrences {
            let next = distinct.len();
            let k = *index.entry(o.form).or_insert(next);
            if k == next {
                distinct.push((o.form, 0));
            }
            distinct[k].1 += 1;
        }
        self.folded.reserve(distinct.len());
        self.fold_of.reserve(distinct.len());
        for (form, count) in distinct {
            let folded = fold(form);
            let stats = self.folded.entry(folded.clone()).or_default();
            if count > stats.spelling_count {
                stats.spelling = form;
                stats.spelling_count = count;
            }
            stats.count += count;
            self.fold_of.insert(form, folded);
        }
    }
}

/// A form case-folded, borrowed when it is folded already (most lower-case words).
fn fold(form: &str) -> Cow<'_, str> {
    let folded_already = form
        .chars()
        .all(|c| !c.is_uppercase() && !matches!(c, 'ß' | 'ẞ'));
    if folded_already {
        Cow::Borrowed(form)
    } else {
        Cow::Owned(lexicon::fold(form))
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
    let mut chars = form.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    form.chars().count() >= MIN_CHARS
        && form.chars().all(|c| c.is_alphabetic() && c <= '\u{24F}')
        && chars.all(|c| !c.is_uppercase())
        && first.is_alphabetic()
}

/// Whether a token is part of a web or e-mail address, a handle or a hashtag: the
/// whitespace-separated chunk around it holds `@`, `#`, `://`, `www.` or a dotted domain.
fn is_address(text: &str, span: &Range<usize>) -> bool {
    let marks = |c: char| matches!(c, '.' | '@' | '/' | ':' | '#' | '_');
    let touches_mark = text[..span.start].chars().next_back().is_some_and(marks)
        || text[span.end..].chars().next().is_some_and(marks);
    if !touches_mark {
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

/// The indexes of the tokens inside `span`.
pub fn token_range(doc: &Document, span: &Range<usize>) -> Range<usize> {
    let from = doc.tokens.partition_point(|t| t.span.start < span.start);
    let to = doc.tokens.partition_point(|t| t.span.start < span.end);
    from..to
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
        let counts = census
            .folded
            .iter()
            .map(|(k, v)| (k.to_string(), v.count))
            .collect();
        (words, counts)
    }

    #[test]
    fn hyphenated_words_are_checked_by_part_and_short_or_odd_words_not_at_all() {
        let (words, _) = census("Der Ukraine-Krieg, die NATO, G7-Staaten und www.example.com.");
        assert_eq!(words, vec!["Ukraine", "Krieg", "Staaten"]);
    }

    #[test]
    fn forms_are_counted_regardless_of_case() {
        let (_, counts) = census("Die Russische Föderation und die russische Armee.");
        assert_eq!(counts["russische"], 2);
        assert_eq!(counts["föderation"], 1);
    }
}
