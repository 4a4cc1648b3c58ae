use super::{Check, rule};
use crate::document::{Document, Token, TokenKind};
use crate::finding::{Finding, RuleInfo};
use crate::lang::Language;

rule! {
    /// Finds a word written twice in a row ("und und") and a subject pronoun repeated after
    /// its verb ("Er wollte er …"). Repetitions German grammar allows ("…, dass die die Wahl
    /// gewinnen", "als sie sie sah") are listed in `dictionaries/<lang>/grammar.toml` and
    /// not reported.
    ///
    /// Why it matters: machine translation sometimes keeps a pronoun from the source order and
    /// adds another in the target order; an editor reads it as a slip.
    ///
    /// Example: `Er wollte er laut Informationen der „Süddeutschen Zeitung“ Wirkung …
    /// erzielen` should read `Er wollte laut …`.
    pub struct DoubledWord {
        id: "doubled-word",
        category: Grammar,
        mqm: "Fluency/Grammar",
        severity: Minor,
        summary: "a word or subject pronoun written twice",
    }
}

impl Check for DoubledWord {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(lang) = doc.lang else { return };
        for sentence in &doc.sentences {
            // Punctuation tokens stay in: "und, und" is deliberate, "und und" is not.
            let tokens = doc.tokens_in(&sentence.span);
            doubled_neighbours(doc, lang, tokens, out);
            repeated_subject(doc, lang, tokens, out);
        }
    }
}

fn doubled_neighbours(doc: &Document, lang: &Language, words: &[Token], out: &mut Vec<Finding>) {
    for pair in words.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.kind != TokenKind::Word
            || b.kind != TokenKind::Word
            || differ_in_ascii_first_letter(doc, a, b)
        {
            continue;
        }
        let (wa, wb) = (doc.slice(&a.span), doc.slice(&b.span));
        let is_name_pair = wb.chars().next().is_some_and(char::is_uppercase);
        if !same_ignoring_case(wa, wb)
            || is_name_pair
            || lang.doubled_allowed.contains(&wb.to_lowercase())
        {
            continue;
        }
        out.push(
            DoubledWord::rule()
                .finding(a.span.start..b.span.end, format!("«{wb}» is written twice"))
                .with_suggestion(wa.to_string())
                .with_evidence(format!("«{wa} {wb}» repeats the word with nothing between")),
        );
    }
}

/// Whether two words start with ASCII letters that differ even ignoring case, read from one
/// byte each: nearly all neighbours do, and then no slicing and comparing is needed.
fn differ_in_ascii_first_letter(doc: &Document, a: &Token, b: &Token) -> bool {
    let bytes = doc.text.as_bytes();
    match (bytes.get(a.span.start), bytes.get(b.span.start)) {
        (Some(x), Some(y)) => x.is_ascii() && y.is_ascii() && !x.eq_ignore_ascii_case(y),
        _ => false,
    }
}

/// Whether two words are equal but for case, without allocating (this runs on every pair of
/// neighbouring words).
fn same_ignoring_case(a: &str, b: &str) -> bool {
    fn lower(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars().flat_map(char::to_lowercase)
    }
    if a == b {
        return true;
    }
    // Nearly all neighbours differ in their first letter already, and when both letters are
    // ASCII that shows without Unicode case tables (an ASCII letter lower-cases to itself or
    // its ASCII partner only).
    if let (Some(x), Some(y)) = (a.as_bytes().first(), b.as_bytes().first())
        && x.is_ascii()
        && y.is_ascii()
        && !x.eq_ignore_ascii_case(y)
    {
        return false;
    }
    // Two ASCII words are the same ignoring case exactly when their bytes are; the Unicode
    // comparison below is for the few words with other letters.
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    lower(a).next() == lower(b).next() && lower(a).eq(lower(b))
}

/// Whether `lower` may be `word` lower-cased: exactly so for ASCII `word`, and `true` for any
/// other (the caller compares with `str::to_lowercase` then).
fn is_lower_case_of(lower: &str, word: &str) -> bool {
    if !word.is_ascii() {
        return true;
    }
    lower.len() == word.len()
        && lower
            .bytes()
            .zip(word.bytes())
            .all(|(l, w)| l == w.to_ascii_lowercase())
}

/// "Er wollte er …": a nominative-only pronoun that opens the sentence comes back right
/// after the verb.
fn repeated_subject(doc: &Document, lang: &Language, words: &[Token], out: &mut Vec<Finding>) {
    let [first, verb, again, ..] = words else {
        return;
    };
    if [first, verb, again]
        .iter()
        .any(|t| t.kind != TokenKind::Word)
    {
        return;
    }
    let (p1, v, p2) = (
        doc.slice(&first.span),
        doc.slice(&verb.span),
        doc.slice(&again.span),
    );
    // Nearly every sentence fails this, and it is told without lower-casing into a new String.
    if !is_lower_case_of(p2, p1) {
        return;
    }
    let pronoun = p1.to_lowercase();
    let verb_like = v.chars().next().is_some_and(char::is_lowercase);
    if p2 != pronoun || !verb_like || !lang.nominative_pronouns.contains(&pronoun) {
        return;
    }
    out.push(
        DoubledWord::rule()
            .finding(
                first.span.start..again.span.end,
                format!("the subject «{p1}» stands twice"),
            )
            .with_suggestion(format!("{p1} {v}"))
            .with_evidence(format!(
                "«{pronoun}» can only be a subject, and the sentence already starts with «{p1}»"
            )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::{flagged, suggestion};

    #[test]
    fn flags_repeated_subject_pronoun() {
        let text = "Er wollte er Wirkung erzielen.";
        assert_eq!(flagged(&DoubledWord, text), vec!["Er wollte er"]);
        assert_eq!(suggestion(&DoubledWord, text), "Er wollte");
    }

    #[test]
    fn flags_doubled_word() {
        assert_eq!(
            flagged(&DoubledWord, "Er kam und und ging."),
            vec!["und und"]
        );
    }

    #[test]
    fn case_is_ignored_for_ascii_and_other_letters() {
        assert!(same_ignoring_case("Und", "und"));
        assert!(same_ignoring_case("ÜBER", "über"));
        assert!(!same_ignoring_case("und", "uns"));
        assert!(!same_ignoring_case("über", "ubel"));
        assert!(!same_ignoring_case("die", "dies"));
    }

    #[test]
    fn grammatical_repetitions_are_quiet() {
        assert!(flagged(&DoubledWord, "Er sagte, dass die die Wahl gewinnen.").is_empty());
        assert!(flagged(&DoubledWord, "Sie wusste, dass das das Ende war.").is_empty());
        assert!(flagged(&DoubledWord, "Sie sah sie nicht.").is_empty());
        assert!(flagged(&DoubledWord, "Er ist in Baden Baden.").is_empty());
    }
}
