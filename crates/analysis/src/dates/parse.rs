//! The scanner: date expressions found over a block's tokens, not yet resolved to days.
//!
//! One pass: at each token every pattern is tried with a bounded look-ahead, the longest match
//! is kept and the scan resumes after it, so the work is linear in the number of tokens.

mod calendar;
mod relative;

use std::{cell::Cell, sync::OnceLock};

use chrono::Weekday;
use model::Span;

use super::lexicon::{
    self, count, day_number, hedge, is_one_of, month, weekday, year_number, Hedge, Lang, MonthWord,
    INTRODUCERS, SINCE, STREET_WORDS, STRONG_INTRODUCERS,
};

/// "last", "this", "next" and their Spanish forms, before or after a date word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Modifier {
    /// No modifier: the default placement rule.
    None,
    /// Strictly before the anchor: "last Tuesday", "el 7 de noviembre pasado".
    Last,
    /// In the anchor's week or year: "this Tuesday", "este martes".
    This,
    /// Strictly after the anchor: "next Tuesday", "el próximo martes".
    Next,
}

/// Where a calendar date's year comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearSpec {
    /// Written in the text.
    Written(i32),
    /// The anchor's year plus an offset: "del año pasado" is -1.
    Anchor(i32),
    /// Not given: placed by the rule for partial dates.
    Free,
}

/// A calendar date or period: a day, a month, a run of months or a whole year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cal {
    pub(crate) year: YearSpec,
    /// First and last month; `None` for a whole year.
    pub(crate) months: Option<(u32, u32)>,
    /// The day of the (single) month.
    pub(crate) day: Option<u32>,
    pub(crate) modifier: Modifier,
}

/// What a counted expression counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Days.
    Day,
    /// Runs of seven days.
    Week,
    /// Monday-to-Sunday weeks.
    CalendarWeek,
    /// Saturday and Sunday.
    Weekend,
    /// Calendar months.
    Month,
    /// Years, keeping the base's own precision: "a year earlier".
    Year,
    /// Calendar years: "the previous year".
    CalendarYear,
}

/// A count of units from a base date, negative for the past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shift {
    pub(crate) n: i64,
    pub(crate) unit: Unit,
    pub(crate) hedge: Hedge,
}

/// A date expression before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expr {
    /// A calendar date or period.
    Cal(Cal),
    /// From the start of the first to the end of the second.
    Range(Cal, Cal),
    /// A weekday without a date.
    Weekday(Weekday, Modifier),
    /// Counted from the anchor: "yesterday", "last week", "two days ago".
    Anchor(Shift),
    /// Counted from the previous date of the text: "the next day", "two days later".
    Previous(Shift),
    /// The months of the last period mentioned, in another year.
    SamePeriod(YearSpec),
}

/// A date expression found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Raw {
    pub(crate) span: Span,
    pub(crate) expr: Expr,
    /// "since", "desde": the interval runs on to the anchor.
    pub(crate) since: bool,
    /// A count from the date that follows rather than the one before: "a week after the
    /// Oct. 31 riots".
    pub(crate) forward: bool,
}

/// An expression found at a token: its first and end (exclusive) tokens and its meaning.
struct Found {
    start: usize,
    end: usize,
    expr: Expr,
    since: bool,
    forward: bool,
}

/// Introducers that stay in the span of a counted expression, and the only ones allowed second.
const ARTICLES: &[&str] = &["the", "el", "la", "los", "las", "al", "del"];

/// How a date is introduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Intro {
    None,
    /// "the", "el", "la": enough for fixed phrases such as "the next day".
    Weak,
    /// "in", "on", "since", "en", "desde": enough for a bare year or an ambiguous month.
    Strong,
}

const BETWEEN: &[&str] = &["between", "entre"];
/// "from" in English, then "de" in Spanish.
const FROM: &[&str] = &["from", "de"];
const AGO_FIRST: &[&str] = &["hace"];
const SAME: &[&str] = &["same", "mismo", "misma", "mismos"];
const ORDINALS: [&[&str]; 4] = [
    &["first", "primer", "primeros", "primera", "primeras"],
    &["second", "segundo"],
    &["third", "tercer"],
    &["fourth", "cuarto"],
];
const LAST: &[&str] = &["last", "pasado", "pasada", "último"];
const THIS: &[&str] = &["this", "este", "esta"];
const NEXT: &[&str] = &["next", "coming", "próximo", "próxima"];
const EN_MONTH_PARTS: &[&str] = &["early", "late", "mid"];
const ES_MONTH_PARTS: &[&str] =
    &["principios", "inicios", "comienzos", "finales", "fines", "mediados", "mes"];
/// Words before a year: "fiscal year 2023", "año fiscal 2023".
const YEAR_WORDS: [&[&str]; 6] = [
    &["fiscal", "year"],
    &["year"],
    &["año", "fiscal"],
    &["ejercicio", "fiscal"],
    &["año"],
    &["FY"],
];

/// Longest first word, in bytes ("aproximadamente").
const LONGEST_FIRST_WORD: usize = 16;

/// Every word that can begin an expression, lower case, bucketed by first byte and length so
/// the test per token compares with a handful of words at most.
fn first_words() -> &'static [Vec<String>] {
    static WORDS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let phrases =
            relative::EN_PHRASES.iter().chain(relative::ES_PHRASES).map(|(words, ..)| words[0]);
        let lists =
            [BETWEEN, FROM, AGO_FIRST, SAME, LAST, THIS, NEXT, EN_MONTH_PARTS, ES_MONTH_PARTS];
        let own = lists.into_iter().chain(ORDINALS).chain(YEAR_WORDS.iter().map(|w| &w[..1]));
        let mut buckets = vec![Vec::new(); 256 * (LONGEST_FIRST_WORD + 1)];
        for word in
            lexicon::first_words().chain(phrases).chain(own.flat_map(|list| list.iter().copied()))
        {
            let word = word.to_ascii_lowercase();
            assert!(
                word.len() <= LONGEST_FIRST_WORD,
                "{word} is too long for the first-word table"
            );
            let bucket: &mut Vec<String> = &mut buckets[bucket_of(word.as_bytes())];
            if !bucket.contains(&word) {
                bucket.push(word);
            }
        }
        buckets
    })
}

fn bucket_of(lower: &[u8]) -> usize {
    lower[0] as usize * (LONGEST_FIRST_WORD + 1) + lower.len()
}

/// True when `word` can begin an expression: a digit, a listed word, or a hyphenated word whose
/// first part is one ("mid-September", "January-August"), or "FY2023".
fn may_start(word: &str) -> bool {
    let Some(first) = word.bytes().next() else { return false };
    if first.is_ascii_digit() {
        return true;
    }
    let head = word.split_once('-').map_or(word, |(head, _)| head);
    if head.is_empty() {
        return false;
    }
    let mut buffer = [0u8; LONGEST_FIRST_WORD];
    let Some(lower) = buffer.get_mut(..head.len()) else { return false };
    lower.copy_from_slice(head.as_bytes());
    lower.make_ascii_lowercase();
    if lower.starts_with(b"fy") {
        return true;
    }
    first_words()[bucket_of(lower)].iter().any(|w| w.as_bytes() == lower)
}

/// The date expressions of one block's tokens, appended to `out` in text order.
///
/// Returns how many token look-ups the scan made, which tests use to check it stays linear.
pub(crate) fn scan(text: &str, tokens: &[Span], lang: Lang, out: &mut Vec<Raw>) -> usize {
    let scanner = Scanner { text, tokens, lang, lookups: Cell::new(0) };
    let mut i = 0;
    while i < tokens.len() {
        match scanner.at(i) {
            Some(Found { start, end, expr, since, forward }) => {
                let span = Span::new(tokens[start].start, tokens[end - 1].end);
                out.push(Raw { span, expr, since, forward });
                i = end;
            }
            None => i += 1,
        }
    }
    scanner.lookups.get()
}

struct Scanner<'a> {
    text: &'a str,
    tokens: &'a [Span],
    lang: Lang,
    lookups: Cell<usize>,
}

impl<'a> Scanner<'a> {
    /// Token `i`'s text, or "" past either end.
    fn w(&self, i: usize) -> &'a str {
        self.lookups.set(self.lookups.get() + 1);
        self.tokens.get(i).map_or("", |span| span.slice(self.text))
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        is_one_of(self.w(i), words)
    }

    /// True when token `i` ends where token `i + 1` starts.
    fn touches_next(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// The longest expression starting at token `i`: its end token (exclusive), its meaning and
    /// whether it is a "since" interval.
    fn at(&self, i: usize) -> Option<Found> {
        if !may_start(self.w(i)) {
            return None;
        }
        let (j, intro, since) = self.introducers(i);
        if j > i && !may_start(self.w(j)) {
            return None;
        }
        let before = if j > i {
            self.w(j - 1)
        } else if i > 0 {
            self.w(i - 1)
        } else {
            ""
        };
        let found = |end, expr, since| Some(Found { start: i, end, expr, since, forward: false });
        // A range opener ("between", "entre", "from", "de") must be followed by a whole range.
        let opener = self.opener(j);
        if let Some(opener) = opener {
            let (mid, first, _) = self.calendar(j + 1, "")?;
            let (end, expr) = self.range(mid, first, Some(opener))?;
            return found(end, expr, false);
        }
        let mut best: Option<(usize, Expr)> = None;
        let mut keep = |found: Option<(usize, Expr)>| {
            if let Some((end, expr)) = found {
                if best.is_none_or(|(e, _)| end > e) {
                    best = Some((end, expr));
                }
            }
        };
        keep(self.phrase(j, intro));
        keep(self.counted(j, before));
        keep(self.same_period(j, intro));
        keep(self.first_months(j));
        keep(self.weekday(j, intro));
        keep(self.year_span(j));
        if let Some((mid, first, needs_context)) = self.calendar(j, before) {
            if since {
                // "desde enero hasta agosto" is a range, not an open interval.
                if let Some((end, expr)) = self.range(mid, first, Some(Opener::From)) {
                    return found(end, expr, false);
                }
            }
            keep(self.range(mid, first, None));
            if !needs_context || intro == Intro::Strong {
                keep(Some((mid, Expr::Cal(first))));
            }
        }
        let (end, expr) = best?;
        let since = since && !matches!(expr, Expr::Previous(_));
        // Counted expressions keep their articles but not prepositions: "checked in today". A
        // weekday keeps "on" but not "in": "in Tuesday's primary".
        let start = match expr {
            _ if since => i,
            Expr::Anchor(_) | Expr::Previous(_) => {
                (i..j).find(|&k| self.is(k, ARTICLES)).unwrap_or(j)
            }
            Expr::Weekday(..) => (i..j).find(|&k| !self.is(k, &["in", "en"])).unwrap_or(j),
            _ => i,
        };
        // "a week after the Oct. 31 riots", "una semana después de las protestas del 31 de
        // octubre": counted from the date that follows.
        let last = self.w(end - 1);
        let forward = matches!(expr, Expr::Previous(_))
            && ((self.lang.en && is_one_of(last, &["after", "before"]))
                || (self.lang.es
                    && is_one_of(last, &["después", "despues", "antes"])
                    && self.is(end, &["de", "del"])));
        Some(Found { start, end, expr, since, forward })
    }

    /// Introducers at `i`: where the expression proper starts, how strongly it is introduced,
    /// and whether it is a "since" interval.
    fn introducers(&self, i: usize) -> (usize, Intro, bool) {
        let mut j = i;
        let mut intro = Intro::None;
        let mut since = false;
        for _ in 0..2 {
            let word = self.w(j);
            if is_one_of(word, SINCE) {
                since = true;
                intro = Intro::Strong;
                j += 1;
            } else if self.lang.es
                && word.eq_ignore_ascii_case("a")
                && self.is(j + 1, &["partir"])
                && self.is(j + 2, &["de", "del"])
            {
                since = true;
                intro = Intro::Strong;
                j += 3;
                if self.w(j - 1).eq_ignore_ascii_case("del") {
                    break;
                }
            } else if is_one_of(word, INTRODUCERS) && (j == i || is_one_of(word, ARTICLES)) {
                let strong = is_one_of(word, STRONG_INTRODUCERS);
                intro = intro.max(if strong { Intro::Strong } else { Intro::Weak });
                j += 1;
            } else {
                break;
            }
        }
        (j, intro, since)
    }

    fn opener(&self, j: usize) -> Option<Opener> {
        let word = self.w(j);
        if is_one_of(word, BETWEEN) {
            Some(Opener::Between)
        } else if is_one_of(word, &FROM[..1]) || (self.lang.es && is_one_of(word, &FROM[1..])) {
            Some(Opener::From)
        } else {
            None
        }
    }
}

/// The word that opens a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opener {
    /// "between", "entre": closed by "and", "y".
    Between,
    /// "from", "de", "desde": closed by "to", "a", "hasta".
    From,
}
