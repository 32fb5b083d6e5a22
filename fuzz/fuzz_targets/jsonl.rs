//! Fuzzes the JSON Lines reader on arbitrary text.

#![no_main]

use analysis::ingest::{jsonl, SourceMeta};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (drafts, _) = jsonl::parse(&text, &SourceMeta::new("fuzz.jsonl"));
    for draft in &drafts {
        assert!(draft.source.starts_with("fuzz.jsonl:"), "{}", draft.source);
    }
    analysis_fuzz::finish_and_check(drafts);
});
