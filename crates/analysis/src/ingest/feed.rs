//! RSS 2.0 and Atom feeds. (Being written.)

use model::Diagnostic;

use super::{Draft, SourceMeta};

/// Reads a feed into one draft per item.
pub fn parse(_xml: &str, _meta: &SourceMeta) -> (Vec<Draft>, Vec<Diagnostic>) {
    (Vec::new(), Vec::new())
}
