//! mtlint checks machine-translated news articles for the telltale errors of machine
//! translation: dangling quotation marks, repeated captions, hyphens for dashes, garbled
//! fragments, doubled words, capitalisation and comma slips — each finding with its evidence
//! and a suggestion — and scores the article MQM-style.
//!
//! The pipeline: [`input`] reads text, [`document`] parses it once into blocks, sentences,
//! tokens and quote pairs (with [`anatomy`] marking what is not article text), the
//! [`checks`] push [`finding::Finding`]s, [`score`] turns them into a score, and [`render`]
//! prints a [`report::DocumentReport`] in one of the output formats.

pub mod anatomy;
pub mod checks;
pub mod document;
pub mod finding;
pub mod input;
pub mod lang;
pub mod lexicon;
pub mod quotes;
pub mod render;
pub mod report;
pub mod score;
