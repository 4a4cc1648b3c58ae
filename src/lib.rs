//! mtlint checks machine-translated news articles for the telltale errors of machine
//! translation: dangling quotation marks, repeated captions, hyphens for dashes, garbled
//! fragments, misspellings, name variants, untranslated text, foreign number formats — each
//! finding with its evidence and a suggestion — and scores the article MQM-style.
//!
//! The pipeline: [`input`] reads text, [`document`] parses it once into blocks, sentences,
//! tokens and quote pairs (with [`anatomy`] marking what is not article text), the
//! [`checks`] push [`finding::Finding`]s, [`score`] turns them into a score, and [`render`]
//! prints a [`report::DocumentReport`] in one of the output formats.
//!
//! For CI, [`config`] reads `mtlint.toml` (rules, severities, pass mark, accepted words, house
//! names, paths), [`suppress`] drops findings accepted in the text or the config, and
//! [`baseline`] drops findings recorded earlier, so that a run reports only what is new.
//!
//! Over many documents, [`sources`] expands folders and archives into a lazy stream,
//! [`extract`] turns HTML, Markdown and JSONL records into text, and [`batch`] checks the
//! stream in parallel and writes it in input order through a [`render::Stream`], keeping only
//! the aggregates of [`summary`].

pub mod anatomy;
pub mod baseline;
pub mod batch;
pub mod bilingual;
pub mod checks;
pub mod config;
pub mod document;
pub mod extract;
pub mod finding;
pub mod input;
pub mod keywords;
pub mod lang;
pub mod langid;
pub mod lexicon;
pub mod locale;
pub mod memo;
pub mod names;
pub mod progress;
pub mod quotes;
pub mod render;
pub mod report;
pub mod score;
pub mod sources;
pub mod summary;
pub mod suppress;
