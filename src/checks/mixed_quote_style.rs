use std::collections::BTreeMap;

use super::{Check, rule};
use crate::document::Document;
use crate::finding::{Finding, RuleInfo};
use crate::lang::Language;
use crate::quotes::{QuoteMark, Role, Style};

rule! {
    /// Finds quotation marks of a style the rest of the text does not use: straight `"` or
    /// English `“…”` in a German text that otherwise writes `„…“`, and a text that uses only
    /// straight marks where the language uses typographic ones (reported once).
    ///
    /// Why it matters: machine translation copies the source's quotation marks, so styles end
    /// up mixed within one article. Editors fix these by hand; a publication's typography
    /// allows one style.
    ///
    /// Example: `Kim lobte das „feste Bündnis“ … die "Spezialoperation"` — the straight
    /// marks should be `„Spezialoperation“`.
    pub struct MixedQuoteStyle {
        id: "mixed-quote-style",
        category: Quotes,
        mqm: "Locale convention/Quote format",
        severity: Minor,
        summary: "quotation marks in a style the rest of the text does not use",
    }
}

impl Check for MixedQuoteStyle {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(lang) = doc.lang else { return };
        let marks = &doc.quotes.marks;
        let mut counts: BTreeMap<Style, usize> = BTreeMap::new();
        for m in marks {
            *counts.entry(m.style).or_default() += 1;
        }
        let Some((&dominant, &dominant_count)) = counts
            .iter()
            .max_by_key(|&(s, c)| (c, std::cmp::Reverse(*s)))
        else {
            return;
        };
        if is_wrong_style(dominant) {
            // The whole text (or most of it) quotes the wrong way: one finding, not one per mark.
            if let Some(first) = marks.iter().find(|m| m.style == dominant) {
                out.push(single_style_finding(
                    lang,
                    first,
                    dominant_count,
                    marks.len(),
                ));
            }
        }
        // In a mixed text, one finding per wrong style at its first mark, listing where the
        // others are: an editor fixes them in one pass, and the score is not dominated by them.
        for style in counts
            .keys()
            .copied()
            .filter(|&s| s != dominant && is_wrong_style(s))
        {
            let of_style: Vec<&QuoteMark> = marks.iter().filter(|m| m.style == style).collect();
            let lines: Vec<String> = of_style
                .iter()
                .map(|m| doc.line_number(m.pos).to_string())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let first = of_style[0];
            out.push(
                Self::rule()
                    .finding(
                        first.span(),
                        format!(
                            "quotation mark {} does not match the text's style",
                            first.ch
                        ),
                    )
                    .with_suggestion(expected_mark(lang, dominant, first.role).to_string())
                    .with_evidence(format!(
                        "{}; marks of this style on lines {}",
                        describe(&counts, lang),
                        lines.join(", ")
                    )),
            );
        }
    }
}

fn is_wrong_style(style: Style) -> bool {
    matches!(style, Style::Straight | Style::Foreign)
}

fn single_style_finding(lang: &Language, first: &QuoteMark, count: usize, total: usize) -> Finding {
    let (open, close) = (lang.primary_quotes.open, lang.primary_quotes.close);
    MixedQuoteStyle::rule()
        .finding(
            first.span(),
            format!("the text quotes with {} instead of {open}…{close}", first.ch),
        )
        .with_suggestion(expected_mark(lang, Style::Primary, first.role).to_string())
        .with_evidence(format!(
            "{count} of the text's {total} quotation marks are {}; this language writes {open}…{close}",
            first.ch
        ))
}

fn expected_mark(lang: &Language, style: Style, role: Role) -> char {
    let pair = match style {
        Style::Alternative => lang
            .alternative_quotes
            .first()
            .copied()
            .unwrap_or(lang.primary_quotes),
        _ => lang.primary_quotes,
    };
    match role {
        Role::Open => pair.open,
        Role::Close => pair.close,
    }
}

fn describe(counts: &BTreeMap<Style, usize>, lang: &Language) -> String {
    let name = |s: &Style| match s {
        Style::Primary => format!("{}…{}", lang.primary_quotes.open, lang.primary_quotes.close),
        Style::Alternative => "the alternative pair".to_string(),
        Style::Straight => "straight \"".to_string(),
        Style::Foreign => "foreign-style marks".to_string(),
    };
    let parts: Vec<String> = counts
        .iter()
        .map(|(s, c)| format!("{} {c}×", name(s)))
        .collect();
    format!("quotation marks in this text: {}", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::{flagged, suggestion};

    #[test]
    fn flags_straight_marks_among_typographic_ones() {
        let text = "Er lobte das „Bündnis“ und die „Freundschaft“. Sie sprach von \"Verrat\".";
        assert_eq!(flagged(&MixedQuoteStyle, text), vec!["\""]);
    }

    #[test]
    fn flags_english_closing_mark() {
        let text = "Er lobte das „Bündnis“ und die „Freundschaft“ und die „Partnerschaft”.";
        assert_eq!(suggestion(&MixedQuoteStyle, text), "“");
    }

    #[test]
    fn straight_only_text_is_reported_once() {
        let text = "Er sagte \"ja\" und sie sagte \"nein\".";
        assert_eq!(flagged(&MixedQuoteStyle, text).len(), 1);
    }

    #[test]
    fn quiet_on_consistent_german_quotes() {
        let text = "Er lobte das „Bündnis“. Sie nannte es »gut«.";
        assert!(flagged(&MixedQuoteStyle, text).is_empty());
    }
}
