//! Name mentions: maximal runs of capitalised words, joined by spaces only, that are not
//! common nouns ("Präsident"), acronyms ("NATO") or words capitalised only because they
//! start a sentence ("Vier"). Photo credits are searched too: "© Alexei Nikolsky/Imago".

use std::ops::Range;

use super::lexicon::{Lexicon, WordFacts};
use crate::document::{Document, TokenKind};

/// The name mentions of a document, and what the word list said about its words on the way.
#[derive(Debug)]
pub struct Found {
    pub mentions: Vec<Mention>,
    /// By vocabulary id: the facts of each capitalised form (see [`find`]), `None` for
    /// other forms.
    pub facts: Vec<Option<WordFacts>>,
}

/// One run of name words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Indexes into `Document::tokens`.
    pub tokens: Range<usize>,
    /// The mention stands in a photo credit.
    pub in_credit: bool,
}

/// The name mentions of a document, in text order, with the facts of its capitalised forms.
///
/// A German-looking word between a name and a word German does not know belongs to a
/// foreign proper name and starts a mention ("Angeles | National Forest", "Immanuel |
/// Christian School"). Other common nouns fall away: titles ("Präsident Kim Jong-un") and
/// nouns after a genitive ("Kim Jong-uns Schwester").
pub fn find(doc: &Document, lexicon: &Lexicon) -> Found {
    let starts = sentence_starts(doc);
    // What the word list says about each distinct capitalised form, asked once.
    let facts: Vec<Option<WordFacts>> = doc
        .vocabulary
        .forms
        .iter()
        .map(|form| is_capitalised_word(form).then(|| lexicon.facts(form)))
        .collect();
    let mut mentions = Vec::new();
    for_each_capitalised_run(doc, &facts, &starts, |run| {
        mentions_of_run(run, &mut mentions)
    });
    Found { mentions, facts }
}

/// The mentions in one run of capitalised words.
fn mentions_of_run(run: &[RunWord], out: &mut Vec<Mention>) {
    let mut current: Option<Mention> = None;
    for (k, w) in run.iter().enumerate() {
        let inside_foreign = !w.name
            && run[..k].iter().any(|before| before.name)
            && run[k + 1..].iter().any(|later| later.foreign);
        if !w.name && !inside_foreign {
            out.extend(current.take());
            continue;
        }
        match &mut current {
            Some(m) if w.name => m.tokens.end = w.index + 1,
            _ => {
                out.extend(current.take());
                current = Some(Mention {
                    tokens: w.index..w.index + 1,
                    in_credit: w.in_credit,
                });
            }
        }
    }
    out.extend(current);
}

/// A word of a run of capitalised words.
struct RunWord {
    index: usize,
    in_credit: bool,
    /// Can be a name on its own.
    name: bool,
    /// Unknown to the German word list.
    foreign: bool,
}

/// Hands each maximal run of capitalised words joined by spaces, acronyms ending a run, to
/// `each`. One buffer holds every run in turn: most runs are a single word, and a vector
/// apiece cost more than finding them.
fn for_each_capitalised_run(
    doc: &Document,
    facts: &[Option<WordFacts>],
    starts: &[bool],
    mut each: impl FnMut(&[RunWord]),
) {
    let mut run: Vec<RunWord> = Vec::new();
    for block in &doc.blocks {
        let credit_start = block.credit.as_ref().map_or(usize::MAX, |c| c.start);
        for i in doc.token_range(&block.span) {
            let token = &doc.tokens[i];
            let in_credit = token.span.start >= credit_start;
            let sentence_start = starts[i] && !in_credit;
            let word_facts = doc.vocabulary.id(i).and_then(|id| facts[id]);
            let capitalised = word_facts.is_some_and(|f| !(sentence_start && f.lowercase_word));
            let joined = run.last().is_some_and(|w| {
                w.index + 1 == i && w.in_credit == in_credit && spaces_only(doc, i)
            });
            if (!capitalised || !joined) && !run.is_empty() {
                each(&run);
                run.clear();
            }
            if let Some(f) = word_facts.filter(|_| capitalised) {
                run.push(RunWord {
                    index: i,
                    in_credit,
                    // A name word is no common noun (a capitalised sentence start of a
                    // lower-case word never gets here).
                    name: !f.common_noun,
                    foreign: !f.known,
                });
            }
        }
        if !run.is_empty() {
            each(&run);
            run.clear();
        }
    }
}

/// Capitalised, at least two letters, not an acronym.
fn is_capitalised_word(word: &str) -> bool {
    // Most forms of a vocabulary start with a lower-case ASCII letter, their first letter.
    if word.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return false;
    };
    let mut rest = letters.peekable();
    first.is_uppercase() && rest.peek().is_some() && rest.any(|c| !c.is_uppercase())
}

/// For each token, whether it is the first word of its sentence.
fn sentence_starts(doc: &Document) -> Vec<bool> {
    let mut starts = vec![false; doc.tokens.len()];
    for s in &doc.sentences {
        let first = doc
            .token_range(&s.span)
            .find(|&i| doc.tokens[i].kind == TokenKind::Word);
        if let Some(i) = first {
            starts[i] = true;
        }
    }
    starts
}

/// Token `i` follows token `i - 1` with nothing but spaces between.
fn spaces_only(doc: &Document, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &doc.tokens[p]) else {
        return false;
    };
    let gap = &doc.text[prev.span.end..doc.tokens[i].span.start];
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ReadOptions;
    use crate::names;

    fn mentions(text: &str) -> Vec<String> {
        let doc = Document::parse(
            text,
            &ReadOptions {
                language: Some("de".into()),
                ..ReadOptions::default()
            },
        );
        let lexicon = &names::data("de").expect("German data").lexicon;
        find(&doc, lexicon)
            .mentions
            .iter()
            .map(|m| {
                let start = doc.tokens[m.tokens.start].span.start;
                let end = doc.tokens[m.tokens.end - 1].span.end;
                text[start..end].to_string()
            })
            .collect()
    }

    #[test]
    fn titles_and_sentence_starts_are_not_names() {
        assert_eq!(
            mentions("Vier Tage später traf Präsident Kim Jong-un den Kanzler Olaf Scholz."),
            vec!["Kim Jong-un", "Olaf Scholz"]
        );
    }

    #[test]
    fn credits_are_searched_but_kept_apart() {
        assert_eq!(
            mentions("Ein Empfang in Minsk. © Alexei Petrovsky/Foto\n"),
            vec!["Minsk", "Alexei Petrovsky", "Foto"]
        );
    }

    #[test]
    fn foreign_proper_names_keep_their_german_looking_words() {
        assert_eq!(
            mentions("Er wanderte im Angeles National Forest."),
            vec!["Angeles", "National Forest"]
        );
        assert_eq!(
            mentions("Kim Jong-uns Schwester kam."),
            vec!["Kim Jong-uns"]
        );
    }

    #[test]
    fn punctuation_and_acronyms_split_runs() {
        assert_eq!(
            mentions("Er sprach mit Xi, Kim und der NATO Lami Kim."),
            vec!["Xi", "Kim", "Lami Kim"]
        );
    }
}
