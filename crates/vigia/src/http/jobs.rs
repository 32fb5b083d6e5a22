//! The ingest queue: requests are queued and one worker thread runs them in order, as
//! `vigia ingest` would, so the HTTP handlers never wait for analysis.

use std::{
    borrow::Cow,
    collections::{HashMap, VecDeque},
    sync::{mpsc, Arc, Mutex},
};

use crate::{ingest, input::Input, pipeline};

use super::api::{ArticleInput, Job};

/// Jobs waiting at most; a fuller queue answers 503.
const QUEUE: usize = 64;
/// Finished jobs remembered for status requests.
const KEPT: usize = 1_000;

/// The queue and the jobs it knows.
pub(crate) struct Jobs {
    sender: mpsc::SyncSender<(String, Vec<ArticleInput>)>,
    known: Arc<Mutex<Known>>,
}

#[derive(Default)]
struct Known {
    jobs: HashMap<String, Job>,
    order: VecDeque<String>,
    next: u64,
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl Jobs {
    /// Starts the worker, writing to `store`.
    pub(crate) fn start(store: Arc<store::Store>) -> Jobs {
        let (sender, receiver) = mpsc::sync_channel::<(String, Vec<ArticleInput>)>(QUEUE);
        let known = Arc::new(Mutex::new(Known::default()));
        let shared = Arc::clone(&known);
        std::thread::spawn(move || {
            for (id, articles) in receiver {
                update(&shared, &id, |job| job.state = "running".into());
                let result = run(&store, &id, &articles);
                update(&shared, &id, |job| {
                    job.finished_at = Some(now());
                    match result {
                        Ok(done) => {
                            job.state = "done".into();
                            job.new = done.new;
                            job.versions = done.versions;
                            job.unchanged = done.unchanged;
                            job.records_failed = done.summary.records_failed;
                            job.message = Some(done.line());
                        }
                        Err(err) => {
                            job.state = "failed".into();
                            job.message = Some(format!("{err:#}"));
                        }
                    }
                });
            }
        });
        Jobs { sender, known }
    }

    /// Queues articles; `None` when the queue is full.
    pub(crate) fn submit(&self, articles: Vec<ArticleInput>) -> Option<Job> {
        let mut known = self.known.lock().unwrap_or_else(|p| p.into_inner());
        known.next += 1;
        let id = format!("job-{}", known.next);
        let job = Job {
            id: id.clone(),
            state: "queued".into(),
            submitted_at: now(),
            finished_at: None,
            articles: articles.len(),
            new: 0,
            versions: 0,
            unchanged: 0,
            records_failed: 0,
            message: None,
        };
        self.sender.try_send((id.clone(), articles)).ok()?;
        known.jobs.insert(id.clone(), job.clone());
        known.order.push_back(id);
        while known.order.len() > KEPT {
            if let Some(old) = known.order.pop_front() {
                known.jobs.remove(&old);
            }
        }
        Some(job)
    }

    /// A job's state.
    pub(crate) fn get(&self, id: &str) -> Option<Job> {
        self.known.lock().unwrap_or_else(|p| p.into_inner()).jobs.get(id).cloned()
    }
}

fn update(known: &Mutex<Known>, id: &str, change: impl FnOnce(&mut Job)) {
    if let Some(job) = known.lock().unwrap_or_else(|p| p.into_inner()).jobs.get_mut(id) {
        change(job);
    }
}

/// Runs one job as a JSON Lines input named after it.
fn run(
    store: &store::Store,
    id: &str,
    articles: &[ArticleInput],
) -> anyhow::Result<ingest::Ingested> {
    let mut lines = Vec::new();
    for article in articles {
        serde_json::to_writer(&mut lines, article)?;
        lines.push(b'\n');
    }
    let input = Input::Memory { name: format!("{id}.jsonl"), bytes: Cow::Owned(lines) };
    // A request is one JSON Lines input of up to 10,000 articles.
    let read =
        crate::flags::ReadArgs { max_bytes: 64 << 20, no_progress: true, ..crate::default_read() };
    let (config, fetcher) = (crate::run_config(&read)?, crate::fetcher(&read));
    ingest::run(&[input], Vec::new(), &config, &fetcher, store, pipeline::FINISH_BATCH)
}
