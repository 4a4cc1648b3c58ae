//! The `mtlint` command line: argument parsing, reading files, exit codes. Analysis and
//! rendering live in the library.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use mtlint::batch::{self, Settings};
use mtlint::checks;
use mtlint::document::ReadOptions;
use mtlint::progress::Progress;
use mtlint::render::{self, Format};
use mtlint::report::Options;
use mtlint::score::DEFAULT_THRESHOLD;
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
    /// or a critical finding), 2 usage or input error (an unreadable file is reported and
    /// the other files are still checked).
    Check {
        /// Files and folders to check (.txt, .md, .html, .jsonl, .jsonl.gz); `-` or none
        /// reads standard input (a JSONL archive when it starts with `{`, else one article).
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
        #[command(flatten)]
        batch: BatchArgs,
    },
    /// List the rules with their ids, categories and default severities.
    Rules,
    /// Explain a rule: what it finds, why it matters, an example.
    Explain {
        /// The rule id, as `mtlint rules` lists it.
        id: String,
    },
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
            batch,
        } => {
            let options = Options {
                read: ReadOptions { language: lang },
                threshold,
                ..Options::default()
            };
            check(paths, format, options, batch)
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
    options: Options,
    args: BatchArgs,
) -> anyhow::Result<ExitCode> {
    let source_options = SourceOptions {
        include: args.include,
        exclude: args.exclude,
        text_field: args.text_field.clone(),
        id_field: args.id_field.clone(),
        format: args.input_format,
    };
    let total = sources::total_bytes(&paths, &source_options);
    let sources = Sources::new(paths, source_options)?;
    let settings = Settings {
        jobs: args.jobs.map_or_else(batch::default_jobs, usize::from),
        report: options,
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
        stream.as_mut(),
        &mut out,
        &mut progress,
    );
    progress.finish();
    Ok(exit_code(&summary?))
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
