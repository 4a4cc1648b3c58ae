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
//! magic "MTLDEL01" | slot count u32 | slots: [u32; slot count]
//! slot: 0 = empty, else fingerprint (top 7 bits) | frequency class (2 bits)
//!       | 1 + entry offset (low 23 bits)
//! ```
//!
//! The frequency class lets a caller that wants only frequent words skip the others without
//! reading their entries (see [`FREQUENCY_CLASSES`]).
//!
//! This file must compile on its own inside `build.rs`: it uses only `std`.

const MAGIC: &[u8; 8] = b"MTLDEL01";
const HEADER: usize = 8 + 4;
const OFFSET_BITS: u32 = 23;
const OFFSET_MASK: u32 = (1 << OFFSET_BITS) - 1;
const CLASS_BITS: u32 = 2;
const FINGERPRINT_SHIFT: u32 = OFFSET_BITS + CLASS_BITS;

/// Lower Zipf bounds of the frequency classes 0 to 3 kept in each slot.
pub const FREQUENCY_CLASSES: [f32; 4] = [0.0, 3.0, 3.5, 4.5];

fn class_of(zipf: f32) -> u32 {
    FREQUENCY_CLASSES
        .iter()
        .filter(|&&bound| zipf >= bound)
        .count() as u32
        - 1
}

/// FNV-1a, finished with MurmurHash3's 64-bit mixer: FNV alone leaves the low bits poorly
/// mixed, and the table picks slots by them. Stable across builds and platforms.
fn hash(word: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The first slot to probe: the hash's low half scaled to the slot count (its top bits are
/// the fingerprint, which must not correlate with the slot).
fn home(h: u64, slot_count: usize) -> usize {
    (((h & 0xffff_ffff) * slot_count as u64) >> 32) as usize
}

fn next(i: usize, slot_count: usize) -> usize {
    if i + 1 == slot_count { 0 } else { i + 1 }
}

fn fingerprint(h: u64) -> u32 {
    (h >> (64 - (32 - FINGERPRINT_SHIFT))) as u32
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

/// Builds the index from `(word, zipf, entry offset)` rows. Panics if an offset does not
/// fit, which only a frequency table of more than 8 MB would cause.
#[allow(dead_code)] // used by build.rs and the tests
pub fn build<'w>(words: impl IntoIterator<Item = (&'w str, f32, u32)>) -> Vec<u8> {
    let mut keys: Vec<(u64, u32)> = Vec::new();
    for (word, zipf, offset) in words {
        assert!(
            offset < OFFSET_MASK,
            "frequency table too large for the index"
        );
        let value = (class_of(zipf) << OFFSET_BITS) | (offset + 1);
        keys.push((hash(word.as_bytes()), value));
        for key in deletions(word) {
            keys.push((hash(key.as_bytes()), value));
        }
    }
    // A load factor of 0.7 keeps probe sequences short.
    let slot_count = keys.len() * 10 / 7 + 1;
    let mut slots = vec![0u32; slot_count];
    for (h, value) in keys {
        let mut i = home(h, slot_count);
        while slots[i] != 0 {
            i = next(i, slot_count);
        }
        slots[i] = (fingerprint(h) << FINGERPRINT_SHIFT) | value;
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
    count: usize,
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
        if count == 0 || bytes.len() != HEADER + count * 4 {
            return Err(FormatError("size does not match the header"));
        }
        Ok(DeletionIndex {
            slots: &bytes[HEADER..],
            count,
        })
    }

    fn slot(&self, i: usize) -> u32 {
        let b = &self.slots[i * 4..i * 4 + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }

    /// Calls `found` with the frequency-table offset of every word of at least frequency
    /// class `min_class` that is `key` or has `key` as a one-letter deletion, and of a few
    /// words that do not (hash collisions).
    pub fn for_each_word(&self, key: &str, min_class: u32, found: impl FnMut(usize)) {
        self.for_each_word_of(&[key], min_class, found);
    }

    /// [`DeletionIndex::for_each_word`] for several keys at once. Their first slots are read
    /// before any probe sequence is followed, so that the memory reads, one cache miss
    /// each, overlap instead of waiting for each other.
    pub fn for_each_word_of(&self, keys: &[&str], min_class: u32, mut found: impl FnMut(usize)) {
        const BATCH: usize = 32;
        for chunk in keys.chunks(BATCH) {
            let mut starts = [(0usize, 0u32, 0u32); BATCH];
            for (start, key) in starts.iter_mut().zip(chunk) {
                let h = hash(key.as_bytes());
                let i = home(h, self.count);
                *start = (i, fingerprint(h), self.slot(i));
            }
            for &(first, fp, first_slot) in &starts[..chunk.len()] {
                let (mut i, mut slot) = (first, first_slot);
                for _ in 0..self.count {
                    if slot == 0 {
                        break;
                    }
                    let class = (slot >> OFFSET_BITS) & ((1 << CLASS_BITS) - 1);
                    if slot >> FINGERPRINT_SHIFT == fp && class >= min_class {
                        found(((slot & OFFSET_MASK) - 1) as usize);
                    }
                    i = next(i, self.count);
                    slot = self.slot(i);
                }
            }
        }
    }

    /// The frequency class a word of frequency `zipf` falls in: asking for it and up skips
    /// only rarer words (callers still check the frequency).
    pub fn class_for(zipf: f32) -> u32 {
        class_of(zipf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_words_a_deletion_comes_from() {
        let bytes = build([
            ("seitdem", 4.7, 0),
            ("seit", 5.5, 10),
            ("nicht", 6.9, 20),
            ("seitdam", 2.6, 30),
        ]);
        let index = DeletionIndex::from_bytes(&bytes).expect("valid index");
        let lookup = |key: &str, min_class: u32| {
            let mut found = Vec::new();
            index.for_each_word(key, min_class, |o| found.push(o));
            found
        };
        assert!(lookup("setdem", 0).contains(&0));
        assert!(lookup("nict", 0).contains(&20));
        assert!(!lookup("nict", 0).contains(&0));
        assert!(lookup("seit", 0).contains(&10));
        // "seitdm" is a deletion of both.
        assert!(lookup("seitdm", 0).contains(&30));
        assert!(lookup("seitdm", 0).contains(&0));
        // Only words of class 1 (Zipf 3.0) and up.
        assert!(lookup("seitdm", 1).contains(&0));
        assert!(!lookup("seitdm", 1).contains(&30));
    }

    #[test]
    fn frequency_classes_follow_the_bounds() {
        assert_eq!(class_of(2.6), 0);
        assert_eq!(class_of(3.2), 1);
        assert_eq!(class_of(3.5), 2);
        assert_eq!(class_of(6.9), 3);
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
