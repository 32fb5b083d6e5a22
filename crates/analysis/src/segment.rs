//! Sentences and tokens. (Being written.)

use model::{Language, Span};

/// Sentences inside `block`.
pub fn sentences(_text: &str, block: Span, _language: &Language) -> Vec<Span> {
    vec![block]
}

/// Tokens inside `sentence`.
pub fn tokens(_text: &str, _sentence: Span) -> Vec<Span> {
    Vec::new()
}
