//! The checks. Each file holds one check: a unit struct declared with [`rule!`], whose doc
//! comment says what it finds, why it matters and gives an example (`mtlint explain ID` prints
//! it), and an implementation of [`Check`] that reads the shared [`Document`] and pushes
//! [`Finding`]s. Checks never print and never mutate the document, so documents can be
//! checked in parallel.

use crate::document::{Block, Document};
use crate::finding::{Category, Finding, RuleInfo};
use crate::lang::Language;

mod capitalization_slip;
mod currency_format;
mod doubled_word;
mod english_romanization;
mod foreign_date_format;
mod foreign_number_format;
mod garbled_fragment;
mod house_spelling;
mod hyphen_as_dash;
mod imperial_unit;
mod missing_comma;
mod misspelling;
mod mixed_quote_style;
mod name_variant;
mod non_translation;
mod percent_format;
mod repeated_sentence;
mod source_identical;
mod source_number_missing;
mod source_quote_missing;
mod twelve_hour_time;
mod unbalanced_quote;
mod untranslated_fragment;
mod untranslated_sentence;

/// A check over one document.
pub trait Check: Send + Sync {
    fn info(&self) -> &'static RuleInfo;
    fn check(&self, doc: &Document, out: &mut Vec<Finding>);
    /// Whether the check has anything to look for in text of this language (`mtlint rules
    /// --lang`); a check whose data a language leaves empty says no.
    fn runs_for(&self, _lang: &Language) -> bool {
        true
    }
    /// Whether the check needs data that loads slowly (the Hunspell dictionary): such checks
    /// run after the others, so that a single article is checked while the data loads.
    fn needs_slow_data(&self) -> bool {
        false
    }
}

/// Declares a check's struct and its [`RuleInfo`], taking the explanation from the doc comment
/// so the documentation and `mtlint explain` cannot drift apart.
macro_rules! rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            id: $id:literal,
            category: $category:ident,
            mqm: $mqm:literal,
            severity: $severity:ident,
            summary: $summary:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            pub fn rule() -> &'static $crate::finding::RuleInfo {
                static INFO: $crate::finding::RuleInfo = $crate::finding::RuleInfo {
                    id: $id,
                    category: $crate::finding::Category::$category,
                    mqm: $mqm,
                    severity: $crate::finding::Severity::$severity,
                    summary: $summary,
                    explanation: concat!($($doc, "\n"),*),
                };
                &INFO
            }
        }
    };
}
pub(crate) use rule;

/// Every check, in alphabetical order of its id.
pub fn all() -> Vec<Box<dyn Check>> {
    vec![
        Box::new(capitalization_slip::CapitalizationSlip),
        Box::new(currency_format::CurrencyFormat),
        Box::new(doubled_word::DoubledWord),
        Box::new(english_romanization::EnglishRomanization),
        Box::new(foreign_date_format::ForeignDateFormat),
        Box::new(foreign_number_format::ForeignNumberFormat),
        Box::new(garbled_fragment::GarbledFragment),
        Box::new(house_spelling::HouseSpelling),
        Box::new(hyphen_as_dash::HyphenAsDash),
        Box::new(imperial_unit::ImperialUnitCheck),
        Box::new(missing_comma::MissingComma),
        Box::new(misspelling::Misspelling),
        Box::new(mixed_quote_style::MixedQuoteStyle),
        Box::new(name_variant::NameVariant),
        Box::new(non_translation::NonTranslation),
        Box::new(percent_format::PercentFormat),
        Box::new(repeated_sentence::RepeatedSentence),
        Box::new(source_identical::SourceIdentical),
        Box::new(source_number_missing::SourceNumberMissing),
        Box::new(source_quote_missing::SourceQuoteMissing),
        Box::new(twelve_hour_time::TwelveHourTime),
        Box::new(unbalanced_quote::UnbalancedQuote),
        Box::new(untranslated_fragment::UntranslatedFragment),
        Box::new(untranslated_sentence::UntranslatedSentence),
    ]
}

/// The rule descriptions of every check.
pub fn rules() -> Vec<&'static RuleInfo> {
    all().iter().map(|c| c.info()).collect()
}

/// The rule descriptions of the checks that run for a language.
pub fn rules_for(lang: &Language) -> Vec<&'static RuleInfo> {
    all()
        .iter()
        .filter(|c| c.runs_for(lang))
        .map(|c| c.info())
        .collect()
}

/// Runs the checks over a document; findings come back in text order.
pub fn run(doc: &Document, checks: &[Box<dyn Check>]) -> Vec<Finding> {
    let mut findings = Vec::new();
    let quick = checks.iter().filter(|c| !c.needs_slow_data());
    for check in quick.chain(checks.iter().filter(|c| c.needs_slow_data())) {
        if doc.lang.is_some_and(|l| !check.runs_for(l)) {
            continue;
        }
        check.check(doc, &mut findings);
    }
    findings.retain(|f| !doc.anatomy.is_excluded(f.span.start));
    drop_spelling_of_name_variants(&mut findings);
    findings.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule.id).cmp(&(b.span.start, b.span.end, b.rule.id))
    });
    findings
}

/// The matches of `pattern` in `text`, with their groups. `captures_iter` allocates room
/// for the groups before it searches, and most texts a check searches have no match: a
/// search without groups tells them apart first.
pub fn captures_in<'p, 't>(
    pattern: &'p regex::Regex,
    text: &'t str,
) -> impl Iterator<Item = regex::Captures<'t>> + use<'p, 't> {
    pattern
        .is_match(text)
        .then(|| pattern.captures_iter(text))
        .into_iter()
        .flatten()
}

/// The blocks of `doc` whose text `gate` matches. Most articles hold nothing a gate finds,
/// and one search of the whole text settles that before each block is searched on its own.
pub fn gated_blocks<'d, 'a>(
    doc: &'d Document<'a>,
    gate: &'d regex::Regex,
) -> impl Iterator<Item = &'d Block> + use<'d, 'a> {
    let any = gate.is_match(doc.text);
    doc.blocks
        .iter()
        .filter(move |block| any && gate.is_match(doc.slice(&block.body)))
}

/// A name spelled two ways can be caught by the spelling check (article evidence) and by the
/// name checks; the name finding explains it better ("Corbyn" 3 times, "Corbin" once), so an
/// editor sees one finding, not two, and the score counts the slip once.
fn drop_spelling_of_name_variants(findings: &mut Vec<Finding>) {
    let names: Vec<std::ops::Range<usize>> = findings
        .iter()
        .filter(|f| {
            matches!(
                f.category(),
                Category::NameConsistency | Category::Transliteration
            )
        })
        .map(|f| f.span.clone())
        .collect();
    findings.retain(|f| {
        f.category() != Category::Spelling
            || !names
                .iter()
                .any(|n| n.start < f.span.end && f.span.start < n.end)
    });
}

#[cfg(test)]
pub(crate) mod test_util {
    use super::*;
    use crate::document::ReadOptions;
    use crate::lang::{DataRegex, Language};

    /// Asserts that the patterns a check builds at run time (compiled only when a text first
    /// needs them) compile for every language that has them.
    pub fn assert_patterns_compile<T>(
        build: impl Fn(&'static Language) -> Option<T>,
        patterns: impl Fn(&T) -> Vec<&DataRegex>,
    ) {
        for language in crate::lang::SUPPORTED
            .iter()
            .filter_map(|&c| crate::lang::language(c))
        {
            let Some(built) = build(language) else {
                continue;
            };
            for pattern in patterns(&built) {
                assert!(pattern.compiles().is_ok(), "{}: {pattern:?}", language.code);
            }
        }
    }

    /// Runs one check over German text and returns the matched texts.
    pub fn flagged(check: &dyn Check, text: &str) -> Vec<String> {
        findings(check, text)
            .iter()
            .map(|f| text[f.span.clone()].to_string())
            .collect()
    }

    pub fn findings(check: &dyn Check, text: &str) -> Vec<Finding> {
        findings_in(check, text, "de")
    }

    /// Runs one check over text in language `lang`.
    pub fn findings_in(check: &dyn Check, text: &str, lang: &str) -> Vec<Finding> {
        let doc = Document::parse(
            text,
            &ReadOptions {
                language: Some(lang.into()),
                ..ReadOptions::default()
            },
        );
        let mut out = Vec::new();
        check.check(&doc, &mut out);
        out
    }

    /// The matched texts of one check over text in language `lang`.
    pub fn flagged_in(check: &dyn Check, text: &str, lang: &str) -> Vec<String> {
        findings_in(check, text, lang)
            .iter()
            .map(|f| text[f.span.clone()].to_string())
            .collect()
    }

    /// Runs one check over German text with its original (bilingual mode).
    pub fn findings_with_source(check: &dyn Check, target: &str, source: &str) -> Vec<Finding> {
        let options = ReadOptions {
            language: Some("de".into()),
            ..ReadOptions::default()
        };
        let doc = Document::parse_with_source(target, &options, Some(source));
        let mut out = Vec::new();
        check.check(&doc, &mut out);
        out
    }

    /// The first suggestion of the only finding.
    pub fn suggestion(check: &dyn Check, text: &str) -> String {
        let found = findings(check, text);
        assert_eq!(found.len(), 1, "expected one finding in {text:?}");
        found[0].suggestions.first().cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rule_ids_are_unique_kebab_case_and_explained() {
        let mut seen = HashSet::new();
        for rule in rules() {
            assert!(seen.insert(rule.id), "duplicate id {}", rule.id);
            assert!(
                rule.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{} is not kebab-case",
                rule.id
            );
            assert!(
                rule.explanation.contains("Example"),
                "{} has no example",
                rule.id
            );
        }
    }

    #[test]
    fn a_name_variant_is_not_also_a_misspelling() {
        let rule = |id: &str| {
            rules()
                .into_iter()
                .find(|r| r.id == id)
                .expect("known rule")
        };
        let mut findings = vec![
            rule("misspelling").finding(10..16, "typo"),
            rule("name-variant").finding(10..16, "variant"),
            rule("misspelling").finding(30..35, "typo"),
        ];
        drop_spelling_of_name_variants(&mut findings);
        let kept: Vec<_> = findings.iter().map(|f| (f.rule.id, f.span.start)).collect();
        assert_eq!(kept, [("name-variant", 10), ("misspelling", 30)]);
    }

    #[test]
    fn checks_are_listed_alphabetically() {
        let ids: Vec<_> = rules().iter().map(|r| r.id).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
    }
}
