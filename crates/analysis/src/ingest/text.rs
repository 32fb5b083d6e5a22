//! Plain text: paragraphs split on blank lines, and a first line that is the headline when it looks like one.

use model::{BlockKind, Format};

use super::{Draft, SourceMeta};

/// Reads a plain-text article.
pub fn parse(text: &str, meta: &SourceMeta) -> Draft {
    let mut draft = Draft::new(&meta.source, Format::Text);
    draft.url.clone_from(&meta.url);
    draft.outlet.clone_from(&meta.outlet);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let paragraphs = paragraphs(&text);
    let mut rest = paragraphs.as_slice();
    if let Some((first, tail)) = paragraphs.split_first() {
        // The headline is the first line of the first paragraph; what follows it is the next block.
        let mut lines = first.splitn(2, '\n');
        let line = lines.next().unwrap_or("").trim();
        let below = lines.next().unwrap_or("").trim();
        if looks_like_headline(line) && (!below.is_empty() || !tail.is_empty()) {
            draft.title = Some(line.to_string());
            draft.push(line, Some(BlockKind::Headline));
            draft.push(below, None);
            rest = tail;
        }
    }
    for paragraph in rest {
        draft.push(*paragraph, None);
    }
    draft
}

/// Blank lines separate paragraphs; text with no blank lines at all has one paragraph per line.
fn paragraphs(text: &str) -> Vec<&str> {
    let blocks: Vec<&str> =
        text.split("\n\n").map(str::trim).filter(|block| !block.is_empty()).collect();
    if blocks.len() == 1 && blocks[0].lines().count() > 2 {
        return blocks[0].lines().map(str::trim).filter(|line| !line.is_empty()).collect();
    }
    blocks
}

/// Short, not ending like a sentence, and starting with a capital or a digit.
fn looks_like_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=25).contains(&words)
        && line.len() <= 250
        && !line.ends_with(['.', ',', ';', ':'])
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "¿¡\"“«'‘".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(draft: &Draft) -> Vec<(Option<BlockKind>, &str)> {
        draft.blocks.iter().map(|block| (block.hint, block.text.as_str())).collect()
    }

    #[test]
    fn first_line_is_headline() {
        let draft = parse(
            "Police arrest four in Lima\n\nFour were held.\nMore text.\n\nSecond.",
            &SourceMeta::new("a.txt"),
        );
        assert_eq!(draft.title.as_deref(), Some("Police arrest four in Lima"));
        assert_eq!(
            blocks(&draft),
            [
                (Some(BlockKind::Headline), "Police arrest four in Lima"),
                (None, "Four were held.\nMore text."),
                (None, "Second.")
            ]
        );
    }

    #[test]
    fn headline_directly_above_body() {
        let draft = parse("Riots in Lima\nShops closed on Tuesday.", &SourceMeta::new("a.txt"));
        assert_eq!(draft.title.as_deref(), Some("Riots in Lima"));
        assert_eq!(draft.blocks.len(), 2);
    }

    #[test]
    fn sentence_first_line_is_body() {
        let draft = parse("Four people were held on Tuesday.\n\nMore.", &SourceMeta::new("a.txt"));
        assert_eq!(draft.title, None);
        assert_eq!(blocks(&draft), [(None, "Four people were held on Tuesday."), (None, "More.")]);
    }
}
