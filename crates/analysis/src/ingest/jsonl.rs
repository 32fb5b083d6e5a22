//! JSON Lines. (Being written.)

use model::Diagnostic;

use super::{Draft, SourceMeta};

/// Reads one draft per line.
pub fn parse(_text: &str, _meta: &SourceMeta) -> (Vec<Draft>, Vec<Diagnostic>) {
    (Vec::new(), Vec::new())
}
