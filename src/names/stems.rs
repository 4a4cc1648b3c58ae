//! Reads the stems of a Hunspell word file (`dictionaries/<lang>/hunspell/*.dic`) into the
//! four word classes the names lexicon ([`super::lexicon`]) tells names from common words
//! with. Compiled into `build.rs` as well, which writes each class as a lookup table, so the
//! binary reads them in place instead of parsing the word file at start-up.

/// Hunspell flags of `de_DE.aff` that only nouns carry: plural, genitive `-es` and female
/// suffixes. Names carry `S` (genitive) and `m` at most.
const NOUN_FLAGS: &[char] = &['P', 'N', 'E', 'R', 'p', 'F', 'T', 'q', 'Q', 'J', 'h', 'g'];
/// Compounding flags: on a stem without the genitive `s` they mark a noun ("Tochter/ijm");
/// with it they are also found on names ("Japan/Smij").
const COMPOUND_FLAGS: &[char] = &['i', 'j'];

/// The word classes of the stems.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct StemClasses<'d> {
    /// Capitalised stems with noun flags, or compounding without the genitive flag.
    pub nouns: Vec<&'d str>,
    /// Capitalised stems that form compounds ("Kapital/Smij").
    pub compounding: Vec<&'d str>,
    /// Every capitalised stem.
    pub capitalised: Vec<&'d str>,
    /// Every stem written in lower case.
    pub lower: Vec<&'d str>,
}

/// Sorts the stems of a `.dic` file (one `stem/FLAGS` per line after the count line).
pub fn classify(dic: &str) -> StemClasses<'_> {
    let mut classes = StemClasses::default();
    for line in dic.lines().skip(1) {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with(['\t', '#']) {
            continue;
        }
        let (stem, flags) = line.split_once('/').unwrap_or((line, ""));
        if stem.chars().next().is_some_and(char::is_uppercase) {
            if flags.contains(NOUN_FLAGS)
                || (flags.contains(COMPOUND_FLAGS) && !flags.contains('S'))
            {
                classes.nouns.push(stem);
            }
            if flags.contains(COMPOUND_FLAGS) {
                classes.compounding.push(stem);
            }
            classes.capitalised.push(stem);
        } else {
            classes.lower.push(stem);
        }
    }
    classes
}
