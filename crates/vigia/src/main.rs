//! The `vigia` command line: parses flags, runs a command, maps errors to exit codes.
//!
//! Exit codes: 0 when everything was read, 1 when some input failed, 2 on a fatal error.

mod bench;
mod demo;
mod eval;
mod eval_extract;
mod eval_quotes;
mod eval_stories;
mod fetch;
mod flags;
mod gazetteer_cmd;
mod input;
mod ner_cmd;
mod pipeline;
mod report;

use std::{
    fs,
    io::{self, BufWriter, Write},
    process::ExitCode,
    time::Duration,
};

use anyhow::Context;
use clap::Parser;
use flags::{AnalyzeArgs, Command, Flags, ReadArgs, ReportFormat};

fn main() -> ExitCode {
    match run(Flags::parse()) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`vigia analyze … | head`) is not an error.
            if err.chain().any(|cause| {
                cause
                    .downcast_ref::<io::Error>()
                    .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("vigia: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(flags: Flags) -> anyhow::Result<ExitCode> {
    match flags.command {
        Command::Analyze(args) => analyze(args),
        Command::Demo { format } => {
            let (inputs, diagnostics) = demo::inputs();
            let read = ReadArgs {
                outlet: None,
                follow_links: false,
                max_bytes: 16 * 1024 * 1024,
                timeout: 20,
                max_redirects: 5,
                jobs: None,
                no_progress: false,
                compare_limit: pipeline::COMPARE_LIMIT,
            };
            report(&inputs, diagnostics, &read, format, None)
        }
        Command::Eval { what } => eval::run(what),
        Command::Bench { what } => bench::run(what),
        Command::Train { what: flags::TrainCommand::Ner(args) } => ner_cmd::train(&args),
        Command::Build { what: flags::BuildCommand::Gazetteer { data, out } } => {
            gazetteer_cmd::build(&data, &out)
        }
    }
}

fn analyze(args: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    let (inputs, diagnostics) = input::collect(&args.paths);
    report(&inputs, diagnostics, &args.read, args.format, args.output.as_deref())
}

fn report(
    inputs: &[input::Input],
    diagnostics: Vec<model::Diagnostic>,
    read: &ReadArgs,
    format: ReportFormat,
    output: Option<&std::path::Path>,
) -> anyhow::Result<ExitCode> {
    if let Some(jobs) = read.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()
            .context("cannot start worker threads")?;
    }
    // Loaded once here, so that a broken build fails before any input is read.
    pipeline::shipped()?;
    let config = pipeline::RunConfig {
        ingest: analysis::ingest::IngestConfig { max_bytes: read.max_bytes },
        outlet: read.outlet.clone(),
        follow_links: read.follow_links,
        progress: !read.no_progress,
        extract: true,
        compare_limit: read.compare_limit,
    };
    let fetcher = fetch::Fetcher::new(&fetch::FetchConfig {
        timeout: Duration::from_secs(read.timeout),
        max_bytes: read.max_bytes,
        max_redirects: read.max_redirects,
    });
    let out: Box<dyn Write> = match output {
        // Written beside the target and renamed, so a failed run never leaves half a report.
        Some(path) => Box::new(BufWriter::new(
            fs::File::create(partial(path))
                .with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let summary = match format {
        ReportFormat::Json => pipeline::run(
            inputs,
            diagnostics,
            &config,
            &fetcher,
            &mut report::json::JsonSink::new(out, false),
        ),
        ReportFormat::Markdown => pipeline::run(
            inputs,
            diagnostics,
            &config,
            &fetcher,
            &mut report::markdown::MarkdownSink::new(out),
        ),
    }
    .context("cannot write the report")?;
    if let Some(path) = output {
        fs::rename(partial(path), path)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    eprintln!("vigia: {}", summary.line());
    Ok(if summary.any_failed() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn partial(path: &std::path::Path) -> std::path::PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    path.with_file_name(name)
}
