//! Answers remembered per distinct word. News repeats its words: within an article ("Putin"
//! thirty times) and across an archive (the same few hundred thousand words in millions of
//! articles). Classifying a word against the word lists means several hash lookups, affix
//! stripping and allocations, so each piece of language data keeps what it has answered.
//!
//! Each thread has its own table, so the answers it has seen are read without a lock. Behind
//! the per-thread tables is one table shared by all threads, split in shards, so that a word
//! worked out on one thread is not worked out again on another: on two jobs the first sight of
//! each word would otherwise cost twice. A table that reaches its limit is emptied, which
//! keeps memory flat on any archive.

use std::cell::RefCell;
use std::hash::BuildHasher;
use std::sync::{PoisonError, RwLock};

use compact_str::CompactString;
use rustc_hash::{FxBuildHasher, FxHashMap};
use thread_local::ThreadLocal;

/// The most words a thread remembers per table before starting afresh (and the shared
/// table, over all its shards).
const DEFAULT_LIMIT: usize = 200_000;
/// Shards of the shared table: enough that two threads seldom want the same one.
const SHARDS: usize = 16;

type Table<V> = FxHashMap<CompactString, V>;

/// Remembered answers of a pure function of a word.
pub struct WordMemo<V: Send> {
    tables: ThreadLocal<RefCell<Local<V>>>,
    shared: [RwLock<Table<V>>; SHARDS],
    limit: usize,
}

impl<V: Clone + Send + Sync> WordMemo<V> {
    pub fn new() -> WordMemo<V> {
        WordMemo::with_limit(DEFAULT_LIMIT)
    }

    pub fn with_limit(limit: usize) -> WordMemo<V> {
        WordMemo {
            tables: ThreadLocal::new(),
            shared: std::array::from_fn(|_| RwLock::default()),
            limit: limit.max(1),
        }
    }

    /// The remembered answer for `word`, or `compute`'s, remembered from now on. `compute`
    /// may itself consult this memo (the table is not borrowed while it runs).
    pub fn get_or(&self, word: &str, compute: impl FnOnce() -> V) -> V {
        self.read_or(word, compute, V::clone)
    }

    /// Like [`WordMemo::get_or`], but hands the answer to `read` instead of cloning it.
    pub fn read_or<R>(
        &self,
        word: &str,
        compute: impl FnOnce() -> V,
        read: impl FnOnce(&V) -> R,
    ) -> R {
        let table = self.tables.get_or_default();
        if let Some(v) = table.borrow().get(word) {
            return read(v);
        }
        let value = self.shared_or(word, compute);
        let answer = read(&value);
        table.borrow_mut().insert(word, value, self.limit);
        answer
    }

    /// The answer of the shared table, or `compute`'s, then shared. No lock is held while
    /// `compute` runs: two threads may work out the same word at once, and both answers are
    /// the same.
    fn shared_or(&self, word: &str, compute: impl FnOnce() -> V) -> V {
        let shard = &self.shared[shard_of(word)];
        let known = shard
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(word)
            .cloned();
        if let Some(value) = known {
            return value;
        }
        let value = compute();
        let mut table = shard.write().unwrap_or_else(PoisonError::into_inner);
        insert(&mut table, word, value.clone(), self.limit.div_ceil(SHARDS));
        value
    }
}

fn shard_of(word: &str) -> usize {
    // The high bits: the table inside the shard uses the low ones.
    (FxBuildHasher.hash_one(word) >> 48) as usize % SHARDS
}

/// A thread's own table. Words of up to fifteen bytes, nearly all the words an article
/// repeats ("der", "Putin", "Bundesregierung"), are keyed by a number made of their bytes
/// and length: hashing and comparing it costs a few instructions, where a string key costs a
/// hash over its bytes and a call to compare them. Longer words are stored inside the table
/// up to 24 bytes, so a look-up does not chase a pointer to compare them.
struct Local<V> {
    short: FxHashMap<u128, V>,
    long: Table<V>,
}

impl<V> Default for Local<V> {
    fn default() -> Self {
        Local {
            short: FxHashMap::default(),
            long: Table::default(),
        }
    }
}

impl<V> Local<V> {
    fn get(&self, word: &str) -> Option<&V> {
        match short_key(word) {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        }
    }

    /// Inserts, emptying both tables first when they hold `limit` words together.
    fn insert(&mut self, word: &str, value: V, limit: usize) {
        if self.short.len() + self.long.len() >= limit {
            self.short.clear();
            self.long.clear();
        }
        match short_key(word) {
            Some(key) => {
                self.short.insert(key, value);
            }
            None => {
                self.long.insert(CompactString::new(word), value);
            }
        }
    }
}

/// The key of a word of at most fifteen bytes: its bytes, and its length in the top byte,
/// which tells "a" from "a\0".
fn short_key(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > 15 {
        return None;
    }
    let mut key = [0u8; 16];
    key[..bytes.len()].copy_from_slice(bytes);
    key[15] = bytes.len() as u8;
    Some(u128::from_le_bytes(key))
}

/// Inserts into a table, emptying it first when it holds `limit` words.
fn insert<V>(table: &mut Table<V>, word: &str, value: V, limit: usize) {
    if table.len() >= limit {
        table.clear();
    }
    table.insert(CompactString::new(word), value);
}

impl<V: Clone + Send + Sync> Default for WordMemo<V> {
    fn default() -> Self {
        WordMemo::new()
    }
}

impl<V: Send> std::fmt::Debug for WordMemo<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordMemo")
            .field("limit", &self.limit)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn computes_each_word_once() {
        let memo = WordMemo::new();
        let calls = Cell::new(0);
        let length = |w: &str| {
            memo.get_or(w, || {
                calls.set(calls.get() + 1);
                w.len()
            })
        };
        assert_eq!(length("Putin"), 5);
        assert_eq!(length("Putin"), 5);
        assert_eq!(length("Kreml"), 5);
        assert_eq!(calls.get(), 2);
    }

    #[test]
    fn a_word_worked_out_on_one_thread_is_not_worked_out_again_on_another() {
        let memo = WordMemo::new();
        std::thread::scope(|s| {
            s.spawn(|| memo.get_or("Putin", || 5));
        });
        assert_eq!(memo.get_or("Putin", || unreachable!("shared")), 5);
    }

    #[test]
    fn a_full_table_starts_afresh() {
        let memo = WordMemo::with_limit(2);
        for w in ["a", "b", "c", "d"] {
            memo.get_or(w, || w.len());
        }
        let table = memo.tables.get_or_default().borrow();
        assert!(table.short.len() + table.long.len() <= 2);
        assert!(table.get("d").is_some());
    }

    #[test]
    fn short_and_long_words_are_told_apart_exactly() {
        let memo = WordMemo::new();
        let words = [
            "",
            "a",
            "a\0",
            "ab",
            "abcdefghijklmno",
            "abcdefghijklmnop",
            "abcdefghijklmn\0",
            "Straße",
            "Bundesverfassungsgericht",
        ];
        for w in words {
            memo.get_or(w, || w.to_string());
        }
        for w in words {
            assert_eq!(memo.get_or(w, || unreachable!("remembered")), w);
        }
        assert_ne!(short_key("abc"), short_key("abc\0"));
        assert_eq!(short_key("abcdefghijklmnop"), None);
    }

    #[test]
    fn compute_may_ask_the_same_memo() {
        let memo: WordMemo<usize> = WordMemo::new();
        let outer = memo.get_or("outer", || memo.get_or("inner", || 1) + 1);
        assert_eq!(outer, 2);
    }
}
