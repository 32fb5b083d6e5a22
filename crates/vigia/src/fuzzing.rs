//! Entry points for the fuzz targets in `fuzz/`, which cannot reach the binary's modules
//! otherwise. Not an API: names and shapes change with the code they reach.

use std::sync::Arc;

/// Rebuilds an article from a stored document body, as ingest does for a story's older
/// reports; `None` when the body is refused.
pub fn stored_article(json: &str) -> Option<model::Article> {
    crate::stored::article_from_json(json).ok()
}

/// The HTTP API and UI over `store`, with reads open as on loopback.
pub fn router(store: Arc<store::Store>) -> axum::Router {
    crate::http::router(store, true)
}
