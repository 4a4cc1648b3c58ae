//! Names: the shared analysis behind the `name-variant`, `house-spelling` and
//! `english-romanization` checks.
//!
//! A name is a run of capitalised words that the German word list does not know as common
//! nouns ([`lexicon`]); [`mentions`] finds them in a document, photo credits included.
//! Spellings of one name are grouped by a fold key ([`fold`]) and compared in [`variants`];
//! the newsroom's spellings come from the house list ([`house`]) and the German romanisation
//! of East Slavic names from [`romanize`]. All language knowledge is read from
//! `dictionaries/<lang>/` (`names.tsv`, `romanization.toml`, the Hunspell word list); a
//! language without these files gets no name checks.

pub mod fold;
pub mod house;
pub mod lexicon;
pub mod mentions;
pub mod romanize;
pub mod stems;
pub mod variants;

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

use crate::document::{BlockKind, Document, TokenKind};
pub use house::{HouseList, HouseRow, NamesError};
use lexicon::{Lexicon, WordFacts};
use mentions::Mention;
use romanize::Romanization;

/// How many opening blocks may hold the title: a page may start with the outlet's name.
const TITLE_BLOCKS: usize = 3;
/// A name mentioned at least this often, and more than any other, is the article's subject.
const SUBJECT_MIN_MENTIONS: usize = 3;

/// Everything the name checks know about one language.
#[derive(Debug)]
pub struct NameData {
    pub house: HouseList,
    pub lexicon: Lexicon,
    pub romanization: Romanization,
}

struct EmbeddedNames {
    house: &'static str,
    stems: lexicon::StemTables,
    romanization: &'static str,
}

fn embedded(code: &str) -> Option<EmbeddedNames> {
    match code {
        "de" => Some(EmbeddedNames {
            house: include_str!("../../dictionaries/de/names.tsv"),
            // Compiled by build.rs from dictionaries/de/hunspell/de_DE.dic.
            stems: lexicon::StemTables {
                nouns: include_bytes!(concat!(env!("OUT_DIR"), "/stems-nouns-de.bin")),
                compounding: include_bytes!(concat!(env!("OUT_DIR"), "/stems-compounding-de.bin")),
                capitalised: include_bytes!(concat!(env!("OUT_DIR"), "/stems-capitalised-de.bin")),
                lower: include_bytes!(concat!(env!("OUT_DIR"), "/stems-lower-de.bin")),
            },
            romanization: include_str!("../../dictionaries/de/romanization.toml"),
        }),
        _ => None,
    }
}

/// Why embedded name data could not be read (a bug in `dictionaries/`).
#[derive(Debug, thiserror::Error)]
pub enum NameDataError {
    #[error(transparent)]
    House(#[from] NamesError),
    #[error("dictionaries/{0}/romanization.toml: {1}")]
    Romanization(String, toml::de::Error),
    #[error("the compiled stem tables of language {0:?}: {1}")]
    Stems(String, crate::lexicon::freq::FormatError),
    #[error("no name data for language {0:?}")]
    Missing(String),
}

/// Parses one language's embedded name data.
pub fn load(code: &str) -> Result<NameData, NameDataError> {
    let files = embedded(code).ok_or_else(|| NameDataError::Missing(code.to_string()))?;
    let origin = format!("dictionaries/{code}/names.tsv");
    Ok(NameData {
        house: HouseList::parse(code, files.house, &origin)?,
        lexicon: Lexicon::from_tables(&files.stems)
            .map_err(|e| NameDataError::Stems(code.to_string(), e))?
            .with_frequency_table(crate::lexicon::frequencies(code)),
        romanization: Romanization::parse(files.romanization)
            .map_err(|e| NameDataError::Romanization(code.to_string(), e))?,
    })
}

/// The name data of a language, parsed on first use; `None` without data.
pub fn data(code: &str) -> Option<&'static NameData> {
    static DE: OnceLock<Option<NameData>> = OnceLock::new();
    match code {
        "de" => DE.get_or_init(|| load("de").ok()).as_ref(),
        _ => None,
    }
}

/// What the name checks of one document work with.
pub struct Context<'d, 'a> {
    pub doc: &'d Document<'a>,
    pub data: &'static NameData,
    /// The newsroom's list when one was given for this language, else the embedded one.
    pub house: &'d HouseList,
    /// The names of the document, found once and shared by the name checks.
    pub mentions: &'d [Mention],
    /// What the word list says about each capitalised form, by vocabulary id.
    word_facts: &'d [Option<WordFacts>],
}

impl<'d, 'a> Context<'d, 'a> {
    /// `None` when the document's language has no name data.
    pub fn new(doc: &'d Document<'a>) -> Option<Context<'d, 'a>> {
        let data = data(doc.lang?.code)?;
        let house = match &doc.house_names {
            Some(list) if list.lang == doc.language => list.as_ref(),
            _ => &data.house,
        };
        let found = doc
            .name_mentions
            .get_or_init(|| mentions::find(doc, &data.lexicon));
        Some(Context {
            doc,
            data,
            house,
            mentions: &found.mentions,
            word_facts: &found.facts,
        })
    }

    /// The text of a document token.
    pub fn word(&self, token: usize) -> &'a str {
        self.doc.slice(&self.doc.tokens[token].span)
    }

    /// Whether German text knows the word of a token ([`Lexicon::knows`]); for a capitalised
    /// word the answer is at hand, given when the mentions were found.
    pub fn knows_word(&self, token: usize) -> bool {
        self.settled_knows_word(token)
            .unwrap_or_else(|| self.data.lexicon.unsettled_knows(self.word(token)))
    }

    /// [`Context::knows_word`] when the facts of the token's word settle it
    /// ([`WordFacts::known`]); `None` when it takes the costly compound test, which a caller
    /// may want to ask last. A token without word facts (no capitalised word) gets the full
    /// answer of [`Lexicon::knows`], compound test included.
    pub fn settled_knows_word(&self, token: usize) -> Option<bool> {
        let facts = self
            .doc
            .vocabulary
            .id(token)
            .and_then(|id| self.word_facts.get(id));
        match facts {
            Some(Some(f)) => f.known(),
            _ => Some(self.data.lexicon.knows(self.word(token))),
        }
    }

    /// The article's main subjects: the names in the title and the most mentioned name.
    pub fn subjects(&self) -> &'d Subjects {
        // Every name check asks; the answer is computed once per document.
        self.doc.name_subjects.get_or_init(|| self.find_subjects())
    }

    fn find_subjects(&self) -> Subjects {
        let title_end = self
            .doc
            .blocks
            .iter()
            .take(TITLE_BLOCKS)
            .filter(|b| b.kind == BlockKind::Headline)
            .map(|b| b.span.end)
            .max()
            .unwrap_or(0);
        let mut subjects = Subjects::default();
        let mut counts = FxHashMap::<String, usize>::default();
        for m in self.mentions {
            if self.doc.tokens[m.tokens.start].span.start < title_end {
                for start in m.tokens.clone() {
                    let span = self.doc.tokens[start].span.start
                        ..self.doc.tokens[m.tokens.end - 1].span.end;
                    let name = self.doc.slice(&span);
                    subjects.title.insert(fold::fold(name));
                    if let Some(base) = name.strip_suffix('s') {
                        subjects.title.insert(fold::fold(base));
                    }
                }
            }
            *counts
                .entry(fold::fold(self.base_word(m.tokens.end - 1)))
                .or_default() += 1;
        }
        let top = counts.values().copied().max().unwrap_or(0);
        if top >= SUBJECT_MIN_MENTIONS {
            subjects.most_mentioned = counts
                .into_iter()
                .filter(|(_, n)| *n == top)
                .map(|(k, _)| k)
                .collect();
        }
        subjects
    }

    /// A word without a genitive `s` when the article also has it without ("Putins").
    pub fn base_word(&self, token: usize) -> &'a str {
        let word = self.word(token);
        match word.strip_suffix('s') {
            Some(base) if base.chars().count() >= 2 && self.doc.count(base) > 0 => base,
            _ => word,
        }
    }

    /// Whether a capitalised word next to a name belongs to something else: an acronym
    /// ("LNG Canada"; roman numerals aside) or a foreign word German does not know and that
    /// never stands alone as a name here ("Capitol Hill", "Kyiv Independent"). Compounds
    /// are German ("Social-Media-Star").
    pub fn is_foreign_neighbour(&self, token: usize) -> bool {
        let word = self.word(token);
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        if !letters.first().is_some_and(|c| c.is_uppercase()) || word.contains('-') {
            return false;
        }
        let roman = letters.iter().all(|c| matches!(c, 'I' | 'V' | 'X'));
        let acronym = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) && !roman;
        acronym
            || (!self.knows_word(token)
                && !self
                    .mentions
                    .iter()
                    .any(|m| m.tokens.len() == 1 && self.word(m.tokens.start) == word))
    }

    /// The Word token directly before or after `token`, joined to it by spaces only.
    pub fn neighbour(&self, token: usize, after: bool) -> Option<usize> {
        let other = if after {
            token + 1
        } else {
            token.checked_sub(1)?
        };
        let (first, second) = (token.min(other), token.max(other));
        let (a, b) = (self.doc.tokens.get(first)?, self.doc.tokens.get(second)?);
        let gap = &self.doc.text[a.span.end..b.span.start];
        let joined = !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}');
        (joined && self.doc.tokens[other].kind == TokenKind::Word).then_some(other)
    }

    /// Whether a byte offset lies in a photo credit: a byline, not copy.
    pub fn in_credit(&self, pos: usize) -> bool {
        self.doc
            .blocks
            .iter()
            .any(|b| b.credit.as_ref().is_some_and(|c| c.contains(&pos)))
    }
}

/// The names an article is about.
#[derive(Debug, Default)]
pub struct Subjects {
    /// Fold keys of the names (and their trailing words) in the title.
    title: FxHashSet<String>,
    /// Fold keys of the most mentioned last word.
    most_mentioned: FxHashSet<String>,
}

impl Subjects {
    /// Whether a spelling names a main subject.
    pub fn contains(&self, name: &str) -> bool {
        let last = name.rsplit([' ', '-']).next().unwrap_or(name);
        self.title.contains(&fold::fold(name)) || self.most_mentioned.contains(&fold::fold(last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_name_data_parses() {
        if let Err(e) = load("de") {
            panic!("{e}");
        }
    }

    /// `fixtures/de/names.txt` plants one case of every name problem next to the traps:
    /// other members of the Kim family, Xi and Xie, an English and a Czech name, a genitive,
    /// an English newspaper title.
    #[test]
    fn the_names_fixture_gives_exactly_the_planted_findings() {
        use crate::checks;
        use crate::document::ReadOptions;
        use crate::finding::Category;

        let text = include_str!("../../fixtures/de/names.txt");
        let doc = Document::parse(
            text,
            &ReadOptions {
                language: Some("de".into()),
                ..ReadOptions::default()
            },
        );
        let findings = checks::run(&doc, &checks::all());
        let found: Vec<(usize, &str, &str, &str)> = findings
            .iter()
            .filter(|f| {
                matches!(
                    f.category(),
                    Category::NameConsistency | Category::Transliteration
                )
            })
            .map(|f| {
                (
                    doc.line_number(f.span.start),
                    f.rule.id,
                    &text[f.span.clone()],
                    f.suggestions.first().map_or("", String::as_str),
                )
            })
            .collect();
        assert_eq!(
            found,
            vec![
                (1, "name-variant", "Kim Yo-jong", "Kim Yo Jong"),
                (5, "name-variant", "Shoigu", "Schoigu"),
                (7, "english-romanization", "Kuznetsov", "Kusnezow"),
                (
                    7,
                    "english-romanization",
                    "Novocherkassk",
                    "Nowotscherkassk"
                ),
                (7, "english-romanization", "Kuznetsov", "Kusnezow"),
                (9, "house-spelling", "Zelensky", "Selenskyj"),
                (9, "house-spelling", "Kyiv", "Kiew"),
                (11, "name-variant", "Abu-Dhabi", "Abu Dhabi"),
                (16, "name-variant", "Lovetskiy", "Lovetsky"),
            ]
        );
    }

    #[test]
    fn known_words_are_answered_as_the_word_list_does() {
        let text = "Präsident Kim Jong-un traf Olaf Scholz, Ursula von der Leyen und die NATO. \
                    Vier Kyiv Independent Reporter sahen Straße, STRASSE und Capitol Hill. \
                    Die Ex-Frau von Zelensky aß Äpfel in Groß-Gerau. © Alexei Petrovsky/Imago\n";
        let doc = Document::parse(
            text,
            &crate::document::ReadOptions {
                language: Some("de".into()),
                ..crate::document::ReadOptions::default()
            },
        );
        let cx = Context::new(&doc).expect("German name data");
        let lexicon = &cx.data.lexicon;
        // Only tokens with facts at hand are answered differently from the word list.
        let with_facts: Vec<usize> = (0..doc.tokens.len())
            .filter(|&t| {
                doc.vocabulary
                    .id(t)
                    .is_some_and(|id| matches!(cx.word_facts.get(id), Some(Some(_))))
            })
            .collect();
        for &t in &with_facts {
            assert_eq!(
                cx.knows_word(t),
                lexicon.knows(cx.word(t)),
                "{}",
                cx.word(t)
            );
        }
        assert!(with_facts.len() >= 20, "{}", with_facts.len());
    }

    #[test]
    fn the_german_house_list_is_large_enough() {
        let data = data("de").expect("German name data");
        let people_and_places = data
            .house
            .rows()
            .iter()
            .filter(|r| r.kind != house::Kind::Org)
            .count();
        assert!(people_and_places >= 300, "{people_and_places}");
    }
}
