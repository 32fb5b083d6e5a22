//! `vigia bench`: throughput and memory figures, measured rather than asserted in tests.

use std::{
    fs,
    io::Write,
    path::{Path, PathBuf},
    process::ExitCode,
    time::Instant,
};

mod extract;
mod news;
mod store;
mod stories;

use analysis::ingest::{self, IngestConfig, SourceMeta};
use anyhow::Context;
use model::{Article, Diagnostic};
use rayon::prelude::*;

use crate::{
    fetch::{FetchConfig, Fetcher},
    flags::BenchCommand,
    input::{self, Input},
    pipeline::{self, RunConfig},
    report::{Sink, Summary},
};

pub(crate) fn run(what: BenchCommand) -> anyhow::Result<ExitCode> {
    match what {
        BenchCommand::Ingest { pages, generated, rounds } => {
            real_pages(&pages, rounds)?;
            generated_corpus(generated)?;
            Ok(ExitCode::SUCCESS)
        }
        BenchCommand::Stories { sizes } => stories::run(&sizes),
        BenchCommand::Ner { data } => crate::ner_cmd::bench(&data),
        BenchCommand::Store { articles, clients, seconds, db, batch_size } => {
            store::run(&store::StoreBench { articles, clients, seconds, db, batch_size })?;
            Ok(ExitCode::SUCCESS)
        }
        BenchCommand::Extract { articles, rounds } => {
            extract::run(articles, rounds)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Ingestion plus segmentation of real pages held in memory, on every core.
fn real_pages(dir: &Path, rounds: usize) -> anyhow::Result<()> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.to_string_lossy().contains(".htm"))
        .collect();
    paths.sort();
    let config = IngestConfig::default();
    let fetcher = Fetcher::new(&fetch_config());
    let pages: Vec<(String, Vec<u8>)> = paths
        .iter()
        .map(|path| {
            let loaded = input::load(&Input::Path(path.clone()), config.max_bytes, &fetcher)
                .map_err(|diagnostic| {
                    anyhow::anyhow!("{}: {}", diagnostic.source, diagnostic.message)
                })?;
            Ok((path.display().to_string(), loaded.bytes))
        })
        .collect::<anyhow::Result<_>>()?;
    let bytes: usize = pages.iter().map(|(_, page)| page.len()).sum();
    let mut best = f64::MAX;
    let mut sentences = 0;
    for _ in 0..rounds.max(1) {
        let started = Instant::now();
        sentences = pages
            .par_iter()
            .map(|(name, page)| {
                let read = ingest::read(page, &SourceMeta::new(name.as_str()), &config);
                read.drafts
                    .into_iter()
                    .map(|draft| ingest::finish(draft).0.sentences.len())
                    .sum::<usize>()
            })
            .sum::<usize>();
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!(
        "real pages: {} pages ({:.1} MiB) in {:.3} s on {} threads: {:.0} pages/s, {} sentences",
        pages.len(),
        bytes as f64 / 1048576.0,
        best,
        rayon::current_num_threads(),
        pages.len() as f64 / best,
        sentences
    );
    Ok(())
}

fn fetch_config() -> FetchConfig {
    FetchConfig {
        timeout: std::time::Duration::from_secs(20),
        max_bytes: 64 << 20,
        max_redirects: 5,
    }
}

/// A generated corpus of plain-text files and JSON Lines batches run through the real pipeline,
/// twice, to show that throughput holds and peak memory stays flat as the corpus doubles:
/// first ingestion alone (reading, cleaning, labelling, language, segmentation, duplicates),
/// then with extraction (entities, relations, places) as `vigia analyze` runs it.
fn generated_corpus(count: usize) -> anyhow::Result<()> {
    for extract in [false, true] {
        for count in [count, count * 2] {
            let dir =
                std::env::temp_dir().join(format!("vigia-bench-{}-{count}", std::process::id()));
            write_corpus(&dir, count)?;
            let (inputs, diagnostics) = input::collect(&[dir.display().to_string()]);
            let config = RunConfig {
                ingest: IngestConfig::default(),
                outlet: None,
                follow_links: false,
                progress: false,
                extract,
                compare_limit: pipeline::COMPARE_LIMIT,
            };
            let started = Instant::now();
            let mut sink = NullSink { tokens: 0 };
            let summary = pipeline::run(
                &inputs,
                diagnostics,
                &config,
                &Fetcher::new(&fetch_config()),
                &mut sink,
            )?;
            let seconds = started.elapsed().as_secs_f64();
            println!(
                "generated corpus, {}: {} articles ({} near or exact copies) in {} files in {:.3} s: {:.0} articles/s, {:.0} tokens/s; peak RSS {} MiB",
                if extract { "ingestion + extraction" } else { "ingestion" },
                summary.documents,
                summary.duplicates,
                summary.inputs,
                seconds,
                summary.documents as f64 / seconds,
                sink.tokens as f64 / seconds,
                peak_rss_mib().map_or("unknown".to_string(), |mib| mib.to_string()),
            );
            fs::remove_dir_all(&dir).ok();
        }
    }
    Ok(())
}

/// Discards the report, counting tokens so that throughput can be given per token too.
struct NullSink {
    tokens: usize,
}

impl Sink for NullSink {
    fn document(&mut self, article: &Article) -> std::io::Result<()> {
        self.tokens += std::hint::black_box(article).tokens.len();
        Ok(())
    }

    fn finish(&mut self, _: &[Diagnostic], _: &Summary) -> std::io::Result<()> {
        Ok(())
    }
}

/// Half the articles as `.txt` files, half as JSON Lines batches of 100 records.
fn write_corpus(dir: &Path, count: usize) -> anyhow::Result<()> {
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut batch = None;
    for idx in 0..count {
        let (title, body) = article(idx);
        if idx % 2 == 0 {
            fs::write(dir.join(format!("a{idx:06}.txt")), format!("{title}\n\n{body}"))?;
        } else {
            if (idx / 2) % 100 == 0 {
                batch = Some(fs::File::create(dir.join(format!("b{idx:06}.jsonl")))?);
            }
            if let Some(file) = batch.as_mut() {
                let record = serde_json::json!({
                    "url": format!("https://bench.example/{idx}"),
                    "title": title,
                    "text": body,
                    "outlet": "Bench Wire",
                    "published": "2023-11-08",
                });
                writeln!(file, "{record}")?;
            }
        }
    }
    Ok(())
}

/// A deterministic article of about 800 words, English or Spanish by parity of a hash.
fn article(idx: usize) -> (String, String) {
    const EN: &[&str] = &[
        "Police in Lima said on Tuesday that {n} officers had been deployed to the market district.",
        "Merchants told reporters that extortion demands had risen sharply since Oct. 31.",
        "The gang, which authorities say is linked to a larger network, denied the claims in a video.",
        "Col. Herrera said the operation would continue \"for as long as it takes.\"",
        "More than {n} cases were reported in the first eight months of the year, according to the U.S. embassy.",
        "Residents of El Agustino described a week of closed shops and empty streets.",
        "Analysts warned that the crackdown could push the groups into neighbouring districts.",
        "Four suspects were arrested at about 5 a.m. in a house near the central market.",
    ];
    const ES: &[&str] = &[
        "La policía informó el martes que {n} agentes fueron desplegados en La Victoria.",
        "Los comerciantes denunciaron que las extorsiones aumentaron desde el 31 de octubre.",
        "Según la Dra. Villanueva, la banda estaría vinculada a una red más grande.",
        "El Sr. García afirmó que \"no hay garantías para los trabajadores\" del mercado.",
        "Más de {n} casos fueron registrados entre enero y agosto, señaló la fiscalía.",
        "Los vecinos de El Agustino relataron una semana de tiendas cerradas.",
        "Los analistas advirtieron que la ofensiva podría desplazar a los grupos hacia otros distritos.",
        "Cuatro sospechosos fueron detenidos hacia las 5 a.m. en una vivienda cercana al mercado.",
    ];
    let mut next = xorshift(idx);
    let templates = if next().is_multiple_of(2) { EN } else { ES };
    // Words of the templates, sprinkled into each sentence so that articles do not share long
    // runs of words: a corpus of near copies would measure the duplicate index, not ingestion.
    let vocabulary: Vec<&str> = templates
        .iter()
        .flat_map(|template| template.split_whitespace())
        .filter(|word| word.chars().all(char::is_alphabetic) && word.len() > 3)
        .collect();
    let title = format!(
        "{} {idx}",
        templates[next() as usize % templates.len()].split(',').next().unwrap_or("")
    );
    let mut body = String::new();
    let mut words = 0;
    while words < 800 {
        for _ in 0..3 {
            let sentence = templates[next() as usize % templates.len()]
                .replace("{n}", &(next() % 9000 + 100).to_string());
            let (head, tail) = sentence.split_once(' ').unwrap_or((&sentence, ""));
            body.push_str(head);
            for _ in 0..3 {
                body.push(' ');
                body.push_str(vocabulary[next() as usize % vocabulary.len()]);
            }
            body.push(' ');
            body.push_str(tail);
            body.push(' ');
            words += sentence.split_whitespace().count() + 3;
        }
        body.push_str("\n\n");
    }
    (title.trim_end_matches('.').to_string(), body)
}

/// A deterministic xorshift generator seeded by an article's index: generated corpora are the
/// same on every run.
fn xorshift(idx: usize) -> impl FnMut() -> u64 {
    let mut state = (idx as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}

/// Peak resident memory of this process, from Linux's /proc.
pub(crate) fn peak_rss_mib() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}
