//! Baselines: the findings a team has accepted, recorded once (`mtlint baseline`) so that
//! later runs (`mtlint check --baseline FILE`) report only what is new.
//!
//! A finding is identified by its [`Fingerprint`]: the rule, the matched text and a few
//! words on either side of it, never its line or offset, so that an edit elsewhere in the
//! article does not resurrect old findings. The same fingerprint may occur several times in
//! an article (a caption pasted twice); the baseline keeps a count, and a finding is silenced
//! while the baseline still has unused entries with its fingerprint.
//!
//! Paths are stored relative to the baseline file's folder, so the baseline keeps matching
//! when mtlint is run from another working directory.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::config::paths::absolute;
use crate::finding::Finding;
use crate::input::STDIN;
use crate::report::DocumentReport;

/// The baseline file format version this build reads and writes.
const VERSION: u32 = 1;
/// Words of context kept on each side of a finding.
const CONTEXT_WORDS: usize = 3;

#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("{path}: cannot read the baseline: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not an mtlint baseline: {source}")]
    Parse {
        path: String,
        #[source]
        source: serde_json::Error,
    },
    #[error(
        "{path}: baseline format version {found} is not supported (this mtlint reads {VERSION})"
    )]
    Version { path: String, found: u32 },
    #[error("{path}: cannot write the baseline: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// What identifies a finding across edits of its article.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fingerprint {
    pub rule: String,
    /// The matched text, whitespace collapsed.
    pub text: String,
    /// Up to three words before the match on its line.
    pub before: String,
    /// Up to three words after the match on its line.
    pub after: String,
}

impl Fingerprint {
    pub fn of(text: &str, finding: &Finding) -> Fingerprint {
        let start = finding.span.start.min(text.len());
        let end = finding.span.end.clamp(start, text.len());
        let line_start = text
            .get(..start)
            .and_then(|t| t.rfind('\n'))
            .map_or(0, |i| i + 1);
        let line_end = text
            .get(end..)
            .and_then(|t| t.find('\n'))
            .map_or(text.len(), |i| end + i);
        let before: Vec<&str> = text
            .get(line_start..start)
            .unwrap_or("")
            .split_whitespace()
            .collect();
        let after: Vec<&str> = text
            .get(end..line_end)
            .unwrap_or("")
            .split_whitespace()
            .take(CONTEXT_WORDS)
            .collect();
        Fingerprint {
            rule: finding.rule.id.to_string(),
            text: collapse(text.get(start..end).unwrap_or("")),
            before: before[before.len().saturating_sub(CONTEXT_WORDS)..].join(" "),
            after: after.join(" "),
        }
    }

    /// A stable 64-bit FNV-1a hash in hex, for formats that want an opaque fingerprint.
    pub fn hash_hex(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for part in [&self.rule, &self.text, &self.before, &self.after] {
            for byte in part.bytes().chain([0]) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
        format!("{hash:016x}")
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Accepted findings per document.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    /// Folder the stored paths are relative to.
    dir: PathBuf,
    entries: BTreeMap<String, BTreeMap<Fingerprint, usize>>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireBaseline {
    version: u32,
    findings: Vec<WireEntry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireEntry {
    path: String,
    rule: String,
    text: String,
    before: String,
    after: String,
    count: usize,
}

impl Baseline {
    /// Records the findings of checked documents, for a baseline to be saved as `file`.
    pub fn record(file: &Path, reports: &[DocumentReport]) -> Baseline {
        let mut baseline = Baseline {
            dir: folder_of(file),
            entries: BTreeMap::new(),
        };
        for report in reports {
            let key = baseline.key(&report.path);
            let counts = baseline.entries.entry(key).or_default();
            for f in &report.findings {
                *counts.entry(Fingerprint::of(&report.text, f)).or_default() += 1;
            }
        }
        baseline.entries.retain(|_, counts| !counts.is_empty());
        baseline
    }

    pub fn load(file: &Path) -> Result<Baseline, BaselineError> {
        let path = file.display().to_string();
        let json = std::fs::read_to_string(file).map_err(|source| BaselineError::Read {
            path: path.clone(),
            source,
        })?;
        Baseline::from_json(file, &json)
    }

    fn from_json(file: &Path, json: &str) -> Result<Baseline, BaselineError> {
        let path = file.display().to_string();
        let wire: WireBaseline =
            serde_json::from_str(json).map_err(|source| BaselineError::Parse {
                path: path.clone(),
                source,
            })?;
        if wire.version != VERSION {
            return Err(BaselineError::Version {
                path,
                found: wire.version,
            });
        }
        let mut entries: BTreeMap<String, BTreeMap<Fingerprint, usize>> = BTreeMap::new();
        for e in wire.findings {
            let print = Fingerprint {
                rule: e.rule,
                text: e.text,
                before: e.before,
                after: e.after,
            };
            *entries.entry(e.path).or_default().entry(print).or_default() += e.count;
        }
        Ok(Baseline {
            dir: folder_of(file),
            entries,
        })
    }

    /// The baseline as pretty JSON, entries sorted so that diffs of it are readable.
    pub fn to_json(&self) -> String {
        let findings = self
            .entries
            .iter()
            .flat_map(|(path, counts)| {
                counts.iter().map(move |(print, &count)| WireEntry {
                    path: path.clone(),
                    rule: print.rule.clone(),
                    text: print.text.clone(),
                    before: print.before.clone(),
                    after: print.after.clone(),
                    count,
                })
            })
            .collect();
        let wire = WireBaseline {
            version: VERSION,
            findings,
        };
        // Plain strings and numbers always serialise; the fallback is never taken.
        let mut json = serde_json::to_string_pretty(&wire).unwrap_or_default();
        json.push('\n');
        json
    }

    pub fn save(&self, file: &Path) -> Result<(), BaselineError> {
        std::fs::write(file, self.to_json()).map_err(|source| BaselineError::Write {
            path: file.display().to_string(),
            source,
        })
    }

    /// How many findings the baseline accepts in all.
    pub fn len(&self) -> usize {
        self.entries.values().flat_map(|c| c.values()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The findings of the document at `path` that the baseline does not account for.
    pub fn filter(&self, path: &str, text: &str, findings: Vec<Finding>) -> Vec<Finding> {
        let Some(accepted) = self.entries.get(&self.key(path)) else {
            return findings;
        };
        let mut left: HashMap<&Fingerprint, usize> =
            accepted.iter().map(|(p, &n)| (p, n)).collect();
        findings
            .into_iter()
            .filter(|f| {
                let print = Fingerprint::of(text, f);
                match left.get_mut(&print) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        false
                    }
                    _ => true,
                }
            })
            .collect()
    }

    /// The stored form of a document path: relative to the baseline's folder with `/`
    /// separators when it lies below it, else absolute; standard input stays `-`.
    fn key(&self, path: &str) -> String {
        if path == STDIN {
            return path.to_string();
        }
        let absolute = absolute(Path::new(path));
        match absolute.strip_prefix(&self.dir) {
            Ok(relative) => relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
            Err(_) => absolute.display().to_string(),
        }
    }
}

/// The folder of a file, absolute and normalised.
fn folder_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => absolute(p),
        _ => absolute(Path::new(".")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks;

    fn finding(text: &str, matched: &str, nth: usize) -> Finding {
        let start = text.match_indices(matched).nth(nth).expect("match").0;
        checks::rules()[0].finding(start..start + matched.len(), "m")
    }

    #[test]
    fn fingerprint_keeps_three_words_each_side_on_the_line() {
        let text = "Kopf\nEins zwei drei vier FEHLER fünf sechs  sieben acht\nFuß";
        let print = Fingerprint::of(text, &finding(text, "FEHLER", 0));
        assert_eq!(print.before, "zwei drei vier");
        assert_eq!(print.after, "fünf sechs sieben");
        assert_eq!(print.text, "FEHLER");
    }

    #[test]
    fn edits_elsewhere_keep_the_fingerprint() {
        let old = "A b c X d e f\n";
        let new = "Neuer Absatz.\n\nA b c X d e f\n";
        assert_eq!(
            Fingerprint::of(old, &finding(old, "X", 0)),
            Fingerprint::of(new, &finding(new, "X", 0))
        );
    }

    #[test]
    fn counts_allow_as_many_findings_as_were_recorded() {
        let text = "a X b\na X b\na X b\n";
        let findings = |n: usize| (0..n).map(|i| finding(text, "X", i)).collect::<Vec<_>>();
        let print = Fingerprint::of(text, &findings(1)[0]);
        let baseline = Baseline {
            dir: absolute(Path::new(".")),
            entries: BTreeMap::from([("a.txt".into(), BTreeMap::from([(print, 2)]))]),
        };
        assert_eq!(baseline.filter("a.txt", text, findings(3)).len(), 1);
        assert_eq!(baseline.filter("other.txt", text, findings(3)).len(), 3);
    }

    #[test]
    fn json_round_trips() {
        let file = Path::new("base.json");
        let json = r#"{"version": 1, "findings": [{"path": "a/b.md", "rule": "r", "text": "t",
            "before": "x", "after": "y", "count": 2}]}"#;
        let baseline = Baseline::from_json(file, json).unwrap();
        assert_eq!(baseline.len(), 2);
        let again = Baseline::from_json(file, &baseline.to_json()).unwrap();
        assert_eq!(again.entries, baseline.entries);
    }

    #[test]
    fn other_versions_and_garbage_are_errors() {
        let file = Path::new("base.json");
        let err = Baseline::from_json(file, r#"{"version": 9, "findings": []}"#).unwrap_err();
        assert!(err.to_string().contains("version 9"));
        assert!(matches!(
            Baseline::from_json(file, "[]"),
            Err(BaselineError::Parse { .. })
        ));
    }

    #[test]
    fn paths_are_stored_relative_to_the_baseline_folder() {
        let baseline = Baseline {
            dir: absolute(Path::new("/work/news")),
            entries: BTreeMap::new(),
        };
        assert_eq!(baseline.key("/work/news/de/a.md"), "de/a.md");
        assert_eq!(baseline.key("/work/news/de/../b.md"), "b.md");
        assert_eq!(baseline.key("/elsewhere/c.md"), "/elsewhere/c.md");
        assert_eq!(baseline.key("-"), "-");
    }

    #[test]
    fn hash_is_stable() {
        let print = Fingerprint {
            rule: "r".into(),
            text: "t".into(),
            before: String::new(),
            after: String::new(),
        };
        // Pinned: SARIF consumers compare this value across runs and releases.
        assert_eq!(print.hash_hex(), "6f041c30593448cb");
    }
}
