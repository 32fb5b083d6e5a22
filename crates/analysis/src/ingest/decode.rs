//! Bytes to UTF-8: byte-order mark, then declared charset, then detection of legacy encodings.

use encoding_rs::{Encoding, UTF_8};
use model::{Diagnostic, DiagnosticCode, Format};

use super::SourceMeta;

/// How far into a document a charset declaration may appear.
const PRESCAN: usize = 2048;

/// Decodes `bytes` to UTF-8, replacing invalid sequences and reporting what was guessed or repaired.
pub fn decode(bytes: &[u8], format: Format, meta: &SourceMeta) -> (String, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) => (encoding, &bytes[bom_len..]),
        None => (choose(bytes, format, meta, &mut diagnostics), bytes),
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        let replaced = text.matches('\u{FFFD}').count();
        diagnostics.push(Diagnostic::warning(
            DiagnosticCode::InvalidEncoding,
            &meta.source,
            format!("{replaced} invalid byte sequence(s) for {} were replaced", encoding.name()),
        ));
    }
    (text.into_owned(), diagnostics)
}

fn choose(
    bytes: &[u8],
    format: Format,
    meta: &SourceMeta,
    diagnostics: &mut Vec<Diagnostic>,
) -> &'static Encoding {
    let declared = meta
        .charset
        .as_deref()
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| match format {
            Format::Html | Format::Feed => declared_in_markup(bytes),
            Format::Text | Format::Jsonl => None,
        });
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    match declared {
        // Pages often declare a legacy charset but are really UTF-8; valid UTF-8 with
        // non-ASCII bytes is almost never an accident.
        Some(encoding) if encoding != UTF_8 && valid_utf8 && !bytes.is_ascii() => {
            diagnostics.push(Diagnostic::info(
                DiagnosticCode::EncodingGuessed,
                &meta.source,
                format!("declared charset {} ignored: the bytes are valid UTF-8", encoding.name()),
            ));
            UTF_8
        }
        Some(encoding) => encoding.output_encoding(),
        None if valid_utf8 => UTF_8,
        None => {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            let guess = detector.guess(None, true);
            diagnostics.push(Diagnostic::info(
                DiagnosticCode::EncodingGuessed,
                &meta.source,
                format!("no charset declared and not UTF-8; decoded as {}", guess.name()),
            ));
            guess
        }
    }
}

/// Finds `<meta charset=…>`, `<meta http-equiv content="…; charset=…">` or `<?xml encoding="…"?>`.
fn declared_in_markup(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    for key in [&b"charset="[..], &b"encoding="[..]] {
        let mut from = 0;
        while let Some(pos) = find(&lower[from..], key) {
            let value_start = from + pos + key.len();
            let value: Vec<u8> = lower[value_start..]
                .iter()
                .copied()
                .skip_while(|b| *b == b'"' || *b == b'\'' || b.is_ascii_whitespace())
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                .collect();
            if let Some(encoding) = Encoding::for_label(&value) {
                return Some(encoding);
            }
            from = value_start;
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(bytes: &[u8], format: Format) -> (String, Vec<&'static str>) {
        let (text, diagnostics) = decode(bytes, format, &SourceMeta::new("t"));
        (text, diagnostics.iter().map(|d| d.code.as_str()).collect())
    }

    #[test]
    fn bom_wins() {
        assert_eq!(run(b"\xEF\xBB\xBFa\xC3\xB1o", Format::Text), ("año".to_string(), vec![]));
        assert_eq!(run(b"\xFF\xFEa\0\xF1\0", Format::Text).0, "añ");
    }

    #[test]
    fn declared_charset_is_used() {
        let html =
            b"<html><head><meta charset=\"windows-1252\"></head><p>Se\xF1or \x93hola\x94</p>";
        let (text, codes) = run(html, Format::Html);
        assert!(text.contains("Señor “hola”"), "{text}");
        assert!(codes.is_empty());
        let xml = b"<?xml version='1.0' encoding='ISO-8859-1'?><rss><title>Per\xFA</title></rss>";
        assert!(run(xml, Format::Feed).0.contains("Perú"));
    }

    #[test]
    fn legacy_bytes_are_detected() {
        let (text, codes) =
            run("El señor llegó a la comisaría de Lima el miércoles.".as_bytes(), Format::Text);
        assert!(text.contains("señor") && codes.is_empty());
        let latin1 =
            b"El se\xF1or lleg\xF3 a la comisar\xEDa de Lima el mi\xE9rcoles por la ma\xF1ana.";
        let (text, codes) = run(latin1, Format::Text);
        assert_eq!(text, "El señor llegó a la comisaría de Lima el miércoles por la mañana.");
        assert_eq!(codes, ["encoding_guessed"]);
    }

    #[test]
    fn mislabelled_utf8_stays_utf8() {
        let html = "<meta charset=iso-8859-1><p>Perú</p>".as_bytes();
        let (text, codes) = run(html, Format::Html);
        assert!(text.contains("Perú"));
        assert_eq!(codes, ["encoding_guessed"]);
    }

    #[test]
    fn invalid_bytes_are_replaced_and_reported() {
        let html = b"<meta charset=utf-8><p>ok \xFF\xFE bad</p>";
        let (text, codes) = run(html, Format::Html);
        assert!(text.contains('\u{FFFD}'));
        assert_eq!(codes, ["invalid_encoding"]);
    }
}
