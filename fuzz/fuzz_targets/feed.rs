//! Fuzzes the RSS/Atom reader on arbitrary text.

#![no_main]

use analysis::ingest::{feed, SourceMeta};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (drafts, diagnostics) = feed::parse(&text, &SourceMeta::new("fuzz.xml"));
    for draft in &drafts {
        assert!(draft.source.starts_with("fuzz.xml#item-"), "{}", draft.source);
    }
    for diagnostic in &diagnostics {
        assert!(diagnostic.source.starts_with("fuzz.xml"), "{}", diagnostic.source);
    }
    analysis_fuzz::finish_and_check(drafts);
});
