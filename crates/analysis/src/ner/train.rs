//! The averaged structured perceptron: Viterbi decoding, updates where the path is wrong.

use std::collections::HashMap;

use crate::kb::KnowledgeBase;

use super::{
    allowed,
    features::{self, BuildIdHasher, DocContext, Lexicon, Scratch},
    viterbi, NerModel, Sentence, FORBIDDEN, TAGS,
};

/// How to train. There is no default: the command line states its choices.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the per-epoch shuffle; the same seed gives the same model.
    pub seed: u64,
    /// Features seen fewer times than this in training are left out.
    pub min_count: u32,
    /// Features whose largest averaged weight is below this (in perceptron update units) are
    /// dropped from the stored model.
    pub min_weight: f64,
    /// Place names from a gazetteer, matched case-insensitively on whole tokens as a feature.
    /// Names are split on whitespace; those longer than five tokens are left out.
    pub places: Vec<String>,
    /// A knowledge base whose names become features (see the `ner` module); the model records
    /// its version and must be given it again at tag time. `None` trains without them.
    pub kb: Option<KnowledgeBase>,
}

/// What training reports as it goes.
#[derive(Debug)]
pub enum TrainEvent {
    /// `done` of `total` sentences of epoch `epoch` (1-based) are processed.
    Progress {
        /// The epoch, from 1.
        epoch: usize,
        /// Sentences done in this epoch.
        done: usize,
        /// Sentences per epoch.
        total: usize,
    },
    /// Epoch `epoch` is over; `model` is the averaged, pruned model at this point.
    Epoch {
        /// The epoch, from 1.
        epoch: usize,
        /// The model as it would be stored.
        model: Box<NerModel>,
        /// Sentences whose predicted path was wrong in this epoch.
        mistakes: usize,
    },
}

/// Trains a model; see [`train_with`] to watch progress and keep per-epoch snapshots.
pub fn train(sentences: &[Sentence], config: &TrainConfig) -> NerModel {
    let mut last = None;
    train_with(sentences, config, |event| {
        if let TrainEvent::Epoch { model, .. } = event {
            last = Some(model);
        }
    });
    match last {
        Some(model) => *model,
        None => {
            let kb_version = config.kb.as_ref().map(KnowledgeBase::version);
            finish(&Weights::new(Vec::new()), Lexicon::default(), kb_version, 1, config.min_weight)
        }
    }
}

/// Folds for the jackknifed lexicon.
const FOLDS: usize = 10;

/// Weights and their running sums for averaging: the average after `c` updates is
/// `w - u / c`, where each update `d` at step `s` adds `d` to `w` and `s * d` to `u`.
struct Weights {
    keys: Vec<u32>,
    w: Vec<[i32; TAGS]>,
    u: Vec<[i64; TAGS]>,
    tw: [[i32; TAGS]; TAGS + 1],
    tu: [[i64; TAGS]; TAGS + 1],
}

impl Weights {
    fn new(keys: Vec<u32>) -> Weights {
        let n = keys.len();
        Weights {
            keys,
            w: vec![[0; TAGS]; n],
            u: vec![[0; TAGS]; n],
            tw: [[0; TAGS]; TAGS + 1],
            tu: [[0; TAGS]; TAGS + 1],
        }
    }
}

/// Trains for `config.epochs` epochs, calling `on_event` with progress and after each epoch.
pub fn train_with(
    sentences: &[Sentence],
    config: &TrainConfig,
    mut on_event: impl FnMut(TrainEvent),
) {
    // Each sentence sees the lexicon of the other folds only (jackknifing): otherwise every
    // training word would be "known" and the model would trust the lexicon too much.
    let places = place_hashes(&config.places);
    let kb = config.kb.as_ref();
    let lexicon = Lexicon::build(sentences, &places, |_| false);
    let fold = |s: usize| sentences[s].document % FOLDS;
    let folds: Vec<Lexicon> =
        (0..FOLDS).map(|k| Lexicon::build(sentences, &places, |s| fold(s) == k)).collect();
    // Document context per document, built with the fold's lexicon.
    let mut docs: HashMap<usize, DocContext> = HashMap::new();
    let mut scratch = Scratch::default();
    let mut start = 0;
    while start < sentences.len() {
        let document = sentences[start].document;
        let end = (start..sentences.len())
            .find(|&s| sentences[s].document != document)
            .unwrap_or(sentences.len());
        let tokens: Vec<Vec<&str>> = sentences[start..end]
            .iter()
            .map(|s| s.tokens.iter().map(String::as_str).collect())
            .collect();
        let tokens: Vec<&[&str]> = tokens.iter().map(Vec::as_slice).collect();
        docs.insert(document, DocContext::build(&tokens, &folds[fold(start)], &mut scratch));
        start = end;
    }

    // Feature ids per token, computed once; features under `min_count` are left out.
    let mut counts: HashMap<u32, u32, BuildIdHasher> = HashMap::default();
    for (s, sentence) in sentences.iter().enumerate() {
        let tokens: Vec<&str> = sentence.tokens.iter().map(String::as_str).collect();
        let doc = &docs[&sentence.document];
        features::extract(&tokens, &folds[fold(s)], doc, kb, &mut scratch);
        for i in 0..tokens.len() {
            for &key in scratch.token(i) {
                *counts.entry(key).or_default() += 1;
            }
        }
    }
    let mut keys: Vec<u32> =
        counts.iter().filter(|(_, &c)| c >= config.min_count).map(|(&k, _)| k).collect();
    keys.sort_unstable();
    drop(counts);
    let row: HashMap<u32, u32, BuildIdHasher> =
        keys.iter().enumerate().map(|(i, &k)| (k, i as u32)).collect();
    let mut data: Vec<(Vec<u32>, Vec<u32>, Vec<usize>)> = Vec::with_capacity(sentences.len());
    for (s, sentence) in sentences.iter().enumerate() {
        let tokens: Vec<&str> = sentence.tokens.iter().map(String::as_str).collect();
        let doc = &docs[&sentence.document];
        features::extract(&tokens, &folds[fold(s)], doc, kb, &mut scratch);
        let mut ids = Vec::new();
        let mut offsets = vec![0];
        for i in 0..tokens.len() {
            ids.extend(scratch.token(i).iter().filter_map(|k| row.get(k).copied()));
            offsets.push(ids.len() as u32);
        }
        let gold = sentence.tags.iter().map(|t| t.id()).collect();
        data.push((ids, offsets, gold));
    }
    drop(row);
    drop(folds);
    drop(docs);

    let mut weights = Weights::new(keys);
    let forbidden: [[i64; TAGS]; TAGS + 1] = std::array::from_fn(|prev| {
        std::array::from_fn(|cur| if allowed(prev, cur) { 0 } else { i64::from(FORBIDDEN) })
    });
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = config.seed ^ 0x5DEE_CE66_D1CE_4E5B;
    // Updates are counted from 1 so the first one already weighs in the average.
    let mut step: i64 = 1;
    let total = data.len();
    for epoch in 1..=config.epochs {
        shuffle(&mut order, &mut rng);
        let mut mistakes = 0;
        for (done, &s) in order.iter().enumerate() {
            if done % 256 == 0 {
                on_event(TrainEvent::Progress { epoch, done, total });
            }
            let (ids, offsets, gold) = &data[s];
            let n = gold.len();
            if n == 0 {
                continue;
            }
            let emissions: Vec<[i64; TAGS]> = (0..n)
                .map(|t| {
                    let mut row = [0i64; TAGS];
                    for &f in &ids[offsets[t] as usize..offsets[t + 1] as usize] {
                        for (sum, &w) in row.iter_mut().zip(&weights.w[f as usize]) {
                            *sum += i64::from(w);
                        }
                    }
                    row
                })
                .collect();
            let transitions: [[i64; TAGS]; TAGS + 1] = std::array::from_fn(|prev| {
                std::array::from_fn(|cur| forbidden[prev][cur] + i64::from(weights.tw[prev][cur]))
            });
            let predicted = viterbi(&emissions, &transitions);
            if predicted != *gold {
                mistakes += 1;
                for t in 0..n {
                    let (g, p) = (gold[t], predicted[t]);
                    if g != p {
                        for &f in &ids[offsets[t] as usize..offsets[t + 1] as usize] {
                            let f = f as usize;
                            weights.w[f][g] += 1;
                            weights.u[f][g] += step;
                            weights.w[f][p] -= 1;
                            weights.u[f][p] -= step;
                        }
                    }
                    let gp = if t == 0 { TAGS } else { gold[t - 1] };
                    let pp = if t == 0 { TAGS } else { predicted[t - 1] };
                    if (gp, g) != (pp, p) {
                        weights.tw[gp][g] += 1;
                        weights.tu[gp][g] += step;
                        weights.tw[pp][p] -= 1;
                        weights.tu[pp][p] -= step;
                    }
                }
            }
            step += 1;
        }
        on_event(TrainEvent::Progress { epoch, done: total, total });
        let kb_version = kb.map(KnowledgeBase::version);
        let model = finish(&weights, lexicon.clone(), kb_version, step, config.min_weight);
        on_event(TrainEvent::Epoch { epoch, model: Box::new(model), mistakes });
    }
}

/// Averages, prunes and quantises the weights into a model.
fn finish(
    weights: &Weights,
    lexicon: Lexicon,
    kb_version: Option<u32>,
    step: i64,
    min_weight: f64,
) -> NerModel {
    let c = step as f64;
    let average = |w: i32, u: i64| f64::from(w) - u as f64 / c;
    let mut kept: Vec<(u32, [f64; TAGS])> = Vec::new();
    for (i, &key) in weights.keys.iter().enumerate() {
        let row: [f64; TAGS] = std::array::from_fn(|t| average(weights.w[i][t], weights.u[i][t]));
        if row.iter().any(|w| w.abs() >= min_weight && *w != 0.0) {
            kept.push((key, row));
        }
    }
    let transitions: [[f64; TAGS]; TAGS + 1] = std::array::from_fn(|prev| {
        std::array::from_fn(|cur| average(weights.tw[prev][cur], weights.tu[prev][cur]))
    });
    let largest = kept
        .iter()
        .flat_map(|(_, row)| row.iter())
        .chain(transitions.iter().flatten())
        .fold(0.0f64, |m, w| m.max(w.abs()));
    let scale = if largest > 0.0 { largest / f64::from(i16::MAX) } else { 1.0 };
    let quantise = |w: f64| (w / scale).round() as i32;
    let transitions = std::array::from_fn(|prev| {
        std::array::from_fn(|cur| {
            if allowed(prev, cur) {
                quantise(transitions[prev][cur])
            } else {
                FORBIDDEN
            }
        })
    });
    let keys = kept.iter().map(|(k, _)| *k).collect();
    let rows = kept
        .iter()
        .map(|(_, row)| std::array::from_fn(|t| quantise(row[t]).clamp(-32767, 32767) as i16))
        .collect();
    NerModel::from_parts(scale as f32, kb_version, transitions, lexicon, keys, rows)
}

fn place_hashes(names: &[String]) -> Vec<u32> {
    let mut out: Vec<u32> = names
        .iter()
        .filter_map(|name| {
            let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
            let fits = (1..=features::PLACE_TOKENS).contains(&words.len());
            fits.then(|| features::place_hash(&words.join(" ")))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Fisher–Yates with xorshift64*: fixed by the seed, no entropy.
fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state >> 12;
        *state ^= *state << 25;
        *state ^= *state >> 27;
        let r = state.wrapping_mul(0x2545_F491_4F6C_DD1D);
        order.swap(i, (r % (i as u64 + 1)) as usize);
    }
}
