//! Silencing findings an editor has accepted, in two ways:
//!
//! - in the text, for formats that have comments (Markdown, HTML): a line
//!   `<!-- mtlint-disable-next-line doubled-word -->` silences the named rules (or, with no
//!   rule named, every rule) on the next line of text;
//! - in `mtlint.toml`, by rule and matched text (`[[ignore]] rule = "…" text = "…"`), for an
//!   accepted phrase wherever it occurs.
//!
//! Comment scanning is a plain function over the raw text so that any input format that keeps
//! comments can reuse it.

use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use regex::Regex;

use crate::finding::Finding;
use crate::report::LineIndex;

/// A config-level suppression: findings of `rule` whose matched text is exactly `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignore {
    pub rule: String,
    pub text: String,
}

impl Ignore {
    pub fn matches(&self, text: &str, finding: &Finding) -> bool {
        finding.rule.id == self.rule && text.get(finding.span.clone()) == Some(self.text.as_str())
    }
}

/// What one `mtlint-disable-next-line` comment silences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineSuppression {
    /// The 1-based line whose findings are silenced.
    pub line: usize,
    /// The rule ids silenced there; empty means every rule.
    pub rules: Vec<String>,
    /// Byte span of the comment itself, which is markup, not article text.
    pub comment: Range<usize>,
}

impl LineSuppression {
    pub fn silences(&self, line: usize, rule: &str) -> bool {
        self.line == line && (self.rules.is_empty() || self.rules.iter().any(|r| r == rule))
    }
}

/// Extensions of formats in which `<!-- … -->` is a comment, not text.
const COMMENT_FORMATS: [&str; 5] = ["md", "markdown", "html", "htm", "xhtml"];

/// Whether suppression comments are honoured in the file at `path`. In plain text a comment
/// is text like any other, so it is not read as an instruction there.
pub fn comments_allowed(path: &str) -> bool {
    Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| COMMENT_FORMATS.iter().any(|f| e.eq_ignore_ascii_case(f)))
}

fn directive() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"<!--\s*mtlint-disable-next-line\b([^>]*?)-->").expect("valid directive regex")
    })
}

/// Every `mtlint-disable-next-line` comment in a text. The silenced line is the next line
/// that is neither blank nor another such comment, so a blank line after the comment (as
/// Markdown often has) or a stack of comments still reaches the paragraph below.
pub fn comment_suppressions(text: &str) -> Vec<LineSuppression> {
    let index = LineIndex::new(text);
    let comments: Vec<(usize, Range<usize>, Vec<String>)> = directive()
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let rules = c.get(1).map_or("", |m| m.as_str());
            Some((
                index.position(whole.end()).0,
                whole.range(),
                rule_ids(rules),
            ))
        })
        .collect();
    let directive_lines: Vec<usize> = comments.iter().map(|(line, _, _)| *line).collect();
    comments
        .into_iter()
        .map(|(line, comment, rules)| LineSuppression {
            line: next_text_line(text, line, &directive_lines),
            rules,
            comment,
        })
        .collect()
}

/// Rule ids separated by spaces or commas.
fn rule_ids(list: &str) -> Vec<String> {
    list.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The first line after `line` that has text and is not a directive line.
fn next_text_line(text: &str, line: usize, directive_lines: &[usize]) -> usize {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .skip(line)
        .find(|(n, l)| !l.trim().is_empty() && !directive_lines.contains(n))
        .map_or(line + 1, |(n, _)| n)
}

/// Drops the findings silenced by `ignore` entries and, where the format has comments, by
/// `mtlint-disable-next-line` comments (and any finding inside such a comment).
pub fn apply(findings: &mut Vec<Finding>, text: &str, path: &str, ignore: &[Ignore]) {
    findings.retain(|f| !ignore.iter().any(|i| i.matches(text, f)));
    if !comments_allowed(path) {
        return;
    }
    let suppressions = comment_suppressions(text);
    if suppressions.is_empty() {
        return;
    }
    let index = LineIndex::new(text);
    findings.retain(|f| {
        let line = index.position(f.span.start).0;
        !suppressions.iter().any(|s| {
            s.silences(line, f.rule.id)
                || (f.span.start < s.comment.end && s.comment.start < f.span.end)
        })
    });
}

/// Drops findings that suppression comments of the input silence, for text extracted from
/// Markdown or HTML: `index` maps the text's lines back to the input's.
pub fn apply_extracted(
    findings: &mut Vec<Finding>,
    index: &LineIndex,
    suppressions: &[LineSuppression],
) {
    if suppressions.is_empty() {
        return;
    }
    findings.retain(|f| {
        let line = index.position(f.span.start).0;
        !suppressions.iter().any(|s| s.silences(line, f.rule.id))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks;

    fn finding(rule: &str, span: Range<usize>) -> Finding {
        let info = checks::rules()
            .into_iter()
            .find(|r| r.id == rule)
            .expect("known rule");
        info.finding(span, "m")
    }

    #[test]
    fn a_comment_silences_the_named_rule_on_the_next_line() {
        let text = "<!-- mtlint-disable-next-line doubled-word -->\nEr sagte und und ging.\n";
        let s = comment_suppressions(text);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].line, 2);
        assert_eq!(s[0].rules, ["doubled-word"]);
        let start = text.find("und und").unwrap();
        let mut findings = vec![
            finding("doubled-word", start..start + 7),
            finding("hyphen-as-dash", start..start + 3),
        ];
        apply(&mut findings, text, "a.md", &[]);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].rule.id, "hyphen-as-dash");
    }

    #[test]
    fn a_comment_without_rules_silences_every_rule() {
        let s = comment_suppressions("<!--mtlint-disable-next-line-->\nx\n");
        assert_eq!(s[0].rules, Vec::<String>::new());
        assert!(s[0].silences(2, "any-rule"));
    }

    #[test]
    fn blank_lines_and_stacked_comments_are_skipped() {
        let text =
            "<!-- mtlint-disable-next-line a, b -->\n\n<!-- mtlint-disable-next-line c -->\nText\n";
        let s = comment_suppressions(text);
        assert_eq!(s.iter().map(|s| s.line).collect::<Vec<_>>(), [4, 4]);
        assert_eq!(s[0].rules, ["a", "b"]);
    }

    #[test]
    fn comments_are_only_read_in_formats_that_have_them() {
        assert!(comments_allowed("news/a.md"));
        assert!(comments_allowed("A.HTML"));
        assert!(!comments_allowed("a.txt"));
        assert!(!comments_allowed("-"));
        let text = "<!-- mtlint-disable-next-line doubled-word -->\nund und\n";
        let start = text.find("und und").unwrap();
        let mut findings = vec![finding("doubled-word", start..start + 7)];
        apply(&mut findings, text, "a.txt", &[]);
        assert_eq!(findings.len(), 1);
    }

    #[test]
    fn findings_inside_the_comment_itself_are_dropped() {
        let text = "<!-- mtlint-disable-next-line x -->\nText\n";
        let mut findings = vec![finding("garbled-fragment", 5..10)];
        apply(&mut findings, text, "a.md", &[]);
        assert!(findings.is_empty());
    }

    #[test]
    fn config_ignores_match_rule_and_exact_text() {
        let text = "die die Sache";
        let ignore = [Ignore {
            rule: "doubled-word".into(),
            text: "die die".into(),
        }];
        let mut findings = vec![
            finding("doubled-word", 0..7),
            finding("doubled-word", 4..13),
            finding("repeated-sentence", 0..7),
        ];
        apply(&mut findings, text, "a.txt", &ignore);
        assert_eq!(findings.len(), 2);
    }
}
