//! Text cleaning: NFC normalisation, whitespace and invisible characters, and the single article text.

use model::Span;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::Draft;

/// The article text and where each kept draft block landed in it.
#[derive(Debug)]
pub(super) struct Cleaned {
    pub(super) text: String,
    /// One span per kept block, in order.
    pub(super) spans: Vec<Span>,
    /// For each kept block, its index in the draft.
    pub(super) origins: Vec<usize>,
}

/// Cleans every block and joins them with blank lines; blocks left empty are dropped.
pub(super) fn assemble(draft: &Draft) -> Cleaned {
    let mut cleaned = Cleaned { text: String::new(), spans: Vec::new(), origins: Vec::new() };
    for (idx, block) in draft.blocks.iter().enumerate() {
        let line = inline(&block.text);
        if line.is_empty() {
            continue;
        }
        if !cleaned.text.is_empty() {
            cleaned.text.push_str("\n\n");
        }
        let start = cleaned.text.len();
        cleaned.text.push_str(&line);
        cleaned.spans.push(Span::new(start, cleaned.text.len()));
        cleaned.origins.push(idx);
    }
    cleaned
}

/// NFC-normalises `text` and folds every run of whitespace into one space.
///
/// Invisible characters (zero-width spaces, soft hyphens, control codes) are dropped,
/// since they break matching in later stages without changing what a reader sees.
pub(crate) fn inline(text: &str) -> String {
    // Most text is already NFC; the quick check avoids the cost of recomposing it.
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        fold(text.chars(), text.len())
    } else {
        fold(text.nfc(), text.len())
    }
}

fn fold(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut pending_space = false;
    for c in chars {
        if c.is_whitespace() {
            pending_space = true;
        } else if is_invisible(c) {
            continue;
        } else {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
    }
    out
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
        || (c.is_control() && c != '\t' && c != '\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_cleans_and_composes() {
        assert_eq!(
            inline("  Lima,\u{00A0}Per\u{0075}\u{0301}\n\tnews\u{200B} "),
            "Lima, Perú news"
        );
        assert_eq!(inline("so\u{00AD}cial"), "social");
        assert_eq!(inline(" \n "), "");
    }

    #[test]
    fn spans_point_into_the_text() {
        let mut draft = Draft::new("t", model::Format::Text);
        draft.push("Headline", None);
        draft.push("  ", None);
        draft.blocks.push(super::super::DraftBlock { text: "\u{200B}".into(), hint: None });
        draft.push("Body  text.", None);
        let cleaned = assemble(&draft);
        assert_eq!(cleaned.text, "Headline\n\nBody text.");
        let slices: Vec<&str> =
            cleaned.spans.iter().map(|span| span.slice(&cleaned.text)).collect();
        assert_eq!(slices, ["Headline", "Body text."]);
        assert_eq!(cleaned.origins, [0, 2]);
    }
}
