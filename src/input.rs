//! Reading articles: files or standard input, UTF-8 text. Problems are typed errors that the
//! caller reports per document; one unreadable file does not stop a run.

use std::io::Read;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: no such file")]
    NotFound { path: String },
    #[error("{path}: is a directory")]
    IsDirectory { path: String },
    #[error("{path}: cannot read: {source}")]
    Unreadable {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { path: String, offset: usize },
    #[error("{path}: invalid JSON record: {message}")]
    BadRecord { path: String, message: String },
    #[error("{path}: no {field:?} field")]
    MissingField { path: String, field: String },
}

/// The name standard input goes by in reports.
pub const STDIN: &str = "-";

/// Reads one article: a file path, or `-` for standard input.
pub fn read_article(path: &str) -> Result<String, InputError> {
    let bytes = if path == STDIN {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|source| InputError::Unreadable {
                path: path.to_string(),
                source,
            })?;
        buf
    } else {
        read_file(path)?
    };
    decode(path, bytes)
}

fn read_file(path: &str) -> Result<Vec<u8>, InputError> {
    let p = Path::new(path);
    if p.is_dir() {
        return Err(InputError::IsDirectory {
            path: path.to_string(),
        });
    }
    std::fs::read(p).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => InputError::NotFound {
            path: path.to_string(),
        },
        _ => InputError::Unreadable {
            path: path.to_string(),
            source,
        },
    })
}

/// UTF-8 text, with a byte-order mark removed.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    let mut text = String::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        path: path.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_is_not_found() {
        assert!(matches!(
            read_article("/nonexistent/mtlint.txt"),
            Err(InputError::NotFound { .. })
        ));
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = decode("x", vec![b'a', 0xff]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "x: not UTF-8 text (invalid byte at offset 1)"
        );
    }

    #[test]
    fn byte_order_mark_is_dropped() {
        assert_eq!(decode("x", "\u{feff}Text".into()).unwrap(), "Text");
    }
}
