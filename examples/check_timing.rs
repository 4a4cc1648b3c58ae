//! Where the time goes: parses the German newstest2020 texts of `../shared/corpus` and times
//! the document model and each check on its own, in the order `checks::all()` runs them (the
//! name checks' shared analysis is timed apart).
//! Run with `cargo run --release --example check_timing`.

use std::time::{Duration, Instant};

#[path = "../benches/common/corpus.rs"]
mod corpus;

use corpus::corpus_texts;
use mtlint::checks;
use mtlint::document::{Document, ReadOptions};
use mtlint::names;

/// The allocator of the `mtlint` binary (see `src/main.rs`), so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let texts = corpus_texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let checks = checks::all();
    let options = ReadOptions::default();
    // Load the language data before timing.
    for text in texts.iter().take(3) {
        let doc = Document::parse(text, &options);
        checks::run(&doc, &checks);
    }
    let mut parse = Duration::ZERO;
    let mut per_check = vec![Duration::ZERO; checks.len()];
    let mut shared = [Duration::ZERO; 3];
    for text in &texts {
        let started = Instant::now();
        let doc = Document::parse(text, &options);
        parse += started.elapsed();
        // The analysis the name checks share, timed on its own.
        let started = Instant::now();
        let cx = names::Context::new(&doc);
        shared[0] += started.elapsed();
        if let Some(cx) = cx {
            let started = Instant::now();
            names::variants::find(&cx);
            shared[1] += started.elapsed();
            let started = Instant::now();
            cx.subjects();
            shared[2] += started.elapsed();
        }
        for (i, check) in checks.iter().enumerate() {
            let mut out = Vec::new();
            let started = Instant::now();
            check.check(&doc, &mut out);
            per_check[i] += started.elapsed();
        }
    }
    let mb = bytes as f64 / 1e6;
    let total: Duration =
        parse + shared.iter().sum::<Duration>() + per_check.iter().sum::<Duration>();
    println!(
        "{:.1} MB in {:.2} s = {:.1} MB/s",
        mb,
        total.as_secs_f64(),
        mb / total.as_secs_f64()
    );
    let mut rows: Vec<(String, Duration)> = vec![
        ("(document model)".into(), parse),
        ("(names: mentions)".into(), shared[0]),
        ("(names: variants)".into(), shared[1]),
        ("(names: subjects)".into(), shared[2]),
    ];
    rows.extend(
        checks
            .iter()
            .zip(&per_check)
            .map(|(c, d)| (c.info().id.to_string(), *d)),
    );
    rows.sort_by_key(|row| std::cmp::Reverse(row.1));
    for (name, d) in rows {
        let s = d.as_secs_f64();
        println!(
            "{name:<24} {:>8.1} ms {:>5.1} % {:>8.1} MB/s",
            s * 1e3,
            100.0 * s / total.as_secs_f64(),
            mb / s
        );
    }
}
