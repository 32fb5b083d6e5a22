//! Times `segment::sentences` + `segment::tokens` on PolNeAR articles cut to about 800 words,
//! and with `--show N` prints suspicious splits (very short sentences, lowercase starts) for review.
//!
//! Usage: `cargo run --release --bin segment_bench -- /work/shared/data [--show 40]`.

use std::hint::black_box;
use std::time::Instant;

use model::{Language, Span};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let data = args.get(1).map_or("../shared/data", String::as_str);
    let show: usize = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(0);
    let raw = std::fs::read_to_string(format!("{data}/quotes/polnear-dev.jsonl")).expect("polnear");
    let mut articles = Vec::new();
    for line in raw.lines() {
        let doc: serde_json::Value = serde_json::from_str(line).expect("json");
        let mut text = String::new();
        let mut blocks = Vec::new();
        let mut words = 0;
        // Join paragraphs the way ingest does: whitespace folded, blocks separated by a blank line.
        for block in doc["text"].as_str().unwrap_or("").split("\n\n") {
            let folded = block.split_whitespace().collect::<Vec<_>>().join(" ");
            if folded.is_empty() || words >= 800 {
                continue;
            }
            words += folded.split(' ').count();
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            blocks.push(Span::new(text.len(), text.len() + folded.len()));
            text.push_str(&folded);
        }
        if words >= 600 {
            articles.push((text, blocks, words));
        }
    }
    let run = |articles: &[(String, Vec<Span>, usize)]| {
        let (mut n_sentences, mut n_tokens) = (0, 0);
        for (text, blocks, _) in articles {
            for block in blocks {
                for sentence in analysis::segment::sentences(text, *block, &Language::English) {
                    n_sentences += 1;
                    n_tokens += black_box(analysis::segment::tokens(text, sentence)).len();
                }
            }
        }
        (n_sentences, n_tokens)
    };
    let (n_sentences, n_tokens) = run(&articles);
    let start = Instant::now();
    let mut rounds = 0;
    while start.elapsed().as_millis() < 1000 {
        black_box(run(black_box(&articles)));
        rounds += 1;
    }
    let per_article = start.elapsed().as_secs_f64() * 1e6 / (rounds * articles.len()) as f64;
    let start = Instant::now();
    let mut rounds_sentences = 0;
    while start.elapsed().as_millis() < 500 {
        for (text, blocks, _) in &articles {
            for block in blocks {
                black_box(analysis::segment::sentences(text, *block, &Language::English));
            }
        }
        rounds_sentences += 1;
    }
    let sentences_only =
        start.elapsed().as_secs_f64() * 1e6 / (rounds_sentences * articles.len()) as f64;
    println!("sentences alone: {sentences_only:.1} µs per article");
    let words: usize = articles.iter().map(|a| a.2).sum::<usize>() / articles.len();
    println!(
        "{} articles, {words} words each on average: {n_sentences} sentences, {n_tokens} tokens; {per_article:.1} µs per article (sentences + tokens, one thread)",
        articles.len()
    );
    let mut shown = 0;
    for (text, blocks, _) in &articles {
        for block in blocks {
            for sentence in analysis::segment::sentences(text, *block, &Language::English) {
                let s = sentence.slice(text);
                let short = s.split(' ').count() <= 3 && !s.ends_with(".m.") && s != "___.";
                let suspicious = short || s.starts_with(char::is_lowercase);
                if suspicious && shown < show {
                    println!("  {s:?}");
                    shown += 1;
                }
            }
        }
    }
}
