//! mtlint checks machine-translated news articles for the telltale errors of machine
//! translation: dangling quotation marks, repeated captions, hyphens for dashes, garbled
//! fragments, doubled words, capitalisation and comma slips — each finding with its evidence
//! and a suggestion — and scores the article MQM-style.
//!
//! The pipeline: [`input`] reads text, [`document`] parses it once into blocks, sentences,
//! tokens and quote pairs (with [`anatomy`] marking what is not article text), the
//! [`checks`] push [`finding::Finding`]s, [`score`] turns them into a score, and [`render`]
//! prints a [`report::DocumentReport`] in one of the output formats.
//!
//! For CI, [`config`] reads `mtlint.toml` (rules, severities, pass mark, accepted words, house
//! names, paths), [`suppress`] drops findings accepted in the text or the config, and
//! [`baseline`] drops findings recorded earlier, so that a run reports only what is new.

pub mod anatomy;
pub mod baseline;
pub mod bilingual;
pub mod checks;
pub mod config;
pub mod document;
pub mod finding;
pub mod input;
pub mod lang;
pub mod langid;
pub mod locale;
pub mod names;
pub mod quotes;
pub mod render;
pub mod report;
pub mod score;
pub mod suppress;
