//! Quantities of one sentence: numbers found, traps skipped, then unit, hedge, kind, counted phrase, period and place.

use model::Span;

use super::lexicon::{
    change_after, change_before, change_gap, currency_symbol, currency_word, is_chain,
    is_clock_word, is_function_word, is_irregular_plural, is_month, is_partitive_determiner,
    is_partitive_pronoun, is_reference_word, is_term_word, is_weekday, scale, small_number, vague,
    HEDGES,
};
use super::numbers::{self, Number};
use super::{Hedge, Lang, Quantity, QuantityKind, Unit, Words};
use crate::dates::DateMention;

/// A quantity before its context is read.
#[derive(Debug, Clone, Copy)]
struct Found {
    /// First token: the number, or the currency symbol before it.
    start: usize,
    /// One past the last token of the number and its unit.
    end: usize,
    value: f64,
    unit: Unit,
    /// Set by the form itself ("doubled").
    kind: Option<QuantityKind>,
    vague: bool,
    takes_of: bool,
    /// "S/." left at the end of the previous sentence, where the quantity's span starts.
    lead: Option<Span>,
}

/// The quantities of one sentence, in text order.
pub(super) fn sentence(
    words: &Words,
    carried: Option<Span>,
    dates: &[DateMention],
    places: &[Span],
    sentence: Span,
) -> Vec<Quantity> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match find_at(words, i, dates, carried.filter(|_| i == 0)) {
            Some(f) => {
                i = f.end;
                found.push(f);
            }
            None => i += 1,
        }
    }
    let mut out: Vec<Quantity> = found.iter().map(|f| describe(words, f)).collect();
    share_range_units(words, &found, &mut out);
    for q in &mut out {
        q.period = period(words, dates, sentence, q.span);
        q.place = place(words, places, sentence, q.span);
    }
    out
}

/// "S/." closing a sentence: the segmenter ends sentences there when a number follows.
pub(super) fn soles_tail(words: &Words) -> Option<Span> {
    let n = words.len();
    let tail = n >= 3
        && words.raw(n - 3) == "S"
        && words.raw(n - 2) == "/"
        && words.raw(n - 1) == "."
        && words.touches(n - 2);
    tail.then(|| words.span(n - 3, n))
}

fn find_at(words: &Words, i: usize, dates: &[DateMention], carried: Option<Span>) -> Option<Found> {
    if let Some(f) = multiple_at(words, i).or_else(|| half_at(words, i)) {
        return Some(f);
    }
    let number = numbers::at(words, i)?;
    if in_date(words.span(number.start, number.end), dates) {
        return None;
    }
    let currency = currency_before(words, number.start).or(carried.map(|_| ("PEN", number.start)));
    if number.plain && currency.is_none() && is_trap(words, &number) {
        return None;
    }
    if words.low(i) == "one" && number.end == i + 1 && is_idiomatic_one(words, i) {
        return None;
    }
    let (start, mut unit) = match currency {
        Some((code, start)) => (start, Unit::Currency(code)),
        None => (number.start, Unit::Count),
    };
    let mut kind = None;
    let mut end = number.end;
    let mut value = number.value;
    if let Some((suffix, suffix_end, suffix_kind)) = unit_after(words, &number) {
        if currency.is_none() || !matches!(suffix, Unit::Currency(_)) {
            unit = suffix;
        }
        end = suffix_end;
        kind = suffix_kind;
    }
    // "5,125 por ciento": a Spanish comma before three digits is a decimal mark in a percentage.
    let raw = words.raw(i);
    if unit == Unit::Percent && words.lang == Lang::Es && raw.matches(',').count() == 1 {
        value = raw.replace('.', "").replace(',', ".").parse().unwrap_or(value);
    }
    Some(Found {
        start,
        end,
        value,
        unit,
        kind,
        vague: number.vague,
        takes_of: number.takes_of,
        lead: carried,
    })
}

/// Whether `span` lies inside, or overlaps, a date expression.
fn in_date(span: Span, dates: &[DateMention]) -> bool {
    let from = dates.partition_point(|d| d.span.end <= span.start);
    dates[from..].iter().take_while(|d| d.span.start < span.end).next().is_some()
}

/// Years, days of month, times, ages, phone and reference numbers.
fn is_trap(words: &Words, number: &Number) -> bool {
    let i = number.start;
    let value = number.value;
    let raw = words.raw(i);
    let prev = words.before(i, 1);
    let (next, next2) = (words.low(i + 1), words.low(i + 2));
    let whole = value.fract() == 0.0;
    let bare = raw.bytes().all(|b| b.is_ascii_digit());
    let percent = matches!(next, "%" | "percent" | "pct" | "por" | "per");
    if bare && raw.len() == 4 && (1900.0..2100.0).contains(&value) && !percent {
        return true;
    }
    if whole && (1.0..=31.0).contains(&value) {
        let month_after = is_month(next) || (matches!(next, "de" | "of") && is_month(next2));
        if is_month(prev) || month_after || is_weekday(prev) {
            return true;
        }
    }
    if is_clock_word(next) && !matches!(next, "horas" | "hrs" | "h") {
        return true;
    }
    // "12.00 h", "las 21,30 horas".
    let hours = matches!(next, "horas" | "hrs" | "h");
    let minutes = raw.len() >= 4 && matches!(raw.as_bytes()[raw.len() - 3], b'.' | b',');
    if hours && (minutes || matches!(prev, "las" | "la")) && value < 24.0 {
        return true;
    }
    if whole && value <= 24.0 && matches!(prev, "las" | "la" | "at") {
        let time = !words.is_word(i + 1)
            || is_clock_word(next)
            || (next == "de" && matches!(next2, "la" | "mañana" | "tarde" | "noche" | "madrugada"))
            || (next == "y"
                && (next2 == "media" || next2.starts_with(|c: char| c.is_ascii_digit())));
        if time {
            return true;
        }
    }
    if is_age(words, i) {
        return true;
    }
    if is_reference_word(prev) {
        return true;
    }
    // "Interstate 5.", "Oregon 214,": a name with a number, not a count.
    let named = i.checked_sub(1).is_some_and(|j| words.raw(j).starts_with(char::is_uppercase));
    if named && !words.is_word(i + 1) {
        return true;
    }
    // ".498": a decimal written without its leading zero.
    if prev == "." && words.touches(i) {
        return true;
    }
    // Runs of digit groups and slashed numbers: phones, ids, "31/10/2023".
    let digit_token =
        |j: usize| words.raw(j).bytes().all(|b| b.is_ascii_digit()) && !words.raw(j).is_empty();
    if (i > 0 && digit_token(i - 1)) || digit_token(i + 1) {
        return true;
    }
    (prev == "/" && i >= 2 && digit_token(i - 2))
        || (next == "/" && digit_token(i + 2) && words.touches(i + 1))
}

/// "41 years old", "aged 41", "de 41 años", "García, 41,", "(41)".
fn is_age(words: &Words, i: usize) -> bool {
    let (prev, prev2) = (words.before(i, 1), words.before(i, 2));
    let (next, next2, next3) = (words.low(i + 1), words.low(i + 2), words.low(i + 3));
    if matches!(next, "years" | "year") && next2 == "old" {
        return true;
    }
    if matches!(prev, "aged" | "age" | "edad")
        || (matches!(prev, "of" | "de") && matches!(prev2, "age" | "edad"))
    {
        return true;
    }
    if matches!(next, "años" | "año") && next2 == "de" && next3 == "edad" {
        return true;
    }
    if prev == "de" && matches!(next, "años" | "año") && !is_term_word(prev2) {
        return true;
    }
    let capitalised = |j: usize| words.raw(j).starts_with(|c: char| c.is_uppercase());
    let small = words.raw(i).len() <= 3;
    small
        && i >= 2
        && ((prev == "," && matches!(next, "," | "." | ";" | "") && capitalised(i - 2))
            || (prev == "(" && next == ")" && capitalised(i - 2)))
}

/// "one of", "no one", "the one", "one day", "one who": a pronoun or idiom, not a count.
fn is_idiomatic_one(words: &Words, i: usize) -> bool {
    let prev = words.before(i, 1);
    let next = words.low(i + 1);
    let idiom = matches!(
        next,
        "of" | "another"
            | "day"
            | "night"
            | "morning"
            | "time"
            | "way"
            | "side"
            | "thing"
            | "hand"
            | "point"
            | "another's"
    );
    let modifier = next.ends_with("ing") || next.ends_with("ed") || next.ends_with("ly");
    idiom
        || modifier
        || is_function_word(next)
        || matches!(prev, "the" | "this" | "that" | "no" | "any" | "every" | "each" | "which")
        || !words.is_word(i + 1)
}

/// A currency symbol or code right before token `start`: its code and first token.
fn currency_before(words: &Words, start: usize) -> Option<(&'static str, usize)> {
    let raw = |back: usize| start.checked_sub(back).map_or("", |j| words.raw(j));
    match raw(1) {
        "$" if raw(2) == "US" && words.touches(start - 1) => Some(("USD", start - 2)),
        "." if raw(2) == "/" && raw(3) == "S" => Some(("PEN", start - 3)),
        "/" if raw(2) == "S" && words.touches(start - 1) => Some(("PEN", start - 2)),
        symbol => currency_symbol(symbol).map(|code| (code, start - 1)),
    }
}

/// The unit written after a number: percent, a currency word, or "times more".
fn unit_after(words: &Words, number: &Number) -> Option<(Unit, usize, Option<QuantityKind>)> {
    let e = number.end;
    let (w, w2) = (words.low(e), words.low(e + 1));
    let percent = match (w, w2) {
        ("%", _) | ("percent" | "pct" | "porciento", _) => Some(e + 1),
        ("per", "cent") | ("por", "ciento") => Some(e + 2),
        _ => None,
    };
    if let Some(end) = percent {
        return Some((Unit::Percent, end, None));
    }
    let money = |j: usize| -> Option<(&'static str, usize)> {
        match (words.low(j), words.low(j + 1)) {
            ("nuevos", "soles") => Some(("PEN", j + 2)),
            ("pesos", "colombianos") | ("colombian", "pesos") => Some(("COP", j + 2)),
            ("us" | "u.s.", "dollars") => Some(("USD", j + 2)),
            (word, _) => currency_word(word).map(|code| (code, j + 1)),
        }
    };
    let money = money(e).or_else(|| {
        if number.takes_of && matches!(w, "de" | "of") {
            money(e + 1)
        } else {
            None
        }
    });
    if let Some((code, end)) = money {
        return Some((Unit::Currency(code), end, None));
    }
    if matches!(w, "times" | "veces") {
        let end = match w2 {
            "more" | "higher" | "larger" | "greater" | "más" | "mayor" | "superior" => e + 2,
            "as" => e + 1,
            _ => return None,
        };
        return Some((Unit::Times, end, Some(QuantityKind::Increase)));
    }
    None
}

/// "doubled", "se duplicó", "el doble", "almost double", "twice as", "halved".
fn multiple_at(words: &Words, i: usize) -> Option<Found> {
    let word = words.low(i);
    let prev = words.before(i, 1);
    let next = words.low(i + 1);
    let (value, start) = match word {
        "doubled" | "doubles" | "doubling" => (2.0, i),
        "tripled" | "triples" | "tripling" => (3.0, i),
        "quadrupled" | "quadruples" => (4.0, i),
        "halved" => (0.5, i),
        "duplicó" | "duplicaron" | "duplica" | "duplican" | "duplicado" | "duplicada" => {
            (2.0, if prev == "se" { i - 1 } else { i })
        }
        "triplicó" | "triplicaron" | "triplica" | "triplican" | "triplicado" | "triplicada" => {
            (3.0, if prev == "se" { i - 1 } else { i })
        }
        "cuadruplicó" | "cuadruplicaron" => (4.0, if prev == "se" { i - 1 } else { i }),
        "double" | "triple" | "quadruple" if words.lang == Lang::En => {
            let free = hedge_before(words, i).is_some()
                || matches!(prev, "to" | "will" | "would" | "could" | "than" | "nearly")
                || !words.is_word(i + 1)
                || is_function_word(next);
            if !free {
                return None;
            }
            (
                if word == "double" {
                    2.0
                } else if word == "triple" {
                    3.0
                } else {
                    4.0
                },
                i,
            )
        }
        "doble" | "triple"
            if words.lang == Lang::Es
                && matches!(prev, "el" | "del")
                && (!words.is_word(i + 1) || is_function_word(next) || next == "de") =>
        {
            (if word == "doble" { 2.0 } else { 3.0 }, if prev == "el" { i - 1 } else { i })
        }
        "twice" if next == "as" => (2.0, i),
        _ => return None,
    };
    let kind = if value < 1.0 { QuantityKind::Decrease } else { QuantityKind::Increase };
    Some(Found {
        start,
        end: i + 1,
        value,
        unit: Unit::Times,
        kind: Some(kind),
        vague: false,
        takes_of: false,
        lead: None,
    })
}

/// "half of the X", "half the X", "la mitad de los X": 50 percent.
fn half_at(words: &Words, i: usize) -> Option<Found> {
    let next = words.low(i + 1);
    let start = match words.low(i) {
        "half" if next == "of" || (next == "the" && words.lang == Lang::En) => i,
        "mitad" if words.before(i, 1) == "la" && matches!(next, "de" | "del") => i - 1,
        _ => return None,
    };
    Some(Found {
        start,
        end: i + 1,
        value: 50.0,
        unit: Unit::Percent,
        kind: None,
        vague: false,
        takes_of: false,
        lead: None,
    })
}

/// The hedge phrase ending right before token `start`, and its first token.
fn hedge_before(words: &Words, start: usize) -> Option<(Hedge, usize)> {
    HEDGES.iter().find_map(|(phrase, hedge)| {
        let from = start.checked_sub(phrase.len())?;
        phrase.iter().enumerate().all(|(k, w)| words.low(from + k) == *w).then_some((*hedge, from))
    })
}

fn describe(words: &Words, f: &Found) -> Quantity {
    let (hedge, start) = match hedge_before(words, f.start) {
        Some((hedge, start)) => (Some(hedge), start),
        None => (f.vague.then_some(Hedge::About), f.start),
    };
    let mut kind = f.kind.unwrap_or_else(|| change(words, f, start));
    let mut span = words.span(start, f.end);
    if let Some(lead) = f.lead {
        span.start = lead.start;
    }
    let mut counted = counted(words, f);
    // "two more raids" adds to a count; "6,500 more complaints than" compares it.
    let comparative = match words.low(f.end) {
        "more" | "más" => Some(QuantityKind::Increase),
        "fewer" | "less" | "menos" => Some(QuantityKind::Decrease),
        _ => None,
    };
    if let (Some(change), Unit::Count) = (comparative, f.unit) {
        counted = phrase(words, f.end + 1, true);
        let after = counted.map_or(f.end + 1, |c| words.spans.partition_point(|t| t.end <= c.end));
        if matches!(words.low(after), "than" | "que") {
            kind = change;
        }
    }
    Quantity { span, value: f.value, unit: f.unit, counted, hedge, kind, period: None, place: None }
}

/// A change word right after the quantity, or right before it with only small words between.
fn change(words: &Words, f: &Found, start: usize) -> QuantityKind {
    let after = words.low(f.end);
    if let Some(kind) = change_after(after) {
        // Comparatives after a count are read in `describe`.
        let comparative = matches!(after, "more" | "less" | "fewer" | "más" | "menos");
        if f.unit != Unit::Count || !comparative {
            return kind;
        }
    }
    let mut j = start;
    for _ in 0..3 {
        let Some(prev) = j.checked_sub(1) else { break };
        let word = words.low(prev);
        if let Some(kind) = change_before(word) {
            // "up" and "down" only right before the number: "up 12%".
            if !matches!(word, "up" | "down") || prev + 1 == start {
                return kind;
            }
            break;
        }
        if !change_gap(word) {
            break;
        }
        j = prev;
    }
    QuantityKind::Level
}

/// The noun phrase a quantity counts; see the module docs.
fn counted(words: &Words, f: &Found) -> Option<Span> {
    let k = f.end;
    let word = words.low(k);
    let next = words.low(k + 1);
    let of = matches!(word, "of" | "de" | "del");
    match f.unit {
        Unit::Currency(_) | Unit::Times => None,
        Unit::Percent if !of => None,
        Unit::Percent if word == "del" => phrase(words, k + 1, true),
        Unit::Percent if is_partitive_determiner(next) => phrase(words, k + 2, true),
        Unit::Percent if is_partitive_pronoun(next) => None,
        Unit::Percent => phrase(words, k + 1, true),
        Unit::Count if !of => phrase(words, k, f.value > 1.0 || f.vague),
        Unit::Count if is_partitive_determiner(next) || is_partitive_pronoun(next) => {
            phrase(words, k + 2, true)
        }
        Unit::Count if f.takes_of && word != "del" => phrase(words, k + 1, true),
        Unit::Count => None,
    }
}

/// The counted phrase starting at token `k`; `plural` when it names more than one thing.
fn phrase(words: &Words, mut k: usize, plural: bool) -> Option<Span> {
    let start = k;
    let mut end = k;
    let mut head = false;
    let mut chained = false;
    while k < words.len() && end - start < 6 && words.is_word(k) {
        let word = words.low(k);
        if is_number_word(words, k) {
            break;
        }
        let taken = end > start;
        if !taken && is_chain(word) {
            break;
        }
        if taken && is_chain(word) {
            let next = words.low(k + 1);
            let bare = words.raw(k + 1).starts_with(|c: char| c.is_lowercase());
            // Spanish infinitives start a purpose clause: "delitos por atacar".
            let infinitive = words.lang == Lang::Es
                && next.len() > 4
                && (next.ends_with("ar") || next.ends_with("er") || next.ends_with("ir"));
            if bare
                && !chained
                && !infinitive
                && !is_function_word(next)
                && !is_month(next)
                && !is_number_word(words, k + 1)
            {
                k += 2;
                end = k;
                chained = true;
                continue;
            }
            break;
        }
        if is_function_word(word) || (!taken && words.lang == Lang::Es && spanish_verb(word)) {
            break;
        }
        if taken {
            let stop = match words.lang {
                Lang::En => {
                    (head && !english_plural(word))
                        || (!plural && (word.ends_with("ed") || word.ends_with("ing")))
                }
                Lang::Es => (plural && !word.ends_with('s')) || (!plural && spanish_verb(word)),
            };
            if stop {
                break;
            }
        }
        if words.lang == Lang::En && (english_plural(word) || !plural) {
            head = true;
        }
        k += 1;
        end = k;
    }
    (end > start).then(|| words.span(start, end))
}

fn is_number_word(words: &Words, k: usize) -> bool {
    let word = words.low(k);
    word.starts_with(|c: char| c.is_ascii_digit())
        || small_number(word, words.lang).is_some()
        || scale(word, words.lang).is_some()
        || vague(word).is_some()
}

fn english_plural(word: &str) -> bool {
    (word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us"))
        || is_irregular_plural(word)
}

/// Finite verb endings in Spanish news: preterite and imperfect third persons.
fn spanish_verb(word: &str) -> bool {
    word.len() > 4 && (word.ends_with("ron") || word.ends_with("aban") || word.ends_with("ían"))
        || (word.len() > 3 && word.ends_with('ó'))
}

/// In "between 5 and 10 soles", the first number takes the second's unit and counted phrase.
fn share_range_units(words: &Words, found: &[Found], out: &mut [Quantity]) {
    for k in 1..found.len() {
        let (first, second) = (&found[k - 1], &found[k]);
        let joined = second.start == first.end + 1
            && matches!(words.low(first.end), "and" | "y" | "to" | "a" | "-" | "–" | "or" | "o");
        if joined && first.unit == Unit::Count && out[k - 1].counted.is_none() {
            let (unit, counted) = (out[k].unit, out[k].counted);
            out[k - 1].unit = unit;
            out[k - 1].counted = counted;
        }
    }
}

/// The date mention of the sentence nearest after the quantity, else nearest before it, passing
/// over baselines of a comparison ("compared with the same period in 2022", "que en 2022") and
/// reporting dates ("police said on Tuesday") unless the sentence has no other date.
fn period(words: &Words, dates: &[DateMention], sentence: Span, span: Span) -> Option<usize> {
    let inside = |d: &DateMention| sentence.contains(d.span);
    let pick = |skip_baselines: bool| {
        let ok = |d: &DateMention| inside(d) && !(skip_baselines && is_aside(words, d.span));
        let after = dates.iter().position(|d| ok(d) && d.span.start >= span.end);
        after.or_else(|| dates.iter().rposition(|d| ok(d) && d.span.end <= span.start))
    };
    pick(true).or_else(|| pick(false))
}

/// Whether a comparison or reporting word comes at most three tokens before the date.
fn is_aside(words: &Words, date: Span) -> bool {
    let k = words.spans.partition_point(|t| t.start < date.start);
    (1..=3).any(|back| match words.before(k, back) {
        "said" | "told" | "announced" | "reported" | "dijo" | "informó" | "señaló" | "anunció"
        | "indicó" | "afirmó" => back <= 2,
        "than" | "compared" | "versus" | "vs." | "respecto" | "frente" | "comparado"
        | "comparación" => true,
        "que" => matches!(words.before(k, back + 1), "más" | "menos" | "mayor" | "menor"),
        _ => false,
    })
}

/// The place after "in"/"en" following the quantity, else the place of the sentence nearest to it.
fn place(words: &Words, places: &[Span], sentence: Span, span: Span) -> Option<Span> {
    let from = places.partition_point(|p| p.start < sentence.start);
    let own = places[from..].iter().take_while(|p| p.end <= sentence.end);
    let introduced = |p: &Span| {
        let k = words.spans.partition_point(|t| t.start < p.start);
        let prev = words.before(k, 1);
        let determiner = matches!(prev, "the" | "el" | "la" | "los" | "las");
        matches!(prev, "in" | "en") || (determiner && matches!(words.before(k, 2), "in" | "en"))
    };
    if let Some(p) = own.clone().find(|p| p.start >= span.end && introduced(p)) {
        return Some(*p);
    }
    let distance = |p: &Span| {
        if p.start >= span.end {
            p.start - span.end
        } else {
            span.start.saturating_sub(p.end)
        }
    };
    own.filter(|p| !span.contains(**p)).min_by_key(|p| distance(p)).copied()
}
