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
    // By vocabulary id: capitalised forms that are no common noun, the words that can be a
    // name on their own (unless they are a sentence start).
    let name_forms: Vec<bool> = facts
        .iter()
        .map(|f| f.is_some_and(|f| !f.common_noun))
        .collect();
    let mut mentions = Vec::new();
    for_each_capitalised_run(doc, &facts, &name_forms, &starts, |run| {
        mentions_of_run(run, |w| w.foreign(doc, lexicon), &mut mentions)
    });
    Found { mentions, facts }
}

/// The mentions in one run of capitalised words; `foreign` tells whether a word is unknown
/// to the German word list, asked only of the words after a German-looking one.
fn mentions_of_run(run: &[RunWord], foreign: impl Fn(&RunWord) -> bool, out: &mut Vec<Mention>) {
    let mut current: Option<Mention> = None;
    for (k, w) in run.iter().enumerate() {
        let inside_foreign = !w.name
            && run[..k].iter().any(|before| before.name)
            && run[k + 1..].iter().any(&foreign);
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
    /// Known to the German word list, when that is settled ([`WordFacts::known`]).
    known: Option<bool>,
}

impl RunWord {
    /// Unknown to the German word list.
    fn foreign(&self, doc: &Document, lexicon: &Lexicon) -> bool {
        let known = self
            .known
            .unwrap_or_else(|| lexicon.unsettled_knows(doc.slice(&doc.tokens[self.index].span)));
        !known
    }
}

/// Hands each maximal run of capitalised words joined by spaces that holds a name word to
/// `each`, in text order. A run without one holds no mention ([`mentions_of_run`]), so runs
/// are only gathered around a word that can be a name: most words of an article are
/// lower-case or common nouns, and they are passed over by their form id alone: `name_forms`
/// marks the forms that can be a name on their own unless capitalised as a sentence start.
/// One buffer holds every run in turn: most runs are a single word, and a vector apiece cost
/// more than finding them.
fn for_each_capitalised_run(
    doc: &Document,
    facts: &[Option<WordFacts>],
    name_forms: &[bool],
    starts: &[bool],
    mut each: impl FnMut(&[RunWord]),
) {
    let mut run: Vec<RunWord> = Vec::new();
    for block in &doc.blocks {
        let words = BlockWords {
            doc,
            facts,
            starts,
            credit_start: block.credit.as_ref().map_or(usize::MAX, |c| c.start),
        };
        let tokens = doc.token_range(&block.span);
        let mut i = tokens.start;
        while let Some(next) = doc.vocabulary.next_marked(i..tokens.end, name_forms) {
            i = next;
            if words.capitalised(i).is_none() {
                i += 1;
                continue;
            }
            // The run around a name word, which is the first one of its run: a run ends
            // where the next one starts to be looked for.
            let mut start = i;
            while start > tokens.start && words.joined(start - 1) {
                start -= 1;
            }
            let mut end = i + 1;
            while end < tokens.end && words.joined(end - 1) {
                end += 1;
            }
            run.clear();
            run.extend((start..end).filter_map(|t| words.run_word(t)));
            each(&run);
            i = end;
        }
    }
}

/// What a block's tokens are, for finding its runs of capitalised words.
struct BlockWords<'w, 'd, 'a> {
    doc: &'d Document<'a>,
    facts: &'w [Option<WordFacts>],
    starts: &'w [bool],
    /// Where the block's photo credit starts (`usize::MAX` without one).
    credit_start: usize,
}

impl BlockWords<'_, '_, '_> {
    fn facts(&self, i: usize) -> Option<WordFacts> {
        self.doc.vocabulary.id(i).and_then(|id| self.facts[id])
    }

    fn in_credit(&self, i: usize) -> bool {
        self.doc.tokens[i].span.start >= self.credit_start
    }

    /// The facts of token `i` if it is a capitalised word: a lower-case word capitalised
    /// only as a sentence start ("Vier") is not one, except in a credit, which has no
    /// sentences.
    fn capitalised(&self, i: usize) -> Option<WordFacts> {
        let f = self.facts(i)?;
        let sentence_start = f.lowercase_word && self.starts[i] && !self.in_credit(i);
        (!sentence_start).then_some(f)
    }

    /// Tokens `i` and `i + 1` are capitalised words of one run: joined by spaces only, and
    /// both in the credit or both outside it.
    fn joined(&self, i: usize) -> bool {
        self.capitalised(i).is_some()
            && self.capitalised(i + 1).is_some()
            && self.in_credit(i) == self.in_credit(i + 1)
            && spaces_only(self.doc, i + 1)
    }

    fn run_word(&self, i: usize) -> Option<RunWord> {
        let f = self.capitalised(i)?;
        Some(RunWord {
            index: i,
            in_credit: self.in_credit(i),
            // A name word is no common noun (a capitalised sentence start of a lower-case
            // word never gets here).
            name: !f.common_noun,
            known: f.known(),
        })
    }
}

/// Capitalised, at least two letters, not an acronym.
#[inline]
fn is_capitalised_word(word: &str) -> bool {
    // Most forms of a vocabulary start with a lower-case ASCII letter, their first letter:
    // told inline, the rest is asked out of line.
    !word.as_bytes().first().is_some_and(u8::is_ascii_lowercase) && has_capitalised_letters(word)
}

/// [`is_capitalised_word`] for a word that does not start with a lower-case ASCII letter.
#[inline(never)]
fn has_capitalised_letters(word: &str) -> bool {
    if word.is_ascii() {
        // Most of the rest are ASCII, whose letters and case are read off each byte.
        let letters = word.bytes().filter(u8::is_ascii_alphabetic);
        return capitalised_letters(letters, u8::is_ascii_uppercase);
    }
    capitalised_letters(word.chars().filter(|c| c.is_alphabetic()), |c| {
        c.is_uppercase()
    })
}

/// The first of the letters is upper-case, and some later one is not.
fn capitalised_letters<L>(
    mut letters: impl Iterator<Item = L>,
    upper: impl Fn(&L) -> bool,
) -> bool {
    let Some(first) = letters.next() else {
        return false;
    };
    let mut rest = letters.peekable();
    upper(&first) && rest.peek().is_some() && rest.any(|c| !upper(&c))
}

/// For each token, whether it is the first word of its sentence. Sentences and tokens are
/// both in text order, so one walk through the tokens finds every sentence's first word.
fn sentence_starts(doc: &Document) -> Vec<bool> {
    let tokens = &doc.tokens;
    let mut starts = vec![false; tokens.len()];
    let mut t = 0;
    for s in &doc.sentences {
        while t < tokens.len() && tokens[t].span.start < s.span.start {
            t += 1;
        }
        let first_word = tokens[t..]
            .iter()
            .take_while(|token| token.span.start < s.span.end)
            .position(|token| token.kind == TokenKind::Word);
        if let Some(k) = first_word {
            starts[t + k] = true;
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
    fn ascii_words_are_classified_as_by_their_chars() {
        for word in [
            "Putin", "NATO", "USA-Chef", "Xi", "X", "x", "3M", "A380", "O'Brien", "McFaul", "a",
            "", "-", "Ex-Frau", "EU", "Eu", "kV", "K9",
        ] {
            let mut letters = word.chars().filter(|c| c.is_alphabetic());
            let by_chars = letters.next().is_some_and(char::is_uppercase) && {
                let rest: Vec<char> = letters.collect();
                !rest.is_empty() && rest.iter().any(|c| !c.is_uppercase())
            };
            assert_eq!(is_capitalised_word(word), by_chars, "{word}");
        }
        assert!(is_capitalised_word("Ärzte") && !is_capitalised_word("ÄRZTE"));
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
