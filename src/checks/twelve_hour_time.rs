use regex::{Captures, Regex};

use super::{Check, rule};
use crate::document::Document;
use crate::finding::{Finding, RuleInfo};
use crate::lang::{DataRegex, Language};
use crate::langid::language_name;
use crate::locale::PerLanguage;

rule! {
    /// Finds clock times with a.m. or p.m. in a language that writes the 24-hour clock
    /// ("6:19 p.m." in German or French text) and gives the local form ("18:19 Uhr",
    /// "18 h 19"). The markers and formats come from `[times]` in
    /// `dictionaries/<lang>/locale.toml`; markers that are words of the language ("am" in
    /// German) are not listed there.
    ///
    /// Why it matters: German and French readers do not use the 12-hour clock; machine
    /// translation keeps the source's "p.m.", and the time reads as English.
    ///
    /// Example: `Die Maschine landete um 6:19 p.m.` should read `um 18:19 Uhr`.
    pub struct TwelveHourTime {
        id: "twelve-hour-time",
        category: NumberFormat,
        mqm: "Locale convention/Time format",
        severity: Minor,
        summary: "a clock time with a.m./p.m. in a language with the 24-hour clock",
    }
}

/// The compiled patterns of one language.
struct Patterns {
    /// A clock time with its marker ("6:19 p.m."), compiled when an article first has a
    /// marker: one article on its own should not wait for a pattern it does not need.
    time: DataRegex,
    /// The markers alone: most articles have none, and then no time needs looking for.
    markers: Regex,
}

static PATTERNS: PerLanguage<Patterns> = PerLanguage::new();

impl Check for TwelveHourTime {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn runs_for(&self, lang: &Language) -> bool {
        let times = &lang.locale.times;
        !(times.twelve_hour || times.am.is_empty() && times.pm.is_empty())
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(lang) = doc.lang else { return };
        let Some(p) = PATTERNS.get(lang, patterns) else {
            return;
        };
        if !p.markers.is_match(doc.text) {
            return;
        }
        for block in &doc.blocks {
            for caps in p.time.captures_iter(doc.slice(&block.body)) {
                if let Some(f) = finding(doc, lang, &caps, block.body.start) {
                    out.push(f);
                }
            }
        }
    }
}

fn patterns(lang: &'static Language) -> Option<Patterns> {
    let times = &lang.locale.times;
    if times.twelve_hour || (times.am.is_empty() && times.pm.is_empty()) {
        return None;
    }
    let alternation = |markers: &[String]| {
        let mut m: Vec<String> = markers.iter().map(|s| regex::escape(s)).collect();
        m.sort_by_key(|s| std::cmp::Reverse(s.len()));
        m.join("|")
    };
    let (am, pm) = (alternation(&times.am), alternation(&times.pm));
    if am.is_empty() && pm.is_empty() {
        return None;
    }
    // A marker ending in a letter must end the word ("PM" but not "PMs").
    Some(Patterns {
        time: DataRegex::new(&format!(
            r"(?-u:\b)(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s?(?:(?P<am>{am})|(?P<pm>{pm}))"
        )),
        markers: Regex::new(&format!("{am}|{pm}")).ok()?,
    })
}

fn finding(doc: &Document, lang: &Language, caps: &Captures, base: usize) -> Option<Finding> {
    let whole = caps.get(0)?;
    let marker = caps.name("am").or(caps.name("pm"))?.as_str();
    // "PM" glued to a word ("PMs") is not a time.
    let after = doc.text[base + whole.end()..].chars().next();
    if marker.ends_with(char::is_alphabetic) && after.is_some_and(char::is_alphanumeric) {
        return None;
    }
    let hour: u32 = caps["h"].parse().ok()?;
    let hour = match (caps.name("pm").is_some(), hour) {
        (true, 12) => 12,
        (true, h) => h + 12,
        (false, 12) => 0,
        (false, h) => h,
    };
    let times = &lang.locale.times;
    let local = match caps.name("m") {
        Some(m) => times
            .format
            .replace("{h}", &hour.to_string())
            .replace("{mm}", m.as_str()),
        None => times.format_hour.replace("{h}", &hour.to_string()),
    };
    Some(
        TwelveHourTime::rule()
            .finding(
                base + whole.start()..base + whole.end(),
                format!("12-hour time «{}»", whole.as_str()),
            )
            .with_suggestion(local.clone())
            .with_evidence(format!(
                "{} uses the 24-hour clock: «{local}»",
                language_name(lang.code)
            )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::{assert_patterns_compile, flagged, flagged_in, suggestion};

    #[test]
    fn every_languages_pattern_compiles() {
        assert_patterns_compile(patterns, |p| vec![&p.time]);
    }

    #[test]
    fn twelve_hour_times_in_german() {
        assert_eq!(
            suggestion(&TwelveHourTime, "Er landete um 6:19 p.m. in Berlin."),
            "18:19 Uhr"
        );
        assert_eq!(suggestion(&TwelveHourTime, "Er kam um 9 a.m. an."), "9 Uhr");
        assert_eq!(
            suggestion(&TwelveHourTime, "Er kam um 12:30 AM an."),
            "0:30 Uhr"
        );
        assert!(flagged(&TwelveHourTime, "Er kam um 6 am Bahnhof an, um 18.19 Uhr.").is_empty());
    }

    #[test]
    fn french_times_and_languages_with_a_twelve_hour_clock() {
        assert_eq!(
            flagged_in(&TwelveHourTime, "Il est arrivé à 6:19 pm.", "fr"),
            vec!["6:19 pm"]
        );
        assert!(flagged_in(&TwelveHourTime, "He landed at 6:19 p.m.", "en").is_empty());
        assert!(flagged_in(&TwelveHourTime, "Llegó a las 6 p. m.", "es").is_empty());
    }
}
