use regex::Captures;

use super::{Check, rule};
use crate::document::{Document, Token};
use crate::finding::{Finding, RuleInfo};
use crate::keywords::WordIndex;
use crate::lang::{self, DataRegex, Language};
use crate::langid::language_name;
use crate::locale::PerLanguage;

rule! {
    /// Finds dates written the way another language writes them: a foreign month name next
    /// to a day or a year ("June 20" or "20 June 2019" in German text, "20. Juni" in English
    /// text), the English month-day order with a shared month name ("September 14, 2019" in
    /// German), the German ordinal full stop in English ("14. September"), and numeric dates
    /// in another order or with other separators ("6/20/2019" in German). The local form
    /// comes from `[dates]` in `dictionaries/<lang>/locale.toml`.
    ///
    /// Why it matters: machine translation leaves dates in the source's form; "6/7/2019" is
    /// 6 July to a German reader and 7 June to an American one.
    ///
    /// Example: `Die Wahl findet am June 20, 2019 statt` should read `am 20. Juni 2019`.
    pub struct ForeignDateFormat {
        id: "foreign-date-format",
        category: NumberFormat,
        mqm: "Locale convention/Date format",
        severity: Minor,
        summary: "a date written in another language's format",
    }
}

/// The patterns of one target language. Each is compiled when a text first needs it (see
/// [`DataRegex`]): one article on its own should not wait for patterns it has no use for.
struct Patterns {
    /// "June 20", "June 20th, 2019", "September 14, 2019".
    month_day: DataRegex,
    /// "20 June 2019", "20. Juni" (German ordinal in English text).
    day_month: DataRegex,
    /// "June 2019".
    month_year: DataRegex,
    /// "6/20/2019" or "20.06.2019".
    numeric: DataRegex,
    /// Month names of the other languages that differ from the target's, with their number.
    foreign: Vec<(String, usize, &'static str)>,
    /// Every month name the patterns know (the foreign ones and the target's), by first and
    /// last byte.
    months: WordIndex,
}

static PATTERNS: PerLanguage<Patterns> = PerLanguage::new();

impl Check for ForeignDateFormat {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(lang) = doc.lang else { return };
        let Some(p) = PATTERNS.get(lang, patterns) else {
            return;
        };
        let day_first = lang.locale.dates.format.starts_with("{day}");
        for block in &doc.blocks {
            let body = doc.slice(&block.body);
            let base = block.body.start;
            // Every pattern needs a day, a year or a numeric date in ASCII digits; the tokens
            // know which hold a digit, and the text need not be read again to find one.
            let tokens = doc.tokens_in(&block.body);
            if !tokens.iter().any(|t| t.digits) {
                continue;
            }
            if !p.month_next_to_number(doc, tokens) {
                for caps in super::captures_in(&p.numeric, body) {
                    out.extend(numeric_finding(lang, &caps, base));
                }
                continue;
            }
            for caps in super::captures_in(&p.month_day, body) {
                let foreign = p.foreign_month(&caps["month"]);
                let english_order =
                    day_first && (caps.name("suffix").is_some() || caps.name("year").is_some());
                if foreign.is_some() || english_order {
                    out.extend(date_finding(doc, lang, p, &caps, base));
                }
            }
            for caps in super::captures_in(&p.day_month, body) {
                let ordinal_dot = !day_first && caps.name("dot").is_some();
                if p.foreign_month(&caps["month"]).is_some() || ordinal_dot {
                    out.extend(date_finding(doc, lang, p, &caps, base));
                }
            }
            for caps in super::captures_in(&p.month_year, body) {
                out.extend(date_finding(doc, lang, p, &caps, base));
            }
            for caps in super::captures_in(&p.numeric, body) {
                out.extend(numeric_finding(lang, &caps, base));
            }
        }
        out.sort_by_key(|f| f.span.start);
        out.dedup_by(|a, b| {
            a.rule.id == b.rule.id && a.span.start < b.span.end && b.span.start < a.span.end
        });
    }
}

impl Patterns {
    /// Whether the patterns with a month name may match in the block body of `tokens`: told
    /// from the tokens, since the month names are common words ("Mai", "mars") and most
    /// blocks that name a month give no day or year beside it. Every such pattern puts white
    /// space between the month name and a number: a name ending a token before a token that
    /// starts with a digit ("June 20", "Juni 2019"), or a name starting a token after a token
    /// with a digit, maybe with a full stop between ("20 June", "20. Juni").
    fn month_next_to_number(&self, doc: &Document, tokens: &[Token]) -> bool {
        let names_month = |at: usize| self.months.starts(&doc.text[at..]);
        tokens.windows(2).enumerate().any(|(k, pair)| {
            let (before, after) = (&pair[0], &pair[1]);
            if before.span.end == after.span.start {
                return false;
            }
            let ordinal_stop = || {
                k > 0
                    && doc.slice(&before.span) == "."
                    && tokens[k - 1].digits
                    && tokens[k - 1].span.end == before.span.start
            };
            let day_before = (before.digits || ordinal_stop()) && names_month(after.span.start);
            let number_after = doc.text.as_bytes()[after.span.start].is_ascii_digit()
                && self.months.ends(doc.slice(&before.span));
            day_before || number_after
        })
    }

    /// The number and language of a foreign month name.
    fn foreign_month(&self, name: &str) -> Option<(usize, &'static str)> {
        self.foreign
            .iter()
            .find(|(m, _, _)| m == name)
            .map(|&(_, n, l)| (n, l))
    }
}

fn patterns(target: &'static Language) -> Option<Patterns> {
    let mut foreign = Vec::new();
    for other in lang::SUPPORTED.iter().filter_map(|&c| lang::language(c)) {
        if other.code == target.code {
            continue;
        }
        for (i, month) in other.locale.dates.months.iter().enumerate() {
            if target.locale.month_number(month).is_none()
                && !foreign.iter().any(|(m, _, _)| m == month)
            {
                foreign.push((month.clone(), i + 1, other.code));
            }
        }
    }
    // Only this language's month names with a shared spelling (September) join the
    // month-first pattern; foreign names always do.
    let alternation = |names: Vec<&str>| {
        let mut names: Vec<String> = names.iter().map(|n| regex::escape(n)).collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        names.join("|")
    };
    let all: Vec<&str> = foreign
        .iter()
        .map(|(m, _, _)| m.as_str())
        .chain(target.locale.dates.months.iter().map(String::as_str))
        .collect();
    let months = WordIndex::of(all.iter().copied());
    let foreign_only = alternation(foreign.iter().map(|(m, _, _)| m.as_str()).collect());
    let any = alternation(all);
    let day = r"(?P<day>3[01]|[12]\d|0?[1-9])";
    let year = r"(?P<year>(?:1[89]|20)\d\d)";
    let local_numeric = &target.locale.dates.numeric;
    let numeric = if local_numeric.starts_with("{dd}/") {
        // "20/06/2019" is local; only the American order with a day above 12 is foreign.
        r"(?-u:\b)(?P<m>0?[1-9]|1[0-2])/(?P<d>1[3-9]|2\d|3[01])/(?P<y>(?:1[89]|20)?\d\d)(?-u:\b)"
    } else if local_numeric.contains('.') {
        r"(?-u:\b)(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>(?:1[89]|20)?\d\d)(?-u:\b)"
    } else {
        r"(?-u:\b)(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>(?:1[89]|20)\d\d)(?-u:\b)"
    };
    Some(Patterns {
        month_day: DataRegex::new(&format!(
            r"(?-u:\b)(?P<month>{any})\s+{day}(?P<suffix>st|nd|rd|th)?(?-u:\b)(?:,\s*{year}(?-u:\b))?"
        )),
        day_month: DataRegex::new(&format!(
            r"(?-u:\b){day}(?P<dot>\.)?\s+(?P<month>{any})(?-u:\b)(?:,?\s+{year}(?-u:\b))?"
        )),
        month_year: DataRegex::new(&format!(
            r"(?-u:\b)(?P<month>{foreign_only})\s+{year}(?-u:\b)"
        )),
        numeric: DataRegex::new(numeric),
        months,
        foreign,
    })
}

fn date_finding(
    doc: &Document,
    lang: &Language,
    p: &Patterns,
    caps: &Captures,
    base: usize,
) -> Option<Finding> {
    let whole = caps.get(0)?;
    let month_name = &caps["month"];
    let (month, from) = p
        .foreign_month(month_name)
        .or_else(|| lang.locale.month_number(month_name).map(|n| (n, "")))?;
    let local_month = lang.locale.dates.months.get(month - 1)?;
    let day = caps.name("day").map(|d| d.as_str().trim_start_matches('0'));
    let year = caps.name("year").map(|y| y.as_str());
    let dates = &lang.locale.dates;
    let local = match (day, year) {
        (Some(d), Some(y)) => dates.format.replace("{day}", d).replace("{year}", y),
        (Some(d), None) => dates.format_no_year.replace("{day}", d),
        (None, Some(y)) => format!("{local_month} {y}"),
        (None, None) => return None,
    }
    .replace("{month}", local_month);
    let language = language_name(&doc.language);
    let why = if from.is_empty() {
        format!("the day and month are in another language's order; {language} writes «{local}»")
    } else {
        format!(
            "«{month_name}» is the {} month name; {language} writes «{local}»",
            language_name(from)
        )
    };
    Some(
        ForeignDateFormat::rule()
            .finding(
                base + whole.start()..base + whole.end(),
                format!("date in a foreign format: «{}»", whole.as_str()),
            )
            .with_suggestion(local)
            .with_evidence(why),
    )
}

fn numeric_finding(lang: &Language, caps: &Captures, base: usize) -> Option<Finding> {
    let whole = caps.get(0)?;
    let pad = |s: &str| format!("{:0>2}", s);
    let year = &caps["y"];
    let year = if year.len() == 2 {
        format!("20{year}")
    } else {
        year.to_string()
    };
    let local = lang
        .locale
        .dates
        .numeric
        .replace("{dd}", &pad(&caps["d"]))
        .replace("{mm}", &pad(&caps["m"]))
        .replace("{yyyy}", &year);
    Some(
        ForeignDateFormat::rule()
            .finding(
                base + whole.start()..base + whole.end(),
                format!("numeric date in a foreign format: «{}»", whole.as_str()),
            )
            .with_suggestion(local.clone())
            .with_evidence(format!(
                "read as month {}, day {}; {} writes numeric dates as «{local}»",
                &caps["m"],
                &caps["d"],
                language_name(lang.code)
            )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::{assert_patterns_compile, flagged, flagged_in, suggestion};

    #[test]
    fn every_languages_patterns_compile() {
        assert_patterns_compile(patterns, |p| {
            vec![&p.month_day, &p.day_month, &p.month_year, &p.numeric]
        });
    }

    #[test]
    fn english_dates_in_german_text() {
        assert_eq!(
            suggestion(&ForeignDateFormat, "Er kam am June 20 an."),
            "20. Juni"
        );
        assert_eq!(
            suggestion(&ForeignDateFormat, "Die Wahl ist am September 14, 2019."),
            "14. September 2019"
        );
        assert_eq!(
            suggestion(&ForeignDateFormat, "Es war im June 2019."),
            "Juni 2019"
        );
        assert_eq!(
            suggestion(&ForeignDateFormat, "Er kam am 6/20/2019."),
            "20.06.2019"
        );
    }

    #[test]
    fn month_names_inside_words_and_after_odd_spaces_are_found() {
        assert_eq!(
            flagged(&ForeignDateFormat, "Er kam am Pre-June 20 an."),
            vec!["June 20"]
        );
        assert_eq!(
            flagged(&ForeignDateFormat, "Er kam am 20\u{a0}June an."),
            vec!["20\u{a0}June"]
        );
    }

    #[test]
    fn german_dates_and_names_are_fine() {
        for text in [
            "Am 20. Juni 2019 und im September 1998 kam er.",
            "Das Gesetz vom 04.07.2017 gilt.",
            "Theresa May sprach lange mit ihm.",
            "Im September 14 Tage Urlaub.",
        ] {
            assert!(flagged(&ForeignDateFormat, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn german_dates_in_english_text() {
        assert_eq!(
            flagged_in(&ForeignDateFormat, "He came on 20. Juni.", "en"),
            vec!["20. Juni"]
        );
        assert_eq!(
            flagged_in(&ForeignDateFormat, "On 14. September he left.", "en"),
            vec!["14. September"]
        );
        assert_eq!(
            flagged_in(&ForeignDateFormat, "It was 20.06.2019.", "en"),
            vec!["20.06.2019"]
        );
        assert!(
            flagged_in(
                &ForeignDateFormat,
                "On June 20, 2019, and on 14 September.",
                "en"
            )
            .is_empty()
        );
        assert!(flagged_in(&ForeignDateFormat, "The Mars 2020 rover landed.", "en").is_empty());
    }

    #[test]
    fn french_and_spanish_local_forms() {
        assert_eq!(
            flagged_in(&ForeignDateFormat, "Il est arrivé le June 20, 2019.", "fr"),
            vec!["June 20, 2019"]
        );
        assert!(
            flagged_in(
                &ForeignDateFormat,
                "Il est arrivé le 20 juin 2019, le 20/06/2019.",
                "fr"
            )
            .is_empty()
        );
        assert!(flagged_in(&ForeignDateFormat, "Llegó el 20 de junio de 2019.", "es").is_empty());
        assert_eq!(
            flagged_in(&ForeignDateFormat, "Llegó el 6/20/2019.", "es"),
            vec!["6/20/2019"]
        );
    }
}
