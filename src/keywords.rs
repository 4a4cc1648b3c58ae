//! Keywords of a pattern: literal text that every match of it contains, worked out from the
//! parsed pattern. A text without any of a pattern's keywords holds no match, and one search
//! for the keywords of many patterns costs far less than searching each pattern: Unicode
//! case-insensitive patterns (`(?i)`) leave the regex engine without a fast literal search,
//! because `k` and `s` also match 'K' (U+212A, Kelvin sign) and 'ſ' (U+017F, long s).
//!
//! The keywords are ASCII letters and digits, found ASCII case-insensitively ([`Gate`]); a text
//! with one of the few characters that Unicode case folding takes to an ASCII letter
//! ([`folds_to_ascii`]) always passes the gate.
//!
//! Also worked out from the parsed pattern: the punctuation every match contains
//! ([`marks`]), and the bytes a match anchored at the start of the text can begin with
//! ([`first_bytes`]).

use aho_corasick::{AhoCorasick, MatchKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor, Seq};
use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// Lower-case ASCII strings one of which every match of `pattern` contains, ASCII case aside,
/// in a text without the characters of [`folds_to_ascii`]; `None` when the pattern does not
/// parse or has no such text (it may match without any fixed letters).
pub fn keywords(pattern: &str) -> Option<Vec<String>> {
    keywords_with(pattern, &folds_to_ascii())
}

/// [`keywords`], with the characters of [`folds_to_ascii`] worked out by the caller (once for
/// many patterns).
fn keywords_with(pattern: &str, folds: &[char]) -> Option<Vec<String>> {
    let hir = regex_syntax::parse(&without_letter_folding(pattern)).ok()?;
    required(&hir, folds)
}

/// The pattern with its letter classes (`\p{L}`) exempt from case folding. Case-folding a
/// class of every letter is most of the work of parsing a notice pattern, and a class that
/// wide gives no keyword either way, so the keywords stay the same.
fn without_letter_folding(pattern: &str) -> String {
    pattern.replace(r"\p{L}", r"(?-i:\p{L})")
}

/// The characters beyond ASCII that a case-insensitive pattern matches for an ASCII letter
/// ('ſ' for `s`, the Kelvin sign for `k`), as the regex engine's own case folding tables say.
pub fn folds_to_ascii() -> Vec<char> {
    let Ok(hir) = regex_syntax::parse("(?i)[a-z]") else {
        return Vec::new();
    };
    let HirKind::Class(Class::Unicode(class)) = hir.kind() else {
        return Vec::new();
    };
    class
        .iter()
        .flat_map(|range| range.start()..=range.end())
        .filter(|c| !c.is_ascii())
        .collect()
}

/// Keywords of a parsed pattern (see [`keywords`]).
fn required(hir: &Hir, folds: &[char]) -> Option<Vec<String>> {
    match hir.kind() {
        HirKind::Concat(parts) => required_in_sequence(parts, folds),
        HirKind::Literal(_) | HirKind::Class(_) => {
            required_in_sequence(std::slice::from_ref(hir), folds)
        }
        HirKind::Capture(capture) => required(&capture.sub, folds),
        HirKind::Repetition(repetition) if repetition.min >= 1 => required(&repetition.sub, folds),
        // Every branch must bring its own keywords; together they are the alternation's.
        HirKind::Alternation(branches) => {
            let mut all = Vec::new();
            for branch in branches {
                all.extend(required(branch, folds)?);
            }
            Some(all)
        }
        // Optional parts, anchors and the empty pattern hold no required text.
        _ => None,
    }
}

/// The best keywords of a sequence: a word (a run of consecutive ASCII letters and digits)
/// or the keywords of one of its parts. Longer keywords are rarer in text, and fewer are
/// found faster: the set whose shortest keyword is longest wins, then the smaller set.
fn required_in_sequence(parts: &[Hir], folds: &[char]) -> Option<Vec<String>> {
    let mut best: Option<Vec<String>> = None;
    let mut word = String::new();
    for part in parts {
        match part.kind() {
            HirKind::Literal(literal) => {
                for &byte in literal.0.iter() {
                    extend_word(
                        &mut word,
                        byte.is_ascii().then_some(char::from(byte)),
                        &mut best,
                    );
                }
            }
            HirKind::Class(_) => extend_word(&mut word, ascii_character(part, folds), &mut best),
            _ => {
                extend_word(&mut word, None, &mut best);
                if let Some(inner) = required(part, folds) {
                    consider(inner, &mut best);
                }
            }
        }
    }
    extend_word(&mut word, None, &mut best);
    best
}

/// Adds a character to the word being read, or ends the word (and considers it) at anything
/// but an ASCII letter or digit (`None`: a character that is not one fixed ASCII character).
fn extend_word(word: &mut String, next: Option<char>, best: &mut Option<Vec<String>>) {
    match next.filter(char::is_ascii_alphanumeric) {
        Some(c) => word.push(c.to_ascii_lowercase()),
        None if !word.is_empty() => consider(vec![std::mem::take(word)], best),
        None => {}
    }
}

fn consider(candidate: Vec<String>, best: &mut Option<Vec<String>>) {
    let rank = |words: &[String]| {
        let shortest = words.iter().map(String::len).min().unwrap_or(0);
        (shortest, std::cmp::Reverse(words.len()))
    };
    if best.as_ref().is_none_or(|b| rank(&candidate) > rank(b)) {
        *best = Some(candidate);
    }
}

/// The one ASCII character (lower case) a class matches, ASCII case and the characters of
/// `folds` aside: `[Ss\u{17F}]` is `s`, `[Xx]` is `x`, `[- ]` is none.
fn ascii_character(hir: &Hir, folds: &[char]) -> Option<char> {
    let HirKind::Class(Class::Unicode(class)) = hir.kind() else {
        return None;
    };
    let mut found: Option<char> = None;
    for range in class.iter() {
        // A class of one letter has at most four members; a wider one is no single letter.
        if u32::from(range.end()) - u32::from(range.start()) > 4 {
            return None;
        }
        for c in range.start()..=range.end() {
            if folds.contains(&c) {
                continue;
            }
            if !c.is_ascii() {
                return None;
            }
            let lower = c.to_ascii_lowercase();
            match found {
                Some(f) if f != lower => return None,
                _ => found = Some(lower),
            }
        }
    }
    found
}

/// Punctuation and symbol characters (no letters, digits or white space) one of which every
/// match of `pattern` contains; `None` when the pattern does not parse or has no such
/// characters. Only literal text counts: a literal matches exactly its characters (case
/// folding turns letters into classes, never punctuation), so a text without any of these
/// characters holds no match.
pub fn marks(pattern: &str) -> Option<Vec<char>> {
    let hir = regex_syntax::parse(pattern).ok()?;
    required_marks(&hir)
}

/// Marks of a parsed pattern (see [`marks`]).
fn required_marks(hir: &Hir) -> Option<Vec<char>> {
    match hir.kind() {
        HirKind::Literal(literal) => {
            let text = std::str::from_utf8(&literal.0).ok()?;
            let mark = text
                .chars()
                .find(|c| !c.is_alphanumeric() && !c.is_whitespace())?;
            Some(vec![mark])
        }
        HirKind::Capture(capture) => required_marks(&capture.sub),
        HirKind::Repetition(repetition) if repetition.min >= 1 => required_marks(&repetition.sub),
        // Every part of a sequence is in every match: the part with the fewest marks will do.
        HirKind::Concat(parts) => parts.iter().filter_map(required_marks).min_by_key(Vec::len),
        // Every branch must bring its own marks; together they are the alternation's.
        HirKind::Alternation(branches) => {
            let mut all = Vec::new();
            for branch in branches {
                all.extend(required_marks(branch)?);
            }
            all.sort_unstable();
            all.dedup();
            Some(all)
        }
        // Classes, optional parts, anchors and the empty pattern hold no required mark.
        _ => None,
    }
}

/// Words by their first and by their last byte, so that a text is compared only with the
/// few words that start (or end) as it does, and most texts with none.
#[derive(Debug, Default)]
pub struct WordIndex {
    by_first: Vec<Vec<String>>,
    by_last: Vec<Vec<String>>,
    /// An empty word starts and ends any text.
    empty: bool,
}

impl WordIndex {
    pub fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> WordIndex {
        let mut index = WordIndex {
            by_first: vec![Vec::new(); 256],
            by_last: vec![Vec::new(); 256],
            empty: false,
        };
        for word in words {
            match (word.as_bytes().first(), word.as_bytes().last()) {
                (Some(&first), Some(&last)) => {
                    index.by_first[usize::from(first)].push(word.to_string());
                    index.by_last[usize::from(last)].push(word.to_string());
                }
                _ => index.empty = true,
            }
        }
        index
    }

    /// Whether `text` starts with one of the words.
    pub fn starts(&self, text: &str) -> bool {
        self.empty
            || text.as_bytes().first().is_some_and(|&b| {
                self.by_first[usize::from(b)]
                    .iter()
                    .any(|w| text.starts_with(w.as_str()))
            })
    }

    /// Whether `text` ends with one of the words.
    pub fn ends(&self, text: &str) -> bool {
        self.empty
            || text.as_bytes().last().is_some_and(|&b| {
                self.by_last[usize::from(b)]
                    .iter()
                    .any(|w| text.ends_with(w.as_str()))
            })
    }
}

/// The prefix literals of `pattern`, each cut to at most `len` bytes, when every match must
/// start at the start of the text; `None` when a match may start elsewhere or the pattern
/// does not parse.
fn anchored_prefix_literals(pattern: &str, len: usize) -> Option<Seq> {
    let hir = regex_syntax::parse(pattern).ok()?;
    if !hir.properties().look_set_prefix().contains(Look::Start) {
        return None;
    }
    Some(
        Extractor::new()
            .kind(ExtractKind::Prefix)
            .limit_literal_len(len)
            .extract(&hir),
    )
}

/// The bytes that every match of `pattern` starts with, when each match must start at the
/// start of the text; `None` when a match may start elsewhere or its first bytes are not
/// known. Every match begins with one of the pattern's prefix literals (as the parser works
/// them out, case-insensitive letters in all their cases), so their first bytes are all the
/// ones possible.
pub fn first_bytes(pattern: &str) -> Option<ByteSet> {
    // Only the first byte is wanted; longer literals would multiply with every
    // case-insensitive letter until the extractor gives up.
    let prefixes = anchored_prefix_literals(pattern, 1)?;
    let mut allowed = ByteSet::default();
    for literal in prefixes.literals()? {
        allowed.insert(*literal.as_bytes().first()?);
    }
    Some(allowed)
}

/// The beginnings every match of a pattern starts with, when each match must start at the
/// start of the text: a line that begins with none of them holds no match (see
/// [`prefixes`]).
#[derive(Debug, Clone, Default)]
pub struct Prefixes {
    /// The first four bytes of the beginnings of four bytes or more, in one number each.
    four: rustc_hash::FxHashSet<u32>,
    /// The beginnings of fewer than four bytes.
    shorter: Vec<Vec<u8>>,
}

impl Prefixes {
    /// Whether `text` begins with one of the beginnings.
    pub fn admit(&self, text: &[u8]) -> bool {
        let four = text.first_chunk::<4>().map(|b| u32::from_le_bytes(*b));
        four.is_some_and(|key| self.four.contains(&key))
            || self.shorter.iter().any(|p| text.starts_with(p))
    }
}

/// The beginnings of up to four bytes that every match of `pattern` starts with, when each
/// match must start at the start of the text; `None` when a match may start elsewhere or the
/// beginnings are too many to list. Like [`first_bytes`], from the pattern's prefix literals
/// (case-insensitive letters in all their cases), four bytes long: a line's first byte often
/// agrees with a pattern's ("Die …" and "dieser artikel …"), its first four far less often.
pub fn prefixes(pattern: &str) -> Option<Prefixes> {
    let literals = anchored_prefix_literals(pattern, 4)?;
    let mut prefixes = Prefixes::default();
    for literal in literals.literals()? {
        match literal.as_bytes().first_chunk::<4>() {
            Some(four) => {
                prefixes.four.insert(u32::from_le_bytes(*four));
            }
            None => prefixes.shorter.push(literal.as_bytes().to_vec()),
        }
    }
    Some(prefixes)
}

/// A set of byte values: the bytes a word or line can begin (or end) with, to rule most out
/// with one look at a byte before any lookup or search.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ByteSet([u64; 4]);

impl ByteSet {
    pub fn insert(&mut self, b: u8) {
        self.0[usize::from(b / 64)] |= 1 << (b % 64);
    }

    pub fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b / 64)] & (1 << (b % 64)) != 0
    }
}

impl FromIterator<u8> for ByteSet {
    fn from_iter<I: IntoIterator<Item = u8>>(bytes: I) -> ByteSet {
        let mut set = ByteSet::default();
        bytes.into_iter().for_each(|b| set.insert(b));
        set
    }
}

/// A set of 16-bit numbers, one bit each (hashes of words, pairs of bytes): a screen that
/// rules most words out before a lookup. Takes no memory while empty.
#[derive(Debug, Clone, Default)]
pub struct BitTable(Vec<u64>);

impl BitTable {
    pub fn insert(&mut self, i: u16) {
        if self.0.is_empty() {
            self.0 = vec![0; (1 << 16) / 64];
        }
        let i = usize::from(i);
        self.0[i / 64] |= 1 << (i % 64);
    }

    pub fn contains(&self, i: u16) -> bool {
        let i = usize::from(i);
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
}

/// One search for the keywords of many patterns, telling which of them a text may match: a
/// pattern whose keywords a text lacks has no match in it, and need not even be compiled.
pub struct Gate {
    /// Every keyword (lower case) and the characters of [`folds_to_ascii`], searched in a
    /// lower-cased copy of the text: an exact search is much faster than an ASCII
    /// case-insensitive one, which finds no rare bytes to skip ahead to.
    finder: AhoCorasick,
    /// The keywords of each pattern, in the order the patterns were given.
    keywords: Vec<Vec<String>>,
    folds: Vec<String>,
}

impl Gate {
    /// A gate for `patterns`; `None` when one of them has no keywords (then every text must be
    /// searched).
    pub fn new<'p>(patterns: impl IntoIterator<Item = &'p str>) -> Option<Gate> {
        let fold_chars = folds_to_ascii();
        let keywords: Vec<Vec<String>> = patterns
            .into_iter()
            .map(|p| keywords_with(p, &fold_chars))
            .collect::<Option<_>>()?;
        let folds: Vec<String> = fold_chars.iter().map(char::to_string).collect();
        let mut needles: Vec<&str> = keywords
            .iter()
            .flatten()
            .chain(&folds)
            .map(String::as_str)
            .collect();
        needles.sort_unstable();
        needles.dedup();
        // Only a leftmost match kind lets the automaton search with Teddy (SIMD); which
        // needle is found first does not matter.
        let finder = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(&needles)
            .ok()?;
        Some(Gate {
            finder,
            keywords,
            folds,
        })
    }

    /// For each pattern, whether `text` may hold a match of it; `None` when it holds no match
    /// of any (nearly every text).
    pub fn possible(&self, text: &str) -> Option<Vec<bool>> {
        // Lower-casing ASCII leaves every other byte, so the characters of `folds_to_ascii`
        // are still found verbatim.
        let lower = text.to_ascii_lowercase();
        if !self.finder.is_match(&lower) {
            return None;
        }
        // The rare text with a keyword is searched again, pattern by pattern.
        if self.folds.iter().any(|c| lower.contains(c.as_str())) {
            return Some(vec![true; self.keywords.len()]);
        }
        let found = |words: &Vec<String>| words.iter().any(|w| lower.contains(w.as_str()));
        Some(self.keywords.iter().map(found).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_index_answers_as_comparing_with_every_word_would() {
        let words = ["Juni", "June", "Mai", "mars", "ft", "feet"];
        let index = WordIndex::of(words);
        for text in [
            "Juni 2019",
            "20 June",
            "Maine",
            "Zeitmars",
            "5ft",
            "",
            "Ä",
            "x",
        ] {
            let starts = words.iter().any(|w| text.starts_with(w));
            let ends = words.iter().any(|w| text.ends_with(w));
            assert_eq!(index.starts(text), starts, "{text}");
            assert_eq!(index.ends(text), ends, "{text}");
        }
        let with_empty = WordIndex::of(["", "Mai"]);
        assert!(with_empty.starts("x") && with_empty.ends(""));
    }
    use regex::Regex;

    /// The credit patterns need a mark each: '©' or '/' in German, and ':' or '(' in
    /// the others (from "Photo:" and "(c)").
    #[test]
    fn credit_marks_come_from_the_literals() {
        let marks_of = |code| {
            let lang = crate::lang::language(code).expect("language data");
            marks(lang.credit.as_ref().expect("credit pattern").as_str())
        };
        assert_eq!(marks_of("de"), Some(vec!['/', '©']));
        assert_eq!(marks_of("en"), Some(vec!['(', ':', '©']));
        assert_eq!(marks_of("es"), Some(vec!['(', '/', ':', '©']));
        assert_eq!(marks_of("fr"), Some(vec!['(', '/', ':', '©']));
    }

    #[test]
    fn marks_need_every_branch_and_a_literal() {
        assert_eq!(marks(r"a/b|c:d"), Some(vec!['/', ':']));
        assert_eq!(marks(r"a/b|cd"), None);
        assert_eq!(marks(r"(?:x\.)?y"), None);
        assert_eq!(marks(r"[/:]x"), None);
        assert_eq!(marks(r"(?i)ab-c+(?:d:)+"), Some(vec!['-']));
        assert_eq!(marks(r"("), None);
    }

    /// Exempting letter classes from case folding leaves every notice pattern's keywords
    /// as they were.
    #[test]
    fn letter_classes_unfolded_give_the_same_keywords() {
        let folds = folds_to_ascii();
        for code in crate::lang::SUPPORTED {
            let lang = crate::lang::language(code).expect("language data");
            for pattern in &lang.disclaimers {
                let folded = regex_syntax::parse(pattern.as_str()).expect("parses");
                assert_eq!(
                    keywords(pattern.as_str()),
                    required(&folded, &folds),
                    "{pattern:?}"
                );
            }
        }
    }

    #[test]
    fn long_s_and_kelvin_sign_fold_to_ascii() {
        let folds = folds_to_ascii();
        assert!(
            folds.contains(&'ſ') && folds.contains(&'\u{212A}'),
            "{folds:?}"
        );
        assert!(folds.iter().all(|c| !c.is_ascii()));
    }

    #[test]
    fn the_longest_word_is_the_keyword() {
        assert_eq!(
            keywords("(?i)(?:artikel|text) wurde (?:aus dem (?P<s>\\p{L}+) )?übersetzt"),
            Some(vec!["bersetzt".to_string()])
        );
        assert_eq!(
            keywords("(?i)(?:maschinell|automatisch) übersetzt"),
            Some(vec!["maschinell".to_string(), "automatisch".to_string()])
        );
        assert_eq!(keywords("(?i)Kassel"), Some(vec!["kassel".to_string()]));
    }

    #[test]
    fn an_alternation_needs_keywords_in_every_branch() {
        assert_eq!(
            keywords("(?i)(?:article|story) (?:was|is)"),
            Some(vec!["article".to_string(), "story".to_string()])
        );
        assert_eq!(keywords("(?i)(?:article|\\d+)"), None);
        assert_eq!(keywords("(?i)(?:übel)?"), None);
        assert_eq!(keywords("\\p{L}+"), None);
    }

    #[test]
    fn a_class_of_several_characters_ends_a_run() {
        assert_eq!(
            keywords("(?i)machine[- ]translated"),
            Some(vec!["translated".to_string()])
        );
    }

    #[test]
    fn anchored_patterns_tell_their_first_bytes() {
        let allowed = first_bytes("(?i)^(jetzt )?(newsletter|über)").expect("anchored");
        for b in [b'j', b'J', b'n', b'N', "ü".as_bytes()[0], "Ü".as_bytes()[0]] {
            assert!(allowed.contains(b));
        }
        assert!(!allowed.contains(b'x'));
        // `k` also matches the Kelvin sign, and `s` the long s.
        let allowed = first_bytes("(?i)^(kommentare|seite)").expect("anchored");
        assert!(allowed.contains("\u{212A}".as_bytes()[0]));
        assert!(allowed.contains("\u{17F}".as_bytes()[0]));
        assert!(first_bytes(r"(?i)(?:^|\s)(wochen|monate?) gratis lesen$").is_none());
        assert!(first_bytes("(?i)^.*gratis").is_none());
    }

    #[test]
    fn anchored_patterns_tell_their_beginnings() {
        let pattern = "(?i)^(newsletter|über)|^kommentare( \\(\\d+\\))?$|^ab";
        let beginnings = prefixes(pattern).expect("anchored");
        let regex = Regex::new(pattern).expect("compiles");
        for line in [
            "Newsletter abonnieren",
            "newsletter",
            "Über uns",
            "ÜBER",
            "\u{212A}ommentare (3)",
            "Kommentare",
            "Ab",
            "ab und zu",
        ] {
            assert!(regex.is_match(line), "{line}");
            assert!(beginnings.admit(line.as_bytes()), "{line}");
        }
        for line in ["Die Regierung", "Jeder", "Komisch", "A", ""] {
            assert!(!beginnings.admit(line.as_bytes()), "{line}");
        }
        assert!(prefixes(r"(?i)(?:^|\s)(wochen|monate?) gratis lesen$").is_none());
        assert!(prefixes("(?i)^.*gratis").is_none());
    }

    #[test]
    fn the_gate_lets_through_every_text_a_pattern_matches() {
        let patterns = [
            "(?i)(?:artikel|text) wurde (?:maschinell|automatisch) übersetzt",
            "(?i)texte a été traduit automatiquement",
        ];
        let gate = Gate::new(patterns).expect("keywords");
        let texts = [
            "Dieser Artikel wurde maschinell übersetzt.",
            "DIESER ARTIKEL WURDE MASCHINELL ÜBERSETZT.",
            "Dieser Artikel wurde maſchinell überſetzt.",
            "Ce TEXTE a été TRADUIT automatiquement.",
            "Ce texte a été traduit automatiquement.",
            "Ce te\u{212A}te a été traduit automatiquement.",
            "Der Artikel wurde gestern geschrieben.",
            "Ein Text, den niemand übersetzt hat.",
            "Kein Hinweis hier.",
        ];
        for text in texts {
            let possible = gate.possible(text);
            for (i, pattern) in patterns.iter().enumerate() {
                let matches = Regex::new(pattern).unwrap().is_match(text);
                let may = possible.as_ref().is_some_and(|p| p[i]);
                assert!(!matches || may, "{text} {pattern}");
            }
        }
        assert_eq!(gate.possible("Kein Hinweis hier."), None);
        assert_eq!(
            gate.possible("Ein Text, der maschinell entstand."),
            Some(vec![true, false]),
            "a keyword without a notice"
        );
        assert_eq!(
            gate.possible("Ein ſ genügt."),
            Some(vec![true, true]),
            "a long s lets every pattern through"
        );
    }

    #[test]
    fn no_gate_for_a_pattern_without_keywords() {
        assert!(Gate::new(["(?i)übersetzt", "\\d+"]).is_none());
    }
}
