//! Edit distance between case-folded words, for finding what a misspelt word was meant to
//! be.
//!
//! A Damerau edit is one deleted, inserted or replaced letter, or two neighbouring letters
//! swapped: the four slips of typing.

/// Longest word [`distance`] compares; longer words are never "near" anything.
const MAX_LEN: usize = 48;

/// The optimal-string-alignment distance (Damerau edits, each letter edited at most once)
/// between two words if it is at most `max`, else `None`.
pub fn distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let mut ab = ['\0'; MAX_LEN];
    let mut bb = ['\0'; MAX_LEN];
    let a = fill(a, &mut ab)?;
    let b = fill(b, &mut bb)?;
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    // Three rows of the dynamic programme: two back (for swaps), one back, current.
    let mut two_back = [0usize; MAX_LEN + 1];
    let mut one_back = [0usize; MAX_LEN + 1];
    let mut current = [0usize; MAX_LEN + 1];
    for (j, cell) in one_back.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (one_back[j] + 1)
                .min(current[j - 1] + 1)
                .min(one_back[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(two_back[j - 2] + 1);
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut two_back, &mut one_back);
        std::mem::swap(&mut one_back, &mut current);
    }
    let d = one_back[b.len()];
    (d <= max).then_some(d)
}

/// Whether two words are exactly one Damerau edit apart: the fast test for the common
/// case, linear in the length.
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    let mut ab = ['\0'; MAX_LEN];
    let mut bb = ['\0'; MAX_LEN];
    let (Some(a), Some(b)) = (fill(a, &mut ab), fill(b, &mut bb)) else {
        return false;
    };
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    match a.len() as isize - b.len() as isize {
        0 if prefix == a.len() => false,
        0 => {
            a[prefix + 1..] == b[prefix + 1..]
                || (prefix + 1 < a.len()
                    && a[prefix] == b[prefix + 1]
                    && a[prefix + 1] == b[prefix]
                    && a[prefix + 2..] == b[prefix + 2..])
        }
        1 => a[prefix + 1..] == b[prefix..],
        -1 => a[prefix..] == b[prefix + 1..],
        _ => false,
    }
}

/// The set of letters of a word as bits (`a`–`z` one bit each, other letters sharing the
/// rest): a cheap test that rules out most pairs of words before their distance is
/// computed (see [`may_be_within`]).
pub fn letter_mask(word: &str) -> u64 {
    word.chars().fold(0, |mask, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            _ => 26 + (c as u32 % 38),
        };
        mask | (1 << bit)
    })
}

/// Whether two words with these letter masks can be `max` Damerau edits apart or fewer:
/// an edit adds or removes at most one letter of each word's set.
pub fn may_be_within(a: u64, b: u64, max: usize) -> bool {
    // Clears the lowest differing bit `2 * max` times: cheaper than counting them all
    // without a population-count instruction, which the default target lacks.
    let mut differing = a ^ b;
    for _ in 0..2 * max {
        differing &= differing.wrapping_sub(1);
    }
    differing == 0
}

fn fill<'b>(word: &str, buf: &'b mut [char; MAX_LEN]) -> Option<&'b [char]> {
    let mut n = 0;
    for c in word.chars() {
        *buf.get_mut(n)? = c;
        n += 1;
    }
    Some(&buf[..n])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_apart_agrees_with_distance() {
        let pairs = [
            ("wladmir", "wladimir"),
            ("setdem", "seitdem"),
            ("nciht", "nicht"),
            ("russichen", "russischen"),
            ("kim", "krim"),
            ("abc", "abc"),
            ("abc", "xyz"),
            ("gesprche", "gespräche"),
            ("ab", "ba"),
            ("abcd", "badc"),
        ];
        for (a, b) in pairs {
            assert_eq!(
                one_edit_apart(a, b),
                distance(a, b, 1) == Some(1),
                "{a} / {b}"
            );
            assert_eq!(one_edit_apart(a, b), one_edit_apart(b, a));
        }
    }

    #[test]
    fn letter_masks_never_rule_out_near_words() {
        let pairs = [
            ("wladmir", "wladimir", 1),
            ("gesprche", "gespräche", 1),
            ("abcdef", "badcfe", 3),
            ("straße", "strasse", 2),
        ];
        for (a, b, d) in pairs {
            assert_eq!(distance(a, b, d), Some(d), "{a} / {b}");
            assert!(
                may_be_within(letter_mask(a), letter_mask(b), d),
                "{a} / {b}"
            );
        }
        assert!(!may_be_within(letter_mask("abc"), letter_mask("xyz"), 1));
        for (a, b) in [
            (0u64, 0u64),
            (0b1011, 0b0110),
            (u64::MAX, 0),
            (1 << 63, 1),
            (0xF0, 0x0F),
        ] {
            for max in 0..4 {
                let counted = (a ^ b).count_ones() as usize <= 2 * max;
                assert_eq!(may_be_within(a, b, max), counted, "{a:b} {b:b} {max}");
            }
        }
    }

    #[test]
    fn distance_counts_damerau_edits() {
        assert_eq!(distance("wladmir", "wladimir", 2), Some(1));
        assert_eq!(distance("jiping", "jinping", 2), Some(1));
        assert_eq!(distance("enstand", "entsand", 2), Some(1));
        assert_eq!(distance("kim", "krim", 2), Some(1));
        assert_eq!(distance("abcdef", "badcfe", 3), Some(3));
        assert_eq!(distance("abc", "xyz", 2), None);
        assert_eq!(distance("putin", "putin", 0), Some(0));
        assert_eq!(distance("", "ab", 2), Some(2));
    }
}
