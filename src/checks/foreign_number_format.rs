use super::{Check, rule};
use crate::document::{Document, Token, TokenKind};
use crate::finding::{Finding, RuleInfo};
use crate::langid::language_name;
use crate::locale::{Locale, SymbolPosition};

rule! {
    /// Finds numbers written with another language's separators: English "4.8 Millionen" or
    /// "10,000 Menschen" in German text, German "4,8 million" or "10.000 people" in English
    /// text. The conventions come from `[numbers]` in `dictionaries/<lang>/locale.toml`.
    ///
    /// Why it matters: machine translation copies numbers digit by digit, separators
    /// included, and in German "10,000" reads as ten, not ten thousand. A wrong separator
    /// changes the number the reader sees. Clock times ("9.30 Uhr"), dates ("am 4.7."),
    /// version numbers ("Industrie 4.0") and decimals below one ("0,397") are not reported.
    ///
    /// Example: `Der Konzern machte 4.8 Milliarden Euro Umsatz` should read `4,8 Milliarden`.
    pub struct ForeignNumberFormat {
        id: "foreign-number-format",
        category: NumberFormat,
        mqm: "Locale convention/Number format",
        severity: Minor,
        summary: "a number written with another language's decimal or thousands separators",
    }
}

/// What is foreign about a number.
#[derive(Debug, PartialEq, Eq)]
enum Foreign {
    /// "10,000" in German: the decimal separator between groups of thousands.
    Grouping,
    /// "4.8" in German: the other language's decimal separator.
    Decimal,
}

impl Check for ForeignNumberFormat {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(lang) = doc.lang else { return };
        let locale = &lang.locale;
        for (i, token) in doc.tokens.iter().enumerate() {
            if token.kind != TokenKind::Number || after_currency_symbol(doc, token, locale) {
                continue;
            }
            let number = doc.slice(&token.span);
            let Some(kind) = classify(number, locale) else {
                continue;
            };
            if kind == Foreign::Decimal && is_time_date_or_version(doc, i, locale) {
                continue;
            }
            out.push(finding(doc, token, &kind, locale));
        }
    }
}

/// "$4.8" in German: the currency check reports the amount as a whole.
fn after_currency_symbol(doc: &Document, token: &Token, locale: &Locale) -> bool {
    let before = doc.text[..token.span.start].chars().next_back();
    locale.currency.position == SymbolPosition::After
        && before.is_some_and(|c| locale.currency.names.contains_key(&c.to_string()))
}

/// Whether a number token breaks the locale's conventions, and how.
fn classify(number: &str, locale: &Locale) -> Option<Foreign> {
    let own = locale.numbers.decimal;
    let foreign = locale.foreign_decimal();
    let owns = number.matches(own).count();
    let foreigns = number.matches(foreign).count();
    match (owns, foreigns) {
        (0, 0) => None,
        // "4,800.50" in German: grouped with commas, the point last.
        (_, 1) if owns >= 1 => {
            let (int, _) = number.rsplit_once(foreign)?;
            is_grouped(int, own).then_some(Foreign::Grouping)
        }
        (_, 0) => {
            // "10,000" in German; "0,125" is a decimal, and a lone group of three could be
            // one, but three decimals are rare in news while thousands are everywhere.
            let grouped = is_grouped(number, own) && !number.starts_with("0");
            grouped.then_some(Foreign::Grouping)
        }
        (0, 1) => {
            let grouped = locale.numbers.group.contains(&foreign) && is_grouped(number, foreign);
            (!grouped).then_some(Foreign::Decimal)
        }
        // Several foreign separators without a grouping: dates, addresses, codes.
        _ => None,
    }
}

/// "10.000", "1,234,567": one to three digits, then groups of three, not starting with 0.
fn is_grouped(number: &str, separator: char) -> bool {
    let mut groups = number.split(separator);
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && !rest.is_empty()
        && rest.iter().all(|g| g.len() == 3)
}

/// "um 9.30 Uhr", "am 4.7.", "Industrie 4.0": a foreign-looking decimal that is not one.
fn is_time_date_or_version(doc: &Document, index: usize, locale: &Locale) -> bool {
    let number = doc.slice(&doc.tokens[index].span);
    let Some((int, frac)) = number.split_once(locale.foreign_decimal()) else {
        return false;
    };
    let (int_value, frac_value): (u32, u32) =
        (int.parse().unwrap_or(99), frac.parse().unwrap_or(99));
    let prev = word_at(doc, index.checked_sub(1));
    let prev_lower = prev.to_lowercase();
    let next = word_at(doc, Some(index + 1));
    let n = &locale.numbers;
    let clock = frac.len() == 2 && int_value <= 24 && frac_value <= 59;
    if clock
        && (n.time_words.iter().any(|w| w == next) || n.time_prepositions.contains(&prev_lower))
    {
        return true;
    }
    let day_month = int_value <= 31 && (1..=12).contains(&frac_value) && frac.len() <= 2;
    if day_month && next == "." && n.date_prepositions.contains(&prev_lower) {
        return true;
    }
    let version = n.version_words.iter().any(|w| w == prev)
        || (frac == "0" && prev.chars().next().is_some_and(char::is_uppercase));
    version && !locale.is_magnitude(next)
}

/// The text of the token at `index` (empty when there is none).
fn word_at<'d>(doc: &Document<'d>, index: Option<usize>) -> &'d str {
    index
        .and_then(|i| doc.tokens.get(i))
        .map_or("", |t| doc.slice(&t.span))
}

fn finding(doc: &Document, token: &Token, kind: &Foreign, locale: &Locale) -> Finding {
    let number = doc.slice(&token.span);
    let language = language_name(&doc.language);
    let local = locale.localise_digits(number, *kind == Foreign::Grouping);
    let (decimal, group) = (locale.numbers.decimal, locale.numbers.group_out);
    let message = match kind {
        Foreign::Grouping => format!(
            "«{number}» groups thousands with «{decimal}», which is the decimal separator in \
             {language}"
        ),
        Foreign::Decimal => format!(
            "«{number}» has the decimal separator «{}»; {language} writes «{decimal}»",
            locale.foreign_decimal()
        ),
    };
    ForeignNumberFormat::rule()
        .finding(token.span.clone(), message)
        .with_suggestion(local)
        .with_evidence(format!(
            "{language} number format: decimal «{decimal}» ({}), thousands «{}» ({})",
            locale.format_number(4.8, 1),
            group
                .to_string()
                .replace(['\u{202f}', '\u{a0}'], "no-break space"),
            locale.format_number(10000.0, 0)
        ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::{flagged, flagged_in, suggestion};

    #[test]
    fn english_separators_in_german_text() {
        let text = "Es kamen 10,000 Menschen, der Umsatz lag bei 4.8 Millionen Euro.";
        assert_eq!(flagged(&ForeignNumberFormat, text), vec!["10,000", "4.8"]);
        assert_eq!(
            suggestion(&ForeignNumberFormat, "Es kamen 10,000 Menschen."),
            "10.000"
        );
        assert_eq!(
            suggestion(&ForeignNumberFormat, "Er zahlte 4.8 Millionen."),
            "4,8"
        );
        assert_eq!(
            suggestion(&ForeignNumberFormat, "Es waren 1,234,567.5 Tonnen."),
            "1.234.567,5"
        );
    }

    #[test]
    fn german_numbers_times_dates_and_versions_are_fine() {
        for text in [
            "Es kamen 10.000 Menschen, der Umsatz lag bei 4,8 Millionen Euro.",
            "1967 lag er bei 0,397, im Jahr 2018 bei 0,485.",
            "Die Maschine landete um 18.19 Uhr in Baltimore.",
            "Der Mann kam gegen 9.30 an seinem Arbeitsplatz an.",
            "Am 4.7. trafen sie sich wieder.",
            "Das Camp hieß „Campaign Boot Camp 2.0“ und war voll.",
            "Die Industrie 4.0 verändert die Arbeit.",
            "Das Gesetz vom 04.07.2017 gilt weiter.",
        ] {
            assert!(flagged(&ForeignNumberFormat, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn german_separators_in_english_text() {
        let text = "About 10.000 people came, and sales fell to 4,8 million.";
        assert_eq!(
            flagged_in(&ForeignNumberFormat, text, "en"),
            vec!["10.000", "4,8"]
        );
        assert!(
            flagged_in(
                &ForeignNumberFormat,
                "About 10,000 people, 4.8 million.",
                "en"
            )
            .is_empty()
        );
    }

    #[test]
    fn french_accepts_spaces_and_agency_full_stops() {
        assert!(
            flagged_in(
                &ForeignNumberFormat,
                "Il y avait 10.000 personnes, 4,8 millions.",
                "fr"
            )
            .is_empty()
        );
        assert_eq!(
            flagged_in(&ForeignNumberFormat, "Il y avait 4.8 millions.", "fr"),
            vec!["4.8"]
        );
    }
}
