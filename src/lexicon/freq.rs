//! A compact, read-only word → Zipf-frequency table that is built at compile time and
//! read in place, so looking up a word costs a hash and a probe and loading costs nothing.
//!
//! `build.rs` includes this file to turn `dictionaries/<lang>/wordfreq.tsv` (about 300,000
//! rows) into the byte layout below; the binary embeds the bytes and [`FreqTable::from_bytes`]
//! only checks the header. Building a `HashMap` of that size at start-up would cost more
//! than the rest of a run on one article.
//!
//! Layout, all integers little-endian:
//!
//! ```text
//! magic "MTLFREQ1" | slot count u32 (power of two) | entry count u32 | entry bytes u32
//! slots: [u32; slot count]   0 = empty, else fingerprint (top 10 bits of the word's
//!                             hash) | 1 + offset of an entry (low 22 bits)
//! entries: (length u8, centi-Zipf u16, word bytes)*
//! ```
//!
//! Collisions are resolved by linear probing. Words are stored case-folded, as wordfreq
//! lists them; the caller folds before looking up.
//!
//! This file must compile on its own inside `build.rs`: it uses only `std`.

const MAGIC: &[u8; 8] = b"MTLFREQ2";
const OFFSET_BITS: u32 = 22;
const OFFSET_MASK: u32 = (1 << OFFSET_BITS) - 1;

/// The top bits of a hash, kept in the slot so that most mismatches cost no entry read.
fn fingerprint(h: u64) -> u32 {
    (h >> (64 - (32 - OFFSET_BITS))) as u32
}
const HEADER: usize = 8 + 4 + 4 + 4;

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

/// Serialises `(folded word, zipf)` rows into the table layout. Words longer than 255 bytes
/// and repeated words (after the first) are left out.
#[allow(dead_code)] // used by build.rs and the tests
pub fn build<'w>(rows: impl IntoIterator<Item = (&'w str, f32)>) -> Vec<u8> {
    build_with_offsets(rows).0
}

/// [`build`], also returning the entry offset of every word (see [`FreqTable::entry`]).
#[allow(dead_code)] // used by build.rs and the tests
pub fn build_with_offsets<'w>(
    rows: impl IntoIterator<Item = (&'w str, f32)>,
) -> (Vec<u8>, Vec<(&'w str, u32)>) {
    let mut entries = Vec::new();
    let mut offsets = Vec::new();
    for (word, zipf) in rows {
        let Ok(len) = u8::try_from(word.len()) else {
            continue;
        };
        offsets.push((word, entries.len()));
        entries.push(len);
        let centi = (zipf * 100.0).round().clamp(0.0, f32::from(u16::MAX)) as u16;
        entries.extend_from_slice(&centi.to_le_bytes());
        entries.extend_from_slice(word.as_bytes());
    }
    // A load factor of at most 2/3 keeps probe sequences short.
    let slot_count = (offsets.len() * 3 / 2 + 1).next_power_of_two();
    let mask = slot_count - 1;
    let mut slots = vec![0u32; slot_count];
    let mut kept = 0u32;
    let mut placed = Vec::with_capacity(offsets.len());
    'rows: for (word, offset) in offsets {
        let mut i = hash(word.as_bytes()) as usize & mask;
        while slots[i] != 0 {
            let other = (slots[i] & OFFSET_MASK) as usize - 1;
            if entry_word(&entries, other) == word.as_bytes() {
                continue 'rows;
            }
            i = (i + 1) & mask;
        }
        assert!(offset < OFFSET_MASK as usize, "frequency table too large");
        slots[i] = (fingerprint(hash(word.as_bytes())) << OFFSET_BITS) | (offset as u32 + 1);
        placed.push((word, offset as u32));
        kept += 1;
    }
    let mut out = Vec::with_capacity(HEADER + slot_count * 4 + entries.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(slot_count as u32).to_le_bytes());
    out.extend_from_slice(&kept.to_le_bytes());
    out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
    for slot in slots {
        out.extend_from_slice(&slot.to_le_bytes());
    }
    out.extend_from_slice(&entries);
    (out, placed)
}

fn entry_word(entries: &[u8], offset: usize) -> &[u8] {
    let len = entries.get(offset).copied().unwrap_or(0) as usize;
    entries.get(offset + 3..offset + 3 + len).unwrap_or(&[])
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Why table bytes could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError(pub &'static str);

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "frequency table: {}", self.0)
    }
}

impl std::error::Error for FormatError {}

/// A frequency table read in place from its bytes.
#[derive(Debug, Clone, Copy)]
pub struct FreqTable<'a> {
    slots: &'a [u8],
    entries: &'a [u8],
    mask: usize,
    len: usize,
}

#[allow(dead_code)] // build.rs uses only `build`
impl<'a> FreqTable<'a> {
    /// Checks the header and sizes; the entries are trusted to be what `build` wrote.
    pub fn from_bytes(bytes: &'a [u8]) -> Result<FreqTable<'a>, FormatError> {
        if bytes.get(..8) != Some(MAGIC.as_slice()) {
            return Err(FormatError("bad magic number"));
        }
        let header = |at| read_u32(bytes, at).ok_or(FormatError("truncated header"));
        let slot_count = header(8)? as usize;
        let len = header(12)? as usize;
        let entry_bytes = header(16)? as usize;
        if !slot_count.is_power_of_two() || len >= slot_count {
            return Err(FormatError("bad slot count"));
        }
        let entries_at = HEADER + slot_count * 4;
        if bytes.len() != entries_at + entry_bytes {
            return Err(FormatError("size does not match the header"));
        }
        Ok(FreqTable {
            slots: &bytes[HEADER..entries_at],
            entries: &bytes[entries_at..],
            mask: slot_count - 1,
            len,
        })
    }

    /// The Zipf frequency of a case-folded word, if the table lists it.
    pub fn zipf(&self, folded: &str) -> Option<f32> {
        self.zipf_at(self.offset_of(folded)?)
    }

    /// The table's own copy of a case-folded word, with its Zipf frequency, if the table
    /// lists it: a caller can keep the copy for as long as the table's bytes live, instead
    /// of a copy of its own.
    pub fn find(&self, folded: &str) -> Option<(&'a str, f32)> {
        self.entry(self.offset_of(folded)?)
    }

    /// The entry offset of a case-folded word, if the table lists it.
    fn offset_of(&self, folded: &str) -> Option<usize> {
        let h = hash(folded.as_bytes());
        let i = h as usize & self.mask;
        self.resolve(folded.as_bytes(), h, i, read_u32(self.slots, i * 4)?)
    }

    /// Follows the probe sequence of `word` (hash `h`) from slot `i`, which holds `slot`, to
    /// the offset of its entry.
    fn resolve(&self, word: &[u8], h: u64, mut i: usize, mut slot: u32) -> Option<usize> {
        let fp = fingerprint(h);
        // Bounded, so that even corrupt bytes cannot make a lookup spin.
        for _ in 0..=self.mask {
            if slot == 0 {
                return None;
            }
            let offset = (slot & OFFSET_MASK) as usize - 1;
            if slot >> OFFSET_BITS == fp && entry_word(self.entries, offset) == word {
                return Some(offset);
            }
            i = (i + 1) & self.mask;
            slot = read_u32(self.slots, i * 4)?;
        }
        None
    }

    /// The word and Zipf frequency stored at an entry offset.
    pub fn entry(&self, offset: usize) -> Option<(&'a str, f32)> {
        let word = std::str::from_utf8(entry_word(self.entries, offset)).ok()?;
        Some((word, self.zipf_at(offset)?))
    }

    /// The Zipf frequency stored at an entry offset.
    fn zipf_at(&self, offset: usize) -> Option<f32> {
        let b = self.entries.get(offset + 1..offset + 3)?;
        Some(f32::from(u16::from_le_bytes([b[0], b[1]])) / 100.0)
    }

    /// How many words the table holds.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_words_and_frequencies() {
        let bytes = build([("die", 7.48), ("strasse", 4.9), ("ärger", 3.25)]);
        let table = FreqTable::from_bytes(&bytes).expect("valid table");
        assert_eq!(table.len(), 3);
        assert_eq!(table.zipf("die"), Some(7.48));
        assert_eq!(table.zipf("ärger"), Some(3.25));
        assert_eq!(table.zipf("strasse"), Some(4.9));
        assert_eq!(table.zipf("straße"), None);
        assert_eq!(table.zipf(""), None);
        assert_eq!(table.find("ärger"), Some(("ärger", 3.25)));
        assert_eq!(table.find("straße"), None);
    }

    #[test]
    fn keeps_the_first_of_repeated_words() {
        let bytes = build([("kim", 4.3), ("kim", 1.0)]);
        let table = FreqTable::from_bytes(&bytes).expect("valid table");
        assert_eq!(table.len(), 1);
        assert_eq!(table.zipf("kim"), Some(4.3));
    }

    #[test]
    fn rejects_foreign_or_truncated_bytes() {
        assert!(FreqTable::from_bytes(b"not a table").is_err());
        let bytes = build([("die", 7.48)]);
        assert!(FreqTable::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    }
}
