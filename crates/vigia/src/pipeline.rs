//! Runs a batch: loads inputs in parallel, analyses them, and streams results to a sink in input order.
//!
//! Work proceeds in chunks so that memory stays flat: a chunk is loaded and analysed on all
//! cores, then written out and dropped before the next one starts.

use std::io::IsTerminal;

use analysis::{
    dedup::DedupIndex,
    ingest::{self, Draft, IngestConfig, SourceMeta},
};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use model::{Article, Diagnostic, DiagnosticCode, DuplicateKind, Format, Severity};
use rayon::prelude::*;

use crate::{
    fetch::Fetcher,
    input::{self, Input},
    report::{Sink, Summary},
};

/// How a batch is run.
pub(crate) struct RunConfig {
    pub(crate) ingest: IngestConfig,
    pub(crate) outlet: Option<String>,
    pub(crate) follow_links: bool,
    pub(crate) progress: bool,
}

/// Inputs handled together; large enough to keep both cores busy, small enough to bound memory.
const CHUNK: usize = 256;

/// What one input produced.
struct Outcome {
    articles: Vec<Article>,
    diagnostics: Vec<Diagnostic>,
    status: Status,
    records_failed: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Read,
    Skipped,
    Failed,
}

/// Analyses every input and writes the results to `sink`; returns the run's summary.
pub(crate) fn run(
    inputs: &[Input],
    mut diagnostics: Vec<Diagnostic>,
    config: &RunConfig,
    fetcher: &Fetcher,
    sink: &mut dyn Sink,
) -> std::io::Result<Summary> {
    let mut summary = Summary { inputs: inputs.len(), ..Summary::default() };
    // Arguments that could not become inputs (missing paths, bad URLs) count as failed inputs.
    summary.failed += diagnostics.len();
    summary.inputs += diagnostics.len();
    let progress = progress_bar(inputs.len() as u64, config.progress);
    let mut dedup = DedupIndex::new();
    for chunk in inputs.chunks(CHUNK) {
        let outcomes: Vec<Outcome> = chunk.par_iter().map(|input| process(input, config, fetcher)).collect();
        for outcome in outcomes {
            match outcome.status {
                Status::Read => summary.read += 1,
                Status::Skipped => summary.skipped += 1,
                Status::Failed => summary.failed += 1,
            }
            summary.records_failed += outcome.records_failed;
            diagnostics.extend(outcome.diagnostics);
            for mut article in outcome.articles {
                if let Some(duplicate) = dedup.check_and_insert(&article) {
                    let (code, what) = match duplicate.kind {
                        DuplicateKind::Exact => (DiagnosticCode::ExactDuplicate, "an exact copy"),
                        DuplicateKind::Near => (DiagnosticCode::NearDuplicate, "a near copy"),
                    };
                    diagnostics.push(
                        Diagnostic::info(
                            code,
                            &article.source,
                            format!("{what} of {} (similarity {:.2})", duplicate.of, duplicate.similarity),
                        )
                        .with_document(&article.id),
                    );
                    summary.duplicates += 1;
                    article.duplicate_of = Some(duplicate);
                }
                summary.documents += 1;
                sink.document(&article)?;
            }
            progress.inc(1);
        }
    }
    progress.finish_and_clear();
    sink.finish(&diagnostics, &summary)?;
    Ok(summary)
}

fn progress_bar(len: u64, enabled: bool) -> ProgressBar {
    if !enabled || !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} inputs ({per_sec}, eta {eta})") {
        bar.set_style(style);
    }
    bar
}

fn process(input: &Input, config: &RunConfig, fetcher: &Fetcher) -> Outcome {
    let name = input.name();
    let loaded = match input::load(input, config.ingest.max_bytes, fetcher) {
        Ok(loaded) => loaded,
        Err(diagnostic) => {
            return Outcome { articles: Vec::new(), diagnostics: vec![diagnostic], status: Status::Failed, records_failed: 0 }
        }
    };
    let meta = SourceMeta {
        source: name,
        url: loaded.url.clone().or_else(|| match input {
            Input::Url(url) => Some(url.clone()),
            _ => None,
        }),
        outlet: config.outlet.clone(),
        charset: loaded.charset,
    };
    let read = ingest::read(&loaded.bytes, &meta, &config.ingest);
    let mut diagnostics = read.diagnostics;
    let records_failed = match read.format {
        Some(Format::Jsonl | Format::Feed) => {
            diagnostics.iter().filter(|d| d.severity == Severity::Error && d.source != meta.source).count()
        }
        _ => 0,
    };
    let mut articles = Vec::with_capacity(read.drafts.len());
    for draft in read.drafts {
        let draft = if config.follow_links { follow(draft, config, fetcher, &mut diagnostics) } else { draft };
        let (article, mut notes) = ingest::finish(draft);
        diagnostics.append(&mut notes);
        articles.push(article);
    }
    let failed = diagnostics.iter().any(|d| d.severity == Severity::Error && d.source == meta.source);
    let status = match (articles.is_empty(), failed || records_failed > 0) {
        (false, _) => Status::Read,
        (true, true) => Status::Failed,
        (true, false) => Status::Skipped,
    };
    Outcome { articles, diagnostics, status, records_failed }
}

/// Replaces a feed summary with the linked page, keeping the feed's metadata where it has any.
fn follow(draft: Draft, config: &RunConfig, fetcher: &Fetcher, diagnostics: &mut Vec<Diagnostic>) -> Draft {
    let Some(link) = draft.follow.clone() else { return draft };
    let loaded = match input::load(&Input::Url(link.clone()), config.ingest.max_bytes, fetcher) {
        Ok(loaded) => loaded,
        Err(diagnostic) => {
            let message = format!("kept the feed summary: {}", diagnostic.message);
            diagnostics.push(Diagnostic::warning(DiagnosticCode::Unreachable, &draft.source, message));
            return draft;
        }
    };
    let meta = SourceMeta {
        source: draft.source.clone(),
        url: loaded.url.or(Some(link)),
        outlet: draft.outlet.clone(),
        charset: loaded.charset,
    };
    let read = ingest::read(&loaded.bytes, &meta, &config.ingest);
    diagnostics.extend(read.diagnostics);
    let Some(page) = read.drafts.into_iter().next() else { return draft };
    // The summary note is answered now.
    diagnostics.retain(|d| !(d.code == DiagnosticCode::SummaryOnly && d.source == draft.source));
    Draft {
        source: draft.source,
        url: page.url.or(draft.url),
        format: draft.format,
        title: draft.title.or(page.title),
        outlet: draft.outlet.or(page.outlet),
        published: draft.published.or(page.published),
        authors: if draft.authors.is_empty() { page.authors } else { draft.authors },
        declared_language: draft.declared_language.or(page.declared_language),
        blocks: page.blocks,
        follow: None,
    }
}
