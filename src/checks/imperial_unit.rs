use regex::{Captures, Regex};

use super::{Check, rule};
use crate::document::{Document, Token, TokenKind};
use crate::finding::{Finding, RuleInfo};
use crate::keywords::WordIndex;
use crate::lang::Language;
use crate::langid::language_name;
use crate::locale::{ImperialUnit, PerLanguage};

rule! {
    /// Finds imperial measurements (miles, feet, inches, gallons, degrees Fahrenheit …) in a
    /// language whose readers measure in metric units, when the sentence gives no metric
    /// equivalent, and suggests the converted amount. Informational: the number is right,
    /// the reader just cannot picture it. Units and factors come from `[units]` in
    /// `dictionaries/<lang>/locale.toml`.
    ///
    /// Why it matters: German, French and Spanish newsrooms convert or add the metric value;
    /// machine translation carries "145 Meilen pro Stunde" over unchanged.
    ///
    /// Example: `Böen von bis zu 145 Meilen pro Stunde` — add `(rund 233 km/h)`.
    pub struct ImperialUnitCheck {
        id: "imperial-unit",
        category: NumberFormat,
        mqm: "Locale convention/Measurement format",
        severity: Minor,
        summary: "an imperial measurement without its metric equivalent",
    }
}

static PATTERNS: PerLanguage<Regex> = PerLanguage::new();
/// Each language's unit words by their first byte.
static UNIT_WORDS: PerLanguage<WordIndex> = PerLanguage::new();

impl Check for ImperialUnitCheck {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn runs_for(&self, lang: &Language) -> bool {
        !lang.locale.units.imperial.is_empty()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(lang) = doc.lang else { return };
        let Some(unit_words) = UNIT_WORDS.get(lang, |l| Some(unit_words(&l.locale.units.imperial)))
        else {
            return;
        };
        for sentence in &doc.sentences {
            if !may_hold_an_amount(doc, unit_words, doc.tokens_in(&sentence.span)) {
                continue;
            }
            // Compiled when first needed: nearly every article passes without an amount in
            // an imperial unit, and one article on its own should not wait for the pattern.
            let Some(pattern) = PATTERNS.get(lang, pattern) else {
                return;
            };
            let text = doc.slice(&sentence.span);
            let mut found = super::captures_in(pattern, text).peekable();
            if found.peek().is_none() || has_metric_unit(doc, lang, &sentence.span) {
                continue;
            }
            for caps in found {
                out.extend(finding(lang, &caps, sentence.span.start));
            }
        }
    }
}

fn pattern(lang: &'static Language) -> Option<Regex> {
    let mut words: Vec<String> = lang
        .locale
        .units
        .imperial
        .iter()
        .flat_map(|u| u.words.iter().map(|w| regex::escape(w)))
        .collect();
    if words.is_empty() {
        return None;
    }
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    Regex::new(&format!(
        r"(?P<num>\d(?:[\d.,]*\d)?)[ \u{{a0}}]?(?P<unit>{})(?:$|\W)",
        words.join("|")
    ))
    .ok()
}

/// Whether the sentence of `tokens` may hold a match of the pattern, a unit word right after a
/// digit: told from its tokens, since the pattern, which starts with any digit, has no literal
/// to skip ahead to, and few sentences hold a number followed by a unit. The last digit of a
/// match ends a number, unless a letter follows it in one word ("5ft"), and the pattern
/// allows nothing or one space between it and the unit.
fn may_hold_an_amount(doc: &Document, unit_words: &WordIndex, tokens: &[Token]) -> bool {
    // Most words after a number start with a byte no unit word starts with.
    let unit_at = |at: usize| unit_words.starts(&doc.text[at..]);
    tokens
        .iter()
        .enumerate()
        .any(|(k, token)| match token.kind {
            TokenKind::Word => token.digits,
            TokenKind::Number => tokens.get(k + 1).is_some_and(|next| {
                matches!(
                    doc.slice(&(token.span.end..next.span.start)),
                    "" | " " | "\u{a0}"
                ) && unit_at(next.span.start)
            }),
            TokenKind::Punct => false,
        })
}

/// The unit words of a language, indexed.
fn unit_words(units: &[ImperialUnit]) -> WordIndex {
    WordIndex::of(units.iter().flat_map(|u| &u.words).map(String::as_str))
}

/// A sentence that names a metric unit has converted the amount already.
fn has_metric_unit(doc: &Document, lang: &Language, span: &std::ops::Range<usize>) -> bool {
    let metric = &lang.locale.units.metric;
    doc.tokens_in(span)
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .any(|t| metric.iter().any(|m| m == doc.slice(&t.span)))
        || metric
            .iter()
            .any(|m| m.contains(['/', '°']) && doc.slice(span).contains(m.as_str()))
}

fn unit_of<'l>(lang: &'l Language, word: &str) -> Option<&'l ImperialUnit> {
    lang.locale
        .units
        .imperial
        .iter()
        .find(|u| u.words.iter().any(|w| w == word))
}

fn finding(lang: &Language, caps: &Captures, base: usize) -> Option<Finding> {
    let (num, unit_match) = (caps.name("num")?, caps.name("unit")?);
    let unit = unit_of(lang, unit_match.as_str())?;
    let locale = &lang.locale;
    let value = locale.read_amount(num.as_str())?;
    let metric = (value + unit.offset) * unit.factor;
    let decimals = if metric.abs() < 10.0 { 1 } else { 0 };
    let about = &locale.units.about;
    let converted = format!(
        "{}{}{} {}",
        about,
        if about.is_empty() { "" } else { " " },
        locale.format_number(metric, decimals),
        unit.metric
    );
    let span = base + num.start()..base + unit_match.end();
    Some(
        ImperialUnitCheck::rule()
            .finding(
                span,
                format!(
                    "imperial unit «{}» without a metric equivalent",
                    unit_match.as_str()
                ),
            )
            .with_suggestion(converted.clone())
            .with_evidence(format!(
                "{} readers measure in {}; {} {} ≈ {converted}",
                language_name(lang.code),
                unit.metric,
                num.as_str(),
                unit_match.as_str()
            )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::{flagged, flagged_in, suggestion};

    #[test]
    fn converts_miles_and_fahrenheit() {
        assert_eq!(
            suggestion(&ImperialUnitCheck, "Böen von bis zu 145 Meilen pro Stunde."),
            "rund 233 km/h"
        );
        assert_eq!(
            suggestion(&ImperialUnitCheck, "Es war 1.660 Meilen entfernt."),
            "rund 2.672 Kilometer"
        );
        assert_eq!(
            suggestion(&ImperialUnitCheck, "Es hatte 100 Grad Fahrenheit."),
            "rund 38 Grad Celsius"
        );
    }

    #[test]
    fn converted_amounts_and_other_words_are_fine() {
        for text in [
            "Es waren 1.500 Kilometer (932 Meilen) entlang der Küste.",
            "Er ging zu Fuß nach Hause.",
            "Er zahlte 20 Pfund Strafe.",
            // A unit word must end the word, also one that ends in a non-ASCII letter.
            "Er soll 10 Fußgänger getötet haben.",
        ] {
            assert!(flagged(&ImperialUnitCheck, text).is_empty(), "{text}");
        }
        assert!(flagged_in(&ImperialUnitCheck, "It was 145 miles away.", "en").is_empty());
    }

    #[test]
    fn units_joined_to_their_number_are_found() {
        for text in [
            "Er lief 5ft weit.",
            "Es hatte 100°F.",
            "Es war 3\u{a0}Meilen entfernt.",
            "Die A380 flog 20 Meilen.",
        ] {
            assert_eq!(flagged(&ImperialUnitCheck, text).len(), 1, "{text}");
        }
        assert!(flagged(&ImperialUnitCheck, "Es war 3  Meilen entfernt.").is_empty());
    }
}
