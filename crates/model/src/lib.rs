//! The vocabulary shared by every Vigía crate: articles, their blocks and spans, and diagnostics.
//!
//! These types carry no serialisation: the crate that speaks a wire format owns its own DTOs.
//!
//! ```
//! use model::{BlockKind, Span};
//! let span = Span::new(0, 5);
//! assert_eq!(span.slice("Lima, Peru"), "Lima,");
//! assert!(BlockKind::Body.feeds_extraction());
//! assert!(!BlockKind::Caption.feeds_extraction());
//! ```

#![forbid(unsafe_code)]

mod article;
mod diagnostic;
mod language;
mod span;

pub use article::{
    Article, Block, BlockKind, DocumentId, Duplicate, DuplicateKind, Format, Published,
};
pub use diagnostic::{Diagnostic, DiagnosticCode, Severity};
pub use language::Language;
pub use span::Span;
