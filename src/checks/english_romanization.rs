use rustc_hash::FxHashSet;
use std::cell::OnceCell;
use std::ops::Range;

use super::{Check, rule};
use crate::document::Document;
use crate::finding::{Finding, RuleInfo, Severity};
use crate::names::{self, Context, house::FormMatch, mentions::Mention};

/// How many German-romanised names the evidence quotes.
const EXAMPLES: usize = 3;

rule! {
    /// Finds Russian, Ukrainian and Belarusian names left in the English romanisation
    /// (-ov/-ev endings, zh, kh, ch for tsch, sh for sch, y for j) in German text, and
    /// suggests the German romanisation from `dictionaries/<lang>/romanization.toml`. A word
    /// is reported when it ends like an East Slavic name (-ov, -chuk, -enko …), or when a
    /// Slavic given name precedes it and the text uses the German system elsewhere
    /// (Kurojedow, Medwedew, Jelzin). Names in the house list are left to `house-spelling`,
    /// and a house-list row without variants accepts a spelling people publish under
    /// ("Andrei Lankov"). Photo credits are bylines and are not checked.
    ///
    /// Why it matters: German copy romanises Cyrillic names its own way; an English form
    /// next to German ones reads as an untranslated leftover.
    ///
    /// Example: `der frühere Bürgermeister Anatoly Sobchak` — German press style is
    /// `Anatoli Sobtschak`; `die Residenz Bocharov Ruchei` — `Botscharow Rutschei`.
    pub struct EnglishRomanization {
        id: "english-romanization",
        category: Transliteration,
        mqm: "Locale convention/Name format",
        severity: Minor,
        summary: "a Slavic name in the English romanisation",
    }
}

impl Check for EnglishRomanization {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(cx) = Context::new(doc) else { return };
        let forms = Forms::new(&cx);
        if !any_candidate(&forms) {
            return;
        }
        let house = cx.house.find(doc, 0..doc.tokens.len());
        let covered = covered_tokens(&cx, &house);
        let german = german_examples(&cx, &house);
        for m in cx.mentions.iter().filter(|m| !m.in_credit) {
            for run in reported_runs(&forms, m, &covered, !german.is_empty()) {
                out.push(finding(&cx, m, run, &german));
            }
        }
    }
}

/// Whether any name could be reported: the runs as if no token were covered and the text
/// used German romanisation elsewhere, a superset of the runs reported. Most articles have
/// none, and then the house list and the German examples need not be looked up.
fn any_candidate(forms: &Forms) -> bool {
    let nothing_covered = FxHashSet::default();
    forms
        .cx
        .mentions
        .iter()
        .filter(|m| !m.in_credit)
        .any(|m| !reported_runs(forms, m, &nothing_covered, true).is_empty())
}

/// Tokens that the house list or the name-variant check already speak for.
fn covered_tokens(cx: &Context, house: &[FormMatch]) -> FxHashSet<usize> {
    let mut covered: FxHashSet<usize> = house.iter().flat_map(|m| m.tokens.clone()).collect();
    for v in names::variants::find(cx) {
        let tokens = cx.doc.token_range(&v.span);
        covered.extend(tokens);
    }
    covered
}

/// Distinct names in German romanisation, for the evidence: words with German endings
/// ("Kurojedow") and house-list names whose variant is their English romanisation
/// ("Poroschenko" for "Poroshenko").
fn german_examples<'a>(cx: &Context<'_, 'a>, house: &[FormMatch]) -> Vec<&'a str> {
    let rom = &cx.data.romanization;
    let mut seen = Vec::new();
    for m in cx.mentions.iter().filter(|m| !m.in_credit) {
        for t in m.tokens.clone() {
            let word = cx.base_word(t);
            if rom.looks_german(word) && !seen.contains(&word) {
                seen.push(word);
            }
        }
    }
    for m in house {
        let word = cx.doc.slice(&m.span);
        if m.variant || cx.in_credit(m.span.start) || seen.contains(&word) {
            continue;
        }
        let row = cx.house.row(m.row);
        if row.variants.iter().any(|v| convert_all(cx, v) == row.house) {
            seen.push(word);
        }
    }
    seen
}

/// The German romanisation of every word of a name.
fn convert_all(cx: &Context, name: &str) -> String {
    name.split(' ')
        .map(|w| cx.data.romanization.convert(w).german)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs of adjacent words of one mention to report: each run holds at least one word with
/// Slavic evidence of its own, and takes along its changed neighbours ("Bocharov Ruchei").
fn reported_runs(
    forms: &Forms,
    m: &Mention,
    covered: &FxHashSet<usize>,
    german_elsewhere: bool,
) -> Vec<Range<usize>> {
    let changed = |t: usize| !covered.contains(&t) && forms.changed(t);
    let evident = |t: usize| {
        let e = forms.evidence(t);
        let after_given = t > m.tokens.start && forms.is_given_name(t - 1);
        e.strong || (after_given && german_elsewhere && !e.weak_only)
    };
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut t = m.tokens.start;
    while t < m.tokens.end {
        if !changed(t) {
            t += 1;
            continue;
        }
        let start = t;
        while t < m.tokens.end && changed(t) {
            t += 1;
        }
        if (start..t).any(evident) {
            runs.push(start..t);
        }
    }
    runs
}

/// What the romanisation says about the word forms of an article, worked out once per form
/// on first use: names recur throughout an article, and each mention of them is asked about,
/// once to see whether the article has a candidate at all and once to report it.
struct Forms<'c, 'd, 'a> {
    cx: &'c Context<'d, 'a>,
    /// By vocabulary id.
    by_id: Vec<FormFacts>,
}

/// The answers about one form, each worked out when first asked.
#[derive(Default)]
struct FormFacts {
    changed: OnceCell<bool>,
    evidence: OnceCell<Evidence>,
    given_name: OnceCell<bool>,
}

/// The Slavic evidence of a word of its own (see [`Forms::evidence`]).
#[derive(Clone, Copy)]
struct Evidence {
    /// A strong Slavic ending, which a weak-only conversion must back with a weak one.
    strong: bool,
    /// Every rule the conversion applies is weak.
    weak_only: bool,
}

impl<'c, 'd, 'a> Forms<'c, 'd, 'a> {
    fn new(cx: &'c Context<'d, 'a>) -> Self {
        let by_id = std::iter::repeat_with(FormFacts::default)
            .take(cx.doc.vocabulary.forms.len())
            .collect();
        Forms { cx, by_id }
    }

    /// The answer of `cell` for the form of token `t`, worked out by `compute` once.
    fn once<T: Copy>(
        &self,
        t: usize,
        cell: impl Fn(&FormFacts) -> &OnceCell<T>,
        compute: impl FnOnce() -> T,
    ) -> T {
        let facts = self
            .cx
            .doc
            .vocabulary
            .id(t)
            .and_then(|id| self.by_id.get(id));
        match facts {
            Some(f) => *cell(f).get_or_init(compute),
            None => compute(),
        }
    }

    /// The word of token `t` is unknown to German and its German romanisation differs, and
    /// it is neither an East Slavic given name (their German forms are listed) nor shaped
    /// like a name of a language not written in Cyrillic.
    fn changed(&self, t: usize) -> bool {
        let (cx, rom) = (self.cx, &self.cx.data.romanization);
        self.once(
            t,
            |f| &f.changed,
            || {
                let word = cx.word(t);
                // Cheapest first: most name words are known to German, which the mentions
                // mostly settled already, and most have nothing to convert; whether an
                // unsettled word ends in a German noun is the costliest question.
                let known = cx.settled_knows_word(t);
                known != Some(true)
                    && rom.changes(word)
                    && !known.unwrap_or_else(|| cx.knows_word(t))
                    && rom.given_name(word).is_none()
                    && !rom.has_foreign_ending(word)
            },
        )
    }

    /// The Slavic evidence of the word of token `t`, a genitive `s` aside.
    fn evidence(&self, t: usize) -> Evidence {
        let (cx, rom) = (self.cx, &self.cx.data.romanization);
        self.once(
            t,
            |f| &f.evidence,
            || {
                let word = cx.base_word(t);
                let weak_only = rom.read_conversion(word, |c| c.weak_only);
                Evidence {
                    strong: rom.has_strong_ending(word)
                        && (!weak_only || rom.has_weak_ending(word)),
                    weak_only,
                }
            },
        )
    }

    /// The word of token `t` is an East Slavic given name as English texts write it.
    fn is_given_name(&self, t: usize) -> bool {
        let (cx, rom) = (self.cx, &self.cx.data.romanization);
        self.once(
            t,
            |f| &f.given_name,
            || rom.given_name(cx.word(t)).is_some(),
        )
    }
}

fn finding(cx: &Context, m: &Mention, run: Range<usize>, german: &[&str]) -> Finding {
    let rom = &cx.data.romanization;
    let span = cx.doc.tokens[run.start].span.start..cx.doc.tokens[run.end - 1].span.end;
    let written = cx.doc.slice(&span);
    let suggestion: String = run
        .clone()
        .map(|t| rom.convert(cx.word(t)).german)
        .collect::<Vec<_>>()
        .join(" ");
    let given = (run.start > m.tokens.start)
        .then(|| rom.given_name(cx.word(run.start - 1)))
        .flatten();
    let full = match given {
        Some(g) => format!("{g} {suggestion}"),
        None => suggestion.clone(),
    };
    let mut evidence = format!("English romanisation; German press style: «{full}»");
    if !german.is_empty() {
        let examples: Vec<&str> = german.iter().take(EXAMPLES).copied().collect();
        evidence.push_str(&format!(
            "; the text uses German romanisation elsewhere: {}",
            examples.join(", ")
        ));
    }
    // The subjects are worked out on first use: most articles have no finding to grade.
    let severity = if cx.subjects().contains(written) {
        Severity::Major
    } else {
        Severity::Minor
    };
    Finding {
        severity,
        ..EnglishRomanization::rule()
            .finding(
                span,
                format!("«{written}» is the English romanisation; write «{suggestion}»"),
            )
            .with_suggestion(suggestion.clone())
            .with_evidence(evidence)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::{findings, flagged, suggestion};

    #[test]
    fn flags_a_russian_surname_with_given_name_context() {
        let text = "Medwedew kam. Er traf Anatoly Sobchak in der Stadt.";
        assert_eq!(flagged(&EnglishRomanization, text), vec!["Sobchak"]);
        assert_eq!(suggestion(&EnglishRomanization, text), "Sobtschak");
        let f = &findings(&EnglishRomanization, text)[0];
        assert!(f.evidence.contains("Anatoli Sobtschak"));
        assert!(f.evidence.contains("Medwedew"));
    }

    #[test]
    fn converts_a_place_name_as_a_whole() {
        let text = "Sie trafen sich in der Residenz Bocharov Ruchei am Meer.";
        assert_eq!(
            suggestion(&EnglishRomanization, text),
            "Botscharow Rutschei"
        );
    }

    #[test]
    fn english_chinese_and_czech_names_are_quiet() {
        for text in [
            "Michael McFaul und Richard Shaw sprachen mit Charles in Chelsea.",
            "Zhang Wei traf Xi Jinping in Shanghai.",
            "Petra Kvitova und Karolina Pliskova spielten.",
            "Der Pianist Igor Levit spielte.",
        ] {
            assert!(flagged(&EnglishRomanization, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn weak_evidence_needs_german_romanisation_elsewhere() {
        let text = "Der Generalstaatsanwalt Viktor Shokin trat zurück.";
        assert!(flagged(&EnglishRomanization, text).is_empty());
        let text = "Poroschenko entließ Viktor Shokin.";
        assert_eq!(suggestion(&EnglishRomanization, text), "Schokin");
    }

    #[test]
    fn house_list_names_and_credits_are_left_to_others() {
        let text = "Selenskyj traf Zelensky. © Mikhail Klimentyev/Imago\n";
        assert!(flagged(&EnglishRomanization, text).is_empty());
    }
}
