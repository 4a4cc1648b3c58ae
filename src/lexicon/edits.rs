//! Edit distance and edit enumeration over case-folded words, for finding what a misspelt
//! word was meant to be.
//!
//! A Damerau edit is one deleted, inserted or replaced letter, or two neighbouring letters
//! swapped: the four slips of typing.

/// Letters that insertions and substitutions use: the case-folded German alphabet (the
/// frequency list folds `ß` to `ss`).
pub const GERMAN_LETTERS: &str = "abcdefghijklmnopqrstuvwxyzäöü";

/// Calls `visit` with every word one Damerau edit away from `word` (some more than once).
/// `buf` is reused between calls so that enumerating allocates nothing per edit.
pub fn for_each_edit(word: &str, letters: &str, buf: &mut String, mut visit: impl FnMut(&str)) {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let at = |i: usize| chars.get(i).map_or(word.len(), |&(p, _)| p);
    for i in 0..chars.len() {
        let (before, here, after) = (&word[..at(i)], chars[i].1, &word[at(i + 1)..]);
        // Deletion.
        splice(buf, &[before, after]);
        visit(buf);
        // Transposition with the next letter.
        if let Some(&(_, next)) = chars.get(i + 1)
            && next != here
        {
            buf.clear();
            buf.push_str(before);
            buf.push(next);
            buf.push(here);
            buf.push_str(&word[at(i + 2)..]);
            visit(buf);
        }
        // Substitution.
        for c in letters.chars().filter(|&c| c != here) {
            buf.clear();
            buf.push_str(before);
            buf.push(c);
            buf.push_str(after);
            visit(buf);
        }
    }
    // Insertion.
    for i in 0..=chars.len() {
        for c in letters.chars() {
            buf.clear();
            buf.push_str(&word[..at(i)]);
            buf.push(c);
            buf.push_str(&word[at(i)..]);
            visit(buf);
        }
    }
}

fn splice(buf: &mut String, parts: &[&str]) {
    buf.clear();
    for p in parts {
        buf.push_str(p);
    }
}

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

    fn edits(word: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut buf = String::new();
        for_each_edit(word, GERMAN_LETTERS, &mut buf, |e| out.push(e.to_string()));
        out
    }

    #[test]
    fn enumerates_all_four_kinds_of_edit() {
        let all = edits("setdem");
        assert!(all.contains(&"seitdem".to_string())); // insertion
        assert!(all.contains(&"setem".to_string())); // deletion
        assert!(all.contains(&"stedem".to_string())); // transposition
        assert!(all.contains(&"setdäm".to_string())); // substitution
        assert!(!all.contains(&"setdem".to_string()));
        assert!(edits("russichen").contains(&"russischen".to_string()));
    }

    #[test]
    fn handles_multibyte_letters() {
        assert!(edits("gesprche").contains(&"gespräche".to_string()));
        assert!(edits("hündin").contains(&"hndin".to_string()));
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
