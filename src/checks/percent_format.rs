use std::sync::OnceLock;

use regex::Regex;

use super::{Check, rule};
use crate::document::Document;
use crate::finding::{Finding, RuleInfo};
use crate::lang::Language;
use crate::langid::language_name;
use crate::locale::PercentSpace;

rule! {
    /// Finds percent signs spaced the way another language spaces them: "5%" in French,
    /// which writes "5 %" with a no-break space, and "5 %" in English, which writes "5%".
    /// Languages where both are in use (German, Spanish) are not checked. The convention
    /// comes from `[percent]` in `dictionaries/<lang>/locale.toml`.
    ///
    /// Why it matters: machine translation keeps the source's typography, and a page mixes
    /// "5%" and "5 %" where the house style allows one.
    ///
    /// Example: `Le chômage a baissé de 5%` should read `5 %`.
    pub struct PercentFormat {
        id: "percent-format",
        category: NumberFormat,
        mqm: "Locale convention/Number format",
        severity: Minor,
        summary: "a percent sign spaced the way another language spaces it",
    }
}

fn pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| Regex::new(r"\d(?P<space>[ \u{a0}\u{202f}]?)%").expect("valid pattern"))
}

impl Check for PercentFormat {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn runs_for(&self, lang: &Language) -> bool {
        lang.locale.percent.space != PercentSpace::Either
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(lang) = doc.lang else { return };
        let percent = &lang.locale.percent;
        if percent.space == PercentSpace::Either {
            return;
        }
        let want_space = percent.space == PercentSpace::Required;
        let language = language_name(lang.code);
        for block in &doc.blocks {
            let body = doc.slice(&block.body);
            for caps in pattern().captures_iter(body) {
                let (Some(whole), Some(space)) = (caps.get(0), caps.name("space")) else {
                    continue;
                };
                if space.as_str().is_empty() != want_space {
                    continue;
                }
                // The span starts at the last digit: the number itself is not wrong.
                let span = block.body.start + whole.start()..block.body.start + whole.end();
                let digit = &body[whole.start()..whole.start() + 1];
                let local = format!("{digit}{}%", percent.space_out);
                let (message, rule) = if want_space {
                    (
                        "no space before %",
                        format!("{language} writes a (no-break) space before %"),
                    )
                } else {
                    (
                        "space before %",
                        format!("{language} writes % right after the number"),
                    )
                };
                out.push(
                    Self::rule()
                        .finding(span, message)
                        .with_suggestion(local)
                        .with_evidence(rule),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::{flagged, flagged_in};

    #[test]
    fn french_wants_a_space_and_english_none() {
        assert_eq!(
            flagged_in(&PercentFormat, "Il a baissé de 5%.", "fr"),
            vec!["5%"]
        );
        assert!(flagged_in(&PercentFormat, "Il a baissé de 5\u{202f}%.", "fr").is_empty());
        assert_eq!(
            flagged_in(&PercentFormat, "It fell by 5 %.", "en"),
            vec!["5 %"]
        );
        assert!(flagged_in(&PercentFormat, "It fell by 5%.", "en").is_empty());
    }

    #[test]
    fn german_allows_both() {
        assert!(flagged(&PercentFormat, "Es fiel um 5% und dann um 4 %.").is_empty());
    }
}
