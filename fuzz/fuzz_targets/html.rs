//! Fuzzes the HTML reader on arbitrary text.

#![no_main]

use analysis::ingest::{html, SourceMeta};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (draft, _) = html::parse(&text, &SourceMeta::new("fuzz.html"));
    analysis_fuzz::finish_and_check(vec![draft]);
});
