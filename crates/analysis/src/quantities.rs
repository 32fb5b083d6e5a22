//! Quantities in headline and body text: numbers in digits or words, with unit, hedge and what they count.
//!
//! [`find`] walks the tokens of each headline and body sentence. The rules, in order:
//!
//! # Numbers
//! - Digits are read by shape and by the sentence's language (its block's, else the
//!   article's; other languages are read as English). Both separators present: the last one is
//!   the decimal mark. One separator followed by exactly three digits groups thousands
//!   ("6,500"; "6.500" in Spanish), except "6.500" in English, which is 6.5. Any other single
//!   separator is a decimal mark ("1.5", "1,5"). A space before a group of three digits joins
//!   it ("6 500"). In a Spanish percentage a comma is always the decimal mark ("5,125 por
//!   ciento" is 5.125).
//! - Words: English and Spanish cardinals ("fourteen", "seventy-five", "veintidós",
//!   "treinta y cinco", "doscientos mil"), scale words after digits or words ("1.5 million",
//!   "2.000 millones", "mil millones" is 1e9, "billón" 1e12, "billion" 1e9), and "a dozen",
//!   "una docena", "un centenar de", "un millar de", "un par de", "medio millón".
//! - Vague plurals before "of"/"de" take their lower bound with the hedge `about`:
//!   "dozens of" 24, "decenas de" 20, "hundreds of"/"cientos de" 200, "thousands of"/"miles de"
//!   2,000, "millions of" 2,000,000; "tens of thousands of" multiplies (20,000).
//! - Multiples are unit `times`, kind `increase`: "doubled", "tripled", "se duplicó",
//!   "el doble", "twice as", "three times more", "tres veces más"; "double"/"triple" only
//!   after a hedge or before a function word (not "double murder"), "el doble" only before a
//!   function word, "de" or punctuation (not "el doble sentimiento"); "halved" is 0.5, `decrease`.
//! - "half of the X", "half the X", "la mitad de los X" are 50 percent of X.
//!
//! # What is not a quantity
//! Numbers inside a date expression (the `dates` argument); years (1900 to 2099 in plain digits,
//! unless a percent sign, scale word or currency comes with them); days next to a month or
//! weekday ("Oct. 31", "31 de octubre", "martes 31"); times ("9:30", "9 a.m.", "a las 9",
//! "12.00 h", "las 21,30 horas"; "24 horas" stays a count);
//! ordinals ("7th", "first", "primer": no ordinal words are read); ages ("41-year-old",
//! "41 years old", "aged 41", "at the age of 85", "García, 41," or "García, 41." at a clause
//! end, "de 41 años" unless a term word such as "pena" or
//! a hedge comes before "de"); phone and reference numbers (leading zeros, runs of digit groups,
//! digits joined by hyphens or slashes, numbers after "No.", "Ley", "article", "Highway" and
//! the like, a number after a capitalised word and before punctuation such as "Interstate 5.",
//! and ".498"). "one" is a pronoun or idiom, and skipped, in "one of", "no one", "the one",
//! "one day", "one point", and before a function word or a word in -ing, -ed or -ly ("one who",
//! "one trying"). Spanish "un"/"una"/"uno" are articles and only count with a scale or group
//! word ("un millón", "una docena"); "a"/"an" likewise. Scores and tables are not recognised
//! as such: "52 - 3" gives two counts.
//!
//! # Unit and hedge
//! Percent: "%", "percent", "per cent", "pct", "por ciento". Money: a symbol or code before
//! ("S/", "S/.", "US$", "$", "€", "USD", "PEN", "COP", "VES", "Bs") or a currency word after
//! ("soles", "dollars", "dólares", "euros", "bolívares", "pesos colombianos"; in Spanish after a
//! scale word with "de": "2 millones de dólares"). A bare "$" is USD; bare "pesos" is not read as
//! money. The segmenter ends a sentence after "S/." when a number follows, so a sentence ending
//! in "S/." makes the number opening the next one PEN, with the span starting at "S/.". Hedges
//! are the phrases right before the number (or its currency symbol), longest first, and the
//! span includes them.
//!
//! # Level or change
//! `increase`/`decrease` when a change word comes right after the number and its unit ("a 60%
//! increase", "60 percent more", "un 60% más", "10% fewer") or right before it, with only
//! "by", "of", "en", "de", "del", "un", "una" or a hedge between ("rose 12%", "cayó un 12%",
//! "un alza de 20%", "a drop of 10%"). "rose to 6,500" is a level. Multiples are increases.
//! After a count, "more"/"fewer"/"más"/"menos" make a change only with "than"/"que" after
//! the counted phrase ("6,500 more complaints than in 2022"); "two more raids" is a level.
//!
//! # What is counted
//! The words after the number and its unit: after a vague number or a scale word, one "of"/"de"
//! is skipped. Partitives ("of the X", "de los X") count X; "of them"/"de ellos" count whatever
//! noun phrase follows, else nothing; partitive "del" after a count gives nothing ("cinco del
//! Parlamento"). A comparative after a count is skipped ("two more raids" counts "raids").
//! The phrase stops at punctuation, a number, a function word (determiner, conjunction,
//! preposition, auxiliary, pronoun), and at a verb: in English after a plural noun only further
//! plural nouns are taken ("police officers", not "officers patrol"); in Spanish after the first
//! word only words ending in "s" (adjectives agree: "personas heridas", not "personas
//! resultaron"), and a first word that looks like a finite verb ("subieron") gives nothing.
//! One "of"/"de"/"por"/"for"/"against"/"contra" followed by a bare lowercase word stays in the
//! phrase ("cases of extortion", "denuncias por extorsión", "casos de robo", not "casos de robo
//! de celulares"); a determiner after it ends the phrase ("integrantes de la banda" counts
//! "integrantes"), and so does a Spanish infinitive ("denuncias por atacar"). At most six words.
//! Percentages count only after "of"/"de" ("35 percent of the cases", "60% of victims", "el 35%
//! del total"); money and multiples count nothing. In "between 5 and 10 soles" and "de 5 a 10
//! soles" the first number takes the second's unit and counted phrase.
//!
//! # Period and place
//! `period` is the date mention inside the same sentence that starts nearest after the quantity,
//! else the nearest one ending before it. Dates that are the baseline of a comparison (within
//! three tokens after "than", "compared", "versus", "respecto", "frente", "más que") are passed
//! over, and so are reporting dates (at most two tokens after "said", "told", "dijo",
//! "informó" and the like), unless the sentence has no other: in "6,500 cases between January
//! and August, a 60% increase compared with the same period in 2022, police said on Tuesday"
//! both quantities take "between January and August". `place` is the nearest place mention after the
//! quantity in the same sentence that follows "in"/"en" (with at most one determiner between),
//! else the place mention in the sentence nearest to the quantity.

mod context;
pub(crate) mod lexicon;
mod numbers;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use model::{Article, Language, Span};

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
/// `dates` are the article's date expressions in text order ([`crate::dates::find`]); `places`
/// the spans of its place mentions, sorted. See the module docs for the rules.
pub fn find(article: &Article, dates: &[DateMention], places: &[Span]) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut tokens = &article.tokens[..];
    let mut blocks = article.extraction_blocks().peekable();
    let mut carried = None;
    for &sentence in &article.sentences {
        let skip = tokens.partition_point(|t| t.start < sentence.start);
        tokens = &tokens[skip..];
        let own = tokens.partition_point(|t| t.end <= sentence.end);
        let (own, rest) = tokens.split_at(own);
        tokens = rest;
        while blocks.next_if(|block| block.span.end <= sentence.start).is_some() {}
        let language = match blocks.peek() {
            Some(block) if block.language.is_supported() => &block.language,
            _ => &article.language,
        };
        let lang = if *language == Language::Spanish { Lang::Es } else { Lang::En };
        let words = Words::new(&article.text, own, lang);
        out.extend(context::sentence(&words, carried, dates, places, sentence));
        carried = context::soles_tail(&words);
    }
    out
}

/// The language whose number conventions a sentence follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Es,
    En,
}

/// The tokens of one sentence, with their lowercase forms.
struct Words<'a> {
    text: &'a str,
    spans: &'a [Span],
    lower: Vec<Cow<'a, str>>,
    lang: Lang,
}

impl<'a> Words<'a> {
    fn new(text: &'a str, spans: &'a [Span], lang: Lang) -> Words<'a> {
        let lower = spans
            .iter()
            .map(|span| {
                let raw = span.slice(text);
                if raw.chars().any(char::is_uppercase) {
                    Cow::Owned(raw.to_lowercase())
                } else {
                    Cow::Borrowed(raw)
                }
            })
            .collect();
        Words { text, spans, lower, lang }
    }

    fn len(&self) -> usize {
        self.spans.len()
    }

    /// The lowercase token at `i`, or "" past either end.
    fn low(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", |w| w.as_ref())
    }

    /// The lowercase token before `i`, or "".
    fn before(&self, i: usize, back: usize) -> &str {
        i.checked_sub(back).map_or("", |j| self.low(j))
    }

    /// The token at `i` as written, or "".
    fn raw(&self, i: usize) -> &'a str {
        self.spans.get(i).map_or("", |span| span.slice(self.text))
    }

    /// True when the token at `i` starts with a letter or digit.
    fn is_word(&self, i: usize) -> bool {
        self.raw(i).starts_with(|c: char| c.is_alphanumeric())
    }

    /// True when tokens `i - 1` and `i` touch, with no space between.
    fn touches(&self, i: usize) -> bool {
        i > 0 && i < self.len() && self.spans[i - 1].end == self.spans[i].start
    }

    /// The span from the start of token `first` to the end of token `last_exclusive - 1`.
    fn span(&self, first: usize, last_exclusive: usize) -> Span {
        Span::new(self.spans[first].start, self.spans[last_exclusive - 1].end)
    }
}
