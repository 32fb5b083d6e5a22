//! Story clustering evaluation on ECB+ (`vigia eval stories`).
//!
//! Each record (title, then one sentence per line) becomes a plain-text article, goes through
//! ingestion and the whole extraction with the shipped models, and is reduced to a story
//! signature. The signatures are clustered once as a batch and several times as a stream in a
//! seeded shuffled order, and each clustering is scored against the gold `cluster` (the seminal
//! event) with pairwise and B-cubed precision, recall and F1, next to simple baselines.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

use analysis::{
    extract,
    ingest::{self, IngestConfig, SourceMeta},
    stories::{self, Signature, StoryConfig, StoryIndex},
};
use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::pipeline;

#[derive(serde::Deserialize)]
struct Record {
    id: String,
    title: Option<String>,
    text: String,
    cluster: String,
    topic: String,
}

/// Precision, recall and F1 of one clustering, pairwise and B-cubed.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Scores {
    pub(crate) pair: [f64; 3],
    pub(crate) bcubed: [f64; 3],
    pub(crate) clusters: usize,
}

/// Scores the clustering of `data` and prints a table.
pub(crate) fn run(data: &Path, seed: u64, runs: usize, out: &mut dyn Write) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(data).with_context(|| format!("cannot read {}", data.display()))?;
    let records: Vec<Record> = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .enumerate()
        .map(|(at, line)| {
            serde_json::from_str(line).with_context(|| format!("line {}: bad record", at + 1))
        })
        .collect::<anyhow::Result<_>>()?;
    anyhow::ensure!(!records.is_empty(), "no records in {}", data.display());

    let shipped = pipeline::shipped()?;
    let resources = shipped.resources();
    let bar =
        ProgressBar::with_draw_target(Some(records.len() as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "[{elapsed_precise}] {bar:40} {pos}/{len} articles ({per_sec})",
    ) {
        bar.set_style(style);
    }
    let started = Instant::now();
    let built: Vec<(Signature, f64, usize)> = records
        .par_iter()
        .map(|record| {
            let built = signature(record, &resources);
            bar.inc(1);
            built
        })
        .collect();
    let signature_seconds: f64 = built.iter().map(|(_, seconds, _)| seconds).sum();
    let tokens: usize = built.iter().map(|(_, _, tokens)| tokens).sum();
    let signatures: Vec<Signature> = built.into_iter().map(|(signature, _, _)| signature).collect();
    bar.finish_and_clear();
    let extract_seconds = started.elapsed().as_secs_f64();
    writeln!(
        out,
        "{} articles, {} gold clusters, {} topics; ingest + extraction + signature: {:.1} docs/s on {} threads",
        records.len(),
        distinct(records.iter().map(|r| r.cluster.as_str())),
        distinct(records.iter().map(|r| r.topic.as_str())),
        records.len() as f64 / extract_seconds.max(1e-9),
        rayon::current_num_threads(),
    )?;
    writeln!(
        out,
        "signatures alone: {:.1} µs per article, {:.2} µs per 100 tokens ({:.0} tokens per article)",
        signature_seconds * 1e6 / records.len() as f64,
        signature_seconds * 1e8 / tokens.max(1) as f64,
        tokens as f64 / records.len() as f64,
    )?;

    let gold = labels(records.iter().map(|r| r.cluster.as_str()));
    let config = StoryConfig::default();
    writeln!(
        out,
        "{:<28} {:>7} {:>7} {:>7}   {:>7} {:>7} {:>7}  {:>8}",
        "", "pair P", "pair R", "pair F1", "B3 P", "B3 R", "B3 F1", "clusters"
    )?;
    let row = |out: &mut dyn Write, name: &str, s: &Scores| {
        writeln!(
            out,
            "{name:<28} {:>7.3} {:>7.3} {:>7.3}   {:>7.3} {:>7.3} {:>7.3}  {:>8}",
            s.pair[0], s.pair[1], s.pair[2], s.bcubed[0], s.bcubed[1], s.bcubed[2], s.clusters
        )
    };

    let order = shuffled(signatures.len(), seed);
    let started = Instant::now();
    let batch_input: Vec<Signature> = order.iter().map(|&at| signatures[at].clone()).collect();
    let assigned = stories::cluster_batch(&batch_input, &config);
    let batch_seconds = started.elapsed().as_secs_f64();
    let mut predicted = vec![0; signatures.len()];
    for (&at, assignment) in order.iter().zip(&assigned) {
        predicted[at] = assignment.story;
    }
    row(out, &format!("batch (seed {seed})"), &score(&predicted, &gold))?;

    let mut stream = Vec::new();
    let mut stream_seconds = 0.0;
    for run in 0..runs.max(1) {
        let run_seed = seed.wrapping_add(run as u64);
        let order = shuffled(signatures.len(), run_seed);
        let started = Instant::now();
        let mut index = StoryIndex::with_config(config.clone());
        let mut predicted = vec![0; signatures.len()];
        for &at in &order {
            index.add(&signatures[at]);
        }
        // Stories merged on the way moved their reports: ask where each ended.
        for (slot, signature) in predicted.iter_mut().zip(&signatures) {
            *slot = index.story_of(&signature.document).unwrap_or(0);
        }
        stream_seconds += started.elapsed().as_secs_f64();
        let scores = score(&predicted, &gold);
        row(out, &format!("stream (seed {run_seed})"), &scores)?;
        stream.push(scores);
    }
    let mean = |get: fn(&Scores) -> f64| stream.iter().map(get).sum::<f64>() / stream.len() as f64;
    let min = |get: fn(&Scores) -> f64| stream.iter().map(get).fold(f64::INFINITY, f64::min);
    writeln!(
        out,
        "stream over {} runs: B3 F1 mean {:.3} min {:.3}; pair F1 mean {:.3} min {:.3}",
        stream.len(),
        mean(|s| s.bcubed[2]),
        min(|s| s.bcubed[2]),
        mean(|s| s.pair[2]),
        min(|s| s.pair[2]),
    )?;
    row(
        out,
        "baseline: gold topic",
        &score(&labels(records.iter().map(|r| r.topic.as_str())), &gold),
    )?;
    row(out, "baseline: singletons", &score(&(0..gold.len()).collect::<Vec<_>>(), &gold))?;
    row(out, "baseline: all in one", &score(&vec![0; gold.len()], &gold))?;
    writeln!(
        out,
        "clustering alone: batch {:.0} docs/s, stream {:.0} docs/s",
        signatures.len() as f64 / batch_seconds.max(1e-9),
        (signatures.len() * stream.len()) as f64 / stream_seconds.max(1e-9),
    )?;
    Ok(())
}

/// A record as a plain-text article (headline, blank line, one paragraph per sentence), its
/// extraction and signature, with the seconds the signature alone took and the token count.
fn signature(
    record: &Record,
    resources: &analysis::entities::Resources<'_>,
) -> (Signature, f64, usize) {
    let mut text = String::new();
    if let Some(title) = record.title.as_deref().filter(|title| !title.trim().is_empty()) {
        text.push_str(title.trim());
        text.push_str("\n\n");
    }
    for line in record.text.lines().map(str::trim).filter(|line| !line.is_empty()) {
        text.push_str(line);
        text.push_str("\n\n");
    }
    let read = ingest::read(
        text.trim_end().as_bytes(),
        &SourceMeta::new(format!("{}.txt", record.id)),
        &IngestConfig::default(),
    );
    match read.drafts.into_iter().next() {
        Some(draft) => {
            let (mut article, _) = ingest::finish(draft);
            article.language = model::Language::English;
            let extraction = extract::extract(&article, resources);
            let started = Instant::now();
            let mut signature = Signature::from_article(&article, &extraction);
            let seconds = started.elapsed().as_secs_f64();
            signature.document = record.id.clone();
            (signature, seconds, article.tokens.len())
        }
        None => {
            (Signature::new(record.id.clone(), model::Language::English, [], Vec::new()), 0.0, 0)
        }
    }
}

fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> usize {
    labels(values).into_iter().max().map_or(0, |top| top + 1)
}

/// Dense labels in order of first appearance.
fn labels<'a>(values: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    values
        .map(|value| {
            let next = ids.len();
            *ids.entry(value).or_insert(next)
        })
        .collect()
}

/// A deterministic Fisher–Yates shuffle of `0..len` driven by SplitMix64.
pub(crate) fn shuffled(len: usize, seed: u64) -> Vec<usize> {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut order: Vec<usize> = (0..len).collect();
    for at in (1..len).rev() {
        let pick = (next() % (at as u64 + 1)) as usize;
        order.swap(at, pick);
    }
    order
}

/// Pairwise and B-cubed scores of `predicted` against `gold` labels.
pub(crate) fn score(predicted: &[usize], gold: &[usize]) -> Scores {
    let mut both: HashMap<(usize, usize), usize> = HashMap::new();
    let mut by_predicted: HashMap<usize, usize> = HashMap::new();
    let mut by_gold: HashMap<usize, usize> = HashMap::new();
    for (&p, &g) in predicted.iter().zip(gold) {
        *both.entry((p, g)).or_default() += 1;
        *by_predicted.entry(p).or_default() += 1;
        *by_gold.entry(g).or_default() += 1;
    }
    let pairs = |n: usize| (n * n.saturating_sub(1) / 2) as f64;
    let true_pairs: f64 = both.values().map(|&n| pairs(n)).sum();
    let predicted_pairs: f64 = by_predicted.values().map(|&n| pairs(n)).sum();
    let gold_pairs: f64 = by_gold.values().map(|&n| pairs(n)).sum();
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 1.0 };
    let f1 = |p: f64, r: f64| if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let pair_p = ratio(true_pairs, predicted_pairs);
    let pair_r = ratio(true_pairs, gold_pairs);
    // B-cubed: per item, the share of its predicted cluster in its gold cluster and vice versa.
    let n = predicted.len().max(1) as f64;
    let mut b_p = 0.0;
    let mut b_r = 0.0;
    for (&p, &g) in predicted.iter().zip(gold) {
        let common = both[&(p, g)] as f64;
        b_p += common / by_predicted[&p] as f64;
        b_r += common / by_gold[&g] as f64;
    }
    let (b_p, b_r) = (b_p / n, b_r / n);
    Scores {
        pair: [pair_p, pair_r, f1(pair_p, pair_r)],
        bcubed: [b_p, b_r, f1(b_p, b_r)],
        clusters: by_predicted.len(),
    }
}
