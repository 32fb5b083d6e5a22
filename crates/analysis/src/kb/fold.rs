//! Name folding: accents and punctuation removed, with a map from folded bytes back to the original text.
//!
//! Folding decomposes each character (NFD), drops combining marks, lowercases letters outside
//! ASCII and turns every run of other non-alphanumeric characters into one space. ASCII letters
//! keep their case so that acronyms can still be matched case-sensitively; callers that ignore
//! case lowercase ASCII afterwards, which is cheap.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Leading articles dropped by [`normalize`], each with its trailing space.
const ARTICLES: [&str; 5] = ["el ", "la ", "los ", "las ", "the "];

/// The matching key of a name: folded case, accents, punctuation and spacing, without a
/// leading Spanish or English article.
///
/// The article rule is what makes a plural gang name and its bare form one key:
/// "Los Gallegos", "los gallegos" and "Gallegos" all give `gallegos`. An article alone is kept.
///
/// ```
/// use analysis::kb::normalize;
/// assert_eq!(normalize("  Policía Nacional del Perú (PNP)"), "policia nacional del peru pnp");
/// assert_eq!(normalize("Los Gallegos"), normalize("gallegos"));
/// ```
pub fn normalize(name: &str) -> String {
    let mut key = fold(name);
    key.make_ascii_lowercase();
    for article in ARTICLES {
        if key.len() > article.len() && key.starts_with(article) {
            key.drain(..article.len());
            break;
        }
    }
    key
}

/// `text` folded, keeping ASCII case.
pub(super) fn fold(text: &str) -> String {
    Folded::new(text).text
}

/// A folded text with, for each of its bytes, the offset of the original character it came from.
pub(super) struct Folded {
    pub(super) text: String,
    origin: Vec<usize>,
}

impl Folded {
    pub(super) fn new(text: &str) -> Folded {
        let mut folded = Folded {
            text: String::with_capacity(text.len()),
            origin: Vec::with_capacity(text.len()),
        };
        let mut gap = false;
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let byte = bytes[at];
            // ASCII is most of the text: handled a byte at a time, without tables.
            if byte.is_ascii_alphanumeric() {
                let run = bytes[at..].iter().position(|b| !b.is_ascii_alphanumeric());
                let end = run.map_or(bytes.len(), |len| at + len);
                folded.push_ascii(&text[at..end], at, &mut gap);
                at = end;
                continue;
            }
            if byte.is_ascii() {
                gap = true;
                at += 1;
                continue;
            }
            let c = text[at..].chars().next().expect("a character starts here");
            decompose_canonical(c, |part| {
                if is_combining_mark(part) {
                    // Dropped without a gap: it belongs to the letter before it.
                } else if part.is_ascii_alphanumeric() {
                    folded.push(part, at, &mut gap);
                } else if part.is_alphanumeric() {
                    for lower in part.to_lowercase() {
                        folded.push(lower, at, &mut gap);
                    }
                } else {
                    gap = true;
                }
            });
            at += c.len_utf8();
        }
        folded
    }

    /// Appends `c`, which came from the character at `at`, after one space if a gap is pending.
    fn push(&mut self, c: char, at: usize, gap: &mut bool) {
        if std::mem::take(gap) && !self.text.is_empty() {
            self.text.push(' ');
            self.origin.push(at);
        }
        self.text.push(c);
        self.origin.extend(std::iter::repeat_n(at, c.len_utf8()));
    }

    /// Appends a run of ASCII letters and digits that starts at `at`.
    fn push_ascii(&mut self, run: &str, at: usize, gap: &mut bool) {
        if std::mem::take(gap) && !self.text.is_empty() {
            self.text.push(' ');
            self.origin.push(at);
        }
        self.text.push_str(run);
        self.origin.extend(at..at + run.len());
    }

    /// The byte range of `original` that folded to `start..end`, which must begin and end on
    /// alphanumeric characters. Combining marks after the last character are included, so a
    /// decomposed "Peru\u{301}" is not cut before its accent.
    pub(super) fn original(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        debug_assert!(start < end && self.text.as_bytes()[end - 1] != b' ');
        let last = self.origin[end - 1];
        let mut stop = last + original[last..].chars().next().map_or(0, char::len_utf8);
        for c in original[stop..].chars() {
            if !is_combining_mark(c) {
                break;
            }
            stop += c.len_utf8();
        }
        (self.origin[start], stop)
    }
}
