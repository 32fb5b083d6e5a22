//! Reported speech: "X said that …", "X told InSight Crime that …", "according to X, …", "según X, …".

use model::Span;

use super::{
    doc::Doc,
    lexicon,
    speaker::{self, Slot},
    RawQuote,
};
use crate::quotes::QuoteKind;

/// Words that can open a clause reported without "that" ("he said the group …").
fn opens_clause(doc: &Doc<'_>, i: usize) -> bool {
    let word = doc.word(i);
    // Spanish "dijo a la prensa": a listener, not an English article.
    if word == "a"
        && i + 1 < doc.len()
        && matches!(doc.word(i + 1), "la" | "el" | "los" | "las" | "su" | "sus" | "un" | "una")
    {
        return false;
    }
    matches!(
        word,
        "he" | "she"
            | "they"
            | "it"
            | "we"
            | "i"
            | "the"
            | "a"
            | "an"
            | "this"
            | "there"
            | "his"
            | "her"
            | "their"
            | "its"
            | "those"
            | "these"
            | "some"
            | "many"
            | "most"
            | "no"
            | "nobody"
            | "police"
            | "authorities"
            | "officials"
    ) || (doc.is_capitalised(i) && !is_time_word(word))
        || doc.raw(i).starts_with(|c: char| c.is_ascii_digit())
}

fn is_time_word(word: &str) -> bool {
    matches!(word, "in" | "on" | "last" | "this" | "earlier" | "later" | "today" | "yesterday")
        || crate::quantities::lexicon::is_weekday(word)
}

/// The tokens `from..to` of a clause, without its closing punctuation; `None` if it is empty or
/// holds a quotation, which the direct finder credits.
fn clause(doc: &Doc<'_>, from: usize, mut to: usize, quoted: &[bool]) -> Option<Span> {
    while to > from && !doc.is_word(to - 1) {
        to -= 1;
    }
    if to <= from + 1 || (from..to).any(|t| quoted[t] || is_mark(doc.raw(t))) {
        return None;
    }
    Some(doc.cover(from, to))
}

fn is_mark(raw: &str) -> bool {
    matches!(raw, "“" | "”" | "\"" | "«" | "»")
}

/// Every reported-speech clause outside quotation marks.
pub(super) fn find(doc: &Doc<'_>, quoted: &[bool]) -> Vec<RawQuote> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.len() {
        let (lo, hi) = sentence_bounds(doc, i);
        if let Some(found) = in_sentence(doc, lo, hi, quoted) {
            out.extend(found);
        }
        i = hi;
    }
    out
}

fn sentence_bounds(doc: &Doc<'_>, i: usize) -> (usize, usize) {
    let sentence = doc.sentence_of[i];
    let mut hi = i;
    while hi < doc.len() && doc.sentence_of[hi] == sentence {
        hi += 1;
    }
    (i, hi)
}

/// At most one reported clause per sentence: the first cue that reads as one.
fn in_sentence(doc: &Doc<'_>, lo: usize, hi: usize, quoted: &[bool]) -> Option<Vec<RawQuote>> {
    for c in lo..hi {
        if quoted[c] {
            continue;
        }
        let n = speaker::source_cue(doc, c);
        if n > 0 {
            if let Some(found) = according(doc, lo, hi, c, n, quoted) {
                return Some(vec![found]);
            }
            continue;
        }
        let word = doc.word(c);
        let listener = lexicon::takes_listener(word);
        if !listener && !lexicon::is_reporting_verb(word) {
            continue;
        }
        // "that"/"que" within a few words: "told InSight Crime that", "said on Tuesday that".
        let that = (c + 1..hi.min(c + 7))
            .take_while(|&t| doc.is_word(t) && !quoted[t])
            .find(|&t| matches!(doc.word(t), "that" | "que"));
        let start = match that {
            Some(t) => t + 1,
            None if c + 1 < hi && !listener && opens_clause(doc, c + 1) && doc.is_word(c + 1) => {
                c + 1
            }
            None => continue,
        };
        let Some(content) = clause(doc, start, hi, quoted) else { continue };
        let speaker = match speaker::phrase_before(doc, lo, c, quoted) {
            Some((a, b)) => Slot::Phrase(a, b),
            // Spanish drops the subject: "dijo que …".
            None if that.is_some_and(|t| doc.word(t) == "que") => Slot::Null,
            None => continue,
        };
        let cue_end = that.map_or(c + 1, |t| t.max(c + 1));
        let cue = if listener { doc.cover(c, cue_end) } else { doc.tokens[c] };
        let first = match speaker {
            Slot::Phrase(a, _) => doc.tokens[a].start,
            _ => doc.tokens[c].start,
        };
        return Some(vec![RawQuote {
            covers: Span::new(first, content.end),
            content: vec![content],
            kind: QuoteKind::Reported,
            cue: Some(cue),
            speaker,
        }]);
    }
    None
}

/// "according to X, …" and "…, según X.": the clause is the rest of the sentence on the other side.
fn according(
    doc: &Doc<'_>,
    lo: usize,
    hi: usize,
    c: usize,
    n: usize,
    quoted: &[bool],
) -> Option<RawQuote> {
    let (a, b) = speaker::phrase_after(doc, c + n, hi, quoted)?;
    let cue = doc.cover(c, c + n);
    let content = if b < hi && doc.raw(b) == "," {
        clause(doc, b + 1, hi, quoted)?
    } else if c > lo && doc.raw(c - 1) == "," {
        clause(doc, lo, c - 1, quoted)?
    } else {
        return None;
    };
    let covers = Span::new(content.start.min(cue.start), content.end.max(doc.tokens[b - 1].end));
    Some(RawQuote {
        covers,
        content: vec![content],
        kind: QuoteKind::Reported,
        cue: Some(cue),
        speaker: Slot::Phrase(a, b),
    })
}
