//! What a single-article run spends before checking: the parse time of each piece of
//! embedded language data, loaded one after another on one thread.
//! Run with `cargo run --release --example startup_timing`.

use std::time::Instant;

/// The allocator of the `mtlint` binary (see `src/main.rs`), so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn timed<T>(label: &str, load: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let value = load();
    println!(
        "{label:<24} {:>7.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    value
}

fn main() {
    for code in mtlint::lang::SUPPORTED {
        timed(&format!("language data {code}"), || {
            mtlint::lang::language(code)
        });
    }
    let lexicon = timed("spelling lexicon de", || mtlint::lexicon::lexicon("de"));
    // Parsed on first use, and most articles never use it (see `Lexicon::spells`).
    if let Some(Ok(lexicon)) = lexicon {
        timed("Hunspell dictionary de", || lexicon.load_hunspell());
    }
    timed("name data de", || mtlint::names::data("de"));
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/de/clean.txt"),
    )
    .unwrap_or_default();
    let checks = mtlint::checks::all();
    timed("check fixtures/de/clean", || {
        mtlint::report::check_text("clean.txt", text.clone(), &Default::default(), &checks)
    });
    // The same again: what is left once every pattern is compiled and every word seen.
    timed("check it again", || {
        mtlint::report::check_text("clean.txt", text, &Default::default(), &checks)
    });
}
