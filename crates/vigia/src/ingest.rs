//! `vigia ingest`: analyses inputs into a store, incrementally and idempotently.
//!
//! The state that spans documents (the duplicate index and the story index) is rebuilt at
//! start by replaying every stored document's sketch and signature in storage order, which
//! gives exactly the state a single run over all of them would have had. New documents are
//! then analysed as in `analyze`, and every batch (its documents, their items and the stories
//! they changed) is committed in one transaction: a killed run loses at most the batch under
//! way, and running it again skips what is stored and completes the rest.

mod cache;
mod pending;
#[cfg(test)]
mod tests;

use std::collections::{BTreeSet, HashMap};

use analysis::{dedup::DedupIndex, entities::Resources, ingest::Draft, stories::StoryIndex};
use anyhow::Context;
use model::{Article, Diagnostic, DiagnosticCode, Severity};
use rayon::prelude::*;
use store::{Batch, Outcome, Store, StoryRow};

use crate::{
    fetch::Fetcher,
    input::Input,
    pipeline::{self, Finished, RunConfig},
    report::{
        stories::{self, Kept, StoryItem},
        Summary,
    },
    stored,
};

use cache::Cache;
use pending::Pending;

/// What one ingest did, beyond what `analyze` reports.
#[derive(Debug, Default)]
pub(crate) struct Ingested {
    pub(crate) summary: Summary,
    pub(crate) new: usize,
    pub(crate) versions: usize,
    pub(crate) unchanged: usize,
    pub(crate) stories_changed: usize,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl Ingested {
    /// The closing line printed on stderr.
    pub(crate) fn line(&self) -> String {
        format!(
            "{}; stored {} new, {} new version(s), {} unchanged; {} stor(ies) updated",
            self.summary.line(),
            self.new,
            self.versions,
            self.unchanged,
            self.stories_changed
        )
    }
}

/// Reports kept in memory between batches so that updating a story rarely re-reads and
/// re-analyses its older reports from the store.
const CACHE: usize = 8_000;

/// Reports of one story compared with each other: a story is recompared as each batch adds to
/// it, so its cost must not grow with the story; later reports join it uncompared.
pub(crate) const STORY_COMPARE: usize = 100;

/// The state spanning documents.
struct State {
    dedup: DedupIndex,
    stories: StoryIndex,
    /// Every stored document's position in storage order.
    order: HashMap<String, usize>,
    /// Stories with a row in the store, by index, with the id they were stored under.
    stored: HashMap<usize, String>,
    cache: Cache,
    /// Threads comparing stories, as many as the analysis has: the two take turns on the cores.
    pool: rayon::ThreadPool,
}

/// Ingests `inputs` into `store`; `batch` is the number of documents per transaction.
pub(crate) fn run(
    inputs: &[Input],
    diagnostics: Vec<Diagnostic>,
    config: &RunConfig,
    fetcher: &Fetcher,
    store: &Store,
    batch: usize,
) -> anyhow::Result<Ingested> {
    // Replaying under the lock reads what a running ingest stores before it lets go.
    let _lock = lock(store)?;
    Session::open(store)?.ingest_locked(inputs, diagnostics, config, fetcher, store, batch)
}

/// Takes the store's ingest lock, saying so when another ingest holds it and this one waits.
fn lock(store: &Store) -> anyhow::Result<store::IngestLock> {
    if let Some(lock) = store.try_lock_ingest().context("cannot lock the store")? {
        return Ok(lock);
    }
    eprintln!(
        "vigia: another ingest into {} is under way; waiting for it to finish",
        store.location()
    );
    store.lock_ingest().context("cannot lock the store")
}

/// The state spanning documents, rebuilt once from the store and kept across ingests, as
/// `watch` does between polls.
pub(crate) struct Session {
    state: State,
    /// What replaying the store found unreadable, reported with the next ingest.
    replayed: Vec<Diagnostic>,
    /// The last stored document the state holds.
    seen: i64,
}

impl Session {
    pub(crate) fn open(store: &Store) -> anyhow::Result<Session> {
        let mut replayed = Vec::new();
        let (state, seen) = replay(store, &mut replayed)?;
        Ok(Session { state, replayed, seen })
    }

    /// Ingests `inputs`; `batch` is the number of documents per transaction. After an error
    /// the session may hold documents the store does not, so it must be opened again.
    pub(crate) fn ingest(
        &mut self,
        inputs: &[Input],
        diagnostics: Vec<Diagnostic>,
        config: &RunConfig,
        fetcher: &Fetcher,
        store: &Store,
        batch: usize,
    ) -> anyhow::Result<Ingested> {
        let _lock = lock(store)?;
        // Another process may have stored documents since this session last looked.
        if store.last_document().context("cannot read the store")? != self.seen {
            *self = Session::open(store)?;
        }
        self.ingest_locked(inputs, diagnostics, config, fetcher, store, batch)
    }

    /// `ingest`, with the store's ingest lock held and the session up to date.
    fn ingest_locked(
        &mut self,
        inputs: &[Input],
        mut diagnostics: Vec<Diagnostic>,
        config: &RunConfig,
        fetcher: &Fetcher,
        store: &Store,
        batch: usize,
    ) -> anyhow::Result<Ingested> {
        let shipped = pipeline::shipped()?;
        let resources = shipped.resources();
        let mut out = Ingested::default();
        out.summary.inputs = inputs.len() + diagnostics.len();
        out.summary.failed = diagnostics.len();
        diagnostics.append(&mut self.replayed);
        let state = &mut self.state;
        let progress = pipeline::progress_bar(inputs.len() as u64, config.progress);
        // Batches are analysed on every core while one thread takes the analysed ones in
        // order, adds them to the indexes and updates their stories, and another commits them,
        // also in order. What reading said goes along with the first batch read after it, so
        // messages keep the order a single thread would give them.
        let mut read = Summary::default();
        std::thread::scope(|scope| -> anyhow::Result<()> {
            let (send, take) = std::sync::mpsc::sync_channel::<(Vec<Diagnostic>, Vec<Analysed>)>(1);
            let (commit, to_write) = std::sync::mpsc::sync_channel::<Batch>(1);
            let (written, committed) = std::sync::mpsc::channel::<()>();
            let out = &mut out;
            let diagnostics = &mut diagnostics;
            let resources = &resources;
            let writer = scope.spawn(move || -> anyhow::Result<[usize; 3]> {
                let mut counts = [0; 3];
                for batch in to_write {
                    let outcomes = store.write(&batch).context("cannot write to the store")?;
                    for outcome in outcomes {
                        counts[match outcome {
                            Outcome::New => 0,
                            Outcome::Version { .. } => 1,
                            Outcome::Unchanged => 2,
                        }] += 1;
                    }
                    written.send(()).ok();
                }
                Ok(counts)
            });
            let sink = scope.spawn(move || -> anyhow::Result<()> {
                let mut pending = Pending::new(committed);
                let updated = || -> anyhow::Result<()> {
                    for (notes, finished) in take {
                        diagnostics.extend(notes);
                        if finished.is_empty() {
                            continue;
                        }
                        let (rows, touched) = add(state, finished, shipped.kb(), out, diagnostics)?;
                        let mut write = Batch { documents: rows, ..Batch::default() };
                        let mut stories = Stories { store, resources, pending: &mut pending };
                        update_stories(
                            state,
                            &mut stories,
                            &touched,
                            config,
                            &mut write,
                            diagnostics,
                        )?;
                        out.stories_changed += write.stories.len();
                        pending.sent(write.documents.iter().map(|d| d.id.clone()).collect());
                        // A closed channel means the writer stopped on an error, which joining
                        // gives.
                        if commit.send(write).is_err() {
                            break;
                        }
                    }
                    Ok(())
                };
                let updated = updated();
                drop(commit);
                // The writer's error comes first: it is why this thread stopped, if it did.
                let [new, versions, unchanged] = writer
                    .join()
                    .map_err(|_| anyhow::anyhow!("the thread writing to the store stopped"))??;
                updated?;
                out.new += new;
                out.versions += versions;
                out.unchanged += unchanged;
                Ok(())
            });
            'read: for chunk in pipeline::chunks(inputs) {
                let mut notes = Vec::new();
                let drafts =
                    pipeline::read_chunk(chunk, config, fetcher, &mut read, &mut notes, &progress);
                let mut drafts = drafts.into_iter().peekable();
                loop {
                    let part: Vec<Draft> = drafts.by_ref().take(batch.max(1)).collect();
                    let last = part.is_empty() || drafts.peek().is_none();
                    let finished: Vec<Analysed> = part
                        .into_par_iter()
                        .map(|draft| {
                            let mut finished = pipeline::finish(draft, config, fetcher, resources);
                            let row = row(&mut finished, shipped.kb());
                            Analysed { finished, row }
                        })
                        .collect();
                    // A closed channel means the sink stopped on an error, which joining gives.
                    if send.send((std::mem::take(&mut notes), finished)).is_err() {
                        break 'read;
                    }
                    if last {
                        break;
                    }
                }
            }
            drop(send);
            sink.join()
                .map_err(|_| anyhow::anyhow!("the thread adding reports to the store stopped"))?
        })?;
        out.summary.add(&read);
        progress.finish_and_clear();
        out.diagnostics = diagnostics;
        self.seen = store.last_document().context("cannot read the store")?;
        Ok(out)
    }
}

/// A stored document's sketch and signature, parsed.
struct Parsed {
    seq: i64,
    id: String,
    sketch: Option<anyhow::Result<analysis::dedup::Sketch>>,
    signature: Option<anyhow::Result<analysis::stories::Signature>>,
}

/// Rebuilds the duplicate and story indexes from what the store holds; also gives the last
/// document replayed.
fn replay(store: &Store, diagnostics: &mut Vec<Diagnostic>) -> anyhow::Result<(State, i64)> {
    let mut state = State {
        dedup: DedupIndex::new(),
        stories: StoryIndex::new(),
        order: HashMap::new(),
        stored: HashMap::new(),
        cache: Cache::new(CACHE),
        pool: rayon::ThreadPoolBuilder::new()
            .num_threads(rayon::current_num_threads())
            .thread_name(|k| format!("vigia-stories-{k}"))
            .build()
            .context("cannot start the story threads")?,
    };
    let mut seen = 0;
    // One thread reads and parses the stored rows, parsing on every core, while this one adds
    // them to the indexes in storage order.
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let (send, parsed) = std::sync::mpsc::sync_channel::<anyhow::Result<Vec<Parsed>>>(1);
        scope.spawn(move || {
            let mut after = 0;
            loop {
                let rows = match store.replay(after, 5_000).context("cannot read the store") {
                    Ok(rows) => rows,
                    Err(err) => {
                        send.send(Err(err)).ok();
                        return;
                    }
                };
                let Some((last, _)) = rows.last() else { return };
                after = *last;
                let chunk = rows
                    .into_par_iter()
                    .map(|(seq, row)| Parsed {
                        seq,
                        sketch: row.sketch.as_deref().map(stored::sketch_from_json),
                        signature: row.signature.as_deref().map(stored::signature_from_json),
                        id: row.id,
                    })
                    .collect();
                if send.send(Ok(chunk)).is_err() {
                    return;
                }
            }
        });
        for chunk in parsed {
            for Parsed { seq, id, sketch, signature } in chunk? {
                seen = seq;
                let at = state.order.len();
                state.order.insert(id.clone(), at);
                let note = |what: &str, err: anyhow::Error| {
                    Diagnostic::warning(
                        DiagnosticCode::Unreadable,
                        &id,
                        format!("stored {what} is unreadable, so the document is left out of later matching: {err:#}"),
                    )
                    .with_document(&id)
                };
                match sketch {
                    // Stored ids are unique, so there is nothing to check the sketch against.
                    Some(Ok(sketch)) => state.dedup.insert_sketch(&id, sketch),
                    Some(Err(err)) => diagnostics.push(note("sketch", err)),
                    None => {}
                }
                match signature {
                    Some(Ok(signature)) => {
                        state.stories.add(&signature);
                    }
                    Some(Err(err)) => diagnostics.push(note("signature", err)),
                    None => {}
                }
            }
        }
        Ok(())
    })?;
    for story in state.stories.stories() {
        if story.merged_into.is_none() && !story.members.is_empty() {
            let first = first_member(&state, story.id);
            state.stored.insert(story.id, stories::story_id(&first));
        }
    }
    Ok((state, seen))
}

/// An analysed article with its row as it is stored unless it turns out to be a copy.
struct Analysed {
    finished: Finished,
    row: Option<anyhow::Result<store::NewDocument>>,
}

/// The row of an article that is no copy, built on the analysis threads; the writing thread
/// only builds again the rows of the few that are. The signature's copy mark is set here as
/// `add` sets it for an article found to be no copy.
fn row(
    finished: &mut Finished,
    kb: &analysis::kb::KnowledgeBase,
) -> Option<anyhow::Result<store::NewDocument>> {
    let (extraction, items, signature) = finished.extraction.as_mut()?;
    let article = &finished.article;
    signature.duplicate_of = article.duplicate_of.as_ref().map(|d| d.of.clone());
    Some(stored::document(article, extraction, items, signature, finished.sketch.as_ref(), kb))
}

/// Takes in one batch of finished articles: new ones get rows and join stories; stored ones
/// are counted and left alone. Returns the rows and the stories that changed.
fn add(
    state: &mut State,
    finished: Vec<Analysed>,
    kb: &analysis::kb::KnowledgeBase,
    out: &mut Ingested,
    diagnostics: &mut Vec<Diagnostic>,
) -> anyhow::Result<(Vec<store::NewDocument>, BTreeSet<usize>)> {
    let mut rows = Vec::new();
    let mut touched = BTreeSet::new();
    for Analysed { finished, mut row } in finished {
        let Finished { mut article, sketch, notes, followed, extraction } = finished;
        if followed {
            diagnostics
                .retain(|d| !(d.code == DiagnosticCode::SummaryOnly && d.source == article.source));
        }
        diagnostics.extend(notes);
        out.summary.documents += 1;
        if state.order.contains_key(&article.id) {
            out.unchanged += 1;
            continue;
        }
        let Some((extraction, items, mut signature)) = extraction else { continue };
        diagnostics.extend(extraction.entities.diagnostics.iter().cloned());
        if let Some(sketch) = sketch.clone() {
            if let Some(duplicate) = state.dedup.check_and_insert_sketch(&article.id, sketch) {
                diagnostics.push(pipeline::duplicate_note(&article, &duplicate));
                out.summary.duplicates += 1;
                article.duplicate_of = Some(duplicate);
                row = None;
            }
        }
        signature.duplicate_of = article.duplicate_of.as_ref().map(|d| d.of.clone());
        let assignment = state.stories.add(&signature);
        touched.insert(assignment.story);
        let at = state.order.len();
        state.order.insert(article.id.clone(), at);
        let row = match row {
            Some(row) => row,
            None => {
                stored::document(&article, &extraction, &items, &signature, sketch.as_ref(), kb)
            }
        };
        rows.push(row?);
        article.tokens = Vec::new();
        let outlet = stories::outlet_name(&article);
        state.cache.insert(Kept { article, extraction, outlet });
    }
    Ok((rows, touched))
}

/// The story a story was merged into, or itself.
fn root(index: &StoryIndex, mut story: usize) -> usize {
    while let Some(into) = index.stories()[story].merged_into {
        story = into;
    }
    story
}

/// The id of a story's first report in storage order.
fn first_member(state: &State, story: usize) -> String {
    let members = &state.stories.stories()[story].members;
    members
        .iter()
        .min_by_key(|m| state.order.get(&m.document).copied().unwrap_or(usize::MAX))
        .map(|m| m.document.clone())
        .unwrap_or_default()
}

/// What updating stories reads from: the store, behind the batches not yet committed.
struct Stories<'a, 'r> {
    store: &'a Store,
    resources: &'a Resources<'r>,
    pending: &'a mut Pending,
}

/// Recompares the changed stories and adds their rows, and the ids of stories that merged
/// away or changed id, to the batch.
fn update_stories(
    state: &mut State,
    stories: &mut Stories<'_, '_>,
    touched: &BTreeSet<usize>,
    config: &RunConfig,
    batch: &mut Batch,
    diagnostics: &mut Vec<Diagnostic>,
) -> anyhow::Result<()> {
    let roots: BTreeSet<usize> = touched.iter().map(|&s| root(&state.stories, s)).collect();
    let mut compared = Vec::new();
    let merged: Vec<usize> = state
        .stored
        .keys()
        .copied()
        .filter(|&s| state.stories.stories()[s].merged_into.is_some())
        .collect();
    for story in merged {
        if let Some(id) = state.stored.remove(&story) {
            batch.removed_stories.push(id);
        }
    }
    for story in roots {
        let mut members: Vec<(usize, String)> = state.stories.stories()[story]
            .members
            .iter()
            .map(|m| {
                (state.order.get(&m.document).copied().unwrap_or(usize::MAX), m.document.clone())
            })
            .collect();
        members.sort();
        let limit = config.compare_limit.clamp(1, STORY_COMPARE);
        // Past the limit a story's comparison is settled: only its list of reports grows.
        if members.len() > limit {
            let same_id = |stored: &&String| **stored == stories::story_id(&members[0].1);
            if let Some(stored) = state.stored.get(&story).filter(same_id) {
                // Settled only once it was compared on a full `limit` reports, so that the
                // comparison never depends on where batches happened to end.
                // Its row may be older than one still being written; a settled story's row
                // only ever gains documents, and one not yet settled there is compared again,
                // which gives the same row.
                let settled = stories.store.story(stored)?.filter(|r| r.reports >= limit as i64);
                if let Some(record) = settled {
                    if let Some(body) = with_documents(&record.body, &members) {
                        batch.stories.push(StoryRow {
                            id: record.id,
                            title: record.title,
                            documents: members.iter().map(|(_, id)| id.clone()).collect(),
                            first_date: record.first_date,
                            last_date: record.last_date,
                            body,
                        });
                        continue;
                    }
                }
            }
        }
        let kept = members.iter().take(limit).map(|(_, id)| state.cache.take(id)).collect();
        compared.push(Recompare { story, members, kept });
    }
    read_back(&state.pool, stories, &mut compared, diagnostics)?;
    let compared: Vec<_> = compared
        .into_iter()
        .map(|r| (r.story, r.members, r.kept.into_iter().flatten().collect::<Vec<Kept>>()))
        .collect();
    // The comparisons are independent and were most of the writing thread's time: they run on
    // threads of their own, beside the analysis of the next batch.
    let rows: Vec<anyhow::Result<StoryRow>> = state
        .pool
        .install(|| compared.par_iter().map(|(_, members, kept)| compare(members, kept)).collect());
    for ((story, _, kept), row) in compared.into_iter().zip(rows) {
        let row = row?;
        if let Some(old) = state.stored.insert(story, row.id.clone()) {
            if old != row.id {
                batch.removed_stories.push(old);
            }
        }
        batch.stories.push(row);
        for report in kept {
            state.cache.insert(report);
        }
    }
    Ok(())
}

/// A story to compare again: its members in storage order, and the reports compared, each
/// `None` until read back from the store.
struct Recompare {
    story: usize,
    members: Vec<(usize, String)>,
    kept: Vec<Option<Kept>>,
}

/// Reads back and analyses again, on the story threads, the reports no longer in memory; one
/// that cannot be read is left out of its story's comparison, with a warning.
fn read_back(
    pool: &rayon::ThreadPool,
    stories: &mut Stories<'_, '_>,
    compared: &mut [Recompare],
    diagnostics: &mut Vec<Diagnostic>,
) -> anyhow::Result<()> {
    let missing: Vec<(usize, usize)> = compared
        .iter()
        .enumerate()
        .flat_map(|(k, r)| {
            r.kept.iter().enumerate().filter(|(_, kept)| kept.is_none()).map(move |(m, _)| (k, m))
        })
        .collect();
    let ids: Vec<String> = missing.iter().map(|&(k, m)| compared[k].members[m].1.clone()).collect();
    if !stories.pending.wait_for(ids.iter().map(String::as_str)) {
        anyhow::bail!("the thread writing to the store stopped");
    }
    let (store, resources) = (stories.store, stories.resources);
    let reports: Vec<anyhow::Result<Kept>> =
        pool.install(|| ids.par_iter().map(|id| reread(store, resources, id)).collect());
    for ((k, m), report) in missing.into_iter().zip(reports) {
        match report {
            Ok(report) => compared[k].kept[m] = Some(report),
            Err(err) => {
                let id = &compared[k].members[m].1;
                diagnostics.push(
                    Diagnostic::warning(
                        DiagnosticCode::Unreadable,
                        id,
                        format!("stored document is unreadable and left out of its story's comparison: {err:#}"),
                    )
                    .with_document(id),
                );
            }
        }
    }
    Ok(())
}

/// A story's row: its first reports compared, every member listed.
fn compare(members: &[(usize, String)], kept: &[Kept]) -> anyhow::Result<StoryRow> {
    let at: HashMap<&str, usize> =
        kept.iter().enumerate().map(|(k, r)| (r.article.id.as_str(), k)).collect();
    let copy_of: Vec<Option<usize>> = kept
        .iter()
        .map(|r| r.article.duplicate_of.as_ref().and_then(|d| at.get(d.of.as_str()).copied()))
        .collect();
    let indices: Vec<usize> = (0..kept.len()).collect();
    let mut item = stories::story(kept, &indices, &copy_of);
    item.id = stories::story_id(&members[0].1);
    item.documents = members.iter().map(|(_, id)| id.clone()).collect();
    story_row(&item)
}

/// A stored story body with its `documents` list replaced, the rest kept byte for byte.
fn with_documents(body: &str, members: &[(usize, String)]) -> Option<String> {
    let key = "\"documents\":[";
    let start = body.find(key)? + key.len();
    let end = start + body[start..].find(']')?;
    let list = serde_json::to_string(&members.iter().map(|(_, id)| id).collect::<Vec<_>>()).ok()?;
    Some(format!("{}{}{}", &body[..start - 1], list, &body[end + 1..]))
}

/// A report for comparison that is no longer in memory: rebuilt from the store and analysed
/// again.
fn reread(store: &Store, resources: &Resources<'_>, id: &str) -> anyhow::Result<Kept> {
    let record = store.document(id)?.context("not in the store")?;
    let mut article: Article = stored::article_from_json(&record.body)?;
    let extraction = analysis::extract::extract(&article, resources);
    article.tokens = Vec::new();
    let outlet = stories::outlet_name(&article);
    Ok(Kept { article, extraction, outlet })
}

fn story_row(item: &StoryItem) -> anyhow::Result<StoryRow> {
    let dates = item.events.iter().filter_map(|e| e.date.as_ref());
    Ok(StoryRow {
        id: item.id.clone(),
        title: item.title.clone(),
        documents: item.documents.clone(),
        first_date: dates.clone().map(|d| d.start.clone()).min(),
        last_date: dates.map(|d| d.end.clone()).max(),
        body: serde_json::to_string(item)?,
    })
}

/// Prints warnings and errors on stderr, one line each, naming their source.
pub(crate) fn print_diagnostics(diagnostics: &[Diagnostic]) {
    for d in diagnostics.iter().filter(|d| d.severity != Severity::Info) {
        eprintln!("vigia: {}: {}: {}", d.severity.as_str(), d.source, d.message);
    }
}
