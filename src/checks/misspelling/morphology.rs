//! Word forms Hunspell does not know but should: inflections and derivations of known
//! words ("Kims", "Wimbledoner", "Strategin", "selektiveren", "herauszuwinden",
//! "hingereist"). They are words, however rare, and never typos.

use crate::lexicon::{self, Lexicon, is_capitalised};

/// A word the lexicon knows: accepted, frequent, or spelled by Hunspell.
fn is_known(lex: &Lexicon, word: &str) -> bool {
    let folded = lexicon::fold(word);
    lex.accepts(&folded)
        || lex
            .zipf(&folded)
            .is_some_and(|z| z >= super::evidence::KNOWN_ZIPF)
        || lex.spells(word)
}

/// `form` without an inflection ending, if it has it. An ending that doubles the stem's last
/// letter is a slip, not an inflection ("Staatenn" is not "Staaten" + "n").
pub fn stem_of<'f>(form: &'f str, ending: &str) -> Option<&'f str> {
    let stem = form.strip_suffix(ending)?;
    let doubled = stem.chars().last() == ending.chars().next();
    (stem.chars().count() >= 3 && !doubled).then_some(stem)
}

/// The genitive of a known name that Hunspell does not know ("Kims"), or an adjective
/// made of a place name ("Wimbledoner"). Other inflected forms of known words are
/// Hunspell's business: it knows their inflection.
pub fn is_inflection_of_known(lex: &Lexicon, form: &str) -> bool {
    is_capitalised(form)
        && ["s", "er"]
            .iter()
            .any(|ending| stem_of(form, ending).is_some_and(|stem| is_known(lex, stem)))
}

/// A feminine form of a known noun ("Strategin", "Kuratorinnen"), a zu-infinitive of a
/// known verb ("herauszufinden"), a comparative or a verb form with a particle.
pub fn is_derivation_of_known(lex: &Lexicon, form: &str) -> bool {
    let is_noun = |w: &str| lex.spells(w) && !lex.spells(&w.to_lowercase());
    let feminine = ["innen", "in"].iter().any(|ending| {
        form.strip_suffix(ending)
            .filter(|stem| stem.chars().count() >= 3)
            .is_some_and(|stem| is_noun(stem) || is_noun(&format!("{stem}e")))
    });
    let zu_infinitive = form.match_indices("zu").any(|(i, _)| {
        i >= 2 && form.len() - i >= 5 && lex.spells(&format!("{}{}", &form[..i], &form[i + 2..]))
    });
    feminine || zu_infinitive || is_comparative(lex, form) || is_particle_verb(lex, form)
}

/// A comparative of a known adjective ("selektiveren" from "selektiv").
fn is_comparative(lex: &Lexicon, form: &str) -> bool {
    ["er", "ere", "eren", "erem", "erer", "eres"]
        .iter()
        .any(|ending| {
            // An adjective in -e takes only -r ("leise", "leiser"): "seineer" is a slip.
            form.strip_suffix(ending)
                .filter(|stem| stem.chars().count() >= 4 && !stem.ends_with('e'))
                .map(str::to_lowercase)
                .is_some_and(|stem| lex.spells(&stem) && lex.spells(&format!("{stem}e")))
        })
}

/// A verb form with a separable particle in front ("hingereist", "herauszuwinden",
/// "auslaugend"): the rest, possibly after the infinitive's "zu", is a verb form.
fn is_particle_verb(lex: &Lexicon, form: &str) -> bool {
    if is_capitalised(form) {
        return false;
    }
    lex.lists.verb_particles.iter().any(|particle| {
        form.strip_prefix(particle.as_str()).is_some_and(|rest| {
            let rest = rest
                .strip_prefix("zu")
                .filter(|r| r.chars().count() >= 4)
                .unwrap_or(rest);
            rest.chars().count() >= 4 && is_verb_form(lex, rest)
        })
    })
}

/// A known word, or a present participle of a known verb ("laugend" from "laugen").
fn is_verb_form(lex: &Lexicon, word: &str) -> bool {
    lex.spells(word)
        || ["d", "de", "den", "der", "des", "dem"]
            .iter()
            .any(|ending| {
                word.strip_suffix(ending)
                    .filter(|infinitive| infinitive.ends_with("en"))
                    .is_some_and(|infinitive| lex.spells(infinitive))
            })
}
