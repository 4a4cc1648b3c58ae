//! Turning an input's bytes into article text: UTF-8 decoding, one JSONL record's fields,
//! and the prose of a Markdown or HTML page.
//!
//! The document model reads one paragraph, headline or caption per line, so Markdown and HTML
//! are flattened into one line per block (a paragraph wrapped over several source lines
//! becomes one line). Each extracted line remembers the input line its text starts on, and
//! reports give that line, so a finding points into the file the user has; columns count
//! within the extracted line.

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};

use crate::input::{self, InputError};
use crate::suppress::{self, LineSuppression};

mod html;
mod markdown;

/// Article text ready to check.
#[derive(Debug, Default, PartialEq)]
pub struct Extracted {
    pub text: String,
    /// For each line of `text`, the 1-based line of the input it came from; `None` when the
    /// text is the input itself.
    pub source_lines: Option<Vec<usize>>,
    /// `<!-- mtlint-disable-next-line … -->` comments of the input, by input line: the
    /// extracted text no longer has them.
    pub suppressions: Vec<LineSuppression>,
}

impl Extracted {
    /// Each extracted line with the input line it came from (tests of the extractors).
    #[cfg(test)]
    fn mapped_lines(&self) -> Vec<(usize, String)> {
        let map = self.source_lines.clone().expect("line map");
        self.text
            .lines()
            .zip(map)
            .map(|(text, line)| (line, text.to_string()))
            .collect()
    }

    fn with_suppressions(mut self, source: &str) -> Extracted {
        self.suppressions = suppress::comment_suppressions(source);
        self
    }

    fn plain(text: String) -> Extracted {
        Extracted {
            text,
            ..Extracted::default()
        }
    }
}

/// The text of a plain-text input.
pub fn text(path: &str, bytes: Vec<u8>) -> Result<Extracted, InputError> {
    input::decode(path, bytes).map(Extracted::plain)
}

/// The prose of a Markdown input, one block per line.
pub fn markdown(path: &str, bytes: Vec<u8>) -> Result<Extracted, InputError> {
    let source = input::decode(path, bytes)?;
    Ok(markdown::extract(&source).with_suppressions(&source))
}

/// The article text of an HTML page, one block per line.
pub fn html(path: &str, bytes: Vec<u8>) -> Result<Extracted, InputError> {
    let source = input::decode(path, bytes)?;
    Ok(html::extract(&source).with_suppressions(&source))
}

/// One JSONL record: its id (if it has one, even when the rest is unusable) and its text.
pub fn record(
    path: &str,
    line: &[u8],
    text_field: &str,
    id_field: &str,
) -> (Option<String>, Result<Extracted, InputError>) {
    let bad = |message: String| InputError::BadRecord {
        path: path.to_string(),
        message,
    };
    let mut de = serde_json::Deserializer::from_slice(line);
    let seed = RecordSeed {
        text_field,
        id_field,
    };
    let fields = match seed.deserialize(&mut de).and_then(|f| de.end().map(|()| f)) {
        Ok(fields) => fields,
        Err(e) => return (None, Err(bad(e.to_string()))),
    };
    let text = fields.text.ok_or_else(|| InputError::MissingField {
        path: path.to_string(),
        field: text_field.to_string(),
    });
    let text = text.map(|t| match t.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => t,
    });
    (fields.id, text.map(Extracted::plain))
}

/// The two fields mtlint reads from a record; every other field is skipped unparsed.
#[derive(Default)]
struct RecordFields {
    id: Option<String>,
    text: Option<String>,
}

struct RecordSeed<'a> {
    text_field: &'a str,
    id_field: &'a str,
}

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = RecordFields;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<RecordFields, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_> {
    type Value = RecordFields;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RecordFields, A::Error> {
        let mut fields = RecordFields::default();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == self.text_field {
                fields.text = map.next_value::<Option<String>>()?;
            } else if key == self.id_field {
                fields.id = map.next_value::<IdValue>()?.0;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(fields)
    }
}

/// A record id: a string or a number (written as it stands), or null.
struct IdValue(Option<String>);

impl<'de> Deserialize<'de> for IdValue {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<IdValue, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        Ok(IdValue(match value {
            serde_json::Value::String(s) => Some(s),
            serde_json::Value::Number(n) => Some(n.to_string()),
            serde_json::Value::Null => None,
            other => Some(other.to_string()),
        }))
    }
}

/// Collects extracted text block by block: whitespace collapsed as a browser shows it, one
/// line per block, each line remembering its source line.
#[derive(Default)]
struct LineBuilder {
    text: String,
    source_lines: Vec<usize>,
    /// Start (in `text`) of the line being built.
    start: usize,
    line: usize,
    pending_space: bool,
}

impl LineBuilder {
    /// Appends inline text whose first character stands on source line `line`.
    fn push(&mut self, s: &str, mut line: usize) {
        for c in s.chars() {
            if c == '\n' {
                line += 1;
            }
            if c.is_whitespace() {
                self.pending_space = self.text.len() > self.start;
                continue;
            }
            if self.text.len() == self.start {
                self.line = line;
            } else if self.pending_space {
                self.text.push(' ');
            }
            self.pending_space = false;
            self.text.push(c);
        }
    }

    /// Ends the current line (a block ended or a line break), if it has text.
    fn end_line(&mut self) {
        self.pending_space = false;
        if self.text.len() == self.start {
            return;
        }
        self.text.push('\n');
        self.source_lines.push(self.line);
        self.start = self.text.len();
    }

    fn finish(mut self) -> Extracted {
        self.end_line();
        Extracted {
            text: self.text,
            source_lines: Some(self.source_lines),
            suppressions: Vec::new(),
        }
    }
}

/// 1-based line numbers of byte offsets in a source text.
struct SourceLines {
    starts: Vec<usize>,
}

impl SourceLines {
    fn new(text: &str) -> SourceLines {
        let mut starts = vec![0];
        starts.extend(line_starts_after_newlines(text));
        SourceLines { starts }
    }

    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}

fn line_starts_after_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_yield_text_and_id() {
        let (id, text) = record(
            "a:1",
            br#"{"id": 7, "meta": {"x": [1]}, "text": "Hallo."}"#,
            "text",
            "id",
        );
        assert_eq!(id.as_deref(), Some("7"));
        assert_eq!(text.expect("text").text, "Hallo.");
    }

    #[test]
    fn other_field_names_can_be_chosen() {
        let (id, text) = record("a:1", br#"{"body": "B", "url": "u"}"#, "body", "url");
        assert_eq!(id.as_deref(), Some("u"));
        assert_eq!(text.expect("text").text, "B");
    }

    #[test]
    fn a_record_without_text_is_an_error() {
        let (id, text) = record("a.jsonl:3", br#"{"id": "x"}"#, "text", "id");
        assert_eq!(id.as_deref(), Some("x"));
        assert_eq!(
            text.unwrap_err().to_string(),
            "a.jsonl:3: no \"text\" field"
        );
    }

    #[test]
    fn broken_json_is_an_error() {
        let err = record("a.jsonl:3", br#"{"text": "#, "text", "id")
            .1
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("a.jsonl:3: invalid JSON record")
        );
        assert!(record("a:1", br#"["text"]"#, "text", "id").1.is_err());
        assert!(
            record("a:1", br#"{"text": "a"} x"#, "text", "id")
                .1
                .is_err()
        );
    }

    #[test]
    fn builder_collapses_whitespace_and_keeps_lines() {
        let mut b = LineBuilder::default();
        b.push("\n  Eins \n zwei ", 3);
        b.end_line();
        b.end_line();
        b.push("drei", 9);
        let out = b.finish();
        assert_eq!(out.text, "Eins zwei\ndrei\n");
        assert_eq!(out.source_lines, Some(vec![4, 9]));
    }
}
