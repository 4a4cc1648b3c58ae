//! The words of one article as the misspelling check sees them: every checkable word part
//! with where it stands, and how often each form occurs (case-folded).
//!
//! A hyphenated token ("Ukraine-Krieg", "Sechs-Parteien-Gesprächen") is checked part by
//! part, so a finding points at the misspelt part only.

use foldhash::{HashMap, HashMapExt};
use std::ops::Range;

use crate::document::{Block, Document, TokenKind};
use crate::lexicon;

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

/// Per case-folded form: how often it occurs and its most frequent spelling.
#[derive(Debug, Clone, Default)]
pub struct FoldedStats<'a> {
    pub count: usize,
    pub spelling: &'a str,
    spelling_count: usize,
}

#[derive(Debug, Default)]
pub struct Census<'a> {
    pub occurrences: Vec<Occurrence<'a>>,
    /// Case-folded form → statistics.
    pub folded: HashMap<String, FoldedStats<'a>>,
    /// Exact form → its case-folded form.
    pub fold_of: HashMap<&'a str, String>,
}

impl<'a> Census<'a> {
    pub fn of(doc: &Document<'a>) -> Census<'a> {
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
        census
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
            let parts = parts(doc.text, &token.span);
            let last = parts.len() - 1;
            for (k, span) in parts.into_iter().enumerate() {
                let form = &doc.text[span.clone()];
                if is_checkable(form) {
                    self.occurrences.push(Occurrence {
                        span,
                        form,
                        token: range.start + i,
                        sentence: range.clone(),
                        before_hyphen: k < last,
                        credit,
                    });
                }
            }
        }
    }

    /// Fills the per-form statistics once all occurrences are known. Forms are visited in
    /// text order, so that the first of equally frequent spellings wins.
    fn tally(&mut self) {
        let mut exact: HashMap<&'a str, usize> = HashMap::new();
        for o in &self.occurrences {
            *exact.entry(o.form).or_default() += 1;
        }
        for o in &self.occurrences {
            let Some(count) = exact.remove(o.form) else {
                continue;
            };
            let folded = lexicon::fold(o.form);
            let stats = self.folded.entry(folded.clone()).or_default();
            if count > stats.spelling_count {
                stats.spelling = o.form;
                stats.spelling_count = count;
            }
            stats.count += count;
            self.fold_of.insert(o.form, folded);
        }
    }
}

/// The spans of the hyphen-separated parts of a word token.
fn parts(text: &str, span: &Range<usize>) -> Vec<Range<usize>> {
    if !text[span.clone()].contains('-') {
        return vec![span.clone()];
    }
    let mut out = Vec::new();
    let mut start = span.start;
    for (i, c) in text[span.clone()].char_indices() {
        if c == '-' {
            out.push(start..span.start + i);
            start = span.start + i + 1;
        }
    }
    out.push(start..span.end);
    out
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
            },
        );
        let census = Census::of(&doc);
        let words = census
            .occurrences
            .iter()
            .map(|o| o.form.to_string())
            .collect();
        let counts = census
            .folded
            .iter()
            .map(|(k, v)| (k.clone(), v.count))
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
