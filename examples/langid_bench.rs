//! Accuracy and speed of the language identifiers on corpus segments.
//!
//! Usage: cargo run --release --example langid_bench [--features lingua] -- CORPUS_DIR
//!
//! CORPUS_DIR is a newstest folder: German segments come from `human/Human-A/*.txt`,
//! English ones from `source/*.en.txt`; segments of fewer than four words are skipped.
//! Prints, per detector and candidate set, the share of segments identified correctly and
//! the throughput in MB/s on one thread.

use std::path::Path;
use std::time::Instant;

use mtlint::langid::{Backend, Identifier};

fn segments(dir: &Path, suffix: &str) -> Vec<String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .flat_map(|t| t.lines().map(str::to_string).collect::<Vec<_>>())
        .filter(|l| l.split_whitespace().count() >= 4)
        .collect()
}

fn measure(backend: Backend, candidates: &[&'static str], data: &[(&str, &[String])]) {
    let id = Identifier::new(backend, candidates);
    // Warm up: lingua loads its models on first use.
    let _ = id.identify("warm up the detector");
    let (mut right, mut total, mut bytes) = (0usize, 0usize, 0usize);
    let start = Instant::now();
    for (lang, segs) in data {
        for s in segs.iter() {
            total += 1;
            bytes += s.len();
            if id.identify(s).is_some_and(|g| g.lang == *lang) {
                right += 1;
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{:<10} {:<12} accuracy {:.2}% ({right}/{total})  {:.2} MB/s",
        format!("{backend:?}"),
        candidates.join(","),
        100.0 * right as f64 / total as f64,
        bytes as f64 / secs / 1e6
    );
}

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: langid_bench CORPUS_DIR");
        std::process::exit(2);
    };
    let dir = Path::new(&dir);
    let german = segments(&dir.join("human/Human-A"), ".txt");
    let english = segments(&dir.join("source"), ".en.txt");
    let data: Vec<(&str, &[String])> = vec![("de", &german), ("en", &english)];
    println!(
        "{} German and {} English segments",
        german.len(),
        english.len()
    );
    let backends = [
        Backend::Whatlang,
        #[cfg(feature = "lingua")]
        Backend::Lingua,
    ];
    for backend in backends {
        measure(backend, &["de", "en"], &data);
        measure(backend, &["de", "en", "fr", "es"], &data);
    }
}
