use super::{Check, rule};
use crate::document::Document;
use crate::finding::{Finding, RuleInfo, Severity, times};
use crate::names::{self, Context, variants::Variant};

rule! {
    /// Finds a name spelled two ways in one article — headline, text, captions and photo
    /// credits alike — when the spellings differ only by hyphens or spaces, case, accents or
    /// transliteration (j/y, w/v, sch/sh, tsch/ch, ks/x, -ow/-ov, -ij/-iy/-i). The minority
    /// spelling is reported with the majority or house spelling as the suggestion. A genitive
    /// is the same name ("Putins"); other people are not ("Kim Jong Il" is not "Kim Jong Un",
    /// and "Xi" is not "Xie").
    ///
    /// Why it matters: readers take two spellings for two people, and an inconsistent name is
    /// the surest sign of unedited machine translation.
    ///
    /// Example: the headline says `Kim Jong-un`, the text says `Kim Jong Un` three times —
    /// write `Kim Jong Un`. Major for a head of state or the article's main subject.
    pub struct NameVariant {
        id: "name-variant",
        category: NameConsistency,
        mqm: "Fluency/Inconsistency",
        severity: Minor,
        summary: "a name spelled two ways in one article",
    }
}

impl Check for NameVariant {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(cx) = Context::new(doc) else { return };
        for v in names::variants::find(&cx) {
            out.push(finding(&cx, v));
        }
    }
}

fn finding(cx: &Context, v: Variant) -> Finding {
    let written = &v.name;
    let severity = if v.major {
        Severity::Major
    } else {
        Severity::Minor
    };
    Finding {
        severity,
        ..NameVariant::rule()
            .finding(
                v.span.clone(),
                format!(
                    "«{written}» is spelled «{}» elsewhere in this article",
                    v.preferred
                ),
            )
            .with_suggestion(v.suggestion.clone())
            .with_evidence(evidence(cx, &v))
    }
}

/// "«Kim Jong Un» appears 3 times in this article (lines 21, 37, 75), «Kim Jong-un» twice
/// (lines 17, 39); German press style (dpa): «Kim Jong Un»".
fn evidence(cx: &Context, v: &Variant) -> String {
    let counts: Vec<String> = v
        .forms
        .iter()
        .enumerate()
        .map(|(i, (form, lines))| {
            let mut distinct = lines.clone();
            distinct.dedup();
            let distinct: Vec<String> = distinct.iter().map(usize::to_string).collect();
            let place = if i == 0 { " in this article" } else { "" };
            format!(
                "«{form}» appears {}{place} (line{} {})",
                times(lines.len()),
                if distinct.len() == 1 { "" } else { "s" },
                distinct.join(", ")
            )
        })
        .collect();
    let mut text = counts.join(", ");
    if let Some(row) = v.house_row.map(|r| cx.house.row(r)) {
        text.push_str(&format!(
            "; German press style ({}): «{}»",
            row.source, row.house
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::{findings, flagged, suggestion};

    const KIM: &str = "Kim Jong-un empfängt Gäste aus Laos\n\
        Am Dienstag begrüßte Kim Jong Un die Delegation. Später lud Kim Jong Un zum Essen.\n";

    #[test]
    fn flags_the_minority_spelling_with_counts() {
        assert_eq!(flagged(&NameVariant, KIM), vec!["Kim Jong-un"]);
        assert_eq!(suggestion(&NameVariant, KIM), "Kim Jong Un");
        let f = &findings(&NameVariant, KIM)[0];
        assert!(
            f.evidence
                .contains("«Kim Jong Un» appears 2 times in this article (line 2)")
        );
        assert!(f.evidence.contains("German press style (dpa)"));
    }

    #[test]
    fn a_head_of_state_is_major() {
        assert_eq!(findings(&NameVariant, KIM)[0].severity, Severity::Major);
    }

    #[test]
    fn consistent_names_are_quiet() {
        let text = "Kim Jong Un kam. Kims Schwester Kim Yo Jong und Kim Jong Il fehlten.";
        assert!(flagged(&NameVariant, text).is_empty());
    }
}
