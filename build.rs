//! Compiles word lists under `dictionaries/` into the compact lookup tables the binary
//! embeds (see `src/lexicon/freq.rs` for the layout), so that nothing is parsed or indexed
//! at start-up. Deterministic: the same input always gives the same bytes.
//!
//! - `wordfreq-<lang>.bin`: `wordfreq.tsv`, word → Zipf frequency;
//! - `deletes-<lang>.bin`: the one-letter deletions of its frequent and long words, pointing
//!   back to them (see `src/lexicon/deletes.rs`), and `deletes-frequent-<lang>.bin` and
//!   `deletes-common-<lang>.bin`, the same for its words of Zipf 3.5 and 5.0 and more;
//! - `names-<lang>.bin`: the personal names of the Hunspell dictionary, read off its word
//!   list: capitalised entries whose only affix flag is the genitive `S` ("Putin/S",
//!   "Wladimir/S"). Common nouns carry plural or compounding flags ("Monat/EPSTm");
//! - `stems-{nouns,compounding,capitalised,lower}-<lang>.bin`: the stems of the Hunspell word
//!   list in the classes the names lexicon reads (see `src/names/stems.rs`).

use std::path::Path;
use std::{env, fs};

#[path = "src/lexicon/deletes.rs"]
mod deletes;
#[path = "src/lexicon/freq.rs"]
mod freq;
#[path = "src/names/stems.rs"]
mod stems;

/// Words at least this frequent go into the deletion index (`src/lexicon/deletes.rs`); the
/// misspelling check suggests no rarer word for a short form…
const INDEXED_ZIPF: f32 = 2.5;
/// … but words this long go in whatever their frequency: long words are rarer.
const INDEXED_LONG_CHARS: usize = 8;
/// Smaller indexes hold only the words at least this frequent, for forms that need a far
/// more frequent correction: they stay in the processor's caches.
const FREQUENT_INDEXES: [(&str, f32); 2] = [("frequent", 3.5), ("common", 5.0)];

/// Languages with a `wordfreq.tsv`.
const LANGUAGES: [&str; 1] = ["de"];

fn main() {
    println!("cargo:rerun-if-changed=src/lexicon/freq.rs");
    println!("cargo:rerun-if-changed=src/lexicon/deletes.rs");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for lang in LANGUAGES {
        let source = format!("dictionaries/{lang}/wordfreq.tsv");
        println!("cargo:rerun-if-changed={source}");
        let text =
            fs::read_to_string(&source).unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
        let rows: Vec<(&str, f32)> = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|l| parse_row(&source, l))
            .collect();
        let (table, offsets) = freq::build_with_offsets(rows.iter().copied());
        let zipf_of: std::collections::HashMap<&str, f32> = rows.iter().copied().collect();
        write(&out_dir, &format!("wordfreq-{lang}.bin"), table);
        let indexed: Vec<(&str, f32, u32)> = offsets
            .into_iter()
            .filter_map(|(w, offset)| zipf_of.get(w).map(|&z| (w, z, offset)))
            .filter(|&(w, z, _)| {
                let chars = w.chars().count();
                (z >= INDEXED_ZIPF || chars >= INDEXED_LONG_CHARS)
                    && chars >= 3
                    && w.chars().all(char::is_alphabetic)
            })
            .collect();
        write(
            &out_dir,
            &format!("deletes-{lang}.bin"),
            deletes::build(indexed.iter().copied()),
        );
        for (name, floor) in FREQUENT_INDEXES {
            let frequent = indexed.iter().copied().filter(|&(_, z, _)| z >= floor);
            write(
                &out_dir,
                &format!("deletes-{name}-{lang}.bin"),
                deletes::build(frequent),
            );
        }

        let source = format!(
            "dictionaries/{lang}/hunspell/{lang}_{}.dic",
            lang.to_uppercase()
        );
        println!("cargo:rerun-if-changed={source}");
        let text =
            fs::read_to_string(&source).unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
        let names: Vec<String> = text.lines().skip(1).filter_map(personal_name).collect();
        let rows = names.iter().map(|n| (n.as_str(), 0.0));
        write(&out_dir, &format!("names-{lang}.bin"), freq::build(rows));

        let classes = stems::classify(&text);
        for (class, words) in [
            ("nouns", &classes.nouns),
            ("compounding", &classes.compounding),
            ("capitalised", &classes.capitalised),
            ("lower", &classes.lower),
        ] {
            let rows = words.iter().map(|w| (*w, 0.0));
            write(
                &out_dir,
                &format!("stems-{class}-{lang}.bin"),
                freq::build(rows),
            );
        }
    }
}

fn write(out_dir: &str, name: &str, bytes: Vec<u8>) {
    let target = Path::new(out_dir).join(name);
    fs::write(&target, bytes).unwrap_or_else(|e| panic!("cannot write {target:?}: {e}"));
}

/// The case-folded word of a `.dic` line that lists a personal name: capitalised, then
/// lower case, with no flag but the genitive `S`.
fn personal_name(line: &str) -> Option<String> {
    let (word, flags) = line.split_once('/').unwrap_or((line, ""));
    let mut chars = word.chars();
    let name_like = chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some_and(char::is_lowercase)
        && word.chars().all(char::is_alphabetic);
    (name_like && (flags.is_empty() || flags == "S")).then(|| {
        word.chars()
            .flat_map(char::to_lowercase)
            .collect::<String>()
            .replace('ß', "ss")
    })
}

fn parse_row<'a>(source: &str, line: &'a str) -> (&'a str, f32) {
    let (word, zipf) = line
        .split_once('\t')
        .unwrap_or_else(|| panic!("{source}: no tab in {line:?}"));
    let zipf = zipf
        .trim()
        .parse()
        .unwrap_or_else(|e| panic!("{source}: bad zipf in {line:?}: {e}"));
    (word, zipf)
}
