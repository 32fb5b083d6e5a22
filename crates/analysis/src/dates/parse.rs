//! The scanner: date expressions found over a block's tokens, not yet resolved to days.
//!
//! One pass: at each token every pattern is tried with a bounded look-ahead, the longest match
//! is kept and the scan resumes after it, so the work is linear in the number of tokens.

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

const fn anchor(n: i64, unit: Unit) -> Expr {
    Expr::Anchor(Shift { n, unit, hedge: Hedge::Exact })
}

const fn previous(n: i64, unit: Unit) -> Expr {
    Expr::Previous(Shift { n, unit, hedge: Hedge::Exact })
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

/// A fixed phrase: its words, whether it needs an introducer before it, and its meaning.
type Phrase = (&'static [&'static str], bool, Expr);

const EN_PHRASES: &[Phrase] = &[
    (&["yesterday"], false, anchor(-1, Unit::Day)),
    (&["today"], false, anchor(0, Unit::Day)),
    (&["tomorrow"], false, anchor(1, Unit::Day)),
    (&["last", "night"], false, anchor(-1, Unit::Day)),
    (&["tonight"], false, anchor(0, Unit::Day)),
    (&["this", "morning"], false, anchor(0, Unit::Day)),
    (&["this", "afternoon"], false, anchor(0, Unit::Day)),
    (&["this", "evening"], false, anchor(0, Unit::Day)),
    (&["last", "week"], false, anchor(-1, Unit::CalendarWeek)),
    (&["this", "week"], false, anchor(0, Unit::CalendarWeek)),
    (&["next", "week"], false, anchor(1, Unit::CalendarWeek)),
    (&["weekend"], true, anchor(0, Unit::Weekend)),
    (&["this", "weekend"], false, anchor(0, Unit::Weekend)),
    (&["last", "weekend"], false, anchor(0, Unit::Weekend)),
    (&["next", "weekend"], false, anchor(1, Unit::Weekend)),
    (&["last", "month"], false, anchor(-1, Unit::Month)),
    (&["this", "month"], false, anchor(0, Unit::Month)),
    (&["next", "month"], false, anchor(1, Unit::Month)),
    (&["last", "year"], false, anchor(-1, Unit::CalendarYear)),
    (&["this", "year"], false, anchor(0, Unit::CalendarYear)),
    (&["next", "year"], false, anchor(1, Unit::CalendarYear)),
    (&["next", "day"], true, previous(1, Unit::Day)),
    (&["following", "day"], true, previous(1, Unit::Day)),
    (&["day", "after"], true, previous(1, Unit::Day)),
    (&["previous", "day"], true, previous(-1, Unit::Day)),
    (&["day", "before"], true, previous(-1, Unit::Day)),
    (&["following", "week"], true, previous(1, Unit::CalendarWeek)),
    (&["previous", "week"], true, previous(-1, Unit::CalendarWeek)),
    (&["following", "month"], true, previous(1, Unit::Month)),
    (&["previous", "month"], true, previous(-1, Unit::Month)),
    (&["following", "year"], true, previous(1, Unit::CalendarYear)),
    (&["previous", "year"], true, previous(-1, Unit::CalendarYear)),
    (&["year", "before"], true, previous(-1, Unit::CalendarYear)),
];

const ES_PHRASES: &[Phrase] = &[
    (&["ayer"], false, anchor(-1, Unit::Day)),
    (&["hoy"], false, anchor(0, Unit::Day)),
    (&["anoche"], false, anchor(-1, Unit::Day)),
    (&["anteayer"], false, anchor(-2, Unit::Day)),
    (&["antier"], false, anchor(-2, Unit::Day)),
    (&["antenoche"], false, anchor(-2, Unit::Day)),
    (&["pasado", "mañana"], false, anchor(2, Unit::Day)),
    (&["esta", "mañana"], false, anchor(0, Unit::Day)),
    (&["esta", "madrugada"], false, anchor(0, Unit::Day)),
    (&["esta", "tarde"], false, anchor(0, Unit::Day)),
    (&["esta", "noche"], false, anchor(0, Unit::Day)),
    (&["semana", "pasada"], false, anchor(-1, Unit::CalendarWeek)),
    (&["pasada", "semana"], false, anchor(-1, Unit::CalendarWeek)),
    (&["esta", "semana"], false, anchor(0, Unit::CalendarWeek)),
    (&["próxima", "semana"], false, anchor(1, Unit::CalendarWeek)),
    (&["semana", "próxima"], false, anchor(1, Unit::CalendarWeek)),
    (&["semana", "que", "viene"], false, anchor(1, Unit::CalendarWeek)),
    (&["fin", "de", "semana"], true, anchor(0, Unit::Weekend)),
    (&["este", "fin", "de", "semana"], false, anchor(0, Unit::Weekend)),
    (&["pasado", "fin", "de", "semana"], false, anchor(0, Unit::Weekend)),
    (&["último", "fin", "de", "semana"], false, anchor(0, Unit::Weekend)),
    (&["fin", "de", "semana", "pasado"], true, anchor(0, Unit::Weekend)),
    (&["próximo", "fin", "de", "semana"], false, anchor(1, Unit::Weekend)),
    (&["mes", "pasado"], false, anchor(-1, Unit::Month)),
    (&["pasado", "mes"], false, anchor(-1, Unit::Month)),
    (&["este", "mes"], false, anchor(0, Unit::Month)),
    (&["próximo", "mes"], false, anchor(1, Unit::Month)),
    (&["mes", "próximo"], false, anchor(1, Unit::Month)),
    (&["mes", "que", "viene"], false, anchor(1, Unit::Month)),
    (&["año", "pasado"], false, anchor(-1, Unit::CalendarYear)),
    (&["pasado", "año"], false, anchor(-1, Unit::CalendarYear)),
    (&["este", "año"], false, anchor(0, Unit::CalendarYear)),
    (&["presente", "año"], true, anchor(0, Unit::CalendarYear)),
    (&["próximo", "año"], false, anchor(1, Unit::CalendarYear)),
    (&["año", "próximo"], false, anchor(1, Unit::CalendarYear)),
    (&["año", "que", "viene"], false, anchor(1, Unit::CalendarYear)),
    (&["día", "siguiente"], true, previous(1, Unit::Day)),
    (&["otro", "día"], true, previous(1, Unit::Day)),
    (&["día", "anterior"], true, previous(-1, Unit::Day)),
    (&["víspera"], true, previous(-1, Unit::Day)),
    (&["semana", "siguiente"], true, previous(1, Unit::CalendarWeek)),
    (&["semana", "anterior"], true, previous(-1, Unit::CalendarWeek)),
    (&["mes", "siguiente"], true, previous(1, Unit::Month)),
    (&["mes", "anterior"], true, previous(-1, Unit::Month)),
    (&["año", "siguiente"], true, previous(1, Unit::CalendarYear)),
    (&["año", "anterior"], true, previous(-1, Unit::CalendarYear)),
];

/// Longest first word, in bytes ("aproximadamente").
const LONGEST_FIRST_WORD: usize = 16;

/// Every word that can begin an expression, lower case, bucketed by first byte and length so
/// the test per token compares with a handful of words at most.
fn first_words() -> &'static [Vec<String>] {
    static WORDS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let phrases = EN_PHRASES.iter().chain(ES_PHRASES).map(|(words, ..)| words[0]);
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
        let counted = matches!(expr, Expr::Anchor(_) | Expr::Previous(_));
        let since = since && !matches!(expr, Expr::Previous(_));
        // Counted expressions keep their articles but not prepositions: "checked in today".
        let start =
            if counted && !since { (i..j).find(|&k| self.is(k, ARTICLES)).unwrap_or(j) } else { i };
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

    /// A fixed phrase at `j`.
    fn phrase(&self, j: usize, intro: Intro) -> Option<(usize, Expr)> {
        let mut best = None;
        let lists: [(&[Phrase], bool); 2] =
            [(EN_PHRASES, self.lang.en), (ES_PHRASES, self.lang.es)];
        let first = self.w(j);
        for (list, on) in lists {
            if !on {
                continue;
            }
            for (words, needs_intro, expr) in list {
                if (*needs_intro && intro == Intro::None) || !words[0].eq_ignore_ascii_case(first) {
                    continue;
                }
                let matched = words
                    .iter()
                    .enumerate()
                    .skip(1)
                    .all(|(k, w)| w.eq_ignore_ascii_case(self.w(j + k)));
                if matched && best.is_none_or(|(end, _)| j + words.len() > end) {
                    best = Some((j + words.len(), *expr));
                }
            }
        }
        let (end, expr) = best?;
        // "hoy en día", "hoy día": nowadays.
        if self.lang.es && first.eq_ignore_ascii_case("hoy") && self.is(end, &["en", "día"]) {
            return None;
        }
        Some((end, expr))
    }

    /// "two days later", "nearly a week later", "un día después", "hace tres días".
    fn counted(&self, j: usize, before: &str) -> Option<(usize, Expr)> {
        let mut k = j;
        let ago_first = self.lang.es && self.is(k, AGO_FIRST);
        if ago_first {
            k += 1;
        }
        let (hedge, taken) = hedge([self.w(k), self.w(k + 1)], self.lang);
        k += taken;
        let n = count(self.w(k), self.lang)?;
        let unit = self.unit(k + 1)?;
        k += 2;
        // "for two days before he was found" is a duration, not a date.
        if is_one_of(before, &["for", "during", "durante", "por"]) {
            return None;
        }
        let shift = |n| Shift { n, unit, hedge };
        // "two years ago" is a calendar year: a day a year back would be false precision.
        let ago = |n| {
            let unit = if unit == Unit::Year { Unit::CalendarYear } else { unit };
            Expr::Anchor(Shift { n, unit, hedge })
        };
        if ago_first {
            return Some((k, ago(-n)));
        }
        let next = self.w(k);
        if self.lang.en {
            if is_one_of(next, &["later", "after"]) {
                return Some((k + 1, Expr::Previous(shift(n))));
            }
            if is_one_of(next, &["earlier", "before"]) {
                return Some((k + 1, Expr::Previous(shift(-n))));
            }
            if is_one_of(next, &["ago"]) {
                return Some((k + 1, ago(-n)));
            }
        }
        if self.lang.es {
            if is_one_of(next, &["después", "despues", "luego"]) {
                return Some((k + 1, Expr::Previous(shift(n))));
            }
            if is_one_of(next, &["más", "mas"]) && self.is(k + 1, &["tarde"]) {
                return Some((k + 2, Expr::Previous(shift(n))));
            }
            if is_one_of(next, &["antes", "atrás", "atras"]) {
                return Some((k + 1, Expr::Previous(shift(-n))));
            }
        }
        None
    }

    fn unit(&self, k: usize) -> Option<Unit> {
        let word = self.w(k);
        if self.lang.en {
            if is_one_of(word, &["day", "days"]) {
                return Some(Unit::Day);
            }
            if is_one_of(word, &["week", "weeks"]) {
                return Some(Unit::Week);
            }
            if is_one_of(word, &["month", "months"]) {
                return Some(Unit::Month);
            }
            if is_one_of(word, &["year", "years"]) {
                return Some(Unit::Year);
            }
        }
        if self.lang.es {
            if is_one_of(word, &["día", "días", "dia", "dias"]) {
                return Some(Unit::Day);
            }
            if is_one_of(word, &["semana", "semanas"]) {
                return Some(Unit::Week);
            }
            if is_one_of(word, &["mes", "meses"]) {
                return Some(Unit::Month);
            }
            if is_one_of(word, &["año", "años"]) {
                return Some(Unit::Year);
            }
        }
        None
    }

    /// "the same period in 2022", "el mismo periodo del año pasado".
    fn same_period(&self, j: usize, intro: Intro) -> Option<(usize, Expr)> {
        if intro == Intro::None || !self.is(j, SAME) {
            return None;
        }
        if !self.is(
            j + 1,
            &["period", "periodo", "período", "months", "meses", "lapso", "month", "mes"],
        ) {
            return None;
        }
        let (end, year) = self.year_suffix(j + 2)?;
        Some((end, Expr::SamePeriod(year)))
    }

    /// A year after a date: "2023", ", 2023", "de 2023", "del 2023", "of 2023", "in 2022",
    /// "last year", "del año pasado", "de este año", "a year earlier".
    fn year_suffix(&self, k: usize) -> Option<(usize, YearSpec)> {
        let mut k = k;
        if self.is(k, &[",", "of", "in", "de", "del"]) {
            k += 1;
        }
        if let Some(year) = year_number(self.w(k)) {
            return Some((k + 1, YearSpec::Written(year)));
        }
        if self.is(k, &["the", "el"]) {
            k += 1;
        }
        let words: [&str; 3] = [self.w(k), self.w(k + 1), self.w(k + 2)];
        let pairs: [(&[&str], i32); 11] = [
            (&["last", "year"], -1),
            (&["this", "year"], 0),
            (&["previous", "year"], -1),
            (&["year", "before"], -1),
            (&["a", "year", "earlier"], -1),
            (&["año", "pasado"], -1),
            (&["año", "anterior"], -1),
            (&["pasado", "año"], -1),
            (&["este", "año"], 0),
            (&["presente", "año"], 0),
            (&["un", "año", "antes"], -1),
        ];
        for (phrase, offset) in pairs {
            if phrase.iter().zip(words).all(|(p, w)| p.eq_ignore_ascii_case(w)) {
                return Some((k + phrase.len(), YearSpec::Anchor(offset)));
            }
        }
        None
    }

    /// "the first eight months of 2023", "el primer semestre", "the third quarter of 2022".
    fn first_months(&self, j: usize) -> Option<(usize, Expr)> {
        let word = self.w(j);
        let ordinal = if is_one_of(word, ORDINALS[0]) {
            1
        } else if is_one_of(word, ORDINALS[1]) {
            2
        } else if is_one_of(word, ORDINALS[2]) {
            3
        } else if is_one_of(word, ORDINALS[3]) {
            4
        } else {
            return None;
        };
        let word = self.w(j + 1);
        let (months, end) = if is_one_of(word, &["half", "semestre"]) && ordinal <= 2 {
            (if ordinal == 1 { (1, 6) } else { (7, 12) }, j + 2)
        } else if is_one_of(word, &["quarter", "trimestre"]) {
            let first = 3 * (ordinal - 1) + 1;
            ((first, first + 2), j + 2)
        } else if ordinal == 1 {
            let n = count(word, self.lang)?;
            if !(1..=12).contains(&n) || !self.is(j + 2, &["months", "meses"]) {
                return None;
            }
            ((1, n as u32), j + 3)
        } else {
            return None;
        };
        let (end, year) = if let Some(found) = self.year_suffix(end) {
            found
        } else if self.is(end, &["of"]) && self.is(end + 1, &["the"]) && self.is(end + 2, &["year"])
        {
            (end + 3, YearSpec::Anchor(0))
        } else if self.is(end, &["del"]) && self.is(end + 1, &["año"]) {
            (end + 2, YearSpec::Anchor(0))
        } else {
            (end, YearSpec::Free)
        };
        let cal = Cal { year, months: Some(months), day: None, modifier: Modifier::None };
        Some((end, Expr::Cal(cal)))
    }

    /// A weekday, alone ("on Tuesday", "el martes pasado") or before a date
    /// ("martes 7 de noviembre", "Tuesday, Nov. 7").
    fn weekday(&self, j: usize, intro: Intro) -> Option<(usize, Expr)> {
        let (k, pre) = self.pre_modifier(j);
        let day = weekday(self.w(k), self.lang)?;
        let mut end = k + 1;
        let date_at = if self.is(end, &[","]) { end + 1 } else { end };
        if let Some((date_end, cal, _)) = self.calendar(date_at, "") {
            if cal.day.is_some() {
                return Some((date_end, Expr::Cal(cal)));
            }
        }
        let mut modifier = pre;
        if let Some(post) = self.post_modifier(end).filter(|_| pre == Modifier::None) {
            modifier = post;
            end += 1;
        }
        // A Spanish weekday needs "el", "este" and the like: "Domingo" is also a name.
        let english = Lang { es: false, en: self.lang.en };
        if weekday(self.w(k), english).is_none()
            && intro == Intro::None
            && modifier == Modifier::None
        {
            return None;
        }
        // "Sunday Times", "Tuesdays": the lexicon takes only the capitalised singular.
        Some((end, Expr::Weekday(day, modifier)))
    }

    /// Spanish "pasado", "último", "próximo" after a date: "el 7 de noviembre pasado".
    fn post_modifier(&self, k: usize) -> Option<Modifier> {
        if !self.lang.es {
            return None;
        }
        let word = self.w(k);
        if is_one_of(word, &["pasado", "pasada", "pasados", "último"]) {
            Some(Modifier::Last)
        } else if is_one_of(word, &["próximo", "próxima", "próximos", "próximas"]) {
            Some(Modifier::Next)
        } else {
            None
        }
    }

    fn pre_modifier(&self, j: usize) -> (usize, Modifier) {
        let word = self.w(j);
        let modifier = if is_one_of(word, LAST) {
            Modifier::Last
        } else if is_one_of(word, THIS) {
            Modifier::This
        } else if is_one_of(word, NEXT) {
            Modifier::Next
        } else {
            Modifier::None
        };
        (if modifier == Modifier::None { j } else { j + 1 }, modifier)
    }

    /// "between January and August 2023", "de enero a agosto de 2023", "January–August 2023",
    /// "2019-2022".
    ///
    /// `first` is the date already read, up to token `mid`.
    fn range(&self, mid: usize, first: Cal, opener: Option<Opener>) -> Option<(usize, Expr)> {
        let connectors: &[&str] = match opener {
            Some(Opener::Between) => &["and", "y"],
            Some(Opener::From) => &["to", "through", "until", "a", "al", "hasta", "-", "–", "—"],
            None => &["to", "through", "until", "hasta", "-", "–", "—"],
        };
        if !self.is(mid, connectors) {
            return None;
        }
        let mut k = mid + 1;
        if self.is(k, &["el"]) && first.day.is_some() {
            k += 1;
        }
        let (end, second, _) = self.calendar(k, "")?;
        let compatible = match (first.months, second.months) {
            (None, None) => true,
            (Some(_), Some(_)) => first.day.is_none() || second.day.is_some(),
            _ => false,
        };
        if !compatible || second.modifier != Modifier::None || first.modifier != Modifier::None {
            return None;
        }
        Some((end, Expr::Range(first, second)))
    }

    /// "2019-2022" written as one token.
    fn year_span(&self, j: usize) -> Option<(usize, Expr)> {
        let (a, b) = self.w(j).split_once('-')?;
        let (from, to) = (year_number(a)?, year_number(b)?);
        if from >= to {
            return None;
        }
        let whole = |year| Cal {
            year: YearSpec::Written(year),
            months: None,
            day: None,
            modifier: Modifier::None,
        };
        Some((j + 1, Expr::Range(whole(from), whole(to))))
    }

    /// A day, month or year at `j`, and whether it needs a strong introducer to stand alone.
    fn calendar(&self, j: usize, before: &str) -> Option<(usize, Cal, bool)> {
        if let Some(found) = self.numeric(j) {
            return Some(found);
        }
        let (k, pre) = self.pre_modifier(j);
        let mut found = self.day_month(k, before).or_else(|| self.month_year(k));
        if found.is_none() && pre == Modifier::None {
            found = self.year_alone(k);
        }
        let (mut end, mut cal, mut needs_context) = found?;
        if pre != Modifier::None {
            cal.modifier = pre;
            needs_context = false;
        } else if let Some(post) = self.post_modifier(end).filter(|_| cal.year == YearSpec::Free) {
            cal.modifier = post;
            end += 1;
        }
        if cal.year != YearSpec::Free && cal.modifier != Modifier::None {
            cal.modifier = Modifier::None;
        }
        Some((end, cal, needs_context))
    }

    /// "31/10/2023", "2023-10-31", "31-10-2023", "31.10.2023", "2019-2022".
    fn numeric(&self, j: usize) -> Option<(usize, Cal, bool)> {
        let word = self.w(j);
        if !word.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let (parts, end) = if self.w(j + 1) == "/"
            && self.touches_next(j)
            && self.touches_next(j + 1)
            && self.w(j + 3) == "/"
            && self.touches_next(j + 2)
            && self.touches_next(j + 3)
        {
            ([word, self.w(j + 2), self.w(j + 4)], j + 5)
        } else {
            let mut split = word.split(['-', '.']);
            let a = split.next()?;
            let b = split.next()?;
            match (split.next(), split.next()) {
                (Some(c), None) => ([a, b, c], j + 1),
                _ => return None,
            }
        };
        if !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        let (y, m, d) = if parts[0].len() == 4 {
            (year_number(parts[0])?, parts[1].parse().ok()?, parts[2].parse().ok()?)
        } else {
            if parts[0].len() > 2 || parts[1].len() > 2 {
                return None;
            }
            let year = match parts[2].len() {
                4 => year_number(parts[2])?,
                2 => 2000 + parts[2].parse::<i32>().ok()?,
                _ => return None,
            };
            let (a, b): (u32, u32) = (parts[0].parse().ok()?, parts[1].parse().ok()?);
            let day_first = a > 12 || (self.lang.es && !self.lang.en);
            if day_first {
                (year, b, a)
            } else if b > 12 || self.lang.en && !self.lang.es {
                (year, a, b)
            } else {
                // Both orders fit and the language does not say which.
                return None;
            }
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let cal = Cal {
            year: YearSpec::Written(y),
            months: Some((m, m)),
            day: Some(d),
            modifier: Modifier::None,
        };
        Some((end, cal, false))
    }

    /// "Oct. 31", "November 7, 2023", "31 October 2023", "31 de octubre de 2023".
    fn day_month(&self, k: usize, before: &str) -> Option<(usize, Cal, bool)> {
        let lang = self.lang;
        let first = self.w(k);
        // Month first (English): "Nov. 7, 2023".
        if lang.en {
            if let Some((m, _)) = month(first, lang) {
                if let Some(d) = day_number(self.w(k + 1), lang) {
                    if self.is(k + 2, &[":", "%"]) || lexicon::year_number(self.w(k + 1)).is_some()
                    {
                        return None;
                    }
                    let (end, year) = self.written_year(k + 2);
                    return Some((end, self.day_cal(year, m, d), false));
                }
            }
        }
        // Day first: "31 October 2023", "31 de octubre".
        let d = day_number(first, lang)?;
        if is_one_of(before, STREET_WORDS) {
            return None;
        }
        let mut m_at = k + 1;
        if self.is(m_at, &["°"]) {
            m_at += 1;
        }
        if (lang.es && self.is(m_at, &["de"])) || (lang.en && self.is(m_at, &["of"])) {
            m_at += 1;
        }
        let (m, word) = month(self.w(m_at), lang)?;
        if word == MonthWord::Abbreviation && !self.w(m_at).ends_with('.') && lang.es && !lang.en {
            return None;
        }
        let (end, year) = self.written_year(m_at + 1);
        Some((end, self.day_cal(year, m, d), false))
    }

    fn day_cal(&self, year: YearSpec, m: u32, d: u32) -> Cal {
        Cal { year, months: Some((m, m)), day: Some(d), modifier: Modifier::None }
    }

    /// The year after a day and month, if any: ", 2023", "2023", "de 2023", "del 2023",
    /// "del año pasado", "last year".
    fn written_year(&self, k: usize) -> (usize, YearSpec) {
        self.year_suffix(k).unwrap_or((k, YearSpec::Free))
    }

    /// "September", "September 2023", "septiembre de 2023", "mid-September", "early May",
    /// "a principios de mayo", "el mes de octubre", "January-August 2023".
    fn month_year(&self, k: usize) -> Option<(usize, Cal, bool)> {
        let lang = self.lang;
        let mut k = k;
        let mut hinted = false;
        if lang.en && self.is(k, EN_MONTH_PARTS) {
            k += 1;
            hinted = true;
        } else if lang.es && self.is(k, ES_MONTH_PARTS) && self.is(k + 1, &["de"]) {
            k += 2;
            hinted = true;
        }
        let word = self.w(k);
        let word = match word.split_once('-') {
            Some((prefix, rest)) if prefix.eq_ignore_ascii_case("mid") => {
                hinted = true;
                rest
            }
            _ => word,
        };
        let (months, kind) = match word.split_once(['-', '–']) {
            Some((a, b)) => {
                let (first, _) = month(a, lang)?;
                let (last, _) = month(b, lang)?;
                if first > last {
                    return None;
                }
                ((first, last), MonthWord::Name)
            }
            None => {
                let (m, kind) = month(word, lang)?;
                ((m, m), kind)
            }
        };
        if kind == MonthWord::Abbreviation {
            return None;
        }
        let (end, year) = self.written_year(k + 1);
        let needs_context = kind == MonthWord::Ambiguous && year == YearSpec::Free && !hinted;
        let cal = Cal { year, months: Some(months), day: None, modifier: Modifier::None };
        Some((end, cal, needs_context))
    }

    /// "2022" (after a strong introducer), "fiscal year 2023", "año fiscal 2023", "FY2023".
    fn year_alone(&self, k: usize) -> Option<(usize, Cal, bool)> {
        let whole = |year| Cal {
            year: YearSpec::Written(year),
            months: None,
            day: None,
            modifier: Modifier::None,
        };
        let word = self.w(k);
        if let Some(year) = year_number(word) {
            return Some((k + 1, whole(year), true));
        }
        if let Some(rest) = word.strip_prefix("FY") {
            return year_number(rest).map(|year| (k + 1, whole(year), false));
        }
        for words in YEAR_WORDS {
            if words.iter().enumerate().all(|(n, w)| w.eq_ignore_ascii_case(self.w(k + n))) {
                let at = k + words.len();
                if let Some(year) = year_number(self.w(at)) {
                    return Some((at + 1, whole(year), false));
                }
            }
        }
        None
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
