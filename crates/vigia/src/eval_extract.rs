//! Main-text extraction evaluation on the article-extraction benchmark (`vigia eval extract-text`).
//!
//! The data directory holds `ground-truth.json` (page key → `{ url, articleBody }`) and
//! `html/<key>.html.gz`. Each page goes through `ingest::read` and `finish`; the blocks labelled
//! Body, joined with newlines, are scored against `articleBody` as the benchmark scores them:
//! 4-token shingles of `\w+` tokens, counted with multiplicity, TP/FP/FN normalised per page,
//! precision and recall averaged over pages, F1 from the two means.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::time::Instant;

use analysis::ingest::{self, IngestConfig, SourceMeta};
use anyhow::Context;
use model::BlockKind;

/// The benchmark's scores for one run.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ExtractScore {
    /// Pages scored.
    pub(crate) pages: usize,
    /// Mean precision over pages that predicted anything.
    pub(crate) precision: f64,
    /// Mean recall over pages with any true text.
    pub(crate) recall: f64,
    /// 2PR/(P+R) from the two means.
    pub(crate) f1: f64,
    /// Pages read and extracted per second on one thread, excluding file reading and scoring.
    pub(crate) pages_per_second: f64,
}

/// Scores every page in `data_dir`, prints the 15 worst pages and a summary, and returns the score.
pub(crate) fn run(data_dir: &Path, out: &mut dyn std::io::Write) -> anyhow::Result<ExtractScore> {
    let truth_path = data_dir.join("ground-truth.json");
    let truth: HashMap<String, Truth> = serde_json::from_slice(
        &std::fs::read(&truth_path)
            .with_context(|| format!("cannot read {}", truth_path.display()))?,
    )
    .with_context(|| format!("cannot parse {}", truth_path.display()))?;
    let mut keys: Vec<&String> = truth.keys().collect();
    keys.sort();
    let mut pages = Vec::with_capacity(keys.len());
    for key in keys {
        let path = data_dir.join("html").join(format!("{key}.html.gz"));
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(
            std::fs::File::open(&path)
                .with_context(|| format!("cannot open {}", path.display()))?,
        )
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot decompress {}", path.display()))?;
        pages.push((key.as_str(), &truth[key], bytes));
    }
    anyhow::ensure!(!pages.is_empty(), "no pages listed in {}", truth_path.display());

    let config = IngestConfig::default();
    let start = Instant::now();
    let predictions: Vec<String> = pages
        .iter()
        .map(|(key, truth, bytes)| {
            let meta = SourceMeta {
                source: format!("{key}.html.gz"),
                url: Some(truth.url.clone()),
                ..SourceMeta::default()
            };
            body_text(bytes, &meta, &config)
        })
        .collect();
    let seconds = start.elapsed().as_secs_f64();

    let counts: Vec<Counts> = pages
        .iter()
        .zip(&predictions)
        .map(|((_, truth, _), pred)| page_counts(&truth.article_body, pred))
        .collect();
    let mut score = summarise(&counts);
    score.pages_per_second = pages.len() as f64 / seconds.max(1e-9);

    let mut rows: Vec<(f64, &Counts, &str, &str)> = counts
        .iter()
        .zip(&pages)
        .map(|(counts, (key, truth, _))| (counts.f1(), counts, *key, truth.url.as_str()))
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    writeln!(out, "{:<6} {:<6} {:<6} {:<12} url", "f1", "prec", "recall", "page")?;
    for (f1, counts, key, url) in rows.iter().take(15) {
        writeln!(
            out,
            "{f1:<6.3} {:<6.3} {:<6.3} {:<12} {url}",
            counts.precision().unwrap_or(0.0),
            counts.recall().unwrap_or(0.0),
            key.get(..12).unwrap_or(key),
        )?;
    }
    writeln!(
        out,
        "pages={} precision={:.4} recall={:.4} f1={:.4} pages/s={:.1}",
        score.pages, score.precision, score.recall, score.f1, score.pages_per_second
    )?;
    Ok(score)
}

#[derive(serde::Deserialize)]
struct Truth {
    url: String,
    #[serde(rename = "articleBody")]
    article_body: String,
}

/// What the pipeline keeps as story text: the blocks whose final kind is Body.
pub(crate) fn body_text(bytes: &[u8], meta: &SourceMeta, config: &IngestConfig) -> String {
    let read = ingest::read(bytes, meta, config);
    let mut parts = Vec::new();
    for draft in read.drafts {
        let (article, _) = ingest::finish(draft);
        parts.extend(
            article
                .blocks
                .iter()
                .filter(|block| block.kind == BlockKind::Body)
                .map(|block| article.slice(block.span).to_string()),
        );
    }
    parts.join("\n")
}

/// One page's TP, FP and FN, normalised to sum to 1 (all zero when both texts are empty).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Counts {
    tp: f64,
    fp: f64,
    fn_: f64,
}

impl Counts {
    fn precision(&self) -> Option<f64> {
        (self.tp + self.fp > 0.0).then(|| self.tp / (self.tp + self.fp))
    }

    fn recall(&self) -> Option<f64> {
        (self.tp + self.fn_ > 0.0).then(|| self.tp / (self.tp + self.fn_))
    }

    fn f1(&self) -> f64 {
        f1(self.precision().unwrap_or(0.0), self.recall().unwrap_or(0.0))
    }
}

fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

fn page_counts(truth: &str, pred: &str) -> Counts {
    let truth = shingles(truth);
    let pred = shingles(pred);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (shingle, &n) in &pred {
        let t = truth.get(shingle).copied().unwrap_or(0);
        tp += n.min(t);
        fp += n.saturating_sub(t);
    }
    for (shingle, &t) in &truth {
        fn_ += t.saturating_sub(pred.get(shingle).copied().unwrap_or(0));
    }
    let total = (tp + fp + fn_) as f64;
    if total == 0.0 {
        return Counts { tp: 0.0, fp: 0.0, fn_: 0.0 };
    }
    Counts { tp: tp as f64 / total, fp: fp as f64 / total, fn_: fn_ as f64 / total }
}

/// Means over pages, as the benchmark takes them; `pages_per_second` is left at zero.
fn summarise(counts: &[Counts]) -> ExtractScore {
    let mean = |values: Vec<f64>| {
        if values.is_empty() {
            0.0
        } else {
            values.iter().sum::<f64>() / values.len() as f64
        }
    };
    let precision = mean(counts.iter().filter_map(Counts::precision).collect());
    let recall = mean(counts.iter().filter_map(Counts::recall).collect());
    ExtractScore {
        pages: counts.len(),
        precision,
        recall,
        f1: f1(precision, recall),
        pages_per_second: 0.0,
    }
}

/// Every run of four consecutive tokens, with how often it occurs.
fn shingles(text: &str) -> HashMap<[&str; 4], usize> {
    let tokens = tokens(text);
    let mut out = HashMap::new();
    for window in tokens.windows(4) {
        *out.entry([window[0], window[1], window[2], window[3]]).or_default() += 1;
    }
    out
}

/// Unicode `\w+` runs: letters, digits, `_` and combining marks.
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !is_word_char(c)).filter(|token| !token.is_empty()).collect()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_combining_mark(c)
}

/// General category M: the main combining blocks, enough for the scripts news pages use.
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}' | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}' | '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}' | '\u{0E31}'
        | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{302A}'..='\u{302F}' | '\u{3099}'..='\u{309A}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(truth: &str, pred: &str, expect: (Option<f64>, Option<f64>)) {
        let counts = page_counts(truth, pred);
        let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            (a, b) => a == b,
        };
        assert!(
            close(counts.precision(), expect.0) && close(counts.recall(), expect.1),
            "{counts:?} vs {expect:?}"
        );
    }

    #[test]
    fn perfect_match_scores_one() {
        let text = "Police arrested four people in Lima on Tuesday.";
        check(text, text, (Some(1.0), Some(1.0)));
        let score = summarise(&[page_counts(text, text)]);
        assert_eq!((score.precision, score.recall, score.f1), (1.0, 1.0, 1.0));
    }

    #[test]
    fn empty_prediction_has_no_recall() {
        check("Police arrested four people in Lima.", "", (None, Some(0.0)));
        let score = summarise(&[page_counts("Police arrested four people in Lima.", "")]);
        assert_eq!((score.precision, score.recall, score.f1), (0.0, 0.0, 0.0));
    }

    #[test]
    fn small_example_by_hand() {
        // Truth "a b c d e f" has shingles abcd, bcde, cdef. The prediction "b c d e f g!" has
        // bcde, cdef, defg: TP 2, FP 1, FN 1 → precision 2/3, recall 2/3.
        check("a b c d e f", "b c d e f g!", (Some(2.0 / 3.0), Some(2.0 / 3.0)));
        // Repeats count: the truth has abcd once, the prediction twice → one TP, one FP.
        check("a b c d", "a b c d a b c d", (Some(1.0 / 5.0), Some(1.0)));
    }

    #[test]
    fn tokens_are_unicode_words() {
        assert_eq!(tokens("Perú's año_2023 — 10,5%"), ["Perú", "s", "año_2023", "10", "5"]);
        assert_eq!(tokens("Peru\u{0301}!"), ["Peru\u{0301}"]);
    }

    /// Runs the whole benchmark when the shared data sits next to the repository.
    #[test]
    fn benchmark_when_present() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/article-extraction-benchmark");
        if !dir.join("ground-truth.json").exists() {
            println!("skipped: no benchmark data at {}", dir.display());
            return;
        }
        let mut out = Vec::new();
        let score = run(&dir, &mut out).expect("the benchmark runs");
        println!("{}", String::from_utf8_lossy(&out));
        assert_eq!(score.pages, 121);
        assert!(score.f1 > 0.5, "{score:?}");
    }
}
