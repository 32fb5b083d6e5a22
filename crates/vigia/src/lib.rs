//! The `vigia` command line: parses flags, runs a command, maps errors to exit codes.
//!
//! Exit codes: 0 when everything was read, 1 when some input failed, 2 on a fatal error.
//!
//! This is a library only so that the fuzz targets (`fuzz/`) can reach the parsers that live
//! here; [`main`] is the whole of the binary, and nothing else is a public API.

#![forbid(unsafe_code)]

mod bench;
mod demo;
mod eval;
mod eval_extract;
mod eval_quotes;
mod eval_stories;
mod export;
mod fetch;
mod flags;
mod gazetteer_cmd;
mod http;
mod ingest;
mod input;
mod ner_cmd;
mod pipeline;
mod report;
mod stored;
mod watch;

#[doc(hidden)]
pub mod fuzzing;

use std::{
    fs,
    io::{self, BufWriter, Write},
    process::ExitCode,
    time::Duration,
};

use anyhow::Context;
use clap::Parser;
use flags::{AnalyzeArgs, Command, Flags, IngestArgs, ReadArgs, ReportFormat};

/// Runs the command line.
pub fn main() -> ExitCode {
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
        Command::Ingest(args) => ingest(args),
        Command::Watch(args) => watch::run(&args),
        Command::Export { format, store, output } => {
            let store = open_store(&store)?;
            match output {
                Some(path) => {
                    let mut out = BufWriter::new(
                        fs::File::create(partial(&path))
                            .with_context(|| format!("cannot create {}", path.display()))?,
                    );
                    export::export(&store, format, &mut out)?;
                    drop(out);
                    fs::rename(partial(&path), &path)
                        .with_context(|| format!("cannot write {}", path.display()))?;
                }
                None => export::export(&store, format, &mut BufWriter::new(io::stdout().lock()))?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve(args) => {
            let store = open_store(&args.store)?;
            pipeline::shipped()?;
            http::serve(store, args.addr, args.public)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Token { what: flags::TokenCommand::Add { name, store } } => {
            let store = open_store(&store)?;
            let token = http::new_token()?;
            store
                .add_token(&name, &http::token_hash(&token))
                .with_context(|| format!("cannot add token {name:?} (is the name taken?)"))?;
            println!("{token}");
            eprintln!("vigia: token {name:?} added; it is shown only now, keep it safe");
            Ok(ExitCode::SUCCESS)
        }
        Command::Token { what: flags::TokenCommand::Remove { name, store } } => {
            if open_store(&store)?.remove_token(&name)? {
                eprintln!("vigia: token {name:?} removed");
                Ok(ExitCode::SUCCESS)
            } else {
                anyhow::bail!("no token named {name:?}")
            }
        }
        Command::Demo { report: true, format, .. } => {
            let (inputs, diagnostics) = demo::inputs();
            report(&inputs, diagnostics, &default_read(), format, None)
        }
        Command::Demo { report: false, db, addr, .. } => {
            let db = db.unwrap_or_else(|| {
                std::env::temp_dir().join("vigia-demo.db").to_string_lossy().into_owned()
            });
            let store = open_store(&flags::StoreArgs { db })?;
            let (inputs, diagnostics) = demo::inputs();
            let read = default_read();
            let done = ingest::run(
                &inputs,
                diagnostics,
                &run_config(&read)?,
                &fetcher(&read),
                &store,
                pipeline::FINISH_BATCH,
            )?;
            eprintln!("vigia: sample corpus: {}", done.line());
            http::serve(store, addr, false)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { what } => eval::run(what),
        Command::Bench { what } => bench::run(what),
        Command::Train { what: flags::TrainCommand::Ner(args) } => ner_cmd::train(&args),
        Command::Build { what: flags::BuildCommand::Gazetteer { data, out } } => {
            gazetteer_cmd::build(&data, &out)
        }
    }
}

fn ingest(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let (inputs, diagnostics) = input::collect(&args.paths);
    let config = run_config(&args.read)?;
    let fetcher = fetcher(&args.read);
    let store = open_store(&args.store)?;
    let done = ingest::run(&inputs, diagnostics, &config, &fetcher, &store, args.batch_size)?;
    ingest::print_diagnostics(&done.diagnostics);
    let counts = store.counts()?;
    eprintln!("vigia: {}", done.line());
    eprintln!(
        "vigia: {} now holds {} document(s), {} stor(ies), {} event(s), {} entit(ies)",
        store.location(),
        counts.documents,
        counts.stories,
        counts.events,
        counts.entities
    );
    Ok(if done.summary.any_failed() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The reading flags' defaults, for runs that have no command line of their own.
pub(crate) fn default_read() -> ReadArgs {
    ReadArgs {
        outlet: None,
        follow_links: false,
        max_bytes: 16 * 1024 * 1024,
        timeout: 20,
        max_redirects: 5,
        jobs: None,
        no_progress: false,
        compare_limit: pipeline::COMPARE_LIMIT,
    }
}

/// Opens (creating and migrating as needed) the store the flags name.
pub(crate) fn open_store(args: &flags::StoreArgs) -> anyhow::Result<store::Store> {
    store::Store::open(&args.db).with_context(|| format!("cannot open the store {}", args.db))
}

/// How a batch runs, from the reading flags; sets the worker threads and loads the models.
pub(crate) fn run_config(read: &ReadArgs) -> anyhow::Result<pipeline::RunConfig> {
    if let Some(jobs) = read.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()
            .context("cannot start worker threads")?;
    }
    // Loaded once here, so that a broken build fails before any input is read.
    pipeline::shipped()?;
    Ok(pipeline::RunConfig {
        ingest: analysis::ingest::IngestConfig { max_bytes: read.max_bytes },
        outlet: read.outlet.clone(),
        follow_links: read.follow_links,
        progress: !read.no_progress,
        extract: true,
        compare_limit: read.compare_limit,
    })
}

pub(crate) fn fetcher(read: &ReadArgs) -> fetch::Fetcher {
    fetch::Fetcher::new(&fetch::FetchConfig {
        timeout: Duration::from_secs(read.timeout),
        max_bytes: read.max_bytes,
        max_redirects: read.max_redirects,
    })
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
    let config = run_config(read)?;
    let fetcher = fetcher(read);
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
