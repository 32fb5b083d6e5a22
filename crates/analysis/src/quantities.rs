//! Quantities in headline and body text: numbers in digits or words, with unit, hedge and what they count.
//!
//! PLACEHOLDER: the finder is being written; the types below are the agreed interface.

use model::{Article, Span};

use crate::dates::DateMention;

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A count of things ("700 officers").
    Count,
    /// A percentage ("60%", "35 percent", "un 60 por ciento").
    Percent,
    /// A multiple ("double", "triple", "twice as many").
    Times,
    /// Money, with its ISO 4217 code ("S/ 500" is PEN, "$2 million" is USD).
    Currency(&'static str),
}

impl Unit {
    /// The name used in reports: `count`, `percent`, `times`, or the currency code.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::Times => "times",
            Unit::Currency(code) => code,
        }
    }
}

/// How a quantity is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Hedge {
    /// "about", "roughly", "some", "alrededor de", "unos".
    About,
    /// "almost", "nearly", "casi", "cerca de".
    Almost,
    /// "more than", "over", "más de".
    MoreThan,
    /// "at least", "al menos", "por lo menos".
    AtLeast,
    /// "less than", "fewer than", "under", "menos de".
    LessThan,
    /// "at most", "up to", "hasta".
    AtMost,
}

impl Hedge {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Hedge::About => "about",
            Hedge::Almost => "almost",
            Hedge::MoreThan => "more_than",
            Hedge::AtLeast => "at_least",
            Hedge::LessThan => "less_than",
            Hedge::AtMost => "at_most",
        }
    }
}

/// Whether a quantity is a level or a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuantityKind {
    /// How many there are ("6,500 cases").
    Level,
    /// A rise ("a 60% increase", "almost double").
    Increase,
    /// A fall ("down 12%").
    Decrease,
}

impl QuantityKind {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            QuantityKind::Level => "level",
            QuantityKind::Increase => "increase",
            QuantityKind::Decrease => "decrease",
        }
    }
}

/// One quantity of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The expression with its hedge ("more than 6,500").
    pub span: Span,
    /// The normalised value (6500.0, 1500000.0, 60.0, 2.0 for "double").
    pub value: f64,
    /// What it measures.
    pub unit: Unit,
    /// The noun phrase it counts ("reported extortion cases", "officers", "heridos").
    pub counted: Option<Span>,
    /// Its hedge, if any.
    pub hedge: Option<Hedge>,
    /// Level or change.
    pub kind: QuantityKind,
    /// The index in the `dates` argument of the date expression giving its period, if the sentence gives one.
    pub period: Option<usize>,
    /// The place mention (one of the `places` argument) it applies to, if the sentence gives one.
    pub place: Option<Span>,
}

/// Every quantity in the headline and body of `article`, in text order.
///
/// `dates` are the article's date expressions ([`crate::dates::find`]); `places` the spans of
/// its place mentions, sorted.
pub fn find(article: &Article, dates: &[DateMention], places: &[Span]) -> Vec<Quantity> {
    let _ = (article, dates, places);
    Vec::new()
}
