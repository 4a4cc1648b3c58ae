//! Answers remembered per distinct word. News repeats its words: within an article ("Putin"
//! thirty times) and across an archive (the same few hundred thousand words in millions of
//! articles). Classifying a word against the word lists means several hash lookups, affix
//! stripping and allocations, so each piece of language data keeps what it has answered.
//!
//! Each thread has its own table, so checking documents in parallel needs no lock; a table
//! that reaches its limit is emptied, which keeps memory flat on any archive.

use std::cell::RefCell;

use compact_str::CompactString;
use rustc_hash::FxHashMap;
use thread_local::ThreadLocal;

/// The most words a thread remembers per table before starting afresh.
const DEFAULT_LIMIT: usize = 200_000;

/// Remembered answers of a pure function of a word.
pub struct WordMemo<V: Send> {
    /// Keys of up to 24 bytes (nearly every word) are stored inside the table, so a look-up
    /// does not chase a pointer to compare them.
    tables: ThreadLocal<RefCell<FxHashMap<CompactString, V>>>,
    limit: usize,
}

impl<V: Clone + Send> WordMemo<V> {
    pub fn new() -> WordMemo<V> {
        WordMemo::with_limit(DEFAULT_LIMIT)
    }

    pub fn with_limit(limit: usize) -> WordMemo<V> {
        WordMemo {
            tables: ThreadLocal::new(),
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
        let value = compute();
        let answer = read(&value);
        let mut table = table.borrow_mut();
        if table.len() >= self.limit {
            table.clear();
        }
        table.insert(CompactString::new(word), value);
        answer
    }
}

impl<V: Clone + Send> Default for WordMemo<V> {
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
    fn a_full_table_starts_afresh() {
        let memo = WordMemo::with_limit(2);
        for w in ["a", "b", "c", "d"] {
            memo.get_or(w, || w.len());
        }
        let table = memo.tables.get_or_default().borrow();
        assert!(table.len() <= 2);
        assert!(table.contains_key("d"));
    }

    #[test]
    fn compute_may_ask_the_same_memo() {
        let memo: WordMemo<usize> = WordMemo::new();
        let outer = memo.get_or("outer", || memo.get_or("inner", || 1) + 1);
        assert_eq!(outer, 2);
    }
}
