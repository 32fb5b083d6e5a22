//! Invariants every fuzz target asserts on what the ingest readers produce.

use analysis::ingest::{self, Draft};
use model::{Article, Span};

/// Finishes each draft and checks the article it becomes.
pub fn finish_and_check(drafts: Vec<Draft>) -> Vec<Article> {
    drafts
        .into_iter()
        .map(|draft| {
            let source = draft.source.clone();
            let (article, _) = ingest::finish(draft);
            check_article(&article);
            assert_eq!(article.source, source, "finish keeps the source");
            article
        })
        .collect()
}

/// Every block, sentence and token span lies inside the text on char boundaries,
/// and every sentence lies inside one block.
pub fn check_article(article: &Article) {
    let text = &article.text;
    for block in &article.blocks {
        check_span(text, block.span, "block");
    }
    for &sentence in &article.sentences {
        check_span(text, sentence, "sentence");
        assert!(
            article.blocks.iter().any(|block| block.span.contains(sentence)),
            "sentence {sentence:?} lies in no block"
        );
    }
    for &token in &article.tokens {
        check_span(text, token, "token");
    }
    if let Some(title) = &article.title {
        assert!(!title.is_empty(), "an empty title is stored as None");
    }
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end, "{what} span {span:?} is reversed");
    assert!(
        span.end <= text.len(),
        "{what} span {span:?} ends past the text ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} span {span:?} splits a character"
    );
}
