//! Where a word stands, read from its neighbours: at the start of a sentence, in a name
//! (after a title, next to other names), in apposition after a noun ("Unternehmen Mintel"),
//! among English or other foreign words. Read only for the few words that have a candidate
//! correction, so that ordinary words cost nothing here.

use crate::document::{Document, Token, TokenKind};
use crate::lang::Language;
use crate::lexicon::is_capitalised;
use crate::quotes::Role;

use super::census::Occurrence;
use super::evidence::Examiner;

/// How many words on each side are searched for an English function word.
const ENGLISH_REACH: usize = 3;
/// How many words on each side are weighed for foreignness.
const FOREIGN_REACH: usize = 2;
/// Quotations longer than this are speech, not titles.
const MAX_TITLE_WORDS: usize = 12;

/// Where a word stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    /// The first word of its sentence, capitalised whatever it is.
    pub sentence_start: bool,
    /// After a title, after a verb of saying, or next to other names ("Xi Jinping", "die
    /// Tschechin Barbora Strýcová"): a name, which no lexicon is expected to know.
    pub name_position: bool,
    /// Right after a capitalised noun ("Marktforschungsunternehmen Mintel"): a name in
    /// apposition more often than a misspelt noun.
    pub after_noun: bool,
    /// Followed by a capitalised word: a capitalised adjective here belongs to a proper
    /// name ("Russischen Föderation").
    pub before_capital: bool,
    /// Within three words of an English function word ("Center for Security Studies").
    pub english: bool,
    /// Right after an article or a preposition fused with one ("die", "im", "zur"): a
    /// capitalised word here is a noun, made of any word ("im Klaren").
    pub after_article: bool,
    /// Among words that are not German: two of its four nearest neighbours, or most of a
    /// short quotation around it (a title such as „Surge (Social Cataracts)“).
    pub foreign: bool,
}

/// The words of a sentence around one token.
struct Neighbourhood<'a, 't> {
    doc: &'t Document<'a>,
    tokens: &'t [Token],
    /// Position of the occurrence's token in `tokens`.
    at: usize,
}

impl<'a> Neighbourhood<'a, '_> {
    fn word(&self, i: Option<usize>) -> Option<&'a str> {
        let t = self.tokens.get(i?)?;
        (t.kind == TokenKind::Word).then(|| self.doc.slice(&t.span))
    }

    /// Up to `n` words before (nearest first) or after the occurrence, across punctuation.
    fn words(&self, before: bool, n: usize) -> Vec<&'a str> {
        let pick = |t: &Token| (t.kind == TokenKind::Word).then(|| self.doc.slice(&t.span));
        if before {
            self.tokens[..self.at]
                .iter()
                .rev()
                .filter_map(pick)
                .take(n)
                .collect()
        } else {
            self.tokens[self.at + 1..]
                .iter()
                .filter_map(pick)
                .take(n)
                .collect()
        }
    }
}

/// Reads the context of an occurrence.
pub fn read<'a>(
    doc: &Document<'a>,
    lang: &Language,
    examiner: &mut Examiner<'_, '_, 'a>,
    o: &Occurrence<'a>,
) -> Context {
    let n = Neighbourhood {
        doc,
        tokens: &doc.tokens[o.sentence.clone()],
        at: o.token - o.sentence.start,
    };
    let first_word = n.tokens.iter().position(|t| t.kind == TokenKind::Word);
    let capital = is_capitalised(o.form);
    let lex = examiner.lexicon();
    let english = n
        .words(true, ENGLISH_REACH)
        .into_iter()
        .chain(n.words(false, ENGLISH_REACH))
        .any(|w| lex.lists.english_words.contains(&w.to_lowercase()));
    let before = n.word(n.at.checked_sub(1));
    let after_article = before.is_some_and(|w| {
        is_determiner(lang, w) || lex.lists.article_contractions.contains(&w.to_lowercase())
    });
    Context {
        sentence_start: first_word == Some(n.at) || opens_clause(&n),
        name_position: capital && in_name_position(&n, lang, examiner, first_word),
        after_noun: capital && after_noun(&n, lang, examiner, first_word),
        before_capital: n
            .word(Some(n.at + 1))
            .is_some_and(|w| is_capitalised(w) && !is_determiner(lang, w)),
        english,
        after_article,
        foreign: among_strangers(&n, examiner) || in_foreign_quotation(doc, examiner, o),
    }
}

/// Whether the word follows a colon, a dash, an opening quotation mark or bracket, after
/// which German may capitalise any word.
fn opens_clause(n: &Neighbourhood) -> bool {
    let before = n.at.checked_sub(1).and_then(|i| n.tokens.get(i));
    before.is_some_and(|t| {
        t.kind == TokenKind::Punct
            && matches!(
                n.doc.slice(&t.span),
                ":" | "–" | "—" | "„" | "\"" | "»" | "«" | "(" | "‚"
            )
    })
}

fn is_determiner(lang: &Language, word: &str) -> bool {
    lang.determiners.contains(&word.to_lowercase())
}

/// A capitalised word at the start of a sentence that is an ordinary lower-case word
/// ("Im", "Fünf", "Die").
fn ordinary_first_word(examiner: &Examiner, word: &str, is_first: bool) -> bool {
    is_first && examiner.lexicon().spells(&word.to_lowercase())
}

/// After a title or a verb of saying, or in a run of adjacent capitalised words (name
/// particles such as "van" between them) that holds a title before it or another name.
/// After a determiner the run's first word is the determiner's noun ("die Tschechin
/// Barbora Strýcová"), and a capitalised ordinary word opening the sentence is no name.
fn in_name_position<'a>(
    n: &Neighbourhood<'a, '_>,
    lang: &Language,
    examiner: &mut Examiner<'_, '_, 'a>,
    first_word: Option<usize>,
) -> bool {
    let lex = examiner.lexicon();
    let word = n.word(Some(n.at)).unwrap_or_default();
    if lex.is_title(word) {
        return false;
    }
    let before = n.word(n.at.checked_sub(1));
    if before.is_some_and(|w| lex.is_title(w)) {
        return true;
    }
    if before.is_some_and(|w| lex.lists.speech_verbs.contains(w)) {
        // "sagte Fulmer." or "sagte Jane Fulmer", not "erzählte Vertretern der …".
        let next = n.word(Some(n.at + 1));
        if next.is_none_or(is_capitalised) {
            return true;
        }
    }
    let in_run = |w: &str| {
        (is_capitalised(w) && !is_determiner(lang, w)) || lex.lists.name_particles.contains(w)
    };
    // A genitive ends the name before it: "Hickeys Version", "Putins Regierung".
    let genitive = |w: &str| w.ends_with('s') && !lex.lists.name_particles.contains(w);
    let mut first = n.at;
    while n
        .word(first.checked_sub(1))
        .is_some_and(|w| in_run(w) && !genitive(w))
    {
        first -= 1;
    }
    let mut last = n.at;
    while n.word(Some(last + 1)).is_some_and(in_run) {
        last += 1;
    }
    if n.word(first.checked_sub(1))
        .is_some_and(|w| is_determiner(lang, w))
    {
        if first == n.at {
            return false;
        }
        first += 1;
    }
    (first..=last).filter(|&k| k != n.at).any(|k| {
        let Some(w) = n.word(Some(k)) else {
            return false;
        };
        // A genitive after the word is its attribute: "Schriften Vidyasagars".
        let attribute = k > n.at && genitive(w);
        if !is_capitalised(w)
            || attribute
            || ordinary_first_word(examiner, w, Some(k) == first_word)
        {
            return false;
        }
        (k < n.at && examiner.lexicon().is_title(w)) || examiner.is_name_like(w)
    })
}

/// Right after a capitalised word that is a noun (or an acronym), not a genitive ("Putins
/// Regierung"), not a determiner, not an ordinary word capitalised at the sentence start.
fn after_noun<'a>(
    n: &Neighbourhood<'a, '_>,
    lang: &Language,
    examiner: &mut Examiner<'_, '_, 'a>,
    first_word: Option<usize>,
) -> bool {
    let Some(before) = n.word(n.at.checked_sub(1)) else {
        return false;
    };
    let last_part = before.rsplit('-').next().unwrap_or(before);
    let acronym = last_part.chars().count() >= 2 && last_part.chars().all(char::is_uppercase);
    is_capitalised(before)
        && !before.ends_with('s')
        && !is_determiner(lang, before)
        && !ordinary_first_word(examiner, before, n.at.checked_sub(1) == first_word)
        && (acronym || (examiner.is_word(last_part) && !examiner.is_name_like(last_part)))
}

/// Two of the four nearest words are not German words. Words with digits or hyphens and
/// long words do not count: German compounds and "15-tägige" are unknown but German.
fn among_strangers<'a>(n: &Neighbourhood<'a, '_>, examiner: &mut Examiner<'_, '_, 'a>) -> bool {
    let near = n
        .words(true, FOREIGN_REACH)
        .into_iter()
        .chain(n.words(false, FOREIGN_REACH));
    let telling =
        |w: &&str| w.chars().count() < LONG_GERMAN_CHARS && w.chars().all(char::is_alphabetic);
    near.filter(telling)
        .filter(|w| !examiner.is_word(w))
        .count()
        >= 2
}

/// Unknown words this long are mostly German compounds, no sign of a foreign passage.
const LONG_GERMAN_CHARS: usize = 13;

/// Inside a short quotation most of whose other words are not German.
fn in_foreign_quotation<'a>(
    doc: &Document<'a>,
    examiner: &mut Examiner<'_, '_, 'a>,
    o: &Occurrence<'a>,
) -> bool {
    let marks = &doc.quotes.marks;
    let quotation = marks
        .iter()
        .filter_map(|m| {
            let close = marks.get(m.partner?)?;
            (m.role == Role::Open && m.pos < o.span.start && o.span.end <= close.pos)
                .then_some(m.pos..close.pos)
        })
        .max_by_key(|q| q.start);
    let Some(quotation) = quotation else {
        return false;
    };
    let others: Vec<&'a str> = doc.tokens[doc.token_range(&quotation)]
        .iter()
        .filter(|t| t.kind == TokenKind::Word && !t.span.contains(&o.span.start))
        .map(|t| doc.slice(&t.span))
        .collect();
    let strangers = others.iter().filter(|w| !examiner.is_word(w)).count();
    others.len() < MAX_TITLE_WORDS && strangers > 0 && 2 * strangers >= others.len()
}
