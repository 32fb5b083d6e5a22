//! Dates in headline and body text, normalised to intervals against the publication date.
//!
//! [`find`] scans the tokens of the headline and body blocks once, left to right, and keeps the
//! longest expression at each point, so expressions never overlap ("martes 7 de noviembre" is
//! one, "between January and August 2023" is one). Each block is read with its own language's
//! words, or the article's when the block's is not Spanish or English; with neither, both.
//!
//! # Spans
//! A span covers the whole expression plus the small words that lead into it: "on", "in",
//! "during", "since", "the", "el", "la", "los", "en", "durante", "desde", "a partir de", "al",
//! "del" (up to two, the second an article: "en el 2022", "in the first eight months of 2023").
//! Counted expressions keep those articles but not prepositions, which there belong to the verb:
//! "checked in today" gives "today", "durante el fin de semana" gives "el fin de semana"; "since"
//! and "desde" are always kept, as they change the interval.
//!
//! # The anchor
//! Dates are placed against the publication date. Without one, the anchor is inferred from the
//! expressions whose year is written: the latest such year and, in it, the latest single day
//! written in full ("Oct. 31, 2023"), or when there is none the latest last day of a month or
//! year ("in 2023" gives 2023-12-31). Every mention placed through it is marked `inferred`;
//! mentions whose year is written are not.
//! With no publication date and no written year nothing can be placed and nothing is returned.
//!
//! # Rules
//! - A day or month without a year takes the anchor's year, or the year before when that would
//!   put it more than 30 days after the anchor: news mostly reports the past, but a date a few
//!   weeks ahead is an announced plan. "pasado", "last" (before or after: "el 7 de noviembre
//!   pasado") put it strictly before the anchor, "next", "próximo" strictly after, "this",
//!   "este" in the anchor's year.
//! - A weekday alone is the latest such day on or before the anchor; "last Tuesday", "el martes
//!   pasado" strictly before; "este martes", "this Tuesday" in the anchor's Monday-to-Sunday week;
//!   "next", "próximo" strictly after. A weekday followed by a date is that date.
//! - "yesterday", "last night", "anoche" are the day before the anchor; "last week" and "this
//!   week" are Monday-to-Sunday weeks; "the weekend" is the latest Saturday and Sunday starting on
//!   or before the anchor.
//! - Counts from an earlier date ("two days later", "al día siguiente", "a year earlier") start
//!   from the previous resolved mention in the text, or the anchor when there is none: forward
//!   counts from its last day, backward counts from its first. "a year earlier" moves the previous
//!   interval by a year and keeps its precision; "the previous year" is a calendar year.
//!   "N years ago" is a calendar year; "N months ago" a calendar month. A count of days or weeks
//!   from an interval longer than a day moves the whole interval and keeps its precision.
//! - A count ending in "after", "before" (English) or "después de", "antes de" (Spanish) is
//!   counted from the next date in the same sentence when there is one ("a week after the
//!   Oct. 31 riots"), else as above.
//! - Hedged counts of days and weeks are intervals of precision `Week`: "nearly a week later"
//!   is the 4th to the 7th day after, "about" widens both ways, "more than" goes past the count
//!   (by one day for day counts, three for week counts). Hedges on months and years are ignored.
//! - "since 2019", "desde enero" run from the start of the date to the anchor. Ranges and "since"
//!   intervals take their precision from their length (a day, under 28 days, under a year, more).
//! - "fiscal year 2023", "año fiscal 2023" are treated as calendar years, which is Peru's fiscal
//!   year.
//! - "the same period in 2022", "el mismo periodo del año pasado" are the months of the latest
//!   mention of month precision (a month or a run of months), in that year; with none, the year.
//! - Numeric dates: "2023-10-31" always; "31/10/2023", "31-10-2023", "31.10.2023" day first when the
//!   first number is over 12 or the block is Spanish, month first when the second is over 12 or the
//!   block is English; both-ways dates in a block of unknown language are skipped.
//!
//! # Kinds
//! `Explicit` when nothing comes from the anchor ("31 October 2023", "in September 2023",
//! "en 2022"); `Partial` when the year does ("Oct. 31", "en septiembre", "since 2019");
//! `Relative` when the date is counted ("ayer", "el martes", "two days later") or taken from
//! an earlier mention ("the same period in 2022").
//!
//! # Not taken
//! Times of day, ages ("41-year-old"), bare numbers and bare years (a year needs "in", "en",
//! "since", "desde" and the like, or a day or month before it); English months and weekdays in
//! lower case ("12 may appeal"); "May", "March", "June" and capitalised Spanish month names
//! ("Abril", "Mayo") alone, unless introduced ("in May") or followed by a day or year; month
//! abbreviations without a day; day numbers after street words ("Av. 28 de Julio"); Spanish
//! weekdays without "el", "este" or a date ("Domingo" is also a name); "hoy en día"; counts
//! after "for", "durante", "por" (durations); "the first three months" of anything but a year;
//! numbers in words for days ("dos de mayo"); times of day within dates ("Tuesday night" gives
//! the day).

mod lexicon;
mod parse;
mod resolve;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use model::{Article, Language, Span};

use lexicon::Lang;
use parse::Raw;

/// How finely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    /// One calendar day ("Oct. 31", "ayer").
    Day,
    /// A run of days shorter than a month ("last week", "el fin de semana").
    Week,
    /// A calendar month or a run of months ("in September", "the first eight months of 2023").
    Month,
    /// A year or more ("this year", "since 2019").
    Year,
}

impl Precision {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// How the text gives a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateKind {
    /// Day, month and year are all written ("31 October 2023").
    Explicit,
    /// Part of it is written, the rest comes from the anchor ("Oct. 31", "in September").
    Partial,
    /// Counted from the anchor or an earlier date ("yesterday", "last week", "one day after").
    Relative,
}

impl DateKind {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            DateKind::Explicit => "explicit",
            DateKind::Partial => "partial",
            DateKind::Relative => "relative",
        }
    }
}

/// One date expression of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// The expression in the article's text.
    pub span: Span,
    /// First day of the interval.
    pub start: NaiveDate,
    /// Last day of the interval, inclusive.
    pub end: NaiveDate,
    /// How finely it is known.
    pub precision: Precision,
    /// How the text gives it.
    pub kind: DateKind,
    /// True when the anchor (or the year) was inferred from the text, not the publication date.
    pub inferred: bool,
}

/// Every date expression in the headline and body of `article`, in text order.
///
/// Expressions that cannot be placed (no publication date and no written year in the text, or
/// days that do not exist such as "30 de febrero") are left out.
pub fn find(article: &Article) -> Vec<DateMention> {
    let mut raws = Vec::new();
    scan(article, &mut raws);
    let (anchor, inferred) = match article.published {
        Some(published) => (published.date(), false),
        None => match resolve::infer_anchor(&raws) {
            Some(anchor) => (anchor, true),
            None => return Vec::new(),
        },
    };
    resolve::resolve(&raws, &article.sentences, anchor, inferred)
}

/// The unresolved expressions of the extraction blocks, and the number of token look-ups made.
fn scan(article: &Article, raws: &mut Vec<Raw>) -> usize {
    let mut lookups = 0;
    for block in article.extraction_blocks() {
        let from = article.tokens.partition_point(|t| t.start < block.span.start);
        let to = article.tokens.partition_point(|t| t.start < block.span.end);
        let lang = lang_of(&block.language, &article.language);
        lookups += parse::scan(&article.text, &article.tokens[from..to], lang, raws);
    }
    lookups
}

/// The lexicons for a block: its own language, else the article's, else both.
fn lang_of(block: &Language, article: &Language) -> Lang {
    let pick = |language: &Language| match language {
        Language::Spanish => Some(Lang { es: true, en: false }),
        Language::English => Some(Lang { es: false, en: true }),
        _ => None,
    };
    pick(block).or_else(|| pick(article)).unwrap_or(Lang { es: true, en: true })
}
