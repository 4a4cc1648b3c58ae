use super::{Check, rule};
use crate::document::Document;
use crate::finding::{Finding, RuleInfo, times};

rule! {
    /// Finds a hyphen between spaces (` - `) used as a dash in a text that elsewhere writes
    /// the proper dash (`–` in German).
    ///
    /// Why it matters: the hyphen joins words; a dash separates clauses. Machine translation
    /// and copy-paste from plain-text sources leave hyphens where the publication's own
    /// typography, visible in the same article, uses dashes.
    ///
    /// Example: `… hinter Putins Krieg gegen die Ukraine - die stärkste Unterstützung …`
    /// should read `Ukraine – die`.
    pub struct HyphenAsDash {
        id: "hyphen-as-dash",
        category: Punctuation,
        mqm: "Fluency/Punctuation",
        severity: Minor,
        summary: "a spaced hyphen where the text otherwise uses a dash",
    }
}

impl Check for HyphenAsDash {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(lang) = doc.lang else { return };
        let dashes: usize = doc
            .blocks
            .iter()
            .map(|b| doc.slice(&b.span).matches(lang.dash).count())
            .sum();
        if dashes == 0 {
            return;
        }
        for block in &doc.blocks {
            let body = doc.slice(&block.body);
            for (i, _) in body.match_indices(" - ") {
                let (before, after) = (&body[..i], &body[i + 3..]);
                if !is_clause_break(before, after) {
                    continue;
                }
                let start = block.body.start + i - last_word(before).len();
                let end = block.body.start + i + 3 + first_word(after).len();
                let original = doc.slice(&(start..end));
                out.push(
                    Self::rule()
                        .finding(start..end, "hyphen used as a dash")
                        .with_suggestion(original.replacen(" - ", &format!(" {} ", lang.dash), 1))
                        .with_evidence(format!(
                            "the text uses the dash {} {}",
                            lang.dash,
                            times(dashes)
                        )),
                );
            }
        }
    }
}

/// Words on both sides, and not a numeric range like `10 - 20`.
fn is_clause_break(before: &str, after: &str) -> bool {
    let (left, right) = (last_word(before), first_word(after));
    let numeric = |w: &str| w.chars().next().is_some_and(|c| c.is_ascii_digit());
    let range = numeric(left) && numeric(right);
    !(left.is_empty() || right.is_empty() || range)
}

fn last_word(text: &str) -> &str {
    let start = text.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    &text[start..]
}

fn first_word(text: &str) -> &str {
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::{flagged, suggestion};

    #[test]
    fn flags_hyphen_where_the_text_uses_dashes() {
        let text = "Seoul – Er kam. Er unterstützt den Krieg - die stärkste Unterstützung.";
        assert_eq!(flagged(&HyphenAsDash, text), vec!["Krieg - die"]);
        assert_eq!(suggestion(&HyphenAsDash, text), "Krieg – die");
    }

    #[test]
    fn quiet_without_dashes_elsewhere() {
        assert!(flagged(&HyphenAsDash, "Er kam - und ging.").is_empty());
    }

    #[test]
    fn numeric_ranges_are_not_dashes() {
        assert!(flagged(&HyphenAsDash, "Seoul – Es waren 10 - 20 Menschen.").is_empty());
    }
}
