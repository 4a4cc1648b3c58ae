//! The `mtlint` command line: argument parsing, reading files, exit codes. Analysis and
//! rendering live in the library.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use mtlint::checks;
use mtlint::document::ReadOptions;
use mtlint::input::{self, STDIN};
use mtlint::render::{self, Format};
use mtlint::report::{self, DocumentReport, Options};
use mtlint::score::DEFAULT_THRESHOLD;

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
    /// or a critical finding), 2 usage or input error (an unreadable file is reported and
    /// the other files are still checked).
    Check {
        /// Text files to check; `-` or none reads standard input.
        paths: Vec<String>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Target language (ISO 639-1, e.g. `de`); overrides the disclaimer and detection.
        #[arg(long)]
        lang: Option<String>,
        /// Pass mark: a document fails below this score (0–100).
        #[arg(long, default_value_t = DEFAULT_THRESHOLD, value_parser = parse_threshold)]
        threshold: f64,
    },
    /// List the rules with their ids, categories and default severities.
    Rules,
    /// Explain a rule: what it finds, why it matters, an example.
    Explain {
        /// The rule id, as `mtlint rules` lists it.
        id: String,
    },
}

fn parse_threshold(s: &str) -> Result<f64, String> {
    let value: f64 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if (0.0..=100.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{value} is outside 0–100"))
    }
}

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
            lang,
            threshold,
        } => {
            let options = Options {
                read: ReadOptions {
                    language: lang,
                    ..ReadOptions::default()
                },
                threshold,
                ..Options::default()
            };
            check(paths, format, &options, &mut out)
        }
        Command::Rules => {
            list_rules(&mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { id } => explain(&id, &mut out),
    }
}

fn check(
    paths: Vec<String>,
    format: Format,
    options: &Options,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let paths = if paths.is_empty() {
        vec![STDIN.to_string()]
    } else {
        paths
    };
    let all_checks = checks::all();
    let reports: Vec<DocumentReport> = paths
        .iter()
        .map(|path| match input::read_article(path) {
            Ok(text) => report::check_text(path, text, options, &all_checks),
            Err(e) => DocumentReport::failed(path, e, options),
        })
        .collect();
    for r in reports.iter().filter(|r| r.error.is_some()) {
        eprintln!("mtlint: {}", r.error.as_deref().unwrap_or_default());
    }
    render::render(format, &reports, out)?;
    out.flush()?;
    Ok(exit_code(&reports))
}

/// 2 if any document could not be read, else 1 if any failed, else 0.
fn exit_code(reports: &[DocumentReport]) -> ExitCode {
    if reports.iter().any(|r| r.error.is_some()) {
        ExitCode::from(2)
    } else if reports.iter().any(|r| !r.score.passed) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn list_rules(out: &mut dyn Write) -> anyhow::Result<()> {
    for rule in checks::rules() {
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
