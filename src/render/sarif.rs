//! SARIF 2.1.0 (`--format sarif`), the interchange format of code-scanning dashboards.
//!
//! One run per invocation: `tool.driver.rules` lists every rule with its description and
//! help (the rule's doc comment); each finding is a result pointing at its rule by id and
//! index, with a region in lines and columns. Columns count Unicode code points, as the
//! other formats do, and `columnKind` says so. The byte span is given too. Documents that
//! could not be read are tool execution notifications; scores go in the run's properties.
//! The output is validated against the official schema in `tests/cli.rs`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Stream, describe, explanation, is_error};
use crate::baseline::Fingerprint;
use crate::checks;
use crate::finding::{Finding, RuleInfo, Severity};
use crate::report::{DocumentReport, LineIndex};
use crate::summary::{DocSummary, Summary};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/// The key of mtlint's fingerprint in `partialFingerprints`; versioned so that a change of
/// the fingerprint does not make old alerts look new.
const FINGERPRINT_KEY: &str = "mtlint/v1";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'a str,
    version: &'a str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    invocations: Vec<Invocation>,
    column_kind: &'a str,
    results: Vec<Value>,
    properties: RunProperties,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'a str,
    version: &'a str,
    semantic_version: &'a str,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties<'a>,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties<'a> {
    category: &'a str,
    mqm: &'a str,
    severity: &'a str,
    tags: [&'a str; 2],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Value>,
}

#[derive(Serialize)]
struct Notification<'a> {
    level: &'a str,
    message: Text,
    locations: Vec<Location>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'a str,
    message: Text,
    locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    properties: ResultProperties<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
    snippet: Text,
}

#[derive(Serialize)]
struct ResultProperties<'a> {
    severity: &'a str,
    category: &'a str,
    suggestions: &'a [String],
}

#[derive(Serialize)]
struct RunProperties {
    documents: Vec<Value>,
}

#[derive(Serialize)]
struct DocumentProperties<'a> {
    uri: String,
    language: &'a str,
    words: usize,
    score: f64,
    threshold: f64,
    passed: bool,
}

/// SARIF as a stream. A SARIF log is one JSON object whose rule list comes before the results,
/// so each document's results are rendered on the worker threads and kept, as JSON values,
/// until the run ends: SARIF suits CI runs over a repository, not archives of millions.
pub struct SarifStream {
    rules: Vec<&'static RuleInfo>,
    results: Vec<Value>,
    notifications: Vec<Value>,
    documents: Vec<Value>,
}

impl Default for SarifStream {
    fn default() -> Self {
        SarifStream {
            rules: checks::rules(),
            results: Vec::new(),
            notifications: Vec::new(),
            documents: Vec::new(),
        }
    }
}

/// What one document adds to the log.
#[derive(Serialize)]
struct Part<'a> {
    results: Vec<SarifResult<'a>>,
    notification: Option<Notification<'a>>,
    document: Option<DocumentProperties<'a>>,
}

/// [`Part`] read back in input order.
#[derive(Deserialize)]
struct OwnedPart {
    results: Vec<Value>,
    notification: Option<Value>,
    document: Option<Value>,
}

impl Stream for SarifStream {
    fn render(
        &self,
        _doc: &DocSummary,
        report: &DocumentReport,
        buf: &mut Vec<u8>,
    ) -> io::Result<()> {
        let part = Part {
            results: results(&self.rules, report),
            notification: report
                .error
                .as_deref()
                .map(|e| notification(&report.path, e)),
            document: report.error.is_none().then(|| document_properties(report)),
        };
        serde_json::to_writer(buf, &part).map_err(io::Error::other)
    }

    fn write(
        &mut self,
        _doc: &DocSummary,
        rendered: &[u8],
        _out: &mut dyn Write,
    ) -> io::Result<()> {
        let part: OwnedPart = serde_json::from_slice(rendered).map_err(io::Error::other)?;
        self.results.extend(part.results);
        self.notifications.extend(part.notification);
        self.documents.extend(part.document);
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        let notifications = std::mem::take(&mut self.notifications);
        let run = Run {
            tool: Tool {
                driver: Driver {
                    name: "mtlint",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: self.rules.iter().map(|r| rule(r)).collect(),
                },
            },
            invocations: vec![Invocation {
                execution_successful: notifications.is_empty(),
                tool_execution_notifications: notifications,
            }],
            column_kind: "unicodeCodePoints",
            results: std::mem::take(&mut self.results),
            properties: RunProperties {
                documents: std::mem::take(&mut self.documents),
            },
        };
        let log = Log {
            schema: SCHEMA,
            version: "2.1.0",
            runs: vec![run],
        };
        serde_json::to_writer_pretty(&mut *out, &log)?;
        writeln!(out)
    }
}

fn level(severity: Severity) -> &'static str {
    if is_error(severity) {
        "error"
    } else {
        "warning"
    }
}

fn rule<'a>(info: &'a RuleInfo) -> Rule<'a> {
    let help = explanation(info);
    let first_paragraph = help.split("\n\n").next().unwrap_or_default();
    Rule {
        id: info.id,
        short_description: Text {
            text: info.summary.to_string(),
        },
        full_description: Text {
            text: first_paragraph.replace('\n', " "),
        },
        help: Help {
            text: help.clone(),
            markdown: help,
        },
        default_configuration: Configuration {
            level: level(info.severity),
        },
        properties: RuleProperties {
            category: info.category.as_str(),
            mqm: info.mqm,
            severity: info.severity.as_str(),
            tags: ["translation", info.category.as_str()],
        },
    }
}

fn notification<'a>(path: &str, error: &str) -> Notification<'a> {
    Notification {
        level: "error",
        message: Text {
            text: error.to_string(),
        },
        locations: vec![Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation { uri: uri(path) },
                region: None,
            },
        }],
    }
}

fn results<'a>(rules: &[&RuleInfo], report: &'a DocumentReport) -> Vec<SarifResult<'a>> {
    let index = LineIndex::for_report(report);
    report
        .findings
        .iter()
        .map(|f| result(rules, report, &index, f))
        .collect()
}

fn result<'a>(
    rules: &[&RuleInfo],
    report: &'a DocumentReport,
    index: &LineIndex,
    f: &'a Finding,
) -> SarifResult<'a> {
    let (start_line, start_column) = index.position(f.span.start);
    let (end_line, end_column) = index.position(f.span.end);
    SarifResult {
        rule_id: f.rule.id,
        rule_index: rules.iter().position(|r| r.id == f.rule.id),
        level: level(f.severity),
        message: Text { text: describe(f) },
        locations: vec![Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri: uri(&report.path),
                },
                region: Some(Region {
                    start_line,
                    start_column,
                    end_line,
                    end_column,
                    byte_offset: f.span.start,
                    byte_length: f.span.len(),
                    snippet: Text {
                        text: report.text.get(f.span.clone()).unwrap_or("").to_string(),
                    },
                }),
            },
        }],
        partial_fingerprints: BTreeMap::from([(
            FINGERPRINT_KEY,
            Fingerprint::of(&report.text, f).hash_hex(),
        )]),
        properties: ResultProperties {
            severity: f.severity.as_str(),
            category: f.category().as_str(),
            suggestions: &f.suggestions,
        },
    }
}

fn document_properties(report: &DocumentReport) -> DocumentProperties<'_> {
    DocumentProperties {
        uri: uri(&report.path),
        language: &report.language,
        words: report.words,
        score: report.score.value,
        threshold: report.threshold,
        passed: report.score.passed,
    }
}

/// A file path as a relative URI reference: `/` separators, and every byte outside the
/// unreserved characters percent-encoded (spaces, `%`, `#`, non-ASCII letters).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("news/de/a.md"), "news/de/a.md");
        assert_eq!(
            uri("Neue Artikel/Köln #1.md"),
            "Neue%20Artikel/K%C3%B6ln%20%231.md"
        );
        assert_eq!(uri(r"news\a.md"), "news/a.md");
    }

    #[test]
    fn major_and_critical_are_errors() {
        assert_eq!(level(Severity::Minor), "warning");
        assert_eq!(level(Severity::Major), "error");
        assert_eq!(level(Severity::Critical), "error");
    }
}
