use regex::{Captures, Regex};

use super::{Check, rule};
use crate::document::Document;
use crate::finding::{Finding, RuleInfo};
use crate::lang::{DataRegex, Language};
use crate::langid::language_name;
use crate::locale::{Locale, PerLanguage, SymbolPosition};

rule! {
    /// Finds amounts of money written the way another language writes them: the symbol
    /// before the amount in German, French or Spanish ("$5", "€4.8 million", "$5bn"), after
    /// it in English ("5 €"), or glued to the amount where the language puts a space
    /// ("5€"). The suggestion gives the local form with the number converted ("4,8 Millionen
    /// Dollar"). Conventions come from `[currency]` in `dictionaries/<lang>/locale.toml`.
    ///
    /// Why it matters: machine translation keeps the source's "$4.8 million", which German
    /// readers parse as an English phrase, decimal point included.
    ///
    /// Example: `Der Konzern zahlte $4.8 million` should read `4,8 Millionen Dollar`.
    pub struct CurrencyFormat {
        id: "currency-format",
        category: NumberFormat,
        mqm: "Locale convention/Currency format",
        severity: Minor,
        summary: "an amount of money in another language's currency format",
    }
}

/// The amount patterns are compiled when a text first has a currency symbol (see
/// [`DataRegex`]): one article without one should not wait for them.
struct Patterns {
    /// "$4.8 million", "€5", "US$5bn".
    symbol_first: DataRegex,
    /// "5€", "5 €", "5 $".
    symbol_after: DataRegex,
    /// The currency symbols alone: most blocks have none, and then no amount needs reading.
    symbols: Regex,
}

static PATTERNS: PerLanguage<Patterns> = PerLanguage::new();

impl Check for CurrencyFormat {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(lang) = doc.lang else { return };
        let Some(p) = PATTERNS.get(lang, patterns) else {
            return;
        };
        let currency = &lang.locale.currency;
        for block in &doc.blocks {
            let body = doc.slice(&block.body);
            let base = block.body.start;
            if !p.symbols.is_match(body) {
                continue;
            }
            match currency.position {
                SymbolPosition::After => {
                    for caps in p.symbol_first.captures_iter(body) {
                        out.extend(symbol_first(lang, &caps, base));
                    }
                    if currency.space {
                        for caps in p.symbol_after.captures_iter(body) {
                            if caps["space"].is_empty() {
                                out.extend(glued(lang, &caps, base));
                            }
                        }
                    }
                }
                SymbolPosition::Before => {
                    for caps in p.symbol_after.captures_iter(body) {
                        out.extend(symbol_last(lang, &caps, base));
                    }
                }
            }
        }
    }
}

fn patterns(lang: &'static Language) -> Option<Patterns> {
    let currency = &lang.locale.currency;
    let mut symbols: Vec<String> = currency.names.keys().map(|s| regex::escape(s)).collect();
    symbols.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let symbols = symbols.join("|");
    let mut magnitudes: Vec<String> = currency
        .abbreviations
        .keys()
        .map(|s| regex::escape(s))
        .collect();
    magnitudes.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let magnitudes = if magnitudes.is_empty() {
        "[^\\s\\S]".to_string()
    } else {
        magnitudes.join("|")
    };
    Some(Patterns {
        symbol_first: DataRegex::new(&format!(
            r"(?P<sym>{symbols})\s?(?P<num>\d(?:[\d.,]*\d)?)(?:\s?(?P<mag>{magnitudes})(?-u:\b))?"
        )),
        symbol_after: DataRegex::new(&format!(
            r"(?-u:\b)(?P<num>\d(?:[\d.,]*\d)?)(?P<space>[ \u{{a0}}\u{{202f}}]?)(?P<sym>{symbols})"
        )),
        symbols: Regex::new(&symbols).ok()?,
    })
}

/// The amount in this locale's digits.
fn local_number(locale: &Locale, text: &str) -> Option<String> {
    let value = locale.read_amount(text)?;
    Some(locale.format_number(value, locale.decimals_of(text, value)))
}

/// "$4.8 million" in German → "4,8 Millionen Dollar".
fn symbol_first(lang: &Language, caps: &Captures, base: usize) -> Option<Finding> {
    let whole = caps.get(0)?;
    let currency = &lang.locale.currency;
    let symbol = &caps["sym"];
    let number = local_number(&lang.locale, &caps["num"])?;
    let magnitude = caps
        .name("mag")
        .and_then(|m| currency.abbreviations.get(m.as_str()))
        .map(|m| format!(" {m}"))
        .unwrap_or_default();
    let linked = (!magnitude.is_empty())
        .then(|| currency.names_after_magnitude.get(symbol))
        .flatten();
    let name = linked.or_else(|| currency.names.get(symbol))?;
    let space = if currency.space { " " } else { "" };
    let in_words = format!("{number}{magnitude} {name}");
    let evidence = format!(
        "{} puts the currency after the amount, or names it: «{in_words}»",
        language_name(lang.code)
    );
    let with_symbol = format!("{number}{magnitude}{space}{symbol}");
    Some(
        CurrencyFormat::rule()
            .finding(
                base + whole.start()..base + whole.end(),
                format!("currency symbol before the amount: «{}»", whole.as_str()),
            )
            .with_suggestion(in_words)
            .with_suggestion(with_symbol)
            .with_evidence(evidence),
    )
}

/// "5€" in German → "5 €".
fn glued(lang: &Language, caps: &Captures, base: usize) -> Option<Finding> {
    let whole = caps.get(0)?;
    let local = format!("{} {}", &caps["num"], &caps["sym"]);
    Some(
        CurrencyFormat::rule()
            .finding(
                base + whole.start()..base + whole.end(),
                format!("no space before «{}»", &caps["sym"]),
            )
            .with_suggestion(local.clone())
            .with_evidence(format!(
                "{} separates amount and currency symbol: «{local}»",
                language_name(lang.code)
            )),
    )
}

/// "5 €" in English → "€5".
fn symbol_last(lang: &Language, caps: &Captures, base: usize) -> Option<Finding> {
    let whole = caps.get(0)?;
    let number = local_number(&lang.locale, &caps["num"])?;
    let local = format!("{}{number}", &caps["sym"]);
    Some(
        CurrencyFormat::rule()
            .finding(
                base + whole.start()..base + whole.end(),
                format!("currency symbol after the amount: «{}»", whole.as_str()),
            )
            .with_suggestion(local.clone())
            .with_evidence(format!(
                "{} puts the currency symbol before the amount: «{local}»",
                language_name(lang.code)
            )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::{
        assert_patterns_compile, findings, findings_in, flagged, flagged_in, suggestion,
    };

    #[test]
    fn every_languages_patterns_compile() {
        assert_patterns_compile(patterns, |p| vec![&p.symbol_first, &p.symbol_after]);
    }

    #[test]
    fn symbol_first_in_german() {
        assert_eq!(
            suggestion(&CurrencyFormat, "Er zahlte $5 für das Ticket."),
            "5 Dollar"
        );
        assert_eq!(
            suggestion(&CurrencyFormat, "Der Deal ist $4.8 million wert."),
            "4,8 Millionen Dollar"
        );
        let found = findings(&CurrencyFormat, "Die Strafe beträgt $2,700.");
        assert_eq!(found[0].suggestions, vec!["2.700 Dollar", "2.700 $"]);
        assert_eq!(suggestion(&CurrencyFormat, "Es kostet 5€."), "5 €");
    }

    #[test]
    fn german_amounts_are_fine() {
        for text in [
            "Es kostet 0,99 € oder 2.000 $.",
            "Er zahlte 500.000 £ für das Haus.",
        ] {
            assert!(flagged(&CurrencyFormat, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn symbol_last_in_english_and_french() {
        assert_eq!(
            flagged_in(&CurrencyFormat, "It costs 5 € or 4,80 €.", "en"),
            vec!["5 €", "4,80 €"]
        );
        assert!(flagged_in(&CurrencyFormat, "It costs €5 or $4.8 million.", "en").is_empty());
        let found = findings_in(&CurrencyFormat, "Il a payé $5 millions.", "fr");
        assert_eq!(found[0].suggestions[0], "5 millions de dollars");
    }
}
