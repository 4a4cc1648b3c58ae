//! A symmetric-delete index over the frequent words: every word, and each of its forms with
//! one letter deleted, points back to the word. Looking up a misspelt word and its own
//! one-letter deletions then finds every frequent word one Damerau edit away in a dozen
//! probes, instead of looking up the thousand-odd edits of the word one by one.
//!
//! Like [`super::freq`], the index is built by `build.rs` and read in place. It stores no
//! words, only offsets of entries in the frequency table plus a few bits of the key's hash,
//! so a probe can return words that do not match: callers check the edit distance.
//!
//! Layout, all integers little-endian:
//!
//! ```text
//! magic "MTLDEL01" | slot count u32 (power of two) | slots: [u32; slot count]
//! slot: 0 = empty, else fingerprint (top 9 bits) | 1 + entry offset (low 23 bits)
//! ```
//!
//! This file must compile on its own inside `build.rs`: it uses only `std`.

const MAGIC: &[u8; 8] = b"MTLDEL01";
const HEADER: usize = 8 + 4;
const OFFSET_BITS: u32 = 23;
const OFFSET_MASK: u32 = (1 << OFFSET_BITS) - 1;

/// FNV-1a, as in the frequency table.
fn hash(key: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in key {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn fingerprint(h: u64) -> u32 {
    (h >> (64 - (32 - OFFSET_BITS))) as u32
}

/// The distinct one-letter deletions of a word.
pub fn deletions(word: &str) -> Vec<String> {
    let mut out: Vec<String> = word
        .char_indices()
        .map(|(i, c)| format!("{}{}", &word[..i], &word[i + c.len_utf8()..]))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Builds the index from `(word, entry offset)` pairs. Panics if an offset does not fit,
/// which only a frequency table of more than 8 MB would cause.
#[allow(dead_code)] // used by build.rs and the tests
pub fn build<'w>(words: impl IntoIterator<Item = (&'w str, u32)>) -> Vec<u8> {
    let mut keys: Vec<(u64, u32)> = Vec::new();
    for (word, offset) in words {
        assert!(
            offset < OFFSET_MASK,
            "frequency table too large for the index"
        );
        keys.push((hash(word.as_bytes()), offset + 1));
        for key in deletions(word) {
            keys.push((hash(key.as_bytes()), offset + 1));
        }
    }
    // A load factor of at most 0.7 keeps probe sequences short.
    let slot_count = (keys.len() * 10 / 7 + 1).next_power_of_two();
    let mask = slot_count - 1;
    let mut slots = vec![0u32; slot_count];
    for (h, value) in keys {
        let mut i = h as usize & mask;
        while slots[i] != 0 {
            i = (i + 1) & mask;
        }
        slots[i] = (fingerprint(h) << OFFSET_BITS) | value;
    }
    let mut out = Vec::with_capacity(HEADER + slot_count * 4);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(slot_count as u32).to_le_bytes());
    for slot in slots {
        out.extend_from_slice(&slot.to_le_bytes());
    }
    out
}

/// Why index bytes could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError(pub &'static str);

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "deletion index: {}", self.0)
    }
}

impl std::error::Error for FormatError {}

/// The index, read in place.
#[derive(Debug, Clone, Copy)]
pub struct DeletionIndex<'a> {
    slots: &'a [u8],
    mask: usize,
}

#[allow(dead_code)] // build.rs uses only `build`
impl<'a> DeletionIndex<'a> {
    pub fn from_bytes(bytes: &'a [u8]) -> Result<DeletionIndex<'a>, FormatError> {
        if bytes.get(..8) != Some(MAGIC.as_slice()) {
            return Err(FormatError("bad magic number"));
        }
        let count = bytes
            .get(8..12)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .ok_or(FormatError("truncated header"))?;
        if !count.is_power_of_two() || bytes.len() != HEADER + count * 4 {
            return Err(FormatError("size does not match the header"));
        }
        Ok(DeletionIndex {
            slots: &bytes[HEADER..],
            mask: count - 1,
        })
    }

    fn slot(&self, i: usize) -> u32 {
        let b = &self.slots[i * 4..i * 4 + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }

    /// Calls `found` with the frequency-table offset of every word that is `key` or has
    /// `key` as a one-letter deletion, and of a few words that do not (hash collisions).
    pub fn for_each_word(&self, key: &str, mut found: impl FnMut(usize)) {
        let h = hash(key.as_bytes());
        let fp = fingerprint(h);
        let mut i = h as usize & self.mask;
        for _ in 0..=self.mask {
            let slot = self.slot(i);
            if slot == 0 {
                return;
            }
            if slot >> OFFSET_BITS == fp {
                found(((slot & OFFSET_MASK) - 1) as usize);
            }
            i = (i + 1) & self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_words_a_deletion_comes_from() {
        let bytes = build([("seitdem", 0), ("seit", 10), ("nicht", 20)]);
        let index = DeletionIndex::from_bytes(&bytes).expect("valid index");
        let mut found = Vec::new();
        index.for_each_word("setdem", |o| found.push(o));
        assert!(found.contains(&0));
        let mut found = Vec::new();
        index.for_each_word("nict", |o| found.push(o));
        assert!(found.contains(&20));
        assert!(!found.contains(&0));
        let mut found = Vec::new();
        index.for_each_word("seit", |o| found.push(o));
        assert!(found.contains(&10));
    }

    #[test]
    fn deletions_are_distinct() {
        assert_eq!(deletions("staat"), vec!["saat", "staa", "stat", "taat"]);
    }

    #[test]
    fn rejects_foreign_bytes() {
        assert!(DeletionIndex::from_bytes(b"MTLFREQ1....").is_err());
    }
}
