//! What mtlint knows about one word form: whether any lexicon knows it, and if not, which
//! correctly spelt words it could be a slip of, with the evidence for each.
//!
//! The evidence comes from two places:
//! - the article itself: a form one or two edits away from a form the article uses much more
//!   often ("Wladmir" ×3 next to "Wladimir" ×31);
//! - the lexicon: a word one edit away that is frequent in German ("Setdem" → "Seitdem"), or
//!   a compound one edit away whose parts are words ("Verteidgungsministerium").
//!
//! A form is diagnosed once per article, however often it occurs.

use std::collections::HashMap;

use crate::lexicon::edits::{self, GERMAN_LETTERS};
use crate::lexicon::{self, Lexicon};

use super::census::Census;

/// A folded form at least this frequent is a word, whatever Hunspell says.
const COMMON_ZIPF: f32 = 4.5;
/// A folded form at least this frequent is a word unless a far more frequent word is one
/// slip away: the frequency list has common typos too ("nciht" 3.2 next to "nicht" 6.9).
pub const KNOWN_ZIPF: f32 = 3.0;
/// Compound parts need to be words, but rare ones will do ("Paria").
const PART_ZIPF: f32 = 2.0;
/// A correction suggested from the frequency list must be at least this common…
const CANDIDATE_ZIPF: f32 = 2.5;
/// … unless the form is long: a long word in no dictionary one slip from a listed word is
/// a typo even when the word is rare ("hydraulischhes").
const LONG_WORD_CHARS: usize = 9;
const LONG_CANDIDATE_ZIPF: f32 = 1.8;
/// A correction must be this much more frequent (in Zipf units: a factor of 100) than the
/// form it corrects.
pub const MIN_ZIPF_GAP: f32 = 2.0;
/// A form missing from the frequency list is rarer than its last entries.
pub const ABSENT_ZIPF: f32 = 0.5;
/// Compounds shorter than this are not split: short words split into nonsense too easily.
const MIN_COMPOUND_CHARS: usize = 8;
/// Parts of a compound: at least this many letters ("Verzerrungs-akt")…
const MIN_PART_CHARS: usize = 3;
/// … and a part this short must be a frequent word ("Fan-gemeinden", not "aus-laugend").
const SHORT_PART_CHARS: usize = 3;
const SHORT_PART_ZIPF: f32 = 4.0;

/// How well the lexicon knows a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Knowledge {
    /// A word: in the accept list, frequent, accepted by Hunspell, or an inflection of one.
    Known,
    /// Not a word in itself, but it splits into words ("Sanktionsstrangulierung").
    Compound,
    /// In no dictionary.
    Unknown,
}

/// Where a candidate correction comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// A form of the article, with how often it occurs there and whether the article
    /// capitalises it (mostly).
    Article { count: usize, capitalised: bool },
    /// A frequent word of the language.
    Frequency { zipf: f32 },
    /// A compound whose parts are words.
    Compound,
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
}

/// A form no lexicon knows, with its possible corrections (best first).
#[derive(Debug, Clone)]
pub struct Diagnosis {
    pub folded: String,
    pub knowledge: Knowledge,
    /// The form's own frequency, if the frequency list has it (typos can be listed too, at
    /// low frequency: "enstand").
    pub zipf: Option<f32>,
    pub candidates: Vec<Candidate>,
}

/// Two forms that differ only in their endings are inflections of one word if the stem
/// they share is at least this long.
const MIN_SHARED_STEM: usize = 5;

/// Diagnoses word forms against one lexicon and one article.
pub struct Examiner<'l, 'c, 'a> {
    lexicon: &'l Lexicon,
    census: &'c Census<'a>,
    buf: String,
    /// Words already looked up by [`Examiner::is_word`].
    words: HashMap<&'a str, bool>,
    /// Words already looked up by [`Examiner::is_name_like`].
    names: HashMap<&'a str, bool>,
}

impl<'l, 'c, 'a> Examiner<'l, 'c, 'a> {
    pub fn new(lexicon: &'l Lexicon, census: &'c Census<'a>) -> Self {
        Examiner {
            lexicon,
            census,
            buf: String::new(),
            words: HashMap::new(),
            names: HashMap::new(),
        }
    }

    pub fn lexicon(&self) -> &'l Lexicon {
        self.lexicon
    }

    /// `None` for a known word, else what could be wrong with it.
    pub fn diagnose(&mut self, form: &str) -> Option<Diagnosis> {
        let folded = match self.census.fold_of.get(form) {
            Some(f) => f.clone(),
            None => lexicon::fold(form),
        };
        let knowledge = self.knowledge(form, &folded);
        if knowledge == Knowledge::Known {
            return None;
        }
        let mut candidates = self.article_candidates(form, &folded);
        candidates.extend(self.frequency_candidates(form, &folded));
        if candidates.is_empty() && knowledge == Knowledge::Unknown {
            candidates.extend(self.compound_candidates(form, &folded));
        }
        rank(&mut candidates);
        Some(Diagnosis {
            zipf: self.lexicon.zipf(&folded),
            folded,
            knowledge,
            candidates,
        })
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

    fn knowledge(&self, form: &str, folded: &str) -> Knowledge {
        let lex = self.lexicon;
        if lex.accepts(folded)
            || lex.zipf(folded).is_some_and(|z| z >= COMMON_ZIPF)
            || lex.spells(form)
            || self.is_inflection_of_known(form)
            || self.is_derivation_of_known(form)
        {
            Knowledge::Known
        } else if self.is_compound(folded, 0) {
            Knowledge::Compound
        } else {
            Knowledge::Unknown
        }
    }

    /// The genitive of a known name that Hunspell does not know ("Kims"). Other inflected
    /// forms of known words are Hunspell's business: it knows their inflection.
    fn is_inflection_of_known(&self, form: &str) -> bool {
        let capital = form.chars().next().is_some_and(char::is_uppercase);
        capital && stem_of(form, "s").is_some_and(|stem| self.is_known(stem, &lexicon::fold(stem)))
    }

    /// A feminine form of a known noun ("Strategin", "Kuratorinnen") or a zu-infinitive of a
    /// known verb ("herauszufinden").
    fn is_derivation_of_known(&self, form: &str) -> bool {
        let lex = self.lexicon;
        let is_noun = |w: &str| lex.spells(w) && !lex.spells(&w.to_lowercase());
        let feminine = ["innen", "in"].iter().any(|ending| {
            form.strip_suffix(ending)
                .filter(|stem| stem.chars().count() >= 3)
                .is_some_and(|stem| is_noun(stem) || is_noun(&format!("{stem}e")))
        });
        let zu_infinitive = form.match_indices("zu").any(|(i, _)| {
            i >= 2
                && form.len() - i >= 5
                && lex.spells(&format!("{}{}", &form[..i], &form[i + 2..]))
        });
        let participle =
            !is_capitalised(form) && form.chars().count() >= 6 && self.is_verb_form(form);
        feminine
            || zu_infinitive
            || participle
            || self.is_comparative(form)
            || self.is_particle_verb(form)
    }

    /// A comparative of a known adjective ("selektiveren" from "selektiv").
    fn is_comparative(&self, form: &str) -> bool {
        let lex = self.lexicon;
        ["er", "ere", "eren", "erem", "erer", "eres"]
            .iter()
            .any(|ending| {
                // An adjective in -e takes only -r ("leise", "leiser"): "seineer" is a slip.
                form.strip_suffix(ending)
                    .filter(|stem| stem.chars().count() >= 4 && !stem.ends_with('e'))
                    .map(str::to_lowercase)
                    .is_some_and(|stem| lex.spells(&stem) && lex.spells(&format!("{stem}e")))
            })
    }

    /// A verb form with a separable particle in front ("hingereist", "herauszuwinden",
    /// "auslaugend"): the rest, possibly after the infinitive's "zu", is a verb form.
    fn is_particle_verb(&self, form: &str) -> bool {
        if is_capitalised(form) {
            return false;
        }
        self.lexicon.lists.verb_particles.iter().any(|particle| {
            form.strip_prefix(particle.as_str()).is_some_and(|rest| {
                let rest = rest
                    .strip_prefix("zu")
                    .filter(|r| r.chars().count() >= 4)
                    .unwrap_or(rest);
                rest.chars().count() >= 4 && self.is_verb_form(rest)
            })
        })
    }

    /// A known word, or a present participle of a known verb ("laugend" from "laugen").
    fn is_verb_form(&self, word: &str) -> bool {
        let lex = self.lexicon;
        lex.spells(word)
            || ["d", "de", "den", "der", "des", "dem"]
                .iter()
                .any(|ending| {
                    word.strip_suffix(ending)
                        .filter(|infinitive| infinitive.ends_with("en"))
                        .is_some_and(|infinitive| lex.spells(infinitive))
                })
    }

    /// Whether a folded word splits into a modifier and a head that are words, the modifier
    /// possibly with a linking element ("sanktion-s-strangulierung") or itself a compound.
    fn is_compound(&self, folded: &str, depth: usize) -> bool {
        let chars: Vec<usize> = folded.char_indices().map(|(i, _)| i).collect();
        if depth > 2 || chars.len() < MIN_COMPOUND_CHARS.saturating_sub(depth * 3) {
            return false;
        }
        (MIN_PART_CHARS..chars.len().saturating_sub(MIN_PART_CHARS - 1)).any(|k| {
            let (modifier, head) = folded.split_at(chars[k]);
            self.is_part(head) && self.is_modifier(modifier, depth)
        })
    }

    fn is_modifier(&self, modifier: &str, depth: usize) -> bool {
        let linked = self
            .lexicon
            .lists
            .linking_elements
            .iter()
            .filter_map(|l| {
                modifier
                    .strip_suffix(l.as_str())
                    .map(|stem| (stem, l.as_str()))
            })
            .filter(|(stem, link)| stem.chars().count() >= MIN_PART_CHARS && links(stem, link))
            .map(|(stem, _)| stem);
        let mut stems = std::iter::once(modifier).chain(linked);
        // A modifier may also drop a final -e ("Grenz-mauer", "Schul-weg").
        stems.any(|s| {
            self.is_part(s) || self.is_part(&format!("{s}e")) || self.is_compound(s, depth + 1)
        })
    }

    /// A word that may stand in a compound: frequent enough, or accepted by Hunspell, or a
    /// noun in -ung derived from a verb Hunspell knows ("strangulierung").
    fn is_part(&self, folded: &str) -> bool {
        let lex = self.lexicon;
        let chars = folded.chars().count();
        if chars < MIN_PART_CHARS {
            return false;
        }
        if chars <= SHORT_PART_CHARS {
            return lex.zipf(folded).is_some_and(|z| z >= SHORT_PART_ZIPF);
        }
        lex.zipf(folded).is_some_and(|z| z >= PART_ZIPF)
            || lex.spells(folded)
            || lex.spells(&capitalise(folded))
            || folded
                .strip_suffix("ung")
                .is_some_and(|v| v.chars().count() >= 4 && lex.spells(&format!("{v}en")))
    }

    /// Forms of this article one or two edits away that it uses at least twice as often.
    fn article_candidates(&self, form: &str, folded: &str) -> Vec<Candidate> {
        let own = self.census.count(folded).max(1);
        let len = folded.chars().count();
        let mut out = Vec::new();
        for (other, stats) in &self.census.folded {
            if other == folded || stats.count < 2 || stats.count < 2 * own {
                continue;
            }
            let other_len = other.chars().count();
            let max = if len.min(other_len) >= 8 && stats.count >= 3 * own {
                2
            } else {
                1
            };
            let Some(distance) = edits::distance(folded, other, max) else {
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
                folded: other.clone(),
                source: Source::Article {
                    count: stats.count,
                    capitalised: is_capitalised(stats.spelling),
                },
                distance,
            });
        }
        out
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
    fn frequency_candidates(&mut self, form: &str, folded: &str) -> Vec<Candidate> {
        let mut found: Vec<(String, f32)> = Vec::new();
        let lex = self.lexicon;
        let floor = if folded.chars().count() >= LONG_WORD_CHARS {
            LONG_CANDIDATE_ZIPF
        } else {
            CANDIDATE_ZIPF
        };
        edits::for_each_edit(folded, GERMAN_LETTERS, &mut self.buf, |edit| {
            if let Some(zipf) = lex.zipf(edit)
                && zipf >= floor
                && !found.iter().any(|(w, _)| w == edit)
            {
                found.push((edit.to_string(), zipf));
            }
        });
        found
            .into_iter()
            // The form is the word inflected ("Zölibate", "konzertierter"), not misspelt.
            .filter(|(w, _)| !self.inflection_pair(folded, w))
            .map(|(w, zipf)| {
                let (word, spelled) = self.written_form(form, &w);
                Candidate {
                    word,
                    slip: slip_cost(self.lexicon, folded, &w),
                    folded: w,
                    source: Source::Frequency { zipf },
                    distance: 1,
                    spelled,
                }
            })
            .collect()
    }

    /// Compounds one edit away: one part is a word, the other one edit from a frequent
    /// word, and Hunspell accepts the repaired compound.
    fn compound_candidates(&mut self, form: &str, folded: &str) -> Vec<Candidate> {
        let bounds: Vec<usize> = folded.char_indices().map(|(i, _)| i).collect();
        if bounds.len() < MIN_COMPOUND_CHARS + 2 {
            return Vec::new();
        }
        let mut out: Vec<Candidate> = Vec::new();
        // Parts shorter than this are prefixes and particles ("aus-laugend"), too easily
        // matched.
        const MIN_PART: usize = 4;
        for &at in &bounds[MIN_PART..bounds.len() + 1 - MIN_PART] {
            let (modifier, head) = folded.split_at(at);
            let mut repaired = Vec::new();
            match (self.is_modifier(modifier, 2), self.is_part(head)) {
                (false, true) => {
                    for m in self.repairs(modifier) {
                        repaired.push(format!("{m}{head}"));
                    }
                }
                (true, false) => {
                    for h in self.repairs(head) {
                        repaired.push(format!("{modifier}{h}"));
                    }
                }
                _ => {}
            }
            for whole in repaired {
                // Only a compound Hunspell accepts: it knows which parts combine.
                let (word, spelled) = self.written_form(form, &whole);
                if spelled && !out.iter().any(|c| c.folded == whole) {
                    out.push(Candidate {
                        word,
                        slip: slip_cost(self.lexicon, folded, &whole),
                        folded: whole,
                        source: Source::Compound,
                        distance: 1,
                        spelled,
                    });
                }
            }
        }
        out
    }

    /// Words one edit from a compound part and far more frequent than it, keeping a linking
    /// element the part ends in.
    fn repairs(&mut self, part: &str) -> Vec<String> {
        let lex = self.lexicon;
        let mut out = Vec::new();
        let mut try_part = |stem: &str, link: &str, buf: &mut String| {
            let floor = lex.zipf(stem).unwrap_or(ABSENT_ZIPF) + MIN_ZIPF_GAP;
            edits::for_each_edit(stem, GERMAN_LETTERS, buf, |edit| {
                if lex
                    .zipf(edit)
                    .is_some_and(|z| z >= CANDIDATE_ZIPF && z >= floor)
                {
                    out.push(format!("{edit}{link}"));
                }
            });
        };
        try_part(part, "", &mut self.buf);
        for link in &lex.lists.linking_elements {
            if let Some(stem) = part.strip_suffix(link.as_str())
                && stem.chars().count() >= MIN_PART_CHARS
            {
                try_part(stem, link, &mut self.buf);
            }
        }
        out.sort();
        out.dedup();
        out
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
        // A short shared stem says little: "unte" is no inflection of "unter".
        sa.iter()
            .any(|x| sb.contains(x) && (x == a || x == b || x.chars().count() >= MIN_SHARED_STEM))
    }
}

/// Whether a linking element can follow a stem: "-e-", "-en-", "-er-", "-es-" after a
/// consonant ("Hund-e-hütte"), "-n-" and "-ns-" after an e ("Sonne-n-schein"), "-s-" not after
/// a hissing sound. A letter doubled at the joint ("Chemie-e-fabrik") is a slip.
fn links(stem: &str, link: &str) -> bool {
    let last = stem.chars().last().unwrap_or(' ');
    let vowel = "aeiouäöüy".contains(last);
    match link {
        "s" => !stem.ends_with(['s', 'x', 'z']) && !stem.ends_with("sch"),
        "n" | "ns" => last == 'e',
        _ => !vowel,
    }
}

/// `form` without an inflection ending, if it has it. An ending that doubles the stem's last
/// letter is a slip, not an inflection ("Staatenn" is not "Staaten" + "n").
fn stem_of<'f>(form: &'f str, ending: &str) -> Option<&'f str> {
    let stem = form.strip_suffix(ending)?;
    let doubled = stem.chars().last() == ending.chars().next();
    (stem.chars().count() >= 3 && !doubled).then_some(stem)
}

/// Best first: the article's own forms (the nearest, the likeliest slip, the most
/// frequent), then frequent words by how likely the slip is and how common the word (a
/// noisy channel: each step of slip cost weighs as much as a factor of 100 in frequency),
/// then compounds.
fn rank(candidates: &mut Vec<Candidate>) {
    let key = |c: &Candidate| match c.source {
        Source::Article { count, .. } => (0, c.distance, c.slip, -(count as f32)),
        Source::Frequency { zipf } => (1, c.distance, 0.0, SLIP_WEIGHT * c.slip - zipf),
        Source::Compound => (2, c.distance, c.slip, 0.0),
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
const NEAR_SLIP: f32 = 0.75;
/// A letter left out or added.
const PLAIN_SLIP: f32 = 1.0;
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

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
