use super::{Check, rule};
use crate::document::Document;
use crate::finding::{Finding, RuleInfo, Severity, times};
use crate::names::house::FormMatch;
use crate::names::{self, Context};

rule! {
    /// Finds names written in a spelling the house list (`dictionaries/<lang>/names.tsv`, or
    /// a newsroom's own list) marks as a variant: English or other foreign forms where German
    /// copy has its own (`Zelensky` → `Selenskyj`, `Kyiv` → `Kiew`, `Kim Jong-un` →
    /// `Kim Jong Un`). A genitive is recognised (`Zelenskys`), a name inside an English title
    /// is left alone (`Kyiv Independent`), and variants that only lack accents (`Erdogan`,
    /// which German agencies write too) are not reported unless the list asks for it.
    ///
    /// Why it matters: readers and archives search for the press spelling; an English form
    /// in German copy shows the translation was not edited.
    ///
    /// Example: `ein Telefonat mit Zelenskij` — dpa writes `Selenskyj`.
    /// Major for a head of state or the article's main subject.
    pub struct HouseSpelling {
        id: "house-spelling",
        category: Transliteration,
        mqm: "Locale convention/Name format",
        severity: Minor,
        summary: "a name not in the newsroom's house spelling",
    }
}

impl Check for HouseSpelling {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(cx) = Context::new(doc) else { return };
        let variants = names::variants::find(&cx);
        let bodies = doc.blocks.iter().map(|b| doc.token_range(&b.body));
        for m in cx.house.find_in(doc, bodies) {
            let reported = variants
                .iter()
                .any(|v| v.span.start < m.span.end && m.span.start < v.span.end);
            if reportable(&cx, &m) && !reported {
                out.push(finding(&cx, &m));
            }
        }
    }
}

/// A variant the list wants reported, not part of a foreign title ("Kyiv Independent").
fn reportable(cx: &Context, m: &FormMatch) -> bool {
    let row = cx.house.row(m.row);
    let diacritics_ok = !row.plain_diacritics() || cx.house.report_plain_diacritics;
    let in_title = !m.genitive
        && cx
            .neighbour(m.tokens.end - 1, true)
            .is_some_and(|t| is_foreign_title_word(cx, t));
    m.variant && diacritics_ok && !in_title
}

/// A capitalised word German does not know and that is no East Slavic name either.
fn is_foreign_title_word(cx: &Context, token: usize) -> bool {
    let word = cx.word(token);
    cx.is_foreign_neighbour(token) && !cx.data.romanization.changes(word)
}

fn finding(cx: &Context, m: &FormMatch) -> Finding {
    let row = cx.house.row(m.row);
    let s = if m.genitive { "s" } else { "" };
    let span = m.span.start..m.span.end + s.len();
    let written = cx.doc.slice(&m.span);
    let mut evidence = format!("German press style ({}): «{}»", row.source, row.house);
    if !row.note.is_empty() {
        evidence.push_str(&format!(" ({})", row.note));
    }
    let house_count = cx.doc.count(&row.house);
    if house_count > 0 {
        evidence.push_str(&format!(
            "; «{}» appears {} in this article",
            row.house,
            times(house_count)
        ));
    }
    // The subjects are worked out on first use: most articles have no finding to grade.
    let major = row.head_of_state || cx.subjects().contains(written);
    Finding {
        severity: if major {
            Severity::Major
        } else {
            Severity::Minor
        },
        ..HouseSpelling::rule()
            .finding(
                span,
                format!(
                    "«{written}» is not the house spelling; write «{}»",
                    row.house
                ),
            )
            .with_suggestion(format!("{}{s}", row.house))
            .with_evidence(evidence)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::{findings, flagged, suggestion};

    #[test]
    fn flags_an_english_spelling() {
        let text = "Der Anruf bei Präsident Wolodymyr Zelenskij dauerte lange.";
        assert_eq!(flagged(&HouseSpelling, text), vec!["Zelenskij"]);
        assert_eq!(suggestion(&HouseSpelling, text), "Selenskyj");
    }

    #[test]
    fn keeps_the_genitive() {
        let text = "Zelenskys Berater widersprach.";
        assert_eq!(suggestion(&HouseSpelling, text), "Selenskyjs");
    }

    #[test]
    fn leaves_english_titles_alone() {
        assert!(
            flagged(
                &HouseSpelling,
                "Das meldete der Kyiv Independent am Morgen."
            )
            .is_empty()
        );
        assert!(flagged(&HouseSpelling, "Das meldete die Moscow Times.").is_empty());
        assert_eq!(
            flagged(&HouseSpelling, "Er reiste nach Kyiv."),
            vec!["Kyiv"]
        );
    }

    #[test]
    fn plain_diacritics_are_not_reported_by_default() {
        assert!(flagged(&HouseSpelling, "Er traf Erdogan in Ankara.").is_empty());
    }

    #[test]
    fn photo_credits_are_bylines() {
        assert!(flagged(&HouseSpelling, "Putin im Kreml. © Vladimir Putin/Kremlin\n").is_empty());
    }

    #[test]
    fn a_newsroom_list_replaces_the_house_form() {
        use crate::document::ReadOptions;
        use crate::names::{self, HouseList};
        use std::sync::Arc;

        let newsroom = HouseList::parse(
            "de",
            "Selenski\tSelenskyj|Zelensky\tperson\tNZZ\tour house style\n",
            "newsroom.tsv",
        )
        .expect("valid list");
        let merged = names::data("de")
            .expect("German data")
            .house
            .merged(&newsroom);
        let text = "Selenskyj traf Zelenskij.";
        let doc = Document::parse(
            text,
            &ReadOptions {
                language: Some("de".into()),
                house_names: Some(Arc::new(merged)),
            },
        );
        let mut out = Vec::new();
        HouseSpelling.check(&doc, &mut out);
        let found: Vec<(&str, &str)> = out
            .iter()
            .map(|f| (&text[f.span.clone()], f.suggestions[0].as_str()))
            .collect();
        assert_eq!(
            found,
            vec![("Selenskyj", "Selenski"), ("Zelenskij", "Selenski")]
        );
    }

    #[test]
    fn house_spellings_are_quiet() {
        assert!(findings(&HouseSpelling, "Selenskyj traf Kim Jong Un in Kiew.").is_empty());
    }
}
