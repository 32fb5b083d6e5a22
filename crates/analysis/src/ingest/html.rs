//! HTML pages: metadata and main-text extraction. (Being written.)

use model::{Diagnostic, Format};

use super::{Draft, SourceMeta};

/// Reads an HTML page into a draft.
pub fn parse(html: &str, meta: &SourceMeta) -> (Draft, Vec<Diagnostic>) {
    let mut draft = Draft::new(&meta.source, Format::Html);
    draft.push(html, None);
    (draft, Vec::new())
}
