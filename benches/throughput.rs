//! Throughput of the batch pipeline over the German newstest2020 texts in `../shared/corpus`
//! (human and machine translations), all checks on, as MB of article text per second on one
//! job and on all cores. Run with `cargo bench --bench throughput`; `scripts/bench.sh` measures
//! the binary end to end (with peak memory and hunspell for comparison).
//!
//! The texts are read into memory first, so the figure is the cost of checking, not of disk.

use std::time::Instant;

#[path = "common/corpus.rs"]
mod corpus;

use corpus::corpus_texts;
use mtlint::batch::{self, Quiet};
use mtlint::render::{self, Format};
use mtlint::sources::{Payload, RawDocument};

/// The allocator of the `mtlint` binary (see `src/main.rs`), so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The corpus is repeated to this many bytes so a run lasts long enough to measure.
const MIN_BYTES: usize = 20_000_000;

fn documents(texts: &[String]) -> (Vec<RawDocument>, usize) {
    let mut docs = Vec::new();
    let mut bytes = 0;
    while bytes < MIN_BYTES {
        for (i, text) in texts.iter().enumerate() {
            bytes += text.len();
            docs.push(RawDocument {
                path: format!("doc{i}"),
                payload: Payload::Text(text.clone().into_bytes()),
                consumed: bytes as u64,
            });
        }
    }
    (docs, bytes)
}

/// CPU time (user + system) of this process so far, in seconds, from `/proc/self/stat`, so the
/// cost per job can be told apart from waiting on a busy machine. `None` off Linux.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    // The kernel reports USER_HZ ticks, 100 per second on Linux.
    Some(ticks / 100.0)
}

/// (MB/s of wall time, MB/s per CPU second)
fn measure(texts: &[String], jobs: usize, format: Format) -> (f64, Option<f64>) {
    let (docs, bytes) = documents(texts);
    let pool = batch::thread_pool(jobs).expect("thread pool");
    let mut stream = render::stream(format).expect("stream");
    let mut sink = std::io::sink();
    let started = Instant::now();
    let cpu_before = cpu_seconds();
    batch::run(
        &pool,
        docs.into_iter(),
        &batch::settings(jobs),
        &mut batch::default_resolver(),
        stream.as_mut(),
        &mut sink,
        &mut Quiet,
    )
    .expect("run");
    let mb = bytes as f64 / 1e6;
    let cpu = cpu_seconds()
        .zip(cpu_before)
        .map(|(after, before)| mb / (after - before));
    (mb / started.elapsed().as_secs_f64(), cpu)
}

fn main() {
    let texts = corpus_texts();
    if texts.is_empty() {
        eprintln!("throughput: ../shared/corpus not found; nothing to measure");
        return;
    }
    let cores = batch::default_jobs();
    // Warm up: language data is parsed on first use.
    measure(&texts[..1], 1, Format::Summary);
    for (jobs, format) in [
        (1, Format::Summary),
        (1, Format::Jsonl),
        (cores, Format::Jsonl),
    ] {
        let (wall, cpu) = measure(&texts, jobs, format);
        let cpu = cpu.map_or(String::new(), |c| format!(", {c:.1} MB per CPU second"));
        println!("throughput: {jobs} job(s), {format:?}: {wall:.1} MB/s{cpu}");
    }
}
