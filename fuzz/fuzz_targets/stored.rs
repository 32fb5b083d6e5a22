//! Fuzzes the rebuilding of an article from a stored document body, which ingest does for a
//! story's older reports: a body it accepts gives spans inside the text; any other is refused,
//! never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else { return };
    if let Some(article) = vigia::fuzzing::stored_article(json) {
        analysis_fuzz::check_article(&article);
    }
});
