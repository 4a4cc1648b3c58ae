//! What mtlint knows about one word form: whether any lexicon knows it, and if not, which
//! correctly spelt words it could be a slip of, with the evidence for each.
//!
//! The evidence comes from three places:
//! - the article itself: a form one or two edits away from a form the article uses much more
//!   often ("Wladmir" ×3 next to "Wladimir" ×31);
//! - the lexicon: a word one edit away that is frequent in German ("Setdem" → "Seitdem"), or
//!   a compound one edit away whose parts are words ("Verteidgungsministerium");
//! - both: a long word no list has that splits into a known part and a part one slip from a
//!   frequent word, repaired into a compound Hunspell knows ("Notstandsbedugnissen", see
//!   [`compound`]); a form used once beside a known word or an easy slip of it that the
//!   article uses once too ("Ktaar" and "Katar", "Haskkells" and "Haskells").
//!
//! A form is diagnosed once per article, however often it occurs.

use foldhash::{HashMap, HashMapExt};
use std::cell::OnceCell;
use std::sync::{Arc, LazyLock};

use crate::lang;
use crate::lexicon::edits;
use crate::lexicon::{self, Lexicon, capitalise, is_capitalised};
use crate::memo::WordMemo;

use super::census::{Census, FoldedStats};
use super::compound;
use super::morphology::{self, stem_of};

/// A folded form at least this frequent is a word…
pub const KNOWN_ZIPF: f32 = 3.0;
/// … but the frequency list has common typos too ("nciht" 3.2, "warscheinlich" 3.2):
/// lower-case forms below this one are still compared with far more frequent words.
const SURELY_KNOWN_ZIPF: f32 = 3.7;
/// A correction suggested from the frequency list must be at least this common…
const CANDIDATE_ZIPF: f32 = 2.5;
/// … unless the form is long: a long word in no dictionary one slip from a listed word that
/// Hunspell knows is a typo even when the word is rare ("hydraulischhes").
const LONG_WORD_CHARS: usize = 9;
const LONG_CANDIDATE_ZIPF: f32 = 0.0;
/// A correction must be this much more frequent (in Zipf units: a factor of 100) than the
/// form it corrects…
pub const MIN_ZIPF_GAP: f32 = 2.0;
/// … or a factor of 30 for a likely typing slip (not a distant key) in a long form that
/// is itself common: the frequency list has common misspellings at Zipf 2.5–3.3
/// ("warscheinlich", "standart"), a few dozen times rarer than the word. Short listed forms
/// are as often English words ("names", "going"), rarer ones other spellings of names
/// ("Edinburg").
pub const LIKELY_SLIP_ZIPF_GAP: f32 = 1.5;
const LIKELY_SLIP_MIN_CHARS: usize = 7;
const COMMON_MISSPELLING_ZIPF: f32 = 2.5;

/// The frequency gap a correction of a listed form needs (see [`LIKELY_SLIP_ZIPF_GAP`]).
pub fn zipf_gap(slip: f32, folded: &str, own_zipf: f32) -> f32 {
    let long = folded.chars().count() >= LIKELY_SLIP_MIN_CHARS;
    if slip <= PLAIN_SLIP && long && own_zipf >= COMMON_MISSPELLING_ZIPF {
        LIKELY_SLIP_ZIPF_GAP
    } else {
        MIN_ZIPF_GAP
    }
}

/// Where a candidate correction comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// A form of the article, with how often it occurs there and whether the article
    /// capitalises it (mostly).
    Article { count: usize, capitalised: bool },
    /// A frequent word of the language.
    Frequency { zipf: f32 },
    /// A compound Hunspell accepts, one slip in one part from the form: the part and how
    /// frequent it is (see [`compound`]).
    Compound { part: String, zipf: f32 },
}

/// A correctly spelt word that the form may be a slip of.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The suggestion as it should be written here.
    pub word: String,
    pub folded: String,
    pub source: Source,
    /// Damerau edits between the form and the candidate.
    pub distance: usize,
    /// How likely a typing slip turns the candidate into the form (see [`slip_cost`]).
    pub slip: f32,
    /// Whether Hunspell accepts the candidate as written.
    pub spelled: bool,
    /// For a candidate Hunspell does not know: whether it is made of words it knows (see
    /// [`derivation`]), which makes it a word all the same.
    pub derived: Option<Derived>,
}

/// A word Hunspell lacks but whose parts it knows, by what its last part is: a noun is
/// written capitalised, anything else in lower case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Derived {
    Noun,
    Other,
}

/// A form no lexicon knows, with its possible corrections (best first).
#[derive(Debug, Clone)]
pub struct Diagnosis {
    pub folded: String,
    /// The form's own frequency, if the frequency list has it (typos can be listed too, at
    /// low frequency: "enstand").
    pub zipf: Option<f32>,
    pub candidates: Vec<Candidate>,
}

/// Forms of the article two edits apart are compared only if both have this many letters.
const TWO_EDIT_CHARS: usize = 8;

/// Frequency-list candidates kept per form, the likeliest first.
const MAX_FREQUENCY_CANDIDATES: usize = 4;

/// Two forms that differ only in their endings are inflections of one word if the stem
/// they share is at least this long.
const MIN_SHARED_STEM: usize = 5;

/// See [`Examiner::word_candidates`].
#[derive(Debug)]
struct WordCandidates {
    frequent: Vec<Candidate>,
    compound: Vec<Candidate>,
}

/// One memo per language (`lang::SUPPORTED`, in its order), keyed by the folded form.
static WORD_CANDIDATES: LazyLock<[WordMemo<Arc<WordCandidates>>; lang::SUPPORTED.len()]> =
    LazyLock::new(|| std::array::from_fn(|_| WordMemo::new()));

/// The memo of a language's word candidates; `None` for a language mtlint does not know.
fn word_candidates_memo(code: &str) -> Option<&'static WordMemo<Arc<WordCandidates>>> {
    let index = lang::SUPPORTED.iter().position(|&c| c == code)?;
    WORD_CANDIDATES.get(index)
}

/// Diagnoses word forms against one lexicon and one article.
pub struct Examiner<'l, 'c, 'a> {
    lexicon: &'l Lexicon,
    census: &'c Census<'a>,
    /// Words already looked up by [`Examiner::is_word`].
    words: HashMap<&'a str, bool>,
    /// Words already looked up by [`Examiner::is_name_like`].
    names: HashMap<&'a str, bool>,
    /// The article's forms used at least twice, the only forms that can be evidence against
    /// another, ordered by their length in letters: a form is compared only with forms of
    /// about its length.
    repeated: Vec<Repeated<'c, 'a>>,
    /// How many of the article's forms used once have each byte tally (see
    /// [`ByteTally`]), made when first asked for.
    once_used: OnceCell<ByteTallies>,
}

/// A form the article uses at least twice (see [`Examiner::article_candidates`]).
#[derive(Debug, Clone, Copy)]
struct Repeated<'c, 'a> {
    /// Case-folded.
    form: &'c str,
    /// Its length in letters.
    len: usize,
    /// Its letters (see [`edits::letter_mask`]).
    letters: u64,
    stats: &'c FoldedStats<'a>,
}

impl<'l, 'c, 'a> Examiner<'l, 'c, 'a> {
    pub fn new(lexicon: &'l Lexicon, census: &'c Census<'a>) -> Self {
        // One vector, not one per length: an article has forms of a dozen lengths or more.
        let mut repeated = Vec::with_capacity(census.stats.len());
        for (form, stats) in census.folded_forms().filter(|(_, s)| s.count >= 2) {
            repeated.push(Repeated {
                form,
                len: form.chars().count(),
                letters: edits::letter_mask(form),
                stats,
            });
        }
        // Stable: the forms of one length keep the order above.
        repeated.sort_by_key(|r| r.len);
        Examiner {
            lexicon,
            census,
            words: HashMap::new(),
            names: HashMap::new(),
            repeated,
            once_used: OnceCell::new(),
        }
    }

    pub fn lexicon(&self) -> &'l Lexicon {
        self.lexicon
    }

    /// `None` for a known word, else what could be wrong with it (`folded`: the form
    /// case-folded, `stats`: the census's statistics of the folded form, which the caller
    /// has at hand).
    ///
    /// Ordered by cost: the frequency list settles most words; Hunspell, whose compound
    /// analysis costs microseconds a word, is asked only about words that have a candidate
    /// correction.
    pub fn diagnose(&mut self, form: &str, folded: &str, stats: &FoldedStats) -> Option<Diagnosis> {
        let lex = self.lexicon;
        let (zipf, own) = (stats.zipf, stats.count);
        // Frequent forms are examined only lower-case: capitalised ones are mostly names.
        let frequent_limit = if is_capitalised(form) {
            KNOWN_ZIPF
        } else {
            SURELY_KNOWN_ZIPF
        };
        // The frequency settles most words, and is known already: the accept list is
        // asked only about the rest (either way the word is known).
        if zipf.is_some_and(|z| z >= frequent_limit) || lex.accepts(folded) {
            return None;
        }
        let mut candidates = self.article_candidates(form, folded, own);
        // Frequency evidence counts only for a word used once (see `convincing`).
        if own <= 1 {
            self.add_single_use_candidates(form, folded, zipf, own, &mut candidates);
        }
        if zipf.is_some_and(|z| z >= KNOWN_ZIPF) {
            // A frequent form is a common typo only by a typing slip: words one distant key
            // from a more common word abound ("tagen", "sagen").
            candidates.retain(|c| c.slip < FAR_SLIP);
        }
        if candidates.is_empty() || self.is_word_form(form) {
            return None;
        }
        self.spell_candidates(form, folded, &mut candidates);
        if candidates.is_empty() {
            return None;
        }
        rank(&mut candidates);
        Some(Diagnosis {
            zipf,
            folded: folded.to_string(),
            candidates,
        })
    }

    /// Candidates for a form the article uses once: frequent words one edit away, the same
    /// words or the form's easy slips where the article uses them once too, and for a form
    /// in no list that no frequent word is near, repaired compounds and undoubled letters.
    /// Appended to `candidates`, which saves building a vector of them first.
    fn add_single_use_candidates(
        &self,
        form: &str,
        folded: &str,
        zipf: Option<f32>,
        own: usize,
        candidates: &mut Vec<Candidate>,
    ) {
        let word = self.word_candidates(folded, zipf);
        // The rest is evidence only for a form in no list (see `convincing`).
        if zipf.is_none() {
            self.add_seen_once(form, &word.frequent, candidates);
            self.add_undoubled_in_article(form, folded, own, candidates);
            candidates.extend(word.compound.iter().cloned());
        }
        candidates.extend(word.frequent.iter().cloned());
    }

    /// The candidates that depend on the word alone, not on the article: frequent words one
    /// edit away and, for a form in no list that no frequent word is near, repaired
    /// compounds. Remembered per word across articles (`zipf` is the form's own frequency,
    /// the same for every article).
    fn word_candidates(&self, folded: &str, zipf: Option<f32>) -> Arc<WordCandidates> {
        let compute = || {
            let frequent = self.frequency_candidates(folded, zipf);
            let compound = if zipf.is_none() && frequent.is_empty() {
                self.compound_candidates(folded)
            } else {
                Vec::new()
            };
            Arc::new(WordCandidates { frequent, compound })
        };
        match word_candidates_memo(self.lexicon.code) {
            Some(memo) => memo.get_or(folded, compute),
            None => compute(),
        }
    }

    /// Looks up how each candidate is written and whether Hunspell knows it. A candidate
    /// Hunspell lacks can still be a word made of known ones, unless the form is one such
    /// word itself ("bevorteile" beside "bevorteilt"); a repaired compound or undoubled
    /// word is evidence only if Hunspell knows it, or its parts ("losgeschnitten").
    fn spell_candidates(&self, form: &str, folded: &str, candidates: &mut Vec<Candidate>) {
        let lex = self.lexicon;
        let mut form_derived = None;
        for c in candidates.iter_mut().filter(|c| c.word.is_empty()) {
            (c.word, c.spelled) = self.written_form(form, &c.folded);
            if c.spelled {
                continue;
            }
            if needs_spelling(c) {
                if morphology::is_derivation_of_known(lex, &c.folded) {
                    c.derived = Some(Derived::Other);
                }
            } else if c.folded.chars().count() >= compound::MIN_COMPOUND_CHARS
                && !*form_derived.get_or_insert_with(|| is_made_of_words(lex, folded))
            {
                c.derived = derivation(lex, &c.folded);
            }
        }
        candidates.retain(|c| c.spelled || c.derived.is_some() || !needs_spelling(c));
    }

    /// A word Hunspell accepts, or one it should: the genitive of a known name, a feminine
    /// form, a comparative, a verb form with a particle.
    fn is_word_form(&self, form: &str) -> bool {
        let lex = self.lexicon;
        lex.spells(form)
            || morphology::is_inflection_of_known(lex, form)
            || morphology::is_derivation_of_known(lex, form)
    }

    /// Whether a word of any length is known: for judging a word's neighbours.
    pub fn is_word(&mut self, word: &'a str) -> bool {
        if let Some(&known) = self.words.get(word) {
            return known;
        }
        let folded = lexicon::fold(word);
        let known = self.is_known(word, &folded);
        self.words.insert(word, known);
        known
    }

    /// Whether a capitalised word reads as a name: a personal name of Hunspell's list (or
    /// its genitive), or a word Hunspell does not know ("Biden", frequent as it is, or
    /// "Strýcová"): Hunspell knows the common nouns.
    pub fn is_name_like(&mut self, word: &'a str) -> bool {
        if let Some(&name) = self.names.get(word) {
            return name;
        }
        let folded = lexicon::fold(word);
        let lex = self.lexicon;
        let listed = |f: &str| lex.is_listed_name(f);
        let name =
            listed(&folded) || folded.strip_suffix('s').is_some_and(listed) || !lex.spells(word);
        self.names.insert(word, name);
        name
    }

    fn is_known(&self, form: &str, folded: &str) -> bool {
        let lex = self.lexicon;
        lex.accepts(folded) || lex.zipf(folded).is_some_and(|z| z >= KNOWN_ZIPF) || lex.spells(form)
    }

    /// Forms of this article one or two edits away that it uses at least twice as often.
    fn article_candidates(&self, form: &str, folded: &str, own: usize) -> Vec<Candidate> {
        let own = own.max(1);
        let len = folded.chars().count();
        let mut out = Vec::new();
        let mask = edits::letter_mask(folded);
        // Forms of up to two letters more or fewer: others are more than two edits away.
        // Two edits are allowed only between forms of at least `TWO_EDIT_CHARS` letters
        // (see below), so shorter ones need only forms one letter longer or shorter.
        let reach = |other_len: usize| {
            if len.min(other_len) >= TWO_EDIT_CHARS {
                2
            } else {
                1
            }
        };
        let shortest = len.saturating_sub(reach(len.saturating_sub(2)));
        let longest = len + reach(len + 2);
        let from = self.repeated.partition_point(|r| r.len < shortest);
        let to = self.repeated.partition_point(|r| r.len <= longest);
        for r in &self.repeated[from..to] {
            let (other, other_len, other_mask, stats) = (r.form, r.len, r.letters, r.stats);
            if stats.count < 2 * own {
                continue;
            }
            let max = if len.min(other_len) >= TWO_EDIT_CHARS && stats.count >= 3 * own {
                2
            } else {
                1
            };
            // The cheap letter test first: the strings are compared only for forms that
            // pass it.
            if !edits::may_be_within(mask, other_mask, max) || other == folded {
                continue;
            }
            let distance = if edits::one_edit_apart(folded, other) {
                1
            } else if max == 2
                && let Some(d) = edits::distance(folded, other, max)
            {
                d
            } else {
                continue;
            };
            // Inflections of a word the lexicon does not know ("ikosaedrischer" and
            // "ikosaedrischen"); a known word's inflections are known themselves.
            if !self.is_known(stats.spelling, other) && self.inflection_pair(folded, other) {
                continue;
            }
            let word = self.article_spelling(form, stats.spelling);
            out.push(Candidate {
                spelled: self.lexicon.spells(&word),
                word,
                slip: slip_cost(self.lexicon, folded, other),
                folded: other.to_string(),
                source: Source::Article {
                    count: stats.count,
                    capitalised: is_capitalised(stats.spelling),
                },
                distance,
                derived: None,
            });
        }
        // In alphabetical order, so that equally good candidates always come in the same
        // order (see `rank`); no two have the same folded form.
        out.sort_unstable_by(|a, b| a.folded.cmp(&b.folded));
        out
    }

    /// Compound repairs of a long form (see [`compound::repairs`]), the likeliest few, their
    /// spelling still to be looked up. A repair that changes only an ending is an
    /// inflection of the form ("Drohnenangriffs", "Drohnenangriffe").
    fn compound_candidates(&self, folded: &str) -> Vec<Candidate> {
        let mut candidates: Vec<Candidate> = compound::repairs(self.lexicon, folded)
            .into_iter()
            .filter(|r| self.shared_stem(folded, &r.folded).is_none())
            .map(|r| Candidate {
                word: String::new(),
                derived: r
                    .is_sure()
                    .then(|| word_class(self.lexicon, &r.last_part))
                    .flatten(),
                folded: r.folded,
                source: Source::Compound {
                    part: r.part,
                    zipf: r.part_zipf,
                },
                distance: 1,
                slip: r.slip,
                spelled: false,
            })
            .collect();
        rank(&mut candidates);
        candidates.truncate(MAX_FREQUENCY_CANDIDATES);
        candidates
    }

    /// The form with a doubled letter undone or two letters swapped, if the article uses
    /// that once too ("Haskkells" beside "Haskells"): article evidence even for a word no
    /// list has, as these are the likeliest slips; a swap only towards a listed spelling.
    ///
    /// The swaps of a form are looked up only if the article has another form used once
    /// with its byte tally: most articles have none, and a form has a swap for each pair of
    /// neighbouring letters.
    fn add_undoubled_in_article(
        &self,
        form: &str,
        folded: &str,
        own: usize,
        out: &mut Vec<Candidate>,
    ) {
        let once_used = self.once_used.get_or_init(|| self.once_used_tallies());
        // A form used once is one of the forms used once itself.
        let others = once_used
            .count(ByteTally::of(folded))
            .saturating_sub(usize::from(own == 1));
        let mut add = |other: &str, swap: bool| {
            // Only forms the article uses once, and two swapped letters are a slip either
            // way round: the listed spelling is right.
            let Some(stats) = self.census.stats_of(other).filter(|s| s.count == 1) else {
                return;
            };
            if swap && self.lexicon.zipf(other).is_none() {
                return;
            }
            let word = self.article_spelling(form, stats.spelling);
            out.push(Candidate {
                spelled: self.lexicon.spells(&word),
                word,
                folded: other.to_string(),
                source: Source::Article {
                    count: stats.count,
                    capitalised: is_capitalised(stats.spelling),
                },
                distance: 1,
                slip: EASY_SLIP,
                derived: None,
            });
        };
        let mut buf = String::with_capacity(folded.len());
        for_each_undoubled(folded, &mut buf, |other| add(other, false));
        if others > 0 {
            for_each_swap(folded, &mut buf, |other| add(other, true));
        }
    }

    /// The byte tallies of the article's case-folded forms used once.
    fn once_used_tallies(&self) -> ByteTallies {
        let mut tallies = ByteTallies::default();
        for distinct in &self.census.forms {
            // A folded form used once has one spelling: it is counted once.
            if self.census.stats[distinct.folded_id].count == 1 {
                tallies.add(ByteTally::of(&distinct.folded));
            }
        }
        tallies
    }

    /// Frequent words one edit from a form used once that the article uses once too
    /// ("Highway" beside "Highwa"): article evidence, if the word is known (see
    /// `convincing`). Forms used twice are found by [`Examiner::article_candidates`].
    fn add_seen_once(&self, form: &str, frequent: &[Candidate], out: &mut Vec<Candidate>) {
        for c in frequent {
            let Some(stats) = self.census.stats_of(&c.folded) else {
                continue;
            };
            if stats.count != 1 || !self.is_known(stats.spelling, &c.folded) {
                continue;
            }
            let word = self.article_spelling(form, stats.spelling);
            out.push(Candidate {
                spelled: self.lexicon.spells(&word),
                word,
                folded: c.folded.clone(),
                source: Source::Article {
                    count: stats.count,
                    capitalised: is_capitalised(stats.spelling),
                },
                distance: c.distance,
                slip: c.slip,
                derived: c.derived,
            });
        }
    }

    /// The article's spelling of a candidate, in the form's case: a lower-case slip of a
    /// word the article capitalises as a name stays capitalised ("wladimir" → "Wladimir"),
    /// of an ordinary word not ("lannge" → "lange", though the article has "Lange").
    fn article_spelling(&self, form: &str, spelling: &str) -> String {
        let lower = spelling.to_lowercase();
        if !is_capitalised(form) && is_capitalised(spelling) && self.lexicon.spells(&lower) {
            lower
        } else {
            case_like(form, spelling)
        }
    }

    /// Frequent words one edit away.
    fn frequency_candidates(&self, folded: &str, own_zipf: Option<f32>) -> Vec<Candidate> {
        let mut found: Vec<(String, f32)> = Vec::new();
        let lex = self.lexicon;
        // A form the frequency list has needs a far more frequent correction (see
        // `convincing`); asking only for those saves reading the rarer ones.
        let floor = match own_zipf {
            Some(own) => (own + zipf_gap(PLAIN_SLIP, folded, own)).max(CANDIDATE_ZIPF),
            None if folded.chars().count() >= LONG_WORD_CHARS => LONG_CANDIDATE_ZIPF,
            None => CANDIDATE_ZIPF,
        };
        lex.neighbours(folded, floor, |word, zipf| {
            if !found.iter().any(|(w, _)| w == word) {
                found.push((word.to_string(), zipf));
            }
        });
        let mut candidates: Vec<Candidate> = found
            .into_iter()
            // The form is the word inflected ("Zölibate", "konzertierter"), not misspelt;
            // "festgehalte" is no inflection of "festgehalten": "festgehalt" is no word.
            .map(|(w, zipf)| (slip_cost(lex, folded, &w), w, zipf))
            // A listed form needs a correction more frequent by the gap its slip calls for
            // (see `convincing`): the rest need not be looked up in Hunspell.
            .filter(|&(slip, _, zipf)| {
                own_zipf.is_none_or(|own| zipf - own >= zipf_gap(slip, folded, own))
            })
            .filter(|(_, w, _)| {
                !self
                    .shared_stem(folded, w)
                    .is_some_and(|stem| stem == *w || lex.spells(&stem))
            })
            .map(|(slip, w, zipf)| Candidate {
                word: String::new(),
                slip,
                folded: w,
                source: Source::Frequency { zipf },
                distance: 1,
                spelled: false,
                derived: None,
            })
            .collect();
        // Only the likeliest few are worth asking Hunspell how they are written (once the
        // form itself turns out unknown, see `diagnose`).
        rank(&mut candidates);
        candidates.truncate(MAX_FREQUENCY_CANDIDATES);
        candidates
    }

    /// How a folded candidate is written in place of `form`: with the form's initial
    /// capital and, where the frequency list folded "ß" to "ss", the spelling Hunspell
    /// accepts. Returns the word and whether Hunspell accepts it.
    fn written_form(&self, form: &str, folded: &str) -> (String, bool) {
        let cased = case_like(form, folded);
        let mut variants = vec![cased.clone()];
        if cased.contains("ss") {
            variants.push(cased.replace("ss", "ß"));
            for (i, _) in cased.match_indices("ss") {
                variants.push(format!("{}ß{}", &cased[..i], &cased[i + 2..]));
            }
        }
        let capital = capitalise(&cased);
        variants.push(capital.clone());
        if capital.contains("ss") {
            variants.push(capital.replace("ss", "ß"));
        }
        match variants.into_iter().find(|v| self.lexicon.spells(v)) {
            Some(v) => (v, true),
            None => (cased, false),
        }
    }

    /// Whether two folded forms are inflections of one stem: one is the other plus an
    /// ending ("kims"/"kim"), or both end in endings after the same stem
    /// ("ikosaedrischer"/"ikosaedrischen").
    fn inflection_pair(&self, a: &str, b: &str) -> bool {
        self.shared_stem(a, b).is_some()
    }

    /// The stem two folded forms share if they differ only in inflection endings (or one
    /// is the other plus an ending). A short shared stem says little: "unte" is no
    /// inflection of "unter".
    fn shared_stem(&self, a: &str, b: &str) -> Option<String> {
        let endings = &self.lexicon.lists.inflection_endings;
        let stems = |w: &'_ str| -> Vec<String> {
            std::iter::once(w.to_string())
                .chain(
                    endings
                        .iter()
                        .filter_map(|e| stem_of(w, e))
                        .map(str::to_string),
                )
                .collect()
        };
        let (sa, sb) = (stems(a), stems(b));
        sa.into_iter()
            .find(|x| sb.contains(x) && (x == a || x == b || x.chars().count() >= MIN_SHARED_STEM))
    }
}

/// A form's length in bytes and the sum of its bytes, which swapping two letters keeps: a
/// swap of a form can only be a form with the same tally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ByteTally {
    len: u32,
    sum: u32,
}

impl ByteTally {
    fn of(word: &str) -> ByteTally {
        ByteTally {
            len: word.len() as u32,
            sum: word.bytes().map(u32::from).sum(),
        }
    }

    /// Its bucket among `1 << TALLY_BUCKET_BITS`: a multiplicative hash, as tallies of one
    /// length crowd a narrow range of sums.
    fn bucket(self) -> usize {
        let mixed = self.sum.wrapping_mul(0x9E37_79B1) ^ self.len.wrapping_mul(0x85EB_CA77);
        (mixed >> (32 - TALLY_BUCKET_BITS)) as usize
    }
}

/// Buckets of [`ByteTallies`].
const TALLY_BUCKET_BITS: u32 = 10;

/// How many forms have each byte tally, counted by bucket: forms that share a bucket are
/// counted together, so a count is never too low, which is all a filter needs.
#[derive(Debug)]
struct ByteTallies {
    counts: [u8; 1 << TALLY_BUCKET_BITS],
}

impl Default for ByteTallies {
    fn default() -> Self {
        ByteTallies {
            counts: [0; 1 << TALLY_BUCKET_BITS],
        }
    }
}

impl ByteTallies {
    fn add(&mut self, tally: ByteTally) {
        let count = &mut self.counts[tally.bucket()];
        *count = count.saturating_add(1);
    }

    /// At least the number of forms with this tally (a saturated count means many).
    fn count(&self, tally: ByteTally) -> usize {
        usize::from(self.counts[tally.bucket()])
    }
}

/// Candidates that are evidence only if Hunspell knows them (or their parts).
fn needs_spelling(c: &Candidate) -> bool {
    matches!(c.source, Source::Compound { .. })
}

/// Calls `f` with the folded form with one doubled letter undone, each way it has one (the
/// third of a tripled letter is none), written into `buf`.
fn for_each_undoubled(folded: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    // The two letters before the current one.
    let (mut before, mut previous) = (None, None);
    for (start, c) in folded.char_indices() {
        if previous == Some(c) && before != Some(c) {
            buf.clear();
            buf.push_str(&folded[..start]);
            buf.push_str(&folded[start + c.len_utf8()..]);
            f(buf);
        }
        (before, previous) = (previous, Some(c));
    }
}

/// Calls `f` with the folded form with each pair of neighbouring letters swapped (but two
/// equal ones), written into `buf`.
fn for_each_swap(folded: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    let mut previous: Option<(usize, char)> = None;
    for (start, c) in folded.char_indices() {
        if let Some((previous_start, p)) = previous
            && p != c
        {
            buf.clear();
            buf.push_str(&folded[..previous_start]);
            buf.push(c);
            buf.push(p);
            buf.push_str(&folded[start + c.len_utf8()..]);
            f(buf);
        }
        previous = Some((start, c));
    }
}

/// Whether a folded word is a compound of words however rare, or a derivation of a known
/// word.
fn is_made_of_words(lex: &Lexicon, folded: &str) -> bool {
    morphology::is_derivation_of_known(lex, folded) || compound::is_compound_of_words(lex, folded)
}

/// Whether a long folded word Hunspell does not know is made of words it knows: a verb with a
/// particle or a zu-infinitive ("angekämpft", "abzustreiten"), or a compound of known
/// words ("rechenschaftspflicht"), and whether it ends in a noun.
fn derivation(lex: &Lexicon, folded: &str) -> Option<Derived> {
    if morphology::is_derivation_of_known(lex, folded) {
        return Some(Derived::Other);
    }
    word_class(lex, compound::known_last_part(lex, folded)?)
}

/// How a compound ending in this folded part is written: capitalised after a noun, in
/// lower case after another word Hunspell knows.
fn word_class(lex: &Lexicon, last_part: &str) -> Option<Derived> {
    if lex.is_noun(&capitalise(last_part)) {
        Some(Derived::Noun)
    } else if lex.spells(last_part) {
        Some(Derived::Other)
    } else {
        None
    }
}

/// Best first: the article's own repeated forms (the nearest, the likeliest slip, the most
/// frequent), then frequent words by how likely the slip is and how common the word (a
/// noisy channel: each step of slip cost weighs as much as a factor of 100 in frequency),
/// then forms the article uses once.
fn rank(candidates: &mut Vec<Candidate>) {
    let key = |c: &Candidate| match c.source {
        // A form the article uses once is weaker evidence than a frequent word: last.
        Source::Article { count: 1, .. } => (2, c.distance, c.slip, 0.0),
        Source::Article { count, .. } => (0, c.distance, c.slip, -(count as f32)),
        Source::Frequency { zipf } | Source::Compound { zipf, .. } => {
            (1, c.distance, 0.0, SLIP_WEIGHT * c.slip - zipf)
        }
    };
    candidates.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        (ka.0, ka.1)
            .cmp(&(kb.0, kb.1))
            .then(ka.2.total_cmp(&kb.2))
            .then(ka.3.total_cmp(&kb.3))
            .then(b.spelled.cmp(&a.spelled))
    });
    // The same word may come from the article and from the frequency list; each source
    // is weighed on its own.
    let mut seen = Vec::new();
    candidates.retain(|c| {
        let key = (std::mem::discriminant(&c.source), c.folded.clone());
        let new = !seen.contains(&key);
        seen.push(key);
        new
    });
}

/// Zipf units (factors of ten in frequency) that one unit of slip cost is worth.
const SLIP_WEIGHT: f32 = 2.0;

/// A slip that only doubles or drops a doubled letter, or swaps two letters.
pub const EASY_SLIP: f32 = 0.5;
/// A neighbouring key, or a letter too many next to its neighbouring key.
pub const NEAR_SLIP: f32 = 0.75;
/// A letter left out or added.
pub const PLAIN_SLIP: f32 = 1.0;
/// A letter replaced by one far from it on the keyboard: as often a different word.
pub const FAR_SLIP: f32 = 1.5;

/// How likely typing `intended` produces `typed` (folded, one Damerau edit apart): lower is
/// likelier. Forms further apart cost [`FAR_SLIP`].
pub fn slip_cost(lex: &Lexicon, typed: &str, intended: &str) -> f32 {
    let t: Vec<char> = typed.chars().collect();
    let w: Vec<char> = intended.chars().collect();
    let prefix = t.iter().zip(&w).take_while(|(a, b)| a == b).count();
    let near = |a: char, b: char| lex.are_neighbour_keys(a, b);
    match t.len() as isize - w.len() as isize {
        // A letter too many at `prefix`.
        1 if t[prefix + 1..] == w[prefix..] => {
            let extra = t[prefix];
            let beside = [prefix.checked_sub(1), Some(prefix + 1)]
                .into_iter()
                .flatten()
                .filter_map(|i| t.get(i).copied());
            let beside: Vec<char> = beside.collect();
            if beside.contains(&extra) {
                EASY_SLIP
            } else if beside.iter().any(|&b| near(extra, b)) {
                NEAR_SLIP
            } else {
                PLAIN_SLIP
            }
        }
        // A letter missing at `prefix`.
        -1 if t[prefix..] == w[prefix + 1..] => {
            let missing = w[prefix];
            let doubled = [prefix.checked_sub(1), Some(prefix + 1)]
                .into_iter()
                .flatten()
                .any(|i| w.get(i) == Some(&missing));
            if doubled { EASY_SLIP } else { PLAIN_SLIP }
        }
        0 if prefix < t.len() => {
            let rest = prefix + 1;
            if t[rest..] == w[rest..] {
                if near(t[prefix], w[prefix]) {
                    NEAR_SLIP
                } else if lex.keys_apart(t[prefix], w[prefix]) == Some(2) {
                    PLAIN_SLIP
                } else {
                    FAR_SLIP
                }
            } else if rest < t.len()
                && t[prefix] == w[rest]
                && t[rest] == w[prefix]
                && t[rest + 1..] == w[rest + 1..]
            {
                EASY_SLIP
            } else {
                FAR_SLIP
            }
        }
        _ => FAR_SLIP,
    }
}

/// `word` with the first letter capitalised if `form`'s is (a capital in the article's
/// spelling is kept: nouns and names stay capitalised).
fn case_like(form: &str, word: &str) -> String {
    if is_capitalised(form) {
        capitalise(word)
    } else {
        word.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::german;

    #[test]
    fn typing_slips_cost_by_how_likely_they_are() {
        let de = german();
        assert_eq!(slip_cost(de, "zweieer", "zweier"), EASY_SLIP); // doubled letter
        assert_eq!(slip_cost(de, "grif", "griff"), EASY_SLIP); // lost double
        assert_eq!(slip_cost(de, "denek", "denke"), EASY_SLIP); // swap
        assert_eq!(slip_cost(de, "sonhe", "sonne"), NEAR_SLIP); // neighbouring key
        assert_eq!(slip_cost(de, "setdem", "seitdem"), PLAIN_SLIP); // letter left out
        assert_eq!(slip_cost(de, "mintel", "mittel"), FAR_SLIP); // distant key
    }

    #[test]
    fn article_candidates_of_every_nearby_length_come_in_alphabetical_order() {
        use crate::document::{Document, ReadOptions};
        let text = "Kahler, Kahler, Kalr, Kalr, Taler und Taler trafen Kaler.";
        let options = ReadOptions {
            language: Some("de".into()),
            ..ReadOptions::default()
        };
        let doc = Document::parse(text, &options);
        let de = german();
        let census = Census::of(&doc, de);
        let examiner = Examiner::new(de, &census);
        let found: Vec<String> = examiner
            .article_candidates("Kaler", "kaler", 1)
            .into_iter()
            .map(|c| c.folded)
            .collect();
        assert_eq!(found, ["kahler", "kalr", "taler"]);
    }

    /// `for_each_undoubled` as it read over a vector of characters.
    fn undoubled_by_chars(folded: &str) -> Vec<String> {
        let chars: Vec<char> = folded.chars().collect();
        (1..chars.len())
            .filter(|&i| chars[i] == chars[i - 1] && (i < 2 || chars[i - 2] != chars[i]))
            .map(|i| {
                chars
                    .iter()
                    .enumerate()
                    .filter_map(|(k, &c)| (k != i).then_some(c))
                    .collect()
            })
            .collect()
    }

    /// `for_each_swap` as it read over a vector of characters.
    fn swaps_by_chars(folded: &str, mut f: impl FnMut(&str)) {
        let chars: Vec<char> = folded.chars().collect();
        let mut buf = String::with_capacity(folded.len());
        for i in 1..chars.len() {
            if chars[i] == chars[i - 1] {
                continue;
            }
            buf.clear();
            buf.extend(&chars[..i - 1]);
            buf.push(chars[i]);
            buf.push(chars[i - 1]);
            buf.extend(&chars[i + 1..]);
            f(&buf);
        }
    }

    #[test]
    fn undoubled_and_swapped_forms_are_those_of_the_character_vectors() {
        for folded in [
            "haskkells",
            "aaab",
            "aab",
            "ääbb",
            "straße",
            "abba",
            "x",
            "",
            "zoë",
        ] {
            let mut buf = String::new();
            let mut undoubled = Vec::new();
            for_each_undoubled(folded, &mut buf, |w| undoubled.push(w.to_string()));
            assert_eq!(undoubled, undoubled_by_chars(folded), "{folded}");
            let (mut swapped, mut by_chars) = (Vec::new(), Vec::new());
            for_each_swap(folded, &mut buf, |w| swapped.push(w.to_string()));
            swaps_by_chars(folded, |w| by_chars.push(w.to_string()));
            assert_eq!(swapped, by_chars, "{folded}");
        }
    }

    #[test]
    fn a_swap_keeps_the_byte_tally_that_filters_swaps() {
        for folded in ["haskkells", "katar", "straße", "zoë", "łódź"] {
            let mut buf = String::new();
            let tally = ByteTally::of(folded);
            let mut tallies = ByteTallies::default();
            tallies.add(tally);
            for_each_swap(folded, &mut buf, |w| {
                assert_eq!(ByteTally::of(w), tally, "{folded} {w}");
            });
            assert_eq!(tallies.count(tally), 1, "{folded}");
        }
        // Another form used once with the tally of a swap lets the swaps be looked up.
        let text = "Der Emir von Ktaar reiste ab. Katar schwieg dazu.";
        let doc = crate::document::Document::parse(
            text,
            &crate::document::ReadOptions {
                language: Some("de".into()),
                ..Default::default()
            },
        );
        let census = Census::of(&doc, german());
        let examiner = Examiner::new(german(), &census);
        let tallies = examiner.once_used_tallies();
        assert!(tallies.count(ByteTally::of("ktaar")) >= 2);
    }

    #[test]
    fn ranking_weighs_slip_against_frequency() {
        let candidate = |word: &str, zipf: f32, slip: f32| Candidate {
            word: word.to_string(),
            folded: word.to_string(),
            source: Source::Frequency { zipf },
            distance: 1,
            slip,
            spelled: true,
            derived: None,
        };
        // "Reation": the common word with a letter left out beats the rarer one with a
        // letter too many next to a neighbouring key.
        let mut candidates = vec![
            candidate("ration", 3.3, NEAR_SLIP),
            candidate("reaktion", 4.65, PLAIN_SLIP),
        ];
        rank(&mut candidates);
        assert_eq!(candidates[0].word, "reaktion");
    }

    #[test]
    fn inflections_share_a_long_stem() {
        assert_eq!(stem_of("kims", "s"), Some("kim"));
        assert_eq!(stem_of("staatenn", "n"), None);
        assert_eq!(stem_of("kapsids", "s"), Some("kapsid"));
    }
}
