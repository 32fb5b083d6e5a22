//! Measures SQLite FTS5 against tantivy on the text a Vigía store indexes, to ground the choice
//! of full-text engine: time to index, size on disk, and query latency for ranked search.
//!
//! Usage: `cargo run --release -- STORE.db [ROWS]` with a store written by `vigia ingest` or
//! `vigia bench store --db`. Both engines get the same folded text, read from the store's
//! `search` table, so only the engines differ.

use std::{path::Path, time::Instant};

use tantivy::{
    collector::TopDocs,
    query::QueryParser,
    schema::{Schema, STORED, STRING, TEXT},
    Index, TantivyDocument,
};

/// Single and two-word queries, from the commonest words of Spanish and English crime news to
/// rare ones.
const QUERIES: [&str; 10] = [
    "policia",
    "extorsion",
    "police",
    "drivers",
    "victoria",
    "emergency",
    "estado emergencia",
    "police arrested",
    "mercado",
    "fiscalia",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let Some(store) = args.get(1) else {
        eprintln!("usage: search-compare STORE.db [ROWS]");
        std::process::exit(2);
    };
    let limit: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(500_000);
    let rows = read_rows(Path::new(store), limit)?;
    let bytes: usize = rows.iter().map(|(_, _, t)| t.len()).sum();
    println!("{} rows, {} MiB of folded text, from {store}", rows.len(), bytes >> 20);
    let dir = tempfile::tempdir()?;

    let started = Instant::now();
    let fts = dir.path().join("fts.db");
    let sqlite = rusqlite::Connection::open(&fts)?;
    sqlite.execute_batch(
        "PRAGMA journal_mode = WAL; CREATE VIRTUAL TABLE search USING fts5(terms, kind UNINDEXED, ref UNINDEXED, tokenize = 'unicode61');",
    )?;
    {
        let tx = sqlite.unchecked_transaction()?;
        let mut insert = tx.prepare("INSERT INTO search (terms, kind, ref) VALUES (?1, ?2, ?3)")?;
        for (kind, id, text) in &rows {
            insert.execute((text, kind, id))?;
        }
        drop(insert);
        tx.commit()?;
    }
    let fts_seconds = started.elapsed().as_secs_f64();
    let fts_size = size(&fts) + size(&dir.path().join("fts.db-wal"));

    let started = Instant::now();
    let mut builder = Schema::builder();
    let terms = builder.add_text_field("terms", TEXT);
    let kind = builder.add_text_field("kind", STRING | STORED);
    let reference = builder.add_text_field("ref", STRING | STORED);
    let tantivy_dir = dir.path().join("tantivy");
    std::fs::create_dir_all(&tantivy_dir)?;
    let index = Index::create_in_dir(&tantivy_dir, builder.build())?;
    let mut writer = index.writer(200_000_000)?;
    for (k, id, text) in &rows {
        let mut doc = TantivyDocument::default();
        doc.add_text(terms, text);
        doc.add_text(kind, k);
        doc.add_text(reference, id);
        writer.add_document(doc)?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let tantivy_seconds = started.elapsed().as_secs_f64();
    let tantivy_size = dir_size(&dir.path().join("tantivy"));

    println!(
        "index: FTS5 {fts_seconds:.1} s, {} MiB; tantivy {tantivy_seconds:.1} s, {} MiB",
        fts_size >> 20,
        tantivy_size >> 20
    );

    let reader = index.reader()?;
    let searcher = reader.searcher();
    let mut parser = QueryParser::for_index(&index, vec![terms]);
    parser.set_conjunction_by_default();
    println!(
        "{:<20} {:>14} {:>14} {:>14} {:>12}",
        "query (top 20)", "FTS5 all", "FTS5 newest 200", "tantivy all", "matches"
    );
    for query in QUERIES {
        let words: String =
            query.split(' ').map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(" ");
        let all = best_of(|| {
            let mut statement = sqlite
                .prepare_cached(
                    "SELECT ref FROM search WHERE search MATCH ?1 ORDER BY rank LIMIT 20",
                )
                .unwrap();
            statement.query_map([&words], |r| r.get::<_, String>(0)).unwrap().count()
        });
        let newest = best_of(|| {
            let mut statement = sqlite
                .prepare_cached("SELECT ref FROM (SELECT rowid, rank, ref FROM search WHERE search MATCH ?1 ORDER BY rowid DESC LIMIT 200) ORDER BY rank LIMIT 20")
                .unwrap();
            statement.query_map([&words], |r| r.get::<_, String>(0)).unwrap().count()
        });
        let parsed = parser.parse_query(query)?;
        let ranked = best_of(|| searcher.search(&parsed, &TopDocs::with_limit(20)).unwrap().len());
        let matches: i64 = sqlite.query_row(
            "SELECT COUNT(*) FROM search WHERE search MATCH ?1",
            [&words],
            |r| r.get(0),
        )?;
        println!(
            "{query:<20} {:>11.2} ms {:>11.2} ms {:>11.2} ms {matches:>12}",
            all * 1e3,
            newest * 1e3,
            ranked * 1e3
        );
    }
    Ok(())
}

/// The store's searchable rows, in the order they were indexed.
fn read_rows(store: &Path, limit: usize) -> rusqlite::Result<Vec<(String, String, String)>> {
    let conn =
        rusqlite::Connection::open_with_flags(store, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let mut statement =
        conn.prepare("SELECT kind, ref, terms FROM search ORDER BY rowid LIMIT ?1")?;
    let rows = statement.query_map([limit as i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    rows.collect()
}

/// The fastest of five runs, in seconds, after one to warm caches.
fn best_of(mut run: impl FnMut() -> usize) -> f64 {
    run();
    (0..5)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(run());
            started.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}

fn size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

fn dir_size(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| entries.flatten().map(|e| size(&e.path())).sum())
        .unwrap_or(0)
}
