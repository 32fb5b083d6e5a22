//! Fuzzes the whole ingest path on arbitrary bytes: sniff, decode, parse, finish, dedup.

#![no_main]

use analysis::dedup::DedupIndex;
use analysis::ingest::{self, IngestConfig, SourceMeta};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let read = ingest::read(data, &SourceMeta::new("fuzz"), &IngestConfig::default());
    let articles = analysis_fuzz::finish_and_check(read.drafts);
    let mut index = DedupIndex::new();
    for article in &articles {
        if let Some(duplicate) = index.check_and_insert(article) {
            assert!((0.0..=1.0).contains(&duplicate.similarity));
            assert_ne!(duplicate.of, article.id);
        }
    }
});
