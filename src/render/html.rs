//! The HTML report (`--format html`): one self-contained file (styles and script inline, no
//! network request) with the run's summary, a score histogram and a findings-per-category
//! chart (inline SVG), a sortable table of documents, and every document's text with its
//! findings highlighted; hovering a highlight shows its message, suggestion and evidence,
//! clicking it opens them in a box. Everything taken from the input is escaped.
//!
//! Table rows and document sections are streamed into two temporary files while the run
//! goes on and copied into the report at the end (the summary comes first but is known
//! last), so memory stays flat; the report itself is meant for browsing moderate runs
//! (thousands of documents), not a whole archive.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufWriter, Seek, Write};

use crate::finding::{Category, Finding, Severity};
use crate::render::Stream;
use crate::render::csv::verdict;
use crate::render::summary::bucket_label;
use crate::report::{DocumentReport, LineIndex};
use crate::summary::{DocSummary, Summary};

const STYLE: &str = include_str!("html/report.css");
const SCRIPT: &str = include_str!("html/report.js");

pub struct HtmlStream {
    rows: BufWriter<File>,
    sections: BufWriter<File>,
}

impl HtmlStream {
    pub fn new() -> io::Result<HtmlStream> {
        Ok(HtmlStream {
            rows: BufWriter::new(tempfile::tempfile()?),
            sections: BufWriter::new(tempfile::tempfile()?),
        })
    }
}

impl Stream for HtmlStream {
    fn render(
        &self,
        doc: &DocSummary,
        report: &DocumentReport,
        buf: &mut Vec<u8>,
    ) -> io::Result<()> {
        buf.extend_from_slice(section(doc, report).as_bytes());
        Ok(())
    }

    fn write(&mut self, doc: &DocSummary, rendered: &[u8], _out: &mut dyn Write) -> io::Result<()> {
        self.rows.write_all(row(doc).as_bytes())?;
        self.sections.write_all(rendered)
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>mtlint report</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
             <header><h1>mtlint report</h1></header>\n<main>\n"
        )?;
        out.write_all(overview(summary).as_bytes())?;
        out.write_all(TABLE_HEAD.as_bytes())?;
        copy(&mut self.rows, out)?;
        out.write_all(b"</tbody>\n</table>\n</section>\n")?;
        copy(&mut self.sections, out)?;
        write!(
            out,
            "</main>\n<div id=\"tip\" role=\"dialog\" hidden></div>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n"
        )
    }
}

/// Appends a temporary file's content to the report.
fn copy(file: &mut BufWriter<File>, out: &mut dyn Write) -> io::Result<()> {
    file.flush()?;
    let file = file.get_mut();
    file.rewind()?;
    io::copy(file, out)?;
    Ok(())
}

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn overview(s: &Summary) -> String {
    let mut h = String::from("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n");
    let cards = [
        ("documents", s.documents.to_string()),
        ("could not be read", s.errors.to_string()),
        ("words", s.words.to_string()),
        ("pass rate", format!("{:.1} %", 100.0 * s.pass_rate())),
        ("findings", s.findings.to_string()),
        (
            "per 1000 words",
            format!("{:.2}", s.findings_per_1000_words()),
        ),
    ];
    for (label, value) in cards {
        let _ = writeln!(
            h,
            "<div class=\"card\"><b>{}</b><span>{label}</span></div>",
            escape(&value)
        );
    }
    h.push_str("</div>\n<div class=\"charts\">\n");
    h.push_str(&histogram_chart(s));
    h.push_str(&category_chart(s));
    h.push_str("</div>\n</section>\n");
    h
}

/// Vertical bars: documents per score bucket.
fn histogram_chart(s: &Summary) -> String {
    let max = s.histogram.iter().copied().max().unwrap_or(0).max(1);
    let (width, height, bar) = (420, 180, 36);
    let mut svg = format!(
        "<figure><figcaption>Score distribution</figcaption>\n<svg id=\"histogram\" viewBox=\"0 0 {width} {}\" role=\"img\" aria-label=\"documents per score range\">\n",
        height + 40
    );
    for (i, &n) in s.histogram.iter().enumerate() {
        let h = height * n / max;
        let x = 10 + i * (bar + 4);
        let class = if i >= 9 { "bar pass" } else { "bar" };
        let _ = writeln!(
            svg,
            "<rect class=\"{class}\" x=\"{x}\" y=\"{}\" width=\"{bar}\" height=\"{h}\"><title>{}: {n}</title></rect>\
             <text x=\"{}\" y=\"{}\" class=\"count\">{n}</text>\
             <text x=\"{}\" y=\"{}\" class=\"label\">{}</text>",
            height - h + 14,
            bucket_label(i),
            x + bar / 2,
            height - h + 10,
            x + bar / 2,
            height + 30,
            i * 10
        );
    }
    svg.push_str("</svg>\n</figure>\n");
    svg
}

/// Horizontal bars: findings per category (categories with findings only).
fn category_chart(s: &Summary) -> String {
    let rows: Vec<(Category, u64)> = Category::ALL
        .iter()
        .copied()
        .zip(s.by_category.iter().copied())
        .filter(|&(_, n)| n > 0)
        .collect();
    let max = rows.iter().map(|&(_, n)| n).max().unwrap_or(1);
    let (label, width, row_height) = (130, 260, 22);
    let mut svg = format!(
        "<figure><figcaption>Findings per category</figcaption>\n<svg id=\"categories\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"findings per category\">\n",
        label + width + 60,
        (rows.len().max(1) * row_height) + 10
    );
    if rows.is_empty() {
        svg.push_str("<text x=\"10\" y=\"20\" class=\"label\">no findings</text>\n");
    }
    for (i, (category, n)) in rows.iter().enumerate() {
        let w = (width as u64 * n / max).max(1);
        let y = 5 + i * row_height;
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" class=\"label end\">{category}</text>\
             <rect class=\"bar cat-{category}\" x=\"{label}\" y=\"{y}\" width=\"{w}\" height=\"{}\"><title>{category}: {n}</title></rect>\
             <text x=\"{}\" y=\"{}\" class=\"count start\">{n}</text>",
            label - 6,
            y + 15,
            row_height - 6,
            label as u64 + w + 4,
            y + 15
        );
    }
    svg.push_str("</svg>\n</figure>\n");
    svg
}

const TABLE_HEAD: &str = "<section id=\"documents\">\n<h2>Documents</h2>\n\
<p class=\"hint\">Click a column to sort; click a document to read it.</p>\n\
<table class=\"sortable\" id=\"doc-table\">\n<thead><tr>\
<th data-type=\"number\">#</th><th>document</th><th>language</th><th>MT</th>\
<th data-type=\"number\">words</th><th data-type=\"number\">findings</th>\
<th data-type=\"number\">score</th><th>verdict</th><th>categories</th>\
</tr></thead>\n<tbody>\n";

fn row(doc: &DocSummary) -> String {
    let categories: Vec<String> = Category::ALL
        .iter()
        .zip(&doc.by_category)
        .filter(|&(_, &n)| n > 0)
        .map(|(c, n)| format!("{c} {n}"))
        .collect();
    let verdict = verdict(doc);
    format!(
        "<tr class=\"{}\"><td data-v=\"{i}\">{n}</td><td><a href=\"#doc-{i}\">{id}</a></td><td>{lang}</td><td>{mt}</td>\
         <td data-v=\"{words}\">{words}</td><td data-v=\"{findings}\">{findings}</td>\
         <td data-v=\"{score}\">{score:.1}</td><td>{verdict}</td><td>{cats}</td></tr>\n",
        verdict.to_ascii_lowercase(),
        i = doc.index,
        n = doc.index + 1,
        id = escape(&doc.id),
        lang = escape(&doc.language),
        mt = if doc.machine_translated { "yes" } else { "" },
        words = doc.words,
        findings = doc.findings,
        score = doc.score,
        cats = escape(&categories.join(", ")),
    )
}

fn section(doc: &DocSummary, report: &DocumentReport) -> String {
    let verdict = verdict(doc);
    let mut h = format!(
        "<section class=\"doc\" id=\"doc-{}\">\n<h2><span class=\"verdict {}\">{verdict} {:.1}</span> {}</h2>\n",
        doc.index,
        verdict.to_ascii_lowercase(),
        doc.score,
        escape(&doc.id)
    );
    let _ = writeln!(h, "<p class=\"meta\">{}</p>", escape(&meta(report)));
    if let Some(error) = &report.error {
        let _ = writeln!(h, "<p class=\"error\">{}</p>\n</section>", escape(error));
        return h;
    }
    h.push_str("<div class=\"text\">");
    h.push_str(&highlighted(doc.index, report));
    h.push_str("</div>\n");
    if !report.findings.is_empty() {
        h.push_str(&finding_list(doc.index, report));
    }
    h.push_str("</section>\n");
    h
}

fn meta(report: &DocumentReport) -> String {
    let translated = match (&report.machine_translated, &report.source_language) {
        (true, Some(source)) => format!(" · machine-translated from {source}"),
        (true, None) => " · machine-translated".to_string(),
        (false, _) => String::new(),
    };
    format!(
        "{} · language {}{translated} · {} words · {} findings",
        report.path,
        report.language,
        report.words,
        report.findings.len()
    )
}

/// The id of a finding's entry in the list under its document.
fn finding_id(doc: usize, finding: usize) -> String {
    format!("doc-{doc}-f-{finding}")
}

/// A finding's span widened to a whole character when empty, so it can be seen.
fn visible_span(text: &str, f: &Finding) -> (usize, usize) {
    let start = f.span.start.min(text.len());
    let end = f.span.end.clamp(start, text.len());
    if end > start || start == text.len() {
        return (start, end);
    }
    let next = text[start..].chars().next().map_or(0, char::len_utf8);
    (start, start + next)
}

/// The text with each run of characters covered by findings wrapped in a `<mark>`; a run
/// covered by several findings names them all.
fn highlighted(doc: usize, report: &DocumentReport) -> String {
    let text = &report.text;
    let spans: Vec<(usize, usize)> = report
        .findings
        .iter()
        .map(|f| visible_span(text, f))
        .collect();
    let mut cuts: Vec<usize> = spans.iter().flat_map(|&(s, e)| [s, e]).collect();
    cuts.extend([0, text.len()]);
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() * 2);
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let covering: Vec<usize> = (0..spans.len())
            .filter(|&i| spans[i].0 <= a && b <= spans[i].1)
            .collect();
        let piece = escape(&text[a..b]);
        if covering.is_empty() {
            out.push_str(&piece);
        } else {
            out.push_str(&mark(doc, report, &covering, &piece));
        }
    }
    out
}

fn mark(doc: usize, report: &DocumentReport, covering: &[usize], piece: &str) -> String {
    let severity = covering
        .iter()
        .map(|&i| report.findings[i].severity)
        .max()
        .unwrap_or(Severity::Minor);
    let ids: Vec<String> = covering.iter().map(|&i| finding_id(doc, i)).collect();
    let title: Vec<String> = covering
        .iter()
        .map(|&i| tooltip(&report.findings[i]))
        .collect();
    format!(
        "<mark class=\"f sev-{severity}\" tabindex=\"0\" data-f=\"{}\" title=\"{}\">{piece}</mark>",
        ids.join(" "),
        escape(&title.join("\n\n"))
    )
}

fn tooltip(f: &Finding) -> String {
    let mut t = format!(
        "{} ({}, {}): {}",
        f.rule.id,
        f.category(),
        f.severity,
        f.message
    );
    if let Some(s) = f.suggestions.first() {
        let _ = write!(t, "\nSuggestion: {s}");
    }
    if !f.evidence.is_empty() {
        let _ = write!(t, "\nEvidence: {}", f.evidence);
    }
    t
}

fn finding_list(doc: usize, report: &DocumentReport) -> String {
    let index = LineIndex::for_report(report);
    let mut h = String::from("<ol class=\"findings\">\n");
    for (i, f) in report.findings.iter().enumerate() {
        let (line, column) = index.position(f.span.start);
        let text = report.text.get(f.span.clone()).unwrap_or("");
        let suggestion = f
            .suggestions
            .first()
            .map(|s| format!(" → <b class=\"suggestion\">{}</b>", escape(s)))
            .unwrap_or_default();
        let evidence = if f.evidence.is_empty() {
            String::new()
        } else {
            format!(
                "<br><span class=\"evidence\">{}</span>",
                escape(&f.evidence)
            )
        };
        let _ = writeln!(
            h,
            "<li id=\"{}\" class=\"sev-{}\"><span class=\"rule\">{}</span> <span class=\"pos\">{line}:{column}</span> \
             <q>{}</q> <span class=\"message\">{}</span>{suggestion}{evidence}</li>",
            finding_id(doc, i),
            f.severity,
            f.rule.id,
            escape(text),
            escape(&f.message),
        );
    }
    h.push_str("</ol>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks;
    use crate::report::{Options, check_text};

    fn report_of(text: &str) -> DocumentReport {
        let options = Options {
            read: crate::document::ReadOptions {
                language: Some("de".into()),
                ..crate::document::ReadOptions::default()
            },
            ..Options::default()
        };
        check_text("<b>a&b</b>.txt", text.into(), &options, &checks::all())
    }

    fn html_of(reports: &[DocumentReport]) -> String {
        let mut out = Vec::new();
        crate::render::render(crate::render::Format::Html, reports, &mut out).expect("render");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn input_text_is_escaped_everywhere() {
        let html = html_of(&[report_of("<script>alert(1)</script> und und „x\n")]);
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&lt;b&gt;a&amp;b&lt;/b&gt;.txt"));
    }

    #[test]
    fn findings_are_marked_inline_with_their_details() {
        let html = html_of(&[report_of("Sie kamen und und gingen.\n")]);
        assert!(html.contains("<mark class=\"f sev-minor\" tabindex=\"0\" data-f=\"doc-0-f-0\""));
        assert!(html.contains("<li id=\"doc-0-f-0\""));
        assert!(html.contains("<a href=\"#doc-0\">"));
    }

    #[test]
    fn overlapping_findings_split_into_runs() {
        let mut report = report_of("abcdef\n");
        let rule = report.findings.first().map(|f| f.rule);
        let rule = rule.unwrap_or_else(|| checks::rules()[0]);
        report.findings = vec![rule.finding(0..4, "one"), rule.finding(2..6, "two")];
        let text = highlighted(0, &report);
        assert!(text.contains("data-f=\"doc-0-f-0\" title=\"") && text.contains(">ab</mark>"));
        assert!(text.contains("data-f=\"doc-0-f-0 doc-0-f-1\""));
        assert!(text.contains(">ef</mark>\n"));
    }

    #[test]
    fn the_report_is_self_contained() {
        let html = html_of(&[report_of("Ein Satz.\n")]);
        for external in ["src=\"http", "href=\"http", "@import", "url("] {
            assert!(!html.contains(external), "{external} in report");
        }
    }
}
