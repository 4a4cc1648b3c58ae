//! Article anatomy: which lines of a page are not the article (paywall walls, promos, author
//! bios, picture credits, comment links) and what the machine-translation disclaimer says.
//!
//! Both are read from `dictionaries/<lang>/anatomy.toml`; nothing here knows a phrase.

use std::ops::Range;
use std::sync::OnceLock;

use crate::keywords::{self, Gate};
use crate::lang::{self, DataRegex, Language};

/// A run of whole lines that is not article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excluded {
    /// What it is: `paywall`, `promo`, `author-bio`, `comments`, `picture-credit`, `mt-disclaimer`.
    pub kind: String,
    /// From the start of the first line to the end of the last.
    pub span: Range<usize>,
}

/// The machine-translation notice of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disclaimer {
    pub span: Range<usize>,
    /// ISO 639-1 code of the language translated from, when the notice names it.
    pub source: Option<String>,
    /// ISO 639-1 code of the language translated into.
    pub target: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Anatomy {
    pub excluded: Vec<Excluded>,
    pub disclaimer: Option<Disclaimer>,
}

impl Anatomy {
    /// Finds the non-article regions of a text whose lines are `lines`.
    pub fn read(
        text: &str,
        lines: &[Range<usize>],
        lang: Option<&Language>,
        disclaimer: Option<Disclaimer>,
    ) -> Anatomy {
        let mut excluded = lang.map_or_else(Vec::new, |l| find_regions(text, lines, l));
        if let Some(d) = &disclaimer {
            let covered = excluded.iter().any(|e| e.span.contains(&d.span.start));
            if !covered && let Some(line) = lines.iter().find(|l| l.contains(&d.span.start)) {
                excluded.push(Excluded {
                    kind: "mt-disclaimer".into(),
                    span: line.clone(),
                });
                excluded.sort_by_key(|e| e.span.start);
            }
        }
        Anatomy {
            excluded,
            disclaimer,
        }
    }

    pub fn is_excluded(&self, pos: usize) -> bool {
        self.excluded
            .iter()
            .any(|e| e.span.start <= pos && pos < e.span.end.max(e.span.start + 1))
    }

    pub fn machine_translated(&self) -> bool {
        self.disclaimer.is_some()
    }
}

fn find_regions(text: &str, lines: &[Range<usize>], lang: &Language) -> Vec<Excluded> {
    let mut out: Vec<Excluded> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = text[lines[i].clone()].trim();
        let rule = (!line.is_empty())
            .then(|| {
                lang.regions
                    .iter()
                    .find(|r| may_start(r, line) && r.start.is_match(line))
            })
            .flatten();
        let Some(rule) = rule else {
            i += 1;
            continue;
        };
        let last = if rule.to_end {
            lines.len() - 1
        } else {
            region_end(text, lines, i, rule)
        };
        out.push(Excluded {
            kind: rule.kind.clone(),
            span: lines[i].start..lines[last].end,
        });
        i = last + 1;
    }
    out
}

/// Whether a non-empty `line` can match the rule's start pattern, judged by its first byte
/// and then its first four: nearly every start pattern is anchored at the start of the line,
/// and a regex search costs far more than a look at a few bytes.
fn may_start(rule: &lang::RegionRule, line: &str) -> bool {
    let first_bytes = rule
        .first_bytes
        .get_or_init(|| keywords::first_bytes(rule.start.as_str()));
    let first_byte_fits = match (first_bytes, line.as_bytes().first()) {
        (Some(allowed), Some(&b)) => allowed.contains(b),
        _ => true,
    };
    first_byte_fits
        && rule
            .prefixes
            .get_or_init(|| keywords::prefixes(rule.start.as_str()))
            .as_ref()
            .is_none_or(|p| p.admit(line.as_bytes()))
}

/// The last line of a region that starts at line `first`.
fn region_end(text: &str, lines: &[Range<usize>], first: usize, rule: &lang::RegionRule) -> usize {
    let Some(until) = &rule.until else {
        return first;
    };
    let limit = (first + rule.max_lines).min(lines.len());
    (first..limit)
        .find(|&k| until.is_match(text[lines[k].clone()].trim()))
        .unwrap_or(first)
}

/// Looks for a machine-translation notice in any language mtlint knows.
pub fn find_disclaimer(text: &str, lines: &[Range<usize>]) -> Option<Disclaimer> {
    let patterns = DisclaimerPatterns::get();
    // Nearly no text has a notice, and one search for the patterns' keywords rules it out
    // far more cheaply than searching every pattern (see `keywords`). A pattern whose
    // keywords are missing cannot match, so it is neither searched nor compiled.
    let possible = match &patterns.gate {
        Some(gate) => gate.possible(text)?,
        None => vec![true; patterns.all.len()],
    };
    // The notice sits at the end of a page far more often than at the top.
    for &i in candidate_lines(text, lines, patterns, &possible)
        .iter()
        .rev()
    {
        let line = &lines[i];
        let line_text = &text[line.clone()];
        for (language, first) in patterns.languages.iter().zip(&patterns.first) {
            let possible = &possible[*first..first + language.disclaimers.len()];
            if let Some(d) = match_disclaimer(language, possible, line_text, line.start) {
                return Some(d);
            }
        }
    }
    None
}

/// The disclaimer patterns of every language mtlint knows, sorted by how they are searched;
/// built on first use.
struct DisclaimerPatterns {
    /// The languages with data, in the order their notices are tried on a line.
    languages: Vec<&'static Language>,
    /// Every language's patterns, language after language.
    all: Vec<&'static DataRegex>,
    /// For each language, the index in `all` of its first pattern.
    first: Vec<usize>,
    /// Patterns (indexes into `all`) that cannot reach across a line break: searched over
    /// the whole text.
    one_line: Vec<usize>,
    /// Any other pattern: tried line by line.
    per_line: Vec<usize>,
    /// Tells which patterns a text may match (none, for nearly every text); `None` when
    /// some pattern has no keyword.
    gate: Option<Gate>,
}

impl DisclaimerPatterns {
    fn get() -> &'static DisclaimerPatterns {
        static PATTERNS: OnceLock<DisclaimerPatterns> = OnceLock::new();
        PATTERNS.get_or_init(DisclaimerPatterns::build)
    }

    fn build() -> DisclaimerPatterns {
        let languages: Vec<&'static Language> = lang::SUPPORTED
            .iter()
            .filter_map(|code| lang::language(code))
            .collect();
        let first = languages
            .iter()
            .scan(0, |next, l| {
                let first = *next;
                *next += l.disclaimers.len();
                Some(first)
            })
            .collect();
        let all: Vec<&'static DataRegex> = languages.iter().flat_map(|l| &l.disclaimers).collect();
        let (one_line, per_line) =
            (0..all.len()).partition(|&i| stays_on_one_line(all[i].as_str()));
        let gate = Gate::new(all.iter().map(|p| p.as_str()));
        DisclaimerPatterns {
            languages,
            all,
            first,
            one_line,
            per_line,
            gate,
        }
    }
}

/// The lines (indexes, ascending) on which some disclaimer pattern may match, of the patterns
/// `possible` leaves. A pattern that cannot reach across a line break is searched once over
/// the whole text, which is far cheaper than once per line; any other pattern is tried line
/// by line.
fn candidate_lines(
    text: &str,
    lines: &[Range<usize>],
    patterns: &DisclaimerPatterns,
    possible: &[bool],
) -> Vec<usize> {
    let line_of = |pos: usize| {
        lines
            .partition_point(|l| l.end < pos)
            .min(lines.len().saturating_sub(1))
    };
    let mut found = Vec::new();
    for &p in patterns.one_line.iter().filter(|&&p| possible[p]) {
        found.extend(patterns.all[p].find_iter(text).map(|m| line_of(m.start())));
    }
    for &p in patterns.per_line.iter().filter(|&&p| possible[p]) {
        let pattern = patterns.all[p];
        found.extend((0..lines.len()).filter(|&i| pattern.is_match(&text[lines[i].clone()])));
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// Whether a pattern surely matches within one line: no anchors, no classes that take in
/// line breaks.
fn stays_on_one_line(pattern: &str) -> bool {
    const REACH: [&str; 9] = ["^", "$", "\\s", "\\n", "(?s", "[^", "\\S", "\\W", "\\D"];
    !REACH.iter().any(|r| pattern.contains(r)) && !pattern.contains("\\P")
}

/// The notice on a line, by the first of a language's patterns that matches it (of those
/// `possible` leaves, one flag per pattern).
fn match_disclaimer(
    language: &Language,
    possible: &[bool],
    line: &str,
    offset: usize,
) -> Option<Disclaimer> {
    let patterns = language.disclaimers.iter().zip(possible);
    for pattern in patterns.filter(|(_, possible)| **possible).map(|(p, _)| p) {
        // Capturing is far slower than matching, and nearly every line does not match.
        if !pattern.is_match(line) {
            continue;
        }
        let Some(caps) = pattern.captures(line) else {
            continue;
        };
        let whole = caps.get(0)?;
        let name = |group: &str| {
            caps.name(group)
                .and_then(|m| language.code_for_name(m.as_str()))
                .map(str::to_string)
        };
        return Some(Disclaimer {
            span: offset + whole.start()..offset + whole.end(),
            source: name("source"),
            target: name("target").or_else(|| Some(language.code.to_string())),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::line_spans;

    fn anatomy(text: &str) -> Anatomy {
        let lines = line_spans(text);
        let disclaimer = find_disclaimer(text, &lines);
        Anatomy::read(text, &lines, lang::language("de"), disclaimer)
    }

    #[test]
    fn german_disclaimer_gives_source_and_target() {
        let text = "Text.\n\nDieser Artikel wurde aus dem Englischen automatisiert ins Deutsche übersetzt.\n";
        let d = anatomy(text).disclaimer.expect("disclaimer");
        assert_eq!(d.source.as_deref(), Some("en"));
        assert_eq!(d.target.as_deref(), Some("de"));
    }

    #[test]
    fn english_disclaimer_is_read() {
        let text = "Text.\n\nThis article was machine-translated from German.\n";
        let lines = line_spans(text);
        let d = find_disclaimer(text, &lines).expect("disclaimer");
        assert_eq!(d.source.as_deref(), Some("de"));
        assert_eq!(d.target.as_deref(), Some("en"));
    }

    #[test]
    fn paywall_runs_to_its_closing_line() {
        let text = "Bitte deaktivieren Sie Ihren Ad-Blocker\n\nWerbung finanziert uns.\n\nBitte loggen sich aus und wieder ein.\n\nDer Artikel.\n";
        let a = anatomy(text);
        assert_eq!(a.excluded.len(), 1);
        assert_eq!(a.excluded[0].kind, "paywall");
        assert!(!a.is_excluded(text.find("Der Artikel").unwrap()));
        assert!(a.is_excluded(text.find("Werbung").unwrap()));
    }

    #[test]
    fn author_bio_runs_to_the_end() {
        let text = "Der Artikel.\n\nZu den Autoren\n\nAnna schreibt.\n\nKommentare\n";
        let a = anatomy(text);
        assert_eq!(a.excluded.len(), 1);
        assert_eq!(a.excluded[0].kind, "author-bio");
        assert!(a.is_excluded(text.find("Kommentare").unwrap()));
    }

    #[test]
    fn the_last_notice_wins() {
        let text = "Dieser Artikel wurde aus dem Englischen automatisiert übersetzt.\nText.\nThis article was machine-translated from German.\n";
        let d = find_disclaimer(text, &line_spans(text)).expect("disclaimer");
        assert_eq!(d.target.as_deref(), Some("en"));
    }

    #[test]
    fn patterns_that_may_cross_lines_are_tried_line_by_line() {
        assert!(stays_on_one_line(
            r"(?i)(?:artikel|text) wurde (?:aus dem (?P<source>\w+) )?übersetzt"
        ));
        assert!(!stays_on_one_line(r"(?i)wurde\s+übersetzt"));
        assert!(!stays_on_one_line(r"übersetzt$"));
    }

    /// Finds the notice with every pattern, as without the gate.
    fn find_disclaimer_ungated(text: &str) -> Option<Disclaimer> {
        let lines = line_spans(text);
        let patterns = DisclaimerPatterns::get();
        let every = vec![true; patterns.all.len()];
        candidate_lines(text, &lines, patterns, &every)
            .iter()
            .rev()
            .find_map(|&i| {
                patterns.languages.iter().find_map(|l| {
                    match_disclaimer(l, &every, &text[lines[i].clone()], lines[i].start)
                })
            })
    }

    #[test]
    fn every_disclaimer_pattern_has_keywords() {
        assert!(DisclaimerPatterns::get().gate.is_some());
    }

    #[test]
    fn the_keyword_gate_changes_no_verdict() {
        let texts = [
            "Text.\nDieser Artikel wurde aus dem Englischen automatisiert ins Deutsche übersetzt.\n",
            "Text.\nDIESER ARTIKEL WURDE AUS DEM ENGLISCHEN AUTOMATISIERT ÜBERSETZT.\n",
            "Text.\nDieser Artikel wurde maſchinell überſetzt.\n",
            "Text.\nThis article was machine-translated from German.\n",
            "Text.\nThis article was machine-TRANSLATED from German.\n",
            "Text.\nThis article was machine-translated from Fren\u{212A}h.\n",
            "Text.\nDieser Arti\u{212A}el wurde maschinell ins Deutsche übersetzt.\n",
            "Texte.\nCet article a été traduit automatiquement de l'anglais.\n",
            "Texto.\nEste artículo ha sido traducido del inglés de forma automática.\n",
            "Ein Roman, den sie ins Deutsche übersetzt hat.\n",
            "Automatisch übersetzt.\nThis article was translated from German by machine.\n",
            "This text was translated automatically.\nTexto traducido.\n",
            "Putin besuchte Pjöngjang.\nKim lobte das Bündnis.\n",
            "",
        ];
        for text in texts {
            assert_eq!(
                find_disclaimer(text, &line_spans(text)),
                find_disclaimer_ungated(text),
                "{text}"
            );
        }
        let long_s = "Dieser Artikel wurde maſchinell überſetzt.";
        assert!(find_disclaimer(long_s, &line_spans(long_s)).is_some());
    }

    #[test]
    fn article_text_is_not_excluded() {
        let text = "Putin besuchte Pjöngjang.\nKim lobte das Bündnis.\n";
        assert!(anatomy(text).excluded.is_empty());
    }
}
