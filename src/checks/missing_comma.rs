use super::{Check, gated_blocks, rule};
use crate::document::Document;
use crate::finding::{Finding, RuleInfo};
use crate::lang::Language;

rule! {
    /// Finds a subordinate clause joined without its comma after a predicate such as
    /// "unklar", "fraglich" or "nicht bekannt" ("Unklar ob …" → "Unklar, ob …"). The
    /// predicates and conjunctions are listed in `dictionaries/<lang>/grammar.toml`.
    ///
    /// Why it matters: German sets off every subordinate clause with a comma; English has no
    /// comma there ("unclear whether"), so machine translation drops it, in headlines
    /// especially.
    ///
    /// Example: `Unklar ob Russland und Nordkorea lediglich eine Zweckbeziehung eingehen`
    /// should read `Unklar, ob Russland …`.
    pub struct MissingComma {
        id: "missing-comma",
        category: Punctuation,
        mqm: "Fluency/Punctuation",
        severity: Minor,
        summary: "a subordinate clause without its comma",
    }
}

impl Check for MissingComma {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn runs_for(&self, lang: &Language) -> bool {
        lang.missing_comma.is_some()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(lang) = doc.lang else { return };
        let (Some(pattern), Some(gate)) = (&lang.missing_comma, &lang.missing_comma_gate) else {
            return;
        };
        // The exact search is slow on text with umlauts; most blocks fail the fast gate.
        for block in gated_blocks(doc, gate) {
            let body = doc.slice(&block.body);
            for caps in pattern.captures_iter(body) {
                let (Some(whole), Some(conjunction)) = (caps.get(0), caps.get(1)) else {
                    continue;
                };
                let predicate = body[whole.start()..conjunction.start()].trim_end();
                let span = block.body.start + whole.start()..block.body.start + whole.end();
                out.push(
                    Self::rule()
                        .finding(
                            span,
                            format!("comma missing before «{}»", conjunction.as_str()),
                        )
                        .with_suggestion(format!("{predicate}, {}", conjunction.as_str()))
                        .with_evidence(format!(
                            "«{}» opens a subordinate clause, which German sets off with a comma",
                            conjunction.as_str()
                        )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::{flagged, suggestion};

    #[test]
    fn flags_headline_without_comma() {
        let text = "Unklar ob Russland und Nordkorea eine Zweckbeziehung eingehen";
        assert_eq!(flagged(&MissingComma, text), vec!["Unklar ob"]);
        assert_eq!(suggestion(&MissingComma, text), "Unklar, ob");
    }

    #[test]
    fn quiet_with_comma() {
        assert!(flagged(&MissingComma, "Es ist unklar, ob er kommt.").is_empty());
    }
}
