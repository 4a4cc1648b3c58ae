//! Locale conventions of a target language — how it writes numbers, amounts of money,
//! percentages, dates, clock times and measurements — read from the `[numbers]`, `[percent]`,
//! `[currency]`, `[dates]`, `[times]` and `[units]` tables of `dictionaries/<lang>/locale.toml`.
//!
//! The checks in `src/checks/foreign_*.rs` and friends compare what a text writes with these
//! conventions; this module also reads and writes numbers the way a locale does, so that a
//! finding can give the local form ("4.8 Millionen" → "4,8 Millionen").

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Numbers {
    /// The decimal separator: `,` or `.`.
    pub decimal: char,
    /// Characters the language writes between groups of thousands.
    pub group: Vec<char>,
    /// The group separator used in suggestions.
    pub group_out: char,
    /// Numbers from this value up are written with group separators in suggestions.
    pub group_from: u64,
    /// Words after a number that make it an amount ("Millionen", "Prozent").
    pub magnitudes: Vec<String>,
    /// Words after `9.30` that make it a clock time ("Uhr"), not a decimal number.
    pub time_words: Vec<String>,
    /// Words before `9.30` that make it a clock time ("um", "gegen").
    pub time_prepositions: Vec<String>,
    /// Words before `4.7.` that make it a date ("am", "vom").
    pub date_prepositions: Vec<String>,
    /// Words before `2.0` that make it a version number ("Version", "Industrie").
    pub version_words: Vec<String>,
}

/// Whether a space stands between a number and `%`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PercentSpace {
    /// The language writes `5 %`; `5%` is foreign.
    Required,
    /// The language writes `5%`; `5 %` is foreign.
    Forbidden,
    /// Both are in use.
    Either,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Percent {
    pub space: PercentSpace,
    /// The space written in suggestions (a no-break space where typography asks for one).
    pub space_out: String,
}

/// Where a currency symbol stands relative to the amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SymbolPosition {
    Before,
    After,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Currency {
    pub position: SymbolPosition,
    /// Whether a space separates amount and symbol ("0,99 €").
    pub space: bool,
    /// The currency named in words, by symbol ("$" = "Dollar").
    pub names: BTreeMap<String, String>,
    /// English magnitude abbreviations glued to amounts ("$5bn") and the local word.
    #[serde(default)]
    pub abbreviations: BTreeMap<String, String>,
    /// The currency in words after a magnitude, where the language links them ("5 millions
    /// de dollars"); `names` is used where this has no entry.
    #[serde(default)]
    pub names_after_magnitude: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dates {
    /// Month names, January first, as written in running text.
    pub months: Vec<String>,
    /// A full date: `{day}`, `{month}` (a name), `{year}`.
    pub format: String,
    /// A date without a year.
    pub format_no_year: String,
    /// A numeric date: `{dd}`, `{mm}`, `{yyyy}`.
    pub numeric: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Times {
    /// Whether the language writes clock times with a.m./p.m.
    pub twelve_hour: bool,
    /// A 24-hour time with minutes: `{h}`, `{mm}`.
    pub format: String,
    /// A full hour.
    pub format_hour: String,
    /// Markers of the morning and afternoon in foreign 12-hour times, as written after the
    /// number. Markers that are words of this language ("am" in German) are left out.
    pub am: Vec<String>,
    pub pm: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImperialUnit {
    /// The unit as the text may write it after a number ("Meilen", "miles").
    pub words: Vec<String>,
    /// The metric unit to convert to, as written in suggestions.
    pub metric: String,
    /// metric = (value + offset) × factor
    pub factor: f64,
    #[serde(default)]
    pub offset: f64,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Units {
    /// The word before a converted amount ("rund"), empty for none.
    #[serde(default)]
    pub about: String,
    /// Metric unit words: an imperial amount in a sentence that has one has been converted.
    #[serde(default)]
    pub metric: Vec<String>,
    #[serde(default)]
    pub imperial: Vec<ImperialUnit>,
}

/// The locale conventions of one language.
#[derive(Debug)]
pub struct Locale {
    pub numbers: Numbers,
    pub percent: Percent,
    pub currency: Currency,
    pub dates: Dates,
    pub times: Times,
    pub units: Units,
}

impl Locale {
    /// Checks what serde cannot: twelve month names, and separators that can be told apart.
    pub fn validate(&self) -> Result<(), String> {
        if self.dates.months.len() != 12 {
            return Err(format!(
                "[dates] months: expected 12 names, found {}",
                self.dates.months.len()
            ));
        }
        if !matches!(self.numbers.decimal, ',' | '.') {
            return Err("[numbers] decimal must be ',' or '.'".into());
        }
        if self.numbers.group.contains(&self.numbers.decimal) {
            return Err("[numbers] group must not contain the decimal separator".into());
        }
        Ok(())
    }

    /// The separator other locales use for decimals and this one does not: `.` in German.
    pub fn foreign_decimal(&self) -> char {
        if self.numbers.decimal == ',' {
            '.'
        } else {
            ','
        }
    }

    /// The month number (1–12) of a month name of this language, case-insensitively.
    pub fn month_number(&self, name: &str) -> Option<usize> {
        let lower = name.to_lowercase();
        self.dates
            .months
            .iter()
            .position(|m| m.to_lowercase() == lower)
            .map(|i| i + 1)
    }

    /// Whether a word after a number makes it an amount ("Millionen", "%").
    pub fn is_magnitude(&self, word: &str) -> bool {
        self.numbers.magnitudes.iter().any(|m| m == word)
    }

    /// Writes a number the way this locale does, with at most `decimals` decimals
    /// (trailing zeros dropped).
    pub fn format_number(&self, value: f64, decimals: usize) -> String {
        let text = format!("{value:.decimals$}");
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let frac = frac.trim_end_matches('0');
        let int = self.group_digits(int);
        if frac.is_empty() {
            int
        } else {
            format!("{int}{}{frac}", self.numbers.decimal)
        }
    }

    fn group_digits(&self, int: &str) -> String {
        let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
        let value: u64 = digits.parse().unwrap_or(0);
        if value < self.numbers.group_from {
            return int.to_string();
        }
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(self.numbers.group_out);
            }
            out.push(c);
        }
        format!("{sign}{out}")
    }

    /// Rewrites a number written with the other convention's separators in this locale's:
    /// "10,000" → "10.000", "4.8" → "4,8" (German). `grouped` says whether the foreign
    /// separator groups thousands ("10,000") or marks decimals ("4.8").
    pub fn localise_digits(&self, number: &str, grouped: bool) -> String {
        let foreign = self.foreign_decimal();
        if grouped {
            // "4,800.50" in German: groups become full stops, the decimal point a comma.
            let (int, frac) = match number.rsplit_once(foreign) {
                Some((i, f)) => (i, Some(f)),
                None => (number, None),
            };
            let int: String = int.chars().filter(char::is_ascii_digit).collect();
            let int = self.group_digits(&int);
            match frac {
                Some(f) => format!("{int}{}{f}", self.numbers.decimal),
                None => int,
            }
        } else {
            number.replace(foreign, &self.numbers.decimal.to_string())
        }
    }
}

impl Locale {
    /// Reads an amount as written in a text of this locale, or in the other convention when
    /// that is the only plausible reading ("4.8", "10,000" in German).
    pub fn read_amount(&self, text: &str) -> Option<f64> {
        let own = self.numbers.decimal;
        let foreign = self.foreign_decimal();
        let grouped_by_own = text.split(own).skip(1).all(|g| g.len() == 3) && text.contains(own);
        let foreign_reading = (text.contains(foreign) && !self.numbers.group.contains(&foreign))
            || (text.contains(foreign) && text.split(foreign).skip(1).any(|g| g.len() != 3))
            || (grouped_by_own && !text.starts_with('0'));
        if foreign_reading {
            parse_number(text, foreign, &[own])
        } else {
            parse_number(text, own, &self.numbers.group)
        }
    }

    /// How many decimals a number is written with.
    pub fn decimals_of(&self, text: &str, value: f64) -> usize {
        let written = text
            .rsplit(['.', ','])
            .next()
            .filter(|_| value.fract() != 0.0)
            .map_or(0, str::len);
        written.min(3)
    }
}

/// Caches one value per supported language, built on first use (compiled patterns of a
/// check, say).
pub struct PerLanguage<T> {
    cells: [std::sync::OnceLock<Option<T>>; 4],
}

impl<T> PerLanguage<T> {
    #[allow(clippy::new_without_default)]
    pub const fn new() -> PerLanguage<T> {
        PerLanguage {
            cells: [
                std::sync::OnceLock::new(),
                std::sync::OnceLock::new(),
                std::sync::OnceLock::new(),
                std::sync::OnceLock::new(),
            ],
        }
    }

    /// The value for `lang`, built by `init` the first time.
    pub fn get(
        &self,
        lang: &'static crate::lang::Language,
        init: impl FnOnce(&'static crate::lang::Language) -> Option<T>,
    ) -> Option<&T> {
        let index = crate::lang::SUPPORTED
            .iter()
            .position(|&c| c == lang.code)?;
        self.cells.get(index)?.get_or_init(|| init(lang)).as_ref()
    }
}

/// Reads a number written with `decimal` as decimal separator and any of `groups` between
/// thousands ("4.800,5" in German). `None` when it is not such a number.
pub fn parse_number(text: &str, decimal: char, groups: &[char]) -> Option<f64> {
    let mut plain = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_digit() {
            plain.push(c);
        } else if c == decimal {
            plain.push('.');
        } else if !groups.contains(&c) {
            return None;
        }
    }
    plain.parse().ok()
}

#[cfg(test)]
mod tests {
    use crate::lang;

    #[test]
    fn german_numbers_are_formatted_with_comma_and_full_stops() {
        let de = &lang::language("de").expect("German").locale;
        assert_eq!(de.format_number(2671.5, 0), "2.672");
        assert_eq!(de.format_number(4.8, 1), "4,8");
        assert_eq!(de.format_number(12.0, 1), "12");
        assert_eq!(de.localise_digits("10,000", true), "10.000");
        assert_eq!(de.localise_digits("4,800.50", true), "4.800,50");
        assert_eq!(de.localise_digits("4.8", false), "4,8");
    }

    #[test]
    fn english_numbers_are_formatted_with_point_and_commas() {
        let en = &lang::language("en").expect("English").locale;
        assert_eq!(en.format_number(10000.0, 0), "10,000");
        assert_eq!(en.localise_digits("10.000", true), "10,000");
        assert_eq!(en.localise_digits("4,8", false), "4.8");
    }

    #[test]
    fn numbers_parse_by_locale() {
        assert_eq!(super::parse_number("4.800,5", ',', &['.']), Some(4800.5));
        assert_eq!(super::parse_number("1.660", ',', &['.']), Some(1660.0));
        assert_eq!(super::parse_number("1x60", ',', &['.']), None);
    }

    #[test]
    fn months_are_numbered() {
        let fr = &lang::language("fr").expect("French").locale;
        assert_eq!(fr.month_number("Juin"), Some(6));
        assert_eq!(fr.month_number("June"), None);
    }
}
