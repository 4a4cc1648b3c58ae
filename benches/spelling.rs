//! Throughput of the misspelling check alone, on one core.
//!
//! Runs over the German news corpus next to the repository (`../shared/corpus/de/`, every
//! article `*.txt` below it) when it exists, else over `fixtures/de/`.
//! Documents are parsed first; only the check is timed, after one warm-up pass that also
//! loads the lexicon (its load time is reported separately).
//!
//!     cargo bench --bench spelling

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use mtlint::checks;
use mtlint::document::{Document, ReadOptions};
use mtlint::lexicon;

const CORPUS: &str = "../shared/corpus/de";
const FIXTURES: &str = "fixtures/de";
/// Timed passes over all documents; the best is reported.
const PASSES: usize = 5;

fn main() {
    let root = if Path::new(CORPUS).is_dir() {
        CORPUS
    } else {
        FIXTURES
    };
    let texts: Vec<String> = text_files(Path::new(root))
        .iter()
        .filter_map(|p| fs::read_to_string(p).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    if bytes == 0 {
        eprintln!("spelling bench: no texts under {root}");
        return;
    }
    let load = Instant::now();
    // The Hunspell dictionary too, which is otherwise parsed on first use.
    let loaded = match lexicon::lexicon("de") {
        Some(Ok(lexicon)) => {
            lexicon.load_hunspell();
            true
        }
        _ => false,
    };
    let load = load.elapsed();
    assert!(loaded, "the German lexicon does not load");

    let options = ReadOptions {
        language: Some("de".into()),
        ..ReadOptions::default()
    };
    let docs: Vec<Document> = texts.iter().map(|t| Document::parse(t, &options)).collect();
    let check = checks::all()
        .into_iter()
        .find(|c| c.info().id == "misspelling")
        .expect("the misspelling check is registered");

    let mut findings = 0;
    let mut first = Duration::ZERO;
    let mut best = Duration::MAX;
    let mut cpu = Duration::ZERO;
    for pass in 0..=PASSES {
        let (start, cpu_start) = (Instant::now(), thread_cpu_time());
        let mut out = Vec::new();
        for doc in &docs {
            check.check(doc, &mut out);
        }
        let took = start.elapsed();
        findings = out.len();
        // Pass 0 warms caches up: the per-word answers the lexicon remembers
        // (`mtlint::memo`) too, so it is reported on its own.
        if pass == 0 {
            first = took;
        } else {
            best = best.min(took);
            if let (Some(a), Some(b)) = (cpu_start, thread_cpu_time()) {
                cpu += b.saturating_sub(a);
            }
        }
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "spelling bench: {} documents, {mb:.2} MB from {root}; lexicon load {:.1} ms",
        docs.len(),
        load.as_secs_f64() * 1e3
    );
    println!(
        "misspelling check: best of {PASSES} passes {:.1} ms = {:.1} MB/s ({findings} findings)",
        best.as_secs_f64() * 1e3,
        mb / best.as_secs_f64()
    );
    println!(
        "  first pass, nothing remembered yet: {:.1} ms = {:.1} MB/s",
        first.as_secs_f64() * 1e3,
        mb / first.as_secs_f64()
    );
    if !cpu.is_zero() {
        // On a busy machine the wall clock includes time the thread waited for a core.
        let per_pass = cpu.as_secs_f64() / PASSES as f64;
        println!(
            "  CPU time of this thread: {:.1} ms per pass = {:.1} MB/s",
            per_pass * 1e3,
            mb / per_pass
        );
    }
}

/// User and system CPU time of the calling thread so far, where Linux tells it
/// (`/proc/thread-self/stat`, in clock ticks of 10 ms).
fn thread_cpu_time() -> Option<Duration> {
    let stat = fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may contain spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// An article: a `.txt` file that is not an English source (`*.en.txt`), a licence or a
/// readme.
fn is_article(path: &Path) -> bool {
    let name = path
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    name.ends_with(".txt")
        && !name.ends_with(".en.txt")
        && !name.starts_with("LICENSE")
        && !name.starts_with("README")
}

/// The article files below a folder (see [`is_article`]), sorted.
fn text_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(text_files(&path));
        } else if is_article(&path) {
            out.push(path);
        }
    }
    out.sort();
    out
}
