//! From a checked path to the settings it is checked with: find the nearest `mtlint.toml`
//! (or the one named with `--config`), load it once, and merge it with the command line,
//! which wins over the file, which wins over the defaults.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::paths::absolute;
use super::{Config, ConfigError, FILE_NAME, PathFilter};
use crate::baseline::Baseline;
use crate::checks::Check;
use crate::document::ReadOptions;
use crate::finding::Severity;
use crate::input::STDIN;
use crate::report::Options;
use crate::score::DEFAULT_THRESHOLD;

/// Where the configuration comes from.
#[derive(Debug, Clone)]
pub enum ConfigSource {
    /// The nearest `mtlint.toml` to each checked file (the current folder for stdin).
    Discover,
    /// One file for every checked file (`--config`).
    File(PathBuf),
    /// No file: built-in defaults (`--no-config`).
    Defaults,
}

/// Command-line settings that override the config file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub language: Option<String>,
    pub fail_under: Option<f64>,
    pub fail_on: Option<Severity>,
    pub baseline: Option<Arc<Baseline>>,
    /// The original article for bilingual checks (`--source`).
    pub source: Option<Arc<str>>,
}

/// Everything needed to check files under one config.
pub struct Settings {
    /// The config file these settings come from, if any.
    pub file: Option<PathBuf>,
    pub options: Options,
    pub checks: Vec<Box<dyn Check>>,
    pub filter: PathFilter,
}

impl Settings {
    pub fn new(config: &Config, overrides: &Overrides) -> Settings {
        let options = Options {
            read: ReadOptions {
                language: overrides.language.clone().or(config.language.clone()),
                house_names: config.house_list.clone(),
            },
            weights: config.weights,
            threshold: overrides
                .fail_under
                .or(config.fail_under)
                .unwrap_or(DEFAULT_THRESHOLD),
            fail_on: overrides
                .fail_on
                .or(config.fail_on)
                .unwrap_or(Severity::Critical),
            source_language: config.source_language.clone(),
            severities: config.severities.clone(),
            ignore: config.ignore.clone(),
            accept_words: config.accept_words.clone(),
            house_names: config.house_names.clone(),
            baseline: overrides.baseline.clone(),
            source: overrides.source.clone(),
        };
        Settings {
            file: config.file.clone(),
            options,
            checks: config.checks(),
            filter: config.paths.clone(),
        }
    }

    /// Whether the config's `[paths]` patterns let `path` be checked; stdin always is.
    pub fn includes(&self, path: &str) -> bool {
        path == STDIN || self.filter.allows(Path::new(path))
    }
}

/// The nearest `mtlint.toml` in `folder` or one of its parents.
pub fn discover(folder: &Path) -> Option<PathBuf> {
    absolute(folder)
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// Finds and loads the settings of each checked path, loading every config file once.
pub struct Resolver {
    source: ConfigSource,
    overrides: Overrides,
    found: HashMap<PathBuf, Option<PathBuf>>,
    loaded: HashMap<Option<PathBuf>, Arc<Settings>>,
}

impl Resolver {
    pub fn new(source: ConfigSource, overrides: Overrides) -> Resolver {
        Resolver {
            source,
            overrides,
            found: HashMap::new(),
            loaded: HashMap::new(),
        }
    }

    /// The settings for the file at `path` (`-` for stdin).
    pub fn settings_for(&mut self, path: &str) -> Result<Arc<Settings>, ConfigError> {
        let file = self.config_file_for(path);
        if let Some(settings) = self.loaded.get(&file) {
            return Ok(Arc::clone(settings));
        }
        let config = match &file {
            Some(f) => Config::load(f)?,
            None => Config::default(),
        };
        let settings = Arc::new(Settings::new(&config, &self.overrides));
        self.loaded.insert(file, Arc::clone(&settings));
        Ok(settings)
    }

    fn config_file_for(&mut self, path: &str) -> Option<PathBuf> {
        match &self.source {
            ConfigSource::File(f) => Some(f.clone()),
            ConfigSource::Defaults => None,
            ConfigSource::Discover => {
                let folder = if path == STDIN {
                    PathBuf::from(".")
                } else {
                    absolute(Path::new(path))
                        .parent()
                        .map_or_else(|| PathBuf::from("/"), Path::to_path_buf)
                };
                self.found
                    .entry(folder)
                    .or_insert_with_key(|f| discover(f))
                    .clone()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_wins_over_the_file() {
        let config = Config {
            language: Some("de".into()),
            fail_under: Some(70.0),
            fail_on: Some(Severity::Major),
            ..Config::default()
        };
        let s = Settings::new(&config, &Overrides::default());
        assert_eq!(s.options.read.language.as_deref(), Some("de"));
        assert_eq!(s.options.threshold, 70.0);
        assert_eq!(s.options.fail_on, Severity::Major);
        let overrides = Overrides {
            language: Some("en".into()),
            fail_under: Some(95.0),
            fail_on: Some(Severity::Minor),
            ..Overrides::default()
        };
        let s = Settings::new(&config, &overrides);
        assert_eq!(s.options.read.language.as_deref(), Some("en"));
        assert_eq!(s.options.threshold, 95.0);
        assert_eq!(s.options.fail_on, Severity::Minor);
    }

    #[test]
    fn defaults_without_a_file() {
        let s = Settings::new(&Config::default(), &Overrides::default());
        assert_eq!(s.options.threshold, DEFAULT_THRESHOLD);
        assert_eq!(s.options.fail_on, Severity::Critical);
        assert!(s.includes("anything.txt"));
    }

    #[test]
    fn the_nearest_config_is_found_and_loaded_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let outer = dir.path();
        let inner = outer.join("de/2024");
        std::fs::create_dir_all(&inner).expect("mkdir");
        std::fs::write(outer.join(FILE_NAME), "[score]\nfail-under = 50\n").expect("write");
        std::fs::write(
            outer.join("de").join(FILE_NAME),
            "[score]\nfail-under = 60\n",
        )
        .expect("write");
        assert_eq!(discover(&inner), Some(outer.join("de").join(FILE_NAME)));
        let mut resolver = Resolver::new(ConfigSource::Discover, Overrides::default());
        let a = resolver
            .settings_for(&inner.join("a.txt").display().to_string())
            .expect("loads");
        let b = resolver
            .settings_for(&outer.join("de/b.txt").display().to_string())
            .expect("loads");
        let c = resolver
            .settings_for(&outer.join("c.txt").display().to_string())
            .expect("loads");
        assert_eq!(a.options.threshold, 60.0);
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(c.options.threshold, 50.0);
    }
}
