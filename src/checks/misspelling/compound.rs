//! Compounds: German writes new compounds every day, so a long word in no list is mostly a
//! correct compound of known words. A typo inside one is found by its parts: the compound
//! splits into a known part and a part one typing slip from a frequent word, and the
//! repaired compound is one Hunspell accepts ("Notstandsbedugnissen": "Notstands" +
//! "bedugnissen", one key from "befugnissen"; Hunspell knows "Notstandsbefugnissen").

use crate::lexicon::Lexicon;

use super::evidence::{EASY_SLIP, PLAIN_SLIP, slip_cost};

/// Words at least this long are tried as compounds.
pub const MIN_COMPOUND_CHARS: usize = 10;
/// The shortest first part ("Not-", "Welt-") and the shortest last part ("-kette"):
/// shorter ones are mostly prefixes and endings, not words.
const MIN_HEAD_CHARS: usize = 3;
const MIN_TAIL_CHARS: usize = 4;
/// A part is a known word from this frequency on (for a word Hunspell lacks)…
const KNOWN_PART_ZIPF: f32 = 3.0;
/// … or this one, beside a part that is one slip from a word and a whole Hunspell knows.
const REPAIR_BESIDE_ZIPF: f32 = 2.5;
/// … and a misspelt part is repaired only to a word at least this frequent.
const REPAIRED_PART_ZIPF: f32 = 2.5;
/// A word that splits into words at least this frequent is a compound, however rare.
const WORD_PART_ZIPF: f32 = 2.0;
/// The part that holds the typo is at least this long, or this long for an easy slip
/// (a swap, a doubled letter): short parts are one slip from many words.
const MIN_TYPED_PART_CHARS: usize = 5;
const MIN_EASY_TYPED_PART_CHARS: usize = 4;
/// Only the splits with the longest known parts are searched: a shorter known part leaves
/// a longer unknown rest that holds the typo and more ("Not" + "standsbedugnissen").
const SPLITS_SEARCHED: usize = 2;

/// A compound repaired: the folded whole, and the part as typed and as repaired.
#[derive(Debug, Clone, PartialEq)]
pub struct Repair {
    pub folded: String,
    pub typed_part: String,
    pub part: String,
    pub part_zipf: f32,
    pub slip: f32,
    /// The last part of the repaired whole, which decides how it is written.
    pub last_part: String,
    /// The part beside the repaired one, as written.
    pub known_part: String,
}

impl Repair {
    /// Whether the repaired whole is a word even if Hunspell does not compound it
    /// ("Militärbasenprojekte"): both parts long and common, the slip an easy one. A short
    /// part is as often a prefix ("be-", "unt-") as a word.
    pub fn is_sure(&self) -> bool {
        let long = |p: &str| p.chars().count() >= SURE_PART_CHARS;
        self.part_zipf >= SURE_PART_ZIPF
            && self.slip <= EASY_SLIP
            && long(&self.typed_part)
            && long(&self.known_part)
    }
}

/// A part that may hold the typo: in no list at all (a rare word is no typo: "resorts"
/// and "ressorts" are both words), and long enough not to be one slip from many words
/// ("gutt": "gurt", "gott", "glatt"…).
fn is_unknown_part(lex: &Lexicon, part: &str) -> bool {
    part.chars().count() >= MIN_EASY_TYPED_PART_CHARS && lex.zipf(part).is_none()
}

/// The last part of a folded word that splits into a known head (possibly with a linking
/// element) and a known last part of at least four letters, the longest such part first:
/// "rechenschafts" + "pflicht". Hunspell does not compound every compound
/// ("Rechenschaftspflicht", "Restaurantkette"); the frequency list has them.
pub fn known_last_part<'w>(lex: &Lexicon, folded: &'w str) -> Option<&'w str> {
    last_part(lex, folded, KNOWN_PART_ZIPF)
}

/// Whether a folded word splits into words of the frequency list, however rare
/// ("paria" + "status", "urlaubs" + "resorts"): a compound, not a typo.
pub fn is_compound_of_words(lex: &Lexicon, folded: &str) -> bool {
    last_part(lex, folded, WORD_PART_ZIPF).is_some()
}

/// The last part of the first split of a folded word into two words of at least `min_zipf`.
fn last_part<'w>(lex: &Lexicon, folded: &'w str, min_zipf: f32) -> Option<&'w str> {
    let bounds = char_bounds(folded);
    let mut splits = Splits::of(lex, folded, &bounds)?;
    let i = splits.first_of_words(min_zipf)?;
    Some(&folded[splits.at[i]..])
}

/// The byte offset of each character of a word.
fn char_bounds(word: &str) -> Vec<usize> {
    word.char_indices().map(|(i, _)| i).collect()
}

/// A repaired part this frequent and parts this long make a word of the repaired whole
/// even if Hunspell does not compound it (see [`Repair::is_sure`]).
const SURE_PART_ZIPF: f32 = 3.0;
const SURE_PART_CHARS: usize = 5;

/// The compound repairs of a long folded word in no list: split into a known part and a
/// part one likely typing slip (not a distant key) from a frequent word. Whether Hunspell
/// accepts the repaired whole is the caller's to ask. Repairs come unsorted and may repeat.
pub fn repairs(lex: &Lexicon, folded: &str) -> Vec<Repair> {
    let bounds = char_bounds(folded);
    if bounds.len() < MIN_COMPOUND_CHARS {
        return Vec::new();
    }
    let Some(mut splits) = Splits::of(lex, folded, &bounds) else {
        return Vec::new();
    };
    if splits.first_of_words(WORD_PART_ZIPF).is_some() {
        // A compound of words, however rare ("Pariastatus"), is no typo.
        return Vec::new();
    }
    let mut out = Vec::new();
    // A known tail, longest first: the typo is in the head (or before its linking element).
    for at in splits.known_tails() {
        let (head, tail) = folded.split_at(at);
        let with_tail = |whole: String| (whole, tail.to_string(), tail.to_string());
        if is_unknown_part(lex, head) {
            repair_part(
                lex,
                head,
                |part| with_tail(format!("{part}{tail}")),
                &mut out,
            );
        }
        for e in &lex.lists.linking_elements {
            if let Some(stem) = head.strip_suffix(e.as_str())
                && is_unknown_part(lex, stem)
            {
                repair_part(
                    lex,
                    stem,
                    |part| with_tail(format!("{part}{e}{tail}")),
                    &mut out,
                );
            }
        }
    }
    // A known head, longest first: the typo is in the tail.
    for at in splits.known_heads() {
        let (head, tail) = folded.split_at(at);
        let whole = |part: &str| (format!("{head}{part}"), part.to_string(), head.to_string());
        repair_part(lex, tail, whole, &mut out);
    }
    out
}

/// The ways to split a word into a head and a tail, with how frequent each is as a word
/// (the head possibly with a linking element), looked up only where needed: once a compound
/// of words turns up, the other splits need not be looked at.
struct Splits<'l, 'w> {
    lex: &'l Lexicon,
    folded: &'w str,
    /// Byte offsets of the splits, longest head last.
    at: Vec<usize>,
    /// Tails and heads looked up so far.
    tails: Vec<Option<Option<f32>>>,
    heads: Vec<Option<Option<f32>>>,
}

impl<'l, 'w> Splits<'l, 'w> {
    /// `None` for a word too short to split (see [`MIN_HEAD_CHARS`], [`MIN_TAIL_CHARS`]).
    fn of(lex: &'l Lexicon, folded: &'w str, bounds: &[usize]) -> Option<Self> {
        let last = bounds.len().checked_sub(MIN_TAIL_CHARS)?;
        let at: Vec<usize> = bounds.get(MIN_HEAD_CHARS..=last)?.to_vec();
        Some(Splits {
            lex,
            folded,
            tails: vec![None; at.len()],
            heads: vec![None; at.len()],
            at,
        })
    }

    fn tail(&mut self, i: usize) -> Option<f32> {
        let (lex, folded, at) = (self.lex, self.folded, self.at[i]);
        *self.tails[i].get_or_insert_with(|| lex.zipf(&folded[at..]))
    }

    fn head(&mut self, i: usize) -> Option<f32> {
        let (lex, folded, at) = (self.lex, self.folded, self.at[i]);
        *self.heads[i].get_or_insert_with(|| head_zipf(lex, &folded[..at]))
    }

    /// The first split, longest tail first, into a tail and a head that are words at least
    /// `min_zipf` frequent.
    fn first_of_words(&mut self, min_zipf: f32) -> Option<usize> {
        (0..self.at.len())
            .find(|&i| is_at_least(self.tail(i), min_zipf) && is_at_least(self.head(i), min_zipf))
    }

    /// Splits with a known tail and a head that is no known word, longest tail first.
    fn known_tails(&mut self) -> Vec<usize> {
        (0..self.at.len())
            .filter(|&i| {
                is_at_least(self.tail(i), REPAIR_BESIDE_ZIPF)
                    && !is_at_least(self.head(i), REPAIR_BESIDE_ZIPF)
            })
            .take(SPLITS_SEARCHED)
            .collect::<Vec<_>>()
            .into_iter()
            .map(|i| self.at[i])
            .collect()
    }

    /// Splits with a known head and a tail in no list, longest head first.
    fn known_heads(&mut self) -> Vec<usize> {
        let chars = self.folded.chars().count();
        (0..self.at.len())
            .rev()
            .filter(|&i| {
                let tail_chars = chars - MIN_HEAD_CHARS - i;
                tail_chars >= MIN_EASY_TYPED_PART_CHARS
                    && self.tail(i).is_none()
                    && is_at_least(self.head(i), REPAIR_BESIDE_ZIPF)
            })
            .take(SPLITS_SEARCHED)
            .collect::<Vec<_>>()
            .into_iter()
            .map(|i| self.at[i])
            .collect()
    }
}

fn is_at_least(zipf: Option<f32>, min: f32) -> bool {
    zipf.is_some_and(|z| z >= min)
}

/// The frequency of a head as a word, or without a linking element ("notstand-s"),
/// whichever is higher.
fn head_zipf(lex: &Lexicon, head: &str) -> Option<f32> {
    let stems = lex.lists.linking_elements.iter().filter_map(|e| {
        head.strip_suffix(e.as_str())
            .filter(|stem| stem.chars().count() >= MIN_HEAD_CHARS)
    });
    std::iter::once(head)
        .chain(stems)
        .filter_map(|w| lex.zipf(w))
        .reduce(f32::max)
}

/// Frequent words one likely slip from `typed`, each made into a whole, its last part and
/// the part beside it by `whole`.
fn repair_part(
    lex: &Lexicon,
    typed: &str,
    whole: impl Fn(&str) -> (String, String, String),
    out: &mut Vec<Repair>,
) {
    lex.neighbours(typed, REPAIRED_PART_ZIPF, |part, zipf| {
        let slip = slip_cost(lex, typed, part);
        let long_enough = typed.chars().count() >= MIN_TYPED_PART_CHARS || slip <= EASY_SLIP;
        if slip <= PLAIN_SLIP && long_enough {
            let (folded, last_part, known_part) = whole(part);
            out.push(Repair {
                folded,
                last_part,
                known_part,
                typed_part: typed.to_string(),
                part: part.to_string(),
                part_zipf: zipf,
                slip,
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::german;

    fn repaired(folded: &str) -> Vec<String> {
        repairs(german(), folded)
            .into_iter()
            .map(|r| r.folded)
            .collect()
    }

    #[test]
    fn a_slip_in_the_last_part_is_repaired() {
        assert!(repaired("notstandsbedugnissen").contains(&"notstandsbefugnissen".to_string()));
        assert!(repaired("hintergrundprüfng").contains(&"hintergrundprüfung".to_string()));
    }

    #[test]
    fn a_slip_in_the_first_part_is_repaired() {
        assert!(repaired("gessellschaftsklassen").contains(&"gesellschaftsklassen".to_string()));
    }

    #[test]
    fn compounds_hunspell_lacks_split_into_known_parts() {
        let de = german();
        assert_eq!(known_last_part(de, "rechenschaftspflicht"), Some("pflicht"));
        assert_eq!(known_last_part(de, "restaurantkette"), Some("kette"));
        // Not a compound: no known head before a known last part.
        assert_eq!(known_last_part(de, "xqzvbkette"), None);
    }

    #[test]
    fn compounds_of_rare_words_are_not_repaired() {
        // "Urlaubsressorts" and "Parastatus" are words too, but so are the forms.
        assert!(repaired("urlaubsresorts").is_empty());
        assert!(repaired("pariastatus").is_empty());
        assert!(repaired("guttmacher").is_empty());
    }

    #[test]
    fn short_words_are_not_split() {
        assert!(repaired("kettenx").is_empty());
    }
}
