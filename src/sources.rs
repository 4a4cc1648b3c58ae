//! Where documents come from: the paths of a `check` run expanded into a lazy, ordered stream
//! of raw documents.
//!
//! A path is a file (by its extension: text, Markdown, HTML, or a JSONL archive, optionally
//! gzipped), a folder (walked recursively in file-name order with the `ignore` crate: hidden
//! files and `.gitignore`d paths skipped, include/exclude globs applied), or `-` for standard
//! input (a JSONL archive when its first byte is `{`, else one text article).
//!
//! The stream is lazy so memory stays flat on any archive: a folder is walked as it is read,
//! and a JSONL archive is read one line at a time. Only I/O happens here; decoding, JSON
//! parsing and HTML extraction are left to [`crate::batch`]'s workers, which run in
//! parallel. A file that cannot be read becomes a document whose payload is the error, so
//! the run goes on and every input is accounted for.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use flate2::read::MultiGzDecoder;
use ignore::overrides::OverrideBuilder;

use crate::input::{InputError, STDIN};

/// How an input's bytes are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// By file extension; standard input is JSONL when it starts with `{`, else text.
    Auto,
    /// Plain text, one paragraph per line.
    Text,
    /// Markdown.
    Markdown,
    /// An HTML page.
    Html,
    /// One JSON object per line.
    Jsonl,
}

/// Settings for turning paths into documents.
#[derive(Debug, Clone)]
pub struct SourceOptions {
    /// Globs a walked file must match (relative to the folder walked); empty: all.
    pub include: Vec<String>,
    /// Globs that drop walked files and folders.
    pub exclude: Vec<String>,
    /// The JSONL field holding the article text.
    pub text_field: String,
    /// The JSONL field holding the document id.
    pub id_field: String,
    /// Forces how inputs are read instead of going by extension.
    pub format: InputFormat,
}

impl Default for SourceOptions {
    fn default() -> Self {
        SourceOptions {
            include: Vec::new(),
            exclude: Vec::new(),
            text_field: "text".into(),
            id_field: "id".into(),
            format: InputFormat::Auto,
        }
    }
}

/// Why a folder could not be walked as asked.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("invalid glob {glob:?}: {message}")]
    Glob { glob: String, message: String },
}

/// The bytes of one document, still to be decoded, parsed or extracted.
#[derive(Debug)]
pub enum Payload {
    Text(Vec<u8>),
    Markdown(Vec<u8>),
    Html(Vec<u8>),
    /// One line of a JSONL archive.
    JsonRecord(Vec<u8>),
    /// The input could not be read.
    Unreadable(InputError),
}

/// One document as read from its input.
#[derive(Debug)]
pub struct RawDocument {
    /// Where it came from: a path, `-`, or `archive.jsonl:LINE` for a record.
    pub path: String,
    pub payload: Payload,
    /// Input bytes consumed once this document was read (compressed bytes for `.gz`), for
    /// progress reporting.
    pub consumed: u64,
}

/// The kinds of file a folder walk picks up, by extension.
fn kind_of(path: &Path) -> Option<InputFormat> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    const JSONL: [&str; 4] = [".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"];
    let kind = if JSONL.iter().any(|ext| name.ends_with(ext)) {
        InputFormat::Jsonl
    } else if name.ends_with(".html") || name.ends_with(".htm") {
        InputFormat::Html
    } else if name.ends_with(".md") || name.ends_with(".markdown") {
        InputFormat::Markdown
    } else if name.ends_with(".txt") {
        InputFormat::Text
    } else {
        return None;
    };
    Some(kind)
}

fn is_gzip(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".gz")
}

/// The ordered stream of documents behind a run's paths.
pub struct Sources {
    pending: VecDeque<String>,
    options: SourceOptions,
    walk: Option<ignore::Walk>,
    archive: Option<Archive>,
    /// Bytes of finished inputs.
    consumed: u64,
}

impl Sources {
    /// The documents behind `paths` (none: standard input). Fails only on invalid globs;
    /// unreadable paths surface as documents with [`Payload::Unreadable`].
    pub fn new(paths: Vec<String>, options: SourceOptions) -> Result<Sources, SourceError> {
        // Validate the globs once up front rather than per folder.
        overrides(".", &options)?;
        let pending = if paths.is_empty() {
            VecDeque::from([STDIN.to_string()])
        } else {
            paths.into()
        };
        Ok(Sources {
            pending,
            options,
            walk: None,
            archive: None,
            consumed: 0,
        })
    }

    fn next_walked(&mut self) -> Option<RawDocument> {
        loop {
            let entry = self.walk.as_mut()?.next();
            let Some(entry) = entry else {
                self.walk = None;
                return None;
            };
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                    let path = e.path();
                    let kind = match self.options.format {
                        InputFormat::Auto => kind_of(path),
                        forced => Some(forced),
                    };
                    if let Some(kind) = kind {
                        let path = path.to_string_lossy().into_owned();
                        if let Some(doc) = self.open(path, kind) {
                            return Some(doc);
                        }
                    }
                }
                Ok(_) => {}
                Err(e) => return Some(self.unreadable(walk_error_path(&e), walk_error(e))),
            }
        }
    }

    /// Reads a file of a known kind; an archive is opened and its first record returned.
    fn open(&mut self, path: String, kind: InputFormat) -> Option<RawDocument> {
        if kind == InputFormat::Jsonl {
            return match Archive::open_file(&path) {
                Ok(archive) => {
                    self.archive = Some(archive);
                    self.next_record()
                }
                Err(e) => Some(self.unreadable(path.clone(), e)),
            };
        }
        Some(match read_file(&path) {
            Ok(bytes) => {
                self.consumed += bytes.len() as u64;
                let payload = payload_of(kind, bytes);
                self.document(path, payload)
            }
            Err(e) => self.unreadable(path, e),
        })
    }

    fn next_record(&mut self) -> Option<RawDocument> {
        let archive = self.archive.as_mut()?;
        match archive.next_line() {
            Ok(Some((line, bytes))) => {
                let path = format!("{}:{line}", archive.name);
                let consumed = self.consumed + archive.bytes_read();
                Some(RawDocument {
                    path,
                    payload: Payload::JsonRecord(bytes),
                    consumed,
                })
            }
            Ok(None) => {
                self.consumed += archive.bytes_read();
                self.archive = None;
                None
            }
            Err(e) => {
                let name = archive.name.clone();
                self.consumed += archive.bytes_read();
                self.archive = None;
                Some(self.unreadable(name, e))
            }
        }
    }

    fn next_argument(&mut self) -> Option<Option<RawDocument>> {
        let path = self.pending.pop_front()?;
        if path == STDIN {
            return Some(self.open_stdin());
        }
        let p = Path::new(&path);
        if p.is_dir() {
            return Some(match walker(&path, &self.options) {
                Ok(walk) => {
                    self.walk = Some(walk);
                    None
                }
                Err(e) => Some(self.unreadable(path.clone(), e)),
            });
        }
        let kind = match self.options.format {
            // An explicitly named file of unknown extension is read as text.
            InputFormat::Auto => kind_of(p).unwrap_or(InputFormat::Text),
            forced => forced,
        };
        Some(self.open(path, kind))
    }

    fn open_stdin(&mut self) -> Option<RawDocument> {
        let mut reader = BufReader::with_capacity(1 << 16, Box::new(io::stdin()) as BoxRead);
        let kind = match self.options.format {
            InputFormat::Auto => match sniff_json(&mut reader) {
                Ok(true) => InputFormat::Jsonl,
                Ok(false) => InputFormat::Text,
                Err(e) => return Some(self.unreadable(STDIN.into(), e)),
            },
            forced => forced,
        };
        if kind == InputFormat::Jsonl {
            self.archive = Some(Archive::new(STDIN.into(), reader, None));
            return self.next_record();
        }
        let mut bytes = Vec::new();
        Some(match reader.read_to_end(&mut bytes) {
            Ok(_) => {
                self.consumed += bytes.len() as u64;
                self.document(STDIN.into(), payload_of(kind, bytes))
            }
            Err(source) => self.unreadable(
                STDIN.into(),
                InputError::Unreadable {
                    path: STDIN.into(),
                    source,
                },
            ),
        })
    }

    fn document(&self, path: String, payload: Payload) -> RawDocument {
        RawDocument {
            path,
            payload,
            consumed: self.consumed,
        }
    }

    fn unreadable(&self, path: String, error: InputError) -> RawDocument {
        self.document(path, Payload::Unreadable(error))
    }
}

impl Iterator for Sources {
    type Item = RawDocument;

    fn next(&mut self) -> Option<RawDocument> {
        loop {
            if self.archive.is_some() {
                if let Some(doc) = self.next_record() {
                    return Some(doc);
                }
                continue;
            }
            if self.walk.is_some() {
                if let Some(doc) = self.next_walked() {
                    return Some(doc);
                }
                continue;
            }
            if let Some(doc) = self.next_argument()? {
                return Some(doc);
            }
        }
    }
}

/// The input bytes behind `paths` (compressed size for `.gz`), for a progress bar; `None`
/// when standard input is among them.
pub fn total_bytes(paths: &[String], options: &SourceOptions) -> Option<u64> {
    let mut total = 0;
    for path in paths {
        if path == STDIN {
            return None;
        }
        if !Path::new(path).is_dir() {
            total += std::fs::metadata(path).map_or(0, |m| m.len());
            continue;
        }
        let Ok(walk) = walker(path, options) else {
            continue;
        };
        total += walk
            .flatten()
            .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
            .filter(|e| options.format != InputFormat::Auto || kind_of(e.path()).is_some())
            .filter_map(|e| e.metadata().ok())
            .map(|m| m.len())
            .sum::<u64>();
    }
    (!paths.is_empty()).then_some(total)
}

fn payload_of(kind: InputFormat, bytes: Vec<u8>) -> Payload {
    match kind {
        InputFormat::Markdown => Payload::Markdown(bytes),
        InputFormat::Html => Payload::Html(bytes),
        InputFormat::Jsonl => Payload::JsonRecord(bytes),
        InputFormat::Text | InputFormat::Auto => Payload::Text(bytes),
    }
}

fn read_file(path: &str) -> Result<Vec<u8>, InputError> {
    std::fs::read(path).map_err(|source| io_error(path, source))
}

fn io_error(path: &str, source: io::Error) -> InputError {
    match source.kind() {
        io::ErrorKind::NotFound => InputError::NotFound {
            path: path.to_string(),
        },
        _ => InputError::Unreadable {
            path: path.to_string(),
            source,
        },
    }
}

fn overrides(
    root: &str,
    options: &SourceOptions,
) -> Result<ignore::overrides::Override, SourceError> {
    let mut builder = OverrideBuilder::new(root);
    let globs = options
        .include
        .iter()
        .map(|g| g.to_string())
        .chain(options.exclude.iter().map(|g| format!("!{g}")));
    for glob in globs {
        builder.add(&glob).map_err(|e| SourceError::Glob {
            glob: glob.clone(),
            message: e.to_string(),
        })?;
    }
    builder.build().map_err(|e| SourceError::Glob {
        glob: String::new(),
        message: e.to_string(),
    })
}

fn walker(root: &str, options: &SourceOptions) -> Result<ignore::Walk, InputError> {
    let overrides = overrides(root, options).map_err(|e| InputError::Unreadable {
        path: root.to_string(),
        source: io::Error::other(e.to_string()),
    })?;
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .standard_filters(true)
        // Archives are rarely git repositories, but their .gitignore still says what to skip.
        .require_git(false)
        .overrides(overrides)
        .sort_by_file_name(|a, b| a.cmp(b));
    Ok(builder.build())
}

fn walk_error_path(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { path, .. } => path.to_string_lossy().into_owned(),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        _ => String::from("?"),
    }
}

fn walk_error(e: ignore::Error) -> InputError {
    let path = walk_error_path(&e);
    match e.into_io_error() {
        Some(source) => io_error(&path, source),
        None => InputError::Unreadable {
            path,
            source: io::Error::other("cannot walk this path"),
        },
    }
}

/// Whether buffered input starts (after whitespace and a byte-order mark) with `{`.
fn sniff_json(reader: &mut impl BufRead) -> Result<bool, InputError> {
    let buf = reader.fill_buf().map_err(|source| InputError::Unreadable {
        path: STDIN.into(),
        source,
    })?;
    let buf = buf.strip_prefix("\u{feff}".as_bytes()).unwrap_or(buf);
    Ok(buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'))
}

type BoxRead = Box<dyn Read + Send>;

/// Counts the bytes read through it, so progress can follow a compressed file.
struct Counted<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A JSONL archive being read line by line.
struct Archive {
    name: String,
    reader: BufReader<BoxRead>,
    line: usize,
    /// Bytes read from the file itself (compressed for `.gz`); `None` counts lines instead.
    file_bytes: Option<Arc<AtomicU64>>,
    line_bytes: u64,
}

impl Archive {
    fn open_file(path: &str) -> Result<Archive, InputError> {
        let file = File::open(path).map_err(|source| io_error(path, source))?;
        let count = Arc::new(AtomicU64::new(0));
        let counted = Counted {
            inner: file,
            count: Arc::clone(&count),
        };
        let inner: BoxRead = if is_gzip(path) {
            Box::new(MultiGzDecoder::new(counted))
        } else {
            Box::new(counted)
        };
        let reader = BufReader::with_capacity(1 << 16, inner);
        Ok(Archive::new(path.to_string(), reader, Some(count)))
    }

    fn new(
        name: String,
        reader: BufReader<BoxRead>,
        file_bytes: Option<Arc<AtomicU64>>,
    ) -> Archive {
        Archive {
            name,
            reader,
            line: 0,
            file_bytes,
            line_bytes: 0,
        }
    }

    fn bytes_read(&self) -> u64 {
        self.file_bytes
            .as_ref()
            .map_or(self.line_bytes, |c| c.load(Ordering::Relaxed))
    }

    /// The next non-blank line with its 1-based line number.
    fn next_line(&mut self) -> Result<Option<(usize, Vec<u8>)>, InputError> {
        loop {
            let mut buf = Vec::new();
            let n = self.reader.read_until(b'\n', &mut buf).map_err(|source| {
                InputError::Unreadable {
                    path: format!("{}:{}", self.name, self.line + 1),
                    source,
                }
            })?;
            if n == 0 {
                return Ok(None);
            }
            self.line += 1;
            self.line_bytes += n as u64;
            if buf.iter().any(|b| !b.is_ascii_whitespace()) {
                return Ok(Some((self.line, buf)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(docs: &[RawDocument]) -> Vec<(&str, &'static str)> {
        docs.iter()
            .map(|d| {
                let kind = match d.payload {
                    Payload::Text(_) => "text",
                    Payload::Markdown(_) => "md",
                    Payload::Html(_) => "html",
                    Payload::JsonRecord(_) => "record",
                    Payload::Unreadable(_) => "error",
                };
                (d.path.as_str(), kind)
            })
            .collect()
    }

    fn write(dir: &Path, name: &str, content: &[u8]) {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, content).expect("write");
    }

    fn walk(dir: &Path, options: SourceOptions) -> Vec<RawDocument> {
        let root = dir.to_string_lossy().into_owned();
        Sources::new(vec![root], options)
            .expect("sources")
            .collect()
    }

    fn relative(dir: &Path, docs: &[RawDocument]) -> Vec<(String, &'static str)> {
        let prefix = format!("{}/", dir.display());
        kinds(docs)
            .into_iter()
            .map(|(p, k)| (p.trim_start_matches(&prefix).to_string(), k))
            .collect()
    }

    #[test]
    fn folders_are_walked_in_name_order_by_kind() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "b.txt", b"Text.");
        write(dir.path(), "a/page.html", b"<p>Hallo.</p>");
        write(dir.path(), "a/notes.md", b"# Titel");
        write(
            dir.path(),
            "c.jsonl",
            b"{\"text\": \"Eins.\"}\n\n{\"text\": \"Zwei.\"}\n",
        );
        write(dir.path(), "image.png", b"\x89PNG");
        let docs = walk(dir.path(), SourceOptions::default());
        assert_eq!(
            relative(dir.path(), &docs),
            vec![
                ("a/notes.md".to_string(), "md"),
                ("a/page.html".to_string(), "html"),
                ("b.txt".to_string(), "text"),
                ("c.jsonl:1".to_string(), "record"),
                ("c.jsonl:3".to_string(), "record"),
            ]
        );
    }

    #[test]
    fn hidden_and_gitignored_files_are_skipped() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), ".gitignore", b"drafts/\n");
        write(dir.path(), ".hidden.txt", b"x");
        write(dir.path(), "drafts/d.txt", b"x");
        write(dir.path(), "kept.txt", b"x");
        let docs = walk(dir.path(), SourceOptions::default());
        assert_eq!(
            relative(dir.path(), &docs),
            vec![("kept.txt".to_string(), "text")]
        );
    }

    #[test]
    fn include_and_exclude_globs_filter_the_walk() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "x/a.txt", b"x");
        write(dir.path(), "x/b.html", b"x");
        write(dir.path(), "y/c.txt", b"x");
        let options = SourceOptions {
            include: vec!["*.txt".into()],
            exclude: vec!["y/**".into()],
            ..SourceOptions::default()
        };
        let docs = walk(dir.path(), options);
        assert_eq!(
            relative(dir.path(), &docs),
            vec![("x/a.txt".to_string(), "text")]
        );
    }

    #[test]
    fn an_invalid_glob_is_an_error() {
        let options = SourceOptions {
            include: vec!["a{".into()],
            ..SourceOptions::default()
        };
        assert!(Sources::new(vec![], options).is_err());
    }

    #[test]
    fn gzipped_archives_are_read() {
        use std::io::Write;
        let dir = tempfile::tempdir().expect("tempdir");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"{\"text\": \"Eins.\"}\n{\"text\": \"Zwei.\"}")
            .expect("gzip");
        write(dir.path(), "a.jsonl.gz", &gz.finish().expect("gzip"));
        let docs = walk(dir.path(), SourceOptions::default());
        assert_eq!(docs.len(), 2);
        assert!(docs[1].path.ends_with("a.jsonl.gz:2"));
        assert!(docs[1].consumed > 0);
    }

    #[test]
    fn a_missing_file_is_an_unreadable_document() {
        let docs: Vec<_> = Sources::new(vec!["/no/such/file.txt".into()], SourceOptions::default())
            .expect("sources")
            .collect();
        assert!(matches!(
            docs[0].payload,
            Payload::Unreadable(InputError::NotFound { .. })
        ));
    }

    #[test]
    fn json_is_sniffed_after_whitespace() {
        assert!(sniff_json(&mut &b"\n  {\"text\": 1}"[..]).unwrap());
        assert!(!sniff_json(&mut &b"Der Text."[..]).unwrap());
    }
}
