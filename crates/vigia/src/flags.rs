//! The command line: subcommands and their flags.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Vigía turns news reporting on organized crime into structured, source-compared data.
#[derive(Debug, Parser)]
#[command(name = "vigia", version, about, propagate_version = true)]
pub(crate) struct Flags {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Analyse articles without a store and print a report.
    ///
    /// PATH may be a file, a folder (read recursively), `-` for standard input, or an http(s) URL.
    /// Formats are recognised from content: plain text, HTML, JSON Lines, RSS 2.0 and Atom.
    Analyze(AnalyzeArgs),
    /// Analyse articles into a store, skipping those already stored.
    ///
    /// PATH is read as for `analyze`. Each batch of documents, with the stories it changes, is
    /// committed in one transaction, so an interrupted run loses nothing committed and running
    /// it again completes the work.
    Ingest(IngestArgs),
    /// Poll RSS or Atom feeds and ingest their new items into a store, again every interval.
    /// Each poll is a conditional request (ETag, Last-Modified), so an unchanged feed costs a
    /// 304; what the server sent last is kept in the store, across restarts. Stop it with
    /// Ctrl-C: every committed batch stays committed.
    Watch(WatchArgs),
    /// Export a store: events as ACLED-style CSV or GeoJSON, entities as FollowTheMoney JSON
    /// lines, or everything as a JSON report.
    Export {
        /// What to write.
        #[arg(value_enum)]
        format: crate::export::ExportFormat,
        #[command(flatten)]
        store: StoreArgs,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Serve the HTTP API and the web UI over a store.
    Serve(ServeArgs),
    /// Manage the API's bearer tokens (needed to ingest over HTTP, and for every request with
    /// `serve --public`).
    Token {
        #[command(subcommand)]
        what: TokenCommand,
    },
    /// Ingest the bundled Lima 2023 sample corpus into a store and serve the web UI; with
    /// `--report`, print its report instead.
    Demo {
        /// Print the report of the corpus and exit, instead of serving it.
        #[arg(long)]
        report: bool,
        /// Report format, with `--report`.
        #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
        format: ReportFormat,
        /// The store to ingest into; by default `vigia-demo.db` in the temporary folder.
        #[arg(long, value_name = "FILE|URL")]
        db: Option<String>,
        /// Address and port to serve on.
        #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
        addr: std::net::SocketAddr,
    },
    /// Score a stage against a public benchmark.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Measure throughput and memory of a stage.
    Bench {
        #[command(subcommand)]
        what: BenchCommand,
    },
    /// Train a statistical model from labelled data.
    Train {
        #[command(subcommand)]
        what: TrainCommand,
    },
    /// Build a shipped table from its public sources.
    Build {
        #[command(subcommand)]
        what: BuildCommand,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum NerLanguage {
    /// Spanish (CoNLL-2002).
    Es,
    /// English (CoNLL-2003).
    En,
}

#[derive(Debug, Subcommand)]
pub(crate) enum TrainCommand {
    /// The named-entity tagger, on CoNLL-style IOB2 files (`token TAG` per line).
    Ner(TrainNerArgs),
}

#[derive(Debug, clap::Args)]
pub(crate) struct TrainNerArgs {
    /// Language of the model.
    #[arg(long, value_enum)]
    pub(crate) lang: NerLanguage,
    /// Training file; defaults to the language's CoNLL train split in ../shared/data/ner.
    #[arg(long, value_name = "FILE")]
    pub(crate) train: Option<PathBuf>,
    /// Development file used to pick the number of epochs; defaults to the CoNLL dev split.
    #[arg(long, value_name = "FILE")]
    pub(crate) dev: Option<PathBuf>,
    /// Where to write the model; defaults to the shipped model's path.
    #[arg(long, value_name = "FILE")]
    pub(crate) out: Option<PathBuf>,
    /// Passes over the training data.
    #[arg(long, default_value_t = 10)]
    pub(crate) epochs: usize,
}

#[derive(Debug, clap::Args)]
pub(crate) struct EvalNerArgs {
    /// Languages to score; both by default.
    #[arg(long, value_enum)]
    pub(crate) lang: Vec<NerLanguage>,
    /// The folder holding conll2002-es/ and conll2003-en/.
    #[arg(long, default_value = "../shared/data/ner")]
    pub(crate) data: PathBuf,
    /// The split to score.
    #[arg(long, default_value = "test")]
    pub(crate) split: String,
    /// A model file to score instead of the shipped one (one language only).
    #[arg(long, value_name = "FILE")]
    pub(crate) model: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum BuildCommand {
    /// Rebuild the shipped gazetteer table from the public source files.
    Gazetteer {
        /// The folder holding peru-ubigeo.csv, cities.tsv, admin1.tsv and countries.tsv.
        #[arg(default_value = "../shared/data/gazetteer", value_name = "DATA")]
        data: PathBuf,
        /// Where to write the tables.
        #[arg(long, default_value = "crates/analysis/data/gazetteer")]
        out: PathBuf,
    },
}

#[derive(Debug, clap::Args)]
pub(crate) struct AnalyzeArgs {
    /// Files, folders, URLs, or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub(crate) paths: Vec<String>,
    /// Report format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
    pub(crate) format: ReportFormat,
    #[command(flatten)]
    pub(crate) read: ReadArgs,
    /// Write the report to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// Where the store is.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct StoreArgs {
    /// The store: a file for the embedded store, or a postgres:// URL.
    #[arg(long, env = "VIGIA_DB", default_value = "vigia.db", value_name = "FILE|URL")]
    pub(crate) db: String,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    pub(crate) store: StoreArgs,
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    pub(crate) addr: std::net::SocketAddr,
    /// Listen beyond this machine; every request then needs a bearer token.
    #[arg(long)]
    pub(crate) public: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum TokenCommand {
    /// Create a token and print it once; only its hash is stored.
    Add {
        /// A name for the token, such as the person or tool that uses it.
        name: String,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Revoke a token.
    Remove {
        /// The token's name.
        name: String,
        #[command(flatten)]
        store: StoreArgs,
    },
}

#[derive(Debug, clap::Args)]
pub(crate) struct IngestArgs {
    /// Files, folders, URLs, or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub(crate) paths: Vec<String>,
    #[command(flatten)]
    pub(crate) store: StoreArgs,
    /// Documents committed together in one transaction.
    #[arg(long, default_value_t = crate::pipeline::FINISH_BATCH, value_name = "N")]
    pub(crate) batch_size: usize,
    #[command(flatten)]
    pub(crate) read: ReadArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct WatchArgs {
    /// Feed URLs (http or https).
    #[arg(required = true, value_name = "FEED")]
    pub(crate) feeds: Vec<String>,
    #[command(flatten)]
    pub(crate) store: StoreArgs,
    /// Seconds between two polls of the feeds.
    #[arg(long, default_value_t = 900, value_name = "SECONDS",
        value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) every: u64,
    /// Poll once and exit, as a scheduler such as cron would run it.
    #[arg(long)]
    pub(crate) once: bool,
    /// Documents committed together in one transaction.
    #[arg(long, default_value_t = crate::pipeline::FINISH_BATCH, value_name = "N")]
    pub(crate) batch_size: usize,
    #[command(flatten)]
    pub(crate) read: ReadArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ReadArgs {
    /// Outlet name for every input, overriding what the metadata says.
    #[arg(long)]
    pub(crate) outlet: Option<String>,
    /// Fetch the linked page of feed items that carry only a summary.
    #[arg(long)]
    pub(crate) follow_links: bool,
    /// Refuse inputs larger than this many bytes (after gzip decompression).
    #[arg(long, default_value_t = 16 * 1024 * 1024, value_name = "BYTES")]
    pub(crate) max_bytes: usize,
    /// Seconds to wait for a URL before giving up.
    #[arg(long, default_value_t = 20, value_name = "SECONDS")]
    pub(crate) timeout: u64,
    /// Redirects to follow for one URL.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub(crate) max_redirects: u32,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub(crate) jobs: Option<usize>,
    /// Never draw a progress bar.
    #[arg(long)]
    pub(crate) no_progress: bool,
    /// Reports kept in memory for comparing the sources of each story (about 30 KB each);
    /// later reports are still grouped into stories, but take no part in comparisons.
    #[arg(long, default_value_t = crate::pipeline::COMPARE_LIMIT, value_name = "N")]
    pub(crate) compare_limit: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ReportFormat {
    /// The versioned JSON contract (see docs/report.md).
    Json,
    /// The human-readable rendering of the same content.
    Markdown,
}

#[derive(Debug, Subcommand)]
pub(crate) enum EvalCommand {
    /// Named-entity recognition against CoNLL-2002 (es) and CoNLL-2003 (en), conlleval rules.
    Ner(EvalNerArgs),
    /// Main-text extraction against the article extraction benchmark.
    ExtractText {
        /// The benchmark folder, holding ground-truth.json and html/.
        #[arg(long, default_value = "../shared/data/article-extraction-benchmark")]
        data: PathBuf,
    },
    /// Direct quotes, reported speech and speakers against PolNeAR (English).
    Quotes {
        /// The PolNeAR JSON Lines file.
        #[arg(long, default_value = "../shared/data/quotes/polnear-dev.jsonl")]
        data: PathBuf,
        /// Score only the first N documents.
        #[arg(long)]
        limit: Option<usize>,
        /// Print up to N examples of each kind of miss.
        #[arg(long, default_value_t = 0)]
        examples: usize,
        /// Write every gold direct quote's outcome, with its context, to this JSON Lines file.
        #[arg(long)]
        dump: Option<PathBuf>,
        /// Print the scores as JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Story clustering against ECB+ (same-event clusters), in one batch and as shuffled streams.
    Stories {
        /// The JSON Lines file with `id`, `title`, `text`, `cluster` and `topic`.
        #[arg(long, default_value = "../shared/data/news-clustering/ecbplus-dev.jsonl")]
        data: PathBuf,
        /// Seed of the first shuffled order; run k uses seed + k.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Shuffled streams to score.
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum BenchCommand {
    /// Ingestion and segmentation throughput on real pages and on a generated corpus.
    Ingest {
        /// Folder of real pages (`*.html` or `*.html.gz`).
        #[arg(long, default_value = "../shared/data/article-extraction-benchmark/html")]
        pages: PathBuf,
        /// Articles in the generated corpus.
        #[arg(long, default_value_t = 10_000)]
        generated: usize,
        /// Passes over the real pages; the best pass is reported.
        #[arg(long, default_value_t = 5)]
        rounds: usize,
    },
    /// The whole extraction (entities, dates, quantities, quotes, events) on generated
    /// 800-word articles: articles/s on every core, and µs per stage on one.
    Extract {
        /// Articles to generate.
        #[arg(long, default_value_t = 5_000)]
        articles: usize,
        /// Passes over the articles; the best is reported.
        #[arg(long, default_value_t = 3)]
        rounds: usize,
    },
    /// Story clustering on synthetic report signatures: time, reports/s and peak memory for
    /// growing corpus sizes.
    Stories {
        /// Corpus sizes, in reports.
        #[arg(long, value_delimiter = ',', default_values_t = [10_000, 100_000, 1_000_000])]
        sizes: Vec<usize>,
    },
    /// The store and the API: ingestion into a store (articles/s, end to end with extraction),
    /// then story pages, entity pages and search under concurrent clients (p50 and p99).
    Store {
        /// Articles in the store; generated and ingested when the store holds fewer.
        #[arg(long, default_value_t = 100_000)]
        articles: usize,
        /// Concurrent clients.
        #[arg(long, default_value_t = 50)]
        clients: usize,
        /// Seconds of load per kind of page.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Keep the store here (a file or postgres:// URL), so a second run skips ingestion.
        #[arg(long, value_name = "FILE|URL")]
        db: Option<String>,
        /// Documents committed together in one transaction, as `ingest --batch-size`.
        #[arg(long, default_value_t = crate::pipeline::FINISH_BATCH, value_name = "N")]
        batch_size: usize,
    },
    /// Named-entity tagging throughput, tokens per second on one core.
    Ner {
        /// The folder holding conll2002-es/ and conll2003-en/.
        #[arg(long, default_value = "../shared/data/ner")]
        data: PathBuf,
    },
}
