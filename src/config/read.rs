//! Reading `mtlint.toml`: private wire structs that reject unknown keys, then a check of
//! every value, each error naming the file and line.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use super::paths::{self, PathFilter};
use super::{Config, ConfigError, HouseName, HouseNames};
use crate::checks;
use crate::finding::{Severity, UnknownSeverity};
use crate::names::HouseList;
use crate::score::Weights;
use crate::suppress::Ignore;

/// Reads a config's text; `file` names it in errors and anchors its relative paths.
pub(super) fn parse(file: &Path, text: &str) -> Result<Config> {
    let source = Source { file, text };
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| source.line(s.start));
        source.invalid_at_line(line, e.message().trim_end())
    })?;
    source.resolve(raw)
}

// The wire form of the file. Field names are the documented keys.

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    #[serde(default)]
    language: RawLanguage,
    #[serde(default)]
    rules: RawRules,
    #[serde(default)]
    score: RawScore,
    #[serde(default)]
    words: RawWords,
    #[serde(default)]
    names: RawNames,
    #[serde(default)]
    paths: RawPaths,
    #[serde(default)]
    ignore: Vec<RawIgnore>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    target: Option<Spanned<String>>,
    source: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawRules {
    enable: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    disable: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawScore {
    fail_under: Option<Spanned<f64>>,
    fail_on: Option<Spanned<String>>,
    #[serde(default)]
    weights: RawWeights,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawWeights {
    minor: Option<Spanned<f64>>,
    major: Option<Spanned<f64>>,
    critical: Option<Spanned<f64>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawWords {
    #[serde(default)]
    accept: Vec<Spanned<String>>,
    #[serde(default)]
    accept_files: Vec<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawNames {
    #[serde(default)]
    house: Vec<Spanned<RawHouseName>>,
    #[serde(default)]
    house_files: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHouseName {
    house: String,
    #[serde(default)]
    variants: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawPaths {
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIgnore {
    rule: Spanned<String>,
    text: Spanned<String>,
}

/// The config being read: for errors with lines and for paths relative to its folder.
struct Source<'a> {
    file: &'a Path,
    text: &'a str,
}

type Result<T, E = ConfigError> = std::result::Result<T, E>;

impl Source<'_> {
    fn line(&self, offset: usize) -> usize {
        let before = self.text.get(..offset).unwrap_or(self.text);
        before.matches('\n').count() + 1
    }

    fn invalid_at_line(&self, line: usize, message: impl Into<String>) -> ConfigError {
        ConfigError::Invalid {
            path: self.file.display().to_string(),
            line,
            message: message.into(),
        }
    }

    fn invalid(&self, span: Range<usize>, message: impl Into<String>) -> ConfigError {
        self.invalid_at_line(self.line(span.start), message)
    }

    fn folder(&self) -> PathBuf {
        match self.file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    }

    fn resolve(&self, raw: RawConfig) -> Result<Config> {
        let (enable, disable, severities) = self.rules(raw.rules)?;
        let (fail_under, fail_on, weights) = self.score(raw.score)?;
        let language = self.language_code(raw.language.target)?;
        let house_names = self.house_names(raw.names)?;
        let house_list = self.house_list(language.as_deref(), &house_names)?;
        Ok(Config {
            file: Some(self.file.to_path_buf()),
            language,
            source_language: self.language_code(raw.language.source)?,
            enable,
            disable,
            severities,
            fail_under,
            fail_on,
            weights,
            accept_words: self.accept_words(raw.words)?,
            house_names,
            house_list,
            ignore: self.ignore(raw.ignore)?,
            paths: self.paths(raw.paths)?,
        })
    }

    fn language_code(&self, code: Option<Spanned<String>>) -> Result<Option<String>> {
        let Some(code) = code else { return Ok(None) };
        let value = code.get_ref();
        if value.len() == 2 && value.chars().all(|c| c.is_ascii_lowercase()) {
            Ok(Some(value.clone()))
        } else {
            Err(self.invalid(
                code.span(),
                format!("{value:?} is not a two-letter ISO 639-1 language code such as \"de\""),
            ))
        }
    }

    fn rule_id(&self, id: &Spanned<String>) -> Result<String> {
        let value = id.get_ref();
        if checks::rules().iter().any(|r| r.id == value) {
            Ok(value.clone())
        } else {
            Err(self.invalid(
                id.span(),
                format!("unknown rule {value:?}; `mtlint rules` lists the rule ids"),
            ))
        }
    }

    fn severity(&self, name: &Spanned<String>) -> Result<Severity> {
        name.get_ref()
            .parse()
            .map_err(|e: UnknownSeverity| self.invalid(name.span(), e.to_string()))
    }

    #[allow(clippy::type_complexity)]
    fn rules(
        &self,
        raw: RawRules,
    ) -> Result<(Option<Vec<String>>, Vec<String>, BTreeMap<String, Severity>)> {
        let enable = match raw.enable {
            Some(ids) => Some(self.rule_ids(&ids)?),
            None => None,
        };
        let disable = self.rule_ids(&raw.disable)?;
        let mut severities = BTreeMap::new();
        for (id, severity) in &raw.severity {
            severities.insert(self.rule_id(id)?, self.severity(severity)?);
        }
        Ok((enable, disable, severities))
    }

    fn rule_ids(&self, ids: &[Spanned<String>]) -> Result<Vec<String>> {
        ids.iter().map(|id| self.rule_id(id)).collect()
    }

    fn score(&self, raw: RawScore) -> Result<(Option<f64>, Option<Severity>, Weights)> {
        let fail_under = match raw.fail_under {
            Some(v) if (0.0..=100.0).contains(v.get_ref()) => Some(*v.get_ref()),
            Some(v) => {
                let message = format!("fail-under {} is outside 0–100", v.get_ref());
                return Err(self.invalid(v.span(), message));
            }
            None => None,
        };
        let fail_on = match &raw.fail_on {
            Some(name) => Some(self.severity(name)?),
            None => None,
        };
        let defaults = Weights::default();
        let weights = Weights {
            minor: self.weight(raw.weights.minor, defaults.minor)?,
            major: self.weight(raw.weights.major, defaults.major)?,
            critical: self.weight(raw.weights.critical, defaults.critical)?,
        };
        Ok((fail_under, fail_on, weights))
    }

    fn weight(&self, value: Option<Spanned<f64>>, default: f64) -> Result<f64> {
        match value {
            None => Ok(default),
            Some(v) if v.get_ref().is_finite() && *v.get_ref() >= 0.0 => Ok(*v.get_ref()),
            Some(v) => Err(self.invalid(
                v.span(),
                format!(
                    "weight {} must be a number of points, 0 or more",
                    v.get_ref()
                ),
            )),
        }
    }

    fn accept_words(&self, raw: RawWords) -> Result<Vec<String>> {
        let mut words: Vec<String> = Vec::new();
        for word in &raw.accept {
            let w = word.get_ref().trim();
            if w.is_empty() {
                return Err(self.invalid(word.span(), "an accepted word cannot be empty"));
            }
            words.push(w.to_string());
        }
        for file in &raw.accept_files {
            let path = self.existing_file(file)?;
            let text = std::fs::read_to_string(&path).map_err(|e| {
                self.invalid(file.span(), format!("cannot read {}: {e}", path.display()))
            })?;
            words.extend(word_list(&text));
        }
        Ok(words)
    }

    /// A file named in the config, relative to the config's folder; it must exist now so
    /// that a typo fails the run instead of silently accepting nothing.
    fn existing_file(&self, name: &Spanned<String>) -> Result<PathBuf> {
        let path = self.folder().join(name.get_ref());
        if path.is_file() {
            Ok(path)
        } else {
            Err(self.invalid(name.span(), format!("no file {}", path.display())))
        }
    }

    fn house_names(&self, raw: RawNames) -> Result<HouseNames> {
        let mut entries = Vec::new();
        for name in raw.house {
            let span = name.span();
            let name = name.into_inner();
            if name.house.trim().is_empty() {
                return Err(self.invalid(span, "a house name cannot be empty"));
            }
            entries.push(HouseName {
                house: name.house,
                variants: name.variants,
            });
        }
        let files = raw
            .house_files
            .iter()
            .map(|f| self.existing_file(f))
            .collect::<Result<_>>()?;
        Ok(HouseNames { entries, files })
    }

    /// Lays the newsroom's house names (files, then inline entries) over the embedded list of
    /// the target language (German when the config names none).
    fn house_list(
        &self,
        language: Option<&str>,
        names: &HouseNames,
    ) -> Result<Option<Arc<HouseList>>> {
        if names.files.is_empty() && names.entries.is_empty() {
            return Ok(None);
        }
        let lang = language.unwrap_or("de");
        let Some(data) = crate::names::data(lang) else {
            return Ok(None);
        };
        let mut list = data.house.clone();
        for file in &names.files {
            list = list.merged(&HouseList::load(lang, file)?);
        }
        if !names.entries.is_empty() {
            let inline = HouseList::parse(
                lang,
                &inline_rows(&names.entries),
                &self.file.display().to_string(),
            )?;
            list = list.merged(&inline);
        }
        Ok(Some(Arc::new(list)))
    }

    fn ignore(&self, raw: Vec<RawIgnore>) -> Result<Vec<Ignore>> {
        raw.iter()
            .map(|i| {
                if i.text.get_ref().is_empty() {
                    return Err(self.invalid(i.text.span(), "an ignored text cannot be empty"));
                }
                Ok(Ignore {
                    rule: self.rule_id(&i.rule)?,
                    text: i.text.get_ref().clone(),
                })
            })
            .collect()
    }

    fn paths(&self, raw: RawPaths) -> Result<PathFilter> {
        for pattern in raw.include.iter().chain(&raw.exclude) {
            paths::glob(pattern.get_ref()).map_err(|e| {
                self.invalid(
                    pattern.span(),
                    format!("bad glob {:?}: {e}", pattern.get_ref()),
                )
            })?;
        }
        let include: Vec<String> = raw.include.iter().map(|p| p.get_ref().clone()).collect();
        let exclude: Vec<String> = raw.exclude.iter().map(|p| p.get_ref().clone()).collect();
        // Every pattern was checked above, so building the sets cannot fail here.
        PathFilter::new(&self.folder(), &include, &exclude)
            .map_err(|e| self.invalid_at_line(1, format!("bad glob: {e}")))
    }
}

/// The entries of a word-list file: one per line, blank lines and `#` comments skipped.
fn word_list(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
}

/// Inline `[[names.house]]` entries in the `names.tsv` row format.
fn inline_rows(entries: &[HouseName]) -> String {
    entries
        .iter()
        .map(|e| {
            format!(
                "{}\t{}\tperson\tnewsroom\t\n",
                e.house,
                e.variants.join("|")
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_news(text: &str) -> Result<Config> {
        parse(Path::new("news/mtlint.toml"), text)
    }

    fn error(text: &str) -> String {
        match parse_news(text) {
            Ok(_) => panic!("expected an error for {text:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn every_key_is_read() {
        let config = parse_news(
            r#"
            [language]
            target = "de"
            source = "en"
            [rules]
            enable = ["doubled-word", "hyphen-as-dash"]
            disable = ["hyphen-as-dash"]
            severity = { doubled-word = "major" }
            [score]
            fail-under = 80.5
            fail-on = "major"
            weights = { minor = 2 }
            [words]
            accept = [" Wahlkreis "]
            [[names.house]]
            house = "Selenskyj"
            variants = ["Zelensky"]
            [paths]
            exclude = ["drafts"]
            [[ignore]]
            rule = "doubled-word"
            text = "die die"
            "#,
        )
        .expect("valid config");
        assert_eq!(config.language.as_deref(), Some("de"));
        assert_eq!(config.source_language.as_deref(), Some("en"));
        let ids: Vec<_> = config.checks().iter().map(|c| c.info().id).collect();
        assert_eq!(ids, ["doubled-word"]);
        assert_eq!(config.severities["doubled-word"], Severity::Major);
        assert_eq!(config.fail_under, Some(80.5));
        assert_eq!(config.fail_on, Some(Severity::Major));
        assert_eq!(config.weights.minor, 2.0);
        assert_eq!(config.weights.major, 5.0);
        assert_eq!(config.accept_words, ["Wahlkreis"]);
        assert_eq!(config.house_names.entries[0].variants, ["Zelensky"]);
        assert_eq!(config.ignore[0].text, "die die");
    }

    #[test]
    fn unknown_keys_name_file_and_line() {
        let e = error("[rules]\ndisable = []\nfrobnicate = 1\n");
        assert!(
            e.starts_with("news/mtlint.toml:3: unknown field `frobnicate`"),
            "{e}"
        );
        let e = error("[colours]\n");
        assert!(
            e.starts_with("news/mtlint.toml:1: unknown field `colours`"),
            "{e}"
        );
    }

    #[test]
    fn unknown_rules_name_file_and_line() {
        let e = error("[rules]\ndisable = [\n  \"doubled-word\",\n  \"no-such-rule\",\n]\n");
        assert_eq!(
            e,
            "news/mtlint.toml:4: unknown rule \"no-such-rule\"; `mtlint rules` lists the rule ids"
        );
        let e = error("[rules.severity]\nno-such-rule = \"major\"\n");
        assert!(e.starts_with("news/mtlint.toml:2: unknown rule"), "{e}");
        let e = error("[[ignore]]\nrule = \"nope\"\ntext = \"x\"\n");
        assert!(e.starts_with("news/mtlint.toml:2: unknown rule"), "{e}");
    }

    #[test]
    fn bad_values_name_file_and_line() {
        let cases = [
            (
                "[rules.severity]\ndoubled-word = \"huge\"\n",
                2,
                "unknown severity",
            ),
            ("[score]\n\nfail-under = 120\n", 3, "outside 0–100"),
            ("[score]\nfail-on = \"fatal\"\n", 2, "unknown severity"),
            ("[score.weights]\nmajor = -1\n", 2, "0 or more"),
            ("[score]\nfail-under = \"high\"\n", 2, "invalid type"),
            ("[language]\ntarget = \"German\"\n", 2, "ISO 639-1"),
            ("[paths]\nexclude = [\"a[\"]\n", 2, "bad glob"),
            ("[words]\naccept-files = [\"missing.txt\"]\n", 2, "no file"),
            ("[names]\nhouse-files = [\"missing.tsv\"]\n", 2, "no file"),
            ("[rules\n", 1, ""),
        ];
        for (text, line, needle) in cases {
            let e = error(text);
            let prefix = format!("news/mtlint.toml:{line}: ");
            assert!(
                e.starts_with(&prefix) && e.contains(needle),
                "{text:?}: {e}"
            );
        }
    }

    #[test]
    fn accept_files_are_read_relative_to_the_config() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join("words.txt"),
            "# house words\nWahlkreis\n\n Bundestag \n",
        )
        .expect("write");
        let file = dir.path().join(crate::config::FILE_NAME);
        let config = parse(
            &file,
            "[words]\naccept = [\"Kanzleramt\"]\naccept-files = [\"words.txt\"]\n",
        )
        .expect("valid");
        assert_eq!(
            config.accept_words,
            ["Kanzleramt", "Wahlkreis", "Bundestag"]
        );
    }
}
