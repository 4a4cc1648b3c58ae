//! The `mtlint` command line: argument parsing, reading files, exit codes. Analysis and
//! rendering live in the library.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

use mtlint::baseline::Baseline;
use mtlint::batch;
use mtlint::checks;
use mtlint::config::{self, ConfigSource, Overrides, Resolver};
use mtlint::finding::Severity;
use mtlint::input::{self, STDIN};
use mtlint::progress::Progress;
use mtlint::render::{self, Format};
use mtlint::report::{self, DocumentReport};
use mtlint::sources::{self, InputFormat, SourceOptions, Sources};
use mtlint::summary::Summary;

/// Checks machine-translated news articles before publication.
///
/// mtlint finds the telltale errors of machine-translated text (dangling quotation marks,
/// captions pasted twice, hyphens for dashes, garbled fragments, doubled words, capitalisation
/// and comma slips), explains each finding with its evidence and a suggestion, and scores the
/// article MQM-style.
#[derive(Parser)]
#[command(name = "mtlint", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check articles and print a scored report.
    ///
    /// Exit status: 0 every article passed, 1 an article failed (score below the pass mark
    /// or a finding at or above the fail-on severity), 2 usage, config or input error (an
    /// unreadable file is reported and the other files are still checked).
    Check {
        /// Files and folders to check (.txt, .md, .html, .jsonl, .jsonl.gz); `-` or none
        /// reads standard input (a JSONL archive when it starts with `{`, else one article).
        paths: Vec<String>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
        #[command(flatten)]
        setup: Setup,
        /// Pass mark: a document fails below this score (0–100; default 90).
        #[arg(long = "fail-under", alias = "threshold", value_name = "SCORE", value_parser = parse_threshold)]
        fail_under: Option<f64>,
        /// A document with a finding at or above this severity fails (default critical).
        #[arg(long, value_enum, value_name = "SEVERITY")]
        fail_on: Option<Severity>,
        /// Report only findings not recorded in this baseline (see `mtlint baseline`).
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// The original article (bilingual mode, one target path): numbers and quotations of
        /// the source missing in the translation, and sentences left identical, are findings.
        #[arg(long, value_name = "FILE")]
        source: Option<String>,
        #[command(flatten)]
        batch: BatchArgs,
    },
    /// Record the current findings as accepted, for `mtlint check --baseline FILE`.
    ///
    /// Exit status: 0 written, 2 usage, config or input error (nothing is written).
    Baseline {
        /// The baseline file to write.
        #[arg(long, short, value_name = "FILE")]
        output: PathBuf,
        /// Text files to record; `-` or none reads standard input.
        paths: Vec<String>,
        #[command(flatten)]
        setup: Setup,
    },
    /// Write a commented starter `mtlint.toml`.
    Init {
        /// Where to write it; `-` prints it.
        #[arg(default_value = config::FILE_NAME)]
        path: PathBuf,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// List the rules with their ids, categories and default severities.
    Rules {
        /// Only the rules that run for this target language (`de`, `en`, `fr`, `es`).
        #[arg(long)]
        lang: Option<String>,
    },
    /// Explain a rule: what it finds, why it matters, an example.
    Explain {
        /// The rule id, as `mtlint rules` lists it.
        id: String,
    },
}

/// How documents are read and which config applies, shared by `check` and `baseline`.
#[derive(Args)]
struct Setup {
    /// Target language (ISO 639-1, e.g. `de`); overrides the config, the disclaimer and
    /// detection.
    #[arg(long)]
    lang: Option<String>,
    /// Use this config file for every path instead of the nearest `mtlint.toml`.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Ignore `mtlint.toml` files.
    #[arg(long)]
    no_config: bool,
}

impl Setup {
    fn source(&self) -> ConfigSource {
        match (&self.config, self.no_config) {
            (Some(file), _) => ConfigSource::File(file.clone()),
            (None, true) => ConfigSource::Defaults,
            (None, false) => ConfigSource::Discover,
        }
    }
}

/// Options for checking many documents.
#[derive(clap::Args)]
struct BatchArgs {
    /// Documents checked in parallel (default: all cores).
    #[arg(long, short, value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Only walk files matching this glob (relative to the folder; repeatable).
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,
    /// Skip files and folders matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// JSONL field holding the article text.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// JSONL field holding the document id.
    #[arg(long, default_value = "id")]
    id_field: String,
    /// Read every input as this format instead of going by extension.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    input_format: InputFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<String>,
    /// No progress bar (it is only shown on a terminal anyway).
    #[arg(long)]
    no_progress: bool,
}

fn parse_threshold(s: &str) -> Result<f64, String> {
    let value: f64 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if (0.0..=100.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{value} is outside 0–100"))
    }
}

/// mimalloc rather than the system allocator: compiling patterns and parsing the Hunspell
/// dictionary make hundreds of thousands of small allocations before one article is checked,
/// and glibc's per-thread heaps grew in hundreds of small steps (322 `mprotect` calls for the
/// seed article), so one article took about an eighth longer end to end with it (README,
/// Performance).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mtlint: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        Command::Check {
            paths,
            format,
            setup,
            fail_under,
            fail_on,
            baseline,
            source,
            batch,
        } => {
            let baseline = match baseline {
                Some(file) => Some(Arc::new(Baseline::load(&file)?)),
                None => None,
            };
            if source.is_some() && paths.len() != 1 {
                anyhow::bail!("--source compares one translation with its original: give one path");
            }
            let source = source
                .map(|path| input::read_article(&path))
                .transpose()?
                .map(Arc::from);
            let overrides = Overrides {
                language: setup.lang.clone(),
                fail_under,
                fail_on,
                baseline,
                source,
            };
            let resolver = Resolver::new(setup.source(), overrides);
            check(paths, format, resolver, batch)
        }
        Command::Baseline {
            output,
            paths,
            setup,
        } => {
            let overrides = Overrides {
                language: setup.lang.clone(),
                ..Overrides::default()
            };
            let mut resolver = Resolver::new(setup.source(), overrides);
            record_baseline(paths, &output, &mut resolver)
        }
        Command::Init { path, force } => init(&path, force, &mut out),
        Command::Rules { lang } => {
            list_rules(lang.as_deref(), &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { id } => explain(&id, &mut out),
    }
}

/// Checks files, folders and archives in parallel and streams the report in input order.
fn check(
    paths: Vec<String>,
    format: Format,
    mut resolver: Resolver,
    args: BatchArgs,
) -> anyhow::Result<ExitCode> {
    batch::warm_up();
    let source_options = SourceOptions {
        include: args.include,
        exclude: args.exclude,
        text_field: args.text_field.clone(),
        id_field: args.id_field.clone(),
        format: args.input_format,
    };
    let total = sources::total_bytes(&paths, &source_options);
    let sources = Sources::new(paths, source_options)?;
    let settings = batch::Settings {
        jobs: args.jobs.map_or_else(batch::default_jobs, usize::from),
        text_field: args.text_field,
        id_field: args.id_field,
    };
    let pool = batch::thread_pool(settings.jobs)?;
    let mut stream = render::stream(format)?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {path}"))?,
        )),
        None => Box::new(BufWriter::with_capacity(1 << 16, io::stdout().lock())),
    };
    let mut progress = Progress::new(total, !args.no_progress);
    let summary = batch::run(
        &pool,
        sources,
        &settings,
        &mut resolver,
        stream.as_mut(),
        &mut out,
        &mut progress,
    );
    progress.finish();
    Ok(exit_code(&summary?))
}

/// Checks each path with the settings of its config; paths that the config's `[paths]`
/// patterns exclude are skipped.
fn check_paths(paths: Vec<String>, resolver: &mut Resolver) -> anyhow::Result<Vec<DocumentReport>> {
    let paths = if paths.is_empty() {
        vec![STDIN.to_string()]
    } else {
        paths
    };
    let mut reports = Vec::new();
    for path in &paths {
        let settings = resolver.settings_for(path)?;
        if !settings.includes(path) {
            continue;
        }
        reports.push(match input::read_article(path) {
            Ok(text) => report::check_text(path, text, &settings.options, &settings.checks),
            Err(e) => DocumentReport::failed(path, e, &settings.options),
        });
    }
    Ok(reports)
}

fn report_unreadable(reports: &[DocumentReport]) {
    for r in reports.iter().filter(|r| r.error.is_some()) {
        eprintln!("mtlint: {}", r.error.as_deref().unwrap_or_default());
    }
}

/// Writes the baseline only when every document could be read, so that an unreadable file
/// does not silently drop its accepted findings from the record.
fn record_baseline(
    paths: Vec<String>,
    output: &Path,
    resolver: &mut Resolver,
) -> anyhow::Result<ExitCode> {
    let reports = check_paths(paths, resolver)?;
    if reports.iter().any(|r| r.error.is_some()) {
        report_unreadable(&reports);
        eprintln!("mtlint: baseline not written");
        return Ok(ExitCode::from(2));
    }
    let baseline = Baseline::record(output, &reports);
    baseline.save(output)?;
    eprintln!(
        "mtlint: recorded {} in {} to {}",
        counted(baseline.len(), "finding"),
        counted(reports.len(), "document"),
        output.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// "1 finding", "2 findings".
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn init(path: &Path, force: bool, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    if path.as_os_str() == STDIN {
        out.write_all(config::STARTER.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    if path.exists() && !force {
        anyhow::bail!("{} exists; use --force to overwrite it", path.display());
    }
    std::fs::write(path, config::STARTER)
        .with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!("mtlint: wrote {}", path.display());
    Ok(ExitCode::SUCCESS)
}

/// 2 if any document could not be read, else 1 if any failed, else 0.
fn exit_code(summary: &Summary) -> ExitCode {
    if summary.errors > 0 {
        ExitCode::from(2)
    } else if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn list_rules(lang: Option<&str>, out: &mut dyn Write) -> anyhow::Result<()> {
    let rules = match lang {
        Some(code) => {
            let language = mtlint::lang::language(code).with_context(|| {
                format!(
                    "no language data for {code:?}; mtlint knows {}",
                    mtlint::lang::SUPPORTED.join(", ")
                )
            })?;
            checks::rules_for(language)
        }
        None => checks::rules(),
    };
    for rule in rules {
        writeln!(
            out,
            "{:<22} {:<16} {:<8} {}",
            rule.id,
            rule.category.as_str(),
            rule.severity.as_str(),
            rule.summary
        )?;
    }
    Ok(())
}

fn explain(id: &str, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let rules = checks::rules();
    let rule = rules
        .iter()
        .find(|r| r.id == id)
        .with_context(|| format!("no rule {id:?}; `mtlint rules` lists them"))?;
    writeln!(
        out,
        "{} ({}, {}, MQM {})\n",
        rule.id, rule.category, rule.severity, rule.mqm
    )?;
    for line in rule.explanation.lines() {
        writeln!(out, "{}", line.strip_prefix(' ').unwrap_or(line))?;
    }
    Ok(ExitCode::SUCCESS)
}
