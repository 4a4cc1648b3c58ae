//! Fold keys: two spellings of one name get the same key when they differ only by case,
//! hyphens and spaces, diacritics or the usual transliteration alternatives
//! (j/y, w/v, sch/sh, tsch/ch/kh, ks/x, c/k, ph/f, ie/i, ou/u, -ij/-iy/-i, -ow/-ov).
//!
//! Keys are for grouping only; whether two spellings in a group really name one person is
//! decided by the caller (token counts, short-name guard, house list).

use crate::memo::WordMemo;

/// Letters that make a following `j` a consonant ("Jelzin", "Maja"); before anything else a
/// `j` or `y` is a vowel ("Selenskyj", "Tymoshenko", "Sergej").
const VOWELS_AFTER_J: &[char] = &['a', 'e', 'o', 'u'];

/// Replacements applied in this order to the lower-cased, accent-free word. Each German and
/// English spelling of a sound ends up as the same placeholder.
const REPLACEMENTS: &[(&str, &str)] = &[
    ("ae", "a"),
    ("oe", "o"),
    ("ue", "u"),
    ("ph", "f"),
    ("tsch", "C"),
    ("sch", "S"),
    ("sh", "S"),
    ("ch", "C"),
    ("kh", "C"),
    ("x", "ks"),
    ("c", "k"),
    ("y", "j"),
];

/// The grouping key of a name as written (one or several words). Words are folded one by
/// one, so that a sound never straddles two words ("Andrej Orlow").
pub fn fold(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    fold_into(name, &mut key);
    key
}

/// Appends the grouping key of `name` to `key` (see [`fold`]).
pub fn fold_into(name: &str, key: &mut String) {
    for word in name.split(is_separator) {
        FOLDED.read_or(word, || fold_word(word), |folded| key.push_str(folded));
    }
}

/// Names recur throughout an article and across an archive; each word is folded once.
static FOLDED: std::sync::LazyLock<WordMemo<Box<str>>> = std::sync::LazyLock::new(WordMemo::new);

fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '\u{a0}')
}

fn fold_word(word: &str) -> Box<str> {
    let mut s = plain(word);
    for (from, to) in REPLACEMENTS {
        // `replace` copies the string even when nothing matches, and most patterns do not.
        if contains(&s, from) {
            s = s.replace(from, to);
        }
    }
    let s = vocalise_j(&s);
    let mut s = collapse(&s, 'i');
    for (from, to) in [("ie", "i"), ("ou", "u"), ("w", "v")] {
        // Until nothing changes: "Vieetnam" must meet "Vietnam".
        while contains(&s, from) {
            s = s.replace(from, to);
        }
    }
    s.into_boxed_str()
}

/// Whether `s` contains `pattern`, byte by byte: a word is a few bytes long, and setting up
/// `str::contains`'s substring search for each of fifteen patterns cost most of folding it.
/// The bytes are compared in a loop rather than as slices, which would call `memcmp` at
/// every position.
fn contains(s: &str, pattern: &str) -> bool {
    let pattern = pattern.as_bytes();
    s.as_bytes()
        .windows(pattern.len())
        .any(|w| w.iter().zip(pattern).all(|(a, b)| a == b))
}

/// The key that only ignores case, accents, hyphens and spaces: for very short names, where
/// transliteration folding would merge different people ("Xi" and "Xie").
pub fn fold_plain(name: &str) -> String {
    plain(name)
}

/// Lower case without accents, hyphens, apostrophes or spaces; ß as ss.
fn plain(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            '-' | '\'' | '’' | ' ' | '\u{a0}' => {}
            'ß' => out.push_str("ss"),
            c => out.push(strip_accent(c)),
        }
    }
    out
}

/// `j` before a, e, o, u stays a consonant; otherwise it is the vowel i.
fn vocalise_j(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let consonant = chars.get(i + 1).is_some_and(|n| VOWELS_AFTER_J.contains(n));
            if c == 'j' && !consonant { 'i' } else { c }
        })
        .collect()
}

fn collapse(s: &str, letter: char) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !(c == letter && out.ends_with(letter)) {
            out.push(c);
        }
    }
    out
}

/// The base letter of a Latin letter with an accent; other characters unchanged.
fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ĝ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ŕ' | 'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) {
        assert_eq!(fold(a), fold(b), "{a} vs {b}");
    }

    fn different(a: &str, b: &str) {
        assert_ne!(fold(a), fold(b), "{a} vs {b}");
    }

    #[test]
    fn hyphens_spaces_and_case_fold() {
        same("Kim Jong-un", "Kim Jong Un");
        same("Boris-johnson", "Boris Johnson");
        same("Obama Foundation", "ObamaFoundation");
    }

    #[test]
    fn transliteration_pairs_fold() {
        same("Aleksey Nikolskyi", "Alexei Nikolsky");
        same("Wladimir", "Vladimir");
        same("Poroshenko", "Poroschenko");
        same("Selenskyj", "Selenskij");
        same("Selenskyj", "Selenskiy");
        same("Lawrow", "Lavrov");
        same("Sergej", "Sergei");
        same("Schröder", "Schroeder");
        same("Erdoğan", "Erdogan");
        same("Kiew", "Kiev");
        same("Charkiw", "Kharkiv");
        same("Michail", "Mikhail");
        same("Vietnam", "Vieetnam");
    }

    #[test]
    fn different_people_stay_apart() {
        different("Kim Il Sung", "Kim Jong Un");
        different("Kim Jong Il", "Kim Jong Un");
        different("Meyer", "Meier");
        different("Wladmir", "Wladimir");
        different("Jiping", "Jinping");
    }

    #[test]
    fn words_fold_one_by_one() {
        same("Andrej Orlow", "Andrei Orlov");
    }

    #[test]
    fn plain_fold_keeps_letters() {
        assert_eq!(fold_plain("Jong-Un"), "jongun");
        assert_ne!(fold_plain("Xi"), fold_plain("Xie"));
    }
}
