//! Recognises the format of an input from its first bytes, never from its name.

use model::Format;

/// What the first bytes of an input say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// Nothing but whitespace.
    Empty,
    /// Not text.
    Binary,
    /// One of the formats Vigía reads.
    Format(Format),
}

/// How far into the input the sniffer looks.
const WINDOW: usize = 4096;

/// Sniffs the format of `bytes`.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    let (bom_len, wide) = match bytes {
        [0xEF, 0xBB, 0xBF, ..] => (3, false),
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => (2, true),
        _ => (0, false),
    };
    let body = &bytes[bom_len..];
    let head: Vec<u8> = if wide {
        // UTF-16: keep the low bytes of ASCII characters, enough to sniff markup.
        body.iter().copied().filter(|&b| b != 0).take(WINDOW).collect()
    } else {
        body.iter().copied().take(WINDOW).collect()
    };
    if head.iter().all(|b| b.is_ascii_whitespace())
        && body.iter().all(|b| b.is_ascii_whitespace() || (wide && *b == 0))
    {
        return Sniffed::Empty;
    }
    if !wide && looks_binary(&head) {
        return Sniffed::Binary;
    }
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(0);
    let lower: Vec<u8> = head[start..].iter().map(u8::to_ascii_lowercase).collect();
    Sniffed::Format(classify_head(&lower))
}

fn classify_head(lower: &[u8]) -> Format {
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|window| window == needle);
    match lower.first() {
        Some(b'{') | Some(b'[') => return Format::Jsonl,
        Some(b'<') => {
            let feed_root = has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf");
            if lower.starts_with(b"<?xml") {
                return if has(b"<html") && !feed_root { Format::Html } else { Format::Feed };
            }
            if lower.starts_with(b"<rss")
                || lower.starts_with(b"<feed")
                || lower.starts_with(b"<rdf:rdf")
            {
                return Format::Feed;
            }
            if feed_root && !has(b"<html") && !has(b"<body") {
                return Format::Feed;
            }
            return Format::Html;
        }
        _ => {}
    }
    // Text that carries block-level markup is an HTML fragment.
    const TAGS: [&[u8]; 6] = [b"<html", b"<body", b"<p>", b"<div", b"<article", b"<p "];
    if TAGS.iter().any(|tag| has(tag)) {
        return Format::Html;
    }
    Format::Text
}

/// NUL bytes, or many control characters, mean the input is not text.
fn looks_binary(head: &[u8]) -> bool {
    if head.contains(&0) {
        return true;
    }
    let controls =
        head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)).count();
    controls * 20 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &[u8], expect: Sniffed) {
        assert_eq!(sniff(input), expect, "input: {:?}", String::from_utf8_lossy(input));
    }

    #[test]
    fn formats_come_from_content() {
        check(b"", Sniffed::Empty);
        check(b" \n\t ", Sniffed::Empty);
        check(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Sniffed::Binary);
        check(b"\x1f\x8b\x08\0\0\0\0\0", Sniffed::Binary);
        check(b"Police arrest four\n\nBody.", Sniffed::Format(Format::Text));
        check(b"  <!DOCTYPE html><html><p>x</p>", Sniffed::Format(Format::Html));
        check(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", Sniffed::Format(Format::Feed));
        check(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">", Sniffed::Format(Format::Feed));
        check(b"{\"title\": \"x\"}\n{\"title\": \"y\"}", Sniffed::Format(Format::Jsonl));
        check(b"Intro line\n<p>Paragraph</p>", Sniffed::Format(Format::Html));
        check(b"\xEF\xBB\xBF<html>", Sniffed::Format(Format::Html));
        check(b"\xFF\xFE<\0h\0t\0m\0l\0>\0", Sniffed::Format(Format::Html));
    }
}
