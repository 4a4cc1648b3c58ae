//! In-article name variants: spellings of one name that fold to the same key ("Kim Jong-un"
//! and "Kim Jong Un", "Aleksey Nikolskyi" and "Alexei Nikolsky"). Every run of name words is
//! compared by its trailing one to four words, so "Kremlchef Vladimir Putin" meets
//! "Wladimir Putin" while a given name alone ("Alexey Druzhinyn" next to "Alexei Nikolsky")
//! never makes two people one.

use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::ops::Range;

use super::{Context, fold, lexicon};

/// Names are compared by up to this many trailing words.
const MAX_WORDS: usize = 4;
/// Spellings this short only vary by case, accents and hyphens: "Xi" is not "Xie".
const SHORT_NAME_CHARS: usize = 3;

/// One spelling of a name where the article has another.
#[derive(Debug, Clone)]
pub struct Variant {
    /// The spelling as written, genitive `s` included; only the surname when the rest of
    /// the name is the same or a given name.
    pub span: Range<usize>,
    /// The whole name as written, for the message.
    pub name: String,
    /// The spelling to use, genitive `s` included.
    pub suggestion: String,
    /// The spelling this one loses to (without a genitive `s`).
    pub preferred: String,
    /// The forms of the name in the article with their counts and line numbers, the
    /// preferred one first.
    pub forms: Vec<(String, Vec<usize>)>,
    /// The house-list row behind the suggestion, if any.
    pub house_row: Option<usize>,
    /// The name is a head of state's or the article's main subject.
    pub major: bool,
}

/// A trailing word run of a mention. Spelling and key are borrowed where they can be (one
/// word, no genitive): a document has hundreds of runs, and most are one word.
#[derive(Debug, Clone)]
struct Occurrence<'o> {
    tokens: Range<usize>,
    span: Range<usize>,
    /// The spelling without a genitive `s`.
    form: Cow<'o, str>,
    /// The fold key of `form`.
    key: Cow<'o, str>,
    genitive: bool,
}

/// Every name variant of the document, longest spans first when they overlap.
pub fn find(cx: &Context) -> Vec<Variant> {
    // Three checks ask; the answer is computed once per document.
    cx.doc.name_variants.get_or_init(|| compute(cx)).clone()
}

fn compute(cx: &Context) -> Vec<Variant> {
    let keys = WordKeys::of_mentions(cx);
    let occurrences = occurrences(cx, &keys);
    // Occurrences grouped by key. Most groups are one spelling, which has no variant: a
    // group is only marked as mixed here, and its occurrences are gathered if it is.
    let mut groups: FxHashMap<&str, MixedGroup> =
        FxHashMap::with_capacity_and_hasher(occurrences.len(), Default::default());
    for (i, o) in occurrences.iter().enumerate() {
        let group = groups.entry(&o.key).or_insert(MixedGroup {
            first: i,
            mixed: false,
        });
        group.mixed |= occurrences[group.first].form != o.form;
    }
    // Judged in text order, not in the map's: the order decides between two variants with
    // the same span and suggestion, and it must not hang on the map's capacity.
    let mut mixed: Vec<usize> = groups
        .into_values()
        .filter(|g| g.mixed)
        .map(|g| g.first)
        .collect();
    mixed.sort_unstable();
    let judged: Vec<Vec<&Occurrence>> = mixed
        .into_iter()
        .filter_map(|first| same_name_part(cx, members(&occurrences, first)))
        .collect();
    let mut found: Vec<Variant> = judged
        .iter()
        .map(|g| without_judged_longer(g, &judged))
        .filter(|g| g.iter().any(|o| o.form != g[0].form))
        .flat_map(|g| group_variants(cx, &g))
        .collect();
    found.sort_by(|a, b| {
        (std::cmp::Reverse(a.span.len()), a.span.start, &a.suggestion).cmp(&(
            std::cmp::Reverse(b.span.len()),
            b.span.start,
            &b.suggestion,
        ))
    });
    let mut kept: Vec<Variant> = Vec::new();
    for v in found {
        if !kept.iter().any(|k| overlaps(&k.span, &v.span)) {
            kept.push(v);
        }
    }
    kept.sort_by_key(|v| v.span.start);
    kept
}

/// A group of occurrences with one key, while grouping: its first occurrence, and whether
/// another one is spelled differently.
struct MixedGroup {
    first: usize,
    mixed: bool,
}

/// The occurrences with the key of occurrence `first`, which is the first one with it.
fn members<'o, 'w>(occurrences: &'o [Occurrence<'w>], first: usize) -> Vec<&'o Occurrence<'w>> {
    let key = &occurrences[first].key;
    occurrences[first..]
        .iter()
        .filter(|o| o.key == *key)
        .collect()
}

/// A shorter run inside a judged longer one follows the longer one's verdict: "Jong Un"
/// inside "Kim Jong Un" is not compared with "Jong-un" on its own.
fn without_judged_longer<'o, 'w>(
    group: &[&'o Occurrence<'w>],
    judged: &[Vec<&Occurrence>],
) -> Vec<&'o Occurrence<'w>> {
    group
        .iter()
        .copied()
        .filter(|o| {
            !judged
                .iter()
                .flatten()
                .any(|l| l.tokens.end == o.tokens.end && l.tokens.start < o.tokens.start)
        })
        .collect()
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The trailing runs of every mention, genitives reduced to their base where the article
/// has the base too ("Putins" → "Putin").
fn occurrences<'o>(cx: &Context<'_, 'o>, keys: &'o WordKeys) -> Vec<Occurrence<'o>> {
    let runs = cx
        .mentions
        .iter()
        .map(|m| m.tokens.len().min(MAX_WORDS))
        .sum();
    let mut out = Vec::with_capacity(runs);
    for m in cx.mentions {
        for n in 1..=m.tokens.len().min(MAX_WORDS) {
            let tokens = m.tokens.end - n..m.tokens.end;
            let span =
                cx.doc.tokens[tokens.start].span.start..cx.doc.tokens[tokens.end - 1].span.end;
            let form = normalise_spaces(cx.doc.slice(&span));
            out.push(Occurrence {
                key: keys.of_words(cx, tokens.clone()),
                tokens,
                span,
                form,
                genitive: false,
            });
        }
    }
    let genitives = genitive_bases(&out);
    for (o, genitive) in out.iter_mut().zip(genitives) {
        // An English apostrophe genitive is still the name ("Dunlap's" is "Dunlap").
        if let Some(base) = o
            .form
            .strip_suffix("'s")
            .or_else(|| o.form.strip_suffix("’s"))
        {
            let apostrophe = o.form.len() - base.len();
            o.form = Cow::Owned(base.to_string());
            o.key = Cow::Owned(fold::fold(&o.form));
            o.span.end -= apostrophe;
            o.genitive = false;
            continue;
        }
        if genitive {
            o.form.to_mut().pop();
            o.key = Cow::Owned(fold::fold(&o.form));
            o.span.end -= 1;
            o.genitive = true;
        }
    }
    out
}

/// The fold keys of the words of a document's mentions, each distinct form folded once:
/// names recur throughout an article.
struct WordKeys {
    /// The keys one after the other, in one string rather than one string each.
    text: String,
    /// By vocabulary id: where the form's key stands in `text`.
    spans: Vec<Option<Range<usize>>>,
}

impl WordKeys {
    fn of_mentions(cx: &Context) -> WordKeys {
        let mut keys = WordKeys {
            // A folded name word has about as many bytes as the word, most mentions are a
            // word or two, and many recur: room enough that the string seldom grows.
            text: String::with_capacity(16 * cx.mentions.len()),
            spans: vec![None; cx.doc.vocabulary.forms.len()],
        };
        for t in cx.mentions.iter().flat_map(|m| m.tokens.clone()) {
            if let Some(id) = cx.doc.vocabulary.id(t)
                && keys.spans[id].is_none()
            {
                let start = keys.text.len();
                fold::fold_into(cx.word(t), &mut keys.text);
                keys.spans[id] = Some(start..keys.text.len());
            }
        }
        keys
    }

    /// The fold key of the words `tokens` of a mention, `fold::fold` of them as written
    /// with spaces normalised. Fold keys are made word by word, and the words of a mention
    /// are tokens without spaces joined by spaces only: the key of the run is the keys of
    /// its words one after the other.
    fn of_words<'k>(&'k self, cx: &Context, tokens: Range<usize>) -> Cow<'k, str> {
        if tokens.len() == 1
            && let Some(key) = self.of_word(cx, tokens.start)
        {
            return Cow::Borrowed(key);
        }
        // Room for the key of a name of a few words, so that it is not grown word by word.
        let mut key = String::with_capacity(32);
        for t in tokens {
            match self.of_word(cx, t) {
                Some(k) => key.push_str(k),
                None => fold::fold_into(cx.word(t), &mut key),
            }
        }
        Cow::Owned(key)
    }

    /// The key of a word of a mention.
    fn of_word(&self, cx: &Context, token: usize) -> Option<&str> {
        let id = cx.doc.vocabulary.id(token)?;
        let span = self.spans.get(id)?.clone()?;
        Some(&self.text[span])
    }
}

/// For each occurrence, whether it ends in a genitive `s` (see [`is_genitive_of`]).
fn genitive_bases(out: &[Occurrence]) -> Vec<bool> {
    let bases: Vec<Option<&str>> = out.iter().map(|o| genitive_base(&o.form)).collect();
    let among = Among::of(out, bases.iter().flatten().count());
    bases
        .iter()
        .map(|base| base.is_some_and(|base| is_genitive_of(base, &among)))
        .collect()
}

/// The base a form would have as a genitive: the form without its final `s`, if at least
/// two letters remain.
fn genitive_base(form: &str) -> Option<&str> {
    form.strip_suffix('s')
        .filter(|base| base.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// A name with a genitive `s` folds to its base when the article has the base as written,
/// or a spelling of it that does not end in `e`: "Ladies" is no genitive of "Lady".
fn is_genitive_of(base: &str, among: &Among) -> bool {
    among.has_form(base) || (!base.ends_with('e') && among.has_key(&fold::fold(base)))
}

/// Up to this many comparisons, the occurrences are searched one by one (see [`Among`]).
const SCAN_MAX_COMPARISONS: usize = 4096;

/// The forms and keys of a document's occurrences, for asking whether a spelling is among
/// them. Most articles ask about a few names ending in `s`, and comparing them with every
/// occurrence costs less than hashing every occurrence; an article that asks more gets sets.
enum Among<'a> {
    Scan(&'a [Occurrence<'a>]),
    Sets {
        forms: FxHashSet<&'a str>,
        keys: FxHashSet<&'a str>,
    },
}

impl<'a> Among<'a> {
    fn of(out: &'a [Occurrence<'a>], questions: usize) -> Among<'a> {
        if questions.saturating_mul(out.len()) <= SCAN_MAX_COMPARISONS {
            return Among::Scan(out);
        }
        Among::Sets {
            forms: out.iter().map(|o| o.form.as_ref()).collect(),
            keys: out.iter().map(|o| o.key.as_ref()).collect(),
        }
    }

    fn has_form(&self, form: &str) -> bool {
        match self {
            Among::Scan(out) => out.iter().any(|o| o.form == form),
            Among::Sets { forms, .. } => forms.contains(form),
        }
    }

    fn has_key(&self, key: &str) -> bool {
        match self {
            Among::Scan(out) => out.iter().any(|o| o.key == key),
            Among::Sets { keys, .. } => keys.contains(key),
        }
    }
}

fn normalise_spaces(s: &str) -> Cow<'_, str> {
    if !s.contains(char::is_whitespace) {
        // One word: most runs.
        return Cow::Borrowed(s);
    }
    // Words written with single plain spaces: most of the rest.
    let mut after_space = true;
    let single_spaces = s.chars().all(|c| {
        let fits = if c == ' ' {
            !after_space
        } else {
            !c.is_whitespace()
        };
        after_space = c == ' ';
        fits
    });
    if single_spaces && !after_space {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The spellings of a group that name the same as its preferred one, if there are at least
/// two.
fn same_name_part<'o, 'w>(
    cx: &Context,
    group: Vec<&'o Occurrence<'w>>,
) -> Option<Vec<&'o Occurrence<'w>>> {
    // Most groups are one spelling written once or more: no need to sort them by spelling.
    if group.iter().all(|o| o.form == group[0].form) {
        return None;
    }
    let by_form = forms_of(&group);
    if by_form.len() < 2 {
        return None;
    }
    let preferred = &by_form[preferred_form(cx, &by_form)].0;
    let kept: Vec<&Occurrence> = group
        .into_iter()
        .filter(|o| same_name(cx, &o.form, preferred))
        .collect();
    (forms_of(&kept).len() >= 2).then_some(kept)
}

/// The occurrences of a group by spelling, in order of first appearance.
fn forms_of<'o, 'w>(group: &[&'o Occurrence<'w>]) -> Vec<(String, Vec<&'o Occurrence<'w>>)> {
    let mut by_form: Vec<(String, Vec<&Occurrence>)> = Vec::new();
    for o in group {
        match by_form.iter_mut().find(|(f, _)| *f == o.form) {
            Some((_, list)) => list.push(o),
            None => by_form.push((o.form.to_string(), vec![o])),
        }
    }
    by_form.sort_by_key(|(_, list)| list.iter().map(|o| o.span.start).min());
    by_form
}

/// The variants of one group of spellings with the same fold key.
fn group_variants(cx: &Context, group: &[&Occurrence]) -> Vec<Variant> {
    let by_form = forms_of(group);
    let preferred = preferred_form(cx, &by_form);
    let (pref_form, _) = &by_form[preferred];
    let house_row = cx
        .house
        .house_row(pref_form)
        .or_else(|| variant_row(cx, pref_form));
    let suggestion_base = house_row.map_or(pref_form.clone(), |r| cx.house.row(r).house.clone());
    let major = house_row.is_some_and(|r| cx.house.row(r).head_of_state)
        || by_form.iter().any(|(f, _)| cx.subjects().contains(f));
    let forms: Vec<(String, Vec<usize>)> = std::iter::once(preferred)
        .chain((0..by_form.len()).filter(|&i| i != preferred))
        .map(|i| {
            let (form, list) = &by_form[i];
            let lines = list
                .iter()
                .map(|o| cx.doc.line_number(o.span.start))
                .collect();
            (form.clone(), lines)
        })
        .collect();
    let mut out = Vec::new();
    for (i, (form, list)) in by_form.iter().enumerate() {
        if i == preferred {
            continue;
        }
        let narrow = surname_only(cx, form, pref_form);
        let guard = guards_german_word(cx, pref_form);
        for o in list
            .iter()
            .filter(|o| !(guard && next_to_foreign_word(cx, o, group)))
        {
            let s = if o.genitive { "s" } else { "" };
            let (start, suggestion) = if narrow {
                let last = &cx.doc.tokens[o.tokens.end - 1].span;
                (last.start, last_word(&suggestion_base))
            } else {
                (o.span.start, suggestion_base.as_str())
            };
            out.push(Variant {
                span: start..o.span.end + s.len(),
                name: form.clone(),
                suggestion: format!("{suggestion}{s}"),
                preferred: pref_form.clone(),
                forms: forms.clone(),
                house_row,
                major,
            });
        }
    }
    out
}

/// The house form present in the group, else the most frequent spelling, else the one whose
/// words are most frequent in the article ("Jeremy Corbyn" once, but "Corbyn" twice); ties
/// go to the spelling whose rarest word is most common in the language ("Michelle" over
/// "Mitschelle"), then to the German romanisation of an East Slavic name, then to the first
/// mention, which sets the spelling for the rest of an article.
fn preferred_form(cx: &Context, by_form: &[(String, Vec<&Occurrence>)]) -> usize {
    let rom = &cx.data.romanization;
    let score = |(form, list): &(String, Vec<&Occurrence>)| {
        let words: Vec<&str> = form.split([' ', '-']).filter(|w| !w.is_empty()).collect();
        let rarest = words
            .iter()
            .map(|w| cx.data.lexicon.zipf(w))
            .fold(f32::INFINITY, f32::min);
        let german = words
            .iter()
            .any(|w| rom.has_strong_ending(w) || rom.looks_german(w))
            && words.iter().all(|w| rom.at_most_weak_changes(w));
        let support: usize = words.iter().map(|w| cx.doc.count(w)).sum();
        (
            cx.house.house_row(form).is_some(),
            list.len(),
            support,
            (rarest * 10.0).round() as i32,
            german,
        )
    };
    let mut best = 0;
    for i in 1..by_form.len() {
        if score(&by_form[i]) > score(&by_form[best]) {
            best = i;
        }
    }
    best
}

/// Only the last word needs changing: the words before it are the same or a given name,
/// whose spelling varies between people ("Aleksey Nikolskyi" → "Nikolsky").
fn surname_only(cx: &Context, form: &str, preferred: &str) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) =
        (form.split(' ').collect(), preferred.split(' ').collect());
    a.len() == b.len()
        && a.len() >= 2
        && a.last() != b.last()
        && a[..a.len() - 1]
            .iter()
            .zip(&b)
            .all(|(x, y)| x == y || cx.data.romanization.given_name(x).is_some())
}

fn last_word(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

/// The row that lists `form` as a variant.
fn variant_row(cx: &Context, form: &str) -> Option<usize> {
    cx.house
        .rows()
        .iter()
        .position(|r| r.variants.iter().any(|v| v == form))
}

/// Whether a spelling `a` names the same as the preferred spelling `b` of its group. Not
/// when both are house forms (two people), when short names differ by more than case,
/// accents and hyphens ("Xi", "Xie"), when the difference is an acronym's case
/// ("Us-Dollar"), an umlaut between two German words ("Hafen", "Häfen"), or an English
/// word for a German common noun ("Capital", "Kapital": untranslated, not a name).
fn same_name(cx: &Context, a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let lex = &cx.data.lexicon;
    let both_house = cx.house.house_row(a).is_some() && cx.house.house_row(b).is_some();
    let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
    let short_and_different = letters(a) <= SHORT_NAME_CHARS
        && letters(b) <= SHORT_NAME_CHARS
        && fold::fold_plain(a) != fold::fold_plain(b);
    let acronym_case = a.to_lowercase() == b.to_lowercase()
        && a.split([' ', '-'])
            .chain(b.split([' ', '-']))
            .any(is_acronym);
    let umlaut_words = fold::fold_plain(&without_umlauts(a))
        == fold::fold_plain(&without_umlauts(b))
        && lex.knows(a)
        && lex.knows(b);
    let english_for_noun =
        !b.contains(' ') && lex.is_compounding(b) && !lex.knows(a) && lex.zipf(a) > 0.0;
    let different = both_house || short_and_different || acronym_case || umlaut_words;
    !(different || english_for_noun)
}

fn is_acronym(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase())
}

fn without_umlauts(word: &str) -> String {
    word.chars()
        .map(|c| lexicon::plain_vowel(c).unwrap_or(c))
        .collect()
}

/// The spelling is part of a longer proper name of something else ("Capitol Hill" next to
/// "Kapitol"): a foreign word stands next to it that never stands next to another spelling
/// of the group ("HMP Wandsvorth" next to "HMP Wandsworth" is a variant).
fn next_to_foreign_word(cx: &Context, o: &Occurrence, group: &[&Occurrence]) -> bool {
    let sides = [
        (cx.neighbour(o.tokens.start, false), false),
        (cx.neighbour(o.tokens.end - 1, true), true),
    ];
    sides.into_iter().any(|(token, after)| {
        token.is_some_and(|t| {
            let word = cx.word(t);
            let shared = group.iter().filter(|g| g.form != o.form).any(|g| {
                let edge = if after {
                    g.tokens.end - 1
                } else {
                    g.tokens.start
                };
                cx.neighbour(edge, after)
                    .is_some_and(|n| cx.word(n) == word)
            });
            cx.is_foreign_neighbour(t) && !shared
        })
    })
}

/// The foreign-neighbour test only protects German words from foreign names that contain
/// their English cognate ("Kanada", "LNG Canada"); two foreign spellings are compared.
fn guards_german_word(cx: &Context, preferred: &str) -> bool {
    preferred.split(' ').all(|w| cx.data.lexicon.knows(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, ReadOptions};

    fn german(text: &str) -> Document<'_> {
        Document::parse(
            text,
            &ReadOptions {
                language: Some("de".into()),
                ..ReadOptions::default()
            },
        )
    }

    fn variants(text: &str) -> Vec<(String, String)> {
        let doc = german(text);
        let cx = Context::new(&doc).expect("German name data");
        find(&cx)
            .into_iter()
            .map(|v| (text[v.span].to_string(), v.suggestion))
            .collect()
    }

    /// Hyphens, umlauts, ß, a no-break space, particles, all caps, a genitive and a credit.
    #[test]
    fn word_keys_agree_with_folding_the_whole_run() {
        let text = "Präsident Kim Jong-un traf Olaf\u{a0}Scholz und Ursula von der Leyen. \
                    Die ÖSTERREICHISCHE Presse, Herr Müller-Lüdenscheidt und Gerhard Schröders \
                    Sprecher Andrej Orlow kamen nach Groß Gerau. Putin  Wladimirowitsch \
                    Straße. © Alexei Petrovsky/Foto\n";
        let doc = german(text);
        let cx = Context::new(&doc).expect("German name data");
        let keys = WordKeys::of_mentions(&cx);
        let mut runs = 0;
        for m in cx.mentions {
            for start in m.tokens.clone() {
                let span = doc.tokens[start].span.start..doc.tokens[m.tokens.end - 1].span.end;
                let whole = fold::fold(&normalise_spaces(doc.slice(&span)));
                assert_eq!(
                    keys.of_words(&cx, start..m.tokens.end),
                    whole,
                    "{}",
                    doc.slice(&span)
                );
                runs += 1;
            }
        }
        assert!(runs >= 12, "{runs}");
    }

    #[test]
    fn genitives_are_found_alike_by_scanning_and_by_sets() {
        let occurrence = |form: &'static str| Occurrence {
            tokens: 0..1,
            span: 0..form.len(),
            form: Cow::Borrowed(form),
            key: Cow::Owned(fold::fold(form)),
            genitive: false,
        };
        let out: Vec<Occurrence> = [
            "Putins",
            "Putin",
            "Ladies",
            "Lady",
            "Selenskyjs",
            "Selenskij",
            "Thomas",
            "Xis",
            "Kim Jong-uns",
            "Kim Jong-un",
            "Os",
        ]
        .map(occurrence)
        .to_vec();
        let expected = [
            true, false, false, false, true, false, false, false, true, false, false,
        ];
        assert_eq!(genitive_bases(&out), expected);
        let sets = Among::of(&out, SCAN_MAX_COMPARISONS + 1);
        assert!(matches!(sets, Among::Sets { .. }));
        let by_sets: Vec<bool> = out
            .iter()
            .map(|o| genitive_base(&o.form).is_some_and(|base| is_genitive_of(base, &sets)))
            .collect();
        assert_eq!(by_sets, expected);
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn spaces_are_normalised_only_where_needed() {
        for (text, normal) in [
            ("Kim Jong Un", "Kim Jong Un"),
            ("Olaf\u{a0}Scholz", "Olaf Scholz"),
            ("Putin  Wladimirowitsch", "Putin Wladimirowitsch"),
            ("Putin", "Putin"),
        ] {
            let got = normalise_spaces(text);
            assert_eq!(got, normal);
            assert_eq!(matches!(got, Cow::Borrowed(_)), text == normal, "{text}");
        }
    }

    #[test]
    fn hyphenated_korean_name_is_a_variant() {
        let text = "Kim Jong-un reiste ab.\nDort traf er Kim Jong Un. Später kam Kim Jong Un.\n";
        assert_eq!(variants(text), vec![pair("Kim Jong-un", "Kim Jong Un")]);
    }

    #[test]
    fn the_house_form_wins_even_in_the_minority() {
        let text = "Gestern sprach Kim Jong-un. Dann sprach Kim Jong-un. Und Kim Jong Un schwieg.";
        assert_eq!(
            variants(text),
            vec![
                pair("Kim Jong-un", "Kim Jong Un"),
                pair("Kim Jong-un", "Kim Jong Un")
            ]
        );
    }

    #[test]
    fn other_members_of_a_family_are_not_variants() {
        let text =
            "Kim Jong Un kam, Kims Familie auch: Kim Jong Il, Kim Il Sung. Es sprach Mi-ra Kim.";
        assert!(variants(text).is_empty());
    }

    #[test]
    fn genitives_fold_to_their_base() {
        let text = "Putin kam. Putins Rede dauerte lange, sagte Putin.";
        assert!(variants(text).is_empty());
        let text = "Kim Jong Un kam. Er ist Kim Jong Un. Kim Jong-uns Schwester kam.";
        assert_eq!(variants(text), vec![pair("Kim Jong-uns", "Kim Jong Uns")]);
    }

    #[test]
    fn apostrophe_genitives_are_the_name() {
        assert!(variants("Dunlap kam. Dunlap's Auto stand da. Dunlap ging.").is_empty());
    }

    #[test]
    fn english_plurals_are_not_genitives() {
        assert!(variants("Die First Lady kam. Ladies and Gentlemen, sagte Lady Gaga.").is_empty());
    }

    #[test]
    fn photographers_in_credits_are_compared() {
        let text = "Ein Hafen am See. © Alexei Petrovsky/Foto\n\
                    Ein Haus im Wald. © Aleksey Petrovskyi/Foto\n\
                    Ein Boot am Fluss. © Alexei Petrovsky/Foto\n";
        assert_eq!(variants(text), vec![pair("Petrovskyi", "Petrovsky")]);
    }

    #[test]
    fn only_the_surname_is_marked_when_the_rest_agrees() {
        let text = "Jeremy Corbyn sprach. Corbyn lachte. Dann kam Jeremy Corbin.";
        assert_eq!(variants(text), vec![pair("Corbin", "Corbyn")]);
    }

    #[test]
    fn a_given_name_alone_does_not_join_two_people() {
        let text = "Ein Bild. © Alexei Petrovsky/Foto\nEin Bild. © Alexey Malinin/Foto\n";
        assert!(variants(text).is_empty());
    }

    #[test]
    fn transliteration_variants_of_a_surname() {
        let text = "Poroschenko sprach. Dann sprach Poroschenko. Poroshenko widersprach.";
        assert_eq!(variants(text), vec![pair("Poroshenko", "Poroschenko")]);
    }

    #[test]
    fn a_given_name_variant_inside_a_longer_run() {
        let text = "Wladimir Putin kam. Wladimir Putin ging. Kremlchef Vladimir Putin blieb.";
        assert_eq!(
            variants(text),
            vec![pair("Vladimir Putin", "Wladimir Putin")]
        );
    }

    #[test]
    fn short_names_and_common_nouns_are_not_merged() {
        assert!(variants("Xi sprach mit Xie. Xi lachte.").is_empty());
        assert!(
            variants("Die Tochter und die Töchter kamen. Die Ex-Frau und die Exfrau.").is_empty()
        );
        assert!(variants("Vier Leute kamen. Wir gingen.").is_empty());
        assert!(
            variants("Der US-Dollar fiel. Der US-Dollar stieg. Der Us-Dollar blieb.").is_empty()
        );
        assert!(variants("Der Hafen war voll, die Häfen auch.").is_empty());
        assert!(variants("Kapital floss. Das sagte die Firma Renaissance Capital.").is_empty());
    }

    #[test]
    fn a_shared_acronym_does_not_hide_a_variant() {
        let text = "Das Gefängnis HMP Wandsworth meldete sich. Ein Sprecher von HMP Wandsvorth sagte nichts.";
        assert_eq!(variants(text), vec![pair("Wandsvorth", "Wandsworth")]);
    }

    #[test]
    fn a_name_inside_a_foreign_proper_name_is_left_alone() {
        let text = "Kanada baut. Kanada plant. Das Projekt LNG Canada wächst.";
        assert!(variants(text).is_empty());
    }
}
