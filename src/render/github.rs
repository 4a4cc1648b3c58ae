//! GitHub Actions workflow commands (`--format github`): one annotation per finding, which
//! GitHub shows on the pull request's changed lines.
//!
//! ```text
//! ::error file=news/a.md,line=3,endLine=3,col=5,endColumn=12,title=doubled-word (major)::message
//! ```
//!
//! Major and critical findings are errors, minor ones warnings; a document that could not be
//! read is an error without a line. Workflow commands are line-based, so values are escaped
//! as the Actions runner expects: `%`, CR and LF everywhere, and `:` and `,` inside
//! properties as well.

use std::io::{self, Write};

use super::{Stream, describe, is_error};
use crate::report::{DocumentReport, LineIndex};
use crate::summary::DocSummary;

/// Annotations are per document, so they stream as they come.
pub struct GithubStream;

impl Stream for GithubStream {
    fn render(
        &self,
        _doc: &DocSummary,
        report: &DocumentReport,
        buf: &mut Vec<u8>,
    ) -> io::Result<()> {
        render_document(report, buf)
    }
}

fn render_document(report: &DocumentReport, out: &mut dyn Write) -> io::Result<()> {
    let file = escape_property(&report.path);
    if let Some(error) = &report.error {
        return writeln!(
            out,
            "::error file={file},title=mtlint::{}",
            escape_data(error)
        );
    }
    let index = LineIndex::for_report(report);
    for f in &report.findings {
        let (line, col) = index.position(f.span.start);
        let (end_line, end_col) = index.position(f.span.end);
        let command = if is_error(f.severity) {
            "error"
        } else {
            "warning"
        };
        let title = escape_property(&format!("{} ({})", f.rule.id, f.severity));
        writeln!(
            out,
            "::{command} file={file},line={line},endLine={end_line},col={col},\
             endColumn={end_col},title={title}::{}",
            escape_data(&describe(f))
        )?;
    }
    Ok(())
}

/// Escapes a command's message: the runner reads `%XX` back, and a raw line break would end
/// the command.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value, where `,` separates properties and `:` ends them.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks;
    use crate::finding::{Finding, Severity};
    use crate::score::Score;

    fn report(path: &str, text: &str, findings: Vec<Finding>) -> DocumentReport {
        DocumentReport {
            path: path.into(),
            text: text.into(),
            language: "de".into(),
            source_language: None,
            machine_translated: false,
            words: 10,
            score: Score {
                value: 90.0,
                penalty: 1.0,
                passed: true,
            },
            threshold: 90.0,
            excluded: Vec::new(),
            findings,
            error: None,
            id: None,
            source_lines: None,
        }
    }

    fn finding(rule: &str, text: &str, matched: &str, message: &str) -> Finding {
        let start = text.find(matched).expect("matched text");
        let info = checks::rules()
            .into_iter()
            .find(|r| r.id == rule)
            .expect("known rule");
        info.finding(start..start + matched.len(), message)
    }

    fn render_to_string(reports: &[DocumentReport]) -> String {
        let mut out = Vec::new();
        super::super::render(super::super::Format::Github, reports, &mut out).expect("render");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn escapes_percent_commas_colons_and_newlines() {
        let text = "Kopf\nDie Quote stieg um 5 % und und fiel: 3,5 Punkte.\n";
        let odd = finding(
            "doubled-word",
            text,
            "und und",
            "100% sicher: «und», zweimal\r\nzweite Zeile",
        )
        .with_evidence("a, b: c")
        .with_suggestion("und");
        let major =
            finding("hyphen-as-dash", text, "5 %", "Wert: 5 %").with_severity(Severity::Major);
        let reports = [
            report("news/2024: Wahl, Köln.md", text, vec![major, odd]),
            DocumentReport {
                error: Some("news/x.md: not UTF-8 text (invalid byte at offset 3)".into()),
                ..report("news/x.md", "", Vec::new())
            },
        ];
        insta::assert_snapshot!(render_to_string(&reports));
    }

    #[test]
    fn one_line_per_finding_and_nothing_for_a_clean_document() {
        let text = "Er sagte und und ging.\n";
        let reports = [
            report(
                "a.txt",
                text,
                vec![finding("doubled-word", text, "und und", "m")],
            ),
            report("b.txt", "Sauber.\n", Vec::new()),
        ];
        let out = render_to_string(&reports);
        assert_eq!(
            out,
            "::warning file=a.txt,line=1,endLine=1,col=10,endColumn=17,\
             title=doubled-word (minor)::m\n"
        );
    }

    #[test]
    fn properties_escape_more_than_data() {
        assert_eq!(escape_data("a:b,c%\n"), "a:b,c%25%0A");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
