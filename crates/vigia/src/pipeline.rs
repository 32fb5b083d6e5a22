//! Runs a batch: loads inputs in parallel, analyses them, and streams results to a sink in input order.
//!
//! Work proceeds in chunks so that memory stays flat: a chunk is loaded and analysed on all
//! cores, then written out and dropped before the next one starts.

use std::{collections::HashMap, io::IsTerminal, sync::OnceLock};

use analysis::{
    dedup::{self, DedupIndex, Sketch},
    entities::{EntityIndex, Resources},
    extract::{self, Extraction},
    geo::{Gazetteer, SHIPPED_TABLE},
    ingest::{self, Draft, IngestConfig, SourceMeta},
    kb::KnowledgeBase,
    ner::NerModel,
    stories::{Signature, StoryIndex},
};
use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use model::{Article, Diagnostic, DiagnosticCode, DuplicateKind, Format, Severity};
use rayon::prelude::*;

use crate::{
    fetch::Fetcher,
    flags::NerLanguage,
    input::{self, Input},
    report::{
        items::{self, Items},
        spill::Spill,
        stories::{self, Kept, StoryItem},
        Extracted, Sink, Summary,
    },
};

/// The models and tables extraction reads, compiled into the binary and loaded once per process.
pub(crate) struct Shipped {
    ner_es: NerModel,
    ner_en: NerModel,
    kb: KnowledgeBase,
    gazetteer: Gazetteer,
}

impl Shipped {
    /// The knowledge base.
    pub(crate) fn kb(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// Borrowed views for the analysis stages, shared by every worker thread.
    pub(crate) fn resources(&self) -> Resources<'_> {
        Resources {
            ner_es: &self.ner_es,
            ner_en: &self.ner_en,
            kb: &self.kb,
            gazetteer: &self.gazetteer,
        }
    }
}

/// The shipped models and tables, loaded on first use.
pub(crate) fn shipped() -> anyhow::Result<&'static Shipped> {
    static SHIPPED: OnceLock<Result<Shipped, String>> = OnceLock::new();
    let load = || -> anyhow::Result<Shipped> {
        Ok(Shipped {
            ner_es: crate::ner_cmd::shipped(NerLanguage::Es)?,
            ner_en: crate::ner_cmd::shipped(NerLanguage::En)?,
            kb: KnowledgeBase::shipped(),
            gazetteer: Gazetteer::from_reader(SHIPPED_TABLE.as_bytes())
                .context("shipped gazetteer")?,
        })
    };
    SHIPPED
        .get_or_init(|| load().map_err(|err| format!("{err:#}")))
        .as_ref()
        .map_err(|err| anyhow::anyhow!("cannot load the shipped models: {err}"))
}

/// How a batch is run.
pub(crate) struct RunConfig {
    pub(crate) ingest: IngestConfig,
    pub(crate) outlet: Option<String>,
    pub(crate) follow_links: bool,
    pub(crate) progress: bool,
    /// Run extraction (entities, relations, quotes, quantities, dates, events) after ingestion;
    /// benchmarks of ingestion alone turn it off.
    pub(crate) extract: bool,
    /// Reports kept for comparing the sources of each story; later ones are grouped only.
    pub(crate) compare_limit: usize,
}

/// The default of `--compare-limit`.
pub(crate) const COMPARE_LIMIT: usize = 5_000;

/// Inputs read together: enough to keep every core busy, few enough to bound memory.
const CHUNK_INPUTS: usize = 256;

/// Bytes read together; a chunk ends early once its inputs add up to this, so that a folder of
/// large JSON Lines files holds no more text in memory than a folder of small articles.
const CHUNK_BYTES: u64 = 8 << 20;

/// Articles finished together: a JSON Lines file or feed can hold thousands, and memory must not
/// grow with them.
pub(crate) const FINISH_BATCH: usize = 512;

/// What reading one input produced, before its drafts become articles.
struct Readout {
    drafts: Vec<Draft>,
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
    let shipped = shipped().map_err(std::io::Error::other)?;
    let resources = shipped.resources();
    let progress = progress_bar(inputs.len() as u64, config.progress);
    let mut dedup = DedupIndex::new();
    // Entities span documents, so their index grows with the batch and is written at the end.
    let mut index = EntityIndex::new();
    // Items are written after the entities, so they wait on disk, not in memory.
    let mut spill = Spill::new()?;
    // Stories are compared once every report is in: their reports are kept until then.
    let mut story_index = StoryIndex::new();
    let mut kept: Vec<Kept> = Vec::new();
    let mut limit_noted = false;
    for chunk in chunks(inputs) {
        let drafts = read_chunk(chunk, config, fetcher, &mut summary, &mut diagnostics, &progress);
        let mut drafts = drafts.into_iter().peekable();
        while drafts.peek().is_some() {
            let batch: Vec<Draft> = drafts.by_ref().take(FINISH_BATCH).collect();
            let finished: Vec<Finished> = batch
                .into_par_iter()
                .map(|draft| finish(draft, config, fetcher, &resources))
                .collect();
            for Finished { mut article, sketch, notes, followed, extraction } in finished {
                if let Some((extraction, items, _)) = &extraction {
                    diagnostics.extend(extraction.entities.diagnostics.iter().cloned());
                    index.add(&extraction.entities, &shipped.kb);
                    spill.add(items)?;
                }
                if followed {
                    // The summary note is answered now.
                    diagnostics.retain(|d| {
                        !(d.code == DiagnosticCode::SummaryOnly && d.source == article.source)
                    });
                }
                diagnostics.extend(notes);
                let duplicate =
                    sketch.and_then(|sketch| dedup.check_and_insert_sketch(&article.id, sketch));
                if let Some(duplicate) = duplicate {
                    diagnostics.push(duplicate_note(&article, &duplicate));
                    summary.duplicates += 1;
                    article.duplicate_of = Some(duplicate);
                }
                summary.documents += 1;
                sink.document(&article)?;
                if let Some((extraction, _, mut signature)) = extraction {
                    signature.duplicate_of = article.duplicate_of.as_ref().map(|d| d.of.clone());
                    story_index.add(&signature);
                    // Comparison reads sentences, never tokens.
                    article.tokens = Vec::new();
                    if kept.len() < config.compare_limit {
                        let outlet = stories::outlet_name(&article);
                        kept.push(Kept { article, extraction, outlet });
                    } else if kept.len() == config.compare_limit && !limit_noted {
                        limit_noted = true;
                        progress.suspend(|| {
                            eprintln!(
                                "vigia: {} reports kept for comparing sources (--compare-limit); later reports are grouped into stories but not compared",
                                config.compare_limit
                            )
                        });
                    }
                }
            }
        }
    }
    progress.finish_and_clear();
    let (entities, relations) = index.into_parts();
    let stories = story_items(&story_index, &kept);
    let items = spill.finish()?;
    sink.extracted(&Extracted { entities, relations, items, stories })?;
    sink.finish(&diagnostics, &summary)?;
    Ok(summary)
}

/// Reads one chunk of inputs on every core; counts them and keeps their diagnostics.
pub(crate) fn read_chunk(
    chunk: &[Input],
    config: &RunConfig,
    fetcher: &Fetcher,
    summary: &mut Summary,
    diagnostics: &mut Vec<Diagnostic>,
    progress: &ProgressBar,
) -> Vec<Draft> {
    let readouts: Vec<Readout> =
        chunk.par_iter().map(|input| read(input, config, fetcher)).collect();
    let mut drafts = Vec::new();
    for readout in readouts {
        match readout.status {
            Status::Read => summary.read += 1,
            Status::Skipped => summary.skipped += 1,
            Status::Failed => summary.failed += 1,
        }
        summary.records_failed += readout.records_failed;
        diagnostics.extend(readout.diagnostics);
        drafts.extend(readout.drafts);
        progress.inc(1);
    }
    drafts
}

/// The note saying that `article` copies an earlier one.
pub(crate) fn duplicate_note(article: &Article, duplicate: &model::Duplicate) -> Diagnostic {
    let (code, what) = match duplicate.kind {
        DuplicateKind::Exact => (DiagnosticCode::ExactDuplicate, "an exact copy"),
        DuplicateKind::Near => (DiagnosticCode::NearDuplicate, "a near copy"),
    };
    Diagnostic::info(
        code,
        &article.source,
        format!("{what} of {} (similarity {:.2})", duplicate.of, duplicate.similarity),
    )
    .with_document(&article.id)
}

/// The report's stories, in order of their first report, each compared.
fn story_items(index: &StoryIndex, kept: &[Kept]) -> Vec<StoryItem> {
    let at: HashMap<&str, usize> =
        kept.iter().enumerate().map(|(k, report)| (report.article.id.as_str(), k)).collect();
    let copy_of: Vec<Option<usize>> = kept
        .iter()
        .map(|report| {
            report.article.duplicate_of.as_ref().and_then(|d| at.get(d.of.as_str()).copied())
        })
        .collect();
    index
        .stories()
        .iter()
        // A story merged into another has handed over its members.
        .filter(|story| story.merged_into.is_none() && !story.members.is_empty())
        .map(|story| {
            // Merged stories append members out of input order; comparison wants input order.
            let mut members: Vec<usize> =
                story.members.iter().filter_map(|m| at.get(m.document.as_str()).copied()).collect();
            members.sort_unstable();
            let mut item = stories::story(kept, &members, &copy_of);
            // Reports past the comparison limit still belong to their story, after the others.
            let mut documents: Vec<(usize, String)> = story
                .members
                .iter()
                .map(|m| {
                    (at.get(m.document.as_str()).copied().unwrap_or(usize::MAX), m.document.clone())
                })
                .collect();
            documents.sort_by_key(|(k, _)| *k);
            item.documents = documents.into_iter().map(|(_, d)| d).collect();
            item
        })
        .collect()
}

/// Splits the inputs into runs of at most `CHUNK_INPUTS` inputs or `CHUNK_BYTES` bytes.
pub(crate) fn chunks(inputs: &[Input]) -> impl Iterator<Item = &[Input]> {
    let mut rest = inputs;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut bytes = 0;
        let mut len = 0;
        while len < rest.len() && len < CHUNK_INPUTS && (len == 0 || bytes < CHUNK_BYTES) {
            bytes += match &rest[len] {
                Input::Path(path) => std::fs::metadata(path).map_or(0, |metadata| metadata.len()),
                Input::Memory { bytes, .. } => bytes.len() as u64,
                Input::Fetched { bytes, .. } => bytes.len() as u64,
                Input::Stdin | Input::Url(_) => CHUNK_BYTES / 8,
            };
            len += 1;
        }
        let (chunk, tail) = rest.split_at(len);
        rest = tail;
        Some(chunk)
    })
}

pub(crate) fn progress_bar(len: u64, enabled: bool) -> ProgressBar {
    if !enabled || !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} inputs ({per_sec}, eta {eta})",
    ) {
        bar.set_style(style);
    }
    bar
}

fn read(input: &Input, config: &RunConfig, fetcher: &Fetcher) -> Readout {
    let name = input.name();
    let loaded = match input::load(input, config.ingest.max_bytes, fetcher) {
        Ok(loaded) => loaded,
        Err(diagnostic) => {
            return Readout {
                drafts: Vec::new(),
                diagnostics: vec![diagnostic],
                status: Status::Failed,
                records_failed: 0,
            }
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
    let diagnostics = read.diagnostics;
    // Errors about a record or item name it with a suffix; errors about the input name the input.
    let records_failed = match read.format {
        Some(Format::Jsonl | Format::Feed) => diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error && d.source != meta.source)
            .count(),
        _ => 0,
    };
    let failed =
        diagnostics.iter().any(|d| d.severity == Severity::Error && d.source == meta.source);
    let status = match (read.drafts.is_empty(), failed || records_failed > 0) {
        (false, _) => Status::Read,
        (true, true) => Status::Failed,
        (true, false) => Status::Skipped,
    };
    Readout { drafts: read.drafts, diagnostics, status, records_failed }
}

/// One finished article and what came with it.
pub(crate) struct Finished {
    pub(crate) article: Article,
    pub(crate) sketch: Option<Sketch>,
    pub(crate) notes: Vec<Diagnostic>,
    /// The draft's summary was replaced by its linked page.
    pub(crate) followed: bool,
    /// What extraction found in the article, its report items and its story signature, when
    /// extraction runs.
    pub(crate) extraction: Option<(Extraction, Items, Signature)>,
}

/// Turns one draft into an article, following its link first when asked to.
pub(crate) fn finish(
    draft: Draft,
    config: &RunConfig,
    fetcher: &Fetcher,
    resources: &Resources<'_>,
) -> Finished {
    let mut notes = Vec::new();
    let wants_follow = config.follow_links && draft.follow.is_some();
    let draft = if wants_follow { follow(draft, config, fetcher, &mut notes) } else { draft };
    let followed = wants_follow && draft.follow.is_none();
    let (article, more) = ingest::finish(draft);
    notes.extend(more);
    let sketch = dedup::sketch(&article);
    // The signature is built here, on every core; the index takes it in input order.
    let extraction = config.extract.then(|| {
        let extraction = extract::extract(&article, resources);
        let items = items::items(&article, &extraction);
        let signature = Signature::from_article(&article, &extraction);
        (extraction, items, signature)
    });
    Finished { article, sketch, notes, followed, extraction }
}

/// Replaces a feed summary with the linked page, keeping the feed's metadata where it has any.
fn follow(
    draft: Draft,
    config: &RunConfig,
    fetcher: &Fetcher,
    diagnostics: &mut Vec<Diagnostic>,
) -> Draft {
    let Some(link) = draft.follow.clone() else { return draft };
    let loaded = match input::load(&Input::Url(link.clone()), config.ingest.max_bytes, fetcher) {
        Ok(loaded) => loaded,
        Err(diagnostic) => {
            let message = format!("kept the feed summary: {}", diagnostic.message);
            diagnostics.push(Diagnostic::warning(
                DiagnosticCode::Unreachable,
                &draft.source,
                message,
            ));
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
