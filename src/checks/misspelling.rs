//! The misspelling check: typos that the article itself or the lexicon gives away.
//!
//! An unknown word is not an error: news is full of names, rare compounds and English
//! institution names that no dictionary has. A word is reported only when there is positive
//! evidence of a slip (see [`evidence`]), weighed against where it stands (see [`context`]):
//! names and English runs need the article's own evidence, frequency alone is not enough,
//! unless the slip is an easy one of a well-known name or the word is plainly German.

mod census;
mod compound;
mod context;
mod evidence;
mod morphology;

use super::{Check, rule};
use crate::document::Document;
use crate::finding::{Finding, RuleInfo, Severity, times};
use crate::lang::Language;
use crate::lexicon::{self, Lexicon, is_capitalised};

use self::census::{Census, Occurrence};
use self::context::Context;
use self::evidence::{
    Candidate, Derived, Diagnosis, EASY_SLIP, Examiner, FAR_SLIP, KNOWN_ZIPF, PLAIN_SLIP, Source,
    zipf_gap,
};

/// A form as frequent in the article as a known word one letter longer or shorter is a
/// slip of it if the word is at least this long ("Highwa" beside "Highway").
const ONE_TO_ONE_PLAIN_CHARS: usize = 6;

/// Article evidence for a word in a photo credit must be this strong (occurrences of the
/// correct form, and times as many as the suspect form).
const CREDIT_MIN_COUNT: usize = 3;
/// A correction Hunspell does not know (a name: "Calgary") must be at least this frequent.
const UNSPELLED_CANDIDATE_ZIPF: f32 = 3.5;
/// At most this many suggestions per finding.
const MAX_SUGGESTIONS: usize = 3;

rule! {
    /// Finds misspelt words: a rare form one or two letters away from a form the same
    /// article uses much more often ("Wladmir" next to "Wladimir"), or a word that is in no
    /// dictionary and one typing slip away from a far more common word ("Setdem" →
    /// "Seitdem"). An unknown word alone is never reported: names, rare compounds,
    /// inflected forms ("Putins"), English names and photo credits need the article's own
    /// evidence. Misspelt names are major errors. Accepted words and names can be added to
    /// `dictionaries/<lang>/accept.txt`.
    ///
    /// Why it matters: a typo in a published article, above all in a name, costs the
    /// publication its readers' trust; editors skim past them because the text reads well.
    ///
    /// Example: `Mit einer Umarmung begrüßen sich Gerhard Schröder und Wladmir Putin`, in an
    /// article that spells "Wladimir" thirty times, should read `Wladimir Putin`.
    pub struct Misspelling {
        id: "misspelling",
        category: Spelling,
        mqm: "Fluency/Spelling",
        severity: Minor,
        summary: "a misspelt word or name",
    }
}

impl Check for Misspelling {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn needs_slow_data(&self) -> bool {
        true
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(lang) = doc.lang else { return };
        let Some(Ok(lexicon)) = lexicon::lexicon(lang.code) else {
            return;
        };
        let census = Census::of(doc, lexicon);
        let mut examiner = Examiner::new(lexicon, &census);
        // One diagnosis per distinct form, by its index in the census; only a form with a
        // candidate correction is judged where it stands.
        let diagnoses: Vec<Option<Diagnosis>> = census
            .forms
            .iter()
            .map(|distinct| {
                let stats = &census.stats[distinct.folded_id];
                examiner
                    .diagnose(distinct.form, &distinct.folded, stats)
                    .filter(|d| !d.candidates.is_empty())
            })
            .collect();
        if diagnoses.iter().all(Option::is_none) {
            return;
        }
        for occurrence in &census.occurrences {
            let Some(diagnosis) = &diagnoses[occurrence.form_id] else {
                continue;
            };
            if let Some(finding) = judge(doc, lang, &census, &mut examiner, occurrence, diagnosis) {
                out.push(finding);
            }
        }
    }
}

/// Weighs a diagnosis against where the word stands: a finding if some candidate is
/// evidence enough.
fn judge<'a>(
    doc: &Document<'a>,
    lang: &Language,
    census: &Census<'a>,
    examiner: &mut Examiner<'_, '_, 'a>,
    occurrence: &Occurrence<'a>,
    diagnosis: &Diagnosis,
) -> Option<Finding> {
    let context = context::read(doc, lang, examiner, occurrence);
    let own = census.count(&diagnosis.folded);
    let lex = examiner.lexicon();
    let best = diagnosis
        .candidates
        .iter()
        .find(|c| convincing(lex, c, diagnosis, own, occurrence, &context))?;
    let name = is_name(examiner, &context, best);
    Some(finding(occurrence, diagnosis, best, own, name))
}

fn finding(
    occurrence: &Occurrence,
    diagnosis: &Diagnosis,
    best: &Candidate,
    own: usize,
    name: bool,
) -> Finding {
    let form = occurrence.form;
    let others = diagnosis
        .candidates
        .iter()
        .filter(|c| c.folded != best.folded && c.spelled)
        .map(|c| c.word.clone());
    let mut finding = Misspelling::rule()
        .finding(
            occurrence.span.clone(),
            format!("«{form}» looks misspelt: «{}»?", best.word),
        )
        .with_evidence(evidence(form, own, best, diagnosis));
    for s in std::iter::once(best.word.clone())
        .chain(others)
        .take(MAX_SUGGESTIONS)
    {
        finding = finding.with_suggestion(s);
    }
    if name {
        finding = finding.with_severity(Severity::Major);
    }
    finding
}

/// Whether a candidate is evidence enough where the word stands.
///
/// The article's own evidence counts everywhere but in English names and titles (a photo
/// credit needs more of it), for a form the frequency list does not know well. Frequency
/// and compound evidence count only in German running text, for a word used once, and only
/// for a correction that fits the word's capitalisation; in a name, only for an easy slip
/// of a known name ("Donaldd").
fn convincing(
    lex: &Lexicon,
    c: &Candidate,
    d: &Diagnosis,
    own: usize,
    o: &Occurrence,
    context: &Context,
) -> bool {
    // An easy slip of a well-known name or word is one wherever it stands ("Neftlix",
    // "Inovation"), except in a photo credit, before a hyphen (see below) or in a form used
    // twice.
    let name_slip = is_capitalised(o.form) && is_slip_of_name(lex, c, d);
    if name_slip && !o.credit && !o.before_hyphen && own <= 1 {
        return true;
    }
    if context.english && !german_among_english(o, c, d) {
        return false;
    }
    if let Source::Article { count, capitalised } = c.source {
        // A capitalised word inside a sentence is not a slip of a word the article writes
        // in lower case ("Biden" is not "beiden"), unless as an adjective in a proper name
        // ("Russichen Föderation").
        let case_fits = capitalised || !is_capitalised(o.form) || fits_case(lex, o, c, context);
        let rare = d.zipf.is_none_or(|z| z < KNOWN_ZIPF);
        let enough = !o.credit || (count >= CREDIT_MIN_COUNT && count >= CREDIT_MIN_COUNT * own);
        // A form as frequent as its correction is a slip only if it is in no list and a
        // likely slip (see `Examiner::add_seen_once` and `Examiner::add_undoubled_in_article`).
        let likely = c.slip <= EASY_SLIP
            || (c.slip <= PLAIN_SLIP && c.folded.chars().count() >= ONE_TO_ONE_PLAIN_CHARS);
        let weighty = count >= 2 * own || (likely && d.zipf.is_none());
        return case_fits && rare && enough && weighty;
    }
    let foreign = context.foreign && !german_among_english(o, c, d);
    if o.credit || o.before_hyphen || foreign || own > 1 {
        // A part before a hyphen is often a combining form ("sino-") or part of a name
        // ("Bernhard-Nocht-Institut").
        return false;
    }
    // A misspelt title before a name ("Präsidenz Trump") is no name itself, nor is a
    // compound Hunspell knows ("Hauptstadtterritoriums Chris Steel").
    let dictionary_compound = matches!(c.source, Source::Compound { .. }) && c.spelled;
    let no_name = lex.is_title(&c.word) || dictionary_compound;
    if context.name_position && !no_name {
        return is_slip_of_name(lex, c, d);
    }
    if !fits_case(lex, o, c, context) {
        return false;
    }
    match c.source {
        // A form in the frequency list needs a far more frequent correction; a form in no
        // list at all only a correction Hunspell knows, or one made of words it knows, or a
        // frequent name.
        Source::Frequency { zipf } => match d.zipf {
            Some(own_zipf) => zipf - own_zipf >= zipf_gap(c.slip, &d.folded, own_zipf) && c.spelled,
            None => c.spelled || c.derived.is_some() || zipf >= UNSPELLED_CANDIDATE_ZIPF,
        },
        Source::Compound { .. } => c.spelled || c.derived.is_some(),
        Source::Article { .. } => true,
    }
}

/// A German word among English or other foreign ones: a lower-case word in no list that is
/// an easy slip of a common word ("staand", "climmate") is no word of any language. A
/// capitalised word there is left alone, however German it looks: next to "New York" or a
/// foreign title it may be part of a name, and the check stays on the safe side.
fn german_among_english(o: &Occurrence, c: &Candidate, d: &Diagnosis) -> bool {
    let common = matches!(c.source, Source::Frequency { zipf } if zipf >= COMMON_GERMAN_ZIPF);
    !is_capitalised(o.form) && d.zipf.is_none() && c.slip <= EASY_SLIP && common
}

/// A word this frequent is common German (or English that German uses every day).
const COMMON_GERMAN_ZIPF: f32 = 3.0;

/// In a name, a form in no list that is an easy slip (a doubled, dropped double or swapped
/// letter) of a known name: "Donaldd", "Emaunel". A neighbouring key is not enough: names
/// one key apart abound ("Rahat", "Rabat").
fn is_slip_of_name(lex: &Lexicon, c: &Candidate, d: &Diagnosis) -> bool {
    let Source::Frequency { zipf } = c.source else {
        return false;
    };
    d.zipf.is_none()
        && c.slip <= EASY_SLIP
        && is_capitalised(&c.word)
        && (lex.is_listed_name(&c.folded) || zipf >= KNOWN_ZIPF)
}

/// A slip keeps the word's capitalisation. A lower-case word was meant as a word that is
/// written in lower case. A capitalised word was meant as a capitalised word and, since
/// names are capitalised too, only a likely typing slip counts (not "Mintel" for
/// "Mittel"): inside a sentence a noun, or, next to another capitalised word, an adjective
/// of a proper name ("Russischen Föderation"); at the start of a sentence any word.
fn fits_case(lex: &Lexicon, o: &Occurrence, c: &Candidate, context: &Context) -> bool {
    let lower_case_word = lex.spells(&c.word.to_lowercase()) || c.derived == Some(Derived::Other);
    if !is_capitalised(o.form) {
        return lower_case_word;
    }
    if c.slip >= FAR_SLIP {
        return false;
    }
    if context.sentence_start {
        return true;
    }
    // After an article any word is a noun ("im Klaren", "die Transparente").
    if context.after_article && (c.spelled || c.derived.is_some()) && !lex.is_listed_name(&c.folded)
    {
        return true;
    }
    let adjective = lower_case_word && ADJECTIVE_ENDINGS.iter().any(|e| c.folded.ends_with(e));
    lex.is_noun(&c.word)
        || c.derived == Some(Derived::Noun)
        || (adjective && (context.before_capital || context.after_noun))
}

/// Endings of inflected adjectives, which German capitalises inside proper names.
const ADJECTIVE_ENDINGS: [&str; 5] = ["e", "en", "er", "es", "em"];

/// A misspelt name (of a person or place) is a major error: the correction is capitalised
/// and a name, or stands where names stand.
fn is_name(examiner: &mut Examiner, context: &Context, best: &Candidate) -> bool {
    let lex = examiner.lexicon();
    is_capitalised(&best.word)
        && (context.name_position
            || lex.is_listed_name(&best.folded)
            || !(lex.spells(&best.word) || lex.zipf(&best.folded).is_some_and(|z| z >= KNOWN_ZIPF)))
}

/// Candidates at least this frequent are called common words in the evidence.
const COMMON_ZIPF: f32 = 3.5;

/// The evidence in words an editor can check: what speaks for the correction, and that
/// the form itself is in no dictionary.
fn evidence(form: &str, own: usize, best: &Candidate, d: &Diagnosis) -> String {
    let unknown = if d.zipf.is_some() {
        format!("«{form}» is in no dictionary and rare in the word-frequency list")
    } else {
        format!("«{form}» is in no dictionary")
    };
    let right = &best.word;
    match best.source {
        Source::Article { count, .. } => format!(
            "«{right}» appears {} in this article, «{form}» {}; {unknown}",
            times(count),
            times(own)
        ),
        Source::Frequency { zipf } if zipf >= COMMON_ZIPF => {
            format!("«{right}» is a common word; {unknown}")
        }
        Source::Frequency { .. } => format!("«{right}» is a German word; {unknown}"),
        Source::Compound { ref part, .. } => {
            format!("«{right}» is a compound of known words (…«{part}»…); {unknown}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::{findings, flagged};

    const TYPOS: &str = include_str!("../../fixtures/de/typos.txt");
    const CLEAN: &str = include_str!("../../fixtures/de/clean-news.txt");

    fn found(text: &str) -> Vec<(String, String, Severity)> {
        findings(&Misspelling, text)
            .into_iter()
            .map(|f| {
                let first = f.suggestions.first().cloned().unwrap_or_default();
                (text[f.span.clone()].to_string(), first, f.severity)
            })
            .collect()
    }

    #[test]
    fn finds_the_planted_typos_with_the_right_suggestion_first() {
        let expected = [
            ("gewessen", "gewesen", Severity::Minor),
            ("Oberlände", "Oberländer", Severity::Major),
            ("Zusammenarbiet", "Zusammenarbeit", Severity::Minor),
            ("Setdem", "Seitdem", Severity::Minor),
        ];
        let expected: Vec<_> = expected
            .iter()
            .map(|&(w, s, sev)| (w.to_string(), s.to_string(), sev))
            .collect();
        assert_eq!(found(TYPOS), expected);
    }

    #[test]
    fn correct_news_text_is_quiet() {
        assert_eq!(flagged(&Misspelling, CLEAN), Vec::<String>::new());
    }

    #[test]
    fn evidence_names_the_source() {
        let all = findings(&Misspelling, TYPOS);
        let evidence = |w: &str| {
            all.iter()
                .find(|f| &TYPOS[f.span.clone()] == w)
                .map(|f| f.evidence.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            evidence("Setdem"),
            "«Seitdem» is a common word; «Setdem» is in no dictionary"
        );
        assert!(evidence("Oberlände").starts_with("«Oberländer» appears 4 times in this article"));
    }

    #[test]
    fn a_name_misspelt_once_beside_its_repeated_spelling() {
        let text = "Präsident Xi Jinping kam nach Berlin. Xi Jinping traf den Kanzler. \
                    Am Abend reiste Xi Jiping weiter.";
        assert_eq!(
            found(text),
            vec![("Jiping".to_string(), "Jinping".to_string(), Severity::Major)]
        );
    }

    #[test]
    fn inflected_and_other_names_are_not_typos() {
        let text = "Kim Jong Un sprach lange. Kims Rede dauerte zwei Stunden. \
                    Die Krim war kein Thema, wohl aber Putins Pläne und Nordkoreas Raketen.";
        assert!(flagged(&Misspelling, text).is_empty());
    }

    #[test]
    fn an_unknown_name_used_consistently_is_not_a_typo() {
        let text = "Der Ermittler Tomasz Wrzeszcz leitete die Razzia. Wrzeszcz sagte, \
                    die Beweise seien eindeutig.";
        assert!(flagged(&Misspelling, text).is_empty());
    }

    #[test]
    fn english_names_and_titles_are_left_alone() {
        let text = "Sie forscht am Center for Strategic Studies in Washington. \
                    Ihr Buch heißt „The Making of Moderns“.";
        assert!(flagged(&Misspelling, text).is_empty());
    }

    #[test]
    fn a_capitalised_word_after_a_noun_is_a_name_not_a_misspelt_noun() {
        // "Mintel" is one letter from "Mittel", but stands where a company name stands.
        let text = "Das sagte eine Analystin beim Marktforschungsunternehmen Mintel am Montag.";
        assert!(flagged(&Misspelling, text).is_empty());
    }

    fn first_suggestions(text: &str) -> Vec<(String, String)> {
        found(text).into_iter().map(|(w, s, _)| (w, s)).collect()
    }

    fn pair(word: &str, suggestion: &str) -> Vec<(String, String)> {
        vec![(word.to_string(), suggestion.to_string())]
    }

    #[test]
    fn a_slip_inside_a_compound_no_list_has() {
        let text = "Das Repräsentantenhaus versucht erneut, die Verwendung von \
                    Notstandsbedugnissen zu verhindern.";
        assert_eq!(
            first_suggestions(text),
            pair("Notstandsbedugnissen", "Notstandsbefugnissen")
        );
    }

    #[test]
    fn a_slip_of_a_compound_hunspell_lacks_but_the_frequency_list_has() {
        let text = "„Was die Reechenschaftspflicht betrifft, haben diese Leute versagt“, \
                    schrieb er.";
        assert_eq!(
            first_suggestions(text),
            pair("Reechenschaftspflicht", "Rechenschaftspflicht")
        );
        // A form made of words itself is a word too: "bevorteile" beside "bevorteilt".
        let text = "Die Firma will ihren Kunden nichts bevorteile bieten, sagte sie.";
        assert!(flagged(&Misspelling, text).is_empty());
    }

    #[test]
    fn after_an_article_a_capitalised_slip_of_any_word_is_a_noun() {
        let text = "Wir sollten uns darüber im Kllaren sein, sagte er.";
        assert_eq!(first_suggestions(text), pair("Kllaren", "Klaren"));
        // But not of a personal name: "der Ibama" is an agency, not "Obama".
        let text = "In einer Stellungnahme der Ibama hieß es, der Ölteppich werde untersucht.";
        assert!(flagged(&Misspelling, text).is_empty());
    }

    #[test]
    fn an_easy_slip_of_a_well_known_name_wherever_it_stands() {
        let text = "Denzel Washington spielt in einer Serie von Neftlix die Hauptrolle.";
        assert_eq!(first_suggestions(text), pair("Neftlix", "Netflix"));
        // Before a hyphen a part is often a name or a combining form: left alone.
        let text = "Denzel Washington spielt in der Neftlix-Adaption die Hauptrolle.";
        assert!(flagged(&Misspelling, text).is_empty());
        let text = "Der Sänger wurde mit Presleey verglichen, schrieb die Zeitung.";
        assert_eq!(first_suggestions(text), pair("Presleey", "Presley"));
        // A name spelled the same way twice is a name, not a slip.
        let text = "Der Sturm Dorrian zog weiter. Dorrian traf die Bahamas.";
        assert!(flagged(&Misspelling, text).is_empty());
    }

    #[test]
    fn a_lower_case_german_slip_beside_english_words() {
        let text = "Der Abgeordnete aus New York haatte dazu nichts gesagt.";
        assert_eq!(first_suggestions(text), pair("haatte", "hatte"));
        // A capitalised word there may belong to a name: left alone.
        let text = "Der Abgeordnete vertritt den Bundestaat New York im Kongress.";
        assert!(flagged(&Misspelling, text).is_empty());
        // English words beside English words are left alone.
        let text = "Die Cdntres for Disease Control and Prevention untersuchen den Fall.";
        assert!(flagged(&Misspelling, text).is_empty());
    }

    #[test]
    fn an_easy_slip_of_a_form_the_article_uses_as_often() {
        let text = "Doug Durham, einer von Haskkells Verteidigern, sagte das. \
                    Haskells Anwalt schwieg.";
        assert_eq!(first_suggestions(text), pair("Haskkells", "Haskells"));
        // Two names one key apart are two names.
        let text = "Die Ibama ermittelt. Obama hatte das Amt gegründet.";
        assert!(flagged(&Misspelling, text).is_empty());
    }

    #[test]
    fn a_doubled_letter_inside_a_compound() {
        let text = "Er ist an die Wasserschhale gewöhnt.";
        assert_eq!(
            first_suggestions(text),
            pair("Wasserschhale", "Wasserschale")
        );
    }

    #[test]
    fn common_misspellings_the_frequency_list_has() {
        let text = "Das ist warscheinlich richtig, sagte er gestern in Berlin.";
        assert_eq!(
            first_suggestions(text),
            pair("warscheinlich", "wahrscheinlich")
        );
        // Short English words the list has are left alone ("names", "namens").
        let text = "Die names der Opfer wurden nicht genannt, sagte er.";
        assert!(flagged(&Misspelling, text).is_empty());
    }

    #[test]
    fn a_misspelt_title_before_a_name() {
        let text = "Der Polizei- und Kriminalkommisssar Barry Coppinger sagte, er sei besorgt.";
        assert_eq!(
            first_suggestions(text),
            pair("Kriminalkommisssar", "Kriminalkommissar")
        );
    }

    #[test]
    fn rare_compounds_that_split_into_words_are_not_typos() {
        let text = "Die Sanktionsstrangulierung und der Pariastatus prägen die \
                    Denuklearisierungsgespräche.";
        assert!(flagged(&Misspelling, text).is_empty());
    }
}
