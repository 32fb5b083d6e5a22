//! Sentences and tokens: rule-based splitting for Spanish and English news, without regex or allocation per char.
//!
//! # Sentences
//! A sentence ends at a run of `.`, `?`, `!`, `…` (so `?!` and `...` are one end), plus any
//! closing quotes and brackets right after it (`”`, `"`, `’`, `'`, `»`, `)`, `]`), when
//! whitespace or the block end follows and the next word does not start in lowercase. So:
//! - `"It ended." He left` splits after the closing quote, which stays with the first sentence.
//! - `"¿Vienes?" preguntó.` and `"We won!" she said.` do not split: a lowercase word after the
//!   quote is an attribution and stays with its quote.
//! - A quotation of several sentences splits at its inner sentence ends; the closing quote and
//!   a lowercase attribution after it go with the last one:
//!   `"We will not give up.` | `We will fight," he said.` No sentence is left holding only
//!   "he said".
//! - `¿` and `¡` after a sentence end always open a new sentence.
//! - A period after a word listed in `abbrev` depends on its kind: titles (`Dr.`, `Gral.`,
//!   `Col.`, `Sra.`) never end a sentence; `No.` and months (`Oct.`, `Nov.`) do not before a
//!   number; `Inc.`, `Jr.`, `etc.`, `a.m.` end one when a capitalised word follows that is not a
//!   weekday or month; acronyms (`U.S.`, `EE.UU.`) and initials (`J. R. Smith`) end one only
//!   when a common sentence opener follows ("The", "El").
//! - Periods inside numbers (`6.500`, `1.5`) and words (`gob.pe`) are never ends.
//! - A sentence never crosses its block; block text without an end is one sentence.
//!
//! # Tokens
//! Words are runs of letters, digits and `_`, joined across a hyphen between letters or digits
//! (`motorcycle-taxi`, `COVID-19`), a period or comma or colon between digits (`6,500`, `1,5`,
//! `6.500`, `12:30`), a period between letters (`U.S`, `gob.pe`) and an apostrophe between
//! letters (`O'Malley`, `l'acqua`). English clitics split off as in the Penn Treebank:
//! `O'Malley's` → `O'Malley` `'s`, `don't` → `do` `n't`. An abbreviation's period joins it
//! (`Col.`, `U.S.`, `EE.UU.`, `etc.`, and `J.` unless it ends the sentence). `%`, `$` and other
//! symbols, quotes and dashes are tokens of their own (`60%` → `60` `%`); a run of periods
//! (`...`) or hyphens (`--`) is one token.

mod abbrev;

use abbrev::Kind;
use model::{Language, Span};

/// Sentences inside `block`, as trimmed spans into `text` that cover all of its non-space text.
///
/// The abbreviation lists cover Spanish and English together, since each language's news
/// quotes the other's, so `_language` does not change the result.
pub fn sentences(text: &str, block: Span, _language: &Language) -> Vec<Span> {
    let s = block.slice(text);
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // memchr skips the bulk of the text; "…" is found separately as it is not one byte.
    let mut ellipsis = memchr::memmem::find(bytes, "…".as_bytes()).unwrap_or(bytes.len());
    while i < bytes.len() {
        if ellipsis < i {
            ellipsis =
                memchr::memmem::find(&bytes[i..], "…".as_bytes()).map_or(bytes.len(), |at| i + at);
        }
        let mark = memchr::memchr3(b'.', b'?', b'!', &bytes[i..]).map_or(bytes.len(), |at| i + at);
        let term = mark.min(ellipsis);
        if term == bytes.len() {
            break;
        }
        let width = terminator_width(s, term);
        let mut end = term + width;
        loop {
            let width = terminator_width(s, end);
            if width == 0 {
                break;
            }
            end += width;
        }
        end = skip_closers(s, end);
        let spaced = end == bytes.len() || next_char(s, end).is_some_and(char::is_whitespace);
        if spaced && ends_sentence(s, term, end) {
            push_trimmed(&mut out, s, block.start, start, end);
            start = end;
        }
        i = end;
    }
    push_trimmed(&mut out, s, block.start, start, bytes.len());
    out
}

/// Byte width of a sentence-ending mark at `i`, or 0.
fn terminator_width(s: &str, i: usize) -> usize {
    match s.as_bytes().get(i) {
        Some(b'.' | b'?' | b'!') => 1,
        Some(0xE2) if s[i..].starts_with('…') => '…'.len_utf8(),
        _ => 0,
    }
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '—' | '–' | '-')
}

fn skip_closers(s: &str, mut i: usize) -> usize {
    while let Some(c) = next_char(s, i).filter(|&c| is_closer(c)) {
        i += c.len_utf8();
    }
    i
}

fn next_char(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|rest| rest.chars().next())
}

/// Whether the marks in `s[term..end]`, followed by whitespace, end a sentence.
fn ends_sentence(s: &str, term: usize, end: usize) -> bool {
    let next = NextWord::after(s, end);
    let single_period = s.as_bytes()[term] == b'.' && terminator_width(s, term + 1) == 0;
    if !single_period {
        return next.opens_sentence();
    }
    match abbrev::classify(word_before(s, term)) {
        Kind::Word => next.opens_sentence(),
        Kind::Title => false,
        Kind::BeforeNumber => !next.starts_with_digit() && next.opens_sentence(),
        // A dash after an abbreviation is a dateline ("LOUISVILLE, Ky. — Donald Trump").
        Kind::Postfix | Kind::Acronym if next.dash => false,
        Kind::Postfix => {
            next.inverted_mark
                || (next.capitalised() && !abbrev::is_calendar(next.word) && !next.all_caps())
        }
        Kind::Acronym => next.inverted_mark || abbrev::is_starter(next.word),
        Kind::Initial => next.inverted_mark || (!next.is_initial && abbrev::is_starter(next.word)),
    }
}

/// The word right before byte `end`, without leading quotes or brackets: "(EE.UU" → "EE.UU".
fn word_before(s: &str, end: usize) -> &str {
    let start = s[..end]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    s[start..end].trim_start_matches(|c: char| !c.is_alphanumeric())
}

/// What follows a candidate sentence end.
struct NextWord<'a> {
    /// The letters of the next word, after whitespace and opening quotes.
    word: &'a str,
    /// The first character after whitespace and opening quotes.
    first: Option<char>,
    /// `¿` or `¡` comes first.
    inverted_mark: bool,
    /// The next word is one capital followed by a period, like "R." in "J. R. Smith".
    is_initial: bool,
    /// A dash comes first.
    dash: bool,
}

impl<'a> NextWord<'a> {
    fn after(s: &'a str, end: usize) -> NextWord<'a> {
        let rest = s[end..].trim_start();
        let inverted_mark = rest.starts_with(['¿', '¡']);
        let dash = rest.starts_with(['—', '–']);
        let rest = rest.trim_start_matches(|c: char| is_opener(c) || c == '¿' || c == '¡');
        let word_end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
        let word = &rest[..word_end];
        let is_initial = word.chars().count() == 1 && rest[word_end..].starts_with('.');
        NextWord { word, first: rest.chars().next(), inverted_mark, is_initial, dash }
    }

    /// Anything but a lowercase letter may open a sentence: capitals, digits, symbols.
    fn opens_sentence(&self) -> bool {
        self.inverted_mark || !self.first.is_some_and(char::is_lowercase)
    }

    fn capitalised(&self) -> bool {
        self.first.is_some_and(char::is_uppercase)
    }

    fn starts_with_digit(&self) -> bool {
        self.first.is_some_and(|c| c.is_ascii_digit())
    }

    fn all_caps(&self) -> bool {
        self.word.chars().count() >= 2 && self.word.chars().all(|c| !c.is_lowercase())
    }
}

fn push_trimmed(out: &mut Vec<Span>, s: &str, base: usize, start: usize, end: usize) {
    let piece = &s[start..end];
    let trimmed = piece.trim_start();
    let lead = piece.len() - trimmed.len();
    let trimmed = trimmed.trim_end();
    if !trimmed.is_empty() {
        out.push(Span::new(base + start + lead, base + start + lead + trimmed.len()));
    }
}

/// Word, number and punctuation tokens of `sentence`, as spans into `text`.
pub fn tokens(text: &str, sentence: Span) -> Vec<Span> {
    let s = sentence.slice(text);
    let base = sentence.start;
    let mut out = Vec::with_capacity(s.len() / 4);
    let mut i = 0;
    while let Some(c) = next_char(s, i) {
        if c.is_whitespace() {
            i += c.len_utf8();
        } else if is_word_char(c) {
            let (end, apostrophe) = word_end(s, i);
            match apostrophe {
                Some(apostrophe) => split_clitic(&mut out, base, s, i, apostrophe, end),
                None => out.push(Span::new(base + i, base + end)),
            }
            i = end;
            if s[i..].starts_with('.') && keeps_period(s, &s[out_start(&out, base)..end], end) {
                out.last_mut().expect("a word was just pushed").end += 1;
                i += 1;
            }
        } else {
            let end = if c == '.' || c == '-' {
                i + s[i..].bytes().take_while(|&b| b == c as u8).count()
            } else {
                i + c.len_utf8()
            };
            out.push(Span::new(base + i, base + end));
            i = end;
        }
    }
    out
}

fn out_start(out: &[Span], base: usize) -> usize {
    out.last().map_or(0, |span| span.start - base)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// End of the word starting at `start`, following the joins described in the module docs,
/// and where its last joining apostrophe is.
fn word_end(s: &str, start: usize) -> (usize, Option<usize>) {
    let bytes = s.as_bytes();
    let mut prev = next_char(s, start).expect("word start is a char");
    let mut i = start + prev.len_utf8();
    let mut apostrophe = None;
    while let Some(&byte) = bytes.get(i) {
        // Most text is ASCII letters; skip decoding for them.
        if byte.is_ascii_alphanumeric() {
            prev = byte as char;
            i += 1;
            continue;
        }
        let c = next_char(s, i).expect("i is on a char boundary");
        if is_word_char(c) {
            prev = c;
            i += c.len_utf8();
            continue;
        }
        let Some(after) = next_char(s, i + c.len_utf8()) else { break };
        let joins = match c {
            '-' | '‐' | '‑' => prev.is_alphanumeric() && after.is_alphanumeric(),
            '.' | ',' | ':' if prev.is_ascii_digit() => after.is_ascii_digit(),
            '.' | '\'' | '’' => prev.is_alphabetic() && after.is_alphabetic(),
            _ => false,
        };
        if !joins {
            break;
        }
        if matches!(c, '\'' | '’') {
            apostrophe = Some(i);
        }
        prev = after;
        i += c.len_utf8() + after.len_utf8();
    }
    (i, apostrophe)
}

/// Pushes `s[start..end]`, splitting off an English clitic (`'s`, `n't`, `'ll`, …) at the
/// apostrophe at byte `apostrophe`.
fn split_clitic(
    out: &mut Vec<Span>,
    base: usize,
    s: &str,
    start: usize,
    apostrophe: usize,
    end: usize,
) {
    let mark = if s[apostrophe..].starts_with('\'') { 1 } else { '’'.len_utf8() };
    let suffix = &s[apostrophe + mark..end];
    let head = &s[start..apostrophe];
    let split = if suffix.eq_ignore_ascii_case("t") && head.len() > 1 && head.ends_with(['n', 'N'])
    {
        Some(apostrophe - 1)
    } else if ["s", "re", "ve", "ll", "d", "m"].iter().any(|c| suffix.eq_ignore_ascii_case(c)) {
        Some(apostrophe)
    } else {
        None
    };
    match split.filter(|&split| split > start) {
        Some(split) => {
            out.push(Span::new(base + start, base + split));
            out.push(Span::new(base + split, base + end));
        }
        None => out.push(Span::new(base + start, base + end)),
    }
}

/// Whether the period at `end`, right after `word`, belongs to it as an abbreviation.
fn keeps_period(s: &str, word: &str, end: usize) -> bool {
    if s[end + 1..].starts_with('.') {
        return false;
    }
    let rest = s[end + 1..].trim_start();
    match abbrev::classify(word) {
        Kind::Title | Kind::Postfix | Kind::Acronym => true,
        Kind::BeforeNumber => rest.starts_with(|c: char| c.is_ascii_digit()),
        Kind::Initial => !rest.trim_start_matches(is_closer).is_empty(),
        Kind::Word => false,
    }
}

#[cfg(test)]
mod tests;
