//! The project configuration, `mtlint.toml`: which rules run and at what severity, the pass
//! mark and weights, the newsroom's accepted words and house spellings of names, accepted
//! findings, and which files are checked.
//!
//! The file is read into private wire structs that reject unknown keys, then checked value by
//! value; every problem is a [`ConfigError`] naming the file and line, because a CI job that
//! silently ignores a misspelt key is worse than one that stops. [`Resolver`] finds the file
//! for each checked path and merges it with the command line into [`Settings`].
//! `mtlint init` writes [`STARTER`], a commented config with every key.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::checks::{self, Check};
use crate::finding::Severity;
use crate::score::Weights;
use crate::suppress::Ignore;

pub(crate) mod paths;
mod read;
mod resolve;

pub use paths::PathFilter;
pub use resolve::{ConfigSource, Overrides, Resolver, Settings, discover};

/// The name mtlint looks for in a checked file's folder and its parents.
pub const FILE_NAME: &str = "mtlint.toml";

/// The commented starter config that `mtlint init` writes.
pub const STARTER: &str = include_str!("starter.toml");

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Invalid {
        path: String,
        line: usize,
        message: String,
    },
    /// A house-names file named by the config is not in the `names.tsv` format.
    #[error(transparent)]
    Names(#[from] crate::names::NamesError),
}

/// A house spelling of a name and the forms that should not appear instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HouseName {
    pub house: String,
    pub variants: Vec<String>,
}

/// The newsroom's house spellings: inline entries, and files in the format of
/// `dictionaries/<lang>/names.tsv` that the names check reads itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HouseNames {
    pub entries: Vec<HouseName>,
    pub files: Vec<PathBuf>,
}

/// A loaded and checked configuration. The default is the configuration of a project
/// without a config file.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it was read from.
    pub file: Option<PathBuf>,
    pub language: Option<String>,
    pub source_language: Option<String>,
    /// Only these rules run, when set.
    pub enable: Option<Vec<String>>,
    pub disable: Vec<String>,
    /// Severity per rule id, replacing the rule's own.
    pub severities: BTreeMap<String, Severity>,
    pub fail_under: Option<f64>,
    pub fail_on: Option<Severity>,
    pub weights: Weights,
    /// Accepted words, inline and from the accept files.
    pub accept_words: Vec<String>,
    pub house_names: HouseNames,
    /// The embedded house list of the target language with the newsroom's names laid over
    /// it, when the config names any (German only: the names checks need German data).
    pub house_list: Option<std::sync::Arc<crate::names::HouseList>>,
    pub ignore: Vec<Ignore>,
    pub paths: PathFilter,
}

impl Config {
    pub fn load(file: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(file).map_err(|source| ConfigError::Read {
            path: file.display().to_string(),
            source,
        })?;
        Config::parse(file, &text)
    }

    /// Reads a config's text; `file` names it in errors and anchors its relative paths.
    pub fn parse(file: &Path, text: &str) -> Result<Config, ConfigError> {
        read::parse(file, text)
    }

    /// The checks this config runs, in the order of [`checks::all`].
    pub fn checks(&self) -> Vec<Box<dyn Check>> {
        checks::all()
            .into_iter()
            .filter(|c| self.runs(c.info().id))
            .collect()
    }

    pub fn runs(&self, rule: &str) -> bool {
        let enabled = self
            .enable
            .as_ref()
            .is_none_or(|ids| ids.iter().any(|id| id == rule));
        enabled && !self.disable.iter().any(|id| id == rule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_config_parses_to_the_defaults() {
        let config = Config::parse(Path::new("mtlint.toml"), STARTER).expect("starter parses");
        assert_eq!(config.fail_under, Some(crate::score::DEFAULT_THRESHOLD));
        assert_eq!(config.fail_on, Some(Severity::Critical));
        assert_eq!(config.weights, Weights::default());
        assert!(config.enable.is_none() && config.disable.is_empty());
        assert_eq!(config.checks().len(), checks::all().len());
    }
}
