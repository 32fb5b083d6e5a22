//! Dates in headline and body text, normalised to intervals against the publication date.
//!
//! PLACEHOLDER: the finder is being written; the types below are the agreed interface.

use chrono::NaiveDate;
use model::{Article, Span};

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
pub fn find(article: &Article) -> Vec<DateMention> {
    let _ = article;
    Vec::new()
}
