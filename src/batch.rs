//! The batch pipeline: documents checked in parallel, written in input order, in bounded
//! memory.
//!
//! Documents are read in chunks (at most `jobs × 64` documents or 8 MiB of input). A chunk is
//! decoded, extracted, checked and rendered on a rayon pool (`par_iter` keeps the order),
//! while a reader thread fetches the next chunk; the rendered bytes are then written in
//! order and the chunk is dropped. So at most two chunks are alive at once however large the
//! archive, and only small aggregates ([`Summary`]) outlive a chunk.
//!
//! Nothing here prints: output goes through a [`Stream`], progress and error messages through
//! an [`Observer`].

use std::io::{self, Write};
use std::panic::{self, AssertUnwindSafe};

use rayon::prelude::*;

use std::sync::Arc;

use crate::checks::Check;
use crate::config::{self, ConfigError, Resolver};
use crate::extract::{self, Extracted};
use crate::input::InputError;
use crate::render::Stream;
use crate::report::{self, DocumentReport, Options};
use crate::sources::{Payload, RawDocument};
use crate::summary::{DocSummary, Summary};

/// Documents per job in a chunk: enough that the slowest document of a chunk rarely keeps
/// the other jobs waiting.
const DOCS_PER_JOB: usize = 64;
/// A chunk ends early once its input reaches this size, so huge documents stay bounded too.
const CHUNK_BYTES: usize = 8 << 20;

/// Settings of a batch run. What to check and how to score comes from each document's
/// config (`mtlint.toml`), through the [`Resolver`].
#[derive(Debug, Clone)]
pub struct Settings {
    pub jobs: usize,
    /// JSONL field names of the text and the id.
    pub text_field: String,
    pub id_field: String,
}

/// Told about each document as it is written, in input order.
pub trait Observer {
    /// `consumed` is the input read so far in bytes.
    fn document(&mut self, doc: &DocSummary, consumed: u64);
}

/// An observer that ignores everything.
pub struct Quiet;

impl Observer for Quiet {
    fn document(&mut self, _doc: &DocSummary, _consumed: u64) {}
}

/// Starts loading the language data on background threads, so that it is parsed on all
/// cores while the first documents are read: one article end to end mostly waits for the
/// data otherwise. A check that needs data before it is ready waits for it (`OnceLock`).
pub fn warm_up() {
    // The Hunspell dictionary takes longest to parse: it starts first. Nothing waits for it
    // unless a word needs Hunspell's verdict (see `Lexicon::spells`).
    std::thread::spawn(|| {
        if let Some(Ok(lexicon)) = crate::lexicon::lexicon("de") {
            lexicon.load_hunspell();
        }
    });
    std::thread::spawn(|| crate::names::data("de"));
    for code in crate::lang::SUPPORTED {
        std::thread::spawn(move || crate::lang::language(code));
    }
}

/// The number of jobs to run by default: all cores.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// A pool of `jobs` worker threads.
pub fn thread_pool(jobs: usize) -> Result<rayon::ThreadPool, rayon::ThreadPoolBuildError> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .thread_name(|i| format!("mtlint-{i}"))
        .build()
}

/// One document checked and rendered.
struct Done {
    summary: DocSummary,
    rendered: io::Result<Vec<u8>>,
    consumed: u64,
}

/// Why a batch run stopped.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    Io(#[from] io::Error),
    /// A config that applies to a document is broken: stop rather than check with the wrong
    /// settings.
    #[error(transparent)]
    Config(#[from] ConfigError),
}

/// A document to check, with the settings of its config.
type Queued = (usize, RawDocument, Arc<config::Settings>);

/// Checks every document of `sources` and writes them to `out` through `stream`. Each
/// document is checked with the settings of its `mtlint.toml`; documents its `[paths]`
/// patterns exclude are skipped.
pub fn run<I>(
    pool: &rayon::ThreadPool,
    sources: I,
    settings: &Settings,
    resolver: &mut Resolver,
    stream: &mut dyn Stream,
    out: &mut dyn Write,
    observer: &mut dyn Observer,
) -> Result<Summary, RunError>
where
    I: Iterator<Item = RawDocument> + Send,
{
    let limit = settings.jobs.max(1) * DOCS_PER_JOB;
    let mut sources = sources.enumerate();
    let mut summary = Summary::default();
    stream.begin(out)?;
    let mut chunk = read_chunk(&mut sources, resolver, limit)?;
    while !chunk.is_empty() {
        let (done, next) = std::thread::scope(|scope| {
            let reader = scope.spawn(|| read_chunk(&mut sources, resolver, limit));
            let shared: &dyn Stream = &*stream;
            let done: Vec<Done> = pool.install(|| {
                chunk
                    .into_par_iter()
                    .map(|(index, raw, config)| process(index, raw, settings, &config, shared))
                    .collect()
            });
            let next = reader
                .join()
                .unwrap_or_else(|payload| panic::resume_unwind(payload));
            (done, next)
        });
        let next = next?;
        for d in done {
            stream.write(&d.summary, &d.rendered?, out)?;
            observer.document(&d.summary, d.consumed);
            summary.add(&d.summary);
        }
        chunk = next;
    }
    stream.finish(&summary, out)?;
    out.flush()?;
    Ok(summary)
}

fn read_chunk<I>(
    sources: &mut I,
    resolver: &mut Resolver,
    limit: usize,
) -> Result<Vec<Queued>, ConfigError>
where
    I: Iterator<Item = (usize, RawDocument)>,
{
    let mut chunk = Vec::with_capacity(limit);
    let mut bytes = 0;
    while chunk.len() < limit && bytes < CHUNK_BYTES {
        let Some((index, raw)) = sources.next() else {
            break;
        };
        let config = resolver.settings_for(&raw.path)?;
        if !config.includes(&raw.path) {
            continue;
        }
        bytes += payload_len(&raw.payload);
        chunk.push((index, raw, config));
    }
    Ok(chunk)
}

fn payload_len(payload: &Payload) -> usize {
    match payload {
        Payload::Text(b) | Payload::Markdown(b) | Payload::Html(b) | Payload::JsonRecord(b) => {
            b.len()
        }
        Payload::Unreadable(_) => 0,
    }
}

fn process(
    index: usize,
    raw: RawDocument,
    settings: &Settings,
    config: &config::Settings,
    stream: &dyn Stream,
) -> Done {
    let consumed = raw.consumed;
    let report = check_document(raw, settings, &config.options, &config.checks);
    let summary = DocSummary::of(index, &report);
    // Room for a typical rendered document (a JSONL line is about half a kilobyte), so
    // that the buffer is not grown from a few bytes up while it is written.
    let mut buf = Vec::with_capacity(1024);
    let rendered = stream.render(&summary, &report, &mut buf).map(|()| buf);
    Done {
        summary,
        rendered,
        consumed,
    }
}

/// Decodes, extracts and checks one document; any problem becomes the report's error.
pub fn check_document(
    raw: RawDocument,
    settings: &Settings,
    options: &Options,
    checks: &[Box<dyn Check>],
) -> DocumentReport {
    let path = raw.path;
    let (id, prepared) = prepare(&path, raw.payload, settings);
    let mut report = match prepared {
        Ok(extracted) => check_extracted(&path, extracted, options, checks),
        Err(e) => DocumentReport::failed(&path, e, options),
    };
    report.id = id;
    report
}

fn check_extracted(
    path: &str,
    extracted: Extracted,
    options: &Options,
    checks: &[Box<dyn Check>],
) -> DocumentReport {
    // A bug in a check must not end a run over millions of articles: the document is
    // reported as failed to check and the run goes on.
    let checked = panic::catch_unwind(AssertUnwindSafe(|| {
        report::check_extracted(path, extracted, options, checks)
    }));
    match checked {
        Ok(report) => report,
        Err(_) => DocumentReport::failed(
            path,
            format!("{path}: internal error while checking"),
            options,
        ),
    }
}

/// The document's id (JSONL records only) and its text.
fn prepare(
    path: &str,
    payload: Payload,
    settings: &Settings,
) -> (Option<String>, Result<Extracted, InputError>) {
    match payload {
        Payload::Text(bytes) => (None, extract::text(path, bytes)),
        Payload::Markdown(bytes) => (None, extract::markdown(path, bytes)),
        Payload::Html(bytes) => (None, extract::html(path, bytes)),
        Payload::JsonRecord(bytes) => {
            extract::record(path, &bytes, &settings.text_field, &settings.id_field)
        }
        Payload::Unreadable(e) => (None, Err(e)),
    }
}

/// Settings for a run with `jobs` jobs and the default JSONL fields (for tests and
/// benchmarks).
pub fn settings(jobs: usize) -> Settings {
    Settings {
        jobs,
        text_field: "text".into(),
        id_field: "id".into(),
    }
}

/// A resolver that applies no config file: the built-in defaults for every document.
pub fn default_resolver() -> Resolver {
    Resolver::new(config::ConfigSource::Defaults, config::Overrides::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders each document as its index and path, to see the order.
    struct Paths;

    impl Stream for Paths {
        fn render(
            &self,
            _doc: &DocSummary,
            report: &DocumentReport,
            buf: &mut Vec<u8>,
        ) -> io::Result<()> {
            writeln!(buf, "{} {}", report.path, report.error.is_some())
        }
    }

    fn raw(i: usize) -> RawDocument {
        let text = format!("Das ist der Text Nummer {i}. Er ist kurz.\n");
        RawDocument {
            path: format!("doc{i}"),
            payload: Payload::Text(text.into_bytes()),
            consumed: i as u64,
        }
    }

    fn run_over(docs: Vec<RawDocument>, jobs: usize) -> (String, Summary) {
        let pool = thread_pool(jobs).expect("pool");
        let mut out = Vec::new();
        let summary = run(
            &pool,
            docs.into_iter(),
            &settings(jobs),
            &mut default_resolver(),
            &mut Paths,
            &mut out,
            &mut Quiet,
        )
        .expect("run");
        (String::from_utf8(out).expect("UTF-8"), summary)
    }

    #[test]
    fn output_keeps_the_input_order_across_chunks() {
        let n = 2 * 2 * DOCS_PER_JOB + 7;
        let (out, summary) = run_over((0..n).map(raw).collect(), 2);
        let expected: String = (0..n).map(|i| format!("doc{i} false\n")).collect();
        assert_eq!(out, expected);
        assert_eq!(summary.documents, n);
    }

    #[test]
    fn a_bad_document_is_an_error_record_and_the_run_goes_on() {
        let docs = vec![
            raw(0),
            RawDocument {
                path: "bad.jsonl:1".into(),
                payload: Payload::JsonRecord(b"{not json".to_vec()),
                consumed: 0,
            },
            RawDocument {
                path: "latin1.txt".into(),
                payload: Payload::Text(b"Gr\xfc\xdfe".to_vec()),
                consumed: 0,
            },
            raw(3),
        ];
        let (out, summary) = run_over(docs, 1);
        assert_eq!(
            out,
            "doc0 false\nbad.jsonl:1 true\nlatin1.txt true\ndoc3 false\n"
        );
        assert_eq!((summary.documents, summary.errors), (4, 2));
    }

    #[test]
    fn records_carry_their_id_and_html_its_line_map() {
        let s = settings(1);
        let checks = crate::checks::all();
        let options = Options::default();
        let record = RawDocument {
            path: "a.jsonl:4".into(),
            payload: Payload::JsonRecord(br#"{"id": "x-1", "text": "Ein Satz."}"#.to_vec()),
            consumed: 0,
        };
        let report = check_document(record, &s, &options, &checks);
        assert_eq!(report.id.as_deref(), Some("x-1"));
        let page = RawDocument {
            path: "a.html".into(),
            payload: Payload::Html(b"<html>\n<body>\n<p>Ein Satz.</p>".to_vec()),
            consumed: 0,
        };
        let report = check_document(page, &s, &options, &checks);
        assert_eq!(report.source_lines, Some(vec![3]));
    }
}
