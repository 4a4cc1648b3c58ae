//! English → German romanisation of East Slavic names, driven by
//! `dictionaries/<lang>/romanization.toml`: the converter that turns "Sobchak" into
//! "Sobtschak" and "Bocharov Ruchei" into "Botscharow Rutschei", and the shape tests that
//! keep it away from English, Chinese and Czech names ("Michael", "Zhang", "Kvitová").

use rustc_hash::FxHashMap;

use serde::Deserialize;

use crate::memo::WordMemo;

const VOWELS: &[char] = &['a', 'e', 'i', 'o', 'u', 'y'];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Place {
    Vowel,
    Consonant,
    Start,
    End,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Rule {
    from: String,
    to: String,
    #[serde(default)]
    before: Vec<Place>,
    #[serde(default)]
    after: Vec<Place>,
    #[serde(default)]
    weak: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Evidence {
    strong_endings: Vec<String>,
    weak_endings: Vec<String>,
    min_chars: usize,
    not_slavic_endings: Vec<String>,
    german_endings: Vec<String>,
    german_contains: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RomanizationFile {
    rule: Vec<Rule>,
    evidence: Evidence,
    given_names: FxHashMap<String, String>,
}

/// The German form of a word and what it took to get there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversion {
    pub german: String,
    /// At least one rule applied.
    pub changed: bool,
    /// Every applied rule is weak (v → w, z → s).
    pub weak_only: bool,
}

#[derive(Debug)]
pub struct Romanization {
    rules: Vec<Rule>,
    /// The rules to try at a letter, in file order: every rule may start at an ASCII letter
    /// whose entry lists it, and at another letter if `other_starts` lists it. A rule can
    /// only apply where its first letter is, and most letters of a name start no rule.
    ascii_starts: Vec<Vec<usize>>,
    other_starts: Vec<usize>,
    evidence: Evidence,
    given_names: FxHashMap<String, String>,
    /// Conversions already made: the name checks convert every name of every article.
    conversions: WordMemo<Conversion>,
    german_looking: WordMemo<bool>,
}

impl Romanization {
    pub fn parse(text: &str) -> Result<Romanization, toml::de::Error> {
        let file: RomanizationFile = toml::from_str(text)?;
        let (ascii_starts, other_starts) = rule_starts(&file.rule);
        Ok(Romanization {
            rules: file.rule,
            ascii_starts,
            other_starts,
            evidence: file.evidence,
            given_names: file.given_names,
            conversions: WordMemo::new(),
            german_looking: WordMemo::new(),
        })
    }

    /// The German romanisation of one word (hyphenated parts converted one by one).
    pub fn convert(&self, word: &str) -> Conversion {
        self.conversions.get_or(word, || self.convert_word(word))
    }

    /// Whether the German romanisation differs from the word: [`Romanization::convert`]
    /// without copying the converted word.
    pub fn changes(&self, word: &str) -> bool {
        self.read_conversion(word, |c| c.changed)
    }

    /// Hands [`Romanization::convert`]'s answer to `read` instead of copying it.
    pub fn read_conversion<R>(&self, word: &str, read: impl FnOnce(&Conversion) -> R) -> R {
        self.conversions
            .read_or(word, || self.convert_word(word), read)
    }

    fn convert_word(&self, word: &str) -> Conversion {
        let mut out = Conversion {
            german: String::with_capacity(word.len() + 4),
            changed: false,
            weak_only: true,
        };
        for (i, part) in word.split('-').enumerate() {
            if i > 0 {
                out.german.push('-');
            }
            self.convert_part(part, &mut out);
        }
        out
    }

    fn convert_part(&self, part: &str, out: &mut Conversion) {
        let capital = part.chars().next().is_some_and(char::is_uppercase);
        let lower: Vec<char> = part.to_lowercase().chars().collect();
        let mut converted = String::new();
        let mut i = 0;
        while i < lower.len() {
            let starting = match u8::try_from(lower[i]) {
                Ok(b) if b.is_ascii() => &self.ascii_starts[usize::from(b)],
                _ => &self.other_starts,
            };
            let rule = starting
                .iter()
                .map(|&r| &self.rules[r])
                .find(|r| applies(r, &lower, i));
            match rule {
                Some(rule) => {
                    converted.push_str(&rule.to);
                    if rule.to != rule.from {
                        out.changed = true;
                        out.weak_only &= rule.weak;
                    }
                    i += rule.from.chars().count();
                }
                None => {
                    converted.push(lower[i]);
                    i += 1;
                }
            }
        }
        if capital {
            let mut chars = converted.chars();
            if let Some(first) = chars.next() {
                out.german.extend(first.to_uppercase());
                out.german.push_str(chars.as_str());
            }
        } else {
            out.german.push_str(&converted);
        }
    }

    /// The word ends like an East Slavic surname or place ("Lawrow" → "-ov", "-chak").
    pub fn has_strong_ending(&self, word: &str) -> bool {
        self.ends_with_any(word, &self.evidence.strong_endings)
    }

    /// The word ends like a name of a language that is not written in Cyrillic.
    pub fn has_foreign_ending(&self, word: &str) -> bool {
        let endings = &self.evidence.not_slavic_endings;
        if word.is_ascii() {
            return endings.iter().any(|e| ends_lowercase_with(word, e));
        }
        let lower = word.to_lowercase();
        endings.iter().any(|e| lower.ends_with(e.as_str()))
    }

    /// The word ends so that a v → w change alone is worth reporting ("Lavrov").
    pub fn has_weak_ending(&self, word: &str) -> bool {
        self.ends_with_any(word, &self.evidence.weak_endings)
    }

    fn ends_with_any(&self, word: &str, endings: &[String]) -> bool {
        if word.is_ascii() {
            // Most names: their lower case has as many letters, read off each byte.
            return word.len() >= self.evidence.min_chars
                && endings.iter().any(|e| ends_lowercase_with(word, e));
        }
        let lower = word.to_lowercase();
        lower.chars().count() >= self.evidence.min_chars
            && endings.iter().any(|e| lower.ends_with(e.as_str()))
    }

    /// The word is written in the German system ("Kurojedow", "Medwedew", "Sotschi"): a
    /// German ending and nothing but weak changes to make (the z of "Luzenko").
    pub fn looks_german(&self, word: &str) -> bool {
        self.german_looking
            .get_or(word, || self.judge_german_looking(word))
    }

    /// Whether German romanisation leaves the word as it is, or changes it only by rules too
    /// weak to be evidence of an English one.
    pub fn at_most_weak_changes(&self, word: &str) -> bool {
        self.read_conversion(word, |c| !c.changed || c.weak_only)
    }

    fn judge_german_looking(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.at_most_weak_changes(word)
            && (self.ends_with_any(word, &self.evidence.german_endings)
                || self
                    .evidence
                    .german_contains
                    .iter()
                    .any(|c| lower.contains(c.as_str())))
    }

    /// The German press form of an East Slavic given name as English texts write it.
    pub fn given_name(&self, word: &str) -> Option<&str> {
        self.given_names.get(word).map(String::as_str)
    }
}

/// For each ASCII letter, the rules that may start at it, and the rules that may start at
/// any other letter, each in file order (see [`Romanization::convert_part`]). A rule without
/// letters is in every list.
fn rule_starts(rules: &[Rule]) -> (Vec<Vec<usize>>, Vec<usize>) {
    let mut ascii = vec![Vec::new(); 128];
    let mut other = Vec::new();
    for (r, rule) in rules.iter().enumerate() {
        match rule.from.chars().next() {
            Some(c) if c.is_ascii() => ascii[c as usize].push(r),
            Some(_) => other.push(r),
            None => {
                ascii.iter_mut().for_each(|list| list.push(r));
                other.push(r);
            }
        }
    }
    (ascii, other)
}

/// Whether the lower case of an ASCII word ends with `ending`, without making it.
fn ends_lowercase_with(word: &str, ending: &str) -> bool {
    let (word, ending) = (word.as_bytes(), ending.as_bytes());
    // The last bytes first: a word is asked about many endings, and most differ there.
    match (word.last(), ending.last()) {
        (_, None) => true,
        (Some(w), Some(e)) if w.to_ascii_lowercase() == *e => {
            word.len() >= ending.len()
                && word[word.len() - ending.len()..]
                    .iter()
                    .zip(ending)
                    .all(|(w, e)| w.to_ascii_lowercase() == *e)
        }
        _ => false,
    }
}

fn applies(rule: &Rule, word: &[char], at: usize) -> bool {
    // Compared in place: this runs for every rule at every letter of every name.
    let mut len = 0;
    for (k, c) in rule.from.chars().enumerate() {
        if word.get(at + k) != Some(&c) {
            return false;
        }
        len += 1;
    }
    let next = word.get(at + len).copied();
    let prev = at.checked_sub(1).map(|p| word[p]);
    let fits = |places: &[Place], c: Option<char>, edge: Place| {
        places.is_empty()
            || places.iter().any(|p| match (p, c) {
                (Place::Vowel, Some(c)) => VOWELS.contains(&c),
                (Place::Consonant, Some(c)) => c.is_alphabetic() && !VOWELS.contains(&c),
                (place, None) => *place == edge,
                _ => false,
            })
    };
    fits(&rule.before, next, Place::End) && fits(&rule.after, prev, Place::Start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Romanization {
        Romanization::parse(include_str!("../../dictionaries/de/romanization.toml"))
            .expect("romanization.toml parses")
    }

    fn german(word: &str) -> String {
        data().convert(word).german
    }

    #[test]
    fn converts_the_english_system() {
        assert_eq!(german("Sobchak"), "Sobtschak");
        assert_eq!(german("Bocharov"), "Botscharow");
        assert_eq!(german("Ruchei"), "Rutschei");
        assert_eq!(german("Khrushchev"), "Chruschtschew");
        assert_eq!(german("Zhukov"), "Schukow");
        assert_eq!(german("Yatsenyuk"), "Jazenjuk");
        assert_eq!(german("Dmitry"), "Dmitri");
        assert_eq!(german("Sergey"), "Sergej");
        assert_eq!(german("Lutsenko"), "Luzenko");
        assert_eq!(german("Kuznetsov"), "Kusnezow");
        assert_eq!(german("Yanukovych"), "Janukowytsch");
        assert_eq!(german("Jong-un"), "Jong-un");
    }

    #[test]
    fn german_spellings_stay() {
        for word in [
            "Kurojedow",
            "Medwedew",
            "Jelzin",
            "Sotschi",
            "Putin",
            "Taschenberg",
        ] {
            assert!(!data().convert(word).changed, "{word}");
        }
        assert!(data().convert("Luzenko").weak_only);
    }

    #[test]
    fn weak_changes_are_marked() {
        let c = data().convert("Lavrov");
        assert!(c.changed && c.weak_only);
        assert!(!data().convert("Sobchak").weak_only);
    }

    const NAMES: &[&str] = &[
        "Sobchak",
        "Bocharov",
        "Khrushchev",
        "Yatsenyuk",
        "Dmitry",
        "Sergey",
        "Lutsenko",
        "Kuznetsov",
        "Yanukovych",
        "Jong-un",
        "Kurojedow",
        "Zelensky",
        "Zelenskyy",
        "Shoigu",
        "Koglignichanu",
        "Ōtani",
        "Erdoğan",
        "Łukaszenka",
        "ZHUKOV",
        "Ivanova",
        "Anderson",
        "Kvitová",
        "Ayatollah",
        "Tsipras",
        "İstanbul",
        "",
        "-",
    ];

    #[test]
    fn rules_tried_by_first_letter_convert_as_all_rules_do() {
        let indexed = data();
        let mut every_rule = data();
        let all: Vec<usize> = (0..every_rule.rules.len()).collect();
        every_rule.ascii_starts = vec![all.clone(); 128];
        every_rule.other_starts = all;
        for word in NAMES {
            assert_eq!(
                indexed.convert_word(word),
                every_rule.convert_word(word),
                "{word}"
            );
        }
    }

    #[test]
    fn endings_of_ascii_words_are_read_as_of_their_lower_case() {
        let d = data();
        let endings: Vec<String> = ["ov", "sk", "chuk", "Ov", "ö", ""]
            .map(String::from)
            .to_vec();
        for word in NAMES {
            let lower = word.to_lowercase();
            let by_lower = lower.chars().count() >= d.evidence.min_chars
                && endings.iter().any(|e| lower.ends_with(e.as_str()));
            assert_eq!(d.ends_with_any(word, &endings), by_lower, "{word}");
            let foreign =
                (d.evidence.not_slavic_endings.iter()).any(|e| lower.ends_with(e.as_str()));
            assert_eq!(d.has_foreign_ending(word), foreign, "{word}");
        }
    }

    #[test]
    fn shape_tests() {
        let d = data();
        assert!(d.has_strong_ending("Bocharov"));
        assert!(d.has_strong_ending("Sobchak"));
        assert!(!d.has_strong_ending("Gov"));
        assert!(!d.has_strong_ending("Michael"));
        assert!(!d.has_weak_ending("Kvitova"));
        assert!(d.has_foreign_ending("Koglignichanu"));
        assert!(d.looks_german("Kurojedow"));
        assert!(d.looks_german("Sotschi"));
        assert!(!d.looks_german("Bocharov"));
        assert_eq!(d.given_name("Anatoly"), Some("Anatoli"));
    }
}
